//! Readiness for the next level, and progress within a level: the two figures people confuse.
//!
//! Training happens at the level where it is listed (seed 002: preparatory training while a
//! tech lead, developmental once a new manager), so readiness for the next level is made of the
//! milestones of the level held, plus those of earlier levels still open. A tech lead's
//! readiness for manager is their tech-lead training; the manager milestones are what they will
//! work on as a manager.

use crate::ladder::{Ladder, LevelIdx};
use crate::text;

use super::model::{Profile, Status};

/// Milestones done out of a total.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// The share done, 0 to 100; nothing to count is 0 %, never a division by zero.
    pub fn percent(self) -> u8 {
        (self.done * 100)
            .checked_div(self.total)
            .map_or(0, |p| p.min(100) as u8)
    }

    /// The share done as 0.0..=1.0, safe for a gauge.
    pub fn ratio(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            (self.done as f64 / self.total as f64).clamp(0.0, 1.0)
        }
    }

    /// A text gauge `width` cells wide: a filled cell for each whole share done, like the
    /// percentage (rounded down), so the two never disagree.
    pub fn gauge(self, width: usize) -> String {
        let filled = (self.done.min(self.total) * width)
            .checked_div(self.total)
            .unwrap_or(0);
        format!("{}{}", "▓".repeat(filled), "░".repeat(width - filled))
    }
}

/// How far a level's own milestones are done. This is progress *at* a level, not readiness
/// for the next one: see [`readiness`].
pub fn level_progress(profile: &Profile, ladder: &Ladder, level: LevelIdx) -> Progress {
    let milestones = &ladder.levels()[level].milestones;
    Progress {
        done: milestones
            .iter()
            .filter(|m| profile.status_of(&m.id) == Status::Done)
            .count(),
        total: milestones.len(),
    }
}

/// The milestones of one level that readiness counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    pub level: LevelIdx,
    /// Indices into the level's milestones.
    pub milestones: Vec<usize>,
    pub done: usize,
    /// True for an earlier level, of which only the milestones still open count.
    pub open_only: bool,
}

/// Readiness for the next level, with what it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    /// The level of the current role.
    pub held_level: LevelIdx,
    /// The level it prepares for; `None` at the top of the ladder, where it measures the top
    /// level's own training.
    pub next_level: Option<LevelIdx>,
    pub progress: Progress,
    /// The held level first, then earlier levels with milestones still open, lowest first.
    pub counted: Vec<Counted>,
}

/// Readiness for the next level: the share of the milestones of the level held, and of
/// earlier levels' milestones still open, that are done. `None` if the current role is not in
/// the ladder.
pub fn readiness(profile: &Profile, ladder: &Ladder) -> Option<Readiness> {
    let held_level = ladder.role_level(ladder.role_index(&profile.current_role)?);
    let done = |id: &str| profile.status_of(id) == Status::Done;
    let mut counted = Vec::new();
    let held = &ladder.levels()[held_level].milestones;
    counted.push(Counted {
        level: held_level,
        milestones: (0..held.len()).collect(),
        done: held.iter().filter(|m| done(&m.id)).count(),
        open_only: false,
    });
    for level in 0..held_level {
        let open: Vec<usize> = ladder.levels()[level]
            .milestones
            .iter()
            .enumerate()
            .filter(|(_, m)| !done(&m.id))
            .map(|(i, _)| i)
            .collect();
        if !open.is_empty() {
            counted.push(Counted {
                level,
                milestones: open,
                done: 0,
                open_only: true,
            });
        }
    }
    let progress = Progress {
        done: counted.iter().map(|c| c.done).sum(),
        total: counted.iter().map(|c| c.milestones.len()).sum(),
    };
    let next_level = (held_level + 1 < ladder.levels().len()).then_some(held_level + 1);
    Some(Readiness {
        held_level,
        next_level,
        progress,
        counted,
    })
}

impl Readiness {
    pub fn percent(&self) -> u8 {
        self.progress.percent()
    }

    pub fn ratio(&self) -> f64 {
        self.progress.ratio()
    }

    pub fn gauge(&self, width: usize) -> String {
        self.progress.gauge(width)
    }

    /// "readiness for Manager", or "readiness at the top level" where there is no next level.
    pub fn label(&self, ladder: &Ladder) -> String {
        match self.next_level {
            Some(next) => format!(
                "readiness for {}",
                text::one_line(&ladder.levels()[next].name)
            ),
            None => "readiness at the top level".to_string(),
        }
    }

