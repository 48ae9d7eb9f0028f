//! Any bytes as a ladder file: the loader never panics, and what it refuses it locates inside
//! the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(e) = rungs::ladder::load_str(&text, "fuzzed.ron") {
        let lines = text.lines().count().max(1) + 1;
        for problem in &e.problems {
            if let Some(pos) = problem.pos {
                assert!(pos.line <= lines, "line {} of {lines}", pos.line);
            }
        }
    }
});
