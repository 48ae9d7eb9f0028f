//! Looking back over a person's 1:1s: the sessions newest first, the private note of the
//! session before the one open (so last week's "watch for burnout" is there this week), and a
//! search through every session's notes, agenda and action items. Private notes are read only
//! when asked for ([`Private::Included`]); the planner never asks under share-safe.

use super::{Action, Profile, Session, Status};
use crate::date::Date;

/// Whether private notes are looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Private {
    Included,
    LeftOut,
}

/// Where in a session a search hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The notes both people see.
    Shared,
    /// The manager's private notes.
    Private,
    /// An item of the agenda the session started with.
    Agenda,
    /// An action item agreed in the session.
    Action,
}

impl Place {
    pub fn word(self) -> &'static str {
        match self {
            Place::Shared => "shared",
            Place::Private => "private",
            Place::Agenda => "agenda",
            Place::Action => "action",
        }
    }
}

/// One passage that matched: the session (by its stable id), its date, where, and the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub session: String,
    pub date: Date,
    pub place: Place,
    pub line: String,
}

/// The sessions newest first: by date, then the order they were saved, then id.
pub fn newest_first(p: &Profile) -> Vec<&Session> {
    let mut sessions: Vec<&Session> = p.sessions.iter().collect();
    sessions.sort_by(|a, b| (b.date, b.seq, &b.id).cmp(&(a.date, a.seq, &a.id)));
    sessions
}

/// The action items marked done after the session before `session` was saved and before the
/// one after it: what the 1:1 `session` saw completed (its minutes list them, and its view keeps
/// them in sight when opened again). Empty when there is no session `session`.
pub fn completed_at<'a>(p: &'a Profile, session: &str) -> Vec<&'a Action> {
    let newest = newest_first(p);
    let Some(at) = newest.iter().position(|s| s.id == session) else {
        return Vec::new();
    };
    let after = newest.get(at + 1).map_or(0, |s| s.seq);
    let before = at.checked_sub(1).map(|i| newest[i].seq);
    p.actions
        .iter()
        .filter(|a| a.status == Status::Done && a.changed > after)
        .filter(|a| before.is_none_or(|b| a.changed < b))
        .collect()
}

/// The newest session before `session` that has private notes, with them; `None` when there is
/// none (or no session `session`).
pub fn previous_private_note<'a>(p: &'a Profile, session: &str) -> Option<(&'a Session, &'a str)> {
    let newest = newest_first(p);
    let at = newest.iter().position(|s| s.id == session)?;
    newest[at + 1..].iter().find_map(|s| {
        let notes = p.private_notes.get(&s.id)?;
        (!notes.trim().is_empty()).then_some((*s, notes.as_str()))
    })
}

/// Every passage of `p`'s sessions holding `query` (any case): the lines of the shared notes,
/// of the private notes when `private` includes them, the agenda items and the action items
/// agreed in the session; newest session first, in that order within one. Nothing for an
/// empty query.
pub fn search(p: &Profile, query: &str, private: Private) -> Vec<Hit> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for s in newest_first(p) {
        let mut add = |place: Place, text: &str| {
            for line in text.lines().filter(|l| l.to_lowercase().contains(&query)) {
                hits.push(Hit {
                    session: s.id.clone(),
                    date: s.date,
                    place,
                    line: line.trim().to_string(),
                });
            }
        };
        add(Place::Shared, &s.notes);
        if private == Private::Included {
            add(
                Place::Private,
                p.private_notes.get(&s.id).map_or("", String::as_str),
            );
        }
        for item in &s.agenda {
            add(Place::Agenda, &item.text);
        }
        for action in p.actions_agreed_in(&s.id) {
            add(Place::Action, &action.text);
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{Action, AgendaItem, Owner, Status, Topic};

    fn session(id: &str, seq: u64, notes: &str) -> Session {
        Session {
            id: id.into(),
            seq,
            date: id[..10].parse().unwrap(),
            notes: notes.into(),
            agenda: Vec::new(),
        }
    }

    /// Three 1:1s: the first with a private note, the second without, the third open now.
    fn priya() -> Profile {
        let mut p = Profile::new("priya".into(), "Priya".into(), "l".into(), "r".into());
        p.sessions = vec![
            session(
                "2026-11-10",
                1,
                "Talked about a move into DATA\nand the rota",
            ),
            session("2026-11-17", 2, ""),
            session("2026-11-24", 3, ""),
        ];
        p.sessions[1].agenda.push(AgendaItem {
            topic: Topic::Action,
            of: None,
            text: "The on-call rota".into(),
            ticked: false,
        });
        p.private_notes
            .insert("2026-11-10".into(), "Watch for burnout".into());
        p.private_notes.insert("2026-11-17".into(), "  \n".into());
        p.actions.push(Action {
            id: 1,
            seq: 4,
            changed: 0,
            text: "Draft the rota proposal".into(),
            owner: Owner::Own,
            due: None,
            status: Status::Todo,
            added: "2026-11-17".parse().unwrap(),
            session: Some("2026-11-17".into()),
        });
        p
    }

    #[test]
    fn the_previous_private_note_is_the_newest_earlier_one_that_has_words() {
        let p = priya();
        let (s, note) = previous_private_note(&p, "2026-11-24").unwrap();
        assert_eq!((s.id.as_str(), note), ("2026-11-10", "Watch for burnout"));
        assert_eq!(
            previous_private_note(&p, "2026-11-17").map(|(s, _)| s.id.as_str()),
            Some("2026-11-10")
        );
        assert_eq!(
            previous_private_note(&p, "2026-11-10"),
            None,
            "nothing before"
        );
        assert_eq!(previous_private_note(&p, "no-such"), None);
    }

    #[test]
    fn a_later_session_the_same_day_sees_the_earlier_ones_note() {
        let mut p = priya();
        p.sessions.push(session("2026-11-24-2", 5, ""));
        p.private_notes
            .insert("2026-11-24".into(), "Morning: tired".into());
        let (s, _) = previous_private_note(&p, "2026-11-24-2").unwrap();
        assert_eq!(s.id, "2026-11-24");
    }

    #[test]
    fn search_finds_notes_agenda_and_actions_in_any_case_newest_first_by_session_id() {
        let p = priya();
        let found: Vec<(String, Place, String)> = search(&p, "ROTA", Private::Included)
            .into_iter()
            .map(|h| (h.session, h.place, h.line))
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    "2026-11-17".into(),
                    Place::Agenda,
                    "The on-call rota".into()
                ),
                (
                    "2026-11-17".into(),
                    Place::Action,
                    "Draft the rota proposal".into()
                ),
                ("2026-11-10".into(), Place::Shared, "and the rota".into()),
            ]
        );
        let data = search(&p, "data", Private::Included);
        assert_eq!(data.len(), 1);
        assert_eq!(data[0].line, "Talked about a move into DATA");
        assert!(search(&p, "  ", Private::Included).is_empty());
        assert!(search(&p, "nowhere", Private::Included).is_empty());
    }

    #[test]
    fn private_notes_are_searched_only_when_included() {
        let p = priya();
        let hits = search(&p, "burnout", Private::Included);
        assert_eq!(hits.len(), 1);
        assert_eq!(
            (hits[0].session.as_str(), hits[0].place),
            ("2026-11-10", Place::Private)
        );
        assert!(search(&p, "burnout", Private::LeftOut).is_empty());
    }
}
