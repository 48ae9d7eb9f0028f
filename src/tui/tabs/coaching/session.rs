//! A session: the agenda it started with (tick items off as discussed) or the competencies, on
//! the left; the shared notes, the private notes and the action items on the right. Notes are
//! written in place, in a multi-line editor; what is typed becomes a change when the editor is
//! left (Esc), when the tab goes out of view and before the planner quits. Share-safe mode hides
//! the private notes pane and will not open its editor.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Text;
use ratatui::widgets::{
    Cell, ListItem, Paragraph, Row, StatefulWidget, Table, TableState, Widget, Wrap,
};

use super::sessions::hanging;
use super::went::{Focus, Went};
use crate::profile::competence;
use crate::profile::{Profile, Rater, Session, agenda, rules};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::popups::coaching as forms;
use crate::tui::theme::Theme;
use crate::tui::widgets::field::TextField;
use crate::tui::widgets::list;
use crate::tui::widgets::{competencies, line, lines, pane, scrollbar};

/// The panes of a session, in the order →/← visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pane {
    /// The agenda, or the competencies.
    Left,
    Notes,
    Private,
    Actions,
}

/// Which notes the editor writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Notes {
    Shared,
    Private,
}

struct Editing {
    which: Notes,
    field: TextField,
    /// The notes when writing began: the change applies only over them.
    seen: String,
}

pub struct SessionView {
    id: String,
    pane: Pane,
    competencies: bool,
    agenda_cursor: usize,
    action_cursor: usize,
    competency_cursor: usize,
    /// Action items shown in this view so far, by index, so one marked done stays in view.
    /// Action items (by id) shown since the view opened, kept in view once done.
    pinned: BTreeSet<u64>,
    editing: Option<Editing>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    NextPane,
    PreviousPane,
    Toggle,
    Edit,
    AddAction,
    Topic,
    Competencies,
    Rate,
    Back,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EditorAct {
    Done,
    /// Handled by the editor, listed so help shows it.
    Field,
}

use Key::{Char as C, Code, Ctrl};

const KEYS: &[Binding<Act>] = &[
    bind(
        "next-pane",
        &[Code(KeyCode::Right), C('l')],
        Act::NextPane,
        "next pane: agenda, notes, private notes, action items",
        Footer::Group("←→", "pane"),
    ),
    bind(
        "previous-pane",
        &[Code(KeyCode::Left), C('h')],
        Act::PreviousPane,
        "previous pane",
        Footer::Hidden,
    ),
    bind(
        "toggle",
        &[C(' ')],
        Act::Toggle,
        "tick an agenda item as discussed, or an action item done",
        Footer::Word("tick"),
    ),
    bind(
        "edit",
        &[C('e')],
        Act::Edit,
        "notes: write them · action item: edit it",
        Footer::Word("write"),
    ),
    bind(
        "add-action",
        &[C('a')],
        Act::AddAction,
        "add an action item: what, who, by when",
        Footer::Word("action"),
    ),
    bind(
        "topic",
        &[C('p')],
        Act::Topic,
        "a topic for the next 1:1",
        Footer::Hidden,
    ),
    bind(
        "competencies",
        &[C('c')],
        Act::Competencies,
        "competencies instead of the agenda, and back",
        Footer::Word("competencies"),
    ),
    bind(
        "rate",
        &[C('r')],
        Act::Rate,
        "rate the competency selected (as manager)",
        Footer::Hidden,
    ),
    bind(
        "back",
        &[Code(KeyCode::Esc)],
        Act::Back,
        "back to the sessions",
        Footer::Word("back"),
    ),
];

const EDITOR_KEYS: &[Binding<EditorAct>] = &[
    bind(
        "done",
        &[Code(KeyCode::Esc), Ctrl('s')],
        EditorAct::Done,
        "stop writing; the notes are saved",
        Footer::Word("done (saves)"),
    ),
    bind(
        "new-line",
        &[Code(KeyCode::Enter)],
        EditorAct::Field,
        "a new line",
        Footer::Hidden,
    ),
];

const SCOPE: &str = "coaching-session";
const EDITOR_SCOPE: &str = "coaching-notes";

/// Every key of the session view, for the help overlay.
pub fn help(keymap: &Keymap) -> Vec<KeySection> {
    vec![
        keymap
            .section("Coaching: a session", SCOPE, list::CURSOR_KEYS)
            .then(keymap.section("Coaching: a session", SCOPE, KEYS)),
        keymap.section("Coaching: writing notes", EDITOR_SCOPE, EDITOR_KEYS),
    ]
}

/// The action items a session shows, by index: every open one (those carried over first),
/// the ones agreed in it, and any shown since the view opened.
fn shown_actions(p: &Profile, id: &str, pinned: &BTreeSet<u64>) -> Vec<usize> {
    p.actions
        .iter()
        .enumerate()
        .filter(|(_, a)| a.is_open() || a.session.as_deref() == Some(id) || pinned.contains(&a.id))
        .map(|(i, _)| i)
        .collect()
}

/// Where the panes go: the left pane, and on the right the notes, the private notes (unless
/// share-safe) and the action items.
struct Areas {
    left: Rect,
    notes: Rect,
    private: Option<Rect>,
    actions: Rect,
}

/// The panes laid out in `body`; the notes being written take the right side but for a line
/// of each other pane, so a long note shows whole while it is typed.
fn areas(body: Rect, share_safe: bool, writing: Option<Notes>) -> Areas {
    let [left, right] = body.layout(&Layout::horizontal([
        Constraint::Percentage(55),
        Constraint::Fill(1),
    ]));
    let brief = Constraint::Length(3);
    let (notes, private, actions) = match (writing, share_safe) {
        (Some(Notes::Shared), _) => (Constraint::Fill(1), brief, brief),
        (Some(Notes::Private), false) => (brief, Constraint::Fill(1), brief),
        (_, true) => (
            Constraint::Percentage(50),
            Constraint::Length(0),
            Constraint::Fill(1),
        ),
        (_, false) => (
            Constraint::Percentage(40),
            Constraint::Percentage(25),
            Constraint::Fill(1),
        ),
    };
    let [notes, private, actions] = right.layout(&Layout::vertical([notes, private, actions]));
    Areas {
        left,
        notes,
        private: (!share_safe).then_some(private),
        actions,
    }
}

impl SessionView {
    pub fn new(id: String) -> SessionView {
        SessionView {
            id,
            pane: Pane::Left,
            competencies: false,
            agenda_cursor: 0,
            action_cursor: 0,
            competency_cursor: 0,
            pinned: BTreeSet::new(),
            editing: None,
        }
    }

