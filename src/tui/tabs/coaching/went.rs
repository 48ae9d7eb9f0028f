//! What the panes of the Coaching tab tell the tab: which pane should have the keys next, and
//! what became of a key. Apart from the tab, so the panes depend on this and the tab on them.

use crate::tui::popups::Popup;

/// Which pane has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Roster,
    Sessions,
    Session,
}

/// What a pane made of a key.
pub enum Went {
    Ignored,
    Handled,
    Popup(Popup),
    To(Focus),
    /// Open the session with this id.
    Session(String),
    /// Open this person and then today's 1:1 with them (started if there is none).
    StartFor(String),
}
