//! Reading CSV sheets that people fill in (actuals, mid-year spending): an optional UTF-8
//! BOM (Excel writes one), trimmed header names matched in English or Chinese, and the byte
//! span of every line so that diagnostics point at the row in the file.

use crate::model::Span;
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

    /// The first column named by any of `names`, in their order of preference.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.headers.iter().position(|h| h == n))
    }

    /// The header row's span in the file.
    pub fn header_span(&self) -> Span {
        let end = self.body.find('\n').unwrap_or(self.body.len());
        Span::new(self.bom, self.bom + end)
    }

    /// Reads the next record into `rec`: `None` at the end, else the span of its line, or
    /// the error and where it happened (the rest of the sheet can still be read).
    pub fn next_record(
        &mut self,
        rec: &mut StringRecord,
    ) -> Option<Result<Span, (Span, csv::Error)>> {
        let at = self.reader.position().byte() as usize + self.bom;
        match self.reader.read_record(rec) {
            Ok(false) => None,
            Ok(true) => {
                let end = self
                    .body
                    .get(at - self.bom..)
                    .and_then(|s| s.find('\n'))
                    .map(|e| at + e)
                    .unwrap_or(at);
                Some(Ok(Span::new(at, end.max(at))))
            }
            Err(e) => Some(Err((Span::new(at, at), e))),
        }
    }
}
