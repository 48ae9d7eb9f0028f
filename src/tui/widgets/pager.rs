//! Text too long for its box: ratatui's wrapped paragraph, scrolled ([`scroll`], [`scrolled`]),
//! and [`Pager`], such text in a centred popup, for help, the role diff and anything else read
//! rather than edited.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::list::{self, Step};
use crate::text;
use crate::tui::theme::Theme;

/// Text to read in a centred popup: ratatui's [`Paragraph`], wrapped and scrolled, in a
/// [`Block`](super::pane) over a [`Clear`](ratatui::widgets::Clear), with a scrollbar when it is
/// longer than the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Pager {
    pub title: String,
    lines: Vec<Line<'static>>,
    /// The first wrapped line shown.
    offset: usize,
    /// The width the box would like, before the screen limits it.
    width: u16,
}

impl Pager {
    pub fn new(title: impl Into<String>, lines: Vec<Line<'static>>, width: u16) -> Pager {
        Pager {
            title: title.into(),
            lines,
            offset: 0,
            width,
        }
    }

    fn paragraph(&self) -> Paragraph<'static> {
        Paragraph::new(self.lines.clone()).wrap(Wrap { trim: false })
    }

    /// Where the box goes on `screen`: as tall as the wrapped text, at most the screen.
    fn area(&self, screen: Rect) -> Rect {
        let width = self.width.min(screen.width);
        let lines = self.paragraph().line_count(width.saturating_sub(4).max(1));
        let height = text::cells(lines).saturating_add(2).min(screen.height);
        screen.centered(Constraint::Length(width), Constraint::Length(height))
    }

    pub fn scroll(&mut self, how: Step, screen: Rect) {
        let inner = super::pane(&self.title, Style::default()).inner(self.area(screen));
        self.offset = scroll(&self.paragraph(), inner, self.offset, how);
    }

    pub fn draw(&self, buf: &mut Buffer, screen: Rect, theme: Theme) {
        let area = self.area(screen);
        if area.width < 5 || area.height < 3 {
            return;
        }
        let area = super::popup(buf, area, area.width, area.height);
        let block = super::pane(&self.title, theme.heading());
        scrolled(buf, area, self.paragraph(), block, self.offset);
    }
}

/// The first wrapped line of `text` shown in `inner` after `how` from line `offset`.
pub fn scroll(text: &Paragraph, inner: Rect, offset: usize, how: Step) -> usize {
    let lines = text.line_count(inner.width);
    list::scroll(offset, how, lines, usize::from(inner.height))
}

/// Draws `text` in `block` over `area` from its wrapped line `offset` (no further down than
/// leaves the last line at the bottom), with a scrollbar when it does not all show.
pub fn scrolled(buf: &mut Buffer, area: Rect, text: Paragraph, block: Block, offset: usize) {
    let inner = block.inner(area);
    let (lines, page) = (text.line_count(inner.width), usize::from(inner.height));
    let offset = offset.min(lines.saturating_sub(page));
    let text = text.block(block).scroll((text::cells(offset), 0));
    text.render(area, buf);
    super::scrollbar(buf, area, lines, offset, page);
}
