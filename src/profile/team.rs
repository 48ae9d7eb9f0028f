//! Team coverage: every report against every competency of their ladder — the rating it is
//! judged by against what their next role expects — and the gaps several people share, with
//! the ladder's milestones that train them: training to arrange once for all of them.
//!
//! The next role is [`competence::next_role`], the rating [`competence::judged_by`] and the
//! gap [`competency_gaps`], as `rungs ratings` and compare show them.

use std::sync::Arc;

use crate::ladder::{Ladder, LevelIdx, RoleIdx};

use super::bench::Member;
use super::competence::{judged_by, next_role};
use super::gaps::{competency_gaps, trains};
use super::model::{Rater, RatingLevel};

/// A gap is the team's when at least this many people have it.
pub const SHARED_BY: usize = 2;

/// One person × one competency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The rating it is judged by (the manager's latest, else the person's own), and whose.
    pub rating: Option<(RatingLevel, Rater)>,
    /// What the next role expects, 1..5; `None` where it expects nothing.
    pub expected: Option<u8>,
    /// Steps of the expectation scale missing (0: none).
    pub gap: u8,
}

impl Cell {
    /// The cell as `rungs team` and the planner's Team view show it: the rating's initial (B,
    /// W, M, E; `·` none) and the gap — `✓` none, `△1` one step, `▲2` more; `–` where the next
    /// role expects nothing.
    pub fn marks(&self) -> (&'static str, String) {
        let rating = self.rating.map_or("·", |(level, _)| match level {
            RatingLevel::Below => "B",
            RatingLevel::WorkingTowards => "W",
            RatingLevel::Meeting => "M",
            RatingLevel::Exceeding => "E",
        });
        let gap = match (self.expected, self.gap) {
            (None, _) => "–".to_string(),
            (Some(_), 0) => "✓".to_string(),
            (Some(_), 1) => "△1".to_string(),
            (Some(_), n) => format!("▲{n}"),
        };
        (rating, gap)
    }
}

/// One person's line of the grid: a cell per competency of the ladder, in its order.
#[derive(Debug, Clone)]
pub struct Line {
    /// Index into the members given.
    pub member: usize,
    pub current: Option<RoleIdx>,
    pub next: Option<RoleIdx>,
    pub cells: Vec<Cell>,
}

/// A gap several people share.
#[derive(Debug, Clone)]
pub struct Shared {
    /// Index into the ladder's competencies.
    pub competency: usize,
    /// The members who have it.
    pub members: Vec<usize>,
    /// Milestones that train it (the title, summary or id names it) at the levels those people
    /// hold — the training they do now — or, where none does, at any level: `(level, index)`.
    pub training: Vec<(LevelIdx, usize)>,
}

/// The coverage of the members on one ladder.
#[derive(Debug, Clone)]
pub struct Coverage {
    pub ladder: Arc<Ladder>,
    pub lines: Vec<Line>,
    /// Widest shared first.
    pub shared: Vec<Shared>,
}

/// The coverage of `members`, one per ladder they use, in the order the ladders first appear.
pub fn coverage(members: &[Member]) -> Vec<Coverage> {
    let mut all: Vec<Coverage> = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let at = match all.iter().position(|c| Arc::ptr_eq(&c.ladder, &m.ladder)) {
            Some(at) => at,
            None => {
                all.push(Coverage {
                    ladder: m.ladder.clone(),
                    lines: Vec::new(),
                    shared: Vec::new(),
                });
                all.len() - 1
            }
        };
        all[at].lines.push(line(i, m));
    }
    for c in &mut all {
        c.shared = shared(c);
    }
    all
}

fn line(i: usize, m: &Member) -> Line {
    let (p, ladder) = (&m.profile, &*m.ladder);
    let current = ladder.role_index(&p.current_role);
    let next = next_role(p, ladder);
    let gaps = match (current, next) {
        (Some(from), Some(to)) => competency_gaps(p, ladder, from, to),
        _ => Vec::new(),
    };
    let cells = ladder
        .competencies()
        .iter()
        .map(|c| Cell {
            rating: judged_by(p, &c.id).map(|r| (r.level, r.by)),
            expected: next.and_then(|n| ladder.expects_of(n, &c.id)),
            gap: gaps
                .iter()
                .find(|g| g.competency == c.id)
                .map_or(0, |g| g.size()),
        })
        .collect();
    Line {
        member: i,
        current,
        next,
        cells,
    }
}

