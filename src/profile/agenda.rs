//! The agenda of the next 1:1, built from the profile: what the person wants to talk about
//! first (the 1:1 is theirs), then the manager's topics, the action items still open, the
//! milestones due soon or overdue, the next step of the plan and how ready the person is for
//! it, the competencies with the widest gap to the next role and those the two people rate
//! far apart, and a digest of what moved since the previous session. `rungs agenda` prints it;
//! a new session starts with it.

use crate::date::Date;
use crate::ladder::Ladder;
use crate::text;

use super::coaching::{AgendaItem, Moved, PlanEvent, Session, Topic};
use super::competence;
use super::derive::plan_path;
use super::model::{Profile, Rater, Status};
use super::readiness::readiness;

/// Milestones due within this many days (or overdue) go on the agenda.
pub const DUE_SOON_DAYS: i64 = 14;
/// How many of the widest competency gaps go on the agenda.
pub const WIDEST_GAPS: usize = 3;
/// At most this many milestones are listed one by one, the most overdue first; the rest are
/// counted in one more item (a long list of overdue training is one conversation, not twenty).
pub const MILESTONES_LISTED: usize = 8;

/// The agenda of a session on a given day.
#[derive(Debug, Clone, PartialEq)]
pub struct Agenda {
    /// The date of the session before, from which the digest counts; `None` for a first 1:1.
    pub since: Option<Date>,
    pub items: Vec<AgendaItem>,
}

/// The latest session on or before `day`, if any: of two on one day, the one saved later.
pub fn previous_session(profile: &Profile, day: Date) -> Option<&Session> {
    profile
        .sessions
        .iter()
        .filter(|s| s.date <= day)
        .max_by_key(|s| (s.date, s.seq))
}

fn item(topic: Topic, text: String) -> AgendaItem {
    AgendaItem {
        of: None,
        topic,
        text,
        ticked: false,
    }
}

/// An item that comes from the talking point or action item with id `of`.
fn item_of(topic: Topic, of: u64, text: String) -> AgendaItem {
    AgendaItem {
        of: Some(of),
        ..item(topic, text)
    }
}

/// A milestone's title, or its id when the ladder lacks it.
fn milestone_title(ladder: &Ladder, id: &str) -> String {
    ladder
        .milestone(id)
        .map_or_else(|| text::one_line(id), |(_, m)| text::one_line(&m.title))
}

/// The agenda of a session held on `day`.
pub fn build(profile: &Profile, ladder: &Ladder, day: Date) -> Agenda {
    let mut items = Vec::new();
    for by in [Rater::Own, Rater::Manager] {
        items.extend(
            profile
                .talking_points
                .iter()
                .filter(|t| t.by == by && t.is_open())
                .map(|t| item_of(Topic::Point(by), t.id, text::one_line(&t.text))),
        );
    }
    for action in profile.actions.iter().filter(|a| a.is_open()) {
        // The item in the words every front end uses, and how long it has been open.
        let mut words = action.words(&profile.name, day);
        let age = day.days_since_epoch() - action.added.days_since_epoch();
        if age > 0 {
            words.push_str(&format!(" · open {}", text::count(age as usize, "day")));
        }
        items.push(item_of(Topic::Action, action.id, words));
    }
    items.extend(due_milestones(profile, ladder, day));
    items.extend(next_step(profile, ladder));
    items.extend(competencies(profile, ladder));
    let last = previous_session(profile, day);
    if let Some(last) = last {
        items.extend(digest(profile, ladder, last));
    }
    Agenda {
        since: last.map(|s| s.date),
        items,
    }
}

fn due_milestones(profile: &Profile, ladder: &Ladder, day: Date) -> Vec<AgendaItem> {
    let horizon = day.days_since_epoch() + DUE_SOON_DAYS;
    let mut due: Vec<(Date, &str)> = profile
        .milestones
        .iter()
        .filter(|(_, p)| p.status != Status::Done)
        .filter_map(|(id, p)| p.due.map(|d| (d, id.as_str())))
        .filter(|(d, _)| d.days_since_epoch() <= horizon)
        .collect();
    due.sort();
    let more = due.len().saturating_sub(MILESTONES_LISTED);
    let mut items: Vec<AgendaItem> = due
        .into_iter()
        .take(MILESTONES_LISTED)
        .map(|(date, id)| {
            let title = milestone_title(ladder, id);
            let when = if date < day {
                format!("overdue, due {date} ({})", date.relative_to(day))
            } else {
                format!("due {date} ({})", date.relative_to(day))
            };
            item(
                Topic::Milestone(id.to_string()),
                format!("{title} — {when}"),
            )
        })
        .collect();
    if more > 0 {
        items.push(item(
            Topic::Milestone(String::new()),
            format!(
                "…and {} more due or overdue (the Milestones tab lists them all)",
                text::count(more, "milestone")
            ),
        ));
    }
    items
}

