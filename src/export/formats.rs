//! The export formats, what each one is made from, where the planner's exports go, and how
//! the pictures label each role.

use std::path::{Path, PathBuf};

use crate::date::{Clock, Date};
use crate::fsutil::{self, NewFile, Previous, WriteError};
use crate::ladder::{Ladder, RoleIdx};
use crate::profile::{PlanMarks, Profile, StepMark, labelled};
use crate::text;

/// The folder in the data dir the planner writes exports into.
pub const EXPORTS_FOLDER: &str = "exports";

/// A format a profile can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A 1:1 summary to paste into a document or chat.
    Markdown,
    /// Everything, for scripts.
    Json,
    /// Graphviz source of the ladder with the plan.
    Dot,
    /// The ladder with the plan as a picture any browser opens.
    Svg,
    /// Due dates and planned moves for a calendar (RFC 5545).
    Ics,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Json,
        Format::Dot,
        Format::Svg,
        Format::Ics,
    ];

    /// The name the command line uses (`--format svg`).
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Ics => "ics",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Json => "json",
            Format::Dot => "dot",
            Format::Svg => "svg",
            Format::Ics => "ics",
        }
    }

    /// Whether the format carries the private notes of 1:1s when someone asks for them. The
    /// pictures and the calendar are made to be shown and shared: they never do.
    pub fn can_carry_private_notes(self) -> bool {
        matches!(self, Format::Markdown | Format::Json)
    }

    /// What to do with the file once written, for the person.
    pub fn how_to_open(self) -> &'static str {
        match self {
            Format::Markdown => "paste it into your 1:1 notes",
            Format::Json => "read it with a script",
            Format::Dot => "render it with `dot -Tpng FILE -o plan.png`",
            Format::Svg => "open it in a browser",
            Format::Ics => "import it into your calendar",
        }
    }
}

/// Whether an export carries the private notes of 1:1s: left out unless someone asks, and even
/// then only Markdown and JSON carry them (see [`Format::can_carry_private_notes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PrivateNotes {
    #[default]
    LeftOut,
    Included,
}

/// Everything an export is made from. The front ends build it once; later features (coaching
/// sessions, private notes on request) add fields here rather than arguments everywhere.
#[derive(Debug, Clone)]
pub struct ExportInput<'a> {
    pub profile: &'a Profile,
    pub ladder: &'a Ladder,
    /// The day the export is made, in the person's time zone.
    pub today: Date,
    /// The moment it is made, in UTC (`20261125T093000Z`): an iCalendar DTSTAMP.
    pub stamp: String,
    /// Left out unless someone asked (and never on a shared screen).
    pub private: PrivateNotes,
}

/// The name the planner gives an export: the profile's id, the day, `-private` when it holds
/// private notes (so nobody shares it by mistake), and the format's extension.
pub fn file_name(input: &ExportInput, format: Format) -> String {
    let private = match input.private {
        PrivateNotes::Included if format.can_carry_private_notes() => "-private",
        _ => "",
    };
    format!(
        "{}-{}{private}.{}",
        input.profile.id,
        input.today,
        format.extension()
    )
}

/// Writes `contents` as `<data dir>/exports/<name>` (replacing an earlier export of that name,
/// see [`file_name`]), readable by its owner only, and returns where.
pub fn write_to_exports(
    data_dir: &Path,
    name: &str,
    contents: &str,
) -> Result<PathBuf, WriteError> {
    let folder = data_dir.join(EXPORTS_FOLDER);
    crate::folders::own_folder(&folder)?;
    // The name is ours (a profile id, a date, an extension), never a path someone typed.
    let path = folder.join(Path::new(name).file_name().unwrap_or_default());
    // An export that holds private notes is named so (see [`file_name`]) and is owner-only
    // after every write, like the notes' own file.
    let new_file = if name.contains("-private.") {
        NewFile::Secret
    } else {
        NewFile::OwnerOnly
    };
    fsutil::write_export(&path, contents.as_bytes(), Previous::Replace, new_file)?;
    Ok(path)
}

impl<'a> ExportInput<'a> {
    /// The input for `profile` on `ladder` as of `clock`'s now.
    pub fn new(profile: &'a Profile, ladder: &'a Ladder, clock: &Clock) -> Self {
        ExportInput {
            profile,
            ladder,
            today: clock.today(),
            stamp: clock.utc_stamp(),
            private: PrivateNotes::LeftOut,
        }
    }

    /// The same input with the private notes of 1:1s: for the formats that can carry them.
    pub fn with_private_notes(self, private: PrivateNotes) -> Self {
        ExportInput { private, ..self }
    }
}

/// Text from a person or a file for Markdown, in a table cell or a line of its own: one line,
/// shown as the very characters it holds. Many Markdown viewers render raw HTML, so `<` and `>`
/// become `&lt;` and `&gt;` (and an `&` that would start an entity, `&amp;`); the characters
/// that make emphasis, code, links, strikethrough or a table column (`\ ` * _ [ ] ~ |`) are
/// escaped with a backslash; what would start a block at the start of a line (`#`, `-`, `+`,
/// `=`, `1.`, `1)`, leading blanks) is escaped or dropped, as the cell may start a quoted line.
pub(super) fn cell(s: &str) -> String {
    // Leading blanks would make an indented code block of a quoted line: they go.
    let line = text::one_line(s).trim_start().to_string();
    let mut out = String::with_capacity(line.len() + 1);
    // What would start a block where the text starts a line (a heading, a list, a rule, a
    // setext underline) is escaped; a backslash before punctuation is never shown.
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if line.starts_with(['#', '-', '+', '=']) {
        out.push('\\');
    } else if digits > 0 && line[digits..].starts_with(['.', ')']) {
        out.push_str(&line[..digits]);
        out.push('\\');
        let rest = line[digits..].to_string();
        return out + &escape_inline(&rest);
    }
    out.push_str(&escape_inline(&line));
    out
}

/// `line` with the characters Markdown or HTML would act on escaped, wherever they are.
fn escape_inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for (at, c) in line.char_indices() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' if starts_an_entity(&line[at + 1..]) => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether the text after an `&` would make it an HTML entity (`&lt;`, `&#60;`): "R&D" stays.
fn starts_an_entity(rest: &str) -> bool {
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name_len > 0 && rest[name_len..].starts_with(';')
}

/// A role's label in a picture: its marks (the moves are drawn as arrows), then its title.
pub(super) fn label(ladder: &Ladder, marks: &PlanMarks, role: RoleIdx) -> String {
    let prefix = marks.prefix(role, StepMark::Number);
    labelled(&prefix, &ladder.role(role).title)
}

/// The heading of a picture: "IT leadership — Ada Lovelace's plan, 2026-11-25".
pub(super) fn heading(input: &ExportInput) -> String {
    format!(
        "{} — {}'s plan, {}",
        text::one_line(input.ladder.name()),
        text::one_line(&input.profile.name),
        input.today
    )
}
