//! The plan's connectors on the ladder graph: a double line from each planned role up to the
//! next. It turns across in the heading row nearest the upper role that leaves it clear
//! (`╔══╝` up and right, `╚══╗` up and left, `║` straight up) and runs up through any rows
//! between: behind
//! the title of an enterprise-wide row (`╫` where it crosses a border or a rule), never through
//! a cell that holds another role — a move that would have to keeps just its step numbers.
//! Boxes that touch (a corner role under its level's enterprise-wide row, in the detailed zoom)
//! are joined on their borders, `╥` over `╨`.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use super::graph::{cell_at, put};
use super::graph_draw::{Canvas, Graph};
use super::grid::{Grid, Spot};
use crate::text;

/// What a connector's upright line makes of what it runs over: a blank or itself, a rule or
/// border it crosses, the turn of another connector.
const CROSSINGS: &[(&str, &str)] = &[(" ", "║"), ("║", "║"), ("─", "╫"), ("╫", "╫"), ("═", "╬")];

/// Where one connector runs on the canvas, between a lower role and the upper one it leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link {
    /// The column it leaves the lower role at.
    pub low_x: u32,
    /// The column it enters the upper role at.
    pub high_x: u32,
    /// The rows between the two roles: from the upper role's bottom (`top`) to the lower
    /// role's top (`bottom`, not included). Equal when the boxes touch.
    pub top: u32,
    pub bottom: u32,
    /// The row where it turns across from one column to the other; `None` when they are one.
    pub turn: Option<u32>,
}

impl Link {
    /// The connector from `low` up to `high`, if one can be drawn without crossing another
    /// role's cell. Only a move up gets one. A role spanning its row may be met in any corner
    /// column it covers: a straight line first, then the shortest way across.
    pub fn route(grid: &Grid, low: Spot, high: Spot) -> Option<Link> {
        if high.bottom() > low.y {
            return None;
        }
        meetings(grid, low, high.x + high.width / 2)
            .into_iter()
            .find_map(|low_x| {
                meetings(grid, high, low_x)
                    .into_iter()
                    .find_map(|high_x| Link::between(grid, (low, low_x), (high, high_x)))
            })
    }

    /// The connector leaving `low` at column `low_x` and entering `high` at `high_x`, if it
    /// can run clear of every other role's cell.
    fn between(
        grid: &Grid,
        (low, low_x): (Spot, u32),
        (high, high_x): (Spot, u32),
    ) -> Option<Link> {
        let (top, bottom) = (high.bottom(), low.y);
        let clear = |x: u32, from: u32, to: u32| (from..to).all(|y| grid.passable(x, y));
        let link = |turn| Link {
            low_x,
            high_x,
            top,
            bottom,
            turn,
        };
        if low_x == high_x {
            return clear(low_x, top, bottom).then(|| link(None));
        }
        // The heading nearest the upper role first: the line climbs in its own column, then
        // crosses over just below where it arrives.
        let first = grid.rules.partition_point(|r| r.y < top);
        grid.rules[first..]
            .iter()
            .map(|r| r.y)
            .take_while(|&y| y < bottom)
            .find(|&turn| clear(high_x, top, turn) && clear(low_x, turn + 1, bottom))
            .map(|turn| link(Some(turn)))
    }
}

/// How many of a spanning role's columns a connector tries before it gives up and leaves the
/// move to its step numbers: a line that wanders further off looks like it means another role.
const TRIED_COLUMNS: usize = 6;

/// The canvas columns where a connector may meet `spot`, best first: the middles of the corner
/// columns the spot covers, nearest `toward` (where the other end is) first — a corner role's
/// own column only; for a role spanning its row, the other end's column first, so the line
/// stays straight. Lines keep to the middles of columns, clear of the gaps between cells. A
/// spanning role narrower than any column it sits over is met at its own middle.
fn meetings(grid: &Grid, spot: Spot, toward: u32) -> Vec<u32> {
    let mut middles: Vec<u32> = grid
        .columns
        .iter()
        .map(|&(x, width)| x + width / 2)
        .filter(|&middle| middle >= spot.x && middle < spot.right())
        .collect();
    if middles.is_empty() {
        middles.push(spot.x + spot.width / 2);
    }
    middles.sort_by_key(|&middle| middle.abs_diff(toward));
    middles.truncate(TRIED_COLUMNS);
    middles
}

