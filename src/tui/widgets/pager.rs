//! Text too long for its box: [`Pager`] is ratatui's wrapped, scrolled paragraph in a centred
//! popup, for help, the role diff and anything else read rather than edited.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

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

    /// Where the box goes on `screen`, and how many lines the wrapped text takes in it.
    fn layout(&self, screen: Rect) -> (Rect, usize) {
        let width = self.width.min(screen.width);
        let lines = self.paragraph().line_count(width.saturating_sub(4).max(1));
        let height = text::cells(lines).saturating_add(2).min(screen.height);
        (
            screen.centered(Constraint::Length(width), Constraint::Length(height)),
            lines,
        )
    }

    pub fn scroll(&mut self, how: Step, screen: Rect) {
        let (area, lines) = self.layout(screen);
        let page = usize::from(area.height.saturating_sub(2));
        self.offset = list::scroll(self.offset, how, lines, page);
    }

    pub fn draw(&self, buf: &mut Buffer, screen: Rect, theme: Theme) {
        let (area, lines) = self.layout(screen);
        if area.width < 5 || area.height < 3 {
            return;
        }
        let area = super::popup(buf, area, area.width, area.height);
        let page = usize::from(area.height.saturating_sub(2));
        let offset = self.offset.min(lines.saturating_sub(page));
        self.paragraph()
            .block(super::pane(&self.title, theme.heading()))
            .scroll((text::cells(offset), 0))
            .render(area, buf);
        super::scrollbar(buf, area, lines, offset, page);
    }
}
