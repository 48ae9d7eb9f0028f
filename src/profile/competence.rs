//! Where a person stands in each of the ladder's competencies: the latest rating by themselves
//! and by their manager, what the current, next and target roles expect, the gap to the next
//! role, and whether the two ratings disagree. The Profile tab, the session view, the agenda
//! and `rungs ratings` all read it from here.
//!
//! Ratings are relative (below / working towards / meeting / exceeding what the person's role
//! expects); expectations are absolute (1..5 per role). To compare them, a rating places the
//! person on the expectation scale around their current role's expectation `E`
//! ([`shows`]): below is `E − 2`, working towards `E − 1`, meeting `E`, exceeding `E + 1`,
//! kept within 0..5. The gap is then what the next role expects minus that. The manager's
//! rating is used where there is one, else the person's own ([`judged_by`]); with neither, the
//! person is taken to meet their current role, so the gap is the step the next role asks for.
//! Compare and the learning path measure gaps to other roles by the same two rules.

use crate::date::Date;
use crate::ladder::{Ladder, RoleIdx};

use super::model::{Profile, Rater, Rating, RatingLevel};

/// Ratings this many steps apart (on the four-step scale) are worth talking about.
pub const DISAGREEMENT_STEPS: u8 = 2;

/// What the roles around the person expect of one competency, 1..5, where they say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Expectations {
    pub current: Option<u8>,
    pub next: Option<u8>,
    pub target: Option<u8>,
}

impl Expectations {
    /// What the current, next and target roles expect, joined by `arrow` (`2→3→–`): `–` where
    /// a role expects nothing.
    pub fn words(&self, arrow: &str) -> String {
        [self.current, self.next, self.target]
            .map(|n| n.map_or("–".to_string(), |n| n.to_string()))
            .join(arrow)
    }
}

/// The gap in one competency between what a role expects and what the person shows today —
/// the one gap type: the ratings and the agenda (to the next role), compare and the learning
/// path (to any role) all read it from [`gap`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub competency: String,
    pub name: String,
    /// Expected of the current role (0 when it expects nothing).
    pub expected_now: u8,
    /// Expected of the role looked at.
    pub expected_there: u8,
    /// The rating it is judged by, if any.
    pub rating: Option<RatingLevel>,
    /// What the person shows, on the 0..=5 scale.
    pub shows: u8,
}

impl Gap {
    /// What the role expects beyond what the person shows, in steps of the expectation scale:
    /// 0 or below when they show at least what it asks.
    pub fn steps(&self) -> i32 {
        i32::from(self.expected_there) - i32::from(self.shows)
    }

    /// How far the person's rating puts them below what their current role expects: the part
    /// of the gap that says something about them, not the usual step up to a higher role
    /// (where every level asks one step more, every unrated competency has that gap).
    pub fn behind(&self) -> u8 {
        self.expected_now.saturating_sub(self.shows)
    }

    /// How many steps of the scale are missing (0 when none are).
    pub fn size(&self) -> u8 {
        self.expected_there.saturating_sub(self.shows)
    }

    /// The gap as people read it: `2`, `none`.
    pub fn words(&self) -> String {
        match self.size() {
            0 => "none".to_string(),
            n => n.to_string(),
        }
    }

    /// A one-character mark: `✓` no gap, `△` one step, `▲` more.
    pub fn mark(&self) -> &'static str {
        match self.size() {
            0 => "✓",
            1 => "△",
            _ => "▲",
        }
    }
}

/// The gap in competency `id` (named `name`) between what role `to` expects and what the person
/// shows, who holds role `from` (`None`: a role the ladder lacks, which expects nothing):
/// [`shows`] around `from`'s expectation, by the rating [`judged_by`]. `None` when `to`
/// expects nothing of it.
pub fn gap(
    profile: &Profile,
    ladder: &Ladder,
    (from, to): (Option<RoleIdx>, RoleIdx),
    (id, name): (&str, &str),
) -> Option<Gap> {
    let expected_there = ladder.expects_of(to, id)?;
    let expected_now = from.and_then(|r| ladder.expects_of(r, id)).unwrap_or(0);
    let rating = judged_by(profile, id).map(|r| r.level);
    Some(Gap {
        competency: id.to_string(),
        name: name.to_string(),
        expected_now,
        expected_there,
        rating,
        shows: shows(expected_now, rating),
    })
}

/// One competency, as the person stands in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Standing {
    pub id: String,
    pub name: String,
    /// The latest rating by the person.
    pub own: Option<Rating>,
    /// The latest rating by the manager.
    pub manager: Option<Rating>,
    pub expects: Expectations,
    /// To the next role's expectation, by [`gap`]; `None` when it expects nothing here (or
    /// there is no next role).
    pub gap: Option<Gap>,
    /// The two latest ratings are [`DISAGREEMENT_STEPS`] or more apart.
    pub differ: bool,
    /// Every rating of this competency, oldest first.
    pub history: Vec<Rating>,
}

