//! Where each role sits on the ladder canvas, worked out from the ladder, the zoom and the space
//! the graph has: levels top (highest) to bottom, corners left to right, enterprise-wide roles
//! spanning their row. Drawing, arrow keys, the mouse and scrolling all read the same answer.
//!
//! Every level starts with a heading row (a rule in the *fit* zoom, a blank row otherwise) that
//! carries the level's name and, between two levels, the plan's connectors.

use crate::ladder::{Ladder, RoleIdx};
use crate::text;

/// How much of the ladder shows at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Zoom {
    /// Everything on screen if at all legible: a table whose cells share the width and whose
    /// rows share the height, titles wrapped whole.
    #[default]
    Fit,
    /// Boxes of a comfortable size with two-line titles; the graph scrolls.
    Detailed,
    /// One line per role, no borders: for very large ladders.
    Compact,
}

impl Zoom {
    pub fn next(self) -> Zoom {
        [Zoom::Detailed, Zoom::Compact, Zoom::Fit][self as usize]
    }

    pub fn name(self) -> &'static str {
        ["fit", "detailed", "compact"][self as usize]
    }
}

/// The narrowest title column the fit zoom accepts before it lets the graph scroll sideways:
/// narrower, hardly a word of a title would be legible.
const FIT_MIN_TEXT: u32 = 10;
/// The fewest lines a fit row gets before the graph scrolls up and down instead.
const FIT_MIN_LINES: u32 = 2;
/// The widest title column the fit zoom makes, however much room there is.
const FIT_MAX_TEXT: u32 = 28;
/// Spare rows make a fit row at most this many lines tall.
const FIT_MAX_LINES: u32 = 6;
const DETAILED_BOX: u32 = 22;
const DETAILED_HEIGHT: u32 = 4;
const COMPACT_CELL: u32 = 20;
/// Corner names wrap onto at most this many header lines, or two when rows are scarce.
const HEADER_LINES: u32 = 3;
/// Below this many rows for the graph, corner names get only two lines.
const ROOMY_HEIGHT: u32 = 30;

/// A rectangle on the canvas (not the screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Spot {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

impl Spot {
    fn center(self) -> (i64, i64) {
        (
            i64::from(self.x) + i64::from(self.width) / 2,
            i64::from(self.y) + i64::from(self.height) / 2,
        )
    }
    fn overlaps_rows(self, other: Spot) -> bool {
        self.y < other.y + other.height && other.y < self.y + self.height
    }
    pub fn contains(self, x: u32, y: u32) -> bool {
        x >= self.x && x < self.x + self.width && y >= self.y && y < self.y + self.height
    }
    pub fn right(self) -> u32 {
        self.x + self.width
    }
    pub fn bottom(self) -> u32 {
        self.y + self.height
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

/// A row of roles: one spanning the width (enterprise-wide roles), or one cell per corner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub y: u32,
    pub height: u32,
    pub spans: bool,
    pub level: usize,
    /// The roles in the row, left to right.
    pub roles: Vec<RoleIdx>,
}

/// Where a role sits among the rows and columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Place {
    /// Index into [`Grid::rows`].
    pub row: usize,
    /// The corner column, or `None` for a role spanning its row.
    pub column: Option<usize>,
}

/// A heading or rule row: above each level (with its name), and in the fit zoom between the
/// rows of one level too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub y: u32,
    pub level: Option<usize>,
}

/// A role's text as its box shows it.
pub type Label<'a> = dyn Fn(RoleIdx) -> String + 'a;

#[derive(Debug, Clone)]
pub struct Grid {
    pub zoom: Zoom,
    /// One spot per role, by role index: the box in the detailed zoom, the text area of the
    /// cell otherwise.
    pub spots: Vec<Spot>,
    /// One place per role, by role index.
    pub places: Vec<Place>,
    /// Each corner's column (x, width), by corner index.
    pub columns: Vec<(u32, u32)>,
    pub rows: Vec<Row>,
    pub rules: Vec<Rule>,
    /// How many lines the corner names take above the canvas.
    pub header_lines: u32,
    /// Each corner's name as the header shows it, wrapped to its column, by corner index.
    pub headers: Vec<Vec<String>>,
    pub width: u32,
    pub height: u32,
}

