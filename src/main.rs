// mimalloc: the scorer allocates many small strings (traces, cells); the system allocator
// was about a fifth of the CPU of a region run (benches/REGION.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // A closed pipe (`jixiao score … | head -1`) ends the process quietly through SIGPIPE,
    // as it does `cat` or `grep`; the Rust runtime ignores SIGPIPE, which would turn every
    // later write into an error. Other write errors are reported (exit 2) by `cli`.
    #[cfg(target_os = "linux")]
    // SAFETY: first thing in `main`, before any other thread exists; restoring the default
    // disposition of one signal touches no memory.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    jixiao::cli::main()
}