impl Graph<'_> {
    /// The plan's connectors. Returns where each one shows on a heading or rule row, as
    /// (screen row, leftmost, rightmost column), so level names can keep clear of them.
    pub(super) fn draw_connectors(
        &self,
        buf: &mut Buffer,
        canvas: &Canvas,
    ) -> Vec<(i64, i64, i64)> {
        let style = self.theme.path();
        let mut drawn = Vec::new();
        let Some(mut from) = self.marks.plan.current else {
            return drawn;
        };
        for &(to, _, _) in &self.marks.plan.steps {
            let (Some(&low), Some(&high)) = (self.grid.spots.get(from), self.grid.spots.get(to))
            else {
                break;
            };
            from = to;
            if !canvas.shows_rows(high.y, low.bottom()) {
                continue;
            }
            let Some(link) = Link::route(self.grid, low, high) else {
                continue;
            };
            let (low_x, high_x) = (canvas.x(link.low_x), canvas.x(link.high_x));
            if link.top == link.bottom {
                // Touching boxes: mark the two borders where they meet.
                let above = link.top.checked_sub(1).map(|y| (y, "╥"));
                for (y, mark) in above.into_iter().chain([(link.bottom, "╨")]) {
                    over(buf, canvas, low_x, canvas.y(y), &[("─", mark)], style);
                }
                continue;
            }
            for y in link.top..link.bottom {
                let row = canvas.y(y);
                if link.turn == Some(y) {
                    let (left, right) = (low_x.min(high_x), low_x.max(high_x));
                    let (start, end) = if low_x < high_x {
                        ("╔", "╝")
                    } else {
                        ("╚", "╗")
                    };
                    let line = format!("{start}{}{end}", "═".repeat((right - left - 1) as usize));
                    put(buf, canvas.area, left, row, &line, style);
                    drawn.push((row, left, right));
                    continue;
                }
                let column = if link.turn.is_some_and(|turn| y < turn) {
                    link.high_x
                } else {
                    link.low_x
                };
                let x = canvas.x(column);
                // Over blanks and lines only, and never between a title's first and last
                // letter: an enterprise-wide role's title stays whole, the line passing behind it.
                if self.inside_title(buf, canvas, column, y) {
                    continue;
                }
                if over(buf, canvas, x, row, CROSSINGS, style) && self.grid.is_rule(y) {
                    drawn.push((row, x, x));
                }
            }
        }
        drawn
    }

    /// Whether canvas point (x, y) lies in the text of an enterprise-wide role's title as drawn:
    /// with letters on both sides of it within the role's box on that line, or just after a
    /// wide character, whose second half it is.
    fn inside_title(&self, buf: &Buffer, canvas: &Canvas, x: u32, y: u32) -> bool {
        let Some(row) = self.grid.row_at(y).filter(|row| row.spans) else {
            return false;
        };
        let Some(spot) = row
            .roles
            .iter()
            .filter_map(|&r| self.grid.spots.get(r))
            .find(|spot| spot.x <= x && x < spot.right())
        else {
            return false;
        };
        let left = canvas.x(spot.x).max(i64::from(canvas.area.x));
        let right = canvas.x(spot.right()).min(i64::from(canvas.area.right()));
        let (sx, sy) = (canvas.x(x), canvas.y(y));
        let symbol = |cx: i64| {
            u16::try_from(cx)
                .ok()
                .zip(u16::try_from(sy).ok())
                .and_then(|at| buf.cell(at))
                .map_or("", |cell| cell.symbol())
        };
        // Neither a blank nor a line: a box's borders and the connectors are not text.
        let lines = '─'..='╿';
        let letter = |cx: i64| {
            symbol(cx)
                .chars()
                .any(|c| !c.is_whitespace() && !lines.contains(&c))
        };
        text::width(symbol(sx - 1)) > 1 || ((left..sx).any(letter) && (sx + 1..right).any(letter))
    }
}

