//! The bench: for each role a report's plan or target passes through (and any role named, the
//! manager's own first), the people who could fill it, each with their readiness for it, the
//! moves and the usual time it would take, and a band — ready now, 1–2 years, 3+ years.
//!
//! Nothing here is a second model: the path is the one compare shows
//! ([`crate::ladder::diff::best_path`]), readiness is [`readiness_for_move`] (as compare and
//! the Plan tab count it), the time comes from the ladder's typical years
//! ([`Ladder::fewest_days_in`]) and a planned step's date from [`step_dates`]. The band is
//! worked out from those figures alone:
//!
//! - the time still to spend in roles before the move is what is left of the fewest usual
//!   years in the current role (time already spent there counts), plus the fewest usual years
//!   of every role on the way;
//! - the training still to do takes its share of that time: the part of what readiness counts
//!   that is not done, at the pace the typical years set;
//! - whichever is longer is the soonest usual time. None at all is **ready now** (readiness
//!   complete and past the usual minimum in the role, one move away); under two and a half years
//!   (what rounds to two at most) is **1–2 years**; more is **3+ years**.
//!
//! A successor is someone ready now or within two years: a role whose only candidates are
//! three or more years away is flagged as having no successor, as a succession slate would.

use std::collections::HashMap;
use std::sync::Arc;

use crate::date::Date;
use crate::ladder::diff::best_path;
use crate::ladder::{Ladder, Path, RoleIdx};

use super::model::Profile;
use super::readiness::{Readiness, readiness_for_move};
use super::schedule::{StepDate, step_dates};

/// Up to this many days from today is the "1–2 years" band: under two and a half years, what
/// rounds to two years at most, so a soonest time of "~2.1 years" is never put under "3+ years".
pub const WITHIN_TWO_YEARS_DAYS: i64 = 913;

/// One person of the team, with the ladder their profile names.
#[derive(Debug, Clone)]
pub struct Member {
    pub id: String,
    pub profile: Profile,
    pub ladder: Arc<Ladder>,
}

/// When someone could usually step into a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    ReadyNow,
    WithinTwoYears,
    ThreeYearsOrMore,
}

impl Band {
    pub const ALL: [Band; 3] = [Band::ReadyNow, Band::WithinTwoYears, Band::ThreeYearsOrMore];

    /// The band for a soonest usual time of `days`.
    pub fn of(days: i64) -> Band {
        match days {
            i64::MIN..=0 => Band::ReadyNow,
            1..=WITHIN_TWO_YEARS_DAYS => Band::WithinTwoYears,
            _ => Band::ThreeYearsOrMore,
        }
    }

    /// For scripts: `ready-now`, `1-2-years`, `3-plus-years`.
    pub fn id(self) -> &'static str {
        match self {
            Band::ReadyNow => "ready-now",
            Band::WithinTwoYears => "1-2-years",
            Band::ThreeYearsOrMore => "3-plus-years",
        }
    }

    /// For people: "ready now", "1–2 years", "3+ years".
    pub fn words(self) -> &'static str {
        match self {
            Band::ReadyNow => "ready now",
            Band::WithinTwoYears => "1–2 years",
            Band::ThreeYearsOrMore => "3+ years",
        }
    }
}

/// One person who could fill a role.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Index into [`Bench::members`].
    pub member: usize,
    pub current: RoleIdx,
    /// Readiness for the move, as compare shows it.
    pub readiness: Readiness,
    /// The best path there, as compare shows it.
    pub path: Path,
    /// When the person started in their current role, where their history says.
    pub in_role_since: Option<Date>,
    /// The fewest and most years the path usually takes (the typical years of each role it
    /// leaves), before counting time already spent in the current role.
    pub usual_years: (u32, u32),
    /// The soonest usual time before the move, in days (see the module's words).
    pub soonest_days: i64,
    pub band: Band,
    /// The step of the person's own plan that is this role, and its date, as `plan show`
    /// and compare give it.
    pub planned: Option<(usize, StepDate)>,
}

/// Why a role is on the bench.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The role of the profile chosen with `--profile` or the config's `default_profile`.
    Yours(usize),
    /// Named on the command line.
    Named,
    /// Step `step` (from 0) of a member's plan.
    Plan { member: usize, step: usize },
    /// A member's target.
    Target(usize),
}

