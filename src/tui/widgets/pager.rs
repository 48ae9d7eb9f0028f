//! Text too long for its box: a scrolled view with a position indicator, for help, the role
//! diff and anything else read rather than edited.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::{clear, frame, padded, put};
use crate::text;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, PartialEq)]
pub struct Pager {
    pub title: String,
    lines: Vec<(String, Style)>,
    /// The first wrapped line shown.
    offset: usize,
    /// The width the box would like, before the screen limits it.
    width: u16,
}

/// How far a scroll key moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scroll {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
}

impl Pager {
    pub fn new(title: impl Into<String>, lines: Vec<(String, Style)>, width: u16) -> Pager {
        Pager {
            title: title.into(),
            lines,
            offset: 0,
            width,
        }
    }

    /// Where the box goes on `screen`.
    pub fn area(&self, screen: Rect) -> Rect {
        let inner = self.width.saturating_sub(4).max(1) as usize;
        let rows = self.wrapped(inner).len() as u16;
        super::centered(screen, self.width, rows.saturating_add(2))
    }

    fn wrapped(&self, width: usize) -> Vec<(String, Style)> {
        let mut out = Vec::new();
        for (line, style) in &self.lines {
            if text::width(line) <= width {
                out.push((line.clone(), *style));
                continue;
            }
            // Keep leading spaces (indentation) on the first line of each wrapped entry.
            let indent = line.len() - line.trim_start().len();
            let body = text::wrap(line, width.saturating_sub(indent).max(1), usize::MAX);
            if body.is_empty() {
                out.push((String::new(), *style));
            }
            for (i, part) in body.into_iter().enumerate() {
                let pad = if i == 0 { indent } else { indent + 2 };
                out.push((format!("{}{part}", " ".repeat(pad.min(width / 2))), *style));
            }
        }
        out
    }

    /// The lines shown on `screen` and the largest offset, given the box's height there.
    fn view(&self, screen: Rect) -> (Vec<(String, Style)>, usize, usize) {
        let area = self.area(screen);
        let inner = padded(area);
        let lines = self.wrapped(inner.width.max(1) as usize);
        let page = inner.height as usize;
        let last = lines.len().saturating_sub(page);
        (lines, page, last)
    }

    pub fn scroll(&mut self, how: Scroll, screen: Rect) {
        let (_, page, last) = self.view(screen);
        let page = page.max(1);
        self.offset = match how {
            Scroll::Up => self.offset.saturating_sub(1),
            Scroll::Down => self.offset + 1,
            Scroll::PageUp => self.offset.saturating_sub(page),
            Scroll::PageDown => self.offset + page,
            Scroll::Top => 0,
            Scroll::Bottom => last,
        }
        .min(last);
    }

    pub fn draw(&self, buf: &mut Buffer, screen: Rect, theme: Theme) {
        let area = self.area(screen);
        if area.width < 4 || area.height < 3 {
            return;
        }
        clear(buf, area);
        frame(buf, area, &self.title, theme.heading());
        let inner = padded(area);
        let (lines, page, last) = self.view(screen);
        let offset = self.offset.min(last);
        let shown = &lines[offset.min(lines.len())..];
        super::text_lines(buf, inner, &shown[..page.min(shown.len())]);
        if last > 0 {
            let shown_to = (offset + page).min(lines.len());
            let mark = format!(
                " {}{}–{} of {}{} ",
                if offset > 0 { "▲ " } else { "" },
                offset + 1,
                shown_to,
                lines.len(),
                if shown_to < lines.len() { " ▼" } else { "" }
            );
            let x = i64::from(area.right()) - 2 - text::width(&mark) as i64;
            put(
                buf,
                area,
                x,
                i64::from(area.bottom()) - 1,
                &mark,
                theme.muted(),
            );
        }
    }
}