/// The latest rating of `competency` by `by`: the one with the latest date, the later entry
/// where two share a date.
pub fn latest<'a>(profile: &'a Profile, competency: &str, by: Rater) -> Option<&'a Rating> {
    profile
        .ratings
        .iter()
        .filter(|r| r.competency == competency && r.by == by)
        .fold(None, |best: Option<&Rating>, r| match best {
            Some(b) if b.date > r.date => Some(b),
            _ => Some(r),
        })
}

/// The role the person is heading for next, one level up: the first planned step above their
/// level, else the role one level up in the same corner, else the first role of that level
/// (an enterprise-wide one such as CIO). `None` at the top of the ladder or when the current
/// role is not in it.
pub fn next_role(profile: &Profile, ladder: &Ladder) -> Option<RoleIdx> {
    let current = ladder.role_index(&profile.current_role)?;
    let level = ladder.role_level(current);
    let up = level + 1;
    if up >= ladder.levels().len() {
        return None;
    }
    let planned = profile
        .plan
        .iter()
        .filter_map(|s| ladder.role_index(&s.role))
        .find(|&r| ladder.role_level(r) > level);
    let corner = ladder.role_corner(current);
    planned
        .or_else(|| {
            ladder
                .roles_at_level(up)
                .iter()
                .copied()
                .find(|&r| corner.is_some() && ladder.role_corner(r) == corner)
        })
        .or_else(|| ladder.roles_at_level(up).first().copied())
}

/// The rating a competency is judged by: the manager's latest, else the person's own latest.
pub fn judged_by<'a>(profile: &'a Profile, competency: &str) -> Option<&'a Rating> {
    latest(profile, competency, Rater::Manager).or_else(|| latest(profile, competency, Rater::Own))
}

/// What the person shows of a competency on the expectation scale (0..=5): what their current
/// role expects (`expected_now`, 0 when it expects nothing), moved by the rating it is judged
/// by — exceeding +1, meeting ±0, working towards −1, below −2; with no rating, unmoved.
pub fn shows(expected_now: u8, rating: Option<RatingLevel>) -> u8 {
    let shift = rating.map_or(0, |level| match level {
        RatingLevel::Below => -2,
        RatingLevel::WorkingTowards => -1,
        RatingLevel::Meeting => 0,
        RatingLevel::Exceeding => 1,
    });
    (i16::from(expected_now) + shift).clamp(0, 5) as u8
}

/// Every competency of the ladder, in the ladder's order, as the person stands in it.
pub fn standings(profile: &Profile, ladder: &Ladder) -> Vec<Standing> {
    let current = ladder.role_index(&profile.current_role);
    let next = next_role(profile, ladder);
    let target = profile
        .target_role
        .as_deref()
        .and_then(|t| ladder.role_index(t));
    let expects = |role: Option<RoleIdx>, id: &str| role.and_then(|r| ladder.expects_of(r, id));
    ladder
        .competencies()
        .iter()
        .map(|c| {
            let own = latest(profile, &c.id, Rater::Own).cloned();
            let manager = latest(profile, &c.id, Rater::Manager).cloned();
            let expectations = Expectations {
                current: expects(current, &c.id),
                next: expects(next, &c.id),
                target: expects(target, &c.id),
            };
            let to_next = next.and_then(|to| gap(profile, ladder, (current, to), (&c.id, &c.name)));
            let differ = match (&own, &manager) {
                (Some(a), Some(b)) => a.level.step().abs_diff(b.level.step()) >= DISAGREEMENT_STEPS,
                _ => false,
            };
            let history: Vec<Rating> = history(profile)
                .into_iter()
                .filter(|r| r.competency == c.id)
                .cloned()
                .collect();
            Standing {
                id: c.id.clone(),
                name: c.name.clone(),
                own,
                manager,
                expects: expectations,
                gap: to_next,
                differ,
                history,
            }
        })
        .collect()
}

/// Every rating given, oldest first: by date, and in the order given within a day. What
/// `rungs ratings --history` lists and the planner shows under each competency.
pub fn history(profile: &Profile) -> Vec<&Rating> {
    let mut ratings: Vec<&Rating> = profile.ratings.iter().collect();
    ratings.sort_by_key(|r| (r.date, r.seq));
    ratings
}

