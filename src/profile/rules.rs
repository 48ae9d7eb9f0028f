//! The rules for changing a profile, once for every front end: each takes the profile as it is
//! and returns the [`Change`] that carries the rule out, which the caller applies (the CLI under
//! the store's lock, the planner in memory and again under the lock when it saves).

use crate::date::Date;
use crate::ladder::{self, Ladder, Path, PathRequest, PlanError};
use crate::text;

pub use super::change::Refusal;
use super::change::{Change, Edit, Item};
use super::coaching::PlanEvent;
use super::model::{Evidence, HeldRole, MilestoneProgress, Person, PlanStep, Profile, Status};

mod coaching;
pub mod dates;

use coaching::log_plan;
pub use coaching::{
    SessionStart, add_action, add_point, close_point, edit_action, rate, set_next_session,
    set_notes, set_private_notes, start_session, tick, toggle_action,
};

/// A new current role: the old one moves to the history (ended today), and a plan that started
/// with this very move loses that step, since it is no longer a plan. `None` if nothing changes.
pub fn set_current_role(p: &Profile, role: &str, today: Date) -> Option<Change> {
    if p.current_role == role {
        return None;
    }
    let mut edits = vec![
        Edit::CurrentRole {
            before: p.current_role.clone(),
            after: role.to_string(),
        },
        Edit::Insert {
            item: Item::History(HeldRole {
                role: p.current_role.clone(),
                from: None,
                to: Some(today),
                note: String::new(),
            }),
            index: p.history.len(),
        },
    ];
    if let Some(first) = p.plan.first().filter(|s| s.role == role) {
        edits.push(Edit::Remove {
            item: Item::Step(first.clone()),
            index: 0,
        });
    }
    edits.extend(log_plan(p, today, PlanEvent::Current(role.to_string())));
    Some(Change::new(edits, "current role set"))
}

/// A new target (or none). `None` if nothing changes.
pub fn set_target(p: &Profile, target: Option<&str>, today: Date) -> Option<Change> {
    if p.target_role.as_deref() == target {
        return None;
    }
    let mut edits = vec![Edit::Target {
        before: p.target_role.clone(),
        after: target.map(str::to_string),
    }];
    edits.extend(log_plan(
        p,
        today,
        PlanEvent::Target(target.map(str::to_string)),
    ));
    Some(Change::new(
        edits,
        if target.is_some() {
            "target set"
        } else {
            "target removed"
        },
    ))
}

/// A step at the end of the plan; refused when the plan already ends at that role.
pub fn append_step(
    p: &Profile,
    ladder: &Ladder,
    step: PlanStep,
    today: Date,
) -> Result<Change, Refusal> {
    let last = p.plan.last().map_or(&p.current_role, |s| &s.role);
    if *last == step.role {
        return Err(Refusal(format!(
            "the plan already ends at {} — add the next role after it",
            ladder.title_of(&step.role)
        )));
    }
    let mut edits: Vec<Edit> = log_plan(p, today, PlanEvent::Added(step.role.clone()))
        .into_iter()
        .collect();
    edits.insert(
        0,
        Edit::Insert {
            item: Item::Step(step),
            index: p.plan.len(),
        },
    );
    Ok(Change::new(edits, "added to the plan"))
}

/// `edit`, then the plan's history entry for `event`.
fn with_log(p: &Profile, today: Date, edit: Edit, event: PlanEvent) -> Vec<Edit> {
    std::iter::once(edit)
        .chain(log_plan(p, today, event))
        .collect()
}

/// Moves step `index` one place earlier or later; `None` at either end.
pub fn shift_step(p: &Profile, index: usize, earlier: bool, today: Date) -> Option<Change> {
    let step = p.plan.get(index)?;
    let possible = if earlier {
        index > 0
    } else {
        index + 1 < p.plan.len()
    };
    possible.then(|| {
        let edit = Edit::Shift {
            item: Item::Step(step.clone()),
            index,
            earlier,
        };
        let event = PlanEvent::Moved(step.role.clone());
        Change::new(with_log(p, today, edit, event), "plan saved")
    })
}

