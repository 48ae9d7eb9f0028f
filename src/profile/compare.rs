//! Up to three targets side by side: for each, the best path from the current role and its
//! moves, the corners it adds, the competency gaps, readiness for the target (the same rule as
//! everywhere: the training of the level held and the levels in between, and earlier training
//! still open) with the milestones it counts that are left, and a suggested date. The
//! planner's compare view and `rungs compare` both show this, worded by [`compare_table`].

use crate::date::Date;
use crate::ladder::diff::RoleDiff;
use crate::ladder::{CornerIdx, Ladder, RoleIdx};
use crate::text;

use super::competence::Gap;
use super::derive::corners_worked_in;
use super::gaps::competency_gaps;
use super::model::Profile;
use super::readiness::{Progress, Readiness, readiness_for_move, role_diff};
use super::schedule::{days_after, step_dates};

/// At most this many targets are compared at once.
pub const MAX_TARGETS: usize = 3;

/// One target as compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    pub target: RoleIdx,
    /// What changes from the current role to the target, with the best path.
    pub diff: RoleDiff,
    /// Corners on the best path the person has not worked in yet.
    pub corners_gained: Vec<CornerIdx>,
    pub gaps: Vec<Gap>,
    /// Readiness for the target's level; empty for a move that climbs no level.
    pub readiness: Readiness,
    /// When the target could be reached; `None` when no path leads there.
    pub suggested: Option<Date>,
    /// Whether that date is the person's own, from their plan.
    pub date_from_plan: bool,
}

impl Comparison {
    /// The milestones readiness for the target counts, done of all: "milestones left" are
    /// the training still to do before the move, by the same rule as readiness, so the two
    /// never disagree.
    pub fn milestones(&self) -> Progress {
        self.readiness.progress
    }
}

/// The targets compared from the profile's current role; `Err` says why there can be no
/// comparison (the current role is not in the ladder).
pub fn compare(
    profile: &Profile,
    ladder: &Ladder,
    targets: &[RoleIdx],
    today: Date,
) -> Result<Vec<Comparison>, String> {
    let current = ladder.role_index(&profile.current_role).ok_or_else(|| {
        format!(
            "the current role \"{}\" is not in ladder \"{}\" — set it again",
            text::one_line(&profile.current_role),
            ladder.id()
        )
    })?;
    let worked = corners_worked_in(profile, ladder);
    let planned = step_dates(profile, ladder, today);
    Ok(targets
        .iter()
        .take(MAX_TARGETS)
        .map(|&target| {
            let diff = role_diff(Some(profile), ladder, current, target);
            let corners_gained = diff
                .path
                .as_ref()
                .map(|path| {
                    path.corners
                        .iter()
                        .copied()
                        .filter(|c| !worked.contains(c))
                        .collect()
                })
                .unwrap_or_default();
            let in_plan = profile
                .plan
                .iter()
                .position(|s| s.role == ladder.role(target).id)
                .and_then(|i| planned.get(i));
            let (suggested, date_from_plan) = match (in_plan, &diff.path) {
                (Some(step), _) => (Some(step.date), step.set),
                (None, Ok(path)) => (
                    Some(days_after(today, ladder.usual_days_of(&path.roles))),
                    false,
                ),
                (None, Err(_)) => (None, false),
            };
            Comparison {
                target,
                gaps: competency_gaps(profile, ladder, current, target),
                readiness: readiness_for_move(profile, ladder, current, target),
                diff,
                corners_gained,
                suggested,
                date_from_plan,
            }
        })
        .collect())
}

/// One row of the compare table: what it shows and one cell (of lines) per target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareRow {
    pub label: &'static str,
    pub cells: Vec<Vec<String>>,
}

