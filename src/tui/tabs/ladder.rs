//! Tab 1, the Ladder: the graph of roles, a details pane for the selected one, search, and the
//! keys that set the current role, the target and the plan from the graph.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::ladder::RoleIdx;
use crate::profile::{self, PlanStep, Status, rules};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::popups::{Popup, diff};
use crate::tui::tab::{Outcome, Tab};
use crate::tui::widgets::field::{Edit, TextField};
use crate::tui::widgets::graph::{Graph, GraphAreas, GraphState, MOVE_KEYS, Marks, step_number};
use crate::tui::widgets::{frame, padded, put, text_lines};

/// From this width on the details pane shows beside the graph unless hidden.
const WIDE: u16 = 100;

#[derive(Debug, Default)]
pub struct LadderTab {
    graph: GraphState,
    /// Whether the details pane shows; `None` until toggled: shown when the screen is wide.
    details: Option<bool>,
    search: Option<TextField>,
    /// Whether the selection has been put on the current role yet.
    placed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Details,
    SetCurrent,
    SetTarget,
    AddToPlan,
    AutoPlan,
    NextAlternative,
    Diff,
    Search,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SearchAction {
    Next,
    Done,
}

use Key::{Char as C, Code};

const KEYS: &[Binding<Action>] = &[
    bind(
        "details",
        &[Code(KeyCode::Enter)],
        Action::Details,
        "show or hide the details of the selected role",
        Footer::Word("details"),
    ),
    bind(
        "set-current",
        &[C('c')],
        Action::SetCurrent,
        "make the selected role your current role",
        Footer::Word("current"),
    ),
    bind(
        "set-target",
        &[C('t')],
        Action::SetTarget,
        "make the selected role your target",
        Footer::Word("target"),
    ),
    bind(
        "add-to-plan",
        &[C('a')],
        Action::AddToPlan,
        "add the selected role to the end of the plan",
        Footer::Word("add to plan"),
    ),
    bind(
        "auto-plan",
        &[C('p')],
        Action::AutoPlan,
        "plan the best path from current role to target",
        Footer::Word("auto-plan"),
    ),
    bind(
        "next-path",
        &[C('n')],
        Action::NextAlternative,
        "next alternative path",
        Footer::Word("next path"),
    ),
    bind(
        "diff",
        &[C('d')],
        Action::Diff,
        "what changes from your current role to the selected one",
        Footer::Word("diff"),
    ),
    bind(
        "search",
        &[C('/')],
        Action::Search,
        "search role titles",
        Footer::Word("search"),
    ),
];

const SEARCH_KEYS: &[Binding<SearchAction>] = &[
    bind(
        "next-match",
        &[Code(KeyCode::Enter)],
        SearchAction::Next,
        "next role whose title matches",
        Footer::Word("next match"),
    ),
    bind(
        "done",
        &[Code(KeyCode::Esc)],
        SearchAction::Done,
        "stop searching",
        Footer::Word("done"),
    ),
];

impl LadderTab {
    fn areas(&self, ctx: &Ctx) -> GraphAreas {
        GraphAreas::new(ctx.body, self.details_shown(ctx))
    }

    fn details_shown(&self, ctx: &Ctx) -> bool {
        self.details.unwrap_or(ctx.size.0 >= WIDE)
    }

    fn select(&mut self, ctx: &Ctx, role: RoleIdx) {
        let view = self.areas(ctx).graph;
        self.graph.select(role, &ctx.grid, view);
    }

    fn act(&mut self, ctx: &mut Ctx, action: Action) -> Outcome {
        let selected = self.graph.selected;
        let role_id = ctx.ladder.role(selected).id.clone();
        match action {
            Action::Details => {
                self.details = Some(!self.details_shown(ctx));
                let view = self.areas(ctx).graph;
                self.graph.keep_visible(&ctx.grid, view);
            }
            Action::Search => self.search = Some(TextField::new("", false)),
            Action::Diff => return Outcome::Open(Popup::Read(diff::pager(ctx, selected))),
            Action::SetCurrent => {
                let Some(p) = ctx.profile() else {
                    return Outcome::Handled;
                };
                match rules::set_current_role(p, &role_id, ctx.today()) {
                    Some(change) => ctx.change(Some(change)),
                    None => ctx.say("that is already your current role"),
                }
            }
            Action::SetTarget => {
                let change = ctx
                    .profile()
                    .and_then(|p| rules::set_target(p, Some(&role_id)));
                match change {
                    Some(change) => ctx.change(Some(change)),
                    None => ctx.say("that is already your target"),
                }
            }
            Action::AddToPlan => {
                let Some(p) = ctx.profile() else {
                    return Outcome::Handled;
                };
                let step = PlanStep {
                    role: role_id,
                    target_date: None,
                    note: String::new(),
                };
                match rules::append_step(p, &ctx.ladder, step) {
                    Ok(change) => ctx.change(Some(change)),
                    Err(refusal) => ctx.complain(refusal.0),
                }
            }
            Action::AutoPlan => ctx.auto_plan(false),
            Action::NextAlternative => ctx.auto_plan(true),
        }
        Outcome::Handled
    }

    fn search_key(&mut self, ctx: &mut Ctx, key: &KeyEvent) {
        let Some(mut field) = self.search.take() else {
            return;
        };
        match ctx.keymap.action("search", SEARCH_KEYS, key) {
            Some(SearchAction::Done) => {
                ctx.say("search closed");
                return;
            }
            Some(SearchAction::Next) => self.find(ctx, &field.value(), true),
            None => {
                if field.handle(key) == Edit::Changed {
                    self.find(ctx, &field.value(), false);
                }
            }
        }
        self.search = Some(field);
    }

