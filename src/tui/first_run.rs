//! The first-run screen: pick your current role on the graph, then a target (or skip), then
//! type your name — and the profile exists. No file editing needed.

use std::rc::Rc;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseEvent};
use ratatui::layout::{Constraint, Layout};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::context::Ctx;
use super::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use super::widgets::field::{Edit, TextField};
use super::widgets::graph::{GraphAreas, GraphView, MOVE_KEYS, Marks};
use super::widgets::graph_draw::Graph;
use super::widgets::grid::Grid;
use super::widgets::{framed, line, pane, popup};
use crate::ladder::RoleIdx;
use crate::profile::{self, PlanMarks};
use crate::text;

#[derive(Debug)]
enum Step {
    PickCurrent,
    PickTarget {
        current: RoleIdx,
    },
    Name {
        current: RoleIdx,
        target: Option<RoleIdx>,
        field: Box<TextField>,
        error: Option<String>,
    },
}

#[derive(Debug)]
pub struct FirstRun {
    step: Step,
    graph: GraphView,
}

/// What the screen made of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Stay,
    Quit,
    /// The profile was created and is open.
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Zoom,
    Choose,
    Skip,
    Back,
    Quit,
}

use Key::{Char as C, Code};

/// Both graph steps zoom alike.
const ZOOM: Binding<Action> = bind(
    "zoom",
    &[C('z')],
    Action::Zoom,
    "zoom: fit everything · detailed boxes · compact lines",
    Footer::Word("zoom"),
);

const CURRENT_KEYS: &[Binding<Action>] = &[
    ZOOM,
    bind(
        "choose",
        &[Code(KeyCode::Enter)],
        Action::Choose,
        "the selected role is the one I hold now",
        Footer::Word("this is my current role"),
    ),
    bind(
        "quit",
        &[C('q'), Code(KeyCode::Esc)],
        Action::Quit,
        "quit without a profile",
        Footer::Word("quit"),
    ),
];

const TARGET_KEYS: &[Binding<Action>] = &[
    ZOOM,
    bind(
        "choose",
        &[Code(KeyCode::Enter)],
        Action::Choose,
        "the selected role is the one I aim for",
        Footer::Word("this is my target"),
    ),
    bind(
        "skip",
        &[C('s')],
        Action::Skip,
        "no target for now",
        Footer::Word("skip"),
    ),
    bind(
        "back",
        &[Code(KeyCode::Esc)],
        Action::Back,
        "back to the current role",
        Footer::Word("back"),
    ),
    bind(
        "quit",
        &[C('q')],
        Action::Quit,
        "quit without a profile",
        Footer::Word("quit"),
    ),
];

const NAME_KEYS: &[Binding<Action>] = &[
    bind(
        "create",
        &[Code(KeyCode::Enter)],
        Action::Choose,
        "create my plan under this name",
        Footer::Word("create my plan"),
    ),
    bind(
        "back",
        &[Code(KeyCode::Esc)],
        Action::Back,
        "back to the target",
        Footer::Word("back"),
    ),
];

/// Every key of the first-run screen, for help and the README.
pub fn help(keymap: &Keymap) -> Vec<KeySection> {
    vec![
        keymap.section(
            "First run: your current role",
            "first-run-current",
            CURRENT_KEYS,
        ),
        keymap.section("First run: your target", "first-run-target", TARGET_KEYS),
        keymap.section("First run: your name", "first-run-name", NAME_KEYS),
    ]
}

impl FirstRun {
    pub fn new(ctx: &Ctx) -> FirstRun {
        let mut first = FirstRun {
            step: Step::PickCurrent,
            graph: GraphView::default(),
        };
        first.refresh(ctx);
        first
    }

    /// The graph's marks: the role chosen as current so far, if any.
    fn marks(&self) -> Marks {
        let current = match self.step {
            Step::PickCurrent => None,
            Step::PickTarget { current } | Step::Name { current, .. } => Some(current),
        };
        Marks {
            plan: PlanMarks {
                current,
                ..PlanMarks::default()
            },
            ..Marks::default()
        }
    }

    /// The grid and where the graph's parts go, for this frame.
    fn layout(&self, ctx: &Ctx) -> (Rc<Grid>, GraphAreas) {
        self.graph.lay_out(&ctx.ladder, &self.marks(), ctx.body, 0)
    }

    pub fn keys(&self, keymap: &Keymap) -> KeySection {
        let (scope, table) = self.table();
        let own = keymap.section("First run", scope, table);
        if matches!(self.step, Step::Name { .. }) {
            own
        } else {
            keymap.section("First run", scope, MOVE_KEYS).then(own)
        }
    }

    /// The keys of the step on screen, with the scope their overrides use.
    fn table(&self) -> (&'static str, &'static [Binding<Action>]) {
        match self.step {
            Step::PickCurrent => ("first-run-current", CURRENT_KEYS),
            Step::PickTarget { .. } => ("first-run-target", TARGET_KEYS),
            Step::Name { .. } => ("first-run-name", NAME_KEYS),
        }
    }

