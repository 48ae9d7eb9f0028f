//! Bounded fuzzing in the ordinary `cargo test`: at least 1,000 mutated inputs each (byte
//! flips, truncations, duplications, splices of two valid files, one string put in another's
//! place) into the ladder loader, the
//! profile parser, the CSV importer and the planner's event handler, and a truncation of the
//! bundled ladder at every byte offset. Nothing panics; a broken ladder is reported with a
//! position on the line where the problem is. `RUNGS_MUTATIONS=N` runs N per target instead.
//! The coverage-guided fuzzers are in fuzz/ (see the README).

use crate::common::Lcg;
use std::path::{Path, PathBuf};

use rungs::ladder::{BUNDLED, load_str};

fn fixtures(folder: &str, extension: &str) -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    files.iter().map(|f| std::fs::read(f).unwrap()).collect()
}

trait Below {
    fn below(&mut self, n: usize) -> usize;
}

impl Below for Lcg {
    fn below(&mut self, n: usize) -> usize {
        (self.next() as usize) % n.max(1)
    }
}

fn rounds() -> usize {
    crate::common::count_from_env("RUNGS_MUTATIONS", 1_000)
}

/// Mutated copies of the seeds: byte flips, truncations, duplications and splices.
fn mutants(seeds: &[Vec<u8>], count: usize, salt: u64) -> Vec<Vec<u8>> {
    let mut random = Lcg(0x5eed ^ salt);
    (0..count)
        .map(|i| {
            let seed = &seeds[random.below(seeds.len())];
            let mut bytes = seed.clone();
            let at = random.below(bytes.len());
            match i % 5 {
                0 => {
                    for _ in 0..=random.below(4) {
                        let at = random.below(bytes.len());
                        if let Some(b) = bytes.get_mut(at) {
                            *b ^= 1 << random.below(8);
                        }
                    }
                }
                1 => bytes.truncate(at),
                2 => {
                    let len = random.below(64).min(bytes.len() - at.min(bytes.len()));
                    let piece = bytes[at..at + len].to_vec();
                    let to = random.below(bytes.len());
                    bytes.splice(to..to, piece);
                }
                3 => swap_quoted(&mut bytes, &mut random),
                _ => {
                    let other = &seeds[random.below(seeds.len())];
                    let from = random.below(other.len());
                    bytes.truncate(at);
                    bytes.extend_from_slice(&other[from..]);
                }
            }
            bytes
        })
        .collect()
}

/// Puts one quoted string where another was, so a file stays well-formed but says something
/// wrong: a bridge to itself, a repeated id, a reference to nothing.
fn swap_quoted(bytes: &mut Vec<u8>, random: &mut Lcg) {
    let quotes: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b'"').collect();
    let strings: Vec<(usize, usize)> = quotes.chunks_exact(2).map(|q| (q[0], q[1] + 1)).collect();
    if strings.len() < 2 {
        return;
    }
    let (from, to) = (
        strings[random.below(strings.len())],
        strings[random.below(strings.len())],
    );
    let replacement = bytes[from.0..from.1].to_vec();
    bytes.splice(to.0..to.1, replacement);
}

/// At least this share of mutants must be refused, or a loader that accepts anything would
/// pass the checks below without one of them running.
fn assert_most_refused(refused: usize, total: usize, what: &str) {
    assert!(
        refused * 4 >= total,
        "only {refused} of {total} mutated {what} were refused"
    );
}

#[test]
fn mutated_ladders_never_panic_and_are_located_within_the_file() {
    let mut seeds = fixtures("tests/fixtures/ladders", "ron");
    seeds.push(BUNDLED[0].1.as_bytes().to_vec());
    let dir = tempfile::tempdir().unwrap();
    let mut refused = 0;
    let all = mutants(&seeds, rounds(), 1);
    for (i, bytes) in all.iter().enumerate() {
        // Bytes that are not UTF-8 go through the file loader, which must place them too.
        let (result, lines) = match std::str::from_utf8(bytes) {
            Ok(text) => (load_str(text, "mutant"), text.lines().count()),
            Err(_) => {
                let path = dir.path().join("mutant.ron");
                std::fs::write(&path, bytes).unwrap();
                let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
                (rungs::ladder::load_file(&path), lines)
            }
        };
        if let Err(e) = result {
            refused += 1;
            let lines = lines.max(1) + 1;
            for problem in &e.problems {
                let pos = problem.pos.unwrap_or_else(|| {
                    panic!("mutant {i}: no position in {}", e.lines().join("; "))
                });
                assert!(
                    pos.line <= lines,
                    "mutant {i}: line {} of {lines}",
                    pos.line
                );
            }
        }
    }
    assert_most_refused(refused, all.len(), "ladders");
}

