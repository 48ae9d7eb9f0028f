//! Any bytes as a profile file: the parser never panics, locates what it refuses, and what it
//! accepts saves and loads back unchanged.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use rungs::profile::{ProfileError, parse, to_ron};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match parse(&text, Path::new("fuzzed.ron")) {
        Ok(mut profile) => {
            let saved = to_ron(&profile).expect("a parsed profile can be written");
            let again = parse(&saved, Path::new("saved.ron")).expect("a saved profile loads");
            // Private notes (a format-1 file may hold them) are saved to their own file, never
            // into the profile's text: everything else comes back unchanged.
            profile.private_notes.clear();
            assert_eq!(again, profile);
        }
        Err(ProfileError::Parse { line, .. }) => {
            assert!(line <= text.lines().count() + 1, "line {line}");
        }
        Err(_) => {}
    }
});
