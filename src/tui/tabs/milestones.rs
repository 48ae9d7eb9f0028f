//! Tab 3, Milestones: every level's training, grouped by stage, with a gauge per level; keys to
//! move a milestone through todo → doing → done and to note the evidence and a due date.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};
use ratatui::style::Style;

use crate::ladder::{Ladder, LevelIdx, Stage};
use crate::profile::{self, Profile, Status, rules};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::popups::Popup;
use crate::tui::popups::form::Form;
use crate::tui::tab::{Outcome, Tab};
use crate::tui::widgets::list::{self, Line};
use crate::tui::widgets::{frame, padded};

#[derive(Debug, Default)]
pub struct MilestonesTab {
    cursor: usize,
    /// Only the current and the next level.
    near_only: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    CycleStatus,
    Edit,
    ToggleFilter,
}

use Key::Char as C;

const KEYS: &[Binding<Action>] = &[
    bind(
        "status",
        &[C(' ')],
        Action::CycleStatus,
        "todo → doing → done",
        Footer::Word("status"),
    ),
    bind(
        "edit",
        &[C('e')],
        Action::Edit,
        "edit the evidence note and due date",
        Footer::Word("evidence"),
    ),
    bind(
        "filter",
        &[C('f')],
        Action::ToggleFilter,
        "only my current and next level / all levels",
        Footer::Word("filter"),
    ),
];

impl MilestonesTab {
    /// The milestones the tab lists, in order: (level, index within the level).
    fn rows(&self, ladder: &Ladder, profile: Option<&Profile>) -> Vec<(LevelIdx, usize)> {
        let current = profile
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
        let existing = ctx.profile().and_then(|p| p.milestones.get(&id));
        let seen = existing.cloned();
        let note = existing.map_or(String::new(), |e| e.note.clone());
        let due = existing
            .and_then(|e| e.due)
            .map(|d| d.to_string())
            .unwrap_or_default();
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
}

impl Tab for MilestonesTab {
    fn name(&self) -> &'static str {
        "Milestones"
    }

    fn digit(&self) -> char {
        '3'
    }

    fn keys(&self, keymap: &Keymap) -> KeySection {
        keymap
            .section("Milestones", "milestones", list::CURSOR_KEYS)
            .then(keymap.section("Milestones", "milestones", KEYS))
    }

    fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Outcome {
        let rows = self.rows(&ctx.ladder, ctx.profile());
        if let Some(step) = ctx.keymap.action("milestones", list::CURSOR_KEYS, key) {
            self.cursor = list::step(self.cursor, rows.len(), step, list::page(ctx.body));
            return Outcome::Handled;
        }
        let Some(action) = ctx.keymap.action("milestones", KEYS, key) else {
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
            Action::CycleStatus | Action::Edit => {
                let Some(&(level, i)) = rows.get(self.cursor) else {
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
            }
        }
        Outcome::Handled
    }

    fn mouse(&mut self, ctx: &mut Ctx, mouse: &MouseEvent) -> Outcome {
        let Some(step) = list::wheel(mouse) else {
            return Outcome::Ignored;
        };
        let rows = self.rows(&ctx.ladder, ctx.profile()).len();
        self.cursor = list::step(self.cursor, rows, step, 1);
        Outcome::Handled
    }

    fn draw(&self, ctx: &Ctx, buf: &mut Buffer) {
        let (ladder, theme) = (&ctx.ladder, ctx.theme);
        let title = if self.near_only {
            "Milestones · current and next level"
        } else {
            "Milestones"
        };
        frame(buf, ctx.body, title, Style::default());
        let Some(p) = ctx.profile() else { return };
        let rows = self.rows(ladder, Some(p));
        let cursor = self.cursor.min(rows.len().saturating_sub(1));
        let mut lines = Vec::new();
        let mut row = 0;
        for (level, def) in ladder.levels().iter().enumerate() {
            if !rows.iter().any(|&(l, _)| l == level) {
                // A level with no milestones still shows, in its place; one filtered out does not.
                if def.milestones.is_empty() && !self.near_only {
                    lines.push(Line::new(
                        format!("{}  no milestones", text::one_line(&def.name)),
                        theme.muted(),
                    ));
                }
                continue;
            }
            let r = profile::level_progress(p, ladder, level);
            lines.push(Line::new(
                format!(
                    "{}  {} {}/{} ({} %)",
                    text::one_line(&def.name),
                    r.gauge(10),
                    r.done,
                    r.total,
                    r.percent()
                ),
                theme.heading(),
            ));
            let mut stage: Option<Stage> = None;
            while let Some(&(l, i)) = rows.get(row)
                && l == level
            {
                let m = &def.milestones[i];
                if stage != Some(m.stage) {
                    lines.push(Line::new(format!("  {}", m.stage.label()), theme.muted()));
                    stage = Some(m.stage);
                }
                let progress = p.milestones.get(&m.id);
                let status = progress.map_or(Status::Todo, |x| x.status);
                let mut text = format!(
                    "    {} {}  ({})",
                    status.mark(),
                    text::one_line(&m.title),
                    m.kind.label()
                );
                if let Some(progress) = progress {
                    if let Some(due) = progress.due {
                        text.push_str(&format!("  due {due}"));
                    }
                    if !progress.note.is_empty() {
                        text.push_str(&format!("  ✎ {}", text::one_line(&progress.note)));
                    }
                }
                let style = if status == Status::Done {
                    theme.muted()
                } else {
                    Style::default()
                };
                lines.push(Line::new(text, style).at_cursor(row == cursor));
                row += 1;
            }
        }
        if lines.is_empty() {
            lines.push(Line::new("no milestones in this ladder", theme.muted()));
        }
        list::draw(buf, padded(ctx.body), &lines, theme);
    }

    fn refresh(&mut self, ctx: &Ctx) {
        let rows = self.rows(&ctx.ladder, ctx.profile()).len();
        self.cursor = self.cursor.min(rows.saturating_sub(1));
    }
}