    /// What it counts, in words: "the Tech lead milestones (3 of 8 done), and 2 still open
    /// from Individual contributor".
    pub fn counts(&self, ladder: &Ladder) -> String {
        let name = |level: LevelIdx| text::one_line(&ladder.levels()[level].name);
        let mut phrase = match self.counted.first() {
            Some(held) if !held.milestones.is_empty() => format!(
                "the {} milestones ({} of {} done)",
                name(held.level),
                held.done,
                held.milestones.len()
            ),
            _ => format!("the {} level has no milestones", name(self.held_level)),
        };
        let earlier: Vec<String> = self
            .counted
            .iter()
            .filter(|c| c.open_only)
            .map(|c| format!("{} from {}", c.milestones.len(), name(c.level)))
            .collect();
        if !earlier.is_empty() {
            phrase.push_str(", and ");
            phrase.push_str(&join_and(&earlier));
            phrase.push_str(" still open");
        }
        phrase
    }

    /// The ids of the milestones counted, in the order of [`Readiness::counted`].
    pub fn milestone_ids<'l>(&self, ladder: &'l Ladder) -> Vec<&'l str> {
        self.counted
            .iter()
            .flat_map(|c| {
                let level = &ladder.levels()[c.level];
                c.milestones
                    .iter()
                    .map(|&i| level.milestones[i].id.as_str())
            })
            .collect()
    }
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::ladder::{BUNDLED, load_str};
    use crate::profile::MilestoneProgress;

    fn bundled() -> Ladder {
        load_str(BUNDLED[0].1, "bundled").unwrap()
    }

    fn person(role: &str, done: &[&str]) -> Profile {
        let mut p = Profile::new("p".into(), "P".into(), "it-leadership".into(), role.into());
        for id in done {
            p.milestones.insert(
                id.to_string(),
                MilestoneProgress {
                    status: Status::Done,
                    changed: "2026-01-01".parse::<Date>().unwrap(),
                    due: None,
                    note: String::new(),
                },
            );
        }
        p
    }

    #[test]
    fn a_tech_leads_readiness_for_manager_counts_the_tech_lead_milestones() {
        let ladder = bundled();
        let ic_ids: Vec<&str> = ladder.levels()[0]
            .milestones
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        let tl_ids: Vec<&str> = ladder.levels()[1]
            .milestones
            .iter()
            .map(|m| m.id.as_str())
            .collect();
        // Every IC milestone done, two tech-lead ones, and a manager one that must not count.
        let mut done = ic_ids.clone();
        done.extend(["tl-delegation", "tl-goal-setting", "mgr-vendor-management"]);
        let r = readiness(&person("dev-lead", &done), &ladder).unwrap();
        assert_eq!(ladder.levels()[r.held_level].id, "tech-lead");
        assert_eq!(
            r.next_level.map(|l| ladder.levels()[l].id.as_str()),
            Some("manager")
        );
        assert_eq!(
            r.progress,
            Progress {
                done: 2,
                total: tl_ids.len()
            }
        );
        assert_eq!(r.milestone_ids(&ladder), tl_ids);
        assert_eq!(r.label(&ladder), "readiness for Manager");
        assert_eq!(
            r.counts(&ladder),
            format!("the Tech lead milestones (2 of {} done)", tl_ids.len())
        );
    }

    #[test]
    fn earlier_training_still_open_counts_too() {
        let ladder = bundled();
        let r = readiness(
            &person("dev-lead", &["ic-emotional-intelligence", "tl-delegation"]),
            &ladder,
        )
        .unwrap();
        let open_ic = ladder.levels()[0].milestones.len() - 1;
        let tl = ladder.levels()[1].milestones.len();
        assert_eq!(
            r.progress,
            Progress {
                done: 1,
                total: tl + open_ic
            }
        );
        assert!(r.counted[1].open_only);
        assert!(
            !r.milestone_ids(&ladder)
                .contains(&"ic-emotional-intelligence")
        );
        assert_eq!(
            r.counts(&ladder),
            format!(
                "the Tech lead milestones (1 of {tl} done), and {open_ic} from Individual contributor still open"
            )
        );
    }

    #[test]
    fn at_the_top_it_measures_the_top_level_and_a_level_without_milestones_is_zero() {
        let ladder = bundled();
        let r = readiness(&person("cio", &[]), &ladder).unwrap();
        assert_eq!(r.next_level, None);
        assert_eq!(r.label(&ladder), "readiness at the top level");

        let minimal = load_str(
            r#"(format: 1, id: "m", name: "M", levels: [(id: "only", name: "Only")],
                roles: [(id: "r", title: "R", level: "only")])"#,
            "m",
        )
        .unwrap();
        let r = readiness(&person("r", &[]), &minimal).unwrap();
        assert_eq!((r.progress.total, r.percent()), (0, 0));
        assert_eq!(r.counts(&minimal), "the Only level has no milestones");
        assert_eq!(readiness(&person("gone", &[]), &minimal), None);
    }
}
