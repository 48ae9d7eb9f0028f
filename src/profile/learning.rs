//! The learning path: the milestones to do next, in order, each with a due date.
//!
//! Each planned move brings the milestones that readiness for it counts (training happens at
//! the level where it is listed, seed 002): earlier training still open, then the level held
//! before the move and any levels it skips. So a developer's first step, to tech lead, brings
//! the IC training; the tech-lead training belongs to the step after. They are due by that
//! step's date (set by the person, or suggested by the schedule), spread evenly from the step
//! before, each in its own slot so that accepting one suggestion leaves the others where they
//! were. Within a step: milestones under way first, then those that train a competency the
//! person's rating puts them behind in ([`super::gaps::Gap::behind`], the furthest behind first), then
//! earlier levels before later ones, stage by stage, and within a stage what is cheap to start
//! before what takes a slot or a budget ([`start_order`]). A move across or down asks for no training, as `rungs compare`
//! says. Done milestones are left out; a due date the
//! person set wins. With no plan, the next level up stands in for the first step.

use crate::date::Date;
use crate::ladder::{Ladder, LevelIdx, MilestoneKind, RoleIdx};

use super::gaps::{competency_gaps, trains};
use super::model::{Profile, Status};
use super::readiness::{readiness, readiness_for_move};
use super::schedule::{days_after, spread, step_dates};

/// One milestone on the learning path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearningItem {
    pub milestone: String,
    pub level: LevelIdx,
    /// Its index in the level's milestones.
    pub index: usize,
    /// To do or under way (never done).
    pub status: Status,
    pub due: Date,
    /// The due date is the person's own; otherwise it is suggested.
    pub due_set: bool,
    /// The plan step (from 0) it prepares for; `None` for the next level when nothing is planned.
    pub step: Option<usize>,
    /// Competencies with a gap that it trains.
    pub gaps: Vec<String>,
}

/// The moves the path prepares for: (plan step, the role before it, the role it reaches, due).
fn moves(profile: &Profile, ladder: &Ladder, current: RoleIdx, today: Date) -> Vec<Move> {
    let dates = step_dates(profile, ladder, today);
    let mut from = current;
    let mut out = Vec::new();
    for (i, step) in profile.plan.iter().enumerate() {
        let Some(to) = ladder.role_index(&step.role) else {
            continue;
        };
        let start = out.last().map_or(today, |m: &Move| m.due).max(today);
        out.push(Move {
            step: Some(i),
            from,
            to,
            start,
            due: dates[i].date,
        });
        from = to;
    }
    if out.is_empty() {
        // Nothing planned: the next level up, reached in a typical time.
        let next = ladder.role_level(current) + 1;
        let to = ladder
            .roles_at_level(next.min(ladder.levels().len() - 1))
            .iter()
            .copied()
            .find(|&r| ladder.role_corner(r) == ladder.role_corner(current))
            .or_else(|| ladder.roles_at_level(next).first().copied())
            .unwrap_or(current);
        out.push(Move {
            step: None,
            from: current,
            to,
            start: today,
            due: days_after(today, ladder.usual_days_in(current)),
        });
    }
    out
}

struct Move {
    step: Option<usize>,
    from: RoleIdx,
    to: RoleIdx,
    start: Date,
    due: Date,
}

/// How early in a step a kind of milestone is best started, lowest first: a mentoring
/// relationship, then practices and reading, then courses, then certifications and projects.
/// Finding a mentor, telling HR where you want to go or shadowing another team costs little,
/// can start the week the step does and pays back over the whole stay, so it should not wait
/// behind a course; a course needs a place and often a budget, and a certification or a
/// project builds on what the rest taught.
pub fn start_order(kind: MilestoneKind) -> u8 {
    match kind {
        MilestoneKind::Mentoring => 0,
        MilestoneKind::Practice | MilestoneKind::Reading => 1,
        MilestoneKind::Course => 2,
        MilestoneKind::Certification | MilestoneKind::Project => 3,
    }
}

