// mimalloc: the scorer allocates many small strings (traces, cells); the system allocator
// was about a fifth of the CPU of a region run (benches/REGION.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    jixiao::cli::main()
}
