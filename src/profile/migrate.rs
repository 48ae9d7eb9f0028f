//! Older profile formats, frozen as they were written, and the step that brings each one to the
//! current format. A file in an old format is read through its own types, so nothing it may
//! hold is refused; it is written in the new format on its first save (the old file stays as
//! the `.bak`).
//!
//! Format 1 → 2: a session's private notes leave the profile (the store keeps them in
//! `<id>.private.ron`), sessions get ids, action items move out of their sessions into one
//! list (remembering the session that agreed them) and their owner becomes a kind
//! (the person, the manager, or a name).

use std::collections::BTreeMap;

use serde::Deserialize;

use super::coaching::{Action, Owner, Session};
use super::model::{
    Evidence, HeldRole, MilestoneProgress, PROFILE_FORMAT, Person, PlanStep, Profile, Rating,
    Status,
};
use crate::date::Date;

/// A profile in format 1, exactly as that format allowed it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileV1 {
    /// Always 1; the store chose these types by it.
    #[allow(dead_code)]
    format: u32,
    id: String,
    name: String,
    ladder: String,
    current_role: String,
    #[serde(default)]
    target_role: Option<String>,
    #[serde(default)]
    history: Vec<HeldRole>,
    #[serde(default)]
    plan: Vec<PlanStep>,
    #[serde(default, deserialize_with = "crate::serde_maps::unique_keys")]
    milestones: BTreeMap<String, MilestoneProgress>,
    #[serde(default)]
    evidence: Vec<Evidence>,
    #[serde(default)]
    mentors: Vec<Person>,
    #[serde(default)]
    mentees: Vec<Person>,
    #[serde(default)]
    ratings: Vec<Rating>,
    #[serde(default)]
    sessions: Vec<SessionV1>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SessionV1 {
    date: Date,
    #[serde(default)]
    notes: String,
    #[serde(default)]
    private_notes: String,
    #[serde(default)]
    actions: Vec<ActionV1>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionV1 {
    text: String,
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due: Option<Date>,
    status: Status,
}

/// The id of a new session on `date`, given the ids already taken: the date, or the date with
/// the first free `-2`, `-3`… suffix.
pub fn session_id<'a>(date: Date, taken: impl Iterator<Item = &'a str> + Clone) -> String {
    let base = date.to_string();
    if !taken.clone().any(|t| t == base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.clone().any(|t| t == id))
        .unwrap_or(base)
}

impl ProfileV1 {
    /// Whether any session holds private notes: such a file must only ever be kept where
    /// private files are (see `Store::save`).
    pub fn holds_private_notes(&self) -> bool {
        self.sessions.iter().any(|s| !s.private_notes.is_empty())
    }
}

/// A format-1 profile as a current one: nothing it held is dropped.
pub fn from_v1(old: ProfileV1) -> Profile {
    let mut profile = Profile::new(old.id, old.name, old.ladder, old.current_role);
    profile.target_role = old.target_role;
    profile.history = old.history;
    profile.plan = old.plan;
    profile.milestones = old.milestones;
    profile.evidence = old.evidence;
    profile.mentors = old.mentors;
    profile.mentees = old.mentees;
    profile.ratings = old.ratings;
    for session in old.sessions {
        let id = session_id(session.date, profile.sessions.iter().map(|s| s.id.as_str()));
        if !session.private_notes.is_empty() {
            profile
                .private_notes
                .insert(id.clone(), session.private_notes);
        }
        for action in session.actions {
            profile.actions.push(Action {
                owner: Owner::parse(&action.owner, &profile.name),
                text: action.text,
                due: action.due,
                status: action.status,
                added: session.date,
                session: Some(id.clone()),
            });
        }
        profile.sessions.push(Session {
            id,
            date: session.date,
            notes: session.notes,
            agenda: Vec::new(),
        });
    }
    profile.format = PROFILE_FORMAT;
    profile
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn a_second_session_on_one_day_gets_the_next_free_suffix() {
        let day = date("2026-11-25");
        assert_eq!(session_id(day, [].iter().copied()), "2026-11-25");
        let taken = ["2026-11-25", "2026-11-25-2"];
        assert_eq!(session_id(day, taken.iter().copied()), "2026-11-25-3");
    }

    #[test]
    fn owners_from_format_1_become_kinds() {
        assert_eq!(Owner::parse("", "Priya Sharma"), Owner::Own);
        assert_eq!(Owner::parse("Priya", "Priya Sharma"), Owner::Own);
        assert_eq!(Owner::parse("priya sharma", "Priya Sharma"), Owner::Own);
        assert_eq!(Owner::parse("Manager", "Priya Sharma"), Owner::Manager);
        assert_eq!(
            Owner::parse("Grace", "Priya Sharma"),
            Owner::Named("Grace".into())
        );
        assert_eq!(Owner::parse("ÉMILE", "Émile Zola"), Owner::Own);
    }
}
