//! Tab 3, Milestones: every level's training, grouped by stage, with a gauge per level; keys to
//! move a milestone through todo → doing → done and to note the evidence and a due date. A
//! second view shows the learning path — what to do next, with due dates — where a suggested
//! date can be accepted.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{LineGauge, Paragraph, Widget, Wrap};

use crate::ladder::{LevelIdx, Stage};
use crate::profile::{self, LearningItem, Profile, Status, rules};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::popups::Popup;
use crate::tui::popups::form::Form;
use crate::tui::tab::{Outcome, Tab};
use crate::tui::widgets::{self, list};

#[derive(Debug, Default)]
pub struct MilestonesTab {
    cursor: usize,
    /// Only the current and the next level.
    near_only: bool,
    /// The learning path instead of every level.
    learning: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    CycleStatus,
    Edit,
    ToggleFilter,
    ToggleView,
    Accept,
}

use Key::Char as C;

const STATUS: Binding<Action> = bind(
    "status",
    &[C(' ')],
    Action::CycleStatus,
    "todo → doing → done",
    Footer::Word("status"),
);

const EDIT: Binding<Action> = bind(
    "edit",
    &[C('e')],
    Action::Edit,
    "edit the evidence note and due date",
    Footer::Word("evidence"),
);

const KEYS: &[Binding<Action>] = &[
    STATUS,
    EDIT,
    bind(
        "filter",
        &[C('f')],
        Action::ToggleFilter,
        "only my current and next level / all levels",
        Footer::Word("filter"),
    ),
    bind(
        "view",
        &[C('v')],
        Action::ToggleView,
        "every level / the learning path",
        Footer::Word("learn"),
    ),
];

/// The keys of the learning-path view.
const LEARNING_KEYS: &[Binding<Action>] = &[
    bind(
        "accept",
        &[C('a')],
        Action::Accept,
        "accept the suggested due date of the selected milestone",
        Footer::Word("accept date"),
    ),
    STATUS,
    EDIT,
    bind(
        "view",
        &[C('v')],
        Action::ToggleView,
        "back to every level",
        Footer::Word("levels"),
    ),
];

impl MilestonesTab {
    /// The view's title in the help, the scope its keys are read in, and its keys.
    fn table(&self) -> (&'static str, &'static str, &'static [Binding<Action>]) {
        if self.learning {
            ("Learning path (after v)", "learning", LEARNING_KEYS)
        } else {
            ("Milestones", "milestones", KEYS)
        }
    }

    /// The milestones the tab lists in the view it shows, in order: (level, index in the level).
    fn shown(&self, ctx: &Ctx) -> Vec<(LevelIdx, usize)> {
        if self.learning {
            return learning(ctx).iter().map(|i| (i.level, i.index)).collect();
        }
        let ladder = &ctx.ladder;
        let current = ctx
            .profile()
            .and_then(|p| ladder.role_index(&p.current_role))
            .map(|r| ladder.role_level(r));
        let mut rows = Vec::new();
        for (level, def) in ladder.levels().iter().enumerate() {
            if self.near_only
                && let Some(current) = current
                && level != current
                && level != current + 1
            {
                continue;
            }
            let mut order: Vec<usize> = (0..def.milestones.len()).collect();
            order.sort_by_key(|&i| def.milestones[i].stage);
            rows.extend(order.into_iter().map(|i| (level, i)));
        }
        rows
    }

    fn evidence_form(ctx: &Ctx, id: String, title: &str) -> Popup {
        let seen = ctx.profile().and_then(|p| p.milestones.get(&id)).cloned();
        let note = seen.as_ref().map_or(String::new(), |e| e.note.clone());
        let due = seen.as_ref().and_then(|e| e.due);
        let due = due.map(|d| d.to_string()).unwrap_or_default();
        Popup::Form(Form::new(
            format!("Evidence: {}", text::one_line(title)),
            &[
                ("Evidence note", &note, true),
                ("Due date (YYYY-MM-DD)", &due, false),
            ],
            Box::new(move |values, ctx| {
                Ok(rules::note_milestone(
                    &id,
                    seen.as_ref(),
                    values.text(0),
                    values.date(1)?,
                    ctx.today(),
                ))
            }),
        ))
    }

