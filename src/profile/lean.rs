//! A profile read for the roster's glance only (see [`super::glance`]): the same file, parsed
//! with the same field names and the same refusal of unknown fields, but with the free text
//! nobody on the roster sees — evidence, milestone and session notes, agendas, the words of
//! action items and topics, mentors, ratings, the plan's history — passed over by
//! `serde::de::IgnoredAny` instead of being built into strings and lists. What the glance
//! reads comes out as the usual types, so the glance is made by the one [`super::Glance::of`].
//!
//! Only the current format (and format 2, which lacks only ids the glance does not need) is read this way; anything else (an older format, a file that
//! does not parse) returns `None` and the caller reads the file in full, which says what is
//! wrong. A value inside a passed-over field is not checked as closely as a full read checks it
//! (a malformed date in a session's agenda, say): such a file shows on the roster and is
//! refused, with file:line:col, when it is opened.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde::de::IgnoredAny;

use super::coaching::{Action, Owner, Session, TalkingPoint};
use super::model::{HeldRole, MilestoneProgress, PROFILE_FORMAT, PlanStep, Profile, Rater, Status};
use crate::date::Date;
use crate::ladder;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeanProfile {
    format: u32,
    #[serde(default)]
    #[allow(dead_code)]
    next_id: IgnoredAny,
    #[allow(dead_code)]
    id: IgnoredAny,
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
    milestones: BTreeMap<String, LeanMilestone>,
    #[serde(default)]
    #[allow(dead_code)]
    evidence: IgnoredAny,
    #[serde(default)]
    #[allow(dead_code)]
    mentors: IgnoredAny,
    #[serde(default)]
    #[allow(dead_code)]
    mentees: IgnoredAny,
    #[serde(default)]
    #[allow(dead_code)]
    ratings: IgnoredAny,
    #[serde(default)]
    sessions: Vec<LeanSession>,
    #[serde(default)]
    actions: Vec<LeanAction>,
    #[serde(default)]
    talking_points: Vec<LeanPoint>,
    #[serde(default)]
    #[allow(dead_code)]
    plan_changes: IgnoredAny,
    #[serde(default)]
    #[allow(dead_code)]
    next_session: IgnoredAny,
    #[serde(default)]
    #[allow(dead_code)]
    retired_sessions: IgnoredAny,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeanMilestone {
    #[serde(default)]
    seq: u64,
    status: Status,
    changed: Date,
    #[serde(default)]
    due: Option<Date>,
    #[serde(default)]
    #[allow(dead_code)]
    note: IgnoredAny,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeanSession {
    #[serde(default)]
    #[allow(dead_code)]
    seq: IgnoredAny,
    #[allow(dead_code)]
    id: IgnoredAny,
    date: Date,
    #[serde(default)]
    #[allow(dead_code)]
    notes: IgnoredAny,
    #[serde(default)]
    #[allow(dead_code)]
    agenda: IgnoredAny,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeanAction {
    #[serde(default)]
    #[allow(dead_code)]
    id: IgnoredAny,
    #[serde(default)]
    #[allow(dead_code)]
    seq: IgnoredAny,
    #[serde(default)]
    #[allow(dead_code)]
    changed: IgnoredAny,
    #[allow(dead_code)]
    text: IgnoredAny,
    #[allow(dead_code)]
    owner: IgnoredAny,
    #[serde(default)]
    due: Option<Date>,
    status: Status,
    added: Date,
    #[serde(default)]
    #[allow(dead_code)]
    session: IgnoredAny,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeanPoint {
    #[serde(default)]
    #[allow(dead_code)]
    id: IgnoredAny,
    #[serde(default)]
    #[allow(dead_code)]
    seq: IgnoredAny,
    #[allow(dead_code)]
    text: IgnoredAny,
    by: Rater,
    added: Date,
    #[serde(default)]
    closed_in: Option<IgnoredAny>,
}

/// The profile in `source` with its free text left out, or `None` when it is not a file in
/// the current format that parses (the caller then reads it in full).
pub(super) fn parse(source: &str, id: &str) -> Option<Profile> {
    let lean: LeanProfile = ladder::ron_options().from_str(source).ok()?;
    // Format 3 only added ids and sequence numbers to format 2, which the glance does not read.
    if !(2..=PROFILE_FORMAT).contains(&lean.format) {
        return None;
    }
    let mut p = Profile::new(id.to_string(), lean.name, lean.ladder, lean.current_role);
    p.target_role = lean.target_role;
    p.history = lean.history;
    p.plan = lean.plan;
    p.milestones = lean
        .milestones
        .into_iter()
        .map(|(id, m)| {
            let progress = MilestoneProgress {
                seq: m.seq,
                status: m.status,
                changed: m.changed,
                due: m.due,
                note: String::new(),
            };
            (id, progress)
        })
        .collect();
    p.sessions = lean
        .sessions
        .into_iter()
        .map(|s| Session {
            seq: 0,
            id: String::new(),
            date: s.date,
            notes: String::new(),
            agenda: Vec::new(),
        })
        .collect();
    p.actions = lean
        .actions
        .into_iter()
        .map(|a| Action {
            id: 0,
            seq: 0,
            changed: 0,
            text: String::new(),
            owner: Owner::Own,
            due: a.due,
            status: a.status,
            added: a.added,
            session: None,
        })
        .collect();
    p.talking_points = lean
        .talking_points
        .into_iter()
        .map(|t| TalkingPoint {
            id: 0,
            seq: 0,
            text: String::new(),
            by: t.by,
            added: t.added,
            closed_in: t.closed_in.map(|_| String::new()),
        })
        .collect();
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{BUNDLED, load_str};
    use crate::profile::glance::Glance;

    #[test]
    fn the_lean_read_gives_the_glance_a_full_read_gives_and_leaves_other_formats_alone() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let source = include_str!("../../tests/fixtures/profiles/format-1.ron");
        let path = std::path::Path::new("priya-sharma.ron");
        assert!(
            parse(source, "priya-sharma").is_none(),
            "format 1 is read in full"
        );
        let mut full = super::super::store::parse(source, path).unwrap();
        full.private_notes.clear();
        full.talking_points.push(TalkingPoint {
            id: 0,
            seq: 0,
            text: "theirs".into(),
            by: Rater::Own,
            added: "2026-11-20".parse().unwrap(),
            closed_in: None,
        });
        let text = super::super::store::to_ron(&full).unwrap();
        let lean = parse(&text, &full.id).unwrap();
        assert_eq!(Glance::of(&lean, &ladder), Glance::of(&full, &ladder));
        assert!(lean.evidence.is_empty() && lean.sessions[0].notes.is_empty());
        // A field the format does not have is refused here too: the full read says why.
        assert!(
            parse(
                &text.replacen("name:", "nickname: \"x\",\n    name:", 1),
                "p"
            )
            .is_none()
        );
    }
}
