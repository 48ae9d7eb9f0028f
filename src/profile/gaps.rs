//! Competency gaps to any role: where it expects more than the person shows today. What they
//! show, and which rating says so, are the rules of [`super::competence`], which the ratings
//! and the agenda use for the next role. Compare and the learning path both ask here.

use crate::ladder::{Ladder, Milestone, RoleIdx};

use super::competence::{judged_by, shows};
use super::model::{Profile, RatingLevel};

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

    /// How far the person's rating puts them below what their current role expects: the part
    /// of the gap that says something about them, not the usual step up to a higher role
    /// (where every level asks one step more, every unrated competency has that gap).
    pub fn behind(&self) -> u8 {
        self.expected_now.saturating_sub(self.shows)
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
            let rating = judged_by(profile, &c.id).map(|r| r.level);
            let gap = Gap {
                competency: c.id.clone(),
                name: c.name.clone(),
                expected_now,
                expected_there,
                rating,
                shows: shows(expected_now, rating),
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
    use crate::profile::{Rater, Rating};

    fn rating(by: Rater, level: RatingLevel, date: &str) -> Rating {
        Rating {
            seq: 0,
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
        // Tech lead expects 3, manager 4: a gap of one with no rating.
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

    #[test]
    fn compare_and_the_ratings_see_the_same_gap_to_the_next_role() {
        use crate::profile::competence::{next_role, standings};
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let levels = [
            RatingLevel::Below,
            RatingLevel::WorkingTowards,
            RatingLevel::Meeting,
            RatingLevel::Exceeding,
        ];
        for role in ["sysadmin", "dev-lead", "engineering-manager"] {
            for (i, level) in levels.into_iter().enumerate() {
                let mut p = Profile::new("p".into(), "P".into(), "l".into(), role.into());
                for c in ladder.competencies() {
                    p.ratings.push(Rating {
                        seq: 0,
                        competency: c.id.clone(),
                        by: if i % 2 == 0 {
                            Rater::Own
                        } else {
                            Rater::Manager
                        },
                        level,
                        date: "2026-01-01".parse::<Date>().unwrap(),
                        note: String::new(),
                    });
                }
                let (from, to) = (
                    ladder.role_index(role).unwrap(),
                    next_role(&p, &ladder).unwrap(),
                );
                let gaps = competency_gaps(&p, &ladder, from, to);
                for standing in standings(&p, &ladder) {
                    let compared = gaps
                        .iter()
                        .find(|g| g.competency == standing.id)
                        .map_or(0, |g| i32::from(g.size()));
                    let rated = standing.gap.map_or(0, |g| g.0.max(0));
                    assert_eq!(compared, rated, "{role}, {level:?}, {}", standing.id);
                }
            }
        }
    }
}