impl Grid {
    /// The grid for `ladder` at `zoom` in a view `width` × `height` (the graph's whole inside,
    /// corner names included), each role sized for the text `label` says its box will show.
    pub fn new(ladder: &Ladder, zoom: Zoom, width: u32, height: u32, label: &Label) -> Grid {
        let corners = ladder.corners().len().max(1) as u32;
        // Column geometry: `cell` is a column's width, `pitch` the distance between two.
        let (cell, pitch, origin) = match zoom {
            Zoom::Fit => {
                // `│ text │ text │`: a separator before each column and one at the end.
                let text = (width.saturating_sub(1) / corners)
                    .saturating_sub(2)
                    .clamp(FIT_MIN_TEXT, FIT_MAX_TEXT);
                (text + 1, text + 2, 1)
            }
            Zoom::Detailed => (DETAILED_BOX, DETAILED_BOX + 1, 0),
            Zoom::Compact => (COMPACT_CELL - 1, COMPACT_CELL, 0),
        };
        let columns: Vec<(u32, u32)> = (0..ladder.corners().len() as u32)
            .map(|c| (origin + c * pitch, cell))
            .collect();
        let span_width = corners * pitch - (pitch - cell);
        let most = HEADER_LINES - u32::from(height < ROOMY_HEIGHT);
        // Corner names take the column's text width: all of it but the pad column in the fit
        // zoom, where the cell is a table's.
        let header_width = if zoom == Zoom::Fit { cell - 1 } else { cell };
        let headers = corner_headers(ladder, header_width.max(1) as usize, most);
        let header_lines = headers.iter().map(|h| h.len() as u32).max().unwrap_or(0);
        let canvas_height = height.saturating_sub(header_lines);

        // Rows top to bottom: per level, a heading, then enterprise-wide roles, then corner roles
        // (several rows where a corner holds more than one role at the level). Where they go
        // down the canvas is worked out once their heights are known.
        let row = |level, spans, roles| Row {
            y: 0,
            height: 0,
            spans,
            level,
            roles,
        };
        let mut rows: Vec<Row> = Vec::new();
        for floor in ladder.floors() {
            if !floor.enterprise.is_empty() {
                rows.push(row(floor.level, true, floor.enterprise.clone()));
            }
            let stacked = floor.stacked().into_iter();
            rows.extend(stacked.map(|roles| row(floor.level, false, roles)));
        }

        // Where each role of a row goes across, and its text width.
        let place = |row: &Row, r: RoleIdx, i: usize| -> (u32, u32) {
            if row.spans {
                let count = row.roles.len() as u32;
                let each = ((span_width + (pitch - cell)) / count).saturating_sub(pitch - cell);
                let x = origin + i as u32 * (each + pitch - cell);
                // The last one takes what the division left over, so the row ends square.
                let last = i + 1 == row.roles.len();
                let width = if last {
                    (origin + span_width).saturating_sub(x)
                } else {
                    each
                };
                (x, width.max(1))
            } else {
                let c = ladder.role_corner(r).unwrap_or(0) as u32;
                (origin + c * pitch, cell)
            }
        };
        // How many title lines each row gets.
        let lines: Vec<u32> = match zoom {
            Zoom::Detailed => vec![DETAILED_HEIGHT; rows.len()],
            Zoom::Compact => vec![1; rows.len()],
            Zoom::Fit => {
                // The lines a role's title wraps to in its cell, all but the pad column.
                let wrapped = |row: &Row, i: usize| {
                    let r = row.roles[i];
                    let width = place(row, r, i).1.saturating_sub(1).max(1) as usize;
                    text::wrap_hyphenated(&label(r), width, usize::MAX).len() as u32
                };
                let needed: Vec<u32> = rows
                    .iter()
                    .map(|row| {
                        let each = (0..row.roles.len()).map(|i| wrapped(row, i));
                        each.max().unwrap_or(1).max(1)
                    })
                    .collect();
                // A rule above each row and one at the very bottom.
                let rules = rows.len() as u32 + 1;
                share_lines(&needed, canvas_height.saturating_sub(rules))
            }
        };

        let mut spots = vec![Spot::default(); ladder.roles().len()];
        let mut places = vec![Place::default(); ladder.roles().len()];
        let mut rules = Vec::new();
        let mut y = 0;
        let mut previous_level = None;
        for (index, (row, &height)) in rows.iter_mut().zip(&lines).enumerate() {
            let new_level = previous_level != Some(row.level);
            if new_level || zoom == Zoom::Fit {
                rules.push(Rule {
                    y,
                    level: new_level.then_some(row.level),
                });
                y += 1;
            }
            previous_level = Some(row.level);
            (row.y, row.height) = (y, height);
            for (i, &r) in row.roles.iter().enumerate() {
                let (x, width) = place(row, r, i);
                spots[r] = Spot {
                    x,
                    y,
                    width,
                    height,
                };
                // A role spanning its row has no corner.
                let column = ladder.role_corner(r);
                places[r] = Place { row: index, column };
            }
            y += height;
        }
        if zoom == Zoom::Fit && !rows.is_empty() {
            rules.push(Rule { y, level: None });
            y += 1;
        }
        Grid {
            zoom,
            spots,
            places,
            columns,
            rows,
            rules,
            header_lines,
            headers,
            width: origin + span_width + u32::from(zoom == Zoom::Fit),
            height: y,
        }
    }

