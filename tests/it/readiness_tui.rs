//! Readiness in the planner, drawn as the domain counts it: the Ladder tab's details pane for
//! the selected role, the Milestones tab's gauge and the marks on what it counts, the Plan
//! tab's line per step and for the target.

use crate::common;

use common::planner::*;
use insta::assert_snapshot;
use ratatui::crossterm::event::KeyCode;
use rungs::ladder::{BUNDLED, Ladder, load_str};
use rungs::profile;
use rungs::tui::App;

fn bundled() -> Ladder {
    load_str(BUNDLED[0].1, "bundled").unwrap()
}

fn level_of(ladder: &Ladder, role: &str) -> usize {
    ladder.role_level(ladder.role_index(role).unwrap())
}

/// The screen with its lines joined, so a phrase the details pane wrapped still reads whole:
/// the pane's text only, each row from the column `left` on, trimmed.
fn pane_text(app: &App, left: usize) -> String {
    screen(app)
        .lines()
        .filter_map(|line| {
            let cells: Vec<char> = line.trim_matches('"').chars().collect();
            let row: String = cells.get(left..)?.iter().collect();
            // The border, or the scrollbar's thumb on it.
            Some(
                row.trim_matches(|c| matches!(c, '│' | '█' | '▲' | '▼' | ' '))
                    .to_string(),
            )
        })
        .filter(|row| !row.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The title of the person's current role, as the search finds it.
fn person_title(ladder: &Ladder, person: &profile::Profile) -> String {
    let role = ladder.role_index(&person.current_role).unwrap();
    ladder.role(role).title.to_lowercase().to_string()
}

/// Selects the role titled `title` on the Ladder tab, the details pane showing.
fn details_of(app: &mut App, title: &str) -> String {
    keys(app, &format!("/{title}"));
    press(app, KeyCode::Esc);
    let (width, _) = app.size();
    // The pane is 40 columns at the right.
    pane_text(app, usize::from(width) - 40)
}

#[test]
fn the_details_pane_shows_readiness_for_the_selected_role_and_what_it_counts() {
    let ladder = bundled();
    let person = fixture_profile();
    for (width, height) in [(80, 24), (120, 40)] {
        let (mut app, _dir) = app_with_profile(width, height);
        press(&mut app, KeyCode::Enter);
        // Two levels up: the training of the level held and of the one between.
        let director =
            profile::readiness_for(&person, &ladder, level_of(&ladder, "director-engineering"))
                .unwrap();
        let shown = details_of(&mut app, "director of engineering");
        for expected in [
            director.label(&ladder),
            director.progress.fraction(),
            format!("counts {}", director.counts(&ladder)),
        ] {
            assert!(shown.contains(&expected), "{expected:?} in {shown:?}");
        }
        assert!(
            shown.contains("Tech lead and Manager milestones"),
            "{shown}"
        );
        assert_snapshot!(format!("details_director_{width}x{height}"), screen(&app));

        // Their own role: readiness for the next level, as `profile show` gives it.
        let next = profile::readiness(&person, &ladder).unwrap();
        let shown = details_of(&mut app, &person_title(&ladder, &person));
        assert!(shown.contains(&next.label(&ladder)), "{shown}");
        assert!(shown.contains(&next.progress.fraction()), "{shown}");

        // Across at the level held, as compare and the Plan tab say: no new training.
        let shown = details_of(&mut app, "infrastructure lead");
        assert!(!shown.contains("readiness"), "{shown}");
        assert!(
            shown.contains("no new training: not above your level"),
            "{shown}"
        );
        assert!(shown.contains("progress at Tech lead"), "{shown}");
        assert_snapshot!(format!("details_same_level_{width}x{height}"), screen(&app));

        // Below it there is nothing to be ready for; the level's own progress still shows.
        let shown = details_of(&mut app, "systems engineer");
        assert!(!shown.contains("readiness"), "{shown}");
        assert!(shown.contains("no new training"), "{shown}");
        assert!(
            shown.contains("progress at Individual contributor"),
            "{shown}"
        );
    }
}

#[test]
fn the_milestones_gauge_says_what_it_counts_and_marks_each_milestone_it_counts() {
    let ladder = bundled();
    let person = fixture_profile();
    let r = profile::readiness(&person, &ladder).unwrap();
    let (mut app, _dir) = app_with_profile(120, 40);
    keys(&mut app, "3");
    let shown = screen(&app);
    // The gauge's label, then the bar (drawn by ratatui's LineGauge) filled as far as the
    // percentage says.
    let label = format!("{} {} ", r.label(&ladder), r.progress.fraction());
    let row = shown
        .lines()
        .find(|l| l.contains(&label))
        .unwrap_or_else(|| panic!("{label:?}\n{shown}"));
    let bar = &row[row.find(&label).unwrap() + label.len()..];
    let filled = bar.chars().take_while(|&c| c == '▓').count();
    let cells = filled + bar.chars().skip(filled).take_while(|&c| c == '░').count();
    assert!(cells >= 10, "{row}");
    assert_eq!(
        filled,
        cells * usize::from(r.progress.percent()) / 100,
        "{row}"
    );
    assert!(row.contains("▸ marks what it counts"), "{row}");
    assert!(
        shown.contains(&format!("counts {}", r.counts(&ladder))),
        "{shown}"
    );
    // Each level's own figure is its progress, never called readiness.
    assert!(shown.contains("Tech lead  progress "), "{shown}");
    assert_eq!(shown.matches("readiness").count(), 1, "{shown}");
    let mut checked = 0;
    for (level, def) in ladder.levels().iter().enumerate() {
        for (i, m) in def.milestones.iter().enumerate() {
            let status = person.status_of(&m.id).mark();
            let Some(line) = shown
                .lines()
                .find(|l| l.contains(&format!("{status} {}  (", m.title)))
            else {
                continue;
            };
            let marked = line.contains(&format!("▸ {status} {}", m.title));
            assert_eq!(
                marked,
                r.counts_milestone(level, i),
                "{:?} on {line}",
                m.title
            );
            checked += 1;
        }
    }
    // Done and open Individual-contributor training, the tech-lead training, and some of the
    // manager's, which does not count yet.
    assert!(checked >= 20, "{checked} milestones on screen\n{shown}");
}

#[test]
fn the_plan_gives_each_step_its_readiness_and_the_target_its_own_with_what_they_count() {
    let ladder = bundled();
    let person = fixture_profile();
    let (mut app, _dir) = app_with_profile(120, 40);
    keys(&mut app, "2");
    let shown = screen(&app);
    let lines: Vec<&str> = shown.lines().collect();
    assert!(!person.plan.is_empty(), "the fixture has a plan");
    for step in &person.plan {
        let role = ladder.role_index(&step.role).unwrap();
        let r = profile::readiness_for(&person, &ladder, ladder.role_level(role)).unwrap();
        let at = lines
            .iter()
            .position(|l| l.contains(ladder.role(role).title.as_str()))
            .unwrap_or_else(|| panic!("{} listed\n{shown}", step.role));
        let expected = format!(
            "readiness {} — {}",
            r.progress.fraction(),
            r.summary(&ladder)
        );
        assert!(
            lines[at + 1].contains(&expected),
            "{expected:?} under {}\n{shown}",
            step.role
        );
    }
    let breadth = profile::breadth(&person, &ladder);
    assert!(
        shown.contains(&breadth.business_facing_line().unwrap()),
        "{shown}"
    );
    // Wrapped lines read whole once joined.
    let joined = shown
        .lines()
        .map(|l| l.trim_matches(|c| c == '"' || c == '│' || c == ' '))
        .collect::<Vec<_>>()
        .join(" ");
    let next = profile::readiness(&person, &ladder).unwrap();
    assert!(
        joined.contains(&rungs::export::readiness_line(&next, &ladder)),
        "{joined}"
    );
    let target = ladder
        .role_index(person.target_role.as_deref().unwrap())
        .unwrap();
    let far = profile::readiness_for(&person, &ladder, ladder.role_level(target)).unwrap();
    assert!(
        joined.contains(&format!(
            "★ {}",
            rungs::export::readiness_line(&far, &ladder)
        )),
        "{joined}"
    );
}
