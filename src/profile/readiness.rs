//! Readiness for the next level (or one further up), and progress within a level: the two
//! figures people confuse.
//!
//! Training happens at the level where it is listed (seed 002: preparatory training while a
//! tech lead, developmental once a new manager), so readiness for the next level is made of the
//! milestones of the level held, plus those of earlier levels still open. A tech lead's
//! readiness for manager is their tech-lead training; the manager milestones are what they will
//! work on as a manager.

use crate::ladder::diff::{LevelMilestones, RoleDiff, role_diff as diff_of_roles};
use crate::ladder::{Ladder, LevelIdx, MoveKind, RoleIdx};
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

    /// How many are not done yet.
    pub fn left(self) -> usize {
        self.total.saturating_sub(self.done)
    }

    /// "3/9 (33 %)".
    pub fn fraction(self) -> String {
        format!("{}/{} ({} %)", self.done, self.total, self.percent())
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

/// Readiness for a level above the one held, with what it counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Readiness {
    /// The level of the current role.
    pub held_level: LevelIdx,
    /// The level it prepares for; `None` at the top of the ladder, where it measures the top
    /// level's own training.
    pub for_level: Option<LevelIdx>,
    pub progress: Progress,
    /// The levels whose milestones all count — the level held and any between it and
    /// `for_level` — lowest first, then earlier levels with milestones still open, lowest
    /// first.
    pub counted: Vec<Counted>,
}

/// Readiness for the next level: the share of the milestones of the level held, and of
/// earlier levels' milestones still open, that are done. At the top of the ladder, the top
/// level's own training. `None` if the current role is not in the ladder.
pub fn readiness(profile: &Profile, ladder: &Ladder) -> Option<Readiness> {
    let held_level = ladder.role_level(ladder.role_index(&profile.current_role)?);
    let next = held_level + 1;
    if next < ladder.levels().len() {
        readiness_for(profile, ladder, next)
    } else {
        Some(counting(
            &done_by(profile),
            ladder,
            held_level,
            held_level..=held_level,
            None,
        ))
    }
}

/// Readiness for a role at `level`, further up than the next level if need be: training
/// happens at the level where it is listed, so a move two levels up counts the milestones of
/// the level held and of the level between, plus earlier levels' still open. `None` if the
/// current role is not in the ladder or `level` is not above the level it holds — a move
/// across or down asks for no new training.
pub fn readiness_for(profile: &Profile, ladder: &Ladder, level: LevelIdx) -> Option<Readiness> {
    let held_level = ladder.role_level(ladder.role_index(&profile.current_role)?);
    readiness_from(profile, ladder, held_level, level)
}

/// Readiness for `level` of someone who holds `held_level` — the current level, or one a
/// plan reaches first: the same rule as [`readiness_for`]. `None` if `level` is not above
/// `held_level`.
pub fn readiness_from(
    profile: &Profile,
    ladder: &Ladder,
    held_level: LevelIdx,
    level: LevelIdx,
) -> Option<Readiness> {
    ready_from(&done_by(profile), ladder, held_level, level)
}

/// [`readiness_from`] with what is done told by `done`.
fn ready_from(
    done: &dyn Fn(&str) -> bool,
    ladder: &Ladder,
    held_level: LevelIdx,
    level: LevelIdx,
) -> Option<Readiness> {
    (held_level < level && level < ladder.levels().len()).then(|| {
        counting(
            done,
            ladder,
            held_level,
            held_level..=level - 1,
            Some(level),
        )
    })
}

/// Readiness for a move from role `from` to role `to`: as [`readiness_from`] for the level
/// of `to`; for a step up into the enterprise-wide role of the level held (CTO → CIO), the
/// training of that level and earlier ones still open — what the profile's own readiness
/// counts there; and for a move across or down an empty readiness — such a move asks for no
/// new training.
pub fn readiness_for_move(
    profile: &Profile,
    ladder: &Ladder,
    from: RoleIdx,
    to: RoleIdx,
) -> Readiness {
    move_asks(&done_by(profile), ladder, from, to)
}

