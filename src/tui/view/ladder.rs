//! The Ladder tab: role boxes on the canvas, level names, the legend and the details pane.
//! Only boxes inside the visible part of the canvas are drawn, so huge ladders cost no more.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::{Theme, frame, padded, put, text_lines};
use crate::ladder::{MoveKind, Path, RoleIdx};
use crate::profile::{self, Status};
use crate::text;
use crate::tui::app::{App, FirstRun};
use crate::tui::grid::CELL_WIDTH;
use crate::tui::layout::Areas;

/// What the graph marks on each role, worked out once per frame.
pub struct Marks {
    current: Option<RoleIdx>,
    target: Option<RoleIdx>,
    held: Vec<RoleIdx>,
    /// (role, step number from 1, move kind) of the plan.
    steps: Vec<(RoleIdx, usize, MoveKind)>,
    first_run_current: Option<RoleIdx>,
}

impl Marks {
    pub fn of(app: &App) -> Marks {
        let ladder = &app.ladder;
        let mut marks = Marks {
            current: None,
            target: None,
            held: Vec::new(),
            steps: Vec::new(),
            first_run_current: match app.first_run {
                Some(FirstRun::PickTarget { current }) | Some(FirstRun::Name { current, .. }) => {
                    Some(current)
                }
                _ => None,
            },
        };
        if let Some(p) = &app.profile {
            marks.current = ladder.role_index(&p.current_role);
            marks.target = p.target_role.as_deref().and_then(|t| ladder.role_index(t));
            marks.held = p
                .history
                .iter()
                .filter_map(|h| ladder.role_index(&h.role))
                .collect();
            if let (Some(path), _) = profile::plan_path(p, ladder) {
                marks.steps = path
                    .steps
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (s.to, i + 1, s.kind))
                    .collect();
            }
        }
        marks
    }

    fn prefix(&self, role: RoleIdx) -> String {
        let mut prefix = String::new();
        if self.current == Some(role) || self.first_run_current == Some(role) {
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

    fn on_path(&self, role: RoleIdx) -> bool {
        self.steps.iter().any(|&(r, _, _)| r == role)
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

pub fn draw(app: &App, buf: &mut Buffer, areas: &Areas, theme: Theme) {
    let title = match &app.first_run {
        Some(FirstRun::PickCurrent) => "Welcome to rungs — which role do you hold now?",
        Some(FirstRun::PickTarget { .. }) => "Which role are you aiming for? (s to skip)",
        Some(FirstRun::Name { .. }) => "Last step: your name",
        None => "Ladder",
    };
    let frame_area = Rect::new(
        areas.body.x,
        areas.body.y,
        areas.body.width - areas.details.map_or(0, |d| d.width),
        areas.body.height,
    );
    frame(buf, frame_area, title, Style::default());
    let marks = Marks::of(app);
    draw_graph(app, &marks, buf, areas, theme);
    put(
        buf,
        areas.legend,
        i64::from(areas.legend.x),
        i64::from(areas.legend.y),
        "● you are here  ★ target  ✓ held  ①② plan  ↑ vertical  → lateral  ↗ diagonal",
        theme.muted(),
    );
    if let Some(details) = areas.details {
        draw_details(app, &marks, buf, details, theme);
    }
    if let Some(FirstRun::Name { input, error, .. }) = &app.first_run {
        let width = 50.min(areas.body.width.saturating_sub(4));
        let area = Rect::new(
            areas.body.x + (areas.body.width - width) / 2,
            areas.body.y + areas.body.height / 2 - 2,
            width,
            5,
        );
        super::clear(buf, area);
        frame(buf, area, "Your name", theme.heading());
        let inner = Rect::new(area.x + 2, area.y + 1, area.width.saturating_sub(4), 3);
        put(
            buf,
            inner,
            i64::from(inner.x),
            i64::from(inner.y),
            &format!("{}▏", input.value()),
            Style::default(),
        );
        let hint = error
            .as_deref()
            .unwrap_or("saved as a file named after it; ⏎ to go");
        let style = if error.is_some() {
            theme.error()
        } else {
            theme.muted()
        };
        put(
            buf,
            inner,
            i64::from(inner.x),
            i64::from(inner.y) + 2,
            hint,
            style,
        );
    }
}

/// Lines between consecutive planned boxes, drawn in the blank row between their levels:
/// `┌───┘` when the path goes up and right, `┐` … `└` up and left, `│` straight up. Moves whose
/// boxes do not face each other across that row (an enterprise-wide box above a row of corner
/// boxes, say) keep just their step numbers.
fn draw_connectors(app: &App, buf: &mut Buffer, graph: Rect, marks: &Marks, style: Style) {
    let (sx, sy) = (i64::from(app.scroll.0), i64::from(app.scroll.1));
    let Some(mut from) = marks.current else {
        return;
    };
    for &(to, _, _) in &marks.steps {
        let (a, b) = (app.grid.spots[from], app.grid.spots[to]);
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

/// The role boxes and level names inside the graph frame.
fn draw_graph(app: &App, marks: &Marks, buf: &mut Buffer, areas: &Areas, theme: Theme) {
    let ladder = &app.ladder;
    let grid = &app.grid;
    let graph = areas.graph;
    if graph.width == 0 || graph.height == 0 {
        return;
    }
    let (sx, sy) = (i64::from(app.scroll.0), i64::from(app.scroll.1));
    let view_top = sy;
    let view_bottom = sy + i64::from(graph.height);
    for (level, &(band_y, band_h)) in grid.bands.iter().enumerate() {
        let (top, bottom) = (i64::from(band_y), i64::from(band_y + band_h));
        if bottom <= view_top || top >= view_bottom {
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
            if x >= i64::from(graph.right()) || x + i64::from(spot.width) <= i64::from(graph.x) {
                continue;
            }
            let selected = role == app.selected;
            let mut style = if marks.on_path(role) {
                theme.path()
            } else {
                Style::default()
            };
            if marks.current == Some(role) || marks.first_run_current == Some(role) {
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
                // A box wider than the view (an enterprise-wide role) centres its title in the
                // part that shows, so it is never scrolled out of sight.
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
    draw_connectors(app, buf, graph, marks, theme.path());
}

fn draw_details(app: &App, marks: &Marks, buf: &mut Buffer, area: Rect, theme: Theme) {
    let ladder = &app.ladder;
    let role = app.selected;
    frame(buf, area, &ladder.role(role).title, theme.heading());
    let inner = padded(area);
    let mut lines: Vec<(String, Style)> = Vec::new();
    let level = ladder.role_level(role);
    lines.push((
        format!(
            "{} · {}",
            text::one_line(&ladder.levels()[level].name),
            text::one_line(ladder.corner_name_of(role))
        ),
        Style::default(),
    ));
    if let Some(p) = &app.profile {
        if marks.current == Some(role) {
            lines.push(("● you are here".to_string(), theme.current()));
        } else if let Some(&(_, step, kind)) = marks.steps.iter().find(|(r, _, _)| *r == role) {
            lines.push((
                format!(
                    "step {} of your plan  {} {}",
                    step_number(step),
                    kind.arrow(),
                    kind.name()
                ),
                theme.path(),
            ));
        } else if let Some(current) = marks.current {
            let kind = ladder.move_kind(current, role);
            lines.push((
                format!("from here: {} {}", kind.arrow(), kind.name()),
                theme.muted(),
            ));
        }
        if marks.target == Some(role) {
            lines.push(("★ your target".to_string(), theme.target()));
        }
        let r = profile::level_progress(p, ladder, level);
        lines.push((
            if r.total == 0 {
                "readiness: no milestones".to_string()
            } else {
                format!(
                    "readiness {} {} % ({} of {})",
                    gauge(r.ratio(), 10),
                    r.percent(),
                    r.done,
                    r.total
                )
            },
            Style::default(),
        ));
        for m in &ladder.levels()[level].milestones {
            let status = p.status_of(&m.id);
            let style = if status == Status::Done {
                theme.muted()
            } else {
                Style::default()
            };
            lines.push((
                format!("{} {}", status.mark(), text::one_line(&m.title)),
                style,
            ));
        }
        let breadth = profile::breadth(p, ladder).len();
        lines.push((
            format!("breadth: {} on your path", text::count(breadth, "corner")),
            theme.muted(),
        ));
    } else {
        for m in &ladder.levels()[level].milestones {
            lines.push((format!("○ {}", text::one_line(&m.title)), Style::default()));
        }
    }
    if !ladder.role(role).summary.is_empty() {
        lines.push((String::new(), Style::default()));
        for line in text::wrap(
            &text::one_line(&ladder.role(role).summary),
            inner.width as usize,
            3,
        ) {
            lines.push((line, theme.muted()));
        }
    }
    text_lines(buf, inner, &lines);
}

/// A text gauge: filled blocks for the share done, never more than `width`.
pub fn gauge(ratio: f64, width: usize) -> String {
    let filled = ((ratio.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "▓".repeat(filled), "░".repeat(width - filled))
}

/// What changes from `from` to `to`: the move, a new corner, the milestones of the levels
/// climbed that are not done yet, and higher competency expectations.
pub fn diff_lines(app: &App, from: RoleIdx, to: RoleIdx) -> Vec<String> {
    let ladder = &app.ladder;
    if from == to {
        return vec![
            format!(
                "{} is your current role.",
                text::one_line(&ladder.role(to).title)
            ),
            "Select another role to see what would change.".to_string(),
        ];
    }
    let mut lines = Vec::new();
    let kind = ladder.move_kind(from, to);
    lines.push(format!(
        "{} → {}",
        text::one_line(&ladder.role(from).title),
        text::one_line(&ladder.role(to).title)
    ));
    lines.push(format!(
        "move: {} {}{}",
        kind.arrow(),
        kind.name(),
        if ladder.is_allowed(from, to) {
            ""
        } else {
            " (not allowed in one step)"
        }
    ));
    if ladder.role_corner(from) != ladder.role_corner(to) {
        lines.push(format!(
            "new corner: {}",
            text::one_line(ladder.corner_name_of(to))
        ));
    }
    let (from_level, to_level) = (ladder.role_level(from), ladder.role_level(to));
    for level in from_level + 1..=to_level {
        let def = &ladder.levels()[level];
        for (competency, &expected) in &def.expects {
            let before = ladder.levels()[level - 1]
                .expects
                .get(competency)
                .copied()
                .unwrap_or(0);
            if expected > before {
                let name = ladder
                    .competencies()
                    .iter()
                    .find(|c| &c.id == competency)
                    .map_or(competency.as_str(), |c| c.name.as_str());
                lines.push(format!(
                    "expects more {}: {before} → {expected}",
                    text::one_line(name)
                ));
            }
        }
        let open: Vec<_> = def
            .milestones
            .iter()
            .filter(|m| {
                app.profile
                    .as_ref()
                    .is_none_or(|p| p.status_of(&m.id) != Status::Done)
            })
            .collect();
        if !open.is_empty() {
            lines.push(format!("new at {}:", text::one_line(&def.name)));
            for m in open {
                lines.push(format!(
                    "  ○ {} ({})",
                    text::one_line(&m.title),
                    m.kind.label()
                ));
            }
        }
    }
    if to_level <= from_level && ladder.role_corner(from) == ladder.role_corner(to) {
        lines.push("nothing new to learn for this move".to_string());
    }
    lines
}

/// The plan's path, for views that need its advice.
pub fn plan_path(app: &App) -> Option<Path> {
    app.profile
        .as_ref()
        .and_then(|p| profile::plan_path(p, &app.ladder).0)
}
