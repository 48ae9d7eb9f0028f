//! The ladder graph's state and geometry: where its parts go on screen, which role is selected,
//! what shows, and the marks on each role. Used by the Ladder tab and the first-run screen,
//! which each keep their own [`GraphView`]. Drawing is in `graph_draw`; the clipped writing it
//! and the connectors share is at the end of this file.

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Block;
use unicode_segmentation::UnicodeSegmentation;

use super::grid::{Direction, Grid, Zoom};
use crate::ladder::{Ladder, RoleIdx};
use crate::profile::{PlanMarks, Profile, StepMark, labelled};
use crate::text;
use crate::tui::keymap::{Binding, Footer, Key, bind};

/// Where the parts of a graph go inside the body of a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphAreas {
    /// The framed box around corner names (which stay while the canvas scrolls up and down),
    /// canvas and legend.
    pub frame: Rect,
    /// Where roles are drawn, scrolled.
    pub canvas: Rect,
    pub legend: Rect,
    pub details: Option<Rect>,
}

impl GraphAreas {
    /// Corner names, canvas and legend, top to bottom in `inside`, for `grid`.
    pub fn parts(inside: Rect, grid: &Grid) -> [Rect; 3] {
        let legend = inside.height.min(1);
        let header = text::cells(grid.header_lines as usize).min(inside.height - legend);
        Layout::vertical([
            Constraint::Length(header),
            Constraint::Fill(1),
            Constraint::Length(legend),
        ])
        .areas(inside)
    }
}

use Key::{Char as C, Code};

/// The keys that move the selection on a graph, wherever one is shown.
pub const MOVE_KEYS: &[Binding<Direction>] = &[
    bind(
        "up",
        &[Code(KeyCode::Up), C('k')],
        Direction::Up,
        "up a level",
        Footer::Group("←↓↑→", "move"),
    ),
    bind(
        "down",
        &[Code(KeyCode::Down), C('j')],
        Direction::Down,
        "down a level",
        Footer::Hidden,
    ),
    bind(
        "left",
        &[Code(KeyCode::Left), C('h')],
        Direction::Left,
        "the role to the left",
        Footer::Hidden,
    ),
    bind(
        "right",
        &[Code(KeyCode::Right), C('l')],
        Direction::Right,
        "the role to the right",
        Footer::Hidden,
    ),
];

/// What the graph marks on each role, worked out once per frame: the plan's marks, as the
/// exported pictures have them too, and the roles marked for comparison.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Marks {
    pub plan: PlanMarks,
    /// Roles marked for comparison, in the order marked (◆1 ◆2 ◆3).
    pub compare: Vec<RoleIdx>,
}

impl Marks {
    pub fn of(profile: Option<&Profile>, ladder: &Ladder) -> Marks {
        Marks {
            plan: profile.map_or_else(PlanMarks::default, |p| PlanMarks::of(p, ladder)),
            compare: Vec::new(),
        }
    }

    /// ●★✓①↗◆1: what a role's box says before its title.
    pub fn prefix(&self, role: RoleIdx) -> String {
        let mut prefix = self.plan.prefix(role, StepMark::NumberAndKind);
        if let Some(i) = self.compare.iter().position(|&r| r == role) {
            prefix.push('◆');
            prefix.push_str(&(i + 1).to_string());
        }
        prefix
    }

    /// A role's text as its box shows it: marks, then the title.
    pub fn label(&self, ladder: &Ladder, role: RoleIdx) -> String {
        labelled(&self.prefix(role), &ladder.role(role).title)
    }
}

/// Columns left blank before a canvas narrower than its view, so it sits in the middle.
pub fn margin(grid: &Grid, view: Rect) -> u16 {
    text::cells((u32::from(view.width).saturating_sub(grid.width) / 2) as usize)
}

/// What a grid was worked out for: zoom, size, and the marks (which change titles' lengths).
type GridKey = (Zoom, u32, u32, Marks);

/// What one screen's graph looks like now: zoom, selection, scroll, and the grid worked out for
/// the last size and marks it was asked about (a big ladder's grid takes a while to work out,
/// and most frames ask the same question again).
#[derive(Debug, Default)]
pub struct GraphView {
    pub zoom: Zoom,
    pub selected: RoleIdx,
    /// Top-left corner of the visible part of the canvas.
    pub scroll: (u32, u32),
    /// The corner column the selection came from when arrows took it into a role spanning its
    /// row, so the next arrow up or down leaves it in that column rather than mid-grid.
    came_from: Option<usize>,
    cache: RefCell<Option<(GridKey, Rc<Grid>)>>,
}

