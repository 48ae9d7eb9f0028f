//! Reading a ladder file: size and nesting limits, parsing, and validation that reports every
//! problem at once, each with the line and column it comes from.

use std::fmt;
use std::path::Path;

use super::locate::{Pos, SourceMap};
use super::model::{Ladder, LadderFile};
use super::problem::Problem;
use super::ron_text::forbidden_chars_in_source;
pub use super::ron_text::{parse_problem, ron_options};
use super::validate::validate;
use crate::fsutil::{self, ReadError};
use crate::text;

pub use crate::fsutil::MAX_FILE_BYTES;
/// Deeper nesting than this is refused before parsing. A valid ladder nests five deep.
pub const MAX_NESTING: usize = 32;

/// How many problems of one ladder are listed; the rest are counted.
pub const MAX_LISTED: usize = 50;

/// A ladder file that could not be used, with everything found wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LadderError {
    /// The file as the user named it, or `<bundled:ID>` for an embedded ladder.
    pub origin: String,
    pub problems: Vec<Problem>,
}

impl LadderError {
    fn single(origin: &str, problem: Problem) -> LadderError {
        LadderError {
            origin: origin.to_string(),
            problems: vec![problem],
        }
    }

    /// One line per problem: `file:line:col: message (hint)`, the first [`MAX_LISTED`] of
    /// them and then how many more there are: a generated ladder broken in one place can be
    /// broken in ninety thousand, and nobody reads past the first screen.
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .problems
            .iter()
            .take(MAX_LISTED)
            .map(|p| {
                text::located(
                    &self.origin,
                    p.pos.map(|pos| (pos.line, pos.col)),
                    &p.message,
                    p.hint.as_deref().unwrap_or_default(),
                )
            })
            .collect();
        let more = self.problems.len().saturating_sub(MAX_LISTED);
        if more > 0 {
            lines.push(text::one_line(&format!(
                "{}: … and {more} more problems not listed — fix these and check again",
                self.origin
            )));
        }
        lines
    }
}

impl fmt::Display for LadderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for LadderError {}

/// Reads and validates the ladder file at `path`.
pub fn load_file(path: &Path) -> Result<Ladder, LadderError> {
    let origin = path.display().to_string();
    let source = read_limited(path).map_err(|problem| LadderError::single(&origin, problem))?;
    load_logged(source.len(), &origin, || {
        let file = parse_and_validate(&source, &origin)?;
        // The text is no longer needed: freeing it before the indexes are built keeps a large
        // ladder's peak memory near the size of the ladder itself.
        drop(source);
        index(file, &origin)
    })
}

/// Reads a ladder file within the size limit, as a problem on failure.
fn read_limited(path: &Path) -> Result<String, Problem> {
    fsutil::read_limited(path).map_err(|e| match e {
        ReadError::TooLarge(bytes) => too_large(bytes),
        ReadError::IsFolder => {
            Problem::at(None, "is a folder, not a ladder file").hint("name a .ron file inside it")
        }
        ReadError::Io(e) => {
            Problem::at(None, format!("cannot open: {e}")).hint("check the path and permissions")
        }
        other @ ReadError::NotAFile => {
            Problem::at(None, other.to_string()).hint("name a .ron ladder file")
        }
        ReadError::NotUtf8 { line, col } => Problem::at(
            Some(Pos { line, col }),
            "is not UTF-8 text: this byte starts no character",
        )
        .hint("save the file as UTF-8"),
    })
}

fn too_large(bytes: u64) -> Problem {
    Problem::at(
        None,
        format!(
            "is {bytes} bytes, over the {} MiB limit for a ladder file",
            MAX_FILE_BYTES / 1024 / 1024
        ),
    )
    .hint("a ladder file is a few kilobytes; is this the right file?")
}

/// Parses and validates ladder `source`; `origin` names it in errors.
pub fn load_str(source: &str, origin: &str) -> Result<Ladder, LadderError> {
    load_logged(source.len(), origin, || {
        index(parse_and_validate(source, origin)?, origin)
    })
}

/// Loads a ladder compiled into the binary: `source` is its RON text, `parsed` the same ladder
/// as parsed and written out as JSON. A release build reads `parsed` — JSON reads about three
/// times faster than RON here, and start-up is most of what `rungs print` costs — without checking
/// it again: the test `bundled_ladders_pass_every_check_and_their_parsed_copies_match` holds
/// the RON to every check `load_str` makes and the JSON to being exactly that file. Debug
/// builds (and so every other test) read and check the RON.
pub(crate) fn load_bundled(
    source: &str,
    parsed: &str,
    origin: &str,
) -> Result<Ladder, LadderError> {
    if cfg!(debug_assertions) {
        load_str(source, origin)
    } else {
        load_parsed(parsed, origin)
    }
}

