//! Tab 1, the Ladder: the graph of roles, a details pane for the selected one, search, the
//! keys that set the current role, the target and the plan from the graph, and up to three
//! roles marked to compare side by side.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseEvent};
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};
use std::rc::Rc;

use crate::ladder::RoleIdx;
use crate::profile::{self, MAX_TARGETS, PlanStep, Status, rules};
use crate::text::{self, step_number};
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::popups::compare::CompareView;
use crate::tui::popups::{Popup, current_role, diff};
use crate::tui::tab::{Outcome, Tab};
use crate::tui::widgets::field::{Edit, TextField};
use crate::tui::widgets::graph::{GraphAreas, GraphView, MOVE_KEYS, Marks};
use crate::tui::widgets::graph_draw::Graph;
use crate::tui::widgets::grid::Grid;
use crate::tui::widgets::list::Step as Scroll;
use crate::tui::widgets::{self, list, pager};

/// The details pane's width, when it shows.
const DETAILS_WIDTH: u16 = 40;
/// Title columns the graph keeps per corner before the details pane shows by itself.
const ROOMY_COLUMN: usize = 14;

#[derive(Debug, Default)]
pub struct LadderTab {
    graph: GraphView,
    /// Whether the details pane shows; `None` until toggled: shown when there is room for it
    /// beside every corner of the graph.
    details: Option<bool>,
    /// The role whose details were scrolled, and the first wrapped line of them shown: another
    /// role's details show from the top.
    details_scroll: (RoleIdx, usize),
    search: Option<TextField>,
    /// Whether the selection has been put on the current role yet.
    placed: bool,
    /// Roles marked for comparison, in the order marked.
    compare: Vec<RoleIdx>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Details,
    Zoom,
    DetailsScroll(Scroll),
    SetCurrent,
    SetTarget,
    AddToPlan,
    AutoPlan,
    NextAlternative,
    UsePath,
    Diff,
    Mark,
    Compare,
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
        "zoom",
        &[C('z')],
        Action::Zoom,
        "zoom: fit everything · detailed boxes · compact lines",
        Footer::Word("zoom"),
    ),
    bind(
        "details-page-up",
        &[Code(KeyCode::PageUp)],
        Action::DetailsScroll(Scroll::PageUp),
        "scroll the details up a page",
        Footer::Hidden,
    ),
    bind(
        "details-page-down",
        &[Code(KeyCode::PageDown)],
        Action::DetailsScroll(Scroll::PageDown),
        "scroll the details down a page",
        Footer::Hidden,
    ),
    bind(
        "details-top",
        &[Code(KeyCode::Home)],
        Action::DetailsScroll(Scroll::Top),
        "the top of the details",
        Footer::Hidden,
    ),
    bind(
        "details-end",
        &[Code(KeyCode::End)],
        Action::DetailsScroll(Scroll::Bottom),
        "the end of the details",
        Footer::Hidden,
    ),
    bind(
        "set-current",
        &[C('c')],
        Action::SetCurrent,
        "make the selected role your current role (asks the day)",
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
        "show the best path to the target (the plan is unchanged)",
        Footer::Word("path"),
    ),
    bind(
        "next-path",
        &[C('n')],
        Action::NextAlternative,
        "show the next alternative path (the plan is unchanged)",
        Footer::Word("next"),
    ),
    USE_PATH,
    bind(
        "diff",
        &[C('d')],
        Action::Diff,
        "what changes from your current role to the selected one",
        Footer::Word("diff"),
    ),
    bind(
        "mark",
        &[C('m')],
        Action::Mark,
        "mark or unmark the selected role to compare (up to three)",
        Footer::Word("mark"),
    ),
    bind(
        "compare",
        &[C('C')],
        Action::Compare,
        "compare the marked roles side by side",
        Footer::Word("compare"),
    ),
    bind(
        "search",
        &[C('/')],
        Action::Search,
        "search role titles",
        Footer::Word("search"),
    ),
];