impl GraphView {
    /// The grid for `ladder` in `body` and these marks, and where the graph's parts go: the
    /// frame (corner names, canvas and, on its last row, the legend) and beside it the details
    /// pane, `details` columns wide (0: none, and never more than half the body).
    pub fn lay_out(
        &self,
        ladder: &Ladder,
        marks: &Marks,
        body: Rect,
        details: u16,
    ) -> (Rc<Grid>, GraphAreas) {
        let details = details.min(body.width / 2);
        let [frame, pane] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Length(details)]).areas(body);
        // The grid fills the inside of the frame but for the legend's row.
        let inside = Block::bordered().inner(frame);
        let (width, height) = (
            u32::from(inside.width),
            u32::from(inside.height.saturating_sub(1)),
        );
        let key = (self.zoom, width, height, marks.clone());
        let cached = self
            .cache
            .borrow()
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, g)| Rc::clone(g));
        let grid = cached.unwrap_or_else(|| {
            let label = |role| marks.label(ladder, role);
            let grid = Rc::new(Grid::new(ladder, self.zoom, width, height, &label));
            *self.cache.borrow_mut() = Some((key, Rc::clone(&grid)));
            grid
        });
        let [_, canvas, legend] = GraphAreas::parts(inside, &grid);
        let details = (details > 0).then_some(pane);
        let areas = GraphAreas {
            frame,
            canvas,
            legend,
            details,
        };
        (grid, areas)
    }

    pub fn select(&mut self, role: RoleIdx, grid: &Grid, view: Rect) {
        if role < grid.spots.len() {
            self.selected = role;
            self.came_from = None;
            self.keep_visible(grid, view);
        }
    }

    /// Moves the selection by an arrow key. Passing up or down through an enterprise-wide row
    /// remembers the column it was entered from.
    pub fn step(&mut self, direction: Direction, grid: &Grid, view: Rect) {
        let from = self.selected;
        let Some(next) = grid.neighbour(from, direction, self.came_from) else {
            return;
        };
        let vertical = matches!(direction, Direction::Up | Direction::Down);
        let came_from = match grid.places.get(from) {
            _ if !vertical || !grid.spans(next) => None,
            Some(place) if place.column.is_some() => place.column,
            _ => self.came_from,
        };
        self.select(next, grid, view);
        self.came_from = came_from;
    }

    /// The role under screen point (x, y) of `view`, if any.
    pub fn role_at(&self, grid: &Grid, view: Rect, x: u16, y: u16) -> Option<RoleIdx> {
        let left = view.x + margin(grid, view);
        if !view.contains((x, y).into()) || x < left {
            return None;
        }
        grid.role_at(
            u32::from(x - left) + self.scroll.0,
            u32::from(y - view.y) + self.scroll.1,
        )
    }

    /// The largest scroll that still shows canvas at the view's edge.
    fn max_scroll(grid: &Grid, view: Rect) -> (u32, u32) {
        let pitch = grid.pitch();
        let x = grid
            .width
            .saturating_sub(u32::from(view.width))
            .div_ceil(pitch)
            * pitch;
        (x, grid.height.saturating_sub(u32::from(view.height)))
    }

    /// Scrolls the canvas so the selected box (and the heading above it) is inside `view`.
    pub fn keep_visible(&mut self, grid: &Grid, view: Rect) {
        let Some(spot) = grid.spots.get(self.selected).copied() else {
            return;
        };
        let (view_w, view_h) = (u32::from(view.width), u32::from(view.height));
        let pitch = grid.pitch();
        let (mut sx, mut sy) = self.scroll;
        let column_start = spot.x - spot.x % pitch;
        if spot.x < sx {
            sx = column_start;
        } else if spot.x + spot.width.min(view_w) + 1 > sx + view_w {
            let wanted = (spot.x + spot.width.min(view_w) + 1).saturating_sub(view_w);
            // Whole columns, but never so far that the box's own start scrolls out.
            sx = (wanted.div_ceil(pitch) * pitch).min(column_start);
        }
        let top = spot.y.saturating_sub(1);
        if top < sy {
            sy = top;
        } else if spot.bottom() > sy + view_h {
            sy = spot.bottom().saturating_sub(view_h);
            // Start the view at a heading or rule rather than halfway through a row.
            if let Some(rule) = grid.rules.iter().find(|r| r.y >= sy && r.y <= top) {
                sy = rule.y;
            }
        }
        let (max_x, max_y) = GraphView::max_scroll(grid, view);
        self.scroll = (sx.min(max_x), sy.min(max_y));
    }

    /// The mouse on the graph: the wheel scrolls it up and down, or sideways a column with
    /// Shift (or a sideways wheel); a left click selects the role under it. `None` when the
    /// event is neither; else whether a click selected a role.
    pub fn mouse(&mut self, mouse: &MouseEvent, grid: &Grid, view: Rect) -> Option<bool> {
        let sideways = mouse.modifiers.contains(KeyModifiers::SHIFT);
        let (dx, dy): (i64, i64) = match (mouse.kind, sideways) {
            (MouseEventKind::ScrollUp, false) => (0, -3),
            (MouseEventKind::ScrollDown, false) => (0, 3),
            (MouseEventKind::ScrollUp, true) | (MouseEventKind::ScrollLeft, _) => (-1, 0),
            (MouseEventKind::ScrollDown, true) | (MouseEventKind::ScrollRight, _) => (1, 0),
            (MouseEventKind::Down(MouseButton::Left), _) => {
                let role = self.role_at(grid, view, mouse.column, mouse.row);
                if let Some(role) = role {
                    self.select(role, grid, view);
                }
                return Some(role.is_some());
            }
            _ => return None,
        };
        let (max_x, max_y) = GraphView::max_scroll(grid, view);
        let pitch = i64::from(grid.pitch());
        let clamp = |v: i64, max: u32| v.clamp(0, i64::from(max)) as u32;
        self.scroll = (
            clamp(i64::from(self.scroll.0) + dx * pitch, max_x),
            clamp(i64::from(self.scroll.1) + dy, max_y),
        );
        Some(false)
    }

    /// Cycles the zoom, keeping the selection in sight.
    pub fn zoom(&mut self) {
        self.zoom = self.zoom.next();
        self.scroll = (0, 0);
    }
}

