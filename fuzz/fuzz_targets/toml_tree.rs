//! The fast TOML road against `toml_edit`: whenever `toml_tree::fast` reads a document,
//! `toml_edit` must accept it too and give the same tree (keys, values, spans).
#![no_main]
use jixiao::toml_tree::{fast, parse, slow};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else { return };
    let reference = slow(s);
    if let Some(tree) = fast(s) {
        match &reference {
            Ok(r) => assert_eq!(&tree, r, "fast and toml_edit trees differ"),
            Err(e) => panic!("fast road accepted what toml_edit refuses: {e}"),
        }
    }
    assert_eq!(parse(s).is_ok(), reference.is_ok());
});
