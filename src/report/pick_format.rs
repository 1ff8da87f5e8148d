//! Which format an output file gets: `-o 自评表.xlsx` alone must write a workbook, not a
//! text table under an `.xlsx` name (Excel then refuses to open it), and `--format json
//! -o x.xlsx` is a contradiction the user should hear about rather than a wrong file.

use super::Format;
use std::path::Path;

/// The format an output file's extension names (`.xlsx .html .htm .json .csv .md
/// .markdown`), if any. Other names (`.txt`, none) imply nothing: any text format may go there.
pub fn from_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "xlsx" => Format::Xlsx,
        "html" | "htm" => Format::Html,
        "json" => Format::Json,
        "csv" => Format::Csv,
        "md" | "markdown" => Format::Markdown,
        _ => return None,
    })
}

/// The format to write: `--format` if given (refused when the `-o` extension names
/// another), else the extension's, else the terminal table.
pub fn resolve(given: Option<Format>, output: Option<&Path>) -> Result<Format, String> {
    let implied = output.and_then(from_extension);
    match (given, implied) {
        (Some(g), Some(i)) if g != i => Err(format!(
            "`--format {}` 与输出文件 `{}` 的扩展名（{}）矛盾；去掉 `--format`（按扩展名写 {}），或把文件名改为 .{}",
            name(g),
            output.map(|p| p.display().to_string()).unwrap_or_default(),
            name(i),
            name(i),
            extension(g)
        )),
        (Some(g), _) => Ok(g),
        (None, Some(i)) => Ok(i),
        (None, None) => Ok(Format::Table),
    }
}

/// The `--format` value of a format.
pub fn name(f: Format) -> &'static str {
    match f {
        Format::Table => "table",
        Format::Markdown => "markdown",
        Format::Json => "json",
        Format::Csv => "csv",
        Format::Html => "html",
        Format::Xlsx => "xlsx",
    }
}

/// The usual file extension of a format.
pub fn extension(f: Format) -> &'static str {
    match f {
        Format::Table => "txt",
        Format::Markdown => "md",
        Format::Json => "json",
        Format::Csv => "csv",
        Format::Html => "html",
        Format::Xlsx => "xlsx",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_decides_unless_contradicted() {
        fn p(s: &str) -> Option<&Path> {
            Some(Path::new(s))
        }
        assert_eq!(resolve(None, p("自评表.xlsx")), Ok(Format::Xlsx));
        assert_eq!(resolve(None, p("a.HTML")), Ok(Format::Html));
        assert_eq!(resolve(None, p("a.md")), Ok(Format::Markdown));
        assert_eq!(resolve(None, p("a.out")), Ok(Format::Table));
        assert_eq!(resolve(None, None), Ok(Format::Table));
        assert_eq!(resolve(Some(Format::Csv), p("a.out")), Ok(Format::Csv));
        assert_eq!(resolve(Some(Format::Json), p("a.json")), Ok(Format::Json));
        assert!(resolve(Some(Format::Json), p("x.xlsx")).is_err_and(|e| e.contains("矛盾")));
    }
}