    /// The role a move in `direction` selects, if any. Left and right stay within the same row
    /// of boxes, nearest first. Up and down go to the nearest band of rows in that direction —
    /// a level's corner roles, or its enterprise-wide roles — then the nearest column, then the
    /// nearest row; within the band it starts in, only straight up or down (a role stacked in
    /// the same cell), so a second role in a neighbouring cell is never taken for the level
    /// above. `column` is where a move leaving a role that spans its row starts across: the
    /// column it was entered from, so passing through an enterprise-wide row keeps the column.
    pub fn neighbour(
        &self,
        from: RoleIdx,
        direction: Direction,
        column: Option<usize>,
    ) -> Option<RoleIdx> {
        let here = *self.spots.get(from)?;
        let (hx, hy) = here.center();
        let bands = self.bands();
        let band = |r: RoleIdx| self.places.get(r).map_or(0, |p| bands[p.row]);
        let spans = self.places.get(from).is_some_and(|p| p.column.is_none());
        let x = match column.and_then(|c| self.columns.get(c)) {
            Some(&(cx, w)) if spans => i64::from(cx) + i64::from(w) / 2,
            _ => hx,
        };
        self.spots
            .iter()
            .enumerate()
            .filter(|&(r, _)| r != from)
            .filter_map(|(r, spot)| {
                let (cx, cy) = spot.center();
                let (dx, dy) = (cx - hx, cy - hy);
                let score = match direction {
                    Direction::Up | Direction::Down => {
                        let beyond = if direction == Direction::Up {
                            spot.bottom() <= here.y
                        } else {
                            spot.y >= here.bottom()
                        };
                        let bands = band(r).abs_diff(band(from)) as i64;
                        let gap = (i64::from(spot.x) - x)
                            .max(x - (i64::from(spot.right()) - 1))
                            .max(0);
                        if !beyond || (bands == 0 && gap > 0) {
                            return None;
                        }
                        (bands, gap, dy.abs(), (cx - x).abs())
                    }
                    Direction::Left if dx < 0 && spot.overlaps_rows(here) => (dy.abs(), -dx, 0, 0),
                    Direction::Right if dx > 0 && spot.overlaps_rows(here) => (dy.abs(), dx, 0, 0),
                    _ => return None,
                };
                Some((score, r))
            })
            .min()
            .map(|(_, r)| r)
    }

    /// Each row's band, top to bottom: a new band starts wherever the level changes or a row
    /// of enterprise-wide roles meets a row of corner roles.
    fn bands(&self) -> Vec<usize> {
        let changes = self.rows.windows(2).scan(0, |band, pair| {
            *band += usize::from(pair[0].level != pair[1].level || pair[0].spans != pair[1].spans);
            Some(*band)
        });
        std::iter::once(0).chain(changes).collect()
    }

    /// Whether canvas row `y` is a heading or rule row rather than a row of roles.
    pub fn is_rule(&self, y: u32) -> bool {
        self.rules.binary_search_by_key(&y, |r| r.y).is_ok()
    }

    /// The row of roles covering canvas row `y`, if one does.
    pub fn row_at(&self, y: u32) -> Option<&Row> {
        let i = self.rows.partition_point(|r| r.y + r.height <= y);
        self.rows.get(i).filter(|r| r.y <= y)
    }

    /// Whether a line may run up through canvas point (x, y): on a heading or rule row, in a
    /// row of enterprise-wide roles (behind the title), or in a corner's cell that no role of
    /// the row holds — never in the gap between two cells, where it would run into a title.
    pub fn passable(&self, x: u32, y: u32) -> bool {
        match self.row_at(y) {
            None => true,
            Some(row) if row.spans => true,
            // A corner column, not the gap after it, that no role of the row holds.
            Some(row) => self.columns.iter().enumerate().any(|(c, &(cx, w))| {
                (cx..cx + w).contains(&x)
                    && !row.roles.iter().any(|&r| self.places[r].column == Some(c))
            }),
        }
    }