/// The learning path of `profile`, soonest due first; empty when the current role is not in
/// the ladder.
pub fn learning_path(profile: &Profile, ladder: &Ladder, today: Date) -> Vec<LearningItem> {
    let Some(current) = ladder.role_index(&profile.current_role) else {
        return Vec::new();
    };
    let mut taken = std::collections::HashSet::new();
    let mut items = Vec::new();
    let is_done = |id: &str| profile.status_of(id) == Status::Done;
    for m in moves(profile, ladder, current, today) {
        // What readiness for this move counts (the one rule, as `rungs compare` shows it):
        // earlier training still open first, then the level held and any in between; for a
        // step into the enterprise-wide role of the level held, that level's training; a move
        // across or down asks for none. With nothing planned, readiness for the next level
        // (at the top of the ladder, the top level's own training).
        let counted = match m.step {
            Some(_) => readiness_for_move(profile, ladder, m.from, m.to).counted,
            None => readiness(profile, ladder)
                .map(|r| r.counted)
                .unwrap_or_default(),
        };
        let mut wanted: Vec<(LevelIdx, usize)> = Vec::new();
        let (earlier, whole): (Vec<_>, Vec<_>) = counted.iter().partition(|c| c.open_only);
        let mut earlier = earlier;
        earlier.sort_by_key(|c| c.level);
        for c in earlier.into_iter().chain(whole) {
            wanted.extend(
                c.milestones
                    .iter()
                    .filter(|&&i| !is_done(&ladder.levels()[c.level].milestones[i].id))
                    .map(|&i| (c.level, i)),
            );
        }
        wanted.retain(|&(level, i)| taken.insert(ladder.levels()[level].milestones[i].id.clone()));
        let gaps = competency_gaps(profile, ladder, current, m.to);
        // The order the levels came in: earlier training first.
        let mut level_order: Vec<LevelIdx> = wanted.iter().map(|&(level, _)| level).collect();
        level_order.dedup();
        let rank = |level: LevelIdx| level_order.iter().position(|&l| l == level);
        let mut group: Vec<(LearningItem, u8)> = wanted
            .into_iter()
            .map(|(level, index)| {
                let def = &ladder.levels()[level].milestones[index];
                let trained: Vec<&_> = gaps
                    .iter()
                    .filter(|g| trains(def, &g.competency, &g.name))
                    .collect();
                // Only what a rating says about the person orders the step: the usual step
                // up is the same for every competency the next level asks more of.
                let behind = trained.iter().map(|g| g.behind()).max().unwrap_or(0);
                let progress = profile.milestones.get(&def.id);
                let item = LearningItem {
                    milestone: def.id.clone(),
                    level,
                    index,
                    status: profile.status_of(&def.id),
                    due: m.due,
                    due_set: progress.and_then(|p| p.due).is_some(),
                    step: m.step,
                    gaps: trained.iter().map(|g| g.competency.clone()).collect(),
                };
                (item, behind)
            })
            .collect();
        // Stable: ties keep the ladder's order.
        group.sort_by_key(|(item, behind)| {
            let def = &ladder.levels()[item.level].milestones[item.index];
            (
                item.status != Status::Doing,
                std::cmp::Reverse(*behind),
                rank(item.level),
                def.stage,
                start_order(def.kind),
            )
        });
        // Every item keeps its slot, dated or not, so accepting one suggestion (or setting a
        // date) never moves the others.
        let count = group.len();
        for (k, (mut item, _)) in group.into_iter().enumerate() {
            item.due = match profile.milestones.get(&item.milestone).and_then(|p| p.due) {
                Some(due) => due,
                None => spread(m.start, m.due.max(m.start), k + 1, count),
            };
            items.push(item);
        }
    }
    items.sort_by_key(|i| i.due);
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{BUNDLED, load_str};
    use crate::profile::{MilestoneProgress, PlanStep, Rater, Rating, RatingLevel};

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn progress(status: Status, due: Option<&str>) -> MilestoneProgress {
        MilestoneProgress {
            seq: 0,
            status,
            changed: date("2026-01-01"),
            due: due.map(date),
            note: String::new(),
        }
    }

    fn priya() -> Profile {
        let mut p = Profile::new("p".into(), "P".into(), "l".into(), "dev-lead".into());
        for (role, d) in [
            ("engineering-manager", Some("2026-12-01")),
            ("director-data", None),
        ] {
            p.plan.push(PlanStep {
                role: role.into(),
                target_date: d.map(date),
                note: String::new(),
            });
        }
        p
    }

    #[test]
    fn each_steps_milestones_are_due_by_its_date_spread_from_today() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let today = date("2026-01-01");
        let mut p = priya();
        p.milestones
            .insert("mgr-innovation".into(), progress(Status::Done, None));
        p.milestones.insert(
            "mgr-vendor-management".into(),
            progress(Status::Doing, None),
        );
        p.milestones.insert(
            "mgr-virtual-teams".into(),
            progress(Status::Todo, Some("2026-02-01")),
        );
        let path = learning_path(&p, &ladder, today);
        let ids: Vec<&str> = path.iter().map(|i| i.milestone.as_str()).collect();
        assert!(!ids.contains(&"mgr-innovation"), "done is left out");
        let first_step: Vec<&LearningItem> = path.iter().filter(|i| i.step == Some(0)).collect();
        assert!(first_step.iter().all(|i| i.due <= date("2026-12-01")));
        assert_eq!(
            first_step.iter().map(|i| i.due).max(),
            Some(date("2026-12-01")),
            "the last one is due on the step's date"
        );
        // Becoming a manager takes the training readiness counts for it: the IC training
        // still open, then the tech-lead training; the manager training comes after.
        let first_tl = first_step
            .iter()
            .position(|i| i.milestone.starts_with("tl-"))
            .unwrap();
        assert!(first_tl > 0, "earlier training still open comes first");
        assert!(
            first_step[..first_tl]
                .iter()
                .all(|i| i.milestone.starts_with("ic-"))
        );
        assert!(
            first_step.iter().all(|i| !i.milestone.starts_with("mgr-")),
            "manager training belongs to the step after becoming a manager"
        );
        let second_step: Vec<&LearningItem> = path
            .iter()
            .filter(|i| i.step == Some(1) && !i.due_set)
            .collect();
        assert_eq!(
            second_step[0].milestone, "mgr-vendor-management",
            "under way comes first"
        );
        assert!(second_step.iter().all(|i| i.milestone.starts_with("mgr-")));
        let own = path
            .iter()
            .find(|i| i.milestone == "mgr-virtual-teams")
            .unwrap();
        assert!(
            own.due_set && own.due == date("2026-02-01") && own.step == Some(1),
            "the person's date wins"
        );
        assert!(
            path.iter().all(|i| !i.milestone.starts_with("dir-")),
            "director training is done as a director, after the plan"
        );
        let readiness = crate::profile::readiness(&p, &ladder).unwrap();
        let open: Vec<&str> = readiness
            .milestone_ids(&ladder)
            .into_iter()
            .filter(|id| p.status_of(id) != Status::Done)
            .collect();
        let mut first_ids: Vec<&str> = first_step.iter().map(|i| i.milestone.as_str()).collect();
        first_ids.sort_unstable();
        let mut open_sorted = open.clone();
        open_sorted.sort_unstable();
        assert_eq!(
            first_ids, open_sorted,
            "the first step is what readiness counts"
        );
        assert!(
            path.windows(2).all(|w| w[0].due <= w[1].due),
            "soonest first"
        );
    }

    #[test]
    fn a_competency_gap_brings_the_milestones_that_train_it_forward() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let today = date("2026-01-01");
        let mut p = priya();
        p.plan.truncate(1);
        p.ratings.push(Rating {
            seq: 0,
            competency: "emotional-intelligence".into(),
            by: Rater::Manager,
            level: RatingLevel::Below,
            date: today,
            note: String::new(),
        });
        let path = learning_path(&p, &ladder, today);
        let trains_eq: Vec<&LearningItem> = path
            .iter()
            .filter(|i| i.gaps.contains(&"emotional-intelligence".to_string()))
            .collect();
        assert!(!trains_eq.is_empty());
        let first = &path[0];
        assert!(
            first.gaps.contains(&"emotional-intelligence".to_string()),
            "{first:?}"
        );
    }

    #[test]
    fn cheap_early_actions_are_due_first_and_courses_and_projects_later() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let today = date("2026-01-01");
        let p = Profile::new("p".into(), "P".into(), "l".into(), "developer".into());
        let path = learning_path(&p, &ladder, today);
        let kind_of = |i: &LearningItem| ladder.levels()[i.level].milestones[i.index].kind;
        assert!(
            path.windows(2)
                .all(|w| start_order(kind_of(&w[0])) <= start_order(kind_of(&w[1]))),
            "mentoring, then practice and reading, then courses, then projects and certifications"
        );
        // The mentor, the word with HR and the shadowing are due in the first third of the
        // stay, wherever the ladder lists them among the practices.
        let developer = ladder.role_index("developer").unwrap();
        let third = days_after(today, ladder.usual_days_in(developer) / 3);
        for id in ["ic-find-mentor", "ic-tell-hr", "ic-visit-another-corner"] {
            let item = path.iter().find(|i| i.milestone == id).unwrap();
            assert!(item.due <= third, "{id} due {}", item.due);
        }
        let depth = path
            .iter()
            .find(|i| i.milestone == "ic-technical-depth")
            .unwrap();
        assert!(depth.due > third, "a project comes after the cheap starts");
    }

    #[test]
    fn with_no_plan_the_next_level_stands_in() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let today = date("2026-01-01");
        let p = Profile::new("p".into(), "P".into(), "l".into(), "developer".into());
        let path = learning_path(&p, &ladder, today);
        assert!(path.iter().all(|i| i.milestone.starts_with("ic-")));
        assert!(!path.is_empty());
        assert!(path.iter().all(|i| i.step.is_none()));
        let developer = ladder.role_index("developer").unwrap();
        assert!(
            path.iter()
                .all(|i| i.due <= days_after(today, ladder.usual_days_in(developer)))
        );
    }
}
