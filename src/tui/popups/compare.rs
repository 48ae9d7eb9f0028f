//! The compare view (`C` on the Ladder tab): the roles marked with `m` side by side, one column
//! each, as the domain compares them — the same table `rungs compare` prints.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::ladder::RoleIdx;
use crate::profile::{self, CompareRow};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::theme::Theme;
use crate::tui::widgets::pager::{Scroll, Scrolled};
use crate::tui::widgets::{centered, clear, frame, padded};

/// The widest the view grows on a large screen.
const MAX_WIDTH: u16 = 140;
/// Columns between two targets.
const SPACING: usize = 2;

#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    headers: Vec<String>,
    rows: Vec<CompareRow>,
    position: Scrolled,
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
            position: Scrolled::default(),
        })
    }

    /// The box on `screen` and the table laid out in it, line by line.
    fn layout(&self, screen: Rect, theme: Theme) -> (Rect, Vec<(String, Style)>) {
        let width = screen.width.saturating_sub(2).min(MAX_WIDTH);
        // The inside of the frame: a border and a column of padding on each side.
        let inner = usize::from(width.saturating_sub(4));
        let label = self
            .rows
            .iter()
            .map(|r| text::width(r.label))
            .max()
            .unwrap_or(0)
            + SPACING;
        let count = self.headers.len().max(1);
        let column = (inner.saturating_sub(label) / count).max(SPACING + 1) - SPACING;
        let mut lines = Vec::new();
        let headers: Vec<Vec<String>> = self.headers.iter().map(|h| vec![h.clone()]).collect();
        table_lines(&mut lines, "", &headers, (label, column), theme.heading());
        lines.push(("─".repeat(inner), theme.muted()));
        for row in &self.rows {
            table_lines(
                &mut lines,
                row.label,
                &row.cells,
                (label, column),
                Style::default(),
            );
        }
        let height = text::cells(lines.len())
            .saturating_add(2)
            .min(screen.height.saturating_sub(2));
        (centered(screen, width, height), lines)
    }

    pub fn scroll(&mut self, how: Scroll, screen: Rect, theme: Theme) {
        let (area, lines) = self.layout(screen, theme);
        self.position
            .scroll(how, lines.len(), padded(area).height as usize);
    }

    pub fn draw(&self, buf: &mut Buffer, screen: Rect, theme: Theme) {
        let (area, lines) = self.layout(screen, theme);
        if area.width < 4 || area.height < 3 {
            return;
        }
        clear(buf, area);
        frame(buf, area, "Compare (Esc closes)", theme.heading());
        self.position.draw(buf, area, &lines, theme);
    }
}

/// One row of the table as screen lines, in `style`.
fn table_lines(
    out: &mut Vec<(String, Style)>,
    label: &str,
    cells: &[Vec<String>],
    (label_width, column): (usize, usize),
    style: Style,
) {
    let lines = text::table_row(label, cells, (label_width, column, SPACING));
    out.extend(lines.into_iter().map(|line| (line, style)));
}
