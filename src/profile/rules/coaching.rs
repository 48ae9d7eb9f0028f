//! The rules for the coaching side: sessions and their agenda and notes, action items, talking
//! points and ratings. Like every rule, each returns the [`Change`] that carries it out.

use crate::date::Date;
use crate::ladder::Ladder;
use crate::profile::agenda;
use crate::profile::change::{Change, Edit, Item, Refusal};
use crate::profile::coaching::{
    Action, Owner, PlanChange, PlanEvent, Session, TalkingPoint, Topic,
};
use crate::profile::competence;
use crate::profile::migrate::session_id;
use crate::profile::model::{Profile, Rater, Rating, RatingLevel, Status};
use crate::text;

/// What a session starts with besides its agenda (the command line can give all of it).
#[derive(Debug, Clone, Default)]
pub struct SessionStart {
    pub notes: String,
    pub private_notes: String,
    /// Action items agreed, owned by the person.
    pub actions: Vec<String>,
}

/// A new session on `date`, in date order among the others, with the agenda built for it and
/// whatever `start` gives; also returns the new session's id.
pub fn start_session(
    p: &Profile,
    ladder: &Ladder,
    date: Date,
    start: SessionStart,
) -> (Change, String) {
    // Nor the id of a session removed (an undo), nor of a private note whose session is gone
    // (left by a save that failed halfway): an id is given once, and a new session must never
    // inherit someone else's private words.
    let taken = p
        .sessions
        .iter()
        .map(|s| s.id.as_str())
        .chain(p.retired_sessions.iter().map(String::as_str));
    let id = session_id(
        date,
        taken.chain(p.private_notes.keys().map(String::as_str)),
    );
    let index = p
        .sessions
        .iter()
        .position(|s| s.date > date)
        .unwrap_or(p.sessions.len());
    let session = Session {
        seq: 0,
        id: id.clone(),
        date,
        notes: start.notes,
        agenda: agenda::build(p, ladder, date).items,
    };
    let mut edits = vec![Edit::Insert {
        item: Item::Session(session),
        index,
    }];
    if !start.private_notes.is_empty() {
        edits.push(Edit::PrivateNotes {
            session: id.clone(),
            before: String::new(),
            after: start.private_notes,
        });
    }
    for (i, text) in start.actions.into_iter().enumerate() {
        edits.push(Edit::Insert {
            item: Item::Action(Action::new(text, Owner::Own, None, date, Some(id.clone()))),
            index: p.actions.len() + i,
        });
    }
    (Change::new(edits, format!("session {id} started")), id)
}

/// The shared notes of `session`, over `seen` (the notes as they were when editing began).
/// `None` if nothing changes.
pub fn set_notes(session: &str, seen: &str, after: String) -> Option<Change> {
    (seen != after).then(|| {
        Change::new(
            vec![Edit::SessionNotes {
                session: session.to_string(),
                before: seen.to_string(),
                after,
            }],
            "notes saved",
        )
    })
}

/// The private notes of `session`, over `seen`. `None` if nothing changes.
pub fn set_private_notes(session: &str, seen: &str, after: String) -> Option<Change> {
    (seen != after).then(|| {
        Change::new(
            vec![Edit::PrivateNotes {
                session: session.to_string(),
                before: seen.to_string(),
                after,
            }],
            "private notes saved (kept apart from the profile)",
        )
    })
}

/// Ticks agenda item `index` of `session` as discussed, or unticks it. A talking point ticked
/// is closed by this session (and opened again when unticked), so it leaves the next agenda.
pub fn tick(p: &Profile, session: &str, index: usize) -> Option<Change> {
    let s = p.sessions.iter().find(|s| s.id == session)?;
    let before = s.agenda.get(index)?;
    let mut after = before.clone();
    after.ticked = !before.ticked;
    let mut edits = vec![Edit::Replace {
        before: Item::Agenda {
            session: session.to_string(),
            item: before.clone(),
        },
        after: Item::Agenda {
            session: session.to_string(),
            item: after.clone(),
        },
        index,
    }];
    if let Topic::Point(by) = before.topic {
        let (from, to) = if after.ticked {
            (None, Some(session.to_string()))
        } else {
            (Some(session.to_string()), None)
        };
        // By the id the item carries; an item from before ids (format 2) by its words.
        let found = p.talking_points.iter().enumerate().find(|(_, t)| {
            let same = match before.of {
                Some(id) => t.id == id,
                None => t.by == by && text::one_line(&t.text) == before.text,
            };
            same && t.closed_in == from
        });
        if let Some((at, point)) = found {
            edits.push(Edit::Replace {
                before: Item::Point(point.clone()),
                after: Item::Point(TalkingPoint {
                    closed_in: to,
                    ..point.clone()
                }),
                index: at,
            });
        }
    }
    let done = if after.ticked {
        "discussed"
    } else {
        "not discussed yet"
    };
    Some(Change::new(edits, done))
}