    pub fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Progress {
        let (scope, table) = self.table();
        let action = ctx.keymap.action(scope, table, key);
        if let Step::Name {
            current,
            target,
            field,
            error,
        } = &mut self.step
        {
            match action {
                Some(Action::Choose) => match create(ctx, *current, *target, &field.value()) {
                    Ok(id) => {
                        ctx.say(format!(
                            "welcome — your plan is saved as {id}; press ? for every key"
                        ));
                        return Progress::Done;
                    }
                    Err(why) => *error = Some(why),
                },
                Some(Action::Back) => self.step = Step::PickTarget { current: *current },
                _ => {
                    if field.handle(key) == Edit::Changed {
                        *error = None;
                    }
                }
            }
            return Progress::Stay;
        }
        let (grid, areas) = self.layout(ctx);
        let view = areas.canvas;
        if let Some(direction) = ctx.keymap.action(scope, MOVE_KEYS, key) {
            self.graph.step(direction, &grid, view);
            return Progress::Stay;
        }
        let selected = self.graph.selected;
        match (action, &self.step) {
            (Some(Action::Zoom), _) => {
                self.graph.zoom();
                self.refresh(ctx);
            }
            (Some(Action::Quit), _) => return Progress::Quit,
            (Some(Action::Choose), Step::PickCurrent) => {
                self.step = Step::PickTarget { current: selected }
            }
            (Some(Action::Choose), &Step::PickTarget { current }) if selected != current => {
                self.step = name_step(current, Some(selected));
            }
            (Some(Action::Skip), &Step::PickTarget { current }) => {
                self.step = name_step(current, None)
            }
            (Some(Action::Back), &Step::PickTarget { current }) => {
                self.graph.select(current, &grid, view);
                self.step = Step::PickCurrent;
            }
            _ => {}
        }
        Progress::Stay
    }

    pub fn paste(&mut self, pasted: &str) {
        if let Step::Name { field, .. } = &mut self.step {
            field.paste(pasted);
        }
    }

    pub fn mouse(&mut self, ctx: &mut Ctx, mouse: &MouseEvent) {
        if !matches!(self.step, Step::Name { .. }) {
            let (grid, areas) = self.layout(ctx);
            self.graph.mouse(mouse, &grid, areas.canvas);
        }
    }

    pub fn refresh(&mut self, ctx: &Ctx) {
        let (grid, areas) = self.layout(ctx);
        self.graph.keep_visible(&grid, areas.canvas);
    }

    pub fn draw(&self, ctx: &Ctx, buf: &mut Buffer) {
        let theme = ctx.theme;
        let title = match self.step {
            Step::PickCurrent => "Welcome to rungs — which role do you hold now?",
            Step::PickTarget { .. } => "Which role are you aiming for? (s to skip)",
            Step::Name { .. } => "Last step: your name",
        };
        let (grid, areas) = self.layout(ctx);
        Graph {
            ladder: &ctx.ladder,
            grid: &grid,
            marks: &self.marks(),
            view: &self.graph,
            theme,
            title: &format!("{title} · {} (z)", self.graph.zoom.name()),
        }
        .render(areas.frame, buf);
        if let Step::Name { field, error, .. } = &self.step {
            let width = 50.min(ctx.body.width.saturating_sub(4));
            let (hint, style) = match error {
                Some(e) => (e.as_str(), theme.error()),
                None => ("saved as a file named after it; ⏎ to go", theme.muted()),
            };
            let hint = Paragraph::new(line(hint, style)).wrap(Wrap { trim: true });
            let hint_rows = text::cells(hint.line_count(width.saturating_sub(4)).min(3));
            let area = popup(buf, ctx.body, width, hint_rows + 4);
            let inner = framed(buf, area, pane("Your name", theme.heading()));
            let [typed, _, below] = inner.layout(&Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(1),
                Constraint::Fill(1),
            ]));
            field.draw(buf, typed);
            hint.render(below, buf);
        }
    }
}

/// Creates the profile `name` in the roles chosen, and opens it: its id, or why not.
fn create(
    ctx: &mut Ctx,
    current: RoleIdx,
    target: Option<RoleIdx>,
    name: &str,
) -> Result<String, String> {
    let role = |r: RoleIdx| ctx.ladder.role(r).id.to_string();
    let new = profile::new_profile(
        name,
        ctx.ladder_ref.clone(),
        role(current),
        target.map(role),
    );
    let new = new.map_err(|e| e.to_string())?;
    let id = new.id.clone();
    ctx.sync.create(new).map(|()| id)
}

fn name_step(current: RoleIdx, target: Option<RoleIdx>) -> Step {
    let mut field = TextField::new("", false);
    field.focus(true);
    Step::Name {
        current,
        target,
        field: Box::new(field),
        error: None,
    }
}
