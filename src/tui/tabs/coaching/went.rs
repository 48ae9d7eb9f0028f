//! What the panes of the Coaching tab tell the tab: which pane should have the keys next, and
//! what became of a key; and the looks every pane shares. Apart from the tab, so the panes
//! depend on this and the tab on them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::popups::Popup;
use crate::tui::theme::Theme;
use crate::tui::widgets::line;

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

/// `style` when `on`, else the plain style: a focused pane's border, a warning, a done item.
pub fn when(on: bool, style: Style) -> Style {
    if on { style } else { Style::default() }
}

/// A muted hint, wrapped, where a pane has nothing to show.
pub fn hint(buf: &mut Buffer, area: Rect, text: &str, theme: Theme) {
    let hint = Paragraph::new(line(text, theme.muted()));
    hint.wrap(Wrap { trim: true }).render(area, buf);
}
