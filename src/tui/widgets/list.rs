//! A list with a cursor, scrolled so the cursor always shows, and the keys that move the cursor
//! — the same in every list. [`render`] draws one as ratatui's [`List`] with a [`ListState`].
//! The same [`Step`]s scroll text ([`scroll`]): a cursor over the first lines shown.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

use ratatui::widgets::{List, ListItem, ListState, StatefulWidget};

use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::theme::Theme;

/// Where a cursor key moves the cursor, or a scroll key the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

use Key::{Char as C, Code};

pub const CURSOR_KEYS: &[Binding<Step>] = &[
    bind(
        "up",
        &[Code(KeyCode::Up), C('k')],
        Step::Up,
        "select the line above",
        Footer::Group("↑↓", "select"),
    ),
    bind(
        "down",
        &[Code(KeyCode::Down), C('j')],
        Step::Down,
        "select the line below",
        Footer::Hidden,
    ),
    bind(
        "page-up",
        &[Code(KeyCode::PageUp)],
        Step::PageUp,
        "up a page",
        Footer::Hidden,
    ),
    bind(
        "page-down",
        &[Code(KeyCode::PageDown)],
        Step::PageDown,
        "down a page",
        Footer::Hidden,
    ),
    bind(
        "first",
        &[Code(KeyCode::Home), C('g')],
        Step::Top,
        "the first line",
        Footer::Hidden,
    ),
    bind(
        "last",
        &[Code(KeyCode::End), C('G')],
        Step::Bottom,
        "the last line",
        Footer::Hidden,
    ),
];

/// The cursor after `step` in a list of `len` lines, `page` of which show at a time.
pub fn step(cursor: usize, len: usize, step: Step, page: usize) -> usize {
    let last = len.saturating_sub(1);
    let page = page.max(1);
    let cursor = cursor.min(last);
    match step {
        Step::Up => cursor.saturating_sub(1),
        Step::Down => (cursor + 1).min(last),
        Step::PageUp => cursor.saturating_sub(page),
        Step::PageDown => (cursor + page).min(last),
        Step::Top => 0,
        Step::Bottom => last,
    }
}

/// The first line shown after `step` over `lines` lines of text, `page` of which show: a
/// cursor over the first lines that leave no room below the last.
pub fn scroll(offset: usize, step: Step, lines: usize, page: usize) -> usize {
    self::step(offset, lines.saturating_sub(page) + 1, step, page)
}

/// How many lines of a list show in a framed `body` (a page, for PgUp and PgDn).
pub fn page(body: Rect) -> usize {
    usize::from(body.height.saturating_sub(3))
}

/// What the mouse wheel does to a list's cursor.
pub fn wheel(mouse: &MouseEvent) -> Option<Step> {
    match mouse.kind {
        MouseEventKind::ScrollUp => Some(Step::Up),
        MouseEventKind::ScrollDown => Some(Step::Down),
        _ => None,
    }
}

/// A list's keys, for its footer and the help: the cursor keys, then the list's `own`.
pub fn keys<A>(
    keymap: &Keymap,
    title: &'static str,
    scope: &str,
    own: &[Binding<A>],
) -> KeySection {
    let cursor = keymap.section(title, scope, CURSOR_KEYS);
    cursor.then(keymap.section(title, scope, own))
}

/// Draws `items` (lines or list items) in `area` as ratatui's [`List`], the item at `selected`
/// highlighted and kept in view; when they do not all show, a scrollbar on the frame `framed`
/// (the pane around `area`).
pub fn render(
    buf: &mut Buffer,
    area: Rect,
    framed: Rect,
    items: impl IntoIterator<Item = impl Into<ListItem<'static>>>,
    selected: Option<usize>,
    theme: Theme,
) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let items: Vec<ListItem> = items.into_iter().map(Into::into).collect();
    let heights: Vec<usize> = items.iter().map(ListItem::height).collect();
    let mut state = ListState::default().with_selected(selected);
    List::new(items)
        .highlight_style(theme.selected())
        .render(area, buf, &mut state);
    let total: usize = heights.iter().sum();
    let before: usize = heights.iter().take(state.offset()).sum();
    super::scrollbar(buf, framed, total, before, usize::from(area.height));
}