/// Ratings given after `since`, oldest first.
pub fn rated_since(profile: &Profile, since: Date) -> impl Iterator<Item = &Rating> {
    profile.ratings.iter().filter(move |r| r.date > since)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{BUNDLED, load_str};

    fn rating(competency: &str, by: Rater, level: RatingLevel, date: &str) -> Rating {
        Rating {
            seq: 0,
            competency: competency.into(),
            by,
            level,
            date: date.parse().unwrap(),
            note: String::new(),
        }
    }

    #[test]
    fn expectations_read_as_figures_with_a_dash_where_a_role_expects_nothing() {
        let e = Expectations {
            current: Some(2),
            next: Some(3),
            target: None,
        };
        assert_eq!(e.words("→"), "2→3→–");
        assert_eq!(e.words(" → "), "2 → 3 → –");
    }

    #[test]
    fn the_gap_counts_from_the_managers_rating_around_the_current_expectation() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let mut p = Profile::new(
            "p".into(),
            "P".into(),
            "it-leadership".into(),
            "dev-lead".into(),
        );
        p.ratings.push(rating(
            "leadership",
            Rater::Own,
            RatingLevel::Exceeding,
            "2026-01-01",
        ));
        p.ratings.push(rating(
            "leadership",
            Rater::Manager,
            RatingLevel::Below,
            "2026-01-02",
        ));
        let all = standings(&p, &ladder);
        let leadership = all.iter().find(|s| s.id == "leadership").unwrap();
        let (now, next) = (
            leadership.expects.current.unwrap(),
            leadership.expects.next.unwrap(),
        );
        // The manager says below: two steps under today's expectation.
        assert_eq!(
            leadership.gap.as_ref().map(Gap::steps),
            Some(i32::from(next) - (i32::from(now) - 2))
        );
        assert!(
            leadership.differ,
            "exceeding and below are three steps apart"
        );
        // Unrated: the step between the two roles.
        let unrated = all.iter().find(|s| s.id == "business-acumen").unwrap();
        let e = unrated.expects;
        assert_eq!(
            unrated.gap.as_ref().map(Gap::steps),
            Some(i32::from(e.next.unwrap()) - i32::from(e.current.unwrap()))
        );
        assert!(!unrated.differ);
    }

    #[test]
    fn the_latest_rating_is_the_latest_date_and_the_later_entry_on_a_tie() {
        let mut p = Profile::new("p".into(), "P".into(), "l".into(), "dev".into());
        p.ratings
            .push(rating("x", Rater::Own, RatingLevel::Meeting, "2026-03-01"));
        p.ratings
            .push(rating("x", Rater::Own, RatingLevel::Below, "2026-01-01"));
        p.ratings.push(rating(
            "x",
            Rater::Own,
            RatingLevel::Exceeding,
            "2026-03-01",
        ));
        assert_eq!(
            latest(&p, "x", Rater::Own).map(|r| r.level),
            Some(RatingLevel::Exceeding)
        );
        assert_eq!(latest(&p, "x", Rater::Manager), None);
    }

    #[test]
    fn a_gap_reads_in_steps_and_showing_more_than_asked_is_none() {
        let gap = |expected_there: u8, shows: u8| Gap {
            competency: "x".into(),
            name: "X".into(),
            expected_now: 2,
            expected_there,
            rating: None,
            shows,
        };
        assert_eq!((gap(4, 2).words(), gap(4, 2).mark()), ("2".into(), "▲"));
        assert_eq!((gap(3, 2).words(), gap(3, 2).mark()), ("1".into(), "△"));
        // Showing more than the role asks is no gap, but the steps say by how much.
        assert_eq!((gap(2, 3).words(), gap(2, 3).mark()), ("none".into(), "✓"));
        assert_eq!((gap(2, 3).steps(), gap(2, 3).size()), (-1, 0));
    }

    #[test]
    fn a_rating_moves_what_the_person_shows_within_the_scale() {
        assert_eq!(shows(3, None), 3);
        assert_eq!(shows(3, Some(RatingLevel::Below)), 1);
        assert_eq!(shows(3, Some(RatingLevel::WorkingTowards)), 2);
        assert_eq!(shows(3, Some(RatingLevel::Meeting)), 3);
        assert_eq!(shows(3, Some(RatingLevel::Exceeding)), 4);
        assert_eq!(shows(1, Some(RatingLevel::Below)), 0, "never below 0");
        assert_eq!(shows(5, Some(RatingLevel::Exceeding)), 5, "never above 5");
    }

    #[test]
    fn the_next_role_is_the_planned_one_up_else_the_same_corner() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let mut p = Profile::new(
            "p".into(),
            "P".into(),
            "it-leadership".into(),
            "sysadmin".into(),
        );
        let next = next_role(&p, &ladder).unwrap();
        assert_eq!(ladder.role_level(next), 1);
        assert_eq!(
            ladder.role_corner(next),
            ladder.role_corner(ladder.role_index("sysadmin").unwrap())
        );
        p.plan.push(crate::profile::PlanStep {
            role: "data-lead".into(),
            target_date: None,
            note: String::new(),
        });
        assert_eq!(next_role(&p, &ladder), ladder.role_index("data-lead"));
        p.current_role = "cio".into();
        assert_eq!(next_role(&p, &ladder), None, "nothing above the top");
    }
}
