//! The ladder graph: role boxes on a scrolled canvas, level names, marks and plan connectors.
//! Used by the Ladder tab and the first-run screen, which each keep their own [`GraphState`].
//! Only boxes inside the visible part of the canvas are drawn, so huge ladders cost no more.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use ratatui::crossterm::event::KeyCode;

use super::grid::{CELL_WIDTH, Direction, GAP, Grid};
use super::put;
use crate::ladder::{Ladder, MoveKind, RoleIdx};
use crate::profile::{self, Profile};
use crate::text;
use crate::tui::keymap::{Binding, Footer, Key, bind};
use crate::tui::theme::Theme;

/// Level names wrap into this many columns left of the graph.
const LABEL_WIDTH: u16 = 13;
/// The details pane's width, when it shows.
pub const DETAILS_WIDTH: u16 = 40;

/// Where the parts of a graph go inside the body of a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GraphAreas {
    /// The framed box around labels, graph and legend.
    pub frame: Rect,
    /// The level names, left of the graph.
    pub labels: Rect,
    /// Where role boxes are drawn.
    pub graph: Rect,
    pub legend: Rect,
    pub details: Option<Rect>,
}

impl GraphAreas {
    pub fn new(body: Rect, details: bool) -> GraphAreas {
        let (mut frame, mut pane) = (body, None);
        if details {
            let width = DETAILS_WIDTH.min(body.width / 2);
            frame.width = body.width - width;
            pane = Some(Rect::new(body.x + frame.width, body.y, width, body.height));
        }
        // Inside the frame: borders all round, level names on the left, the legend as the last row.
        let inner = Rect::new(
            frame.x.saturating_add(1),
            frame.y.saturating_add(1),
            frame.width.saturating_sub(2),
            frame.height.saturating_sub(3),
        );
        let label_width = LABEL_WIDTH.min(inner.width / 4);
        GraphAreas {
            frame,
            labels: Rect::new(inner.x, inner.y, label_width, inner.height),
            graph: Rect::new(
                inner.x + label_width,
                inner.y,
                inner.width - label_width,
                inner.height,
            ),
            legend: Rect::new(inner.x, inner.y + inner.height, inner.width, 1),
            details: pane,
        }
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

/// Which role is selected and which part of the canvas shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GraphState {
    pub selected: RoleIdx,
    /// Top-left corner of the visible part of the canvas.
    pub scroll: (u32, u32),
}

impl GraphState {
    pub fn select(&mut self, role: RoleIdx, grid: &Grid, view: Rect) {
        if role < grid.spots.len() {
            self.selected = role;
            self.keep_visible(grid, view);
        }
    }

    pub fn step(&mut self, direction: Direction, grid: &Grid, view: Rect) {
        if let Some(next) = grid.neighbour(self.selected, direction) {
            self.select(next, grid, view);
        }
    }

    /// The role under screen point (x, y) of `view`, if any.
    pub fn role_at(&self, grid: &Grid, view: Rect, x: u16, y: u16) -> Option<RoleIdx> {
        if !view.contains((x, y).into()) {
            return None;
        }
        grid.role_at(
            u32::from(x - view.x) + self.scroll.0,
            u32::from(y - view.y) + self.scroll.1,
        )
    }