/// Removes step `index`.
pub fn remove_step(p: &Profile, index: usize, today: Date) -> Option<Change> {
    let step = p.plan.get(index)?;
    let edit = Edit::Remove {
        item: Item::Step(step.clone()),
        index,
    };
    let event = PlanEvent::Removed(step.role.clone());
    Some(Change::new(with_log(p, today, edit, event), "step removed"))
}

/// Empties the plan. `None` if it is empty already.
pub fn clear_plan(p: &Profile, today: Date) -> Option<Change> {
    (!p.plan.is_empty()).then(|| {
        let edit = Edit::Plan {
            before: p.plan.clone(),
            after: Vec::new(),
        };
        Change::new(with_log(p, today, edit, PlanEvent::Cleared), "plan cleared")
    })
}

/// Sets the target date and note of `seen`, the step as the person saw it at `index`. If the
/// step changed or went meanwhile, the change conflicts rather than land on another step.
pub fn edit_step(
    p: &Profile,
    seen: &PlanStep,
    index: usize,
    date: Option<Date>,
    note: String,
    today: Date,
) -> Change {
    let after = PlanStep {
        role: seen.role.clone(),
        target_date: date,
        note,
    };
    let edit = Edit::Replace {
        before: Item::Step(seen.clone()),
        after: Item::Step(after),
        index,
    };
    let event = PlanEvent::Edited(seen.role.clone());
    Change::new(with_log(p, today, edit, event), "plan saved")
}

/// A plan made of `roles`, keeping the dates and notes of steps that stay in it.
pub fn merge_auto_plan(old: &[PlanStep], roles: &[String]) -> Vec<PlanStep> {
    roles
        .iter()
        .map(|role| {
            old.iter()
                .find(|s| s.role == *role)
                .cloned()
                .unwrap_or_else(|| PlanStep {
                    role: role.clone(),
                    target_date: None,
                    note: String::new(),
                })
        })
        .collect()
}

/// The roles `path` moves through after the current one, and the plan it would make (what
/// [`use_path`] writes, and the Ladder tab shows before it is used).
pub fn plan_of_path(p: &Profile, ladder: &Ladder, path: &Path) -> (Vec<String>, Vec<PlanStep>) {
    let roles: Vec<String> = path
        .roles
        .iter()
        .skip(1)
        .map(|&r| ladder.role(r).id.to_string())
        .collect();
    let plan = merge_auto_plan(&p.plan, &roles);
    (roles, plan)
}

/// Replaces the plan with `path` (an auto-plan), merged as [`merge_auto_plan`] says.
pub fn use_path(p: &Profile, ladder: &Ladder, path: &Path, done: String, today: Date) -> Change {
    let (roles, after) = plan_of_path(p, ladder, path);
    if after == p.plan {
        return Change::new(Vec::new(), done);
    }
    let edit = Edit::Plan {
        before: p.plan.clone(),
        after,
    };
    Change::new(with_log(p, today, edit, PlanEvent::Replanned(roles)), done)
}

/// Up to `count` planned paths from the current role to the target, best first, judged with
/// the corners the person worked in before.
pub fn paths_to_target(p: &Profile, ladder: &Ladder, count: usize) -> Result<Vec<Path>, Refusal> {
    let Some(target) = p.target_role.as_deref() else {
        return Err(Refusal(
            "no target role to plan towards — choose one first".to_string(),
        ));
    };
    let unknown = |id: &str| {
        Refusal(format!(
            "the profile's role \"{}\" is not in ladder \"{}\" — set it again",
            text::one_line(id),
            ladder.id()
        ))
    };
    let from = ladder
        .role_index(&p.current_role)
        .ok_or_else(|| unknown(&p.current_role))?;
    let to = ladder.role_index(target).ok_or_else(|| unknown(target))?;
    let request = PathRequest {
        from,
        to,
        held: super::held_corners(p, ladder),
        count,
        ..PathRequest::default()
    };
    ladder::plan(ladder, &request).map_err(|e| match e {
        PlanError::AlreadyThere => {
            Refusal("you already hold your target role — choose a new target".to_string())
        }
        other => Refusal(other.to_string()),
    })
}