fn load_parsed(parsed: &str, origin: &str) -> Result<Ladder, LadderError> {
    load_logged(parsed.len(), origin, || {
        let file: LadderFile = serde_json::from_str(parsed).map_err(|e| {
            LadderError::single(
                origin,
                Problem::at(None, format!("the built-in copy does not read: {e}"))
                    .hint("this is a bug in how rungs was built — please report it"),
            )
        })?;
        index(file, origin)
    })
}

fn load_logged(
    bytes: usize,
    origin: &str,
    load: impl FnOnce() -> Result<Ladder, LadderError>,
) -> Result<Ladder, LadderError> {
    let started = std::time::Instant::now();
    let loaded = load();
    let elapsed_us = started.elapsed().as_micros() as u64;
    match &loaded {
        Ok(ladder) => tracing::debug!(
            origin,
            bytes,
            levels = ladder.levels().len(),
            roles = ladder.roles().len(),
            elapsed_us,
            "loaded a ladder"
        ),
        Err(e) => tracing::debug!(
            origin,
            problems = e.problems.len(),
            elapsed_us,
            "a ladder did not load"
        ),
    }
    loaded
}

fn parse_and_validate(source: &str, origin: &str) -> Result<LadderFile, LadderError> {
    if source.len() as u64 > MAX_FILE_BYTES {
        return Err(LadderError::single(origin, too_large(source.len() as u64)));
    }
    if source.trim().is_empty() {
        return Err(LadderError::single(
            origin,
            // Where the nothing ends: the last line of a file of blank lines.
            Problem::at(
                Some(Pos {
                    line: source.lines().count().max(1),
                    col: 1,
                }),
                "the file is empty",
            )
            .hint(
                "a ladder file starts with `(format: 1, id: \"…\", …)`; see the README for an example",
            ),
        ));
    }
    // Literal control characters are found in the raw text so the position is exact.
    let raw_problems = forbidden_chars_in_source(source);
    if !raw_problems.is_empty() {
        return Err(LadderError {
            origin: origin.to_string(),
            problems: raw_problems,
        });
    }
    SourceMap::check_depth(source, MAX_NESTING).map_err(|deep| {
        LadderError::single(
            origin,
            Problem::at(
                Some(deep.pos),
                format!("nesting deeper than {} levels", deep.limit),
            )
            .hint("a ladder nests at most five deep; check for unbalanced brackets"),
        )
    })?;
    let file: LadderFile = ron_options()
        .from_str(source)
        .map_err(|e| LadderError::single(origin, parse_problem(&e)))?;
    let problems = validate(&file, source);
    if !problems.is_empty() {
        return Err(LadderError {
            origin: origin.to_string(),
            problems,
        });
    }
    Ok(file)
}

fn index(file: LadderFile, origin: &str) -> Result<Ladder, LadderError> {
    Ladder::index(file).ok_or_else(|| {
        LadderError::single(
            origin,
            Problem::at(
                None,
                "internal error: a validated reference did not resolve",
            )
            .hint("please report this, with the file, as a bug in rungs"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::BUNDLED;
    use crate::ladder::catalog::BUNDLED_PARSED;

    #[test]
    fn bundled_ladders_pass_every_check_and_their_parsed_copies_match() {
        // A release build reads the parsed copies without checking them (`load_bundled`):
        // this test is what keeps that safe.
        for (id, source) in BUNDLED {
            let checked = load_str(source, id)
                .unwrap_or_else(|e| panic!("bundled ladder {id}:\n{}", e.lines().join("\n")));
            let json = serde_json::to_string(checked.file()).unwrap();
            let copy = format!("src/ladder/bundled/{id}.json");
            if std::env::var_os("RUNGS_UPDATE_BUNDLED").is_some() {
                let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(&copy);
                std::fs::write(path, format!("{json}\n")).unwrap();
                continue;
            }
            let (_, committed) = BUNDLED_PARSED
                .iter()
                .find(|(parsed_id, _)| parsed_id == id)
                .unwrap_or_else(|| panic!("{id} has no parsed copy in BUNDLED_PARSED"));
            assert!(
                committed.trim_end() == json,
                "{copy} is not ladders/{id}.ron as parsed: run `RUNGS_UPDATE_BUNDLED=1 cargo test --lib bundled` and commit it"
            );
            let parsed = load_parsed(committed, id).unwrap();
            assert_eq!(parsed.file(), checked.file(), "{id}");
        }
    }
}
