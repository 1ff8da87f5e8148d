//! How a long run (a region) tells how far it is, without printing: the caller decides
//! whether and how to show it (the command line draws a bar on a terminal).

/// Told as departments are done; called from the thread that drives the run.
pub trait Progress {
    /// `done` of `total` departments are finished.
    fn advance(&self, done: usize, total: usize);
    /// The run is over (also after a failure): clear whatever was shown.
    fn finish(&self) {}
}

/// Shows nothing (tests, output that is no terminal).
pub struct NoProgress;

impl Progress for NoProgress {
    fn advance(&self, _: usize, _: usize) {}
}