/// The cell at screen (`x`, `y`), if it lies in `area` and the buffer.
pub(super) fn cell_at(buf: &mut Buffer, area: Rect, x: i64, y: i64) -> Option<&mut Cell> {
    let at = Position::new(u16::try_from(x).ok()?, u16::try_from(y).ok()?);
    area.contains(at).then(move || buf.cell_mut(at))?
}

/// Writes `s` from screen column `x`, which may lie left of `area` (the canvas scrolled
/// sideways), on row `y`, clipped to `area`: what a scrolled canvas needs and ratatui's buffer,
/// which starts text at a cell of its own, does not do. The ladder's text was checked for
/// control characters when it was loaded, and the buffer drops any that are left.
pub(super) fn put(buf: &mut Buffer, area: Rect, x: i64, y: i64, s: &str, style: Style) {
    let area = area.intersection(buf.area);
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        // Plain ASCII, most of what is drawn: a cell per byte, no segmentation needed.
        let skip = (i64::from(area.x) - x).max(0) as usize;
        for (i, b) in s.bytes().enumerate().skip(skip) {
            let Some(cell) = cell_at(buf, area, x + i as i64, y) else {
                break;
            };
            cell.set_char(char::from(b)).set_style(style);
        }
        return;
    }
    let (mut x, mut s) = (x, s);
    // Skip whole characters that fall left of the area.
    while x < i64::from(area.x) {
        let Some(g) = s.graphemes(true).next() else {
            return;
        };
        x += text::width(g) as i64;
        s = &s[g.len()..];
    }
    if cell_at(buf, area, x, y).is_some() {
        let room = (i64::from(area.right()) - x) as usize;
        buf.set_stringn(x as u16, y as u16, s, room, style);
    }
}

/// Sets the one-column `symbol` (a border or line glyph) at (`x`, `y`) if it lies in `area`:
/// the cheap way to draw the many single glyphs of the graph's table and connectors.
pub(super) fn glyph(buf: &mut Buffer, area: Rect, x: i64, y: i64, symbol: &str, style: Style) {
    if let Some(cell) = cell_at(buf, area, x, y) {
        cell.set_symbol(symbol).set_style(style);
    }
}
