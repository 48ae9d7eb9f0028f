//! What the panes of the Coaching tab tell the tab: which pane should have the keys next, and
//! what became of a key; and the looks every pane shares. Apart from the tab, so the panes
//! depend on this and the tab on them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::tui::keymap::{Binding, KeySection, Keymap};
use crate::tui::popups::Popup;
use crate::tui::theme::Theme;
use crate::tui::widgets::field::TextField;
use crate::tui::widgets::{line, list};

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

/// A list pane's keys, for its footer and the help: the cursor keys, then the pane's `own`.
pub fn list_keys<A>(
    keymap: &Keymap,
    title: &'static str,
    scope: &str,
    own: &[Binding<A>],
) -> KeySection {
    let cursor = keymap.section(title, scope, list::CURSOR_KEYS);
    cursor.then(keymap.section(title, scope, own))
}

/// What is typed after `/` (a search, a filter) on the first line of `area`, after a "/ ".
pub fn typed(buf: &mut Buffer, area: Rect, field: &TextField, theme: Theme) {
    let row = Rect {
        height: area.height.min(1),
        ..area
    };
    let [slash, typed] = row.layout(&Layout::horizontal([
        Constraint::Length(2),
        Constraint::Fill(1),
    ]));
    line("/ ", theme.heading()).render(slash, buf);
    field.draw(buf, typed);
}
