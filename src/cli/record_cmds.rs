//! Whose profile (`rungs use`), and the record of the 1:1s kept right: the evidence log listed
//! and corrected by id, every rating with its date and note, and a session's minutes.

use std::io::Write;

use serde_json::json;

use super::args::{EvidenceCommand, MinutesFormat};
use super::coaching_cmds::private_notes;
use super::output::write_json;
use super::profile_cmds::{Context, apply};
use crate::date::Date;
use crate::error::Failure;
use crate::export::{self, Minutes};
use crate::profile::{ChosenBy, ProfileError, rules};
use crate::text;

impl Context<'_> {
    /// `rungs use [NAME]`: chooses whose profile commands without `--profile` use, or shows
    /// the choice.
    pub fn use_profile(&self, name: Option<&str>, out: &mut dyn Write) -> Result<(), Failure> {
        let Some(name) = name else {
            return self.show_choice(out);
        };
        let id = self.store.choose(name)?;
        let person = self
            .store
            .load_for_glance(&id)
            .map(|p| p.name)
            .unwrap_or_else(|_| id.clone());
        writeln!(
            out,
            "commands without --profile now use {} ({id})",
            text::one_line(&person)
        )?;
        Ok(())
    }

    fn show_choice(&self, out: &mut dyn Write) -> Result<(), Failure> {
        match self.store.resolve_how(None) {
            Ok((id, how)) => {
                let name = self
                    .store
                    .load_for_glance(&id)
                    .map(|p| p.name)
                    .unwrap_or_else(|_| id.clone());
                let why = match how {
                    ChosenBy::Use => "chosen with `rungs use`",
                    ChosenBy::Only => "the only profile",
                    ChosenBy::Named => "named",
                };
                writeln!(out, "{} ({id}) — {why}", text::one_line(&name))?;
                Ok(())
            }
            Err(ProfileError::NoneChosen { ids }) => {
                writeln!(
                    out,
                    "none chosen — profiles: {}; choose one with `rungs use NAME`",
                    ids.join(", ")
                )?;
                Ok(())
            }
            Err(e) => Err(e.into()),
        }
    }

    /// `rungs evidence list|edit|remove`.
    pub fn evidence(&self, action: EvidenceCommand, out: &mut dyn Write) -> Result<(), Failure> {
        match action {
            EvidenceCommand::List { json } => {
                let (_, profile, ladder) = self.load_to_read(None)?;
                if json {
                    let entries: Vec<_> = profile
                        .evidence
                        .iter()
                        .map(|e| export::evidence_json(e, &ladder))
                        .collect();
                    return write_json(out, &entries);
                }
                if profile.evidence.is_empty() {
                    writeln!(
                        out,
                        "{}: the evidence log is empty — add to it with `rungs log TEXT`",
                        profile.id
                    )?;
                    return Ok(());
                }
                writeln!(
                    out,
                    "{} · evidence, oldest first",
                    text::one_line(&profile.name)
                )?;
                for e in &profile.evidence {
                    writeln!(out, "{:>4}. {}", e.id, export::evidence_line(e, &ladder))?;
                }
                Ok(())
            }
            EvidenceCommand::Edit { id, text: typed } => {
                let Some(typed) = text::typed(&typed) else {
                    return Err(Failure::invalid(
                        "give the corrected text of the entry (control characters do not count)",
                    ));
                };
                let (who, _, _) = self.load(None)?;
                let (changed, saved) =
                    self.store.update(&who, |p| {
                        match rules::edit_evidence(p, id, typed.clone())
                            .map_err(|r| ProfileError::Invalid(r.0))?
                        {
                            Some(change) => apply(&change, p).map(|()| true),
                            None => Ok(false),
                        }
                    })?;
                let what = if changed {
                    "corrected"
                } else {
                    "already reads so; unchanged"
                };
                writeln!(out, "{}: evidence entry {id} {what}", saved.id)?;
                Ok(())
            }
            EvidenceCommand::Remove { id } => {
                let (who, _, _) = self.load(None)?;
                let ((), saved) = self.store.update(&who, |p| {
                    let change =
                        rules::remove_evidence(p, id).map_err(|r| ProfileError::Invalid(r.0))?;
                    apply(&change, p)
                })?;
                writeln!(
                    out,
                    "{}: evidence entry {id} removed ({} left in the log)",
                    saved.id,
                    text::count(saved.evidence.len(), "entry")
                )?;
                Ok(())
            }
        }
    }

    /// `rungs ratings --history`: every rating, oldest first.
    pub fn rating_history(&self, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
        let (_, profile, ladder) = self.load_to_read(None)?;
        let ratings = crate::profile::competence::history(&profile);
        let name_of = |id: &str| {
            ladder
                .competencies()
                .iter()
                .find(|c| c.id == id)
                .map_or_else(|| id.to_string(), |c| c.name.clone())
        };
        if json {
            let values: Vec<_> = ratings
                .iter()
                .map(|r| {
                    json!({
                        "date": r.date.to_string(),
                        "competency": r.competency,
                        "name": name_of(&r.competency),
                        "by": r.by.name(),
                        "level": r.level.words().replace(' ', "-"),
                        "note": r.note,
                    })
                })
                .collect();
            return write_json(out, &values);
        }
        if ratings.is_empty() {
            writeln!(
                out,
                "{}: no ratings yet — `rungs rate COMPETENCY LEVEL --by self|manager`",
                profile.id
            )?;
            return Ok(());
        }
        writeln!(
            out,
            "{} · every rating, oldest first",
            text::one_line(&profile.name)
        )?;
        for r in ratings {
            let note = if text::has_content(&r.note) {
                format!(" — {}", text::one_line(&r.note))
            } else {
                String::new()
            };
            writeln!(
                out,
                "  {}  {}  by {:<7}  {}{note}",
                r.date,
                text::one_line(&name_of(&r.competency)),
                r.by.name(),
                r.level.words(),
            )?;
        }
        Ok(())
    }

    /// `rungs session next DATE|--clear`: the day of the next 1:1.
    pub fn next_session(&self, day: Option<Date>, out: &mut dyn Write) -> Result<(), Failure> {
        let (who, profile, _) = self.load(None)?;
        let today = self.clock.today();
        // Checked here too, so a wrong day is refused before the lock is taken.
        rules::set_next_session(&profile, day, today).map_err(|r| Failure::invalid(r.0))?;
        let ((), saved) = self.store.update(&who, |p| {
            match rules::set_next_session(p, day, today).map_err(|r| ProfileError::Invalid(r.0))? {
                Some(change) => apply(&change, p),
                None => Ok(()),
            }
        })?;
        match saved.next_session {
            Some(day) => writeln!(out, "{}: next 1:1 on {day}", saved.id)?,
            None => writeln!(out, "{}: no next 1:1 set", saved.id)?,
        }
        Ok(())
    }

    /// `rungs session show [ID]`: the minutes of a 1:1.
    pub fn session_show(
        &self,
        id: Option<&str>,
        format: MinutesFormat,
        include_private: bool,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let (_, profile, ladder) = if include_private {
            self.load(None)?
        } else {
            self.load_to_read(None)?
        };
        let today = self.clock.today();
        let Some(minutes) = Minutes::of(&profile, &ladder, id, today) else {
            let ids: Vec<&str> = profile.sessions.iter().map(|s| s.id.as_str()).collect();
            return Err(Failure::invalid(match (id, ids.is_empty()) {
                (_, true) => format!(
                    "{}: no 1:1 yet — start one with `rungs session add`",
                    profile.id
                ),
                (Some(id), false) => format!(
                    "no session \"{}\" — the sessions are {}",
                    text::one_line(id),
                    ids.join(", ")
                ),
                (None, false) => "no session to show".to_string(),
            }));
        };
        let private = private_notes(include_private);
        match format {
            MinutesFormat::Markdown => out.write_all(minutes.markdown(private).as_bytes())?,
            MinutesFormat::Json => write_json(out, &minutes.json(private))?,
        }
        if include_private {
            super::output::warn(
                "these minutes hold the session's private notes — keep them out of shared folders and documents",
            );
        }
        Ok(())
    }
}
