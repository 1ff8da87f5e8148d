//! Reading CSV sheets that people fill in (actuals, mid-year spending): an optional UTF-8
//! BOM (Excel writes one), trimmed header names matched in English or Chinese, and the byte
//! span of every line so that diagnostics point at the row in the file.

use crate::model::Span;
use crate::parse::cell::{find_column, Field};
use csv::StringRecord;

pub struct Sheet<'a> {
    body: &'a str,
    bom: usize,
    pub headers: Vec<String>,
    reader: csv::Reader<&'a [u8]>,
}

impl<'a> Sheet<'a> {
    /// Reads the header row.
    pub fn open(text: &'a str) -> Result<Sheet<'a>, csv::Error> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let bom = text.len() - body.len();
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(body.as_bytes());
        let headers = reader
            .headers()?
            .iter()
            .map(|s| s.trim().to_string())
            .collect();
        Ok(Sheet {
            body,
            bom,
            headers,
            reader,
        })
    }

    /// The column of `field` (names from the one header table, [`Field`]).
    pub fn column(&self, field: Field) -> Option<usize> {
        find_column(&self.headers, field)
    }

    /// Two columns that both name the same field (`actual` and `实际完成值`, or `actual`
    /// twice): the 1-based numbers and headers of the first such pair among `fields`.
    /// Reading only the first would drop the other's values without a word.
    pub fn duplicate_column(&self, fields: &[Field]) -> Option<[(usize, String); 2]> {
        fields.iter().find_map(|field| {
            let mut hits = self
                .headers
                .iter()
                .enumerate()
                .filter(|(_, h)| field.is_named_by(h))
                .map(|(i, h)| (i + 1, h.clone()));
            Some([hits.next()?, hits.next()?])
        })
    }

    /// The header row's span in the file.
    pub fn header_span(&self) -> Span {
        self.line_span(0)
    }

    /// The span of the line starting at `start` (an offset in the body, after any BOM),
    /// without its line ending (`\n` or `\r\n`: Excel and `template --format csv` write CRLF).
    fn line_span(&self, start: usize) -> Span {
        let rest = self.body.get(start..).unwrap_or("");
        let line = rest.split('\n').next().unwrap_or("");
        let line = line.strip_suffix('\r').unwrap_or(line);
        Span::new(self.bom + start, self.bom + start + line.len())
    }

    /// Moves past a line break at `at`, so that a position left on the `\n` of a CRLF
    /// ending names the next line.
    fn skip_line_break(&self, at: usize) -> usize {
        let rest = self.body.get(at..).unwrap_or("");
        at + (rest.len() - rest.trim_start_matches(['\r', '\n']).len())
    }

    /// Reads the next record into `rec`: `None` at the end, else the span of its line, or
    /// the error and where it happened (the rest of the sheet can still be read).
    pub fn next_record(
        &mut self,
        rec: &mut StringRecord,
    ) -> Option<Result<Span, (Span, csv::Error)>> {
        let at = self.reader.position().byte() as usize;
        match self.reader.read_record(rec) {
            Ok(false) => None,
            // The csv reader leaves its position on the `\n` of a CRLF ending (it ends the
            // record at `\r`), which would name the previous line: step over it.
            Ok(true) => {
                let start = rec.position().map_or(at, |p| p.byte() as usize);
                Some(Ok(self.line_span(self.skip_line_break(start))))
            }
            Err(e) => {
                let start = e.position().map_or(at, |p| p.byte() as usize);
                let start = self.skip_line_break(start);
                Some(Err((Span::new(self.bom + start, self.bom + start), e)))
            }
        }
    }
}