    /// Whether the role spans its row (an enterprise-wide role).
    pub fn spans(&self, role: RoleIdx) -> bool {
        self.places.get(role).is_some_and(|p| p.column.is_none())
    }

    /// The role whose box covers canvas point (x, y).
    pub fn role_at(&self, x: u32, y: u32) -> Option<RoleIdx> {
        self.spots.iter().position(|s| s.contains(x, y))
    }

    /// The distance between two columns: horizontal scrolling moves by whole columns.
    pub fn pitch(&self) -> u32 {
        match self.columns.as_slice() {
            [(a, _), (b, _), ..] => b - a,
            [(_, w)] => w + 1,
            [] => 1,
        }
    }
}

/// The corner names as the header shows them in columns `width` wide, each in at most `most`
/// lines: the whole name, wrapped at spaces and at hyphenation points, when it fits; else the
/// ladder's short name for the corner when it has one that takes fewer lines; cut with `…` only
/// when neither fits.
fn corner_headers(ladder: &Ladder, width: usize, most: u32) -> Vec<Vec<String>> {
    let most = most as usize;
    ladder
        .corners()
        .iter()
        .map(|c| {
            let whole = text::wrap_hyphenated(&text::one_line(&c.name), width, usize::MAX);
            let short = (whole.len() > most && !c.short.is_empty())
                .then(|| text::wrap_hyphenated(&text::one_line(&c.short), width, usize::MAX))
                .filter(|short| short.len() < whole.len());
            let (name, lines) = match short {
                Some(lines) => (&c.short, lines),
                None => (&c.name, whole),
            };
            if lines.len() <= most {
                lines
            } else {
                text::wrap_hyphenated(&text::one_line(name), width, most)
            }
        })
        .collect()
}

