//! Exact quantities with units: `2000份`, `95%`, `1.2亿元`, `3天`.

use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// Chinese magnitude words that scale the number they follow (`250万` = 2,500,000).
/// Kept as written so the canonical form reads like the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Magnitude {
    Qian,
    Wan,
    BaiWan,
    QianWan,
    Yi,
}

impl Magnitude {
    pub fn from_word(w: &str) -> Option<Magnitude> {
        Some(match w {
            "千" => Magnitude::Qian,
            "万" => Magnitude::Wan,
            "百万" => Magnitude::BaiWan,
            "千万" => Magnitude::QianWan,
            "亿" => Magnitude::Yi,
            _ => return None,
        })
    }
    pub fn factor(self) -> Decimal {
        Decimal::from(match self {
            Magnitude::Qian => 1_000_i64,
            Magnitude::Wan => 10_000,
            Magnitude::BaiWan => 1_000_000,
            Magnitude::QianWan => 10_000_000,
            Magnitude::Yi => 100_000_000,
        })
    }
    pub fn word(self) -> &'static str {
        match self {
            Magnitude::Qian => "千",
            Magnitude::Wan => "万",
            Magnitude::BaiWan => "百万",
            Magnitude::QianWan => "千万",
            Magnitude::Yi => "亿",
        }
    }
}

/// The unit words that text outside the target grammar (prose sentences, brackets in
/// indicator names) is matched against, longest first so that `人次` wins over `人`. A
/// constant for the importer; every word is a known unit of the vocabulary
/// (`scorecards/policies/vocabulary.toml`, tested), which knows more:
/// [`super::vocabulary::Vocabulary::known_units`].
pub const UNIT_WORDS: &[&str] = &[
    "个百分点",
    "工作日",
    "人次",
    "场次",
    "小时",
    "万元",
    "册数",
    "%",
    "％",
    "‰",
    "份",
    "次",
    "个",
    "套",
    "人",
    "件",
    "项",
    "户",
    "场",
    "期",
    "家",
    "所",
    "台",
    "辆",
    "册",
    "篇",
    "条",
    "批",
    "本",
    "处",
    "座",
    "天",
    "日",
    "月",
    "年",
    "元",
];

/// A unit as written, after normalisation (`百分比` → `%`). Compound units (`元/人`,
/// `期/月`) are plain units whose name contains `/`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct Unit(pub String);

impl Unit {
    pub fn new(s: impl Into<String>) -> Unit {
        Unit(s.into())
    }
    pub fn percent() -> Unit {
        Unit("%".to_string())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    pub fn is_percent_like(&self) -> bool {
        &*self.base().0 == "%"
    }
    pub fn is_percentage_points(&self) -> bool {
        matches!(self.0.as_str(), "个百分点" | "百分点")
    }
    /// The base unit and the factor that converts one of this unit into it, from the
    /// vocabulary in force (an alias resolved; an unknown unit is its own base).
    pub fn base(&self) -> (std::sync::Arc<str>, Decimal) {
        super::vocabulary::active().base(&self.0)
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A number as written (exact), with its magnitude word and unit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Quantity {
    pub value: Decimal,
    pub magnitude: Option<Magnitude>,
    pub unit: Option<Unit>,
}

/// In JSON (`parse --format json`) a quantity also says how its unit is read: the unit it
/// converts to and the exact factor (`"km"` → `{"unit": "米", "factor": "1000"}`), or
/// `"unit_known": false` for a unit the vocabulary does not know (read as written).
impl Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("value", &self.value.to_string())?;
        if let Some(mag) = self.magnitude {
            m.serialize_entry("magnitude", &mag)?;
        }
        m.serialize_entry("unit", &self.unit)?;
        if let Some(u) = &self.unit {
            let vocab = super::vocabulary::active();
            let (base, factor) = vocab.base(u.as_str());
            if &*base != u.as_str() || factor != Decimal::ONE {
                let mut b = serde_json::Map::new();
                b.insert("unit".into(), base.to_string().into());
                b.insert("factor".into(), factor.normalize().to_string().into());
                m.serialize_entry("unit_base", &b)?;
            }
            if !vocab.is_known(u.as_str()) {
                m.serialize_entry("unit_known", &false)?;
            }
        }
        m.end()
    }
}

impl Quantity {
    pub fn new(value: Decimal, unit: Option<Unit>) -> Quantity {
        Quantity {
            value,
            magnitude: None,
            unit,
        }
    }
    /// The value with its magnitude word applied (`250万` → 2500000), in the written unit.
    ///
    /// The parser refuses numbers whose scaled value does not fit a `Decimal`
    /// ([`Quantity::checked_scaled`]); for any other quantity the result saturates
    /// rather than panicking.
    pub fn scaled(&self) -> Decimal {
        self.checked_scaled()
            .unwrap_or(if self.value.is_sign_negative() {
                Decimal::MIN
            } else {
                Decimal::MAX
            })
    }
    /// The value with its magnitude word applied, or `None` when it is too large.
    pub fn checked_scaled(&self) -> Option<Decimal> {
        match self.magnitude {
            Some(m) => self.value.checked_mul(m.factor()),
            None => Some(self.value),
        }
    }
    pub fn unit_str(&self) -> &str {
        self.unit.as_ref().map(|u| u.as_str()).unwrap_or("")
    }

    /// The unit as read, for people: `km（1km = 1000米）`, `艘X（词表中没有，按写法读取）`,
    /// or the unit alone when it is known and converts to nothing.
    pub fn unit_reading(&self) -> String {
        let Some(u) = &self.unit else {
            return String::new();
        };
        let vocab = super::vocabulary::active();
        let (base, factor) = vocab.base(u.as_str());
        if &*base != u.as_str() || factor != Decimal::ONE {
            format!("{u}（1{u} = {}{base}）", factor.normalize())
        } else if !vocab.is_known(u.as_str()) {
            format!("{u}（词表中没有，按写法读取）")
        } else {
            u.to_string()
        }
    }
}

/// Why two quantities cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnitError {
    /// The units do not convert into one another.
    Mismatch { actual: String, target: String },
    /// The conversion does not fit exact arithmetic.
    TooLarge,
}

/// Expresses `actual` in the unit of `target` so the two numbers can be compared.
/// A unitless actual takes the target's unit as written (`92.5` against `≥90%` is 92.5%).
/// A unitless target accepts any actual unit (the target said nothing about units).
pub fn in_unit_of(actual: &Quantity, target: &Quantity) -> Result<Decimal, UnitError> {
    let a = actual.checked_scaled().ok_or(UnitError::TooLarge)?;
    match (&actual.unit, &target.unit) {
        (None, _) | (_, None) => Ok(a),
        (Some(au), Some(tu)) if au == tu => Ok(a),
        (Some(au), Some(tu)) => {
            let vocab = super::vocabulary::active();
            let (ab, af) = vocab.base(au.as_str());
            let (tb, tf) = vocab.base(tu.as_str());
            if ab == tb && !tf.is_zero() {
                a.checked_mul(af)
                    .and_then(|x| x.checked_div(tf))
                    .ok_or(UnitError::TooLarge)
            } else {
                Err(UnitError::Mismatch {
                    actual: au.0.clone(),
                    target: tu.0.clone(),
                })
            }
        }
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.value.normalize())?;
        if let Some(m) = self.magnitude {
            f.write_str(m.word())?;
        }
        if let Some(u) = &self.unit {
            write!(f, "{u}")?;
        }
        Ok(())
    }
}
