//! Pure drawing pieces every screen uses, on ratatui's own widgets: the one way text reaches the
//! screen ([`span`], [`line`], [`lines`]), a framed pane ([`pane`]), a popup's place and the
//! [`Clear`] under it ([`popup`]), a [`Scrollbar`] for text longer than its pane
//! ([`scrollbar`]), a hint where a pane is empty ([`hint`]) and a field typed after `/`
//! ([`typed`]). Nothing here knows about tabs, the app or the domain beyond what it is
//! handed.

pub mod competencies;
pub mod field;
pub mod graph;
pub mod graph_draw;
mod graph_links;
pub mod grid;
pub mod list;
pub mod pager;

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Clear, Padding, Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState,
    StatefulWidget, Widget, Wrap,
};

use crate::text;
use crate::tui::theme::Theme;
use field::TextField;

/// `text` as one printable line: files are cleaned when read, and this catches anything drawn
/// that did not come through a loader (typed, pasted, made in memory by a test).
fn clean(text: &str) -> Cow<'_, str> {
    if text
        .chars()
        .any(|c| text::is_forbidden_char(c) || c == '\n' || c == '\t')
    {
        Cow::Owned(text::one_line(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// The one constructor of drawn text: `text` on one line, cleaned, in `style`.
pub fn span(text: &str, style: Style) -> Span<'static> {
    Span::styled(clean(text).into_owned(), style)
}

/// [`span`] as a whole line.
pub fn line(text: &str, style: Style) -> Line<'static> {
    Line::from(span(text, style))
}

/// Text of several lines (a note), each cleaned as [`line`] does.
pub fn lines(text: &str, style: Style) -> Vec<Line<'static>> {
    text.split('\n').map(|l| line(l, style)).collect()
}

/// A framed pane: ratatui's bordered [`Block`], its title and border in `style`, a column of
/// padding inside each side.
pub fn pane(title: &str, style: Style) -> Block<'static> {
    Block::bordered()
        .border_style(style)
        .title(span(&format!(" {title} "), style))
        .padding(Padding::horizontal(1))
}

/// Draws `block` over `area` and gives its inside.
pub fn framed(buf: &mut Buffer, area: Rect, block: Block) -> Rect {
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// Where a popup of at most `width` × `height` goes on `screen` (centred), with what was under
/// it cleared.
pub fn popup(buf: &mut Buffer, screen: Rect, width: u16, height: u16) -> Rect {
    let area = screen
        .centered(
            Constraint::Length(width.min(screen.width)),
            Constraint::Length(height.min(screen.height)),
        )
        .intersection(buf.area);
    Clear.render(area, buf);
    area
}

/// A scrollbar on the right border of the framed `area` when `total` lines do not all show in
/// the `page` lines from `offset`.
pub fn scrollbar(buf: &mut Buffer, area: Rect, total: usize, offset: usize, page: usize) {
    let area = area.intersection(buf.area);
    if total <= page || area.height < 4 || area.width < 2 {
        return;
    }
    let last = total - page;
    let mut state = ScrollbarState::new(last + 1)
        .position(offset.min(last))
        .viewport_content_length(page);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .track_symbol(Some("│"))
        .thumb_symbol("█")
        .begin_symbol(Some("▲"))
        .end_symbol(Some("▼"))
        .render(area.inner(Margin::new(0, 1)), buf, &mut state);
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

/// Each row of `buf` as text: what a test reads off the screen.
#[cfg(test)]
pub fn rows(buf: &Buffer) -> Vec<String> {
    let width = usize::from(buf.area.width).max(1);
    let rows = buf.content.chunks(width);
    rows.map(|row| row.iter().map(|c| c.symbol()).collect())
        .collect()
}