/// A milestone's progress after setting its status (dated today when it changes) and,
/// if given, its note and due date.
pub fn milestone_progress(
    existing: Option<&MilestoneProgress>,
    status: Status,
    today: Date,
) -> MilestoneProgress {
    match existing {
        Some(e) if e.status == status => e.clone(),
        Some(e) => MilestoneProgress {
            status,
            changed: today,
            ..e.clone()
        },
        None => MilestoneProgress {
            seq: 0,
            status,
            changed: today,
            due: None,
            note: String::new(),
        },
    }
}

/// The evidence note and due date of milestone `id`, over `seen`, its progress as the person saw
/// it (a milestone never touched is to do, as of today). If the file holds other progress by
/// then, the change conflicts rather than overwrite it. `None` if nothing changes.
pub fn note_milestone(
    id: &str,
    seen: Option<&MilestoneProgress>,
    note: String,
    due: Option<Date>,
    today: Date,
) -> Option<Change> {
    let after = MilestoneProgress {
        seq: 0,
        status: seen.map_or(Status::Todo, |e| e.status),
        changed: seen.map_or(today, |e| e.changed),
        due,
        note,
    };
    (seen != Some(&after)).then(|| {
        Change::new(
            vec![Edit::Milestone {
                id: id.to_string(),
                before: seen.cloned(),
                after: Some(after),
            }],
            "milestone saved",
        )
    })
}

/// Accepts `due` as the due date of milestone `id` (a learning-path suggestion), keeping its
/// status and note; a milestone never touched becomes to do, as of today. `None` if it is
/// due then already.
pub fn accept_due(p: &Profile, id: &str, due: Date, today: Date) -> Option<Change> {
    let after = MilestoneProgress {
        due: Some(due),
        ..p.milestones
            .get(id)
            .cloned()
            .unwrap_or_else(|| milestone_progress(None, Status::Todo, today))
    };
    set_milestone(p, id, after).map(|change| Change {
        done: format!("due {due}"),
        ..change
    })
}

/// Sets milestone `id` to `after`.
pub fn set_milestone(p: &Profile, id: &str, after: MilestoneProgress) -> Option<Change> {
    let before = p.milestones.get(id).cloned();
    (before.as_ref() != Some(&after)).then(|| {
        Change::new(
            vec![Edit::Milestone {
                id: id.to_string(),
                before,
                after: Some(after),
            }],
            "milestone saved",
        )
    })
}

/// A past role, placed in date order.
pub fn add_history(p: &Profile, entry: HeldRole) -> Change {
    let key = |h: &HeldRole| h.from.or(h.to);
    let index = p
        .history
        .iter()
        .position(|h| key(h) > key(&entry))
        .unwrap_or(p.history.len());
    Change::new(
        vec![Edit::Insert {
            item: Item::History(entry),
            index,
        }],
        "history saved",
    )
}

/// Who a person is to the profile's owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Mentor,
    Mentee,
}

/// A mentor or mentee, at the end of the list; refused without a name.
pub fn add_person(p: &Profile, relation: Relation, person: Person) -> Result<Change, Refusal> {
    if !text::has_content(&person.name) {
        return Err(Refusal("a name, please".to_string()));
    }
    let (item, index, done) = match relation {
        Relation::Mentor => (Item::Mentor(person), p.mentors.len(), "mentor added"),
        Relation::Mentee => (Item::Mentee(person), p.mentees.len(), "mentee added"),
    };
    Ok(Change::new(vec![Edit::Insert { item, index }], done))
}

/// A dated entry at the end of the evidence log; refused when empty.
pub fn add_evidence(p: &Profile, entry: Evidence) -> Result<Change, Refusal> {
    if !text::has_content(&entry.text) {
        return Err(Refusal("what happened? one sentence will do".to_string()));
    }
    Ok(Change::new(
        vec![Edit::Insert {
            item: Item::Evidence(entry),
            index: p.evidence.len(),
        }],
        "evidence added",
    ))
}