/// Lines for rows needing `needed`, in `room` lines: everything when it fits, spare lines
/// shared out so rows grow rather than leave blank space; otherwise the tallest rows give way
/// first, down to two lines each (below that the graph scrolls up and down instead).
fn share_lines(needed: &[u32], room: u32) -> Vec<u32> {
    if needed.is_empty() {
        return Vec::new();
    }
    let total: u32 = needed.iter().sum();
    let mut lines: Vec<u32> = if total <= room {
        needed.to_vec()
    } else {
        // The largest cap that fits, but never so low that titles stop being legible.
        let fits = |cap: u32| needed.iter().map(|&n| n.min(cap)).sum::<u32>() <= room;
        let most = needed.iter().copied().max().unwrap_or(1);
        let cap = (1..=most)
            .rev()
            .find(|&c| fits(c))
            .unwrap_or(1)
            .max(FIT_MIN_LINES);
        needed.iter().map(|&n| n.min(cap)).collect()
    };
    // One line at a time: first to rows still short of what they need, then to the shortest
    // rows, so heights even out.
    let mut spare = room.saturating_sub(lines.iter().sum());
    while spare > 0 {
        let short = (0..lines.len())
            .filter(|&i| lines[i] < needed[i])
            .max_by_key(|&i| (needed[i] - lines[i], std::cmp::Reverse(i)));
        // Then every row in turn, so all grow alike.
        let grow = short.or_else(|| {
            let extra = |i: usize| lines[i] - needed[i].min(lines[i]);
            (0..lines.len())
                .filter(|&i| lines[i] < FIT_MAX_LINES.max(needed[i]))
                .min_by_key(|&i| (extra(i), i))
        });
        let Some(i) = grow else { break };
        lines[i] += 1;
        spare -= 1;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{BUNDLED, load_str};

    fn titled(ladder: &Ladder, zoom: Zoom, width: u32, height: u32) -> Grid {
        Grid::new(ladder, zoom, width, height, &|r| {
            ladder.role(r).title.to_string()
        })
    }

    fn bundled() -> Ladder {
        load_str(BUNDLED[0].1, "bundled").unwrap()
    }

    #[test]
    fn the_top_level_comes_first_and_enterprise_roles_span_the_row() {
        let ladder = bundled();
        for zoom in [Zoom::Fit, Zoom::Detailed, Zoom::Compact] {
            let grid = titled(&ladder, zoom, 118, 33);
            let cio = grid.spots[ladder.role_index("cio").unwrap()];
            let digital = grid.spots[ladder.role_index("chief-digital-officer").unwrap()];
            let sysadmin = grid.spots[ladder.role_index("sysadmin").unwrap()];
            assert!(sysadmin.y > cio.y, "{zoom:?}");
            // The two enterprise-wide executives share their row, side by side.
            assert_eq!((cio.x, digital.y), (grid.columns[0].0, cio.y), "{zoom:?}");
            let last_column = grid.columns.last().unwrap();
            assert_eq!(digital.right(), last_column.0 + last_column.1, "{zoom:?}");
        }
    }

    #[test]
    fn the_fit_zoom_shares_the_width_and_the_height() {
        let ladder = bundled();
        let grid = titled(&ladder, Zoom::Fit, 118, 33);
        assert!(grid.width <= 118, "every corner fits: {}", grid.width);
        assert!(grid.height + grid.header_lines <= 33, "{}", grid.height);
        let taller = titled(&ladder, Zoom::Fit, 118, 50);
        let row = |g: &Grid| g.spots[ladder.role_index("director-infra").unwrap()].height;
        assert!(row(&taller) > row(&grid), "spare rows make boxes taller");
        assert!(taller.height + taller.header_lines <= 50);
    }

    #[test]
    fn arrows_move_to_the_nearest_box_in_that_direction() {
        let ladder = bundled();
        let grid = titled(&ladder, Zoom::Detailed, 200, 60);
        let id = |r: Option<RoleIdx>| r.map(|r| ladder.role(r).id.clone());
        // (from, key, selected; none when no box lies that way)
        let moves = [
            ("sysadmin", Direction::Up, Some("infra-lead")),
            ("sysadmin", Direction::Right, Some("developer")),
            ("sysadmin", Direction::Left, None),
            ("sysadmin", Direction::Down, None),
            ("svp-infra", Direction::Up, Some("cio")),
        ];
        for (from, direction, to) in moves {
            let from_role = ladder.role_index(from).unwrap();
            let next = grid.neighbour(from_role, direction, None);
            assert_eq!(id(next).as_deref(), to, "{direction:?} from {from}");
        }
    }

    #[test]
    fn up_and_down_rank_the_level_first_then_the_column() {
        let source = include_str!("../../../tests/fixtures/ladders/company-stacked.ron");
        let ladder = load_str(source, "company-stacked").unwrap();
        let role = |id: &str| ladder.role_index(id).unwrap();
        let id = |r: Option<RoleIdx>| r.map(|r| ladder.role(r).id.clone());
        for zoom in [Zoom::Fit, Zoom::Detailed, Zoom::Compact] {
            let grid = titled(&ladder, zoom, 118, 33);
            // (from, key, column entered from, selected)
            let moves = [
                // A second role in the Development and Security cells sits lower than the
                // others of its level; it is not the level above for the Data engineer.
                ("data-engineer", Direction::Up, None, "data-lead"),
                ("ops-engineer", Direction::Up, None, "ops-lead"),
                ("data-lead", Direction::Down, None, "data-engineer"),
                // Within a cell, straight down and up again.
                ("dev-lead", Direction::Down, None, "staff-engineer"),
                ("staff-engineer", Direction::Up, None, "dev-lead"),
                // Through the IT manager's row, the column it was entered from.
                ("ops-manager", Direction::Up, None, "it-manager"),
                ("it-manager", Direction::Up, Some(0), "ops-director"),
                ("it-manager", Direction::Down, Some(3), "sec-manager"),
            ];
            for (from, direction, column, to) in moves {
                assert_eq!(
                    id(grid.neighbour(role(from), direction, column)).as_deref(),
                    Some(to),
                    "{zoom:?}: {direction:?} from {from} (entered from column {column:?})"
                );
            }
        }
    }

    #[test]
    fn lines_are_shared_out_or_given_up_evenly() {
        // (lines each row needs, room, lines each row gets, why)
        let cases: [(&[u32], u32, &[u32], &str); 5] = [
            (&[1, 3, 2], 6, &[1, 3, 2], "what they need, when it fits"),
            (&[1, 3, 2], 9, &[2, 4, 3], "every row grows alike"),
            (&[1, 4, 4], 7, &[1, 3, 3], "the tallest rows give way first"),
            (
                &[1, 4, 4],
                8,
                &[1, 4, 3],
                "the spare line goes where needed",
            ),
            (&[4, 4], 1, &[2, 2], "then the graph scrolls"),
        ];
        for (needed, room, lines, why) in cases {
            assert_eq!(
                share_lines(needed, room),
                lines,
                "{needed:?} in {room}: {why}"
            );
        }
    }
}
