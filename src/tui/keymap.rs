//! Key bindings as data. The same table decides what a key does, fills the footer and lists
//! every key in the help overlay, so the three can never disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Global,
    Ladder,
    Plan,
    Milestones,
    Profile,
}

/// Everything a key can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    Help,
    NextTab,
    PrevTab,
    GoTab(usize),
    Undo,
    Up,
    Down,
    Left,
    Right,
    Details,
    SetCurrent,
    SetTarget,
    AddToPlan,
    AutoPlan,
    NextAlternative,
    Diff,
    Search,
    MoveStepUp,
    MoveStepDown,
    DeleteStep,
    Edit,
    CycleStatus,
    ToggleFilter,
    Add,
}

/// One key binding: the keys, what they do, and how the footer and help name them.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub scope: Scope,
    pub keys: &'static [Key],
    pub action: Action,
    /// How the keys are written in the footer and help.
    pub label: &'static str,
    /// The footer's word for it.
    pub short: &'static str,
    pub help: &'static str,
    /// Whether the footer shows it (help always does).
    pub in_footer: bool,
}

/// A key without modifiers other than shift (which the character already carries).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
}

const fn b(
    scope: Scope,
    keys: &'static [Key],
    action: Action,
    label: &'static str,
    short: &'static str,
    help: &'static str,
    in_footer: bool,
) -> Binding {
    Binding {
        scope,
        keys,
        action,
        label,
        short,
        help,
        in_footer,
    }
}

use Action as A;
use Key::{Char as C, Code};
use Scope as S;

pub const BINDINGS: &[Binding] = &[
    b(
        S::Ladder,
        &[
            Code(KeyCode::Left),
            Code(KeyCode::Right),
            Code(KeyCode::Up),
            Code(KeyCode::Down),
            C('h'),
            C('j'),
            C('k'),
            C('l'),
        ],
        A::Up,
        "←↓↑→",
        "move",
        "move between roles (also h j k l)",
        true,
    ),
    b(
        S::Ladder,
        &[Code(KeyCode::Enter)],
        A::Details,
        "⏎",
        "details",
        "show or hide the details of the selected role",
        true,
    ),
    b(
        S::Ladder,
        &[C('c')],
        A::SetCurrent,
        "c",
        "current",
        "make the selected role your current role",
        true,
    ),
    b(
        S::Ladder,
        &[C('t')],
        A::SetTarget,
        "t",
        "target",
        "make the selected role your target",
        true,
    ),
    b(
        S::Ladder,
        &[C('a')],
        A::AddToPlan,
        "a",
        "add to plan",
        "add the selected role to the end of the plan",
        true,
    ),
    b(
        S::Ladder,
        &[C('p')],
        A::AutoPlan,
        "p",
        "auto-plan",
        "plan the best path from current role to target",
        true,
    ),
    b(
        S::Ladder,
        &[C('n')],
        A::NextAlternative,
        "n",
        "next path",
        "next alternative path",
        true,
    ),
    b(
        S::Ladder,
        &[C('d')],
        A::Diff,
        "d",
        "diff",
        "what changes from your current role to the selected one",
        true,
    ),
    b(
        S::Ladder,
        &[C('/')],
        A::Search,
        "/",
        "search",
        "search role titles (⏎ next match, Esc done)",
        true,
    ),
    b(
        S::Plan,
        &[Code(KeyCode::Up), Code(KeyCode::Down), C('j'), C('k')],
        A::Up,
        "↑↓",
        "select",
        "select a step",
        true,
    ),
    b(
        S::Plan,
        &[C('K')],
        A::MoveStepUp,
        "K",
        "earlier",
        "move the step earlier",
        true,
    ),
    b(
        S::Plan,
        &[C('J')],
        A::MoveStepDown,
        "J",
        "later",
        "move the step later",
        true,
    ),
    b(
        S::Plan,
        &[C('x')],
        A::DeleteStep,
        "x",
        "delete",
        "delete the step",
        true,
    ),
    b(
        S::Plan,
        &[C('e')],
        A::Edit,
        "e",
        "edit",
        "edit the step's target date and note",
        true,
    ),
    b(
        S::Plan,
        &[C('p')],
        A::AutoPlan,
        "p",
        "re-plan",
        "re-plan from current role to target",
        true,
    ),
    b(
        S::Milestones,
        &[Code(KeyCode::Up), Code(KeyCode::Down), C('j'), C('k')],
        A::Up,
        "↑↓",
        "select",
        "select a milestone",
        true,
    ),
    b(
        S::Milestones,
        &[C(' ')],
        A::CycleStatus,
        "space",
        "status",
        "todo → doing → done",
        true,
    ),
    b(
        S::Milestones,
        &[C('e')],
        A::Edit,
        "e",
        "evidence",
        "edit the evidence note and due date",
        true,
    ),
    b(
        S::Milestones,
        &[C('f')],
        A::ToggleFilter,
        "f",
        "filter",
        "only my current and next level / all levels",
        true,
    ),
    b(
        S::Profile,
        &[Code(KeyCode::Up), Code(KeyCode::Down), C('j'), C('k')],
        A::Up,
        "↑↓",
        "select",
        "select an entry",
        true,
    ),
    b(
        S::Profile,
        &[Code(KeyCode::Left), Code(KeyCode::Right), C('h'), C('l')],
        A::Left,
        "←→",
        "section",
        "history · mentors · mentees · evidence",
        true,
    ),
    b(
        S::Profile,
        &[C('a')],
        A::Add,
        "a",
        "add",
        "add a past role, mentor, mentee or evidence entry",
        true,
    ),
    b(
        S::Global,
        &[C('1'), C('2'), C('3'), C('5')],
        A::GoTab(0),
        "1 2 3 5",
        "tab",
        "switch tab",
        false,
    ),
    b(
        S::Global,
        &[Code(KeyCode::Tab)],
        A::NextTab,
        "Tab",
        "next tab",
        "next tab",
        false,
    ),
    b(
        S::Global,
        &[Code(KeyCode::BackTab)],
        A::PrevTab,
        "⇧Tab",
        "previous tab",
        "previous tab",
        false,
    ),
    b(
        S::Global,
        &[C('u')],
        A::Undo,
        "u",
        "undo",
        "undo the last change",
        true,
    ),
    b(
        S::Global,
        &[C('?')],
        A::Help,
        "?",
        "help",
        "this help (Esc or ? closes it)",
        true,
    ),
    b(
        S::Global,
        &[C('q')],
        A::Quit,
        "q",
        "quit",
        "quit (Esc first in a popup or a field)",
        true,
    ),
    b(
        S::Global,
        &[Key::Ctrl('c')],
        A::Quit,
        "^C",
        "quit",
        "quit at once, from anywhere",
        false,
    ),
];