#[test]
fn mutated_profiles_never_panic_are_located_within_the_file_and_what_loads_saves_unchanged() {
    let seeds = fixtures("tests/fixtures/profiles", "ron");
    let all = mutants(&seeds, rounds(), 2);
    let mut refused = 0;
    for (i, bytes) in all.iter().enumerate() {
        let text = String::from_utf8_lossy(bytes);
        match rungs::profile::parse(&text, Path::new("mutant.ron")) {
            Ok(mut profile) => {
                let saved = rungs::profile::to_ron(&profile).expect("a parsed profile is written");
                let again = rungs::profile::parse(&saved, Path::new("saved.ron"))
                    .unwrap_or_else(|e| panic!("mutant {i}: the saved text does not load: {e}"));
                // Private notes are saved to their own file, never into the profile's text.
                profile.private_notes.clear();
                assert_eq!(again, profile, "mutant {i}");
            }
            Err(rungs::profile::ProfileError::Parse { line, .. }) => {
                refused += 1;
                assert!(line <= text.lines().count() + 1, "mutant {i}: line {line}");
            }
            Err(_) => refused += 1,
        }
    }
    assert_most_refused(refused, all.len(), "profiles");
}

#[test]
fn mutated_spreadsheets_never_panic() {
    let seeds = fixtures("tests/fixtures/sheets", "csv");
    let options = rungs::sheet::ImportOptions {
        origin: "mutant.csv".to_string(),
        id: "mutant".to_string(),
        name: "Mutant".to_string(),
    };
    let all = mutants(&seeds, rounds(), 3);
    let mut refused = 0;
    for bytes in &all {
        let text = String::from_utf8_lossy(bytes);
        match rungs::sheet::import(&text, &options) {
            Ok(imported) => {
                // What the importer accepts, the loader accepts.
                let ron = rungs::ladder::to_commented_ron(&imported.file, &[]);
                load_str(&ron, "imported").unwrap_or_else(|e| panic!("{e}\n{ron}"));
            }
            Err(_) => refused += 1,
        }
    }
    // A spreadsheet survives more mutations than a RON file (a flipped letter is still text),
    // but some must be refused.
    assert!(refused > 0, "no mutated spreadsheet was refused");
}

#[test]
fn the_bundled_ladder_cut_at_any_byte_is_reported_where_it_ends() {
    let source = BUNDLED[0].1;
    let complete = source.trim_end().len();
    // Each cut parses the text before it, so cutting at every byte is quadratic. The first
    // 4 KiB (the header, a whole level with its milestones: every kind of token) are cut at
    // every byte; past them every `RUNGS_CUT_STRIDE`th byte (7 by default, 1 for the full
    // sweep), which still lands in every section and every kind of value many times over.
    let stride = crate::common::count_from_env("RUNGS_CUT_STRIDE", 7).max(1);
    let cuts = (0..complete).filter(|&c| c < 4096 || c % stride == 0);
    for cut in cuts.filter(|&c| source.is_char_boundary(c)) {
        let text = &source[..cut];
        // Cutting only the closing comment or blank lines leaves a whole ladder.
        let Err(e) = load_str(text, "cut") else {
            continue;
        };
        // Where the text runs out: the last line holding anything but blanks.
        let last_line = text.trim_end().lines().count().max(1);
        let located: Vec<usize> = e
            .problems
            .iter()
            .map(|p| p.pos.map_or(0, |pos| pos.line))
            .collect();
        assert!(
            located.iter().any(|&line| line > 0),
            "cut at {cut}: no position in {:?}",
            e.lines()
        );
        // The file ends on its last line: that is where the problem is (an unclosed string
        // or bracket is reported where the text runs out).
        assert!(
            located
                .iter()
                .all(|&line| line >= last_line.saturating_sub(1) && line <= last_line + 1),
            "cut at {cut} (last line {last_line}): reported at {located:?}: {:?}",
            e.lines()
        );
    }
}

#[test]
fn a_ladder_that_says_something_wrong_is_never_reported_at_the_top_of_the_file() {
    // Seeds whose line 1 is `(` or a comment: a problem placed there was not located.
    let mut seeds = fixtures("tests/fixtures/ladders", "ron");
    seeds.push(BUNDLED[0].1.as_bytes().to_vec());
    seeds.retain(|seed| {
        let text = String::from_utf8_lossy(seed);
        !text.trim().is_empty() && !text.lines().next().unwrap_or("").contains('"')
    });
    let mut random = Lcg(0x5a4);
    for i in 0..rounds() {
        let mut bytes = seeds[random.below(seeds.len())].clone();
        swap_quoted(&mut bytes, &mut random);
        let text = String::from_utf8_lossy(&bytes);
        let Err(e) = load_str(&text, "mutant") else {
            continue;
        };
        for problem in &e.problems {
            let line = problem.pos.map(|pos| pos.line);
            assert_ne!(line, Some(1), "mutant {i}: {problem:?}");
        }
    }
}