const USE_PATH: Binding<Action> = bind(
    "use-path",
    &[C('y')],
    Action::UsePath,
    "use the path shown as your plan",
    Footer::Word("use path"),
);

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
    fn details_width(&self, ctx: &Ctx) -> u16 {
        let shown = self.details.unwrap_or_else(|| {
            let roomy = ctx.ladder.corners().len().max(1) * (ROOMY_COLUMN + 2) + 3;
            usize::from(ctx.body.width) >= roomy + usize::from(DETAILS_WIDTH)
        });
        if shown { DETAILS_WIDTH } else { 0 }
    }

    /// The graph as it is laid out for this frame, and the marks it shows.
    fn layout(&self, ctx: &Ctx) -> (Rc<Grid>, GraphAreas, Marks) {
        // A path being looked at shows as the plan would be; the plan itself is unchanged.
        let previewed = ctx.previewed_plan();
        let shown = previewed.as_ref().or(ctx.profile());
        let marks = Marks {
            compare: self.compare.clone(),
            ..Marks::of(shown, &ctx.ladder)
        };
        let details = self.details_width(ctx);
        let (grid, areas) = self.graph.lay_out(&ctx.ladder, &marks, ctx.body, details);
        (grid, areas, marks)
    }

    fn act(&mut self, ctx: &mut Ctx, action: Action) -> Outcome {
        let selected = self.graph.selected;
        let role_id = ctx.ladder.role(selected).id.to_string();
        match action {
            Action::Details => {
                self.details = Some(self.details_width(ctx) == 0);
                self.refresh(ctx);
            }
            Action::Zoom => {
                self.graph.zoom();
                self.refresh(ctx);
                ctx.say(format!("zoom: {}", self.graph.zoom.name()));
            }
            Action::DetailsScroll(how) => self.scroll_details(ctx, how),
            Action::Search => self.search = Some(TextField::new("", false)),
            Action::Diff => return Outcome::Open(Popup::Read(diff::pager(ctx, selected))),
            Action::Mark => self.mark(ctx, selected),
            Action::Compare => {
                if self.compare.is_empty() {
                    ctx.complain("mark up to three roles with m first; C then compares them");
                    return Outcome::Handled;
                }
                match CompareView::open(ctx, &self.compare) {
                    Ok(view) => return Outcome::Open(Popup::Compare(view)),
                    Err(why) => ctx.complain(why),
                }
            }
            Action::SetCurrent => {
                let Some(p) = ctx.profile() else {
                    return Outcome::Handled;
                };
                // A manager setting a report's role reads whose it is.
                let whose = ctx
                    .someone_elses()
                    .map_or("your".into(), |p| format!("{}'s", text::one_line(&p.name)));
                if p.current_role == role_id {
                    ctx.say(format!("that is already {whose} current role"));
                } else {
                    let title = ctx.ladder.role(selected).title.clone();
                    let form = current_role::confirm(role_id, &title, &whose, ctx.today());
                    return Outcome::Open(form);
                }
            }
            Action::SetTarget => {
                let change = ctx
                    .profile()
                    .and_then(|p| rules::set_target(p, Some(&role_id), ctx.today()));
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
                match rules::append_step(p, &ctx.ladder, step, ctx.today()) {
                    Ok(change) => ctx.change(Some(change)),
                    Err(refusal) => ctx.complain(refusal.0),
                }
            }
            Action::AutoPlan | Action::NextAlternative => {
                // The key as the person's config has it, for the status line.
                let use_key = ctx.keymap.section("", "ladder", &[USE_PATH]).rows[0]
                    .keys
                    .clone();
                ctx.preview_path(action == Action::NextAlternative, &use_key);
            }
            Action::UsePath => ctx.use_previewed_path(),
        }
        Outcome::Handled
    }

    /// Marks `role` for comparison, or unmarks it if it is marked.
    fn mark(&mut self, ctx: &mut Ctx, role: RoleIdx) {
        let title = text::one_line(&ctx.ladder.role(role).title);
        if let Some(i) = self.compare.iter().position(|&r| r == role) {
            self.compare.remove(i);
            ctx.say(format!("{title} unmarked"));
        } else if self.compare.len() >= MAX_TARGETS {
            ctx.complain(format!(
                "{MAX_TARGETS} roles are marked already — m on a marked one unmarks it"
            ));
        } else {
            self.compare.push(role);
            ctx.say(format!(
                "{title} marked ◆{} — C compares the marked roles",
                self.compare.len()
            ));
        }
        self.refresh(ctx);
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
                let (grid, areas, _) = self.layout(ctx);
                self.graph.select(r, &grid, areas.canvas);
                ctx.status = None;
            }
            None => ctx.complain(format!(
                "no role title contains \"{}\"",
                text::one_line(&wanted)
            )),
        }
    }

    /// Moves the details pane's text by `how`, if the pane shows.
    fn scroll_details(&mut self, ctx: &Ctx, how: Scroll) {
        let (_, areas, marks) = self.layout(ctx);
        if let Some(pane) = areas.details {
            let (text, block) = self.details(ctx, &marks);
            let offset = pager::scroll(&text, block.inner(pane), self.details_offset(), how);
            self.details_scroll = (self.graph.selected, offset);
        }
    }

    fn details_offset(&self) -> usize {
        match self.details_scroll {
            (role, offset) if role == self.graph.selected => offset,
            _ => 0,
        }
    }

    /// The details pane for the selected role: its text, a line each before wrapping, and its
    /// frame.
    fn details(&self, ctx: &Ctx, marks: &Marks) -> (Paragraph<'static>, Block<'static>) {
        let (ladder, theme, plain) = (&ctx.ladder, ctx.theme, Style::default());
        let role = self.graph.selected;
        let level = ladder.role_level(role);
        let level_name = text::one_line(&ladder.levels()[level].name);
        let mut lines = Vec::new();
        let mut say = |line: &str, style: Style| lines.push(widgets::line(line, style));
        let corner = text::one_line(ladder.corner_name_of(role));
        say(&format!("{level_name} · {corner}"), plain);
        if let Some(p) = ctx.profile() {
            if marks.plan.current == Some(role) {
                say("● you are here", theme.current());
            } else if let Some((step, kind)) = marks.plan.step_to(role) {
                say(
                    &format!("step {} of your plan  {kind}", step_number(step)),
                    theme.path(),
                );
            } else if let Some(current) = marks.plan.current {
                say(
                    &format!("from here: {}", ladder.move_kind(current, role)),
                    theme.muted(),
                );
            }
            if marks.plan.target == Some(role) {
                say("★ your target", theme.target());
            }
            if let Some(i) = marks.compare.iter().position(|&r| r == role) {
                say(
                    &format!("◆{} marked to compare — C compares", i + 1),
                    theme.muted(),
                );
            }
            // Your own role: your readiness for the next level; any other: what a move there
            // asks before it — the one rule compare and the Plan tab show.
            match profile::readiness_toward(p, ladder, role) {
                Some(r) if r.counted.is_empty() => {
                    say("no new training: not above your level", theme.muted());
                }
                Some(r) => {
                    say(&r.label(ladder), plain);
                    say(&format!("{} {}", r.gauge(10), r.progress.fraction()), plain);
                    say(&format!("counts {}", r.counts(ladder)), theme.muted());
                }
                None => {}
            }
            let progress = profile::level_progress(p, ladder, level);
            say(
                &if progress.total == 0 {
                    format!("progress at {level_name}: no milestones")
                } else {
                    format!("progress at {level_name} {}", progress.fraction())
                },
                theme.heading(),
            );
            for m in &ladder.levels()[level].milestones {
                let status = p.status_of(&m.id);
                say(
                    &format!("{} {}", status.mark(), text::one_line(&m.title)),
                    widgets::when(status == Status::Done, theme.muted()),
                );
            }
            let breadth = profile::breadth(p, ladder);
            let corners = text::count(breadth.corners.len(), "corner");
            say(&format!("breadth: {corners} on your path"), theme.muted());
            if let Some(business) = breadth.business_facing_line() {
                say(&business, theme.muted());
            }
        } else {
            for m in &ladder.levels()[level].milestones {
                say(&format!("○ {}", text::one_line(&m.title)), plain);
            }
        }
        let summary = &ladder.role(role).summary;
        if !summary.is_empty() {
            say("", plain);
            say(&text::one_line(summary), theme.muted());
        }
        let title = text::one_line(&ladder.role(role).title);
        let block = widgets::pane(&title, plain).title_style(theme.heading());
        (Paragraph::new(lines).wrap(Wrap { trim: false }), block)
    }
}

