//! The terminal the output goes to: how wide it is, so that `--format table` fits in it
//! instead of printing 183-column lines that wrap into an unreadable grid.

use std::io::IsTerminal;

/// The width to fit tables to: `--width` if given; else, when standard output is a
/// terminal, its width (`COLUMNS`, or asked of the terminal); else none (a file or a pipe
/// gets every cell on one line, as before).
pub fn table_width(given: Option<u16>) -> Option<u16> {
    if given.is_some() {
        return given;
    }
    if !std::io::stdout().is_terminal() {
        return None;
    }
    let from_env = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|w| *w > 0);
    from_env.or_else(asked).or(Some(120))
}

/// The terminal's width as the kernel knows it.
#[cfg(target_os = "linux")]
fn asked() -> Option<u16> {
    let mut ws = libc::winsize {
        ws_row: 0,
        ws_col: 0,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: TIOCGWINSZ writes one `winsize` into the struct we pass; stdout is a valid
    // descriptor for the life of the process, and a failure is only a return code.
    let rc = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut ws) };
    (rc == 0 && ws.ws_col > 0).then_some(ws.ws_col)
}

#[cfg(not(target_os = "linux"))]
fn asked() -> Option<u16> {
    None
}
