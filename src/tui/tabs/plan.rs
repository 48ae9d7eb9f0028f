//! Tab 2, the Plan: the planned moves with their kinds, dates and notes, the advice the plan
//! breaks, and keys to reorder, remove, edit and re-plan.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::export;
use crate::profile::{self, rules};
use crate::text;
use crate::text::step_number;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::popups::Popup;
use crate::tui::popups::form::Form;
use crate::tui::tab::{Outcome, Tab};
use crate::tui::widgets::{self, list};

#[derive(Debug, Default)]
pub struct PlanTab {
    cursor: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Earlier,
    Later,
    Delete,
    Edit,
    Replan,
}

use Key::Char as C;

const KEYS: &[Binding<Action>] = &[
    bind(
        "earlier",
        &[C('K')],
        Action::Earlier,
        "move the step earlier",
        Footer::Word("earlier"),
    ),
    bind(
        "later",
        &[C('J')],
        Action::Later,
        "move the step later",
        Footer::Word("later"),
    ),
    bind(
        "delete",
        &[C('x')],
        Action::Delete,
        "delete the step",
        Footer::Word("delete"),
    ),
    bind(
        "edit",
        &[C('e')],
        Action::Edit,
        "edit the step's target date and note",
        Footer::Word("edit"),
    ),
    bind(
        "re-plan",
        &[C('p')],
        Action::Replan,
        "re-plan from current role to target",
        Footer::Word("re-plan"),
    ),
];

impl PlanTab {
    fn steps(ctx: &Ctx) -> usize {
        ctx.profile().map_or(0, |p| p.plan.len())
    }

    fn edit_form(&self, ctx: &Ctx) -> Option<Popup> {
        let p = ctx.profile()?;
        let index = self.cursor;
        let step = p.plan.get(index)?;
        let seen = step.clone();
        let title = format!("Step {}: {}", index + 1, ctx.ladder.title_of(&step.role));
        let date = step.target_date.map(|d| d.to_string()).unwrap_or_default();
        Some(Popup::Form(Form::new(
            title,
            &[
                ("Target date (YYYY-MM-DD)", &date, false),
                ("Note", &step.note, true),
            ],
            Box::new(move |values, ctx| {
                let Some(p) = ctx.profile() else {
                    return Ok(None);
                };
                Ok(Some(rules::edit_step(
                    p,
                    &seen,
                    index,
                    values.date(0)?,
                    values.text(1),
                    ctx.today(),
                )))
            }),
        )))
    }
}

