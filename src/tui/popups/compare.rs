//! The compare view (`C` on the Ladder tab): the roles marked with `m` side by side, one column
//! each, as the domain compares them — the same table `rungs compare` prints — drawn as
//! ratatui's [`Table`], a row per question, scrolled a row at a time.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Text;
use ratatui::widgets::{Cell, Row, StatefulWidget, Table, TableState};

use crate::ladder::RoleIdx;
use crate::profile::{self, CompareRow};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::list::{self, Step};
use crate::tui::widgets::{framed, line, pane, popup, scrollbar};

/// The widest the view grows on a large screen.
const MAX_WIDTH: u16 = 140;
/// Columns between two targets.
const SPACING: u16 = 2;

#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    headers: Vec<String>,
    rows: Vec<CompareRow>,
    /// The first row shown.
    offset: usize,
}

/// The table laid out for a box: its place, the label column's and each target's width, and
/// the header's and each row's cells wrapped to them.
struct Laid {
    area: Rect,
    widths: (u16, u16),
    header: Vec<Vec<String>>,
    rows: Vec<Vec<Vec<String>>>,
}

/// The lines a row of wrapped cells takes.
fn height(cells: &[Vec<String>]) -> usize {
    cells.iter().map(Vec::len).max().unwrap_or(0).max(1)
}

impl Laid {
    /// Lines of rows that show under the header (the frame and a header of a line and its
    /// margin taken).
    fn page(&self) -> usize {
        usize::from(self.area.height.saturating_sub(2 + 2))
    }

    /// The last first row worth scrolling to: from it, every row below shows.
    fn last_offset(&self) -> usize {
        let mut below = 0;
        let shown = self.rows.iter().rev().take_while(|row| {
            below += height(row);
            below <= self.page()
        });
        self.rows.len().saturating_sub(shown.count().max(1))
    }
}

impl CompareView {
    /// The view of `targets` compared from the profile's current role, or why there is none.
    pub fn open(ctx: &Ctx, targets: &[RoleIdx]) -> Result<CompareView, String> {
        let profile = ctx
            .profile()
            .ok_or_else(|| "compare needs a profile".to_string())?;
        let compared = profile::compare(profile, &ctx.ladder, targets, ctx.today())?;
        let (headers, rows) = profile::compare_table(&ctx.ladder, &compared);
        Ok(CompareView {
            headers,
            rows,
            offset: 0,
        })
    }

    /// The box on `screen` and the table's cells wrapped to its columns.
    fn layout(&self, screen: Rect) -> Laid {
        let width = screen.width.saturating_sub(2).min(MAX_WIDTH);
        // The inside of the frame: a border and a column of padding on each side.
        let inner = width.saturating_sub(4);
        let label = self
            .rows
            .iter()
            .map(|r| text::cells(text::width(r.label)))
            .max()
            .unwrap_or(0);
        let count = text::cells(self.headers.len().max(1));
        let column = (inner.saturating_sub(label) / count)
            .saturating_sub(SPACING)
            .max(1);
        let wrap = |l: &String| text::wrap_hyphenated(l, usize::from(column), usize::MAX);
        let header: Vec<Vec<String>> = self.headers.iter().map(wrap).collect();
        let rows: Vec<Vec<Vec<String>>> = self
            .rows
            .iter()
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.iter().flat_map(wrap).collect())
                    .collect()
            })
            .collect();
        let lines = height(&header) + 1 + rows.iter().map(|r| height(r)).sum::<usize>();
        let tall = text::cells(lines).saturating_add(2);
        Laid {
            area: screen.centered(
                Constraint::Length(width),
                Constraint::Length(tall.min(screen.height.saturating_sub(2))),
            ),
            widths: (label, column),
            header,
            rows,
        }
    }

    pub fn scroll(&mut self, how: Step, screen: Rect) {
        let laid = self.layout(screen);
        let tallest = laid.rows.iter().map(|r| height(r)).max().unwrap_or(1);
        let page = (laid.page() / tallest.max(1)).max(1);
        self.offset = list::step(self.offset, laid.last_offset() + 1, how, page);
    }

    pub fn draw(&self, buf: &mut Buffer, screen: Rect, theme: Theme) {
        let laid = self.layout(screen);
        if laid.area.width < 5 || laid.area.height < 4 {
            return;
        }
        let area = popup(buf, laid.area, laid.area.width, laid.area.height);
        let cell = |lines: &[String], style| {
            Cell::from(Text::from_iter(lines.iter().map(|l| line(l, style))))
        };
        // Each row headed by its label, in the header's style.
        let row = |label: &str, cells: &[Vec<String>]| {
            let label = Cell::from(line(label, theme.heading()));
            Row::new(std::iter::once(label).chain(cells.iter().map(|c| cell(c, Style::default()))))
                .height(text::cells(height(cells)))
        };
        let header = row("", &laid.header)
            .style(theme.heading())
            .bottom_margin(1);
        let rows = self
            .rows
            .iter()
            .zip(&laid.rows)
            .map(|(r, cells)| row(r.label, cells));
        let (label, column) = laid.widths;
        let widths = std::iter::once(Constraint::Length(label))
            .chain(self.headers.iter().map(|_| Constraint::Length(column)));
        let offset = self.offset.min(laid.last_offset());
        let mut state = TableState::default().with_offset(offset);
        let inner = framed(buf, area, pane("Compare (Esc closes)", theme.heading()));
        Table::new(rows, widths)
            .header(header)
            .column_spacing(SPACING)
            .render(inner, buf, &mut state);
        let total: usize = laid.rows.iter().map(|r| height(r)).sum();
        let before: usize = laid.rows.iter().take(offset).map(|r| height(r)).sum();
        scrollbar(buf, area, total, before, laid.page());
    }
}
