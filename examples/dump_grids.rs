//! Prints the grids the shared readers produce for a document (debugging aid for audit).
use jixiao::scorecard::import::blocks::Block;
fn main() {
    for a in std::env::args().skip(1) {
        let p = std::path::Path::new(&a);
        let bytes = std::fs::read(p).unwrap_or_default();
        match jixiao::scorecard::import::read_blocks(p, &bytes) {
            Ok((blocks, _)) => {
                for b in blocks {
                    match b {
                        Block::Para { text, .. } => println!("P {text}"),
                        Block::Table { grid, loc, .. } => {
                            println!("T {loc}");
                            for r in grid {
                                let cells: Vec<String> = r
                                    .iter()
                                    .map(|c| {
                                        format!(
                                            "{}{}",
                                            if c.spanned { "<" } else if c.continued { "^" } else { "" },
                                            c.text.replace('\n', "/")
                                        )
                                    })
                                    .collect();
                                println!("  {}", cells.join(" | "));
                            }
                        }
                    }
                }
            }
            Err(e) => println!("ERR {e}"),
        }
    }
}