fn next_step(profile: &Profile, ladder: &Ladder) -> Option<AgendaItem> {
    let step = profile.plan.first()?;
    let role = ladder.role_index(&step.role);
    let kind = role.and_then(|_| {
        plan_path(profile, ladder)
            .0
            .and_then(|path| path.steps.first().map(|s| s.kind))
    });
    let mut words = format!("Next step: {}", ladder.title_of(&step.role));
    if let Some(kind) = kind {
        words.push_str(&format!(" ({kind})"));
    }
    if let Some(date) = step.target_date {
        words.push_str(&format!(", by {date}"));
    }
    if let Some(r) = readiness(profile, ladder) {
        words.push_str(&format!(
            " — {} {} % ({} of {})",
            r.label(ladder),
            r.percent(),
            r.progress.done,
            r.progress.total
        ));
    }
    Some(item(Topic::NextStep(step.role.clone()), words))
}

fn competencies(profile: &Profile, ladder: &Ladder) -> Vec<AgendaItem> {
    let standings = competence::standings(profile, ladder);
    let mut gaps: Vec<&competence::Standing> = standings
        .iter()
        .filter(|s| s.gap.as_ref().is_some_and(|g| g.size() > 0))
        .collect();
    // Widest first; the ladder's order among equals (a stable sort keeps it).
    gaps.sort_by_key(|s| std::cmp::Reverse(s.gap.as_ref().map(|g| g.steps())));
    let mut items: Vec<AgendaItem> = gaps
        .into_iter()
        .take(WIDEST_GAPS)
        .map(|s| {
            let rated = match (&s.manager, &s.own) {
                (Some(m), _) => format!("manager rates {}", m.level.words()),
                (None, Some(o)) => format!("rates themselves {}", o.level.words()),
                (None, None) => "not rated yet".to_string(),
            };
            item(
                Topic::Gap(s.id.clone()),
                format!(
                    "{}: the next role expects {}; {rated} — gap {}",
                    text::one_line(&s.name),
                    s.expects.next.unwrap_or_default(),
                    s.gap.as_ref().map(|g| g.words()).unwrap_or_default()
                ),
            )
        })
        .collect();
    items.extend(standings.iter().filter(|s| s.differ).map(|s| {
        let level = |r: &Option<crate::profile::Rating>| {
            r.as_ref().map_or("—", |r| r.level.words()).to_string()
        };
        item(
            Topic::Differ(s.id.clone()),
            format!(
                "{}: self says {}, manager says {}",
                text::one_line(&s.name),
                level(&s.own),
                level(&s.manager)
            ),
        )
    }));
    items
}

