//! Competency gaps: where a role expects more than the person shows today. What they show is
//! their current role's expectation, moved by their latest rating (the manager's if there is
//! one, else their own): exceeding +1, meeting ±0, working towards −1, below −2; with no rating
//! it is the current role's expectation. Compare and the learning path both ask here.

use crate::ladder::{Ladder, Milestone, RoleIdx};

use super::model::{Profile, Rater, Rating, RatingLevel};

/// One competency the role expects more of than the person shows.
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
    /// How many steps of the scale are missing.
    pub fn size(&self) -> u8 {
        self.expected_there.saturating_sub(self.shows)
    }
}

/// The rating a competency is judged by: the manager's latest, else the person's own latest.
pub fn latest_rating<'p>(profile: &'p Profile, competency: &str) -> Option<&'p Rating> {
    let latest = |by: Rater| {
        profile
            .ratings
            .iter()
            .filter(|r| r.competency == competency && r.by == by)
            .max_by_key(|r| r.date)
    };
    latest(Rater::Manager).or_else(|| latest(Rater::Own))
}

/// How far a rating moves what the person shows from the current role's expectation.
fn shift(level: RatingLevel) -> i16 {
    match level {
        RatingLevel::Below => -2,
        RatingLevel::WorkingTowards => -1,
        RatingLevel::Meeting => 0,
        RatingLevel::Exceeding => 1,
    }
}

/// The competencies `to` expects more of than the person in role `from` shows, in the
/// ladder's order.
pub fn competency_gaps(profile: &Profile, ladder: &Ladder, from: RoleIdx, to: RoleIdx) -> Vec<Gap> {
    ladder
        .competencies()
        .iter()
        .filter_map(|c| {
            let expected_there = ladder.expects_of(to, &c.id)?;
            let expected_now = ladder.expects_of(from, &c.id).unwrap_or(0);
            let rating = latest_rating(profile, &c.id).map(|r| r.level);
            let shows = (i16::from(expected_now) + rating.map_or(0, shift)).clamp(0, 5) as u8;
            let gap = Gap {
                competency: c.id.clone(),
                name: c.name.clone(),
                expected_now,
                expected_there,
                rating,
                shows,
            };
            (gap.size() > 0).then_some(gap)
        })
        .collect()
}

/// Whether milestone `m` trains competency `id` named `name`: its id holds the competency's
/// id, or its title or summary names it.
pub fn trains(m: &Milestone, id: &str, name: &str) -> bool {
    let name = name.trim().to_lowercase();
    m.id.contains(id)
        || (!name.is_empty()
            && (m.title.to_lowercase().contains(&name) || m.summary.to_lowercase().contains(&name)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::ladder::{BUNDLED, load_str};

    fn rating(by: Rater, level: RatingLevel, date: &str) -> Rating {
        Rating {
            competency: "leadership".into(),
            by,
            level,
            date: date.parse::<Date>().unwrap(),
            note: String::new(),
        }
    }

    #[test]
    fn the_managers_latest_rating_moves_what_the_person_shows() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let lead = ladder.role_index("dev-lead").unwrap();
        let manager = ladder.role_index("engineering-manager").unwrap();
        let mut p = Profile::new("p".into(), "P".into(), "l".into(), "dev-lead".into());
        let leadership = |p: &Profile| {
            competency_gaps(p, &ladder, lead, manager)
                .into_iter()
                .find(|g| g.competency == "leadership")
        };
        // Tech lead expects 2, manager 3: a gap of one with no rating.
        assert_eq!(leadership(&p).map(|g| g.size()), Some(1));
        p.ratings
            .push(rating(Rater::Own, RatingLevel::Exceeding, "2026-01-01"));
        assert_eq!(leadership(&p), None, "exceeding closes it");
        p.ratings
            .push(rating(Rater::Manager, RatingLevel::Below, "2025-06-01"));
        assert_eq!(
            leadership(&p).map(|g| g.size()),
            Some(3),
            "the manager's word counts"
        );
        p.ratings
            .push(rating(Rater::Manager, RatingLevel::Meeting, "2026-02-01"));
        assert_eq!(leadership(&p).map(|g| g.size()), Some(1), "the latest one");
    }
}