/// A seat on the bench: a role, why it is there, who holds it and who could fill it.
#[derive(Debug, Clone)]
pub struct Seat {
    pub ladder: Arc<Ladder>,
    pub role: RoleIdx,
    pub reasons: Vec<Reason>,
    /// Members whose current role it is.
    pub held_by: Vec<usize>,
    /// Soonest first.
    pub candidates: Vec<Candidate>,
}

/// What a seat is flagged for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    NoSuccessor,
    OneSuccessor,
}

impl Flag {
    pub fn id(self) -> &'static str {
        match self {
            Flag::NoSuccessor => "no-successor",
            Flag::OneSuccessor => "one-successor",
        }
    }

    pub fn words(self) -> &'static str {
        match self {
            Flag::NoSuccessor => "no successor",
            Flag::OneSuccessor => "only one successor",
        }
    }
}

impl Seat {
    /// No one, or only one person, could fill it within two years.
    pub fn flag(&self) -> Option<Flag> {
        let successors = self
            .candidates
            .iter()
            .filter(|c| c.band != Band::ThreeYearsOrMore)
            .count();
        match successors {
            0 => Some(Flag::NoSuccessor),
            1 => Some(Flag::OneSuccessor),
            _ => None,
        }
    }

    pub fn in_band(&self, band: Band) -> impl Iterator<Item = &Candidate> {
        self.candidates.iter().filter(move |c| c.band == band)
    }
}

/// Who stands behind one member: the people who could fill the member's current role.
#[derive(Debug, Clone)]
pub struct Behind {
    pub member: usize,
    /// `(member, band)`, soonest first.
    pub candidates: Vec<(usize, Band)>,
}

impl Behind {
    /// No one could step into the member's role within two years: flagged "no one behind".
    pub fn no_one(&self) -> bool {
        self.candidates
            .iter()
            .all(|(_, band)| *band == Band::ThreeYearsOrMore)
    }
}

/// The bench of a team.
#[derive(Debug, Clone)]
pub struct Bench {
    pub members: Vec<Member>,
    /// The manager's own role first, then roles named, then the others from the top of the
    /// ladder down.
    pub seats: Vec<Seat>,
    /// Every member whose current role is in their ladder, by name.
    pub behind: Vec<Behind>,
}

/// The day the current role started: the latest day a role in the history ended (a new
/// current role moves the old one into the history, ended that day). `None` when no entry of
/// the history says when it ended.
pub fn in_role_since(profile: &Profile) -> Option<Date> {
    profile.history.iter().filter_map(|h| h.to).max()
}

/// The soonest usual time, in days from `today`, before someone in `path`'s first role could
/// make its last move, with `readiness` for it and `since` the day they started in the role.
pub fn soonest_days(
    ladder: &Ladder,
    path: &Path,
    readiness: &Readiness,
    since: Option<Date>,
    today: Date,
) -> i64 {
    let Some((&current, rest)) = path.roles.split_first() else {
        return 0;
    };
    let on_the_way: i64 = rest.split_last().map_or(0, |(_, between)| {
        between.iter().map(|&r| ladder.fewest_days_in(r)).sum()
    });
    let here = ladder.fewest_days_in(current);
    let spent = since.map_or(0, |d| {
        (today.days_since_epoch() - d.days_since_epoch()).max(0)
    });
    let waiting = (here - spent).max(0) + on_the_way;
    let progress = readiness.progress;
    let training = (here + on_the_way) * progress.left() as i64;
    let training = match progress.total as i64 {
        0 => 0,
        total => (training + total - 1) / total,
    };
    waiting.max(training)
}

/// Where a seat is kept while the bench is built: the ladder (by its place in `ladders`) and
/// the role.
type Key = (usize, RoleIdx);