fn refuse_empty(text: &str, what: &str) -> Result<(), Refusal> {
    if text::has_content(text) {
        Ok(())
    } else {
        Err(Refusal(format!("{what}, please — one line will do")))
    }
}

/// An action item at the end of the list, added today (`action.added`); refused without text
/// or with a due date too far from today (see [`super::dates`]).
pub fn add_action(p: &Profile, action: Action) -> Result<Change, Refusal> {
    refuse_empty(&action.text, "what is to be done")?;
    if let Some(due) = action.due {
        super::dates::due_date(due, action.added)?;
    }
    Ok(Change::new(
        vec![Edit::Insert {
            item: Item::Action(action),
            index: p.actions.len(),
        }],
        "action item added",
    ))
}

/// The text, owner and due date of `seen`, the action item as the person saw it at `index`.
/// If it changed or went meanwhile, the change conflicts rather than land on another one. A
/// new due date too far from `today` is refused (see [`super::dates`]).
pub fn edit_action(
    seen: &Action,
    index: usize,
    text: String,
    owner: Owner,
    due: Option<Date>,
    today: Date,
) -> Result<Option<Change>, Refusal> {
    refuse_empty(&text, "what is to be done")?;
    if let Some(due) = due.filter(|d| Some(*d) != seen.due) {
        super::dates::due_date(due, today)?;
    }
    let after = Action {
        text,
        owner,
        due,
        ..seen.clone()
    };
    Ok((after != *seen).then(|| {
        Change::new(
            vec![Edit::Replace {
                before: Item::Action(seen.clone()),
                after: Item::Action(after),
                index,
            }],
            "action item saved",
        )
    }))
}

/// Marks action item `id` done, or open again if it was done; `None` if there is none.
pub fn toggle_action(p: &Profile, id: u64) -> Option<Change> {
    let index = p.actions.iter().position(|a| a.id == id)?;
    let before = &p.actions[index];
    let status = if before.is_open() {
        Status::Done
    } else {
        Status::Todo
    };
    let done = if status == Status::Done {
        "action item done"
    } else {
        "action item open again"
    };
    Some(Change::new(
        vec![Edit::Replace {
            before: Item::Action(before.clone()),
            after: Item::Action(Action {
                status,
                ..before.clone()
            }),
            index,
        }],
        done,
    ))
}

/// The day of the next 1:1 (`None` clears it), refused outside the days a 1:1 may have;
/// `None` when it is that already.
pub fn set_next_session(
    p: &Profile,
    day: Option<Date>,
    today: Date,
) -> Result<Option<Change>, Refusal> {
    if let Some(day) = day {
        crate::profile::rules::dates::session_date(day, today)?;
    }
    Ok((p.next_session != day).then(|| {
        Change::new(
            vec![Edit::NextSession {
                before: p.next_session,
                after: day,
            }],
            "next 1:1 set",
        )
    }))
}

/// A topic for the next 1:1; refused without text.
pub fn add_point(p: &Profile, point: TalkingPoint) -> Result<Change, Refusal> {
    refuse_empty(&point.text, "the topic")?;
    let done = match point.by {
        Rater::Own => "their topic goes first on the next agenda",
        Rater::Manager => "topic added to the next agenda",
    };
    Ok(Change::new(
        vec![Edit::Insert {
            item: Item::Point(point),
            index: p.talking_points.len(),
        }],
        done,
    ))
}

/// Closes talking point `id` between sessions: it leaves the next agenda. One already
/// closed, or not there, gives `None`.
pub fn close_point(p: &Profile, id: u64) -> Option<Change> {
    let index = p.talking_points.iter().position(|t| t.id == id)?;
    let before = Some(&p.talking_points[index]).filter(|t| t.is_open())?;
    Some(Change::new(
        vec![Edit::Replace {
            before: Item::Point(before.clone()),
            after: Item::Point(TalkingPoint {
                closed_in: Some(String::new()),
                ..before.clone()
            }),
            index,
        }],
        "topic closed: it leaves the next agenda",
    ))
}

/// A rating of `competency` by `by`, dated `today`. A second rating by the same person on the
/// same day replaces the first, so the history keeps one point a day.
pub fn rate(
    p: &Profile,
    competency: &str,
    by: Rater,
    level: RatingLevel,
    note: String,
    today: Date,
) -> Change {
    let rating = Rating {
        seq: 0,
        competency: competency.to_string(),
        by,
        level,
        date: today,
        note,
    };
    let done = format!("rated {} ({})", level.words(), by.name());
    let same_day = competence::latest(p, competency, by)
        .filter(|r| r.date == today)
        .and_then(|r| p.ratings.iter().position(|x| x == r).map(|at| (at, r)));
    let edit = match same_day {
        Some((index, before)) => Edit::Replace {
            before: Item::Rating(before.clone()),
            after: Item::Rating(rating),
            index,
        },
        None => Edit::Insert {
            item: Item::Rating(rating),
            index: p.ratings.len(),
        },
    };
    Change::new(vec![edit], done)
}

