//! The fast TOML road (`toml_tree::fast`) must read every document exactly as `toml_edit`
//! does — same keys, values and spans — or give up. Checked on hand-picked documents
//! (tests/cases/toml_tree.toml.txt), on every TOML file in the repository, on mutants of
//! those files, and on generated documents.

use jixiao::toml_depth::too_deep;
use jixiao::toml_tree::{fast, parse, slow};
use proptest::prelude::*;
use std::path::Path;

/// Fast and slow agree; returns whether the fast road took the document.
fn agree(name: &str, src: &str) -> bool {
    let reference = slow(src);
    match fast(src) {
        Some(tree) => {
            let Ok(reference) = reference else {
                panic!("{name}: fast road accepted a document toml_edit refuses:\n{src}");
            };
            assert_eq!(tree, reference, "{name}: trees differ for\n{src}");
            // `parse` skips the depth pre-scan for what the fast road reads.
            assert!(
                too_deep(src).is_none(),
                "{name}: fast road read a too-deep document"
            );
            true
        }
        None => {
            // Giving up is allowed; `parse` must then be the slow road.
            match (parse(src), reference) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{name}"),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{name}"),
                _ => panic!("{name}: parse and toml_edit disagree"),
            }
            false
        }
    }
}

#[test]
fn case_file_documents_agree() {
    let text = std::fs::read_to_string("tests/cases/toml_tree.toml.txt").unwrap();
    // The first section is the explanation.
    let docs: Vec<String> = text
        .split("\n=====\n")
        .skip(1)
        .map(|doc| {
            doc.replace("<CR>", "\r")
                .replace("<BOM>", "\u{feff}")
                .replace("<NUL>", "\0")
                .replace("<DEL>", "\u{7f}")
                .replace("<ESC>", "\u{1b}")
        })
        .collect();
    assert!(docs.len() >= 120, "{} documents", docs.len());
    for (i, doc) in docs.iter().enumerate() {
        let name = format!("document #{}", i + 1);
        let want_fast = match doc.lines().next() {
            Some("# expect: fast") => true,
            Some("# expect: toml_edit") => false,
            other => panic!("{name}: first line must be `# expect: …`, found {other:?}"),
        };
        assert_eq!(
            agree(&name, doc),
            want_fast,
            "{name}: wrong road for\n{doc}"
        );
    }
}

fn repository_toml_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for dir in ["scorecards", "tests", "examples", "fuzz/corpus"] {
        if Path::new(dir).is_dir() {
            toml_files(Path::new(dir), &mut files);
        }
    }
    files.sort();
    files
}

fn toml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if !path.ends_with("target") {
                toml_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

#[test]
fn every_toml_file_in_the_repository_agrees() {
    let files = repository_toml_files();
    assert!(files.len() > 40, "{} files", files.len());
    let mut fast_taken = 0;
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else {
            continue; // not UTF-8: the loaders report that before parsing
        };
        if agree(&f.display().to_string(), &src) {
            fast_taken += 1;
        }
    }
    // Every shipped scorecard and actuals file is read by the fast road.
    for f in files.iter().filter(|f| f.starts_with("scorecards")) {
        let src = std::fs::read_to_string(f).unwrap();
        assert!(fast(&src).is_some(), "{} left the fast road", f.display());
    }
    assert!(fast_taken > files.len() / 2);
}

/// The bytes a mutant inserts: TOML's punctuation, whitespace and line ends.
const MUTATION_BYTES: &[u8] = b"\"'[]{}=,.#\n\r\t \\";

/// Deterministic mutants of every TOML file in the repository — one byte deleted,
/// duplicated or inserted at a pseudo-random place — read by both roads. Near-valid text
/// is where a hand-written reader is most likely to accept what TOML refuses.
#[test]
fn mutants_of_repository_files_agree() {
    const MUTANTS_PER_FILE: usize = 300;
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        // xorshift64
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let (mut total, mut fast_taken) = (0, 0);
    for f in repository_toml_files() {
        let Ok(src) = std::fs::read_to_string(&f) else {
            continue;
        };
        let bytes = src.as_bytes();
        for _ in 0..MUTANTS_PER_FILE {
            let at = (next() % (bytes.len() as u64 + 1)) as usize;
            let mut mutant = bytes[..at].to_vec();
            match next() % 3 {
                0 => mutant.extend_from_slice(bytes.get(at + 1..).unwrap_or_default()),
                1 => {
                    mutant.extend(bytes.get(at));
                    mutant.extend_from_slice(&bytes[at..]);
                }
                _ => {
                    let b = MUTATION_BYTES[(next() % MUTATION_BYTES.len() as u64) as usize];
                    mutant.push(b);
                    mutant.extend_from_slice(&bytes[at..]);
                }
            }
            // A deleted or duplicated byte inside a character leaves no text to read.
            let Ok(mutant) = String::from_utf8(mutant) else {
                continue;
            };
            total += 1;
            if agree(&format!("mutant of {}", f.display()), &mutant) {
                fast_taken += 1;
            }
        }
    }
    eprintln!("{fast_taken} of {total} mutants read by the fast road");
    assert!(total > 10_000, "{total} mutants");
    // Most single-byte changes keep a document valid or leave it to toml_edit; both
    // happen often enough for the check to mean something.
    assert!(
        fast_taken > total / 10 && fast_taken < total,
        "{fast_taken} of {total}"
    );
}

/// Small TOML fragments put together at random: valid and invalid documents alike.
fn fragment() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a = 1\n",
        "a = \"x\"\n",
        "b = 'y'\n",
        "c = 2.50\n",
        "d = [1, 2]\n",
        "e = { f = \"g\" }\n",
        "h = true\n",
        "[t]\n",
        "[t.u]\n",
        "[[arr]]\n",
        "[[t.arr]]\n",
        "[\"q k\"]\n",
        "x.y = 1\n",
        "# note\n",
        "\n",
        "z = [\n 1,\n 2,\n]\n",
        "bad = \n",
        "[t\n",
        "k = \"unterminated\n",
        "n = 1e3\n",
        "dt = 2022-01-01\n",
        "s = \"\\u4e2d\\t\"\n",
        "i = { }\n",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]
    #[test]
    fn generated_documents_agree(parts in prop::collection::vec(fragment(), 0..12)) {
        let src: String = parts.concat();
        agree("generated", &src);
    }
}

#[test]
fn byte_order_mark_and_crlf_take_the_fast_road() {
    // Files saved by Windows editors: a BOM and CRLF line ends.
    let src = "\u{feff}code = \"1\"\r\nname = \"名称\"\r\n\r\n[[indicators]]\r\nid = \"qty1\"\r\n";
    assert!(agree("bom+crlf", src), "left the fast road");
    assert!(agree("bom only", "\u{feff}"), "left the fast road");
    // Only one, and only at the start: a second is a character `toml_edit` refuses.
    assert!(!agree("two boms", "\u{feff}\u{feff}a = 1\n"));
    assert!(slow("\u{feff}\u{feff}a = 1\n").is_err());
}