fn shared(c: &Coverage) -> Vec<Shared> {
    let ladder = &c.ladder;
    let mut shared: Vec<Shared> = ladder
        .competencies()
        .iter()
        .enumerate()
        .filter_map(|(k, comp)| {
            let with_gap: Vec<&Line> = c.lines.iter().filter(|l| l.cells[k].gap > 0).collect();
            if with_gap.len() < SHARED_BY {
                return None;
            }
            let held: Vec<LevelIdx> = with_gap
                .iter()
                .filter_map(|l| l.current.map(|r| ladder.role_level(r)))
                .collect();
            let trained_at = |only_held: bool| -> Vec<(LevelIdx, usize)> {
                ladder
                    .levels()
                    .iter()
                    .enumerate()
                    .filter(|(level, _)| !only_held || held.contains(level))
                    .flat_map(|(level, l)| {
                        l.milestones
                            .iter()
                            .enumerate()
                            .filter(|(_, m)| trains(m, &comp.id, &comp.name))
                            .map(move |(i, _)| (level, i))
                    })
                    .collect()
            };
            let mut training = trained_at(true);
            if training.is_empty() {
                training = trained_at(false);
            }
            Some(Shared {
                competency: k,
                members: with_gap.iter().map(|l| l.member).collect(),
                training,
            })
        })
        .collect();
    shared.sort_by_key(|s| std::cmp::Reverse(s.members.len()));
    shared
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Date;
    use crate::ladder::{BUNDLED, load_str};
    use crate::profile::{Profile, Rating};

    fn member(ladder: &Arc<Ladder>, name: &str, role: &str) -> Member {
        let p = Profile::new(
            crate::text::slug(name),
            name.into(),
            "it-leadership".into(),
            role.into(),
        );
        Member {
            id: p.id.clone(),
            profile: p,
            ladder: ladder.clone(),
        }
    }

    #[test]
    fn a_gap_two_people_have_is_shared_with_the_training_for_it() {
        let ladder = Arc::new(load_str(BUNDLED[0].1, "bundled").unwrap());
        let mut a = member(&ladder, "A", "dev-lead");
        let b = member(&ladder, "B", "infra-lead");
        let mut c = member(&ladder, "C", "dev-lead");
        // C exceeds in every competency: no gap anywhere.
        for comp in ladder.competencies() {
            c.profile.ratings.push(Rating {
                seq: 0,
                competency: comp.id.clone(),
                by: Rater::Manager,
                level: RatingLevel::Exceeding,
                date: "2026-01-01".parse::<Date>().unwrap(),
                note: String::new(),
            });
        }
        a.profile.ratings.push(Rating {
            seq: 0,
            competency: "leadership".into(),
            by: Rater::Own,
            level: RatingLevel::Below,
            date: "2026-01-01".parse::<Date>().unwrap(),
            note: String::new(),
        });
        let all = coverage(&[a, b, c]);
        assert_eq!(all.len(), 1);
        let cov = &all[0];
        let k = ladder
            .competencies()
            .iter()
            .position(|c| c.id == "leadership")
            .unwrap();
        assert_eq!(
            cov.lines[0].cells[k].rating,
            Some((RatingLevel::Below, Rater::Own))
        );
        assert!(cov.lines[0].cells[k].gap > cov.lines[1].cells[k].gap);
        assert!(cov.lines[2].cells.iter().all(|cell| cell.gap == 0));
        let leadership = cov.shared.iter().find(|s| s.competency == k).unwrap();
        assert_eq!(leadership.members, [0, 1], "C has no gap");
        assert!(cov.shared.iter().all(|s| !s.members.contains(&2)));
        for &(level, i) in &leadership.training {
            assert!(trains(
                &ladder.levels()[level].milestones[i],
                "leadership",
                "Leadership"
            ));
        }
    }
}