impl Tab for LadderTab {
    fn name(&self) -> &'static str {
        "Ladder"
    }

    fn typing(&self) -> bool {
        self.search.is_some()
    }

    fn digit(&self) -> char {
        '1'
    }

    fn keys(&self, keymap: &Keymap) -> KeySection {
        match self.search {
            Some(_) => keymap.section("Searching", "search", SEARCH_KEYS),
            None => self.help(keymap).swap_remove(0),
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
            let (grid, areas, _) = self.layout(ctx);
            self.graph.step(direction, &grid, areas.canvas);
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
        let (grid, areas, _) = self.layout(ctx);
        let at = (mouse.column, mouse.row).into();
        if let Some(pane) = areas.details
            && pane.contains(at)
        {
            if let Some(how) = list::wheel(mouse) {
                self.scroll_details(ctx, how);
            }
            return Outcome::Handled;
        }
        let on_graph = self.graph.mouse(mouse, &grid, areas.canvas);
        on_graph.map_or(Outcome::Ignored, |_| Outcome::Handled)
    }

    fn draw(&self, ctx: &Ctx, buf: &mut Buffer) {
        let (grid, areas, marks) = self.layout(ctx);
        Graph {
            ladder: &ctx.ladder,
            grid: &grid,
            marks: &marks,
            view: &self.graph,
            theme: ctx.theme,
            title: &format!("Ladder · {}", self.graph.zoom.name()),
        }
        .render(areas.frame, buf);
        if let Some(pane) = areas.details {
            let (text, block) = self.details(ctx, &marks);
            pager::scrolled(buf, pane, text, block, self.details_offset());
        }
        if let Some(field) = &self.search {
            // The search field takes the legend's row while it is open.
            Clear.render(areas.legend, buf);
            widgets::typed(buf, areas.legend, field, ctx.theme);
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
        let (grid, areas, _) = self.layout(ctx);
        self.graph.keep_visible(&grid, areas.canvas);
    }
}