    /// The learning path: one line per milestone, soonest due first, with the step it is for.
    fn draw_learning(&self, ctx: &Ctx, p: &Profile, inner: Rect, buf: &mut Buffer) {
        let (ladder, theme) = (&ctx.ladder, ctx.theme);
        let items = learning(ctx);
        let cursor = self.cursor.min(items.len().saturating_sub(1));
        let mut lines = vec![widgets::line(
            "due         milestone — ✎ your own date, the rest suggested",
            theme.muted(),
        )];
        let mut selected = None;
        let mut step = None;
        for (row, item) in items.iter().enumerate() {
            if item.step != step || row == 0 {
                step = item.step;
                let heading = match item.step.and_then(|i| p.plan.get(i).map(|s| (i, s))) {
                    Some((i, s)) => format!(
                        "for {} {}",
                        text::step_number(i + 1),
                        ladder.title_of(&s.role)
                    ),
                    None => "for the next level (nothing planned yet)".to_string(),
                };
                lines.push(widgets::line(&heading, theme.heading()));
            }
            let m = &ladder.levels()[item.level].milestones[item.index];
            let line = format!(
                "{} {} {} {}  ({} · {})",
                item.due,
                if item.due_set { "✎" } else { " " },
                item.status.mark(),
                text::one_line(&m.title),
                text::one_line(&ladder.levels()[item.level].name),
                m.kind.label()
            );
            let style = widgets::when(item.due < ctx.today(), theme.warning());
            if row == cursor {
                selected = Some(lines.len());
            }
            let line = text::truncate(&line, usize::from(inner.width));
            lines.push(widgets::line(&line, style));
        }
        if items.is_empty() {
            lines.push(widgets::line(
                "nothing left to learn on this plan — every milestone on the way is done",
                theme.muted(),
            ));
        }
        list::render(buf, inner, ctx.body, lines, selected, theme);
    }
}

