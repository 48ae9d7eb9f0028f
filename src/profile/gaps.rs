//! Competency gaps to any role: where it expects more than the person shows today, each
//! measured by [`super::competence::gap`] — the one gap rule, which the ratings and the agenda
//! use for the next role. Compare and the learning path both ask here.

use crate::ladder::{Ladder, Milestone, RoleIdx};

use super::competence::{Gap, gap};
use super::model::Profile;

/// The competencies `to` expects more of than the person in role `from` shows, in the
/// ladder's order: [`gap`] for each, where there is one.
pub fn competency_gaps(profile: &Profile, ladder: &Ladder, from: RoleIdx, to: RoleIdx) -> Vec<Gap> {
    ladder
        .competencies()
        .iter()
        .filter_map(|c| gap(profile, ladder, (Some(from), to), (&c.id, &c.name)))
        .filter(|g| g.size() > 0)
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
    use crate::profile::{Rater, Rating, RatingLevel};

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
    fn a_gap_counts_from_todays_role_and_only_where_the_role_expects_more() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let role = |id: &str| ladder.role_index(id).unwrap();
        let mut p = Profile::new("p".into(), "P".into(), "l".into(), "dev-lead".into());
        // Two levels up: a tech lead (leadership 3) to a director (5), unrated, is two steps.
        let to_director =
            competency_gaps(&p, &ladder, role("dev-lead"), role("director-engineering"));
        let leadership = to_director
            .iter()
            .find(|g| g.competency == "leadership")
            .unwrap();
        assert_eq!(
            (
                leadership.expected_now,
                leadership.expected_there,
                leadership.size()
            ),
            (3, 5, 2)
        );
        // In the ladder's order.
        let order: Vec<&str> = ladder
            .competencies()
            .iter()
            .map(|c| c.id.as_str())
            .filter(|id| to_director.iter().any(|g| g.competency == *id))
            .collect();
        let got: Vec<&str> = to_director.iter().map(|g| g.competency.as_str()).collect();
        assert_eq!(got, order);
        // A move down expects no more: no gaps, whatever the ratings.
        assert!(competency_gaps(&p, &ladder, role("dev-lead"), role("developer")).is_empty());
        // Exceeding today's role closes one step, not two.
        p.ratings
            .push(rating(Rater::Own, RatingLevel::Exceeding, "2026-01-01"));
        let to_director =
            competency_gaps(&p, &ladder, role("dev-lead"), role("director-engineering"));
        let leadership = to_director
            .iter()
            .find(|g| g.competency == "leadership")
            .unwrap();
        assert_eq!((leadership.shows, leadership.size()), (4, 1));
        assert_eq!(leadership.rating, Some(RatingLevel::Exceeding));
    }
}