/// What a move from `from` to `to` asks before it, by the rule of [`readiness_for_move`], with
/// what is done told by `done`: the one rule, also for a role diff without a profile.
fn move_asks(
    done: &dyn Fn(&str) -> bool,
    ladder: &Ladder,
    from: RoleIdx,
    to: RoleIdx,
) -> Readiness {
    let (held_level, level) = (ladder.role_level(from), ladder.role_level(to));
    if held_level == level && ladder.move_kind(from, to) == MoveKind::Vertical {
        let top = level + 1 == ladder.levels().len();
        return counting(
            done,
            ladder,
            held_level,
            held_level..=held_level,
            (!top).then_some(level),
        );
    }
    ready_from(done, ladder, held_level, level).unwrap_or(Readiness {
        held_level,
        for_level: Some(level),
        progress: Progress { done: 0, total: 0 },
        counted: Vec::new(),
    })
}

/// The readiness the planner shows beside a role the person looks at: for their own role,
/// their readiness for the next level (what `profile show` shows); for any other role, what a
/// move there asks before it (what `rungs compare` and the Plan tab show). Empty (nothing
/// counted) for a move across or down; `None` when the current role is not in the ladder.
pub fn readiness_toward(profile: &Profile, ladder: &Ladder, role: RoleIdx) -> Option<Readiness> {
    let current = ladder.role_index(&profile.current_role)?;
    if current == role {
        readiness(profile, ladder)
    } else {
        Some(readiness_for_move(profile, ladder, current, role))
    }
}

/// The role diff from `from` to `to`, with the milestones the move asks before it counted by
/// the rule of [`readiness_for_move`] — what compare's "milestones left" and the learning path
/// count — and those `profile` (when there is one) has done told apart.
pub fn role_diff(
    profile: Option<&Profile>,
    ladder: &Ladder,
    from: RoleIdx,
    to: RoleIdx,
) -> RoleDiff {
    let done = |id: &str| profile.is_some_and(|p| p.status_of(id) == Status::Done);
    let asks = move_asks(&done, ladder, from, to);
    let milestones = asks
        .counted
        .iter()
        .filter(|c| !c.milestones.is_empty())
        .map(|c| {
            let def = &ladder.levels()[c.level];
            let (done, open) = c
                .milestones
                .iter()
                .partition(|&&i| done(&def.milestones[i].id));
            LevelMilestones {
                level: c.level,
                open,
                done,
                earlier: c.open_only,
            }
        })
        .collect();
    diff_of_roles(ladder, from, to, milestones)
}

fn done_by(profile: &Profile) -> impl Fn(&str) -> bool + '_ {
    |id: &str| profile.status_of(id) == Status::Done
}