impl Tab for PlanTab {
    fn name(&self) -> &'static str {
        "Plan"
    }

    fn digit(&self) -> char {
        '2'
    }

    fn keys(&self, keymap: &Keymap) -> KeySection {
        list::keys(keymap, "Plan", "plan", KEYS)
    }

    fn list(&mut self, ctx: &Ctx) -> Option<(&'static str, &mut usize, usize)> {
        Some(("plan", &mut self.cursor, Self::steps(ctx)))
    }

    fn act(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Outcome {
        let Some(action) = ctx.keymap.action("plan", KEYS, key) else {
            return Outcome::Ignored;
        };
        let i = self.cursor.min(Self::steps(ctx).saturating_sub(1));
        match action {
            Action::Replan => ctx.auto_plan(false),
            Action::Earlier | Action::Later => {
                let earlier = action == Action::Earlier;
                let change = ctx
                    .profile()
                    .and_then(|p| rules::shift_step(p, i, earlier, ctx.today()));
                if change.is_some() {
                    self.cursor = if earlier { i - 1 } else { i + 1 };
                }
                ctx.change(change);
            }
            Action::Delete => {
                let change = ctx
                    .profile()
                    .and_then(|p| rules::remove_step(p, i, ctx.today()));
                ctx.change(change);
                self.refresh(ctx);
            }
            Action::Edit => {
                if let Some(form) = self.edit_form(ctx) {
                    return Outcome::Open(form);
                }
            }
        }
        Outcome::Handled
    }

    fn draw(&self, ctx: &Ctx, buf: &mut Buffer) {
        let (ladder, theme) = (&ctx.ladder, ctx.theme);
        let inner = widgets::framed(buf, ctx.body, widgets::pane("Plan", Style::default()));
        let Some(p) = ctx.profile() else { return };
        let heading = Paragraph::new(widgets::line(
            &format!(
                "from ● {}{}",
                ladder.title_of(&p.current_role),
                p.target_role
                    .as_deref()
                    .map(|t| format!("   towards ★ {}", ladder.title_of(t)))
                    .unwrap_or_default()
            ),
            theme.heading(),
        ))
        .wrap(Wrap { trim: false });
        // Every step, judged by the one rule; one the ladder cannot judge shows as "?".
        let (current, width) = (ladder.role_index(&p.current_role), usize::from(inner.width));
        let mut steps = Vec::new();
        for (i, planned) in profile::planned_steps(p, ladder).into_iter().enumerate() {
            let (step, role) = (planned.step, planned.role);
            let kind = planned.kind.map_or("?".into(), |k| format!("{k:<10}"));
            let corner = role
                .map(|r| text::one_line(ladder.corner_name_of(r)))
                .unwrap_or_default();
            let mut line = format!(
                "{} {kind}  {}  [{corner}]",
                step_number(i + 1),
                ladder.title_of(&step.role)
            );
            if let Some(date) = step.target_date {
                line.push_str(&format!("  by {date}"));
            }
            if !step.note.is_empty() {
                line.push_str(&format!("  — {}", text::one_line(&step.note)));
            }
            let mut lines = vec![(line, Style::default())];
            if let Some(role) = role {
                // What the move asks before it, by the one rule `rungs compare` shows.
                let r = current.map(|c| profile::readiness_for_move(p, ladder, c, role));
                let readiness = match r {
                    Some(r) if r.progress.total > 0 => format!(
                        "readiness {} — {}",
                        r.progress.fraction(),
                        r.summary(ladder)
                    ),
                    _ => "no new training: not above your level".to_string(),
                };
                lines.push((format!("  {readiness}"), theme.muted()));
            }
            // A line too long for the pane ends in `…`, so nothing is cut unseen.
            let lines = lines
                .iter()
                .map(|(l, s)| widgets::line(&text::truncate(l, width), *s));
            steps.push(lines.collect::<Vec<_>>());
        }
        let notes = Paragraph::new(notes(ctx, p)).wrap(Wrap { trim: false });

        // The heading, then the steps, then the notes; the steps keep a few rows whatever the
        // notes need, and the notes take what the steps leave.
        let heading_rows = text::cells(heading.line_count(inner.width)).min(2);
        let rest = inner.height.saturating_sub(heading_rows);
        let wanted = if steps.is_empty() {
            3
        } else {
            text::cells(2 * steps.len())
        };
        let note_rows = text::cells(notes.line_count(inner.width));
        let step_rows = wanted.min(rest.saturating_sub(note_rows).max(rest.min(6)));
        let [top, middle, bottom] = Layout::vertical([
            Constraint::Length(heading_rows),
            Constraint::Length(step_rows),
            Constraint::Fill(1),
        ])
        .areas(inner);
        heading.render(top, buf);
        notes.render(bottom, buf);
        if steps.is_empty() {
            Paragraph::new(widgets::lines(
                "\nNo moves planned yet. Press p to plan the best path to your target,\n\
                 or pick roles on the Ladder tab and press a.",
                Style::default(),
            ))
            .style(theme.muted())
            .wrap(Wrap { trim: false })
            .render(middle, buf);
            return;
        }
        list::render(buf, middle, ctx.body, steps, Some(self.cursor), theme);
    }
}

/// What the Plan tab says under the steps: the plan's size and breadth, readiness for the next
/// level (and for the target's, when further up), the rules the plan breaks, and the advice.
fn notes(ctx: &Ctx, p: &crate::profile::Profile) -> Vec<Line<'static>> {
    let (ladder, theme) = (&ctx.ladder, ctx.theme);
    let mut lines = Vec::new();
    let mut say = |line: &str, style: Style| lines.push(widgets::line(line, style));
    say("", Style::default());
    let moves = text::count(p.plan.len(), "move");
    let breadth = profile::breadth(p, ladder).summary();
    say(&format!("{moves} · breadth {breadth}"), theme.muted());
    let next = profile::readiness(p, ladder);
    if let Some(r) = &next {
        say(&export::readiness_line(r, ladder), Style::default());
    }
    // The target's readiness too, when it lies further up than the next level.
    let target = p.target_role.as_deref().and_then(|t| ladder.role_index(t));
    if let Some(r) = target
        .and_then(|t| profile::readiness_toward(p, ladder, t))
        .filter(|r| !r.counted.is_empty())
        .filter(|r| next.as_ref().is_none_or(|n| n.for_level != r.for_level))
    {
        say(
            &format!("★ {}", export::readiness_line(&r, ladder)),
            theme.target(),
        );
    }
    for problem in profile::plan_problems(p, ladder) {
        say(&format!("⚠ {problem}"), theme.warning());
    }
    if let Some(path) = &profile::plan_path(p, ladder).0 {
        for advice in &path.advice {
            say(&format!("⚠ {}", advice.describe(ladder)), theme.warning());
        }
        if let Some(praise) = path.praise(ladder).filter(|_| !p.plan.is_empty()) {
            say(praise, theme.muted());
        }
    }
    lines
}
