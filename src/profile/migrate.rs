//! Older profile formats, frozen as they were written, and the step that brings each one to the
//! current format. A file in an old format is read through its own types, so nothing it may
//! hold is refused; it is written in the new format on its first save (the old file stays as
//! the `.bak`).
//!
//! Format 1 → 2: a session's private notes leave the profile (the store keeps them in
//! `<id>.private.ron`), sessions get ids, action items move out of their sessions into one
//! list (remembering the session that agreed them) and their owner becomes a kind
//! (the person, the manager, or a name).
//!
//! Format 2 → 3: action items, talking points and evidence entries get ids, given in file order
//! (so the numbers `rungs action list` and `rungs agenda` showed by place stay theirs), and
//! every dated entry gets its place in the profile's sequence, in date order with an entry
//! dated the day of a session counted before it (as format 2's digest counted it). Format 3
//! only adds fields to format 2, so a format-2 file is read by the current types and then
//! [`settle`]d; the agenda items of past sessions are linked to the topics they came from.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::coaching::{Action, Owner, Session, Topic};
use super::error::ProfileError;
use super::model::{
    Evidence, HeldRole, MilestoneProgress, PROFILE_FORMAT, Person, PlanStep, Profile, Rating,
    Status, take,
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
                id: 0,
                seq: 0,
                changed: 0,
                owner: Owner::parse(&action.owner, &profile.name),
                text: action.text,
                due: action.due,
                status: action.status,
                added: session.date,
                session: Some(id.clone()),
            });
        }
        profile.sessions.push(Session {
            seq: 0,
            id,
            date: session.date,
            notes: session.notes,
            agenda: Vec::new(),
        });
    }
    settle(&mut profile);
    profile
}

/// A format-2 profile (read by the current types, which only add to it) as a current one.
pub fn from_v2(mut profile: Profile) -> Profile {
    link_agendas(&mut profile);
    settle(&mut profile);
    profile
}

/// `p`, [`settle`]d.
pub fn settled(mut p: Profile) -> Profile {
    settle(&mut p);
    p
}

/// Whether `p` has nothing for [`settle`] to give: every id and every place in the sequence
/// given, and the format the current one.
pub fn is_settled(p: &Profile) -> bool {
    let next = &p.next_id;
    p.format == PROFILE_FORMAT
        && p.name == crate::text::visible(&p.name)
        && p.actions
            .iter()
            .all(|a| a.id != 0 && a.id < next.action && a.seq != 0)
        && p.talking_points
            .iter()
            .all(|t| t.id != 0 && t.id < next.topic && t.seq != 0)
        && p.evidence
            .iter()
            .all(|e| e.id != 0 && e.id < next.evidence && e.seq != 0)
        && p.sessions.iter().all(|s| s.seq != 0)
        && p.ratings.iter().all(|r| r.seq != 0)
        && p.plan_changes.iter().all(|c| c.seq != 0)
        && p.milestones.values().all(|m| m.seq != 0)
}