/// What moved after session `last` was saved, in the order it happened (the profile's
/// sequence, so an entry made the same day after the meeting is in and one made before it is
/// not, whatever the dates): milestone statuses, evidence logged, ratings given, changes to
/// the plan, action items added between sessions or done, and topics raised and closed
/// between sessions (a topic still open leads the agenda already).
pub fn digest(profile: &Profile, ladder: &Ladder, last: &Session) -> Vec<AgendaItem> {
    let after = |seq: u64| seq > last.seq;
    let mut moved: Vec<(u64, AgendaItem)> = Vec::new();
    for (id, p) in profile.milestones.iter().filter(|(_, p)| after(p.seq)) {
        let title = milestone_title(ladder, id);
        moved.push((
            p.seq,
            item(
                Topic::Since(Moved::Milestone),
                format!(
                    "{} {title}: {} ({})",
                    p.status.mark(),
                    p.status.name(),
                    p.changed
                ),
            ),
        ));
    }
    for e in profile.evidence.iter().filter(|e| after(e.seq)) {
        moved.push((
            e.seq,
            item(
                Topic::Since(Moved::Evidence),
                format!("Logged {}: {}", e.date, text::one_line(&e.text)),
            ),
        ));
    }
    for r in profile.ratings.iter().filter(|r| after(r.seq)) {
        let name = ladder
            .competencies()
            .iter()
            .find(|c| c.id == r.competency)
            .map_or_else(
                || text::one_line(&r.competency),
                |c| text::one_line(&c.name),
            );
        moved.push((
            r.seq,
            item(
                Topic::Since(Moved::Rating),
                format!(
                    "{name}: {} rated {} ({})",
                    r.by.name(),
                    r.level.words(),
                    r.date
                ),
            ),
        ));
    }
    for change in profile.plan_changes.iter().filter(|c| after(c.seq)) {
        moved.push((
            change.seq,
            item(
                Topic::Since(Moved::Plan),
                format!(
                    "Plan: {} ({})",
                    describe(&change.change, ladder),
                    change.date
                ),
            ),
        ));
    }
    for a in &profile.actions {
        let words = text::one_line(&a.text);
        if a.status == Status::Done && after(a.changed) {
            let words = format!("{} Action item {} done: {words}", Status::Done.mark(), a.id);
            moved.push((a.changed, item_of(Topic::Since(Moved::Action), a.id, words)));
        } else if after(a.seq) && a.session.as_deref() != Some(last.id.as_str()) {
            let words = format!("Action item {} added {}: {words}", a.id, a.added);
            moved.push((a.seq, item_of(Topic::Since(Moved::Action), a.id, words)));
        }
    }
    for t in profile
        .talking_points
        .iter()
        .filter(|t| after(t.seq) && t.closed_in.as_deref() == Some(""))
    {
        let words = format!(
            "Topic {} raised by {} {} and closed between 1:1s: {}",
            t.id,
            t.by.name(),
            t.added,
            text::one_line(&t.text)
        );
        moved.push((t.seq, item_of(Topic::Since(Moved::Topic), t.id, words)));
    }
    moved.sort_by_key(|(seq, _)| *seq);
    moved.into_iter().map(|(_, item)| item).collect()
}

/// A plan change in words, with role titles.
pub fn describe(event: &PlanEvent, ladder: &Ladder) -> String {
    match event {
        PlanEvent::Added(role) => format!("added {}", ladder.title_of(role)),
        PlanEvent::Removed(role) => format!("removed {}", ladder.title_of(role)),
        PlanEvent::Moved(role) => format!("moved {}", ladder.title_of(role)),
        PlanEvent::Edited(role) => format!("changed the date or note of {}", ladder.title_of(role)),
        PlanEvent::Replanned(roles) => match roles.last() {
            Some(last) => format!(
                "re-planned: {} to {}",
                text::count(roles.len(), "move"),
                ladder.title_of(last)
            ),
            None => "re-planned: no moves".to_string(),
        },
        PlanEvent::Cleared => "cleared".to_string(),
        PlanEvent::Target(Some(role)) => format!("target set to {}", ladder.title_of(role)),
        PlanEvent::Target(None) => "target removed".to_string(),
        PlanEvent::Current(role) => format!("now {}", ladder.title_of(role)),
    }
}

/// The agenda's items in order, each with the heading to show before it: `Some` where the
/// heading changes (so for the first item too), `None` under the same heading as the item
/// before. The session screen, `rungs agenda` and the minutes group an agenda this way.
pub fn headed<'a>(
    items: &'a [AgendaItem],
    person: &'a str,
) -> impl Iterator<Item = (Option<String>, &'a AgendaItem)> + 'a {
    let mut last = String::new();
    items.iter().map(move |item| {
        let this = heading(&item.topic, person);
        let new = (this != last).then(|| this.clone());
        last = this;
        (new, item)
    })
}

/// The heading an agenda item goes under; `person` is the profile's name.
pub fn heading(topic: &Topic, person: &str) -> String {
    match topic {
        Topic::Point(Rater::Own) => format!(
            "{}'s topics",
            text::one_line(person.split_whitespace().next().unwrap_or("Their"))
        ),
        Topic::Point(Rater::Manager) => "Manager's topics".to_string(),
        Topic::Action => "Open action items".to_string(),
        Topic::Milestone(_) => "Milestones due".to_string(),
        Topic::NextStep(_) => "The plan".to_string(),
        Topic::Gap(_) | Topic::Differ(_) => "Competencies".to_string(),
        Topic::Since(_) => "Since the last 1:1".to_string(),
    }
}