/// The entry in the plan's dated history for `event` today, unless the last entry says the
/// same already (moving one step three times is one change to talk about).
pub(super) fn log_plan(p: &Profile, today: Date, event: PlanEvent) -> Option<Edit> {
    let entry = PlanChange {
        seq: 0,
        date: today,
        change: event,
    };
    // The same change again the same day is one change to talk about.
    if p.plan_changes
        .last()
        .is_some_and(|l| l.date == entry.date && l.change == entry.change)
    {
        return None;
    }
    Some(Edit::Insert {
        item: Item::PlanChange(entry),
        index: p.plan_changes.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{BUNDLED, load_str};

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn ladder() -> Ladder {
        load_str(BUNDLED[0].1, "bundled").unwrap()
    }

    fn profile() -> Profile {
        Profile::new(
            "p".into(),
            "Priya Sharma".into(),
            "it-leadership".into(),
            "dev-lead".into(),
        )
    }

    #[test]
    fn a_new_session_never_takes_the_id_of_an_orphaned_private_note() {
        let mut p = profile();
        let day = date("2026-11-26");
        // A note left behind for a session the profile does not have.
        p.private_notes
            .insert(day.to_string(), "someone else's words".into());
        let start = SessionStart {
            notes: "shared".into(),
            private_notes: String::new(),
            actions: Vec::new(),
        };
        let (change, id) = start_session(&p, &ladder(), day, start);
        change.apply(&mut p).unwrap();
        assert_ne!(id, day.to_string());
        assert_eq!(
            p.private_notes.get(&id),
            None,
            "the new session has no private note"
        );
    }

    #[test]
    fn ticking_a_talking_point_closes_it_in_that_session_and_unticking_opens_it() {
        let mut p = profile();
        add_point(
            &p,
            TalkingPoint {
                id: 0,
                seq: 0,
                text: "pairing with the data team".into(),
                by: Rater::Own,
                added: date("2026-11-20"),
                closed_in: None,
            },
        )
        .unwrap()
        .apply(&mut p)
        .unwrap();
        let (change, id) =
            start_session(&p, &ladder(), date("2026-11-25"), SessionStart::default());
        change.apply(&mut p).unwrap();
        assert_eq!(p.sessions[0].agenda[0].topic, Topic::Point(Rater::Own));
        tick(&p, &id, 0).unwrap().apply(&mut p).unwrap();
        assert!(p.sessions[0].agenda[0].ticked);
        assert_eq!(p.talking_points[0].closed_in.as_deref(), Some(id.as_str()));
        tick(&p, &id, 0).unwrap().apply(&mut p).unwrap();
        assert_eq!(p.talking_points[0].closed_in, None);
    }

    #[test]
    fn a_second_rating_on_one_day_replaces_the_first() {
        let mut p = profile();
        let today = date("2026-11-25");
        rate(
            &p,
            "leadership",
            Rater::Own,
            RatingLevel::Below,
            String::new(),
            today,
        )
        .apply(&mut p)
        .unwrap();
        rate(
            &p,
            "leadership",
            Rater::Manager,
            RatingLevel::Meeting,
            String::new(),
            today,
        )
        .apply(&mut p)
        .unwrap();
        rate(
            &p,
            "leadership",
            Rater::Own,
            RatingLevel::Meeting,
            "better".into(),
            today,
        )
        .apply(&mut p)
        .unwrap();
        assert_eq!(p.ratings.len(), 2);
        assert_eq!(p.ratings[0].level, RatingLevel::Meeting);
        assert_eq!(p.ratings[0].note, "better");
    }

    #[test]
    fn a_session_started_twice_in_parallel_conflicts_rather_than_doubling_its_id() {
        let p = profile();
        let day = date("2026-11-25");
        let (mine, _) = start_session(&p, &ladder(), day, SessionStart::default());
        let (theirs, _) = start_session(&p, &ladder(), day, SessionStart::default());
        let mut on_disk = p.clone();
        theirs.apply(&mut on_disk).unwrap();
        assert!(mine.apply(&mut on_disk).is_err());
        assert_eq!(on_disk.sessions.len(), 1);
    }

    #[test]
    fn private_notes_are_guarded_like_any_value() {
        let mut p = profile();
        let (change, id) = start_session(
            &p,
            &ladder(),
            date("2026-11-25"),
            SessionStart {
                private_notes: "first".into(),
                ..SessionStart::default()
            },
        );
        change.apply(&mut p).unwrap();
        assert_eq!(p.private_notes[&id], "first");
        let stale = set_private_notes(&id, "something else", "mine".into()).unwrap();
        assert!(stale.apply(&mut p).is_err());
        set_private_notes(&id, "first", String::new())
            .unwrap()
            .apply(&mut p)
            .unwrap();
        assert!(p.private_notes.is_empty());
    }
}
