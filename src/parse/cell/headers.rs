//! The one table of column names: every sheet reader (actuals CSV and xlsx, `eval --csv`,
//! the spending sheet) finds its columns here, so a header that names a column in one
//! format names it in all.

/// A column a reader looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Project,
    Indicator,
    Level1,
    Level2,
    Name,
    Actual,
    Reason,
    Baseline,
    Target,
    Points,
    FiscalYear,
    Description,
    Spent,
    Date,
}

/// Each field's names: the English name `template` writes first, then the 自评表's
/// Chinese. When a sheet has columns under two names of one field, the earlier name wins
/// (readers that must not guess refuse such a sheet first).
const HEADERS: [(Field, &[&str]); 14] = [
    (Field::Project, &["project", "项目编码"]),
    (Field::Indicator, &["indicator", "指标编码", "id"]),
    (Field::Level1, &["level1", "一级指标"]),
    (Field::Level2, &["level2", "二级指标"]),
    (Field::Name, &["name", "三级指标"]),
    (Field::Actual, &["actual", "实际完成值"]),
    (
        Field::Reason,
        &["reason", "偏差原因", "偏差原因分析及改进措施"],
    ),
    (Field::Baseline, &["baseline", "基期值", "上年值"]),
    (Field::Target, &["target", "年度指标值", "指标值"]),
    (Field::Points, &["points", "分值"]),
    (Field::FiscalYear, &["fiscal_year", "年度", "预算年度"]),
    (Field::Description, &["description", "绩效指标描述"]),
    (Field::Spent, &["spent", "累计支出"]),
    (Field::Date, &["date", "截至日期", "日期"]),
];

impl Field {
    /// The header names of this field, in order of preference.
    pub fn names(self) -> &'static [&'static str] {
        HEADERS
            .iter()
            .find(|(f, _)| *f == self)
            .map_or(&[], |(_, names)| names)
    }

    /// Whether a header cell names this field: spaces (half- and full-width), line breaks
    /// and a BOM inside the header do not matter, nor the case of English letters.
    pub fn is_named_by(self, header: &str) -> bool {
        let key = header_key(header);
        self.names().iter().any(|n| *n == key)
    }
}

/// A header as compared with the names: without spaces, line breaks and BOM, lower case.
pub fn header_key(header: &str) -> String {
    header
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{feff}')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The column of `field` among `headers`: the first column named by the field's most
/// preferred name that occurs.
pub fn find_column<S: AsRef<str>>(headers: &[S], field: Field) -> Option<usize> {
    let keys: Vec<String> = headers.iter().map(|h| header_key(h.as_ref())).collect();
    field
        .names()
        .iter()
        .find_map(|n| keys.iter().position(|k| k == n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_names_and_no_name_is_shared() {
        let mut seen = std::collections::HashSet::new();
        for (field, names) in HEADERS {
            assert!(!field.names().is_empty(), "{field:?}");
            for n in names {
                assert!(seen.insert(*n), "`{n}` names two fields");
            }
        }
    }

    #[test]
    fn headers_as_typed() {
        let headers = ["项目编码", " 实际 完成值 ", "Actual"];
        assert_eq!(find_column(&headers, Field::Actual), Some(2));
        assert_eq!(find_column(&headers, Field::Project), Some(0));
        assert!(Field::Actual.is_named_by("实际\n完成值"));
        assert_eq!(find_column(&headers, Field::Reason), None);
    }
}
