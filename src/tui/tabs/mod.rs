//! The tabs. Each one is a room of its own: its state, its keys and its drawing sit together in
//! one module, and it sees only the shared context — never the app. Adding a tab is one module
//! and one line in [`all`].

mod coaching;
mod ladder;
mod milestones;
mod plan;
mod profile;

use super::tab::Tab;

/// Every tab, in order. Tab 4 (coaching) comes between milestones and profile.
pub fn all() -> Vec<Box<dyn Tab>> {
    vec![
        Box::new(ladder::LadderTab::default()),
        Box::new(plan::PlanTab::default()),
        Box::new(milestones::MilestonesTab::default()),
        Box::new(coaching::CoachingTab::default()),
        Box::new(profile::ProfileTab::default()),
    ]
}
