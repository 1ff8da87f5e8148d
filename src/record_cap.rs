//! A reader that refuses a CSV record longer than a limit, for inputs read as a stream
//! (`eval --csv`, whose input may be a pipe or `/dev/zero`). The `csv` crate grows its
//! record buffer without end, so one endless line would be read until memory runs out.
//!
//! The count restarts at each line break outside quotes; a quote character toggles the
//! quoted state (a doubled `""` toggles twice), as in the `csv` crate's default dialect.

use std::cell::Cell;
use std::io::Read;
use std::rc::Rc;

/// Wraps a reader; see the module doc. When the limit is passed the read fails once with
/// a message saying so, then the input ends; [`RecordCap::tripped`] tells afterwards.
pub struct RecordCap<R> {
    inner: R,
    limit: usize,
    /// Bytes since the last line break outside quotes.
    run: usize,
    quoted: bool,
    /// Where the overlong record started (1-based line), once found.
    tripped: Rc<Cell<Option<usize>>>,
    line: usize,
    record_line: usize,
}

impl<R: Read> RecordCap<R> {
    pub fn new(inner: R, limit: usize) -> RecordCap<R> {
        RecordCap {
            inner,
            limit,
            run: 0,
            quoted: false,
            tripped: Rc::new(Cell::new(None)),
            line: 1,
            record_line: 1,
        }
    }

    /// A handle that tells, after reading, the line where an overlong record started.
    pub fn tripped(&self) -> Rc<Cell<Option<usize>>> {
        Rc::clone(&self.tripped)
    }
}

/// The message for a record over `limit` bytes starting on `line`.
pub fn overlong_record(line: usize, limit: usize) -> String {
    format!(
        "第 {line} 行起的一条记录超过 {}（每条记录的上限）：输入没有换行，或有一个未闭合的引号；请检查文件，或把过长的单元格移到别处",
        crate::limits::human_bytes(limit as u64)
    )
}

impl<R: Read> Read for RecordCap<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.tripped.get().is_some() {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        for &b in buf.get(..n).unwrap_or(&[]) {
            match b {
                b'"' => self.quoted = !self.quoted,
                b'\n' => {
                    self.line += 1;
                    if !self.quoted {
                        self.run = 0;
                        self.record_line = self.line;
                        continue;
                    }
                }
                _ => {}
            }
            self.run += 1;
            if self.run > self.limit {
                self.tripped.set(Some(self.record_line));
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    overlong_record(self.record_line, self.limit),
                ));
            }
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endless_line_stops_at_the_limit() {
        let zeros = std::io::repeat(0).take(10 * 1024 * 1024);
        let mut r = RecordCap::new(zeros, 1024);
        let flag = r.tripped();
        let mut sink = Vec::new();
        assert!(r.read_to_end(&mut sink).is_err());
        assert!(sink.len() <= 64 * 1024, "{}", sink.len());
        assert_eq!(flag.get(), Some(1));
        assert_eq!(r.read(&mut [0u8; 16]).ok(), Some(0));
    }

    #[test]
    fn quoted_line_breaks_belong_to_the_record() {
        let text = "a,b\n\"x\ny\",2\n".repeat(1000);
        let mut r = RecordCap::new(text.as_bytes(), 16);
        let mut sink = Vec::new();
        assert!(r.read_to_end(&mut sink).is_ok());
        let long = format!("a,b\n1,2\n\"{}\"\n", "\n".repeat(100));
        let mut r = RecordCap::new(long.as_bytes(), 16);
        assert!(r.read_to_end(&mut sink).is_err());
        assert_eq!(r.tripped().get(), Some(3));
    }
}