/// The comparison in words, row by row; the planner and the command line lay it out in
/// columns, so they say the same.
pub fn compare_table(ladder: &Ladder, compared: &[Comparison]) -> (Vec<String>, Vec<CompareRow>) {
    let headers = compared
        .iter()
        .map(|c| text::one_line(&ladder.role(c.target).title))
        .collect();
    let row = |label, cell: &dyn Fn(&Comparison) -> Vec<String>| CompareRow {
        label,
        cells: compared.iter().map(cell).collect(),
    };
    let rows = vec![
        row("moves", &|c| match &c.diff.path {
            Ok(path) => {
                let mut lines = vec![text::count(path.moves(), "move")];
                lines.extend(path.steps.iter().map(|s| s.kind.to_string()));
                lines
            }
            Err(e) => vec![format!("no path: {e}")],
        }),
        row("corners gained", &|c| {
            if c.corners_gained.is_empty() {
                vec!["none new".to_string()]
            } else {
                c.corners_gained
                    .iter()
                    .map(|&k| text::one_line(&ladder.corners()[k].name))
                    .collect()
            }
        }),
        row("milestones left", &|c| {
            let m = c.milestones();
            if m.total == 0 {
                vec!["none".to_string()]
            } else {
                vec![format!(
                    "{} left ({} of {} done)",
                    m.left(),
                    m.done,
                    m.total
                )]
            }
        }),
        row("competency gaps", &|c| {
            if c.gaps.is_empty() {
                vec!["none".to_string()]
            } else {
                c.gaps
                    .iter()
                    // The person against the role (the role diff is role against role); an
                    // unrated competency is taken as what the current role expects, and says so.
                    .map(|g| {
                        format!(
                            "{}: you {}{} → role expects {}",
                            text::one_line(&g.name),
                            g.shows,
                            if g.rating.is_some() {
                                ""
                            } else {
                                " (not rated)"
                            },
                            g.expected_there
                        )
                    })
                    .collect()
            }
        }),
        row("readiness", &|c| {
            let r = &c.readiness;
            if r.progress.total == 0 {
                vec!["nothing new to learn".to_string()]
            } else {
                vec![
                    format!("{} {} %", r.gauge(10), r.percent()),
                    format!("counts {}", r.summary(ladder)),
                ]
            }
        }),
        row("suggested date", &|c| match c.suggested {
            Some(date) if c.date_from_plan => vec![format!("{date} (your plan)")],
            Some(date) => vec![date.to_string()],
            None => vec!["—".to_string()],
        }),
    ];
    (headers, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{BUNDLED, load_str};
    use crate::profile::{HeldRole, MilestoneProgress, PlanStep, Status};

    fn mark_done(p: &mut Profile, id: &str, today: Date) {
        p.milestones.insert(
            id.into(),
            MilestoneProgress {
                seq: 0,
                status: Status::Done,
                changed: today,
                due: None,
                note: String::new(),
            },
        );
    }

    #[test]
    fn each_target_gets_its_path_corners_milestones_gaps_and_date() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let today: Date = "2026-01-01".parse().unwrap();
        let mut p = Profile::new("p".into(), "P".into(), "l".into(), "dev-lead".into());
        p.history.push(HeldRole {
            role: "data-analyst".into(),
            from: None,
            to: None,
            note: String::new(),
        });
        p.plan.push(PlanStep {
            role: "analytics-manager".into(),
            target_date: Some("2026-09-01".parse().unwrap()),
            note: String::new(),
        });
        // A manager milestone is trained once a manager; a tech-lead one counts before.
        for id in ["mgr-innovation", "tl-delegation"] {
            mark_done(&mut p, id, today);
        }
        p.ratings.push(crate::profile::Rating {
            seq: 1,
            competency: "leadership".into(),
            by: crate::profile::Rater::Manager,
            level: crate::profile::RatingLevel::Meeting,
            date: "2026-01-10".parse().unwrap(),
            note: String::new(),
        });
        let targets: Vec<RoleIdx> = ["analytics-manager", "director-security", "dev-lead"]
            .iter()
            .map(|id| ladder.role_index(id).unwrap())
            .collect();
        let compared = compare(&p, &ladder, &targets, today).unwrap();
        let manager = &compared[0];
        assert_eq!(manager.suggested, Some("2026-09-01".parse().unwrap()));
        assert!(manager.date_from_plan);
        assert!(
            manager.corners_gained.is_empty(),
            "data was worked in before"
        );
        // Milestones left are the training readiness counts: the tech-lead milestones
        // (and open IC ones), not the manager milestones trained once a manager.
        assert_eq!(manager.milestones(), manager.readiness.progress);
        assert_eq!(
            manager.milestones().done,
            1,
            "tl-delegation, not mgr-innovation"
        );
        let tech_lead = ladder.levels()[ladder.role_level(ladder.role_index("dev-lead").unwrap())]
            .milestones
            .len();
        let ic_open = ladder.levels()[0].milestones.len();
        assert_eq!(manager.milestones().total, tech_lead + ic_open);
        let director = &compared[1];
        assert_eq!(director.diff.path.as_ref().unwrap().moves(), 2);
        assert_eq!(
            director.suggested,
            Some(days_after(
                today,
                ladder.usual_days_of(&director.diff.path.as_ref().unwrap().roles)
            ))
        );
        assert!(
            director
                .corners_gained
                .contains(&ladder.corner_index("security").unwrap())
        );
        assert!(
            director
                .gaps
                .iter()
                .any(|g| g.competency == "strategic-thinking")
        );
        let same = &compared[2];
        assert!(same.diff.path.is_err() && same.suggested.is_none());
        let (headers, rows) = compare_table(&ladder, &compared);
        assert_eq!(headers[0], "Analytics manager");
        assert!(rows.iter().all(|r| r.cells.len() == 3));
        // The person against the role, and the words say so — and say when the figure is
        // only what the current role expects, the competency never rated.
        let gaps = rows.iter().find(|r| r.label == "competency gaps").unwrap();
        for expected in [
            "Strategic thinking: you 2 (not rated) → role expects 4",
            "Leadership: you 3 → role expects 5",
        ] {
            assert!(
                gaps.cells[1].contains(&expected.to_string()),
                "{expected}: {:?}",
                gaps.cells[1]
            );
        }
    }

    #[test]
    fn compare_shows_the_readiness_profile_show_shows() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let today: Date = "2026-11-25".parse().unwrap();
        let mut p = Profile::new("p".into(), "P".into(), "l".into(), "developer".into());
        for id in [
            "ic-emotional-intelligence",
            "ic-conflict-resolution",
            "ic-find-mentor",
        ] {
            mark_done(&mut p, id, today);
        }
        let role = |id: &str| ladder.role_index(id).unwrap();
        let compared = compare(&p, &ladder, &[role("dev-lead"), role("cio")], today).unwrap();
        let next = crate::profile::readiness(&p, &ladder).unwrap();
        assert_eq!(
            compared[0].readiness, next,
            "the next level, as profile show"
        );
        assert_eq!(compared[0].readiness.progress.done, 3);
        assert_eq!(
            compared[1].readiness,
            crate::profile::readiness_for(&p, &ladder, ladder.role_level(role("cio"))).unwrap(),
            "further up, as the planner's ★ line"
        );
        let (_, rows) = compare_table(&ladder, &compared);
        let readiness = rows.iter().find(|r| r.label == "readiness").unwrap();
        assert_eq!(
            readiness.cells[0][0],
            format!("{} {} %", next.gauge(10), next.percent())
        );
        // A step up into the enterprise-wide role of the level held counts what the profile's
        // own readiness counts there; a move across asks for no new training.
        let p = Profile::new("p".into(), "P".into(), "l".into(), "cto".into());
        let compared = compare(&p, &ladder, &[role("cio"), role("ciso")], today).unwrap();
        assert_eq!(
            compared[0].readiness,
            crate::profile::readiness(&p, &ladder).unwrap()
        );
        assert!(compared[0].readiness.progress.total > 0);
        assert_eq!(compared[1].readiness.progress.total, 0);
    }
}
