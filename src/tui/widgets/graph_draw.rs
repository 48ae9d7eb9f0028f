//! Drawing the ladder graph: corner names (which stay while scrolling up and down), level
//! names (which stay while scrolling sideways), the roles in the zoom's style, the plan's
//! connectors, the legend, and how much lies off screen. Only what is visible is drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, Widget};

use super::graph::{GraphAreas, GraphView, Marks, glyph, margin, put};
use super::grid::{Grid, Spot, Zoom};
use crate::ladder::{Ladder, RoleIdx};
use crate::text;
use crate::tui::theme::Theme;

/// The legend under the graph.
pub const LEGEND: &str =
    "● you are here  ★ target  ✓ held  ①② plan  ↑ vertical  → lateral  ↗ diagonal";

/// Everything the graph needs to draw itself.
pub struct Graph<'a> {
    pub ladder: &'a Ladder,
    pub grid: &'a Grid,
    pub marks: &'a Marks,
    pub view: &'a GraphView,
    pub theme: Theme,
    /// The title on the frame.
    pub title: &'a str,
}

/// Where a rule meets a column separator: at the left edge, the right edge, between two
/// columns; each with no line, a line down, a line up, lines both ways.
const JUNCTIONS: [[&str; 4]; 3] = [
    ["─", "┌", "└", "├"],
    ["─", "┐", "┘", "┤"],
    ["─", "┬", "┴", "┼"],
];

/// A canvas position as a screen position inside `area`.
pub(super) struct Canvas {
    pub area: Rect,
    pub sx: i64,
    pub sy: i64,
}

impl Canvas {
    pub fn x(&self, x: u32) -> i64 {
        i64::from(self.area.x) + i64::from(x) - self.sx
    }
    pub fn y(&self, y: u32) -> i64 {
        i64::from(self.area.y) + i64::from(y) - self.sy
    }
    pub fn shows_rows(&self, top: u32, bottom: u32) -> bool {
        i64::from(bottom) > self.sy && i64::from(top) < self.sy + i64::from(self.area.height)
    }
    fn shows_columns(&self, left: u32, right: u32) -> bool {
        i64::from(right) > self.sx && i64::from(left) < self.sx + i64::from(self.area.width)
    }
}

/// The graph in its titled frame, `area` (a [`GraphAreas::frame`]), which holds the corner
/// names, the canvas and the legend (see [`GraphAreas::parts`]).
impl Widget for Graph<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let title = super::span(&format!(" {} ", self.title), Style::default());
        let inside = super::framed(buf, area, Block::bordered().title(title));
        let [header, area, legend] = GraphAreas::parts(inside, self.grid);
        // A canvas narrower than the view sits in the middle of it.
        let margin = i64::from(margin(self.grid, area));
        let canvas = Canvas {
            area,
            sx: i64::from(self.view.scroll.0) - margin,
            sy: i64::from(self.view.scroll.1),
        };
        if self.grid.zoom == Zoom::Fit {
            self.draw_table(buf, &canvas, header);
        }
        if area.width > 0 && area.height > 0 {
            self.draw_roles(buf, &canvas);
            let connectors = self.draw_connectors(buf, &canvas);
            self.draw_level_names(buf, &canvas, &connectors);
        }
        self.draw_header(buf, header, &canvas);
        self.draw_legend(buf, legend, &canvas);
    }
}