/// The bench of `members` as of `today`: a seat for each role a plan or target passes
/// through, each role `named` (ids or exact titles, looked up in every ladder of the team),
/// and the role of member `yours` if given; and who stands behind each member.
pub fn bench(members: Vec<Member>, named: &[String], yours: Option<usize>, today: Date) -> Bench {
    let mut ladders: Vec<Arc<Ladder>> = Vec::new();
    let ladder_of: Vec<usize> = members
        .iter()
        .map(
            |m| match ladders.iter().position(|l| Arc::ptr_eq(l, &m.ladder)) {
                Some(i) => i,
                None => {
                    ladders.push(m.ladder.clone());
                    ladders.len() - 1
                }
            },
        )
        .collect();
    let current: Vec<Option<RoleIdx>> = members
        .iter()
        .map(|m| m.ladder.role_index(&m.profile.current_role))
        .collect();

    let mut order: Vec<Key> = Vec::new();
    let mut reasons: HashMap<Key, Vec<Reason>> = HashMap::new();
    let mut add = |key: Key, reason: Reason| {
        let list = reasons.entry(key).or_insert_with(|| {
            order.push(key);
            Vec::new()
        });
        if !list.contains(&reason) {
            list.push(reason);
        }
    };
    if let Some(me) = yours
        && let Some(role) = current.get(me).copied().flatten()
    {
        add((ladder_of[me], role), Reason::Yours(me));
    }
    for name in named {
        for (li, ladder) in ladders.iter().enumerate() {
            if let Some(role) = ladder.find_role(name) {
                add((li, role), Reason::Named);
            }
        }
    }
    for (i, m) in members.iter().enumerate() {
        for (step, s) in m.profile.plan.iter().enumerate() {
            if let Some(role) = m.ladder.role_index(&s.role) {
                add((ladder_of[i], role), Reason::Plan { member: i, step });
            }
        }
        if let Some(role) = m
            .profile
            .target_role
            .as_deref()
            .and_then(|t| m.ladder.role_index(t))
        {
            add((ladder_of[i], role), Reason::Target(i));
        }
    }

    let mut paths: HashMap<(usize, RoleIdx, RoleIdx), Option<Path>> = HashMap::new();
    let mut candidates_for = |key: Key| -> Vec<Candidate> {
        let (li, role) = key;
        let ladder = &ladders[li];
        let mut found: Vec<Candidate> = members
            .iter()
            .enumerate()
            .filter(|(i, _)| ladder_of[*i] == li)
            .filter_map(|(i, m)| {
                let from = current[i]?;
                if from == role || ladder.role_level(from) > ladder.role_level(role) {
                    return None;
                }
                let path = paths
                    .entry((li, from, role))
                    .or_insert_with(|| best_path(ladder, from, role).ok())
                    .clone()?;
                Some(candidate(i, m, from, role, path, today))
            })
            .collect();
        found.sort_by(|a, b| {
            let name = |c: &Candidate| members[c.member].profile.name.to_lowercase();
            (a.band, a.soonest_days, b.readiness.percent(), name(a)).cmp(&(
                b.band,
                b.soonest_days,
                a.readiness.percent(),
                name(b),
            ))
        });
        found
    };

    // Each role's candidates once, whether it is a seat or only someone's current role.
    let mut found: HashMap<Key, Vec<Candidate>> = HashMap::new();
    let wanted = order
        .iter()
        .copied()
        .chain((0..members.len()).filter_map(|i| current[i].map(|role| (ladder_of[i], role))));
    for key in wanted {
        if let std::collections::hash_map::Entry::Vacant(slot) = found.entry(key) {
            slot.insert(candidates_for(key));
        }
    }
    let mut seats: Vec<Seat> = order
        .iter()
        .map(|&key| Seat {
            ladder: ladders[key.0].clone(),
            role: key.1,
            reasons: reasons.remove(&key).unwrap_or_default(),
            held_by: (0..members.len())
                .filter(|&i| ladder_of[i] == key.0 && current[i] == Some(key.1))
                .collect(),
            candidates: found.get(&key).cloned().unwrap_or_default(),
        })
        .collect();
    let rank = |seat: &Seat| {
        let first = if seat.reasons.iter().any(|r| matches!(r, Reason::Yours(_))) {
            0
        } else if seat.reasons.contains(&Reason::Named) {
            1
        } else {
            2
        };
        (
            first,
            std::cmp::Reverse(seat.ladder.role_level(seat.role)),
            seat.ladder.role(seat.role).title.to_lowercase(),
        )
    };
    seats.sort_by_cached_key(rank);

    let mut by_name: Vec<usize> = (0..members.len()).collect();
    by_name.sort_by_cached_key(|&i| {
        (
            members[i].profile.name.to_lowercase(),
            members[i].id.clone(),
        )
    });
    let behind = by_name
        .into_iter()
        .filter_map(|i| {
            let role = current[i]?;
            let candidates = found
                .get(&(ladder_of[i], role))
                .map(|list| list.iter().map(|c| (c.member, c.band)).collect())
                .unwrap_or_default();
            Some(Behind {
                member: i,
                candidates,
            })
        })
        .collect();
    Bench {
        members,
        seats,
        behind,
    }
}