    /// Scrolls the canvas so the selected box is inside `view`.
    pub fn keep_visible(&mut self, grid: &Grid, view: Rect) {
        let Some(spot) = grid.spots.get(self.selected).copied() else {
            return;
        };
        let (view_w, view_h) = (u32::from(view.width), u32::from(view.height));
        let column = CELL_WIDTH + GAP;
        let (mut sx, mut sy) = self.scroll;
        if spot.x < sx {
            sx = spot.x - spot.x % column;
        } else if spot.x + spot.width.min(view_w) > sx + view_w {
            let wanted = (spot.x + spot.width.min(view_w)).saturating_sub(view_w);
            sx = wanted.div_ceil(column) * column;
        }
        if spot.y < sy {
            sy = spot.y;
        } else if spot.y + spot.height > sy + view_h {
            sy = (spot.y + spot.height).saturating_sub(view_h);
        }
        // Never scroll past the end of the canvas: a view that grew shows more, not blank rows.
        sx = sx.min(grid.width.saturating_sub(view_w).div_ceil(column) * column);
        sy = sy.min(grid.height.saturating_sub(view_h));
        self.scroll = (sx, sy);
    }
}

/// What the graph marks on each role, worked out once per frame.
#[derive(Debug, Default)]
pub struct Marks {
    pub current: Option<RoleIdx>,
    pub target: Option<RoleIdx>,
    pub held: Vec<RoleIdx>,
    /// (role, step number from 1, move kind) of the plan.
    pub steps: Vec<(RoleIdx, usize, MoveKind)>,
}

impl Marks {
    pub fn of(profile: Option<&Profile>, ladder: &Ladder) -> Marks {
        let Some(p) = profile else {
            return Marks::default();
        };
        Marks {
            current: ladder.role_index(&p.current_role),
            target: p.target_role.as_deref().and_then(|t| ladder.role_index(t)),
            held: p
                .history
                .iter()
                .filter_map(|h| ladder.role_index(&h.role))
                .collect(),
            steps: profile::plan_path(p, ladder)
                .0
                .map(|path| {
                    path.steps
                        .iter()
                        .enumerate()
                        .map(|(i, s)| (s.to, i + 1, s.kind))
                        .collect()
                })
                .unwrap_or_default(),
        }
    }

    fn prefix(&self, role: RoleIdx) -> String {
        let mut prefix = String::new();
        if self.current == Some(role) {
            prefix.push('●');
        }
        if self.target == Some(role) {
            prefix.push('★');
        }
        if self.held.contains(&role) {
            prefix.push('✓');
        }
        for &(r, step, kind) in &self.steps {
            if r == role {
                prefix.push_str(&step_number(step));
                prefix.push_str(kind.arrow());
            }
        }
        prefix
    }

    pub fn on_path(&self, role: RoleIdx) -> bool {
        self.steps.iter().any(|&(r, _, _)| r == role)
    }

    /// The step of the plan that reaches `role`, if one does.
    pub fn step_to(&self, role: RoleIdx) -> Option<(usize, MoveKind)> {
        self.steps
            .iter()
            .find(|(r, _, _)| *r == role)
            .map(|&(_, step, kind)| (step, kind))
    }
}

/// ① to ⑳, then #21 and up.
pub fn step_number(step: usize) -> String {
    match step {
        1..=20 => char::from_u32(0x2460 + step as u32 - 1)
            .map_or_else(|| format!("#{step}"), String::from),
        _ => format!("#{step}"),
    }
}

/// The legend under the graph.
pub const LEGEND: &str =
    "● you are here  ★ target  ✓ held  ①② plan  ↑ vertical  → lateral  ↗ diagonal";

/// Everything the graph needs to draw itself.
pub struct Graph<'a> {
    pub ladder: &'a Ladder,
    pub grid: &'a Grid,
    pub marks: &'a Marks,
    pub state: &'a GraphState,
    pub theme: Theme,
}

