//! The program says things in its own words: no run of eight words in a row from one of the
//! seed articles, and no whole sentence, heading or clause of five to seven words, appears in a
//! shipped ladder, the README or any file under src/. A list of topic names may share the
//! names (short runs), never a sentence or a clause.
//!
//! The articles are not kept in the repository: tests/fixtures/seed-runs.txt holds a hash of
//! every run of eight words in them, and of every shorter sentence, heading or clause. Regenerate it with
//! `RUNGS_SEEDS_DIR=/path/to/seeds cargo test --test it own_words` and commit it.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Words in a run that counts as copied.
const RUN: usize = 8;
/// A whole sentence, heading or clause this long or longer counts as copied too.
const SHORT: usize = 5;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Lower-case words of letters and digits; an apostrophe of either kind stays inside a word.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace('’', "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\'').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// FNV-1a, 64 bits: stable across Rust versions, unlike the standard hasher.
fn hash(run: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in run.join(" ").bytes() {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Every run of `SHORT` to `RUN` words, with its hash.
fn runs(text: &str) -> Vec<(u64, String)> {
    let words = words(text);
    (SHORT..=RUN)
        .flat_map(|n| words.windows(n))
        .map(|w| (hash(w), w.join(" ")))
        .collect()
}

/// The runs that count as copied in a seed: every run of `RUN` words, and every sentence,
/// heading or clause of `SHORT` to `RUN - 1` words.
fn seed_runs_of(text: &str) -> Vec<u64> {
    let mut out: Vec<u64> = words(text).windows(RUN).map(hash).collect();
    for part in text.split([
        '.', '!', '?', ':', ';', ',', '\n', '—', '(', ')', '"', '“', '”',
    ]) {
        let w = words(part);
        if (SHORT..RUN).contains(&w.len()) {
            out.push(hash(&w));
        }
    }
    out
}

fn fixture() -> PathBuf {
    root().join("tests/fixtures/seed-runs.txt")
}

fn seed_runs() -> HashSet<u64> {
    if let Some(dir) = std::env::var_os("RUNGS_SEEDS_DIR") {
        let mut all: Vec<u64> = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            all.extend(seed_runs_of(&text));
        }
        all.sort_unstable();
        all.dedup();
        let lines: Vec<String> = all.iter().map(|h| format!("{h:016x}")).collect();
        std::fs::write(fixture(), lines.join("\n") + "\n").unwrap();
    }
    std::fs::read_to_string(fixture())
        .unwrap()
        .lines()
        .map(|l| u64::from_str_radix(l.trim(), 16).unwrap())
        .collect()
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, out);
        } else {
            out.push(path);
        }
    }
}

#[test]
fn no_eight_words_in_a_row_from_a_seed_article() {
    let seeds = seed_runs();
    assert!(seeds.len() > 1_000, "the seed runs are missing");
    let mut files = vec![root().join("README.md")];
    files_under(&root().join("ladders"), &mut files);
    files_under(&root().join("src"), &mut files);
    let mut copied = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        for (h, run) in runs(&text) {
            if seeds.contains(&h) {
                copied.push(format!("{}: \"{run}\"", file.display()));
            }
        }
    }
    assert!(
        copied.is_empty(),
        "say these in our own words:\n{}",
        copied.join("\n")
    );
}

#[test]
fn a_copied_sentence_is_caught() {
    let seeds = seed_runs();
    // A run the check must find: made from the words of a fixture hash itself would be
    // circular, so check that runs are found in text that contains them.
    let text = "one two three four five six seven eight nine";
    let found: Vec<u64> = runs(text).into_iter().map(|(h, _)| h).collect();
    assert_eq!(found.len(), 5 + 4 + 3 + 2, "runs of five to eight words");
    let eight = hash(&words("one two three four five six seven eight"));
    assert!(found.contains(&eight));
    assert!(
        runs("One, two — three four five six seven EIGHT")
            .iter()
            .any(|(h, _)| *h == eight),
        "punctuation and case do not hide a run"
    );
    assert!(!seeds.contains(&eight));
    let heading = seed_runs_of("Intro.\n- Make each move count up and across\nMore.");
    assert!(
        heading.contains(&hash(&words("make each move count up and across"))),
        "a heading of seven words is caught whole"
    );
}