/// The evidence entry with id `id`, or a refusal naming the ids there are.
fn evidence_at(p: &Profile, id: u64) -> Result<(usize, &Evidence), Refusal> {
    p.evidence
        .iter()
        .enumerate()
        .find(|(_, e)| e.id == id)
        .ok_or_else(|| {
            let known: Vec<String> = p.evidence.iter().map(|e| e.id.to_string()).collect();
            Refusal(if known.is_empty() {
                format!("no evidence entry {id}: the evidence log is empty")
            } else {
                format!(
                    "no evidence entry {id} — the ids there are: {}",
                    known.join(", ")
                )
            })
        })
}

/// The evidence entry `id` with its text corrected (its id, date and ties stay); refused for
/// an unknown id or an empty text. `None` when the text is already that.
pub fn edit_evidence(p: &Profile, id: u64, text: String) -> Result<Option<Change>, Refusal> {
    let (index, before) = evidence_at(p, id)?;
    if !text::has_content(&text) {
        return Err(Refusal("what happened? one sentence will do".to_string()));
    }
    if before.text == text {
        return Ok(None);
    }
    let after = Evidence {
        text,
        ..before.clone()
    };
    Ok(Some(Change::new(
        vec![Edit::Replace {
            before: Item::Evidence(before.clone()),
            after: Item::Evidence(after),
            index,
        }],
        "evidence corrected",
    )))
}

