//! The progress bar of region runs: drawn on stderr only when stderr is a terminal and the
//! run has taken over a second, so a quick run or a log file shows nothing.

use crate::pipeline::Progress;
use std::time::{Duration, Instant};

pub struct Bar {
    bar: Option<indicatif::ProgressBar>,
    start: Instant,
    shown: std::cell::Cell<bool>,
}

impl Bar {
    /// A bar over `total` departments; `enabled` false (no terminal): nothing is drawn.
    pub fn new(enabled: bool, total: usize) -> Bar {
        let bar = enabled.then(|| {
            let b = indicatif::ProgressBar::with_draw_target(
                Some(total as u64),
                indicatif::ProgressDrawTarget::hidden(),
            );
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40} {pos}/{len} 个部门 · {elapsed} · 剩余约 {eta}",
            ) {
                b.set_style(style);
            }
            b
        });
        Bar {
            bar,
            start: Instant::now(),
            shown: std::cell::Cell::new(false),
        }
    }

    /// A bar over `total` departments when stderr is a terminal.
    pub fn on_terminal(total: usize) -> Bar {
        Bar::new(std::io::IsTerminal::is_terminal(&std::io::stderr()), total)
    }
}

impl Progress for Bar {
    fn advance(&self, done: usize, _total: usize) {
        if let Some(b) = &self.bar {
            b.set_position(done as u64);
            if !self.shown.get() && self.start.elapsed() > Duration::from_secs(1) {
                b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
                self.shown.set(true);
            }
        }
    }

    fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
