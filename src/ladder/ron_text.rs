//! RON as rungs reads it: the options every file is parsed with, what a parse error means in
//! words, and control characters found where they stand in the raw text.

use ron::extensions::Extensions;

use super::locate::Pos;
use super::problem::Problem;
use crate::text;

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
            let known = format!("known fields: {}", expected.join(", "));
            if close.is_empty() {
                known
            } else {
                format!("{close} ({known})")
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
    Problem::at(pos, message(&e.code)).hint(hint)
}

/// The error in words. ron's own text for an unknown field or variant already lists what is
/// known, which the hint does too, and names Rust types (`LadderFile`) a person never wrote.
fn message(code: &ron::error::Error) -> String {
    use ron::error::Error as E;
    let within = |outer: &Option<String>| {
        outer
            .as_deref()
            .map(|o| {
                let (article, words) = type_in_words(o);
                format!(" in {article} {words}")
            })
            .unwrap_or_default()
    };
    match code {
        E::NoSuchStructField { found, outer, .. } => {
            format!("unknown field `{found}`{}", within(outer))
        }
        E::NoSuchEnumVariant { found, outer, .. } => {
            let kind = outer
                .as_deref()
                .map_or_else(|| "value".to_string(), |o| type_in_words(o).1);
            format!("`{found}` is not a known {kind}")
        }
        other => other.to_string(),
    }
}

/// `MilestoneProgress` → ("a", "milestone progress"): the file's words, not the code's.
fn type_in_words(name: &str) -> (&'static str, String) {
    let whole_file = match name {
        "LadderFile" => Some("ladder"),
        "Profile" | "ProfileV1" => Some("profile"),
        "PrivateFile" => Some("private notes file"),
        "ConfigFile" => Some("settings"),
        "ColorsFile" => Some("colours"),
        _ => None,
    };
    if let Some(words) = whole_file {
        return ("the", words.to_string());
    }
    let mut words = String::new();
    for (i, c) in name
        .trim_end_matches(|c: char| c.is_ascii_digit() || c == 'V')
        .chars()
        .enumerate()
    {
        if c.is_uppercase() && i > 0 {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
    }
    let article = if words.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    (article, words)
}

pub(super) fn forbidden_chars_in_source(source: &str) -> Vec<Problem> {
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