/// Gives every item without an id its id, in file order, and every entry without a place in
/// the sequence its place, in date order (an entry dated the day of a session before it); the
/// counters then stand past every number in the file. A file written by rungs has nothing to
/// give; an older one, or one edited by hand, gets what it lacks and keeps what it has.
/// Also sets the format to the current one, and takes what cannot be seen out of the name.
pub fn settle(p: &mut Profile) {
    // A name is what it reads: nothing invisible in it (see `text::visible`).
    p.name = crate::text::visible(&p.name);
    let next = &mut p.next_id;
    next.action = next
        .action
        .max(p.actions.iter().map(|a| a.id + 1).max().unwrap_or(1));
    next.topic = next
        .topic
        .max(p.talking_points.iter().map(|t| t.id + 1).max().unwrap_or(1));
    next.evidence = next
        .evidence
        .max(p.evidence.iter().map(|e| e.id + 1).max().unwrap_or(1));
    let seqs = p
        .actions
        .iter()
        .flat_map(|a| [a.seq, a.changed])
        .chain(p.talking_points.iter().map(|t| t.seq))
        .chain(p.evidence.iter().map(|e| e.seq))
        .chain(p.sessions.iter().map(|s| s.seq))
        .chain(p.ratings.iter().map(|r| r.seq))
        .chain(p.plan_changes.iter().map(|c| c.seq))
        .chain(p.milestones.values().map(|m| m.seq));
    next.seq = next.seq.max(seqs.max().unwrap_or(0) + 1);
    for a in p.actions.iter_mut().filter(|a| a.id == 0) {
        a.id = take(&mut next.action);
    }
    for t in p.talking_points.iter_mut().filter(|t| t.id == 0) {
        t.id = take(&mut next.topic);
    }
    for e in p.evidence.iter_mut().filter(|e| e.id == 0) {
        e.id = take(&mut next.evidence);
    }
    // Every entry still without a place, by (date, after the day's other entries?).
    let mut unplaced: Vec<(Date, bool, &mut u64)> = Vec::new();
    unplaced.extend(p.actions.iter_mut().map(|a| (a.added, false, &mut a.seq)));
    unplaced.extend(
        p.talking_points
            .iter_mut()
            .map(|t| (t.added, false, &mut t.seq)),
    );
    unplaced.extend(p.evidence.iter_mut().map(|e| (e.date, false, &mut e.seq)));
    unplaced.extend(p.ratings.iter_mut().map(|r| (r.date, false, &mut r.seq)));
    unplaced.extend(
        p.plan_changes
            .iter_mut()
            .map(|c| (c.date, false, &mut c.seq)),
    );
    unplaced.extend(
        p.milestones
            .values_mut()
            .map(|m| (m.changed, false, &mut m.seq)),
    );
    unplaced.extend(p.sessions.iter_mut().map(|s| (s.date, true, &mut s.seq)));
    unplaced.retain(|(_, _, seq)| **seq == 0);
    // A stable sort: within a list, file order (oldest first) stays.
    unplaced.sort_by_key(|(date, session, _)| (*date, *session));
    for (_, _, seq) in unplaced {
        *seq = take(&mut next.seq);
    }
    p.format = PROFILE_FORMAT;
}

/// A profile read in the current format, refused when two items of one kind share an id (a
/// file edited by hand or merged): which one a command meant could not be told. Else settled,
/// for a hand-written file may lack ids.
pub fn checked(mut p: Profile, path: &std::path::Path) -> Result<Profile, ProfileError> {
    let twice = |what: &str, ids: Vec<u64>| {
        let mut seen = std::collections::BTreeSet::new();
        let dup = ids.into_iter().find(|&id| id != 0 && !seen.insert(id))?;
        Some(format!(
            "two {what} have id {dup} — give one of them an id not in use (ids are never \
             reused, so the higher the better), or restore {}.bak",
            path.display()
        ))
    };
    let found = twice("action items", p.actions.iter().map(|a| a.id).collect())
        .or_else(|| twice("topics", p.talking_points.iter().map(|t| t.id).collect()))
        .or_else(|| {
            twice(
                "evidence entries",
                p.evidence.iter().map(|e| e.id).collect(),
            )
        });
    if let Some(message) = found {
        return Err(ProfileError::Parse {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            message,
        });
    }
    settle(&mut p);
    Ok(p)
}

/// Links each talking-point item of a past session's agenda to the topic it came from, found
/// as format 2 found it: by whom and by its words (a topic ticked in that session is closed in
/// it). Done before ids are given, so it reads the points as the file holds them.
fn link_agendas(p: &mut Profile) {
    let points = &p.talking_points;
    for session in &mut p.sessions {
        let mut taken: Vec<usize> = Vec::new();
        for item in session.agenda.iter_mut().filter(|i| i.of.is_none()) {
            let Topic::Point(by) = item.topic else {
                continue;
            };
            let found = points.iter().enumerate().find(|(at, t)| {
                t.by == by
                    && !taken.contains(at)
                    && crate::text::one_line(&t.text) == item.text
                    && (!item.ticked || t.closed_in.as_deref() == Some(session.id.as_str()))
            });
            if let Some((at, t)) = found {
                taken.push(at);
                // Its id, or the one settle gives it: its place in the file.
                item.of = Some(if t.id == 0 { at as u64 + 1 } else { t.id });
            }
        }
    }
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
        // Typed back as the manager reads it: her name, and read again as her.
        for owner in [Owner::Own, Owner::Manager, Owner::Named("Sam".into())] {
            let typed = owner.typed_for("Priya Sharma");
            assert_ne!(typed, "self");
            assert_eq!(Owner::parse(&typed, "Priya Sharma"), owner);
        }
        assert_eq!(Owner::parse("Manager", "Priya Sharma"), Owner::Manager);
        assert_eq!(
            Owner::parse("Grace", "Priya Sharma"),
            Owner::Named("Grace".into())
        );
        assert_eq!(Owner::parse("ÉMILE", "Émile Zola"), Owner::Own);
    }
}