/// Takes the evidence entry `id` out of the log (undo puts it back with its id); refused for
/// an unknown id.
pub fn remove_evidence(p: &Profile, id: u64) -> Result<Change, Refusal> {
    let (index, entry) = evidence_at(p, id)?;
    Ok(Change::new(
        vec![Edit::Remove {
            item: Item::Evidence(entry.clone()),
            index,
        }],
        "evidence removed",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        let mut p = Profile::new("p".into(), "P".into(), "l".into(), "dev".into());
        for role in ["lead", "manager"] {
            p.plan.push(PlanStep {
                role: role.into(),
                target_date: None,
                note: String::new(),
            });
        }
        p
    }

    fn today() -> Date {
        "2026-11-25".parse().unwrap()
    }

    #[test]
    fn a_new_current_role_ends_the_old_one_and_drops_the_step_it_fulfils() {
        let mut p = profile();
        let change = set_current_role(&p, "lead", today()).unwrap();
        let done = change.apply(&mut p).unwrap();
        assert_eq!(p.current_role, "lead");
        assert_eq!(p.history.last().unwrap().role, "dev");
        assert_eq!(p.history.last().unwrap().to, Some(today()));
        assert_eq!(p.plan.len(), 1, "the move just made is no longer planned");
        done.inverse().apply(&mut p).unwrap();
        let given = p.next_id;
        p.next_id = profile().next_id;
        assert_eq!(p, profile(), "undo restores everything");
        assert!(
            given.seq > profile().next_id.seq,
            "a number given is never taken back"
        );
        assert!(set_current_role(&p, "dev", today()).is_none());
    }

    #[test]
    fn plan_changes_are_dated_and_a_repeat_on_one_day_is_logged_once() {
        let mut p = profile();
        shift_step(&p, 1, true, today())
            .unwrap()
            .apply(&mut p)
            .unwrap();
        // Back again: the same step moved the same day is one change to talk about.
        shift_step(&p, 0, false, today())
            .unwrap()
            .apply(&mut p)
            .unwrap();
        remove_step(&p, 0, today()).unwrap().apply(&mut p).unwrap();
        let logged: Vec<&PlanEvent> = p.plan_changes.iter().map(|c| &c.change).collect();
        assert_eq!(
            logged,
            [
                &PlanEvent::Moved("manager".into()),
                &PlanEvent::Removed("lead".into())
            ]
        );
        assert!(p.plan_changes.iter().all(|c| c.date == today()));
        clear_plan(&p, today()).unwrap().apply(&mut p).unwrap();
        assert!(p.plan.is_empty());
        assert_eq!(p.plan_changes.last().unwrap().change, PlanEvent::Cleared);
        assert!(clear_plan(&p, today()).is_none());
    }

    #[test]
    fn a_step_moved_in_one_copy_keeps_a_step_added_in_another() {
        let mine = profile();
        let mut on_disk = profile();
        on_disk.plan.push(PlanStep {
            role: "director".into(),
            target_date: None,
            note: String::new(),
        });
        shift_step(&mine, 1, true, today())
            .unwrap()
            .apply(&mut on_disk)
            .unwrap();
        let roles: Vec<&str> = on_disk.plan.iter().map(|s| s.role.as_str()).collect();
        assert_eq!(roles, ["manager", "lead", "director"]);
    }

    #[test]
    fn a_replaced_value_that_changed_meanwhile_is_a_conflict_and_changes_nothing() {
        let mine = profile();
        let mut on_disk = profile();
        on_disk.target_role = Some("cio".into());
        let before = on_disk.clone();
        let change = set_target(&mine, Some("cto"), today()).unwrap();
        let conflict = change.apply(&mut on_disk).unwrap_err();
        assert_eq!(conflict.what, "the target");
        assert_eq!(on_disk, before);
    }

    #[test]
    fn undoing_a_move_of_a_step_someone_removed_brings_nothing_back() {
        let mut mine = profile();
        let change = shift_step(&mine, 1, true, today()).unwrap();
        change.apply(&mut mine).unwrap();
        // Meanwhile the shell removes "lead"; the planner reloads and then undoes.
        mine.plan.retain(|s| s.role != "lead");
        change.inverse().apply(&mut mine).unwrap();
        let roles: Vec<&str> = mine.plan.iter().map(|s| s.role.as_str()).collect();
        assert_eq!(roles, ["manager"]);
    }

    #[test]
    fn an_auto_plan_keeps_the_dates_of_steps_that_stay() {
        let mut old = profile().plan;
        old[1].target_date = Some(today());
        let merged = merge_auto_plan(&old, &["manager".to_string(), "cio".to_string()]);
        assert_eq!(merged[0].target_date, Some(today()));
        assert_eq!(merged[1].target_date, None);
    }

    #[test]
    fn history_entries_go_in_date_order() {
        let mut p = profile();
        for (role, from) in [
            ("a", "2020-01-01"),
            ("c", "2024-01-01"),
            ("b", "2022-01-01"),
        ] {
            let entry = HeldRole {
                role: role.into(),
                from: Some(from.parse().unwrap()),
                to: None,
                note: String::new(),
            };
            add_history(&p, entry).apply(&mut p).unwrap();
        }
        let roles: Vec<&str> = p.history.iter().map(|h| h.role.as_str()).collect();
        assert_eq!(roles, ["a", "b", "c"]);
    }

    #[test]
    fn an_evidence_entry_is_corrected_and_removed_by_its_id_and_undo_puts_it_back() {
        let mut p = profile();
        for text in ["led the DR test", "wrong person's win", "ran the retro"] {
            let entry = Evidence {
                id: 0,
                seq: 0,
                date: today(),
                text: text.into(),
                milestone: None,
                competency: None,
            };
            add_evidence(&p, entry).unwrap().apply(&mut p).unwrap();
        }
        let ids: Vec<u64> = p.evidence.iter().map(|e| e.id).collect();
        let edit = edit_evidence(&p, ids[0], "led the DR drill".into())
            .unwrap()
            .unwrap();
        edit.apply(&mut p).unwrap();
        assert_eq!(p.evidence[0].text, "led the DR drill");
        assert_eq!(p.evidence[0].id, ids[0]);
        let before = p.clone();
        let done = remove_evidence(&p, ids[1]).unwrap().apply(&mut p).unwrap();
        let left: Vec<u64> = p.evidence.iter().map(|e| e.id).collect();
        assert_eq!(left, [ids[0], ids[2]]);
        done.inverse().apply(&mut p).unwrap();
        assert_eq!(p.evidence, before.evidence);
        let refusal = remove_evidence(&p, 99).unwrap_err().0;
        assert!(
            refusal.contains(&format!("{}, {}, {}", ids[0], ids[1], ids[2])),
            "{refusal}"
        );
    }
}