impl Tab for MilestonesTab {
    fn name(&self) -> &'static str {
        "Milestones"
    }

    fn digit(&self) -> char {
        '3'
    }

    fn keys(&self, keymap: &Keymap) -> KeySection {
        let (title, scope, table) = self.table();
        list::keys(keymap, title, scope, table)
    }

    fn help(&self, keymap: &Keymap) -> Vec<KeySection> {
        let learning = MilestonesTab {
            learning: true,
            ..Default::default()
        };
        vec![MilestonesTab::default().keys(keymap), learning.keys(keymap)]
    }

    fn list(&mut self, ctx: &Ctx) -> Option<(&'static str, &mut usize, usize)> {
        let rows = self.shown(ctx).len();
        Some((self.table().1, &mut self.cursor, rows))
    }

    fn act(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Outcome {
        let (_, scope, table) = self.table();
        let Some(action) = ctx.keymap.action(scope, table, key) else {
            return Outcome::Ignored;
        };
        match action {
            Action::ToggleFilter => {
                self.near_only = !self.near_only;
                self.cursor = 0;
                ctx.say(if self.near_only {
                    "showing your current and next level"
                } else {
                    "showing every level"
                });
            }
            Action::ToggleView => {
                self.learning = !self.learning;
                self.cursor = 0;
                ctx.say(if self.learning {
                    "the learning path: what to do next — a accepts a suggested due date"
                } else {
                    "every level's milestones"
                });
            }
            Action::Accept => {
                let Some(item) = learning(ctx).into_iter().nth(self.cursor) else {
                    return Outcome::Handled;
                };
                let change = ctx
                    .profile()
                    .and_then(|p| rules::accept_due(p, &item.milestone, item.due, ctx.today()));
                match change {
                    Some(change) => ctx.change(Some(change)),
                    None => ctx.say(format!("due {} already", item.due)),
                }
            }
            Action::CycleStatus | Action::Edit => {
                let Some(&(level, i)) = self.shown(ctx).get(self.cursor) else {
                    return Outcome::Handled;
                };
                let milestone = &ctx.ladder.levels()[level].milestones[i];
                let (id, title) = (milestone.id.clone(), milestone.title.clone());
                if action == Action::Edit {
                    return Outcome::Open(Self::evidence_form(ctx, id, &title));
                }
                let Some(p) = ctx.profile() else {
                    return Outcome::Handled;
                };
                let next = p.status_of(&id).next();
                let progress = rules::milestone_progress(p.milestones.get(&id), next, ctx.today());
                let change = rules::set_milestone(p, &id, progress);
                ctx.change(change);
                if self.learning {
                    // Done leaves the path; keep the cursor on a line that is there.
                    self.refresh(ctx);
                }
            }
        }
        Outcome::Handled
    }

    fn draw(&self, ctx: &Ctx, buf: &mut Buffer) {
        let (ladder, theme) = (&ctx.ladder, ctx.theme);
        let title = match (self.learning, self.near_only) {
            (true, _) => "Milestones · learning path",
            (false, true) => "Milestones · current and next level",
            (false, false) => "Milestones",
        };
        let inner = widgets::framed(buf, ctx.body, widgets::pane(title, Style::default()));
        let Some(p) = ctx.profile() else { return };
        if self.learning {
            return self.draw_learning(ctx, p, inner, buf);
        }
        let rows = self.shown(ctx);
        let cursor = self.cursor.min(rows.len().saturating_sub(1));
        let mut items = Vec::new();
        let mut selected = None;
        let readiness = profile::readiness(p, ladder);
        let mut area = inner;
        if let Some(r) = &readiness {
            // Readiness as a gauge, then what it counts.
            let label = format!("{} {}", r.label(ladder), r.progress.fraction());
            let counts = Paragraph::new(widgets::line(
                &format!("counts {}", r.counts(ladder)),
                theme.muted(),
            ))
            .wrap(Wrap { trim: false });
            let counts_rows = text::cells(counts.line_count(inner.width)).min(3);
            let [gauge, counted, rest] = Layout::vertical([
                Constraint::Length(1),
                Constraint::Length(counts_rows),
                Constraint::Fill(1),
            ])
            .areas(inner);
            let label_width = text::width(&label) + 1;
            // The bar narrows, down to ten cells, to leave room for what ▸ means.
            let legend = "  ▸ marks what it counts";
            let cells = usize::from(gauge.width)
                .saturating_sub(label_width + text::width(legend))
                .clamp(GAUGE_MIN_CELLS, GAUGE_CELLS);
            let [gauge, key] = Layout::horizontal([
                Constraint::Length(text::cells(label_width + cells)),
                Constraint::Fill(1),
            ])
            .areas(gauge);
            if usize::from(key.width) >= text::width(legend) {
                widgets::span(legend, theme.muted()).render(key, buf);
            }
            // A cell for each whole share done, like the percentage (rounded down), so the two
            // never disagree; half a cell more so the gauge's own rounding cannot lose one.
            let cells = usize::from(gauge.width).saturating_sub(label_width).max(1);
            let filled = cells * usize::from(r.progress.percent()) / 100;
            LineGauge::default()
                .label(widgets::span(&label, theme.heading()))
                .ratio(((filled as f64 + 0.5) / cells as f64).min(1.0))
                .filled_symbol("▓")
                .unfilled_symbol("░")
                .filled_style(theme.heading())
                .unfilled_style(theme.muted())
                .render(gauge, buf);
            counts.render(counted, buf);
            area = rest;
        }
        for (level, def) in ladder.levels().iter().enumerate() {
            if !rows.iter().any(|&(l, _)| l == level) {
                // A level with no milestones still shows, in its place; one filtered out does not.
                if def.milestones.is_empty() && !self.near_only {
                    items.push(widgets::line(
                        &format!("{}  no milestones", text::one_line(&def.name)),
                        theme.muted(),
                    ));
                }
                continue;
            }
            let progress = profile::level_progress(p, ladder, level);
            items.push(widgets::line(
                &format!(
                    "{}  progress {} {}",
                    text::one_line(&def.name),
                    progress.gauge(10),
                    progress.fraction()
                ),
                theme.heading(),
            ));
            let mut stage: Option<Stage> = None;
            let of_level = rows.iter().enumerate().filter(|(_, (l, _))| *l == level);
            for (row, &(_, i)) in of_level {
                let m = &def.milestones[i];
                if stage != Some(m.stage) {
                    items.push(widgets::line(
                        &format!("  {}", m.stage.label()),
                        theme.muted(),
                    ));
                    stage = Some(m.stage);
                }
                let progress = p.milestones.get(&m.id);
                let status = progress.map_or(Status::Todo, |x| x.status);
                let counted = readiness
                    .as_ref()
                    .is_some_and(|r| r.counts_milestone(level, i));
                let mut line = format!(
                    "  {} {} {}  ({})",
                    if counted { "▸" } else { " " },
                    status.mark(),
                    text::one_line(&m.title),
                    m.kind.label()
                );
                if let Some(progress) = progress {
                    if let Some(due) = progress.due {
                        line.push_str(&format!("  due {due}"));
                    }
                    if !progress.note.is_empty() {
                        line.push_str(&format!("  ✎ {}", text::one_line(&progress.note)));
                    }
                }
                let style = widgets::when(status == Status::Done, theme.muted());
                if row == cursor {
                    selected = Some(items.len());
                }
                // A line too long for the pane ends in `…`, so nothing is cut unseen.
                let line = text::truncate(&line, usize::from(inner.width));
                items.push(widgets::line(&line, style));
            }
        }
        if items.is_empty() {
            items.push(widgets::line("no milestones in this ladder", theme.muted()));
        }
        list::render(buf, area, ctx.body, items, selected, theme);
    }
}

/// The learning path of the profile open, as the domain works it out.
fn learning(ctx: &Ctx) -> Vec<LearningItem> {
    ctx.profile()
        .map(|p| profile::learning_path(p, &ctx.ladder, ctx.today()))
        .unwrap_or_default()
}

/// How many cells the readiness gauge fills when all is done, at most and at least.
const GAUGE_CELLS: usize = 20;
const GAUGE_MIN_CELLS: usize = 10;
