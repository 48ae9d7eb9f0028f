//! Reading a ladder file: size and nesting limits, parsing, and validation that reports every
//! problem at once, each with the line and column it comes from.

use std::fmt;
use std::path::Path;

use ron::extensions::Extensions;

use super::locate::{Pos, SourceMap};
use super::model::{Ladder, LadderFile};
use super::validate::{Problem, validate};
use crate::fsutil::{self, ReadError};
use crate::text;

pub use crate::fsutil::MAX_FILE_BYTES;
/// Deeper nesting than this is refused before parsing. A valid ladder nests five deep.
pub const MAX_NESTING: usize = 32;

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

    /// One line per problem: `file:line:col: message (hint)`.
    pub fn lines(&self) -> Vec<String> {
        self.problems
            .iter()
            .map(|p| {
                text::located(
                    &self.origin,
                    p.pos.map(|pos| (pos.line, pos.col)),
                    &p.message,
                    p.hint.as_deref().unwrap_or_default(),
                )
            })
            .collect()
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
    load_str(&source, &origin)
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
        other @ ReadError::NotUtf8 { .. } => {
            Problem::at(None, other.to_string()).hint("save the file as UTF-8")
        }
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
    let started = std::time::Instant::now();
    let loaded = parse_and_validate(source, origin);
    let elapsed_us = started.elapsed().as_micros() as u64;
    match &loaded {
        Ok(ladder) => tracing::debug!(
            origin,
            bytes = source.len(),
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

fn parse_and_validate(source: &str, origin: &str) -> Result<Ladder, LadderError> {
    if source.len() as u64 > MAX_FILE_BYTES {
        return Err(LadderError::single(origin, too_large(source.len() as u64)));
    }
    if source.trim().is_empty() {
        return Err(LadderError::single(
            origin,
            Problem::at(None, "the file is empty").hint(
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
    let map = SourceMap::scan(source, MAX_NESTING).map_err(|deep| {
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
    let problems = validate(&file, &map);
    if !problems.is_empty() {
        return Err(LadderError {
            origin: origin.to_string(),
            problems,
        });
    }
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

/// The RON options every file of rungs is read and written with.
pub fn ron_options() -> ron::Options {
    // implicit_some lets a ladder say `corner: "infra"` rather than `corner: Some("infra")`;
    // the recursion limit stays on so hostile nesting fails instead of overflowing the stack.
    let mut options = ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME);
    options.recursion_limit = Some(64);
    options
}

/// A parse error as a problem with a position and a hint where we can give one.
pub fn parse_problem(e: &ron::error::SpannedError) -> Problem {
    use ron::error::Error as E;
    let pos = Some(Pos {
        line: e.span.start.line,
        col: e.span.start.col,
    });
    let hint = match &e.code {
        E::NoSuchStructField {
            expected, found, ..
        } => {
            let close = text::did_you_mean(found, expected.iter().copied());
            if close.is_empty() {
                format!("known fields: {}", expected.join(", "))
            } else {
                close
            }
        }
        E::MissingStructField { field, .. } => format!("add `{field}: …`"),
        E::NoSuchEnumVariant {
            expected, found, ..
        } => {
            let close = text::did_you_mean(found, expected.iter().copied());
            if close.is_empty() {
                format!("one of: {}", expected.join(", "))
            } else {
                close
            }
        }
        E::ExceededRecursionLimit => "check for unbalanced brackets".to_string(),
        E::Eof => "the file ends early: check for a missing `)` or `]`".to_string(),
        E::ExpectedString | E::ExpectedStringEnd => {
            "text goes in double quotes: \"…\"; check for a missing quote".to_string()
        }
        E::ExpectedInteger | E::IntegerOutOfBounds | E::InvalidIntegerDigit { .. } => {
            "write a whole number, e.g. `format: 1`; expectations run from 1 to 5".to_string()
        }
        E::ExpectedBoolean => "write `true` or `false`".to_string(),
        E::ExpectedComma => "separate items and fields with a comma".to_string(),
        E::ExpectedArray | E::ExpectedArrayEnd => {
            "a list is written `[item, item]`: check for a missing `[`, `]` or comma".to_string()
        }
        E::ExpectedMap | E::ExpectedMapColon | E::ExpectedMapEnd => {
            "a map is written `{\"key\": value, …}`: check the braces, quotes and colons"
                .to_string()
        }
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) | E::ExpectedStructLikeEnd => {
            "an entry is written `(field: value, …)`: check for a missing `(`, `)` or comma"
                .to_string()
        }
        E::ExpectedIdentifier => "a field name comes before `:`, without quotes".to_string(),
        E::DuplicateStructField { .. } => "the field is written twice: keep one".to_string(),
        E::TrailingCharacters => {
            "something follows the closing `)` of the file: remove it".to_string()
        }
        E::InvalidEscape(_) => {
            "inside quotes write `\\\\` for a backslash and `\\\"` for a quote".to_string()
        }
        E::UnclosedBlockComment => "close the comment with `*/`".to_string(),
        E::UnexpectedChar(_) => "check for a typo or a missing quote just before it".to_string(),
        _ => "compare it with the file format in the README".to_string(),
    };
    Problem::at(pos, e.code.to_string()).hint(hint)
}

fn forbidden_chars_in_source(source: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut line = 1;
    let mut col = 1;
    let mut chars = source.chars().peekable();
    while let Some(c) = chars.next() {
        // A carriage return ending a line (Windows line endings) is fine; a lone one is not.
        let crlf = c == '\r' && chars.peek() == Some(&'\n');
        if text::is_forbidden_char(c) && !crlf {
            problems.push(
                Problem::at(
                    Some(Pos { line, col }),
                    format!("{} is not allowed in a ladder file", text::describe_char(c)),
                )
                .hint("remove it; text in a ladder is shown in a terminal and must not carry control codes"),
            );
            if problems.len() >= 20 {
                break;
            }
        }
        if c == '\n' {
            line += 1;
            col = 1;
        } else {
            col += 1;
        }
    }
    problems
}