impl Graph<'_> {
    /// The role boxes, level names, connectors and legend.
    pub fn draw(&self, buf: &mut Buffer, areas: &GraphAreas) {
        let graph = areas.graph;
        if graph.width > 0 && graph.height > 0 {
            self.draw_boxes(buf, areas);
            self.draw_connectors(buf, graph);
        }
        put(
            buf,
            areas.legend,
            i64::from(areas.legend.x),
            i64::from(areas.legend.y),
            LEGEND,
            self.theme.muted(),
        );
    }

    fn draw_boxes(&self, buf: &mut Buffer, areas: &GraphAreas) {
        let (ladder, grid, marks, theme) = (self.ladder, self.grid, self.marks, self.theme);
        let graph = areas.graph;
        let (sx, sy) = (
            i64::from(self.state.scroll.0),
            i64::from(self.state.scroll.1),
        );
        let view_bottom = sy + i64::from(graph.height);
        for (level, &(band_y, band_h)) in grid.bands.iter().enumerate() {
            let (top, bottom) = (i64::from(band_y), i64::from(band_y + band_h));
            if bottom <= sy || top >= view_bottom {
                continue;
            }
            let label_y = i64::from(graph.y) + top - sy;
            for (i, line) in text::wrap(
                &text::one_line(&ladder.levels()[level].name),
                areas.labels.width.saturating_sub(1) as usize,
                band_h as usize,
            )
            .iter()
            .enumerate()
            {
                put(
                    buf,
                    areas.labels,
                    i64::from(areas.labels.x),
                    label_y + 1 + i as i64,
                    line,
                    theme.heading(),
                );
            }
            for &role in ladder.roles_at_level(level) {
                let spot = grid.spots[role];
                let x = i64::from(graph.x) + i64::from(spot.x) - sx;
                let y = i64::from(graph.y) + i64::from(spot.y) - sy;
                if x >= i64::from(graph.right()) || x + i64::from(spot.width) <= i64::from(graph.x)
                {
                    continue;
                }
                let selected = role == self.state.selected;
                let mut style = if marks.on_path(role) {
                    theme.path()
                } else {
                    Style::default()
                };
                if marks.current == Some(role) {
                    style = theme.current();
                } else if marks.target == Some(role) {
                    style = theme.target();
                }
                let width = spot.width as usize;
                let inner = width.saturating_sub(2);
                let prefix = marks.prefix(role);
                let title = text::one_line(&ladder.role(role).title);
                let label = if prefix.is_empty() {
                    title
                } else {
                    format!("{prefix} {title}")
                };
                let label = if width > CELL_WIDTH as usize {
                    // A box wider than the view (an enterprise-wide role) centres its title in
                    // the part that shows, so it is never scrolled out of sight.
                    let left = x.max(i64::from(graph.x));
                    let right = (x + i64::from(spot.width)).min(i64::from(graph.right()));
                    let shown = (right - left - 2).max(0) as usize;
                    let pad = (left - x) as usize;
                    format!("{}{}", " ".repeat(pad), text::center(&label, shown))
                } else {
                    text::fit(&label, inner)
                };
                let border = if selected {
                    style.add_modifier(Modifier::BOLD)
                } else {
                    style
                };
                put(
                    buf,
                    graph,
                    x,
                    y,
                    &format!("┌{}┐", "─".repeat(inner)),
                    border,
                );
                put(buf, graph, x, y + 1, "│", border);
                let title_style = if selected {
                    style.add_modifier(Modifier::REVERSED)
                } else {
                    style
                };
                put(buf, graph, x + 1, y + 1, &label, title_style);
                put(buf, graph, x + 1 + inner as i64, y + 1, "│", border);
                put(
                    buf,
                    graph,
                    x,
                    y + 2,
                    &format!("└{}┘", "─".repeat(inner)),
                    border,
                );
            }
        }
    }

    /// Lines between consecutive planned boxes, drawn in the blank row between their levels:
    /// `┌───┘` when the path goes up and right, `┐` … `└` up and left, `│` straight up. Moves
    /// whose boxes do not face each other across that row (an enterprise-wide box above a row of
    /// corner boxes, say) keep just their step numbers.
    fn draw_connectors(&self, buf: &mut Buffer, graph: Rect) {
        let style = self.theme.path();
        let (sx, sy) = (
            i64::from(self.state.scroll.0),
            i64::from(self.state.scroll.1),
        );
        let Some(mut from) = self.marks.current else {
            return;
        };
        for &(to, _, _) in &self.marks.steps {
            let (a, b) = (self.grid.spots[from], self.grid.spots[to]);
            from = to;
            // Only upward moves whose boxes sit either side of one blank row.
            if b.y + b.height + 1 != a.y {
                continue;
            }
            let y = i64::from(graph.y) + i64::from(a.y) - 1 - sy;
            let a_mid = i64::from(graph.x) + i64::from(a.x + a.width / 2) - sx;
            let b_mid = i64::from(graph.x) + i64::from(b.x + b.width / 2) - sx;
            let (left, right) = (a_mid.min(b_mid), a_mid.max(b_mid));
            if left == right {
                put(buf, graph, a_mid, y, "│", style);
                continue;
            }
            let run = "─".repeat((right - left - 1) as usize);
            let (start, end) = if a_mid < b_mid {
                ("┌", "┘")
            } else {
                ("└", "┐")
            };
            put(buf, graph, left, y, &format!("{start}{run}{end}"), style);
        }
    }
}