impl Key {
    fn matches(self, event: &KeyEvent) -> bool {
        match self {
            Key::Char(c) => {
                event.code == KeyCode::Char(c)
                    && !event
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            }
            Key::Ctrl(c) => {
                event.code == KeyCode::Char(c) && event.modifiers.contains(KeyModifiers::CONTROL)
            }
            Key::Code(code) => event.code == code,
        }
    }
}

/// The action a key asks for in `scope` (checked before the global bindings).
pub fn action_for(scope: Scope, event: &KeyEvent) -> Option<Action> {
    for binding in BINDINGS
        .iter()
        .filter(|b| b.scope == scope)
        .chain(BINDINGS.iter().filter(|b| b.scope == Scope::Global))
    {
        if let Some(key) = binding.keys.iter().find(|k| k.matches(event)) {
            return Some(refine(binding.action, *key));
        }
    }
    None
}

/// Bindings that share a row (the four arrows, the tab digits) are told apart here.
fn refine(action: Action, key: Key) -> Action {
    match (action, key) {
        (A::Up | A::Left, Code(KeyCode::Down) | C('j')) => A::Down,
        (A::Up | A::Left, Code(KeyCode::Left) | C('h')) => A::Left,
        (A::Up | A::Left, Code(KeyCode::Right) | C('l')) => A::Right,
        (A::Left, Code(KeyCode::Up) | C('k')) => A::Up,
        (A::GoTab(_), C(d)) => A::GoTab(d.to_digit(10).map_or(1, |d| d as usize)),
        (action, _) => action,
    }
}

/// The bindings the footer shows for `scope`, then the global ones.
pub fn footer(scope: Scope) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.in_footer && b.scope == scope)
        .chain(
            BINDINGS
                .iter()
                .filter(|b| b.in_footer && b.scope == Scope::Global),
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn arrows_and_vim_keys_map_to_directions() {
        assert_eq!(
            action_for(Scope::Ladder, &key(KeyCode::Char('j'))),
            Some(A::Down)
        );
        assert_eq!(
            action_for(Scope::Ladder, &key(KeyCode::Left)),
            Some(A::Left)
        );
        assert_eq!(
            action_for(Scope::Ladder, &key(KeyCode::Char('l'))),
            Some(A::Right)
        );
        assert_eq!(action_for(Scope::Ladder, &key(KeyCode::Up)), Some(A::Up));
        assert_eq!(
            action_for(Scope::Profile, &key(KeyCode::Char('h'))),
            Some(A::Left)
        );
        assert_eq!(
            action_for(Scope::Profile, &key(KeyCode::Char('k'))),
            Some(A::Up)
        );
    }

    #[test]
    fn scoped_keys_win_over_global_ones_and_tabs_are_numbered() {
        assert_eq!(
            action_for(Scope::Plan, &key(KeyCode::Char('p'))),
            Some(A::AutoPlan)
        );
        assert_eq!(
            action_for(Scope::Plan, &key(KeyCode::Char('3'))),
            Some(A::GoTab(3))
        );
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(action_for(Scope::Ladder, &ctrl_c), Some(A::Quit));
        assert_eq!(
            action_for(Scope::Ladder, &key(KeyCode::Char('c'))),
            Some(A::SetCurrent)
        );
    }
}

#[cfg(test)]
mod readme_tests {
    #[test]
    fn the_readme_lists_every_key_binding() {
        let readme = include_str!("../../README.md");
        for binding in super::BINDINGS {
            let row = format!("| `{}` | {} |", binding.label, binding.help);
            assert!(readme.contains(&row), "README.md lacks the row {row}");
        }
    }
}
