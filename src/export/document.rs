//! What the planner's export menu writes into the exports folder, each with the name it gets:
//! the profile in one of its formats, the minutes of a 1:1 (as `rungs session show` prints
//! them) or the promotion case for the next role (as `rungs case` prints it).

use super::case;
use super::formats::{ExportInput, Format, PrivateNotes, file_name};
use super::minutes::Minutes;
use crate::text;

/// A document the planner can write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Document {
    Profile(Format),
    /// The minutes of the 1:1 open in the planner, or else of the latest.
    Minutes,
    /// The promotion case for the person's next role.
    Case,
}

impl Document {
    /// The format its file is in.
    pub fn format(self) -> Format {
        match self {
            Document::Profile(format) => format,
            Document::Minutes | Document::Case => Format::Markdown,
        }
    }

    /// What to do with the file once written, for the person: a file holding private notes
    /// is to keep, never to paste or share.
    pub fn how_to_open(self, private: PrivateNotes) -> &'static str {
        match (self, private) {
            (_, PrivateNotes::Included) => "it holds private notes: keep it to yourself",
            (Document::Profile(format), _) => format.how_to_open(),
            (Document::Minutes, _) => "keep it with your 1:1 notes",
            (Document::Case, _) => "bring it to the promotion talk",
        }
    }

    /// Whether it can carry private notes when asked: the minutes and the case can.
    pub fn can_carry_private_notes(self) -> bool {
        self.format().can_carry_private_notes()
    }

    /// The minutes of the 1:1 `open`, or else of the latest; `None` when there is no 1:1.
    pub fn minutes<'a>(input: &ExportInput<'a>, open: Option<&str>) -> Option<Minutes<'a>> {
        let open = open.filter(|id| input.profile.sessions.iter().any(|s| s.id == *id));
        Minutes::of(input.profile, input.ladder, open, input.today)
    }

    /// What writing it makes, for the planner's menu: which 1:1's minutes and the case for
    /// which role, or that there is none; `None` for the profile's formats.
    pub fn describe(self, input: &ExportInput, open: Option<&str>) -> Option<String> {
        Some(match self {
            Document::Profile(_) => return None,
            Document::Minutes => Document::minutes(input, open).map_or(
                "minutes of a 1:1 — there is none yet".into(),
                |m| {
                    format!(
                        "write the minutes of the 1:1 of {} (Markdown)",
                        m.session.id
                    )
                },
            ),
            Document::Case => case::default_target(input).map_or(
                "promotion case — there is no next role".into(),
                |r| {
                    format!(
                        "write the promotion case for {}",
                        text::one_line(&input.ladder.role(r).title)
                    )
                },
            ),
        })
    }

    /// Its file name and text, made from `input` (`open`: the 1:1 open, for the minutes), or
    /// why there is none to write.
    pub fn render(
        self,
        input: &ExportInput,
        open: Option<&str>,
    ) -> Result<(String, String), String> {
        let (what, text) = match self {
            Document::Profile(format) => {
                return Ok((file_name(input, format), super::render(format, input)));
            }
            Document::Minutes => {
                let m = Document::minutes(input, open).ok_or(NO_SESSION)?;
                (
                    format!("minutes-{}", m.session.id),
                    m.markdown(input.private),
                )
            }
            Document::Case => {
                let target = case::default_target(input).ok_or(NO_NEXT_ROLE)?;
                let built = case::build(input, target)?;
                let role = &input.ladder.role(target).id;
                (
                    format!("case-{role}-{}", input.today),
                    case::markdown(input, &built),
                )
            }
        };
        // Named `-private` when it holds private notes, so nobody shares it by mistake.
        let private = match input.private {
            PrivateNotes::Included => "-private",
            PrivateNotes::LeftOut => "",
        };
        Ok((format!("{}-{what}{private}.md", input.profile.id), text))
    }
}

const NO_SESSION: &str = "no 1:1 yet to write the minutes of — n in the Coaching tab starts one";
const NO_NEXT_ROLE: &str =
    "no next role to make a case for — the current role is at the top of the ladder (or not in it)";