/// Readiness counting every milestone of `whole` levels and the open ones of levels below.
fn counting(
    done: &dyn Fn(&str) -> bool,
    ladder: &Ladder,
    held_level: LevelIdx,
    whole: std::ops::RangeInclusive<LevelIdx>,
    for_level: Option<LevelIdx>,
) -> Readiness {
    let below = 0..*whole.start();
    let mut counted: Vec<Counted> = whole
        .map(|level| {
            let milestones = &ladder.levels()[level].milestones;
            Counted {
                level,
                milestones: (0..milestones.len()).collect(),
                done: milestones.iter().filter(|m| done(&m.id)).count(),
                open_only: false,
            }
        })
        .collect();
    for level in below {
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
    Readiness {
        held_level,
        for_level,
        progress,
        counted,
    }
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
        match self.for_level {
            Some(level) => format!(
                "readiness for {}",
                text::one_line(&ladder.levels()[level].name)
            ),
            None => "readiness at the top level".to_string(),
        }
    }

    /// What it counts, in words: "the Tech lead milestones (3 of 8 done), and 2 from
    /// Individual contributor still open"; further up, "the Tech lead and Manager milestones
    /// (…)"; "no milestones: the Junior level lists none" where there is nothing to count.
    pub fn counts(&self, ladder: &Ladder) -> String {
        let name = |level: LevelIdx| text::one_line(&ladder.levels()[level].name);
        let whole: Vec<&Counted> = self.counted.iter().filter(|c| !c.open_only).collect();
        let with_milestones: Vec<String> = whole
            .iter()
            .filter(|c| !c.milestones.is_empty())
            .map(|c| name(c.level))
            .collect();
        let mut phrase = if whole.is_empty() {
            "no milestones: a move that does not go up a level asks for no new training".to_string()
        } else if with_milestones.is_empty() {
            let names: Vec<String> = whole.iter().map(|c| name(c.level)).collect();
            match names.as_slice() {
                [one] => format!("no milestones: the {one} level lists none"),
                _ => format!("no milestones: the {} levels list none", join_and(&names)),
            }
        } else {
            let (done, total) = whole
                .iter()
                .fold((0, 0), |(d, t), c| (d + c.done, t + c.milestones.len()));
            format!(
                "the {} milestones ({done} of {total} done)",
                join_and(&with_milestones)
            )
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

    /// What it counts, short enough for a line of its own: "the Tech lead milestones", "the
    /// Tech lead and Manager milestones", "the Tech lead to Director/VP milestones", with
    /// ", and 6 earlier still open" when earlier training counts too.
    pub fn summary(&self, ladder: &Ladder) -> String {
        let name = |level: LevelIdx| text::one_line(&ladder.levels()[level].name);
        let whole: Vec<LevelIdx> = self
            .counted
            .iter()
            .filter(|c| !c.open_only)
            .map(|c| c.level)
            .collect();
        let mut phrase = if self.progress.total == 0 {
            "no milestones".to_string()
        } else {
            match whole.as_slice() {
                [] => "earlier milestones".to_string(),
                [one] => format!("the {} milestones", name(*one)),
                [first, last] => format!("the {} and {} milestones", name(*first), name(*last)),
                [first, .., last] => format!("the {} to {} milestones", name(*first), name(*last)),
            }
        };
        let earlier: usize = self
            .counted
            .iter()
            .filter(|c| c.open_only)
            .map(|c| c.milestones.len())
            .sum();
        if earlier > 0 {
            phrase.push_str(&format!(", and {earlier} earlier still open"));
        }
        phrase
    }

    /// Whether it counts milestone `index` of `level`.
    pub fn counts_milestone(&self, level: LevelIdx, index: usize) -> bool {
        self.counted
            .iter()
            .any(|c| c.level == level && c.milestones.contains(&index))
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
                    seq: 0,
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
            r.for_level.map(|l| ladder.levels()[l].id.as_str()),
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
        assert_eq!(
            r.summary(&ladder),
            format!("the Tech lead milestones, and {open_ic} earlier still open")
        );
    }

    #[test]
    fn readiness_two_levels_up_counts_the_level_held_and_the_one_between() {
        let ladder = bundled();
        let level = |id: &str| ladder.levels().iter().position(|l| l.id == id).unwrap();
        let ids = |id: &str| -> Vec<&str> {
            ladder.levels()[level(id)]
                .milestones
                .iter()
                .map(|m| m.id.as_str())
                .collect()
        };
        let mut done = ids("ic");
        done.extend([
            "tl-delegation",
            "mgr-vendor-management",
            "dir-it-governance",
        ]);
        for id in &done {
            assert!(ladder.milestone(id).is_some(), "{id} is in the ladder");
        }
        let tech_lead = person("dev-lead", &done);
        let r = readiness_for(&tech_lead, &ladder, level("director")).unwrap();
        let (tl, mgr) = (ids("tech-lead"), ids("manager"));
        assert_eq!(
            r.progress,
            Progress {
                done: 2,
                total: tl.len() + mgr.len()
            },
            "the director milestone is training for a director, not for becoming one"
        );
        assert_eq!(r.milestone_ids(&ladder), [tl.clone(), mgr.clone()].concat());
        assert_eq!(r.label(&ladder), "readiness for Director/VP");
        assert_eq!(
            r.counts(&ladder),
            format!(
                "the Tech lead and Manager milestones (2 of {} done)",
                tl.len() + mgr.len()
            )
        );
        assert_eq!(r.summary(&ladder), "the Tech lead and Manager milestones");
        let executive = readiness_for(&tech_lead, &ladder, level("executive")).unwrap();
        assert_eq!(
            executive.summary(&ladder),
            "the Tech lead to Director/VP milestones"
        );
        assert!(r.counts_milestone(level("manager"), 0));
        assert!(!r.counts_milestone(level("director"), 0));
        // The next level is the readiness everyone else shows.
        assert_eq!(
            readiness_for(&tech_lead, &ladder, level("manager")),
            readiness(&tech_lead, &ladder)
        );
        // Across or down there is nothing to be ready for.
        assert_eq!(readiness_for(&tech_lead, &ladder, level("tech-lead")), None);
        assert_eq!(readiness_for(&tech_lead, &ladder, level("ic")), None);
        assert_eq!(
            readiness_for(&tech_lead, &ladder, ladder.levels().len()),
            None
        );
    }

    #[test]
    fn at_the_top_it_measures_the_top_level_and_a_level_without_milestones_is_zero() {
        let ladder = bundled();
        let r = readiness(&person("cio", &[]), &ladder).unwrap();
        assert_eq!(r.for_level, None);
        assert_eq!(r.label(&ladder), "readiness at the top level");

        let minimal = load_str(
            r#"(format: 1, id: "m", name: "M", levels: [(id: "only", name: "Only")],
                roles: [(id: "r", title: "R", level: "only")])"#,
            "m",
        )
        .unwrap();
        let r = readiness(&person("r", &[]), &minimal).unwrap();
        assert_eq!((r.progress.total, r.percent()), (0, 0));
        assert_eq!(
            r.counts(&minimal),
            "no milestones: the Only level lists none"
        );
        assert_eq!(readiness(&person("gone", &[]), &minimal), None);
    }

    #[test]
    fn the_role_diff_lists_what_the_move_asks_as_compare_counts_it() {
        let ladder = bundled();
        let role = |id: &str| ladder.role_index(id).unwrap();
        let (from, to) = (role("developer"), role("analytics-manager"));
        let p = person("developer", &["tl-delegation", "mgr-innovation"]);
        let diff = role_diff(Some(&p), &ladder, from, to);
        let asks = readiness_for_move(&p, &ladder, from, to);
        let level_ids: Vec<&str> = diff
            .milestones
            .iter()
            .map(|l| ladder.levels()[l.level].id.as_str())
            .collect();
        // Training happens at the level where it is listed: the IC and tech-lead milestones,
        // not the manager ones trained once a manager.
        assert_eq!(level_ids, ["ic", "tech-lead"]);
        assert_eq!(diff.due_count(), asks.progress.left());
        let done: Vec<&str> = diff
            .milestones
            .iter()
            .flat_map(|l| {
                l.done
                    .iter()
                    .map(|&i| ladder.levels()[l.level].milestones[i].id.as_str())
            })
            .collect();
        assert_eq!(done, ["tl-delegation"]);
        let lines = diff.describe(&ladder);
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("before the move, the Tech lead milestones (1 of")),
            "{lines:?}"
        );
        // Without a profile nothing is done; across, nothing is asked.
        let alone = role_diff(None, &ladder, from, to);
        assert_eq!(alone.due_count(), asks.progress.total);
        let across = role_diff(Some(&p), &ladder, role("engineering-manager"), to);
        assert!(across.milestones.is_empty());
    }

    #[test]
    fn beside_a_role_the_planner_shows_the_profiles_readiness_or_what_the_move_asks() {
        let ladder = bundled();
        let role = |id: &str| ladder.role_index(id).unwrap();
        let p = person("cto", &["exec-board-reporting"]);
        assert_eq!(
            readiness_toward(&p, &ladder, role("cto")),
            readiness(&p, &ladder),
            "their own role: readiness for what comes next"
        );
        assert_eq!(
            readiness_toward(&p, &ladder, role("cio")),
            Some(readiness_for_move(&p, &ladder, role("cto"), role("cio"))),
            "CTO → CIO counts what compare counts"
        );
        let below = readiness_toward(&p, &ladder, role("developer")).unwrap();
        assert!(below.counted.is_empty(), "a move down asks for no training");
        assert_eq!(
            readiness_toward(&person("gone", &[]), &ladder, role("cio")),
            None
        );
    }
}
