//! The bundled ladder's content, as someone who coaches IT leaders reads it against the seed
//! articles: the training where seed 002 places it, mentoring both ways at every level, the
//! milestones a level cannot do without, expectations that grow with the milestones, and
//! milestones that each say something of their own.

use std::collections::HashSet;

use rungs::ladder::{BUNDLED, Ladder, MilestoneKind, load_str};
use rungs::profile::trains;

fn bundled() -> Ladder {
    load_str(BUNDLED[0].1, "bundled").unwrap()
}

fn level_of(ladder: &Ladder, milestone: &str) -> Option<String> {
    ladder
        .levels()
        .iter()
        .find(|l| l.milestones.iter().any(|m| m.id == milestone))
        .map(|l| l.id.clone())
}

#[test]
fn the_groundwork_for_the_top_job_is_a_directors_training() {
    // Seed 002 places business vision, strategic planning and organisational design before
    // the most senior roles: a director's work on them counts toward the move up.
    let ladder = bundled();
    for title in [
        "Business vision",
        "Strategic planning",
        "Organisational design",
    ] {
        let level = ladder
            .levels()
            .iter()
            .find(|l| l.milestones.iter().any(|m| m.title == title))
            .map(|l| l.id.as_str());
        assert_eq!(level, Some("director"), "{title}");
    }
}

#[test]
fn every_level_has_the_milestones_a_coach_would_look_for() {
    let ladder = bundled();
    let table: &[(&str, &[&str])] = &[
        // technical depth; a network and customers from the first level; HR told where you
        // want to go (seed 004)
        (
            "ic",
            &[
                "ic-technical-depth",
                "ic-know-other-teams",
                "ic-meet-users",
                "ic-tell-hr",
            ],
        ),
        // a project end to end, the team's technical direction, a wider network, and whether
        // a larger employer would open more corners (seed 004)
        (
            "tech-lead",
            &[
                "tl-deliver-end-to-end",
                "tl-technical-direction",
                "tl-peer-network",
                "tl-weigh-a-larger-organisation",
            ],
        ),
        (
            "manager",
            &[
                "mgr-hiring",
                "mgr-performance",
                "mgr-peer-network",
                "mgr-client-services",
            ],
        ),
        (
            "director",
            &[
                "dir-multi-team-budget",
                "dir-major-incident",
                "dir-lead-leaders",
            ],
        ),
        (
            "executive",
            &[
                "exec-board-reporting",
                "exec-ceo-partnership",
                "exec-p-and-l",
                "exec-enterprise-risk",
                "exec-external-stakeholders",
                "exec-operating-model",
            ],
        ),
    ];
    for (level, ids) in table {
        for id in *ids {
            assert_eq!(level_of(&ladder, id).as_deref(), Some(*level), "{id}");
        }
    }
}

#[test]
fn every_level_mentors_someone_and_keeps_a_mentor() {
    let ladder = bundled();
    // (level, a mentor of one's own, someone one mentors)
    let table = [
        ("ic", "ic-find-mentor", "ic-buddy-a-newcomer"),
        ("tech-lead", "tl-keep-a-mentor", "tl-mentor-someone"),
        ("manager", "mgr-be-mentored", "mgr-mentor-a-lead"),
        ("director", "dir-be-mentored", "dir-mentor-a-manager"),
        ("executive", "exec-be-mentored", "exec-succession-planning"),
    ];
    assert_eq!(table.len(), ladder.levels().len(), "every level");
    for (level, received, given) in table {
        for id in [received, given] {
            assert_eq!(level_of(&ladder, id).as_deref(), Some(level), "{id}");
            let m = ladder
                .levels()
                .iter()
                .flat_map(|l| &l.milestones)
                .find(|m| m.id == id)
                .unwrap();
            assert_eq!(m.kind, MilestoneKind::Mentoring, "{id}");
        }
    }
}

#[test]
fn expectations_grow_one_step_where_the_milestones_train_them() {
    // A level's milestones train a competency when they name it (the rule the learning path
    // uses). The level after one that trains it expects one step more, up to the top of the
    // scale; where nothing trains it, it stays; it never jumps two steps or falls.
    let ladder = bundled();
    let levels = ladder.levels();
    for c in ladder.competencies() {
        for pair in levels.windows(2) {
            let (here, next) = (&pair[0], &pair[1]);
            let now = here.expects[&c.id];
            let then = next.expects[&c.id];
            let trained = here.milestones.iter().any(|m| trains(m, &c.id, &c.name));
            let want = if trained { (now + 1).min(5) } else { now };
            assert_eq!(
                then,
                want,
                "{} from {} ({now}) to {}: {}",
                c.id,
                here.id,
                next.id,
                if trained { "trained" } else { "not trained" }
            );
        }
        let top = levels.last().unwrap().expects[&c.id];
        assert_eq!(
            top, 5,
            "{}: the top level expects the top of the scale",
            c.id
        );
    }
}

#[test]
fn each_milestone_says_something_of_its_own() {
    let ladder = bundled();
    let all: Vec<_> = ladder.levels().iter().flat_map(|l| &l.milestones).collect();
    let mut titles = HashSet::new();
    let mut summaries = HashSet::new();
    for m in &all {
        assert!(
            titles.insert(m.title.to_lowercase()),
            "two milestones called {}",
            m.title
        );
        assert!(
            summaries.insert(m.summary.to_lowercase()),
            "{} repeats a summary",
            m.id
        );
        // A summary that only asks to learn, know or understand something cannot be said to
        // be done; each says what to do.
        let first = m.summary.split_whitespace().next().unwrap_or("");
        assert!(
            !["Learn", "Know", "Understand", "Notice", "Treat"].contains(&first),
            "{}: \"{}\" says what to know, not what to do",
            m.id,
            m.summary
        );
    }
}