/// Replaces the symbol at screen (x, y) inside the canvas by the one `swaps` pairs it with, if
/// it pairs it with one; says whether it did.
fn over(
    buf: &mut Buffer,
    canvas: &Canvas,
    x: i64,
    y: i64,
    swaps: &[(&str, &'static str)],
    style: Style,
) -> bool {
    let Some(cell) = cell_at(buf, canvas.area, x, y) else {
        return false;
    };
    let Some(&(_, to)) = swaps.iter().find(|(from, _)| *from == cell.symbol()) else {
        return false;
    };
    cell.set_symbol(to).set_style(style);
    true
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::widgets::Widget;

    use super::*;
    use crate::ladder::{BUNDLED, Ladder, MoveKind, load_str};
    use crate::profile::PlanMarks;
    use crate::tui::theme::Theme;
    use crate::tui::widgets::graph::{GraphView, Marks, margin};
    use crate::tui::widgets::grid::Zoom;
    use crate::tui::widgets::rows;

    /// Every glyph a connector draws.
    const LINES: &[&str] = &["║", "╫", "╬", "╔", "╗", "╚", "╝", "═", "╥", "╨"];

    fn bundled() -> Ladder {
        load_str(BUNDLED[0].1, "bundled").unwrap()
    }

    /// The whole ladder drawn at `zoom` with a plan from `current` through `steps`: the screen,
    /// the grid, and a way to read the screen at a canvas point.
    struct Drawn {
        buf: Buffer,
        grid: std::rc::Rc<Grid>,
        origin: (i64, i64),
    }

    impl Drawn {
        fn new(ladder: &Ladder, zoom: Zoom, current: &str, steps: &[&str]) -> Drawn {
            let role = |id: &str| ladder.role_index(id).unwrap();
            let marks = Marks {
                plan: PlanMarks {
                    current: Some(role(current)),
                    target: steps.last().map(|&s| role(s)),
                    held: Vec::new(),
                    steps: steps
                        .iter()
                        .enumerate()
                        .map(|(i, &s)| (role(s), i + 1, MoveKind::Diagonal))
                        .collect(),
                },
                compare: Vec::new(),
            };
            let mut view = GraphView::default();
            while view.zoom != zoom {
                view.zoom();
            }
            // Room for the whole ladder, so nothing scrolls.
            let body = Rect::new(0, 0, 230, 90);
            let (grid, areas) = view.lay_out(ladder, &marks, body, 0);
            let mut buf = Buffer::empty(body);
            Graph {
                ladder,
                grid: &grid,
                marks: &marks,
                view: &view,
                theme: Theme::new(true),
                title: "",
            }
            .render(areas.frame, &mut buf);
            let origin = (
                i64::from(areas.canvas.x) + i64::from(margin(&grid, areas.canvas)),
                i64::from(areas.canvas.y),
            );
            Drawn { buf, grid, origin }
        }

        fn at(&self, x: u32, y: u32) -> &str {
            let (x, y) = (self.origin.0 + i64::from(x), self.origin.1 + i64::from(y));
            self.buf
                .cell((x as u16, y as u16))
                .map_or("", |c| c.symbol())
        }

        /// Whether canvas row `y` lies in a row of enterprise-wide roles.
        fn behind_a_title(&self, y: u32) -> bool {
            self.grid
                .rows
                .iter()
                .any(|r| r.spans && r.y <= y && y < r.y + r.height)
        }

        /// Whether a line of connector glyphs leads up from `low`'s box into `high`'s: up
        /// through `║ ╫ ╬` (or behind an enterprise-wide title), across `╔══╝` or `╚══╗`
        /// (entering at `╔` or `╗`, leaving at `╝` or `╚`); boxes
        /// that touch are joined `╥` over `╨`. The line must show in `low`'s columns on the
        /// first row above it that is not behind a title.
        fn joined(&self, low: Spot, high: Spot) -> bool {
            let columns = || low.x..low.right();
            if high.bottom() == low.y {
                return columns().any(|x| self.at(x, low.y) == "╨" && self.at(x, low.y - 1) == "╥");
            }
            // Glyphs a line coming up from below can show.
            const FROM_BELOW: &[&str] = &["║", "╫", "╬", "╔", "╗"];
            let rises = |x: u32, y: u32| FROM_BELOW.contains(&self.at(x, y));
            // A title right above the lower role may hide the line's first rows.
            let mut y = low.y - 1;
            while y > high.bottom() && self.behind_a_title(y) && !columns().any(|x| rises(x, y)) {
                y -= 1;
            }
            let Some(mut x) = columns().find(|&x| rises(x, y)) else {
                return false;
            };
            while y >= high.bottom() {
                match self.at(x, y) {
                    "║" | "╫" | "╬" => {}
                    start @ ("╔" | "╗") => {
                        // Across to where the line turns up again.
                        let (step, end): (i64, _) = if start == "╔" {
                            (1, "╝")
                        } else {
                            (-1, "╚")
                        };
                        loop {
                            x = (i64::from(x) + step) as u32;
                            match self.at(x, y) {
                                "═" | "╬" => {}
                                s if s == end => break,
                                _ => return false,
                            }
                        }
                    }
                    _ if self.behind_a_title(y) => {}
                    _ => return false,
                }
                y -= 1;
            }
            x >= high.x && x < high.right()
        }
    }

    fn company() -> Ladder {
        let source = include_str!("../../../tests/fixtures/ladders/company-stacked.ron");
        load_str(source, "company-stacked").unwrap()
    }

    /// Plans whose every move can be drawn: on the bundled ladder, Tech lead → Analytics
    /// manager crosses the Enterprise architect's row, → Director of IT security the IT
    /// manager's, CISO → CIO steps into the row above. On the company ladder, Operations
    /// engineer → Data lead climbs past the Staff engineer's row, Development manager → Data
    /// director crosses the IT manager's, and Head of IT → CIO cannot go straight up (the CTO
    /// sits in the middle column) and goes round.
    fn drawable_plans() -> [(Ladder, &'static str, Vec<&'static str>); 3] {
        [
            // Whatever the zoom, a line up through this title meets a space between two
            // letters.
            (
                load_str(
                    r#"(format: 1, id: "spaced", name: "Spaced",
                        levels: [(id: "one", name: "One"), (id: "two", name: "Two"),
                                 (id: "three", name: "Three")],
                        corners: [(id: "a", name: "A"), (id: "b", name: "B")],
                        roles: [
                            (id: "a1", title: "A one", level: "one", corner: "a"),
                            (id: "wide", title: "a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p", level: "two"),
                            (id: "b3", title: "B three", level: "three", corner: "b"),
                        ])"#,
                    "spaced",
                )
                .unwrap(),
                "a1",
                vec!["b3"],
            ),
            (
                bundled(),
                "dev-lead",
                vec!["analytics-manager", "director-security", "ciso", "cio"],
            ),
            (
                company(),
                "ops-engineer",
                vec![
                    "data-lead",
                    "dev-manager",
                    "data-director",
                    "head-of-it",
                    "cio",
                ],
            ),
        ]
    }

    #[test]
    fn connectors_run_through_enterprise_wide_rows_at_every_zoom() {
        for (ladder, current, plan) in drawable_plans() {
            for zoom in [Zoom::Fit, Zoom::Detailed, Zoom::Compact] {
                let drawn = Drawn::new(&ladder, zoom, current, &plan);
                let spot = |id: &str| drawn.grid.spots[ladder.role_index(id).unwrap()];
                let mut from = current;
                for &to in &plan {
                    // One-line rows that touch have no border to join.
                    let touching = spot(to).bottom() == spot(from).y;
                    if !(touching && zoom == Zoom::Compact) {
                        assert!(
                            drawn.joined(spot(from), spot(to)),
                            "{zoom:?}: no line from {from} to {to}\n{}",
                            rows(&drawn.buf).join("\n")
                        );
                    }
                    from = to;
                }
            }
        }
    }

    #[test]
    fn a_line_passes_behind_a_title_never_through_it() {
        for (ladder, current, plan) in drawable_plans() {
            for zoom in [Zoom::Fit, Zoom::Detailed, Zoom::Compact] {
                let drawn = Drawn::new(&ladder, zoom, current, &plan);
                let shown = rows(&drawn.buf).join("\n");
                assert!(shown.contains("║"), "{zoom:?}: no connector\n{shown}");
                for row in drawn.grid.rows.iter().filter(|row| row.spans) {
                    for &role in &row.roles {
                        let spot = drawn.grid.spots[role];
                        for y in spot.y..spot.bottom() {
                            let line: String =
                                (spot.x..spot.right()).map(|x| drawn.at(x, y)).collect();
                            let text =
                                line.trim_matches(|c: char| c == ' ' || "│┌┐└┘─║╫╥╨".contains(c));
                            assert!(
                                !text.contains(|c: char| LINES.contains(&c.to_string().as_str())),
                                "{zoom:?}: {:?} cut on {line:?}\n{shown}",
                                ladder.role(role).title
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn a_move_that_would_cross_another_roles_box_keeps_just_its_step_numbers() {
        let ladder = bundled();
        // Tech lead → Director of engineering skips the manager level, whose Engineering
        // manager sits in the way.
        for zoom in [Zoom::Fit, Zoom::Detailed, Zoom::Compact] {
            let drawn = Drawn::new(&ladder, zoom, "dev-lead", &["director-engineering"]);
            assert_no_line(&drawn, zoom);
        }
        // Operations engineer → Development lead would have to turn inside the Staff
        // engineer's cell, stacked under the Development lead with no heading between —
        // except in the fit zoom, which rules off every row.
        let company = company();
        for zoom in [Zoom::Detailed, Zoom::Compact] {
            let drawn = Drawn::new(&company, zoom, "ops-engineer", &["dev-lead"]);
            assert_no_line(&drawn, zoom);
        }
    }

    fn assert_no_line(drawn: &Drawn, zoom: Zoom) {
        let shown = rows(&drawn.buf).join("\n");
        assert!(
            !LINES.iter().any(|glyph| shown.contains(glyph)),
            "{zoom:?}\n{shown}"
        );
    }
}
