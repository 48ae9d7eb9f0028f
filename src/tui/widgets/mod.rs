//! Pure drawing pieces every screen uses, on ratatui's own widgets: the one way text reaches the
//! screen ([`span`], [`line`], [`lines`]), a framed pane ([`pane`]), a popup's place and the
//! [`Clear`] under it ([`popup`]), and a [`Scrollbar`] for text longer than its pane
//! ([`scrollbar`]). Nothing here knows about tabs, the app or the domain beyond what it is
//! handed. The older hand-made helpers further down (`put`, `frame`, …) remain while screens
//! still call them.

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
use ratatui::layout::{Constraint, Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Block, Clear, Padding, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

use unicode_segmentation::UnicodeSegmentation;

use crate::text;

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
        .render(
            area.inner(Margin {
                vertical: 1,
                horizontal: 0,
            }),
            buf,
            &mut state,
        );
}

/// Writes `s` at screen column `x` (which may lie left of `area`) on row `y`, clipped to `area`.
pub fn put(buf: &mut Buffer, area: Rect, x: i64, y: i64, s: &str, style: Style) {
    let area = area.intersection(buf.area);
    if y < i64::from(area.y) || y >= i64::from(area.bottom()) || area.width == 0 {
        return;
    }
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        // Plain ASCII, most of what is drawn: a cell per byte, no segmentation needed.
        let start = (i64::from(area.x) - x).max(0) as usize;
        for (i, b) in s.bytes().enumerate().skip(start) {
            let column = x + i as i64;
            if column >= i64::from(area.right()) {
                break;
            }
            if let Some(cell) = buf.cell_mut((column as u16, y as u16)) {
                cell.set_char(char::from(b)).set_style(style);
            }
        }
        return;
    }
    // The last line of defence: text reaching the screen never carries a control character,
    // whatever a file or a paste held (files are cleaned when read; this catches the rest).
    let cleaned;
    let s = if s
        .chars()
        .any(|c| text::is_forbidden_char(c) || c == '\n' || c == '\t')
    {
        cleaned = text::one_line(s);
        cleaned.as_str()
    } else {
        s
    };
    let mut x = x;
    let mut s = s;
    // Skip whole characters that fall left of the area.
    while x < i64::from(area.x) {
        let Some(g) = s.graphemes(true).next() else {
            return;
        };
        x += text::width(g) as i64;
        s = &s[g.len()..];
    }
    if x >= i64::from(area.right()) {
        return;
    }
    let room = (i64::from(area.right()) - x) as usize;
    buf.set_stringn(x as u16, y as u16, s, room, style);
}

/// Sets the one-column `symbol` (a border or line glyph) at (`x`, `y`) if it lies in `area`:
/// the cheap way to draw the many single glyphs of a table.
pub fn glyph(buf: &mut Buffer, area: Rect, x: i64, y: i64, symbol: &str, style: Style) {
    let area = area.intersection(buf.area);
    if x < i64::from(area.x)
        || y < i64::from(area.y)
        || x >= i64::from(area.right())
        || y >= i64::from(area.bottom())
    {
        return;
    }
    if let Some(cell) = buf.cell_mut((x as u16, y as u16)) {
        cell.set_symbol(symbol).set_style(style);
    }
}

/// A horizontal run of `len` copies of the one-column `symbol` from (`x`, `y`), clipped to `area`.
pub fn hline(buf: &mut Buffer, area: Rect, x: i64, y: i64, len: usize, symbol: &str, style: Style) {
    let start = x.max(i64::from(area.x));
    let end = (x + len as i64).min(i64::from(area.right()));
    for column in start..end {
        glyph(buf, area, column, y, symbol, style);
    }
}

/// The inside of a frame, with a column of padding on each side.
pub fn padded(area: Rect) -> Rect {
    Rect::new(
        area.x.saturating_add(2),
        area.y.saturating_add(1),
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    )
}

/// Styled lines from the top of `area`, each cut to its width; lines past the bottom are left out.
pub fn text_lines(buf: &mut Buffer, area: Rect, lines: &[(String, Style)]) {
    for (i, (line, style)) in lines.iter().enumerate().take(area.height as usize) {
        put(
            buf,
            area,
            i64::from(area.x),
            i64::from(area.y) + i as i64,
            &text::truncate(line, area.width as usize),
            *style,
        );
    }
}

/// Fills a rectangle with spaces, so a popup hides what is under it.
pub fn clear(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.reset();
            }
        }
    }
}

/// A frame with a title.
pub fn frame(buf: &mut Buffer, area: Rect, title: &str, style: Style) {
    if area.width < 2 || area.height < 2 {
        return;
    }
    let inner_width = (area.width - 2) as usize;
    let (x, y) = (i64::from(area.x), i64::from(area.y));
    let bottom = i64::from(area.bottom()) - 1;
    let title = text::truncate(
        &format!(" {} ", text::one_line(title)),
        inner_width.saturating_sub(1),
    );
    let right = i64::from(area.right()) - 1;
    hline(buf, area, x + 1, y, inner_width, "─", style);
    glyph(buf, area, x, y, "┌", style);
    glyph(buf, area, right, y, "┐", style);
    put(buf, area, x + 2, y, &title, style);
    for row in y + 1..bottom {
        glyph(buf, area, x, row, "│", style);
        glyph(buf, area, right, row, "│", style);
    }
    hline(buf, area, x + 1, bottom, inner_width, "─", style);
    glyph(buf, area, x, bottom, "└", style);
    glyph(buf, area, right, bottom, "┘", style);
}