impl Graph<'_> {
    /// The fit zoom's table: a rule across every heading and rule row, a `│` between the cells
    /// of a row (in a row of enterprise-wide roles, between its roles only) carried on up
    /// through the corner names in `header`, and the junctions where they meet.
    fn draw_table(&self, buf: &mut Buffer, canvas: &Canvas, header: Rect) {
        let style = self.theme.muted();
        let right = self.grid.width.saturating_sub(1);
        // Whether a line runs through separator x on canvas row y (the header's rows are above
        // row 0).
        let vertical = |x: u32, y: i64| {
            let Ok(y) = u32::try_from(y) else {
                return true;
            };
            let edge = |r: &RoleIdx| {
                let spot = self.grid.spots[*r];
                spot.x == x + 1 || spot.right() == x
            };
            self.grid
                .row_at(y)
                .is_some_and(|row| !row.spans || row.roles.iter().any(edge))
        };
        // The column separators that show, as canvas x positions.
        let columns = self.grid.columns.iter();
        let separators: Vec<u32> = columns
            .map(|&(x, _)| x - 1)
            .chain(self.grid.columns.last().map(|&(x, w)| x + w))
            .filter(|&x| canvas.shows_columns(x, x + 1))
            .collect();
        let (start, end) = (
            canvas.sx.max(0) as u32,
            canvas.sx + i64::from(canvas.area.width),
        );
        let area = header.union(canvas.area);
        for screen_y in area.top()..area.bottom() {
            let y = match screen_y.checked_sub(canvas.area.y) {
                Some(row) => canvas.sy + i64::from(row),
                None => -1,
            };
            let rule = y >= 0 && self.grid.is_rule(y as u32);
            for x in (start..self.grid.width.min(end.max(0) as u32)).filter(|_| rule) {
                glyph(buf, area, canvas.x(x), i64::from(screen_y), "─", style);
            }
            for &x in &separators {
                let symbol = if rule {
                    // By where the separator is (left edge, right edge, between), then up and
                    // down.
                    let edge = match x {
                        0 => 0,
                        _ if x == right => 1,
                        _ => 2,
                    };
                    let (up, down) = (vertical(x, y - 1), vertical(x, y + 1));
                    JUNCTIONS[edge][usize::from(up) * 2 + usize::from(down)]
                } else if vertical(x, y) {
                    "│"
                } else {
                    continue;
                };
                glyph(buf, area, canvas.x(x), i64::from(screen_y), symbol, style);
            }
        }
    }

    fn style_of(&self, role: RoleIdx) -> Style {
        let (marks, theme) = (self.marks, self.theme);
        if marks.plan.current == Some(role) {
            theme.current()
        } else if marks.plan.target == Some(role) {
            theme.target()
        } else if marks.plan.on_plan(role) {
            theme.path()
        } else {
            Style::default()
        }
    }

    /// Each role that shows: its title in the zoom's style, and in the detailed zoom its box.
    fn draw_roles(&self, buf: &mut Buffer, canvas: &Canvas) {
        // Where the title sits in a role's spot: columns before and after it, rows above and
        // below (the fit zoom's pad column, the detailed zoom's box).
        let (before, after, above) = match self.grid.zoom {
            Zoom::Fit => (1, 0, 0),
            Zoom::Detailed => (1, 1, 1),
            Zoom::Compact => (0, 0, 0),
        };
        for (role, &spot) in self.grid.spots.iter().enumerate() {
            if !canvas.shows_rows(spot.y, spot.bottom())
                || !canvas.shows_columns(spot.x, spot.right())
            {
                continue;
            }
            let text = Spot {
                x: spot.x + before,
                y: spot.y + above,
                width: spot.width.saturating_sub(before + after),
                height: spot.height.saturating_sub(2 * above),
            };
            // A role spanning its row centres its title in the part of the row that shows.
            let across = if self.grid.spans(role) {
                let left = canvas.x(text.x).max(i64::from(canvas.area.x));
                let right = canvas.x(text.right()).min(i64::from(canvas.area.right()));
                (left, (right - left).max(0) as usize)
            } else {
                (canvas.x(text.x), text.width as usize)
            };
            let fill = self.draw_title(buf, canvas, role, across, (text.y, text.height));
            match self.grid.zoom {
                // The pad column before the text belongs to the cell: reversed too if selected.
                Zoom::Fit if role == self.view.selected => {
                    for y in spot.y..spot.bottom() {
                        glyph(buf, canvas.area, across.0 - 1, canvas.y(y), " ", fill);
                    }
                }
                Zoom::Detailed => self.draw_border(buf, canvas, role, spot),
                _ => {}
            }
        }
        if self.grid.zoom == Zoom::Fit {
            self.draw_empty_cells(buf, canvas);
        }
    }

    /// A role's title in its text area, screen columns `x` to `x + width` and canvas rows `top`
    /// to `top + height`: lines centred up and down, and across for a role spanning its row;
    /// the selected role's whole area is painted, in reverse. Gives the style it painted in.
    fn draw_title(
        &self,
        buf: &mut Buffer,
        canvas: &Canvas,
        role: RoleIdx,
        (x, width): (i64, usize),
        (top, height): (u32, u32),
    ) -> Style {
        let (centre, selected) = (self.grid.spans(role), role == self.view.selected);
        let mut style = self.style_of(role);
        if selected {
            style = style.add_modifier(Modifier::REVERSED);
        }
        let label = self.marks.label(self.ladder, role);
        let lines = match height {
            1 => vec![text::truncate(&label, width)],
            _ => text::wrap_hyphenated(&label, width, height as usize),
        };
        let first = (height as usize).saturating_sub(lines.len()) / 2;
        for row in 0..height {
            let line = (row as usize)
                .checked_sub(first)
                .and_then(|i| lines.get(i))
                .map_or("", String::as_str);
            if line.is_empty() && !selected {
                continue;
            }
            let line = match (centre, selected) {
                (true, _) => &text::center(line, width),
                (false, true) => &text::fit(line, width),
                (false, false) => line,
            };
            put(buf, canvas.area, x, canvas.y(top + row), line, style);
        }
        style
    }

    /// A role's box in the detailed zoom, bold when selected.
    fn draw_border(&self, buf: &mut Buffer, canvas: &Canvas, role: RoleIdx, spot: Spot) {
        let inner = spot.width.saturating_sub(2) as usize;
        let (x, y) = (canvas.x(spot.x), canvas.y(spot.y));
        let right = x + 1 + inner as i64;
        let mut border = self.style_of(role);
        if role == self.view.selected {
            border = border.add_modifier(Modifier::BOLD);
        }
        let last = i64::from(spot.height) - 1;
        for row in 0..=last {
            let (start, run, end) = match row {
                0 => ("┌", inner, "┐"),
                _ if row == last => ("└", inner, "┘"),
                _ => ("│", 0, "│"),
            };
            glyph(buf, canvas.area, x, y + row, start, border);
            for column in 1..=run as i64 {
                glyph(buf, canvas.area, x + column, y + row, "─", border);
            }
            glyph(buf, canvas.area, right, y + row, end, border);
        }
    }

    /// A `·` in each fit cell with no role, so the table reads as one.
    fn draw_empty_cells(&self, buf: &mut Buffer, canvas: &Canvas) {
        let (rows, muted) = (self.grid.rows.iter(), self.theme.muted());
        for row in rows.filter(|r| !r.spans && canvas.shows_rows(r.y, r.y + r.height)) {
            let y = canvas.y(row.y + (row.height - 1) / 2);
            for (column, &(x, w)) in self.grid.columns.iter().enumerate() {
                let mut places = row.roles.iter().map(|&r| self.grid.places[r]);
                if canvas.shows_columns(x, x + w) && !places.any(|p| p.column == Some(column)) {
                    glyph(buf, canvas.area, canvas.x(x) + 1, y, "·", muted);
                }
            }
        }
    }

    /// Each level's name on its heading row, at the left edge of the view whatever the scroll,
    /// or just right of a connector that starts there, so neither hides the other.
    fn draw_level_names(&self, buf: &mut Buffer, canvas: &Canvas, connectors: &[(i64, i64, i64)]) {
        let max = (canvas.area.width as usize).saturating_sub(4).min(24);
        for rule in &self.grid.rules {
            let Some(level) = rule.level else { continue };
            if !canvas.shows_rows(rule.y, rule.y + 1) {
                continue;
            }
            let name = format!(
                " {} ",
                text::truncate(&text::one_line(&self.ladder.levels()[level].name), max)
            );
            let y = canvas.y(rule.y);
            let width = text::width(&name) as i64;
            let mut spans: Vec<(i64, i64)> = connectors
                .iter()
                .filter(|c| c.0 == y)
                .map(|c| (c.1, c.2))
                .collect();
            spans.sort_unstable();
            let mut x = canvas.x(0).max(i64::from(canvas.area.x)) + 1;
            for (left, right) in spans {
                if x + width > left && x <= right {
                    x = right + 1;
                }
            }
            put(buf, canvas.area, x, y, &name, self.theme.heading());
        }
    }

    /// The corner names over their columns, as the grid wrapped them. A column the view cuts
    /// shows no name (the legend counts it as off screen), so every name shown reads whole.
    fn draw_header(&self, buf: &mut Buffer, header: Rect, canvas: &Canvas) {
        let (left, right) = (i64::from(canvas.area.x), i64::from(canvas.area.right()));
        // The fit zoom's cells keep a pad column before the text.
        let pad = u32::from(self.grid.zoom == Zoom::Fit);
        for (corner, &(x, w)) in self.grid.columns.iter().enumerate() {
            let (text_x, width) = (canvas.x(x + pad), w.saturating_sub(pad) as usize);
            if text_x < left || text_x + width as i64 > right {
                continue;
            }
            // A header squeezed below the lines the grid wanted (a tiny screen): the lines that
            // fit, the last ending in `…`.
            let mut lines = self.grid.headers.get(corner).cloned().unwrap_or_default();
            if lines.len() > usize::from(header.height) {
                lines.truncate(usize::from(header.height));
                if let Some(last) = lines.last_mut() {
                    let kept = last.strip_suffix('-').unwrap_or(last).trim_end();
                    *last = text::truncate(&format!("{kept}…"), width);
                }
            }
            for (row, line) in lines.iter().enumerate() {
                let y = i64::from(header.y) + row as i64;
                put(buf, header, text_x, y, line, self.theme.heading());
            }
        }
    }

    /// The legend, and how many corners (and levels) lie off screen on each side.
    fn draw_legend(&self, buf: &mut Buffer, legend: Rect, canvas: &Canvas) {
        let (sx, sy) = (canvas.sx, canvas.sy);
        let view_right = sx + i64::from(canvas.area.width);
        let view_bottom = sy + i64::from(canvas.area.height);
        let columns = self.grid.columns.iter();
        let left = columns.clone().filter(|&&(x, _)| i64::from(x) < sx).count();
        let right = columns
            .filter(|&&(x, w)| i64::from(x + w) > view_right)
            .count();
        let levels = self.grid.rules.iter().filter(|r| r.level.is_some());
        let above = levels.clone().filter(|r| i64::from(r.y) < sy).count();
        let below = levels.filter(|r| i64::from(r.y) >= view_bottom).count();
        // Only the sides where something is hidden: "◀ 2 more · 3 more ▶", "3 more ▶".
        let sides = |sides: [(usize, String); 2]| {
            let shown = sides.into_iter().filter(|(n, _)| *n > 0);
            shown.map(|(_, text)| text).collect::<Vec<_>>().join(" · ")
        };
        let across = sides([
            (left, format!("◀ {left} more")),
            (right, format!("{right} more ▶")),
        ]);
        let up_down = sides([(above, format!("▲ {above}")), (below, format!("{below} ▼"))]);
        let noun = if above + below == 1 {
            "level"
        } else {
            "levels"
        };
        let up_down = (!up_down.is_empty()).then(|| format!("{up_down} {noun}"));
        let counts = [(!across.is_empty()).then_some(across), up_down];
        let counts = counts.into_iter().flatten().collect::<Vec<_>>().join("  ");
        let room = (legend.width as usize).saturating_sub(text::width(&counts) + 2);
        // The marks people just made come first, so they show on a narrow screen too.
        let compare = if self.marks.compare.is_empty() {
            ""
        } else {
            "◆ compare  "
        };
        let words = text::truncate(&format!("{compare}{LEGEND}"), room);
        super::line(&words, self.theme.muted()).render(legend, buf);
        let counts = super::line(&counts, self.theme.warning());
        counts.right_aligned().render(legend, buf);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;

    use super::*;
    use crate::ladder::load_str;
    use crate::tui::widgets::grid::Direction;

    /// Words of every width and kind: CJK, emoji (with variation selectors and joiners),
    /// combining accents, long words that must break.
    const WORDS: &[&str] = &[
        "Lead",
        "of",
        "&",
        "Infrastructure",
        "工程师",
        "经理",
        "🚀",
        "❤️",
        "👩‍💻",
        "é",
        "Café",
        "Transformation",
        "x",
        "Überverantwortlicher",
        "データ",
        "🇫🇷",
        "ab",
    ];

    fn title(picks: &[usize]) -> String {
        picks
            .iter()
            .map(|&i| WORDS[i % WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// A ladder of `levels` × `corners`, a role in each cell where `filled` says so (at least one
    /// per level), a second role stacked in some cells, and enterprise-wide roles on some levels.
    fn ladder(levels: usize, corners: usize, seed: &[usize]) -> Ladder {
        let pick = |i: usize| seed[i % seed.len()];
        let mut s = String::from("(format: 1, id: \"gen\", name: \"Gen\", levels: [");
        for l in 0..levels {
            s.push_str(&format!(
                "(id: \"l{l}\", name: \"{}\"),",
                title(&[pick(l), l])
            ));
        }
        s.push_str("], corners: [");
        for c in 0..corners {
            s.push_str(&format!(
                "(id: \"c{c}\", name: \"{}\"),",
                title(&[pick(c + 3), c + 1])
            ));
        }
        s.push_str("], roles: [");
        for l in 0..levels {
            for c in 0..corners {
                let n = pick(l * 31 + c);
                if n % 4 != 0 || c == 0 {
                    let t = title(&[n, n / 3, n / 7, l + c]);
                    s.push_str(&format!(
                        "(id: \"r{l}-{c}\", title: \"{t}\", level: \"l{l}\", corner: \"c{c}\"),"
                    ));
                }
                if n % 9 == 1 {
                    s.push_str(&format!(
                        "(id: \"s{l}-{c}\", title: \"{}\", level: \"l{l}\", corner: \"c{c}\"),",
                        title(&[n + 2])
                    ));
                }
            }
            if pick(l + 7) % 3 == 0 || l + 1 == levels {
                s.push_str(&format!(
                    "(id: \"e{l}\", title: \"{}\", level: \"l{l}\"),",
                    title(&[pick(l), 3, 4])
                ));
            }
        }
        s.push_str("])");
        load_str(&s, "generated").unwrap()
    }

    fn symbol(buf: &Buffer, x: i64, y: i64) -> Option<&str> {
        let (x, y) = (u16::try_from(x).ok()?, u16::try_from(y).ok()?);
        buf.cell((x, y)).map(|c| c.symbol())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(160))]
        #[test]
        fn no_title_ever_overruns_a_border(
            levels in 1usize..=40,
            corners in 1usize..=12,
            seed in prop::collection::vec(0usize..1000, 1..20),
            width in 12u16..230,
            height in 8u16..70,
            zoom in 0usize..3,
            moves in prop::collection::vec(0usize..4, 0..12),
        ) {
            let ladder = ladder(levels, corners, &seed);
            let roles = ladder.roles().len();
            let marks = Marks {
                plan: crate::profile::PlanMarks {
                    current: Some(0),
                    target: Some(roles - 1),
                    held: vec![roles / 2],
                    steps: vec![(roles / 3, 1, crate::ladder::MoveKind::Diagonal), (roles - 1, 2, crate::ladder::MoveKind::Vertical)],
                },
                compare: vec![roles / 4, roles - 1],
            };
            let mut view = GraphView::default();
            for _ in 0..zoom {
                view.zoom();
            }
            let body = Rect::new(0, 0, width, height);
            let (grid, areas) = view.lay_out(&ladder, &marks, body, 0);
            for &m in &moves {
                let direction = [Direction::Up, Direction::Down, Direction::Left, Direction::Right][m];
                view.step(direction, &grid, areas.canvas);
            }
            let mut buf = Buffer::empty(body);
            Graph { ladder: &ladder, grid: &grid, marks: &marks, view: &view, theme: Theme::new(true), title: "" }
                .render(areas.frame, &mut buf);

            let canvas = areas.canvas;
            let sx = i64::from(view.scroll.0) - i64::from(margin(&grid, canvas));
            let sy = i64::from(view.scroll.1);
            let inside = |x: i64, y: i64| {
                x >= i64::from(canvas.x) && x < i64::from(canvas.right())
                    && y >= i64::from(canvas.y) && y < i64::from(canvas.bottom())
            };
            for (role, spot) in grid.spots.iter().enumerate() {
                let x0 = i64::from(canvas.x) + i64::from(spot.x) - sx;
                let y0 = i64::from(canvas.y) + i64::from(spot.y) - sy;
                let (right, bottom) = (x0 + i64::from(spot.width), y0 + i64::from(spot.height));
                let expect = |x: i64, y: i64, wanted: &[&str]| {
                    if inside(x, y) {
                        let got = symbol(&buf, x, y).unwrap_or("?");
                        prop_assert!(wanted.contains(&got), "role {role} {:?} at ({x},{y}): {got:?} not one of {wanted:?}", ladder.role(role).title);
                    }
                    Ok(())
                };
                match grid.zoom {
                    Zoom::Fit => {
                        for y in y0..bottom {
                            expect(x0 - 1, y, &["│"])?;
                            expect(right, y, &["│"])?;
                        }
                    }
                    Zoom::Detailed => {
                        expect(x0, y0, &["┌"])?;
                        expect(right - 1, y0, &["┐"])?;
                        expect(x0, bottom - 1, &["└"])?;
                        expect(right - 1, bottom - 1, &["┘"])?;
                        for y in y0 + 1..bottom - 1 {
                            expect(x0, y, &["│"])?;
                            expect(right - 1, y, &["│"])?;
                        }
                    }
                    Zoom::Compact => {
                        if ladder.role_corner(role).is_some() {
                            expect(right, y0, &[" "])?;
                        }
                    }
                }
            }
            for cell in buf.content() {
                prop_assert!(!cell.symbol().chars().any(|c| c.is_control()));
            }
        }
    }
}