/// Member `i` as a candidate for `role`, from `from` along `path`.
fn candidate(
    i: usize,
    m: &Member,
    from: RoleIdx,
    role: RoleIdx,
    path: Path,
    today: Date,
) -> Candidate {
    let ladder = &m.ladder;
    let readiness = readiness_for_move(&m.profile, ladder, from, role);
    let since = in_role_since(&m.profile);
    let soonest = soonest_days(ladder, &path, &readiness, since, today);
    let id = &ladder.role(role).id;
    let planned = m
        .profile
        .plan
        .iter()
        .position(|s| s.role == *id)
        .and_then(|step| {
            step_dates(&m.profile, ladder, today)
                .get(step)
                .map(|&date| (step, date))
        });
    Candidate {
        member: i,
        current: from,
        usual_years: ladder.usual_span(&path.roles),
        readiness,
        path,
        in_role_since: since,
        soonest_days: soonest,
        band: Band::of(soonest),
        planned,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{BUNDLED, load_str};
    use crate::profile::{HeldRole, MilestoneProgress, PlanStep, Status};

    fn ladder() -> Arc<Ladder> {
        Arc::new(load_str(BUNDLED[0].1, "bundled").unwrap())
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    /// A member in `role` since `since`, with every milestone of the levels below `done_up_to`
    /// (exclusive) and of the level held done when `trained`.
    fn member(ladder: &Arc<Ladder>, name: &str, role: &str, since: &str, trained: bool) -> Member {
        let mut p = Profile::new(
            text_id(name),
            name.into(),
            "it-leadership".into(),
            role.into(),
        );
        p.history.push(HeldRole {
            role: "developer".into(),
            from: None,
            to: Some(day(since)),
            note: String::new(),
        });
        let held = ladder.role_level(ladder.role_index(role).unwrap());
        for level in 0..=held {
            for m in &ladder.levels()[level].milestones {
                if level < held || trained {
                    p.milestones.insert(
                        m.id.clone(),
                        MilestoneProgress {
                            seq: 0,
                            status: Status::Done,
                            changed: day("2020-01-01"),
                            due: None,
                            note: String::new(),
                        },
                    );
                }
            }
        }
        Member {
            id: p.id.clone(),
            profile: p,
            ladder: ladder.clone(),
        }
    }

    fn text_id(name: &str) -> String {
        crate::text::slug(name)
    }

    #[test]
    fn trained_and_past_the_usual_minimum_is_ready_now_and_each_shortfall_pushes_it_back() {
        let ladder = ladder();
        let today = day("2026-11-25");
        let level = ladder.role_level(ladder.role_index("dev-lead").unwrap());
        let (fewest, _) = ladder.typical_years(level);
        let long_ago = format!("{}-01-01", 2026 - i32::from(fewest) - 1);
        let mut boss = member(&ladder, "Boss", "engineering-manager", "2020-01-01", true);
        boss.profile.target_role = None;
        let mut ready = member(&ladder, "Ready", "dev-lead", &long_ago, true);
        ready.profile.plan.push(PlanStep {
            role: "engineering-manager".into(),
            target_date: None,
            note: String::new(),
        });
        let new_in_role = member(&ladder, "New", "dev-lead", "2026-10-01", true);
        let untrained = member(&ladder, "Untrained", "dev-lead", &long_ago, false);
        let far = member(&ladder, "Far", "developer", "2015-01-01", true);
        let b = bench(
            vec![boss, ready, new_in_role, untrained, far],
            &[],
            Some(0),
            today,
        );
        let seat = &b.seats[0];
        assert_eq!(seat.ladder.role(seat.role).id, "engineering-manager");
        assert_eq!(
            seat.reasons[0],
            Reason::Yours(0),
            "the manager's own role first"
        );
        assert_eq!(seat.held_by, [0]);
        let band_of = |name: &str| {
            seat.candidates
                .iter()
                .find(|c| b.members[c.member].profile.name == name)
                .map(|c| c.band)
        };
        assert_eq!(band_of("Ready"), Some(Band::ReadyNow));
        assert_eq!(
            band_of("New"),
            Some(Band::of(
                ladder.fewest_days_in(ladder.role_index("dev-lead").unwrap()) - 55
            ))
        );
        assert_ne!(band_of("New"), Some(Band::ReadyNow), "too new in the role");
        assert_ne!(band_of("Untrained"), Some(Band::ReadyNow), "training left");
        assert_eq!(
            band_of("Far"),
            Some(Band::ThreeYearsOrMore),
            "two moves away"
        );
        assert_eq!(
            band_of("Boss"),
            None,
            "the one who holds it is no successor"
        );
        let ready = seat
            .candidates
            .iter()
            .find(|c| c.band == Band::ReadyNow)
            .unwrap();
        assert_eq!(ready.readiness.percent(), 100);
        assert_eq!(ready.planned.map(|(step, _)| step), Some(0));
        assert_eq!(seat.candidates[0].band, Band::ReadyNow, "soonest first");
        // Four candidates, but only Ready is within two years: one successor.
        assert_eq!(seat.candidates.len(), 4);
        assert!(
            seat.candidates[1..]
                .iter()
                .all(|c| c.band == Band::ThreeYearsOrMore)
        );
        assert_eq!(seat.flag(), Some(Flag::OneSuccessor));
        // No one stands behind the developer, the lowest on the team.
        let far_behind = b
            .behind
            .iter()
            .find(|x| b.members[x.member].profile.name == "Far")
            .unwrap();
        assert!(far_behind.candidates.is_empty());
    }

    #[test]
    fn a_role_no_one_can_reach_is_flagged_and_one_candidate_is_flagged_too() {
        let ladder = ladder();
        let today = day("2026-11-25");
        let cio = member(&ladder, "Chief", "cio", "2020-01-01", true);
        let lead = member(&ladder, "Lead", "dev-lead", "2020-01-01", true);
        let b = bench(
            vec![cio, lead],
            &["cio".into(), "developer".into()],
            None,
            today,
        );
        let seat = |id: &str| {
            b.seats
                .iter()
                .find(|s| s.ladder.role(s.role).id == id)
                .unwrap()
        };
        // The lead could reach it, but only years from now: no successor.
        assert_eq!(seat("cio").candidates.len(), 1);
        assert_eq!(seat("cio").candidates[0].band, Band::ThreeYearsOrMore);
        assert_eq!(seat("cio").flag(), Some(Flag::NoSuccessor));
        assert_eq!(
            seat("developer").flag(),
            Some(Flag::NoSuccessor),
            "no one below it"
        );
        assert!(b.seats.iter().all(|s| s.reasons == [Reason::Named]));
    }

    #[test]
    fn the_soonest_time_counts_the_roles_on_the_way_and_the_training_left() {
        let ladder = ladder();
        let today = day("2026-11-25");
        let lead = ladder.role_index("dev-lead").unwrap();
        let director = ladder.role_index("director-engineering").unwrap();
        let p = member(&ladder, "P", "dev-lead", "2010-01-01", true);
        let path = best_path(&ladder, lead, director).unwrap();
        let r = readiness_for_move(&p.profile, &ladder, lead, director);
        assert!(
            r.progress.left() > 0,
            "the manager milestones are still open"
        );
        let days = soonest_days(&ladder, &path, &r, in_role_since(&p.profile), today);
        let between: i64 = path.roles[1..path.roles.len() - 1]
            .iter()
            .map(|&x| ladder.fewest_days_in(x))
            .sum();
        assert!(days >= between && between > 0, "{days} {between}");
    }
}
