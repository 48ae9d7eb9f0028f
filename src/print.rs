//! The ladder graph as plain text, for `rungs print`: levels bottom to top, corners left to
//! right, role titles in their cells. Corners that do not fit the width are printed in further
//! bands below, so every title keeps a readable width.

use crate::ladder::{Ladder, RoleIdx};
use crate::text;

/// The narrowest width `render` accepts; anything narrower is raised to this.
pub const MIN_WIDTH: usize = 20;
/// A cell narrower than this would show only an ellipsis, so such corners go to another band.
const MIN_CELL: usize = 8;
/// Level names wrap within this many columns rather than widen every row.
const MAX_LABEL: usize = 14;
/// A role title wraps over at most this many lines of its cell (per role, when a cell holds
/// several).
const CELL_LINES: usize = 3;

/// Renders `ladder` within `width` columns; every line is at most `width` columns wide.
pub fn render(ladder: &Ladder, width: usize) -> String {
    let width = width.max(MIN_WIDTH);
    let mut out = String::new();
    let heading = if ladder.file().summary.is_empty() {
        ladder.name().to_string()
    } else {
        format!("{} — {}", ladder.name(), ladder.file().summary)
    };
    push_line(&mut out, &text::truncate(&text::one_line(&heading), width));

    let longest_level = ladder
        .levels()
        .iter()
        .map(|l| text::width(&text::one_line(&l.name)))
        .max()
        .unwrap_or(0);
    let label_width = longest_level.clamp(3, MAX_LABEL.min(width / 5).max(3));
    // A row is `label │ cell │ cell │`: each cell costs its width plus three columns.
    let room = width.saturating_sub(label_width + 2);
    let corner_count = ladder.corners().len();
    let floors = ladder.floors();
    let widest_cell = (0..corner_count)
        .map(|c| {
            let name = text::width(&text::one_line(&ladder.corners()[c].name));
            let titles = floors
                .iter()
                .map(|f| text::width(&cell_text(ladder, &f.cells[c])))
                .max()
                .unwrap_or(0);
            name.max(titles)
        })
        .max()
        .unwrap_or(MIN_CELL);
    let per_band = (room / (MIN_CELL + 3)).max(1);
    let corners: Vec<usize> = (0..corner_count).collect();
    let bands: Vec<&[usize]> = if corners.is_empty() {
        vec![&[]]
    } else {
        corners.chunks(per_band).collect()
    };

    for band in bands.iter().copied() {
        out.push('\n');
        if bands.len() > 1 {
            let note = format!(
                "corners {}–{} of {corner_count}",
                band[0] + 1,
                band[band.len() - 1] + 1
            );
            push_line(&mut out, &text::truncate(&note, width));
        }
        let grid = Grid {
            label_width,
            columns: band.len().max(1),
            cell_width: (room / band.len().max(1))
                .saturating_sub(3)
                .clamp(1, widest_cell.max(1)),
        };
        if !band.is_empty() {
            let names: Vec<Vec<String>> = band
                .iter()
                .map(|&c| {
                    text::wrap(
                        &text::one_line(&ladder.corners()[c].name),
                        grid.cell_width,
                        2,
                    )
                })
                .collect();
            grid.block(&mut out, &mut Vec::new(), &names);
        }
        for floor in &floors {
            push_line(&mut out, &grid.rule('┼', '┤'));
            let mut label = text::wrap(
                &text::one_line(&ladder.levels()[floor.level].name),
                label_width,
                3,
            );
            label.reverse(); // popped from the end, first line first
            let enterprise = cell_text(ladder, &floor.enterprise);
            if !enterprise.is_empty() {
                let span = grid.span_width();
                for line in text::wrap(&enterprise, span, 2) {
                    let mut row = text::fit(&label.pop().unwrap_or_default(), label_width);
                    row.push_str(" │ ");
                    row.push_str(&text::center(&line, span));
                    row.push_str(" │");
                    push_line(&mut out, &row);
                }
            }
            let cells: Vec<(String, usize)> = band
                .iter()
                .map(|&c| (cell_text(ladder, &floor.cells[c]), floor.cells[c].len()))
                .collect();
            let has_cells = cells.iter().any(|(c, _)| !c.is_empty());
            if has_cells || (!label.is_empty() && !band.is_empty()) {
                let wrapped: Vec<Vec<String>> = cells
                    .iter()
                    .map(|(c, roles)| {
                        if c.is_empty() {
                            vec!["·".to_string()]
                        } else {
                            text::wrap(c, grid.cell_width, CELL_LINES * roles)
                        }
                    })
                    .collect();
                grid.block(&mut out, &mut label, &wrapped);
            }
        }
        push_line(&mut out, &grid.rule('┴', '┘'));
    }

    let counts = format!(
        "{} · {} · {} · moves: ↑ vertical  → lateral  ↗ diagonal",
        text::count(ladder.levels().len(), "level"),
        text::count(corner_count, "corner"),
        text::count(ladder.roles().len(), "role")
    );
    push_line(&mut out, &text::truncate(&counts, width));
    for bridge in &ladder.file().bridges {
        let title = |id: &str| {
            ladder
                .role_index(id)
                .map(|r| text::one_line(&ladder.role(r).title))
                .unwrap_or_default()
        };
        let mut line = format!("bridge: {} ⇒ {}", title(&bridge.from), title(&bridge.to));
        if !bridge.skip_reason.trim().is_empty() {
            line.push_str(" (skips a level: ");
            line.push_str(&text::one_line(bridge.skip_reason.trim()));
            line.push(')');
        }
        push_line(&mut out, &text::truncate(&line, width));
    }
    out
}

/// Column geometry of one band.
struct Grid {
    label_width: usize,
    columns: usize,
    cell_width: usize,
}

impl Grid {
    fn span_width(&self) -> usize {
        self.columns * (self.cell_width + 3) - 3
    }

    fn rule(&self, cross: char, end: char) -> String {
        let mut line = "─".repeat(self.label_width);
        for _ in 0..self.columns {
            line.push('─');
            line.push(cross);
            line.push_str(&"─".repeat(self.cell_width + 1));
        }
        line.push('─');
        line.push(end);
        line
    }

    /// Rows of wrapped cells, as many as the tallest cell or the label lines left (popped).
    fn block(&self, out: &mut String, label: &mut Vec<String>, cells: &[Vec<String>]) {
        let height = cells
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(0)
            .max(label.len());
        for i in 0..height {
            let mut line = text::fit(&label.pop().unwrap_or_default(), self.label_width);
            for cell in cells {
                line.push_str(" │ ");
                line.push_str(&text::fit(
                    cell.get(i).map_or("", String::as_str),
                    self.cell_width,
                ));
            }
            line.push_str(" │");
            push_line(out, &line);
        }
    }
}

/// The titles of `roles` (a cell of a floor), joined.
fn cell_text(ladder: &Ladder, roles: &[RoleIdx]) -> String {
    let titles: Vec<String> = roles
        .iter()
        .map(|&r| text::one_line(&ladder.role(r).title))
        .collect();
    titles.join(" / ")
}

fn push_line(out: &mut String, line: &str) {
    out.push_str(line.trim_end());
    out.push('\n');
}