    fn session<'a>(&self, ctx: &'a Ctx) -> Option<(&'a Profile, &'a Session)> {
        let p = ctx.profile()?;
        let s = p.sessions.iter().find(|s| s.id == self.id)?;
        Some((p, s))
    }

    pub fn keys(&self, keymap: &Keymap) -> KeySection {
        if self.editing.is_some() {
            keymap.section("Coaching: writing notes", EDITOR_SCOPE, EDITOR_KEYS)
        } else {
            keymap
                .section("Coaching: a session", SCOPE, list::CURSOR_KEYS)
                .then(keymap.section("Coaching: a session", SCOPE, KEYS))
        }
    }

    fn panes(share_safe: bool) -> &'static [Pane] {
        if share_safe {
            &[Pane::Left, Pane::Notes, Pane::Actions]
        } else {
            &[Pane::Left, Pane::Notes, Pane::Private, Pane::Actions]
        }
    }

    fn step_pane(&mut self, share_safe: bool, by: isize) {
        let panes = Self::panes(share_safe);
        let at = panes.iter().position(|&p| p == self.pane).unwrap_or(0) as isize;
        let n = panes.len() as isize;
        self.pane = panes[(at + by).rem_euclid(n) as usize];
    }

    /// Turns what the editor holds into a change. If it cannot be made (the notes changed on
    /// disk meanwhile, say), the editor stays open with the text, so nothing typed is lost.
    fn commit(&mut self, ctx: &mut Ctx) {
        let Some(editing) = self.editing.take() else {
            return;
        };
        let typed = editing.field.value().trim_end().to_string();
        let change = match editing.which {
            Notes::Shared => rules::set_notes(&self.id, &editing.seen, typed.clone()),
            Notes::Private => rules::set_private_notes(&self.id, &editing.seen, typed.clone()),
        };
        if change.is_none() {
            return;
        }
        ctx.change(change);
        let now = ctx.profile().map(|p| match editing.which {
            Notes::Shared => p
                .sessions
                .iter()
                .find(|s| s.id == self.id)
                .map(|s| s.notes.clone())
                .unwrap_or_default(),
            Notes::Private => p.private_notes.get(&self.id).cloned().unwrap_or_default(),
        });
        if now.as_deref() != Some(typed.as_str()) {
            let mut field = editing.field;
            field.focus(true);
            self.editing = Some(Editing {
                which: editing.which,
                field,
                seen: now.unwrap_or_default(),
            });
        }
    }

    /// Anything typed becomes a change: the view is being left, or the planner is quitting.
    pub fn leave(&mut self, ctx: &mut Ctx) {
        self.commit(ctx);
        // Whatever could not be saved was said on the status line; the view closes anyway.
        self.editing = None;
    }

    fn start_editing(&mut self, ctx: &mut Ctx, which: Notes) {
        if let Some(reason) = ctx.sync.read_only() {
            let reason = reason.to_string();
            ctx.complain(format!("not writable: {reason}"));
            return;
        }
        if which == Notes::Private && ctx.share_safe {
            ctx.complain("share-safe is on: private notes stay closed — s turns it off");
            return;
        }
        let Some((p, s)) = self.session(ctx) else {
            return;
        };
        let seen = match which {
            Notes::Shared => s.notes.clone(),
            Notes::Private => p.private_notes.get(&self.id).cloned().unwrap_or_default(),
        };
        let mut field = TextField::note(&seen);
        field.focus(true);
        self.editing = Some(Editing { which, field, seen });
    }

    pub fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Went {
        if let Some(editing) = &mut self.editing {
            match ctx.keymap.action(EDITOR_SCOPE, EDITOR_KEYS, key) {
                Some(EditorAct::Done) => self.commit(ctx),
                Some(EditorAct::Field) | None => {
                    editing.field.handle(key);
                }
            }
            // While writing, every key is the editor's: no tab or global key fires.
            return Went::Handled;
        }
        let Some((p, s)) = self.session(ctx) else {
            return Went::To(Focus::Sessions);
        };
        let agenda_len = s.agenda.len();
        let shown = shown_actions(p, &self.id, &self.pinned);
        let competency_count = ctx.ladder.competencies().len();
        if let Some(step) = ctx.keymap.action(SCOPE, list::CURSOR_KEYS, key) {
            let page = list::page(ctx.body);
            match self.pane {
                Pane::Left if self.competencies => {
                    self.competency_cursor =
                        list::step(self.competency_cursor, competency_count, step, page)
                }
                Pane::Left => {
                    self.agenda_cursor = list::step(self.agenda_cursor, agenda_len, step, page)
                }
                Pane::Actions => {
                    self.action_cursor = list::step(self.action_cursor, shown.len(), step, page)
                }
                Pane::Notes | Pane::Private => {}
            }
            return Went::Handled;
        }
        let Some(act) = ctx.keymap.action(SCOPE, KEYS, key) else {
            return Went::Ignored;
        };
        match act {
            Act::NextPane => self.step_pane(ctx.share_safe, 1),
            Act::PreviousPane => self.step_pane(ctx.share_safe, -1),
            Act::Toggle => match self.pane {
                Pane::Left if !self.competencies => {
                    let change = rules::tick(p, &self.id, self.agenda_cursor);
                    ctx.change(change);
                }
                Pane::Actions => {
                    if let Some(&index) = shown.get(self.action_cursor) {
                        let id = p.actions[index].id;
                        self.pinned.insert(id);
                        let change = rules::toggle_action(p, id);
                        ctx.change(change);
                    }
                }
                _ => ctx.say("space ticks an agenda item or an action item"),
            },
            Act::Edit => match self.pane {
                Pane::Notes => self.start_editing(ctx, Notes::Shared),
                Pane::Private => self.start_editing(ctx, Notes::Private),
                Pane::Actions => {
                    if let Some(&index) = shown.get(self.action_cursor) {
                        let seen = p.actions[index].clone();
                        return Went::Popup(forms::edit_action(seen, index, &p.name));
                    }
                }
                Pane::Left => ctx.say("→ to the notes to write them; a adds an action item"),
            },
            Act::AddAction => {
                self.pane = Pane::Actions;
                return Went::Popup(forms::new_action(Some(self.id.clone()), &p.name));
            }
            Act::Topic => return Went::Popup(forms::new_topic()),
            Act::Competencies => {
                self.competencies = !self.competencies;
                self.pane = Pane::Left;
            }
            Act::Rate => {
                if self.pane == Pane::Left && self.competencies {
                    if let Some(form) = forms::rate_at(ctx, self.competency_cursor, Rater::Manager)
                    {
                        return Went::Popup(form);
                    }
                } else {
                    ctx.say("c shows the competencies; r rates the one selected");
                }
            }
            Act::Back => return Went::To(Focus::Sessions),
        }
        Went::Handled
    }

    pub fn paste(&mut self, _ctx: &mut Ctx, pasted: &str) -> bool {
        match &mut self.editing {
            Some(editing) => {
                editing.field.paste(pasted);
                true
            }
            None => false,
        }
    }

    pub fn mouse(&mut self, ctx: &mut Ctx, mouse: &MouseEvent) -> Went {
        let Some(step) = list::wheel(mouse) else {
            return Went::Ignored;
        };
        let Some((p, s)) = self.session(ctx) else {
            return Went::Ignored;
        };
        match self.pane {
            Pane::Left if self.competencies => {
                let n = ctx.ladder.competencies().len();
                self.competency_cursor = list::step(self.competency_cursor, n, step, 1);
            }
            Pane::Left => {
                self.agenda_cursor = list::step(self.agenda_cursor, s.agenda.len(), step, 1)
            }
            Pane::Actions => {
                let n = shown_actions(p, &self.id, &self.pinned).len();
                self.action_cursor = list::step(self.action_cursor, n, step, 1);
            }
            _ => {}
        }
        Went::Handled
    }

    /// Keeps cursors in range; `false` when the session is gone.
    pub fn refresh(&mut self, ctx: &Ctx) -> bool {
        let Some((p, s)) = self.session(ctx) else {
            return false;
        };
        if ctx.share_safe && self.pane == Pane::Private {
            self.pane = Pane::Actions;
        }
        if ctx.share_safe
            && self
                .editing
                .as_ref()
                .is_some_and(|e| e.which == Notes::Private)
        {
            // Share-safe came on: nothing private stays on screen, not even half-typed.
            self.editing = None;
        }
        let shown = shown_actions(p, &self.id, &self.pinned).len();
        self.agenda_cursor = self.agenda_cursor.min(s.agenda.len().saturating_sub(1));
        self.action_cursor = self.action_cursor.min(shown.saturating_sub(1));
        let n = ctx.ladder.competencies().len();
        self.competency_cursor = self.competency_cursor.min(n.saturating_sub(1));
        true
    }

    pub fn draw(&self, ctx: &Ctx, buf: &mut Buffer, body: Rect) {
        let Some((p, s)) = self.session(ctx) else {
            return;
        };
        let theme = ctx.theme;
        let areas = areas(body, ctx.share_safe, self.editing.as_ref().map(|e| e.which));
        let style = |pane: Pane| {
            if self.pane == pane {
                theme.heading()
            } else {
                Style::default()
            }
        };
        if self.competencies {
            let block = pane("Competencies · r rates", style(Pane::Left));
            let inner = block.inner(areas.left);
            block.render(areas.left, buf);
            let standings = competence::standings(p, &ctx.ladder);
            let cursor = if self.pane == Pane::Left {
                self.competency_cursor
            } else {
                usize::MAX
            };
            competencies::draw(buf, inner, &standings, cursor, theme);
        } else {
            let title = format!(
                "Agenda {} · {}/{} discussed",
                s.date,
                s.discussed(),
                s.agenda.len()
            );
            let block = pane(&title, style(Pane::Left));
            let inner = block.inner(areas.left);
            block.render(areas.left, buf);
            let (items, selected) = self.agenda_items(p, s, usize::from(inner.width), theme);
            list::render(buf, inner, areas.left, items, selected, theme);
        }
        self.draw_notes(
            ctx,
            buf,
            areas.notes,
            Notes::Shared,
            &s.notes,
            style(Pane::Notes),
        );
        if let Some(area) = areas.private {
            let private = p.private_notes.get(&self.id).map_or("", String::as_str);
            self.draw_notes(
                ctx,
                buf,
                area,
                Notes::Private,
                private,
                style(Pane::Private),
            );
        }
        let shown = shown_actions(p, &self.id, &self.pinned);
        let open = shown.iter().filter(|&&i| p.actions[i].is_open()).count();
        let block = pane(&format!("Action items · {open} open"), style(Pane::Actions));
        let inner = block.inner(areas.actions);
        block.render(areas.actions, buf);
        if shown.is_empty() {
            Paragraph::new(line("a adds one: what, who, by when", theme.muted()))
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        // A table: the tick, the number `rungs action done` takes, and what, who and by when
        // wrapped in the rest.
        let number = shown
            .iter()
            .map(|&i| text::width(&format!("{}.", p.actions[i].id)))
            .max()
            .unwrap_or(2);
        let what_width = usize::from(inner.width)
            .saturating_sub(3 + 1 + number + 1)
            .max(1);
        let mut heights = Vec::new();
        let rows: Vec<Row<'static>> = shown
            .iter()
            .map(|&i| {
                let a = &p.actions[i];
                let style = if a.is_open() {
                    Style::default()
                } else {
                    theme.muted()
                };
                let what =
                    text::wrap_hyphenated(&a.words(&p.name, ctx.today()), what_width, usize::MAX);
                heights.push(what.len().max(1));
                Row::new(vec![
                    Cell::from(line(if a.is_open() { "[ ]" } else { "[x]" }, style)),
                    Cell::from(line(&format!("{}.", a.id), style)),
                    Cell::from(Text::from(
                        what.iter().map(|l| line(l, style)).collect::<Vec<_>>(),
                    )),
                ])
                .height(text::cells(what.len().max(1)))
            })
            .collect();
        let selected = (self.pane == Pane::Actions).then_some(self.action_cursor);
        let mut state = TableState::default().with_selected(selected);
        StatefulWidget::render(
            Table::new(
                rows,
                [
                    Constraint::Length(3),
                    Constraint::Length(text::cells(number)),
                    Constraint::Fill(1),
                ],
            )
            .row_highlight_style(theme.selected()),
            inner,
            buf,
            &mut state,
        );
        let total: usize = heights.iter().sum();
        let before: usize = heights.iter().take(state.offset()).sum();
        scrollbar(buf, areas.actions, total, before, usize::from(inner.height));
    }

    /// The agenda as list items (a heading where the topic changes, then its items, wrapped),
    /// and which item the cursor is on.
    fn agenda_items(
        &self,
        p: &Profile,
        s: &Session,
        width: usize,
        theme: Theme,
    ) -> (Vec<ListItem<'static>>, Option<usize>) {
        let mut items = Vec::new();
        let mut selected = None;
        if s.agenda.is_empty() {
            items.push(ListItem::new(line(
                "This session has no agenda (made before rungs built them).",
                theme.muted(),
            )));
        }
        let mut heading = String::new();
        for (i, item) in s.agenda.iter().enumerate() {
            let this = agenda::heading(&item.topic, &p.name);
            if this != heading {
                items.push(ListItem::new(line(&this, theme.heading())));
                heading = this;
            }
            let mark = if item.ticked { "[x]" } else { "[ ]" };
            let style = if item.ticked {
                theme.muted()
            } else {
                Style::default()
            };
            if self.pane == Pane::Left && i == self.agenda_cursor {
                selected = Some(items.len());
            }
            let id = item
                .point_id()
                .map(|n| format!("{n}. "))
                .unwrap_or_default();
            let text = format!("{mark} {id}{}", item.text);
            items.push(ListItem::new(
                hanging(&text, width, usize::MAX)
                    .iter()
                    .map(|l| line(l, style))
                    .collect::<Vec<_>>(),
            ));
        }
        (items, selected)
    }

    fn draw_notes(
        &self,
        ctx: &Ctx,
        buf: &mut Buffer,
        area: Rect,
        which: Notes,
        notes: &str,
        style: Style,
    ) {
        let theme = ctx.theme;
        let editing = self.editing.as_ref().filter(|e| e.which == which);
        let (long, short) = match (which, editing.is_some()) {
            (Notes::Shared, true) => ("Notes · writing, Esc saves", "Notes · Esc saves"),
            (Notes::Private, true) => ("Private notes · writing, Esc saves", "Private · Esc saves"),
            (Notes::Shared, false) => ("Notes · both of you see these", "Notes · shared"),
            (Notes::Private, false) => ("Private notes · only on this machine", "Private notes"),
        };
        // The long title where it fits whole on the border (a space and a corner each side).
        let title = if text::width(long) + 6 <= usize::from(area.width) {
            long
        } else {
            short
        };
        let block = pane(title, style);
        let inner = block.inner(area);
        block.render(area, buf);
        if let Some(editing) = editing {
            editing.field.draw(buf, inner);
            return;
        }
        if notes.trim().is_empty() {
            let hint = match which {
                Notes::Shared => "e writes notes both of you see".to_string(),
                Notes::Private => format!(
                    "e writes notes only you see, kept in {}.private.ron",
                    ctx.profile().map_or("", |p| p.id.as_str())
                ),
            };
            Paragraph::new(line(&hint, theme.muted()))
                .wrap(Wrap { trim: true })
                .render(inner, buf);
            return;
        }
        let paragraph = Paragraph::new(lines(notes, Style::default())).wrap(Wrap { trim: true });
        let total = paragraph.line_count(inner.width);
        let room = usize::from(inner.height);
        if total > room && room > 0 {
            // The first lines, and a word that there is more (e shows it all).
            let [shown, more] = inner.layout(&Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(1),
            ]));
            paragraph.render(shown, buf);
            line(
                &format!("… {} more — e to read and write", total - (room - 1)),
                theme.muted(),
            )
            .render(more, buf);
        } else {
            paragraph.render(inner, buf);
        }
    }
}