    /// Selects the next role whose title contains `wanted`, from the selected one on.
    fn find(&mut self, ctx: &mut Ctx, wanted: &str, skip_current: bool) {
        let wanted = wanted.trim().to_lowercase();
        if wanted.is_empty() {
            return;
        }
        let count = ctx.ladder.roles().len();
        let start = self.graph.selected + usize::from(skip_current);
        let found = (0..count)
            .map(|i| (start + i) % count)
            .find(|&r| ctx.ladder.role(r).title.to_lowercase().contains(&wanted));
        match found {
            Some(r) => {
                self.select(ctx, r);
                ctx.status = None;
            }
            None => ctx.complain(format!(
                "no role title contains \"{}\"",
                text::one_line(&wanted)
            )),
        }
    }

    fn draw_details(&self, ctx: &Ctx, marks: &Marks, buf: &mut Buffer, area: Rect) {
        let (ladder, theme) = (&ctx.ladder, ctx.theme);
        let role = self.graph.selected;
        frame(buf, area, &ladder.role(role).title, theme.heading());
        let inner = padded(area);
        let level = ladder.role_level(role);
        let mut lines: Vec<(String, Style)> = vec![(
            format!(
                "{} · {}",
                text::one_line(&ladder.levels()[level].name),
                text::one_line(ladder.corner_name_of(role))
            ),
            Style::default(),
        )];
        if let Some(p) = ctx.profile() {
            if marks.current == Some(role) {
                lines.push(("● you are here".to_string(), theme.current()));
            } else if let Some((step, kind)) = marks.step_to(role) {
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
            let r = profile::readiness(p, ladder, level);
            lines.push((
                if r.total == 0 {
                    "readiness: no milestones".to_string()
                } else {
                    format!(
                        "readiness {} {} % ({} of {})",
                        r.gauge(10),
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
}

impl Tab for LadderTab {
    fn name(&self) -> &'static str {
        "Ladder"
    }

    fn digit(&self) -> char {
        '1'
    }

    fn keys(&self, keymap: &Keymap) -> KeySection {
        if self.search.is_some() {
            keymap.section("Searching", "search", SEARCH_KEYS)
        } else {
            keymap
                .section("Ladder", "ladder", MOVE_KEYS)
                .then(keymap.section("Ladder", "ladder", KEYS))
        }
    }

    fn help(&self, keymap: &Keymap) -> Vec<KeySection> {
        vec![
            keymap
                .section("Ladder", "ladder", MOVE_KEYS)
                .then(keymap.section("Ladder", "ladder", KEYS)),
            keymap.section("Searching (after /)", "search", SEARCH_KEYS),
        ]
    }

    fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Outcome {
        if self.search.is_some() {
            self.search_key(ctx, key);
            return Outcome::Handled;
        }
        if let Some(direction) = ctx.keymap.action("ladder", MOVE_KEYS, key) {
            let view = self.areas(ctx).graph;
            self.graph.step(direction, &ctx.grid, view);
            return Outcome::Handled;
        }
        match ctx.keymap.action("ladder", KEYS, key) {
            Some(action) => self.act(ctx, action),
            None => Outcome::Ignored,
        }
    }

    fn paste(&mut self, ctx: &mut Ctx, pasted: &str) -> Outcome {
        let Some(field) = &mut self.search else {
            return Outcome::Ignored;
        };
        if field.paste(pasted) == Edit::Changed {
            let wanted = field.value();
            self.find(ctx, &wanted, false);
        }
        Outcome::Handled
    }

    fn mouse(&mut self, ctx: &mut Ctx, mouse: &MouseEvent) -> Outcome {
        if mouse.kind != MouseEventKind::Down(MouseButton::Left) {
            return Outcome::Ignored;
        }
        let view = self.areas(ctx).graph;
        if let Some(role) = self.graph.role_at(&ctx.grid, view, mouse.column, mouse.row) {
            self.select(ctx, role);
        }
        Outcome::Handled
    }

    fn draw(&self, ctx: &Ctx, buf: &mut Buffer) {
        let areas = self.areas(ctx);
        frame(buf, areas.frame, "Ladder", Style::default());
        let marks = Marks::of(ctx.profile(), &ctx.ladder);
        Graph {
            ladder: &ctx.ladder,
            grid: &ctx.grid,
            marks: &marks,
            state: &self.graph,
            theme: ctx.theme,
        }
        .draw(buf, &areas);
        if let Some(details) = areas.details {
            self.draw_details(ctx, &marks, buf, details);
        }
        if let Some(field) = &self.search {
            // The search field takes the legend's row while it is open.
            let row = areas.legend;
            crate::tui::widgets::clear(buf, row);
            put(
                buf,
                row,
                i64::from(row.x),
                i64::from(row.y),
                "/ ",
                ctx.theme.heading(),
            );
            field.draw(
                buf,
                Rect::new(row.x + 2, row.y, row.width.saturating_sub(2), 1),
            );
        }
    }

    fn refresh(&mut self, ctx: &Ctx) {
        if !self.placed
            && let Some(current) = ctx
                .profile()
                .and_then(|p| ctx.ladder.role_index(&p.current_role))
        {
            self.graph.selected = current;
            self.placed = true;
        }
        let view = self.areas(ctx).graph;
        self.graph.keep_visible(&ctx.grid, view);
    }
}
