//! A session: the agenda it started with (tick items off as discussed) or the competencies, on
//! the left; the shared notes, the private notes and the action items on the right. Notes are
//! written in place, in a multi-line editor; what is typed becomes a change when the editor is
//! left (Esc), when the tab goes out of view and before the planner quits. Share-safe mode hides
//! the private notes pane and will not open its editor.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::went::{Focus, Went};
use crate::date::Date;
use crate::profile::competence;
use crate::profile::{Action, Profile, Rater, Session, agenda, rules};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::popups::coaching as forms;
use crate::tui::theme::Theme;
use crate::tui::widgets::field::TextField;
use crate::tui::widgets::list::{self, Line};
use crate::tui::widgets::{competencies, frame, padded, put};

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

/// An action item as the session shows it: its tick, its id (the one `rungs action done`
/// takes), then the item in the words every front end uses.
fn action_text(a: &Action, person: &str, today: Date) -> String {
    let mark = if a.is_open() { "[ ]" } else { "[x]" };
    format!("{mark} {}. {}", a.id, a.words(person, today))
}

/// `text` wrapped to `width`, the lines after the first indented under it, none cut short.
fn hanging(text: &str, width: usize) -> Vec<String> {
    let room = width.saturating_sub(2).max(1);
    text::wrap_hyphenated(text, room, usize::MAX)
        .into_iter()
        .enumerate()
        .map(|(i, line)| if i == 0 { line } else { format!("  {line}") })
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

fn areas(body: Rect, share_safe: bool) -> Areas {
    let left_width = (u32::from(body.width) * 55 / 100) as u16;
    let left = Rect::new(body.x, body.y, left_width, body.height);
    let right_x = body.x + left_width;
    let right_width = body.width - left_width;
    let h = body.height;
    let (notes_h, private_h) = if share_safe {
        (h / 2, 0)
    } else {
        (h * 2 / 5, h / 4)
    };
    let notes = Rect::new(right_x, body.y, right_width, notes_h);
    let private =
        (!share_safe).then(|| Rect::new(right_x, body.y + notes_h, right_width, private_h));
    let actions_y = body.y + notes_h + private_h;
    let actions = Rect::new(right_x, actions_y, right_width, body.bottom() - actions_y);
    Areas {
        left,
        notes,
        private,
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
        let mut field = TextField::new(&seen, true);
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
                        return Went::Popup(forms::edit_action(seen, index));
                    }
                }
                Pane::Left => ctx.say("→ to the notes to write them; a adds an action item"),
            },
            Act::AddAction => {
                self.pane = Pane::Actions;
                return Went::Popup(forms::new_action(Some(self.id.clone())));
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
        let areas = areas(body, ctx.share_safe);
        let style = |pane: Pane| {
            if self.pane == pane {
                theme.heading()
            } else {
                Style::default()
            }
        };
        if self.competencies {
            frame(buf, areas.left, "Competencies · r rates", style(Pane::Left));
            let standings = competence::standings(p, &ctx.ladder);
            let cursor = if self.pane == Pane::Left {
                self.competency_cursor
            } else {
                usize::MAX
            };
            competencies::draw(buf, padded(areas.left), &standings, cursor, theme);
        } else {
            let title = format!(
                "Agenda {} · {}/{} discussed",
                s.date,
                s.discussed(),
                s.agenda.len()
            );
            frame(buf, areas.left, &title, style(Pane::Left));
            let lines = self.agenda_lines(p, s, padded(areas.left).width as usize, theme);
            list::draw(buf, padded(areas.left), &lines, theme);
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
        frame(
            buf,
            areas.actions,
            &format!("Action items · {open} open"),
            style(Pane::Actions),
        );
        let inner = padded(areas.actions);
        let mut lines = Vec::new();
        if shown.is_empty() {
            lines.push(Line::new("a adds one: what, who, by when", theme.muted()));
        }
        for (row, &i) in shown.iter().enumerate() {
            let a = &p.actions[i];
            let style = if a.is_open() {
                Style::default()
            } else {
                theme.muted()
            };
            let at_cursor = self.pane == Pane::Actions && row == self.action_cursor;
            for line in hanging(&action_text(a, &p.name, ctx.today()), inner.width as usize) {
                lines.push(Line::new(line, style).at_cursor(at_cursor));
            }
        }
        list::draw(buf, inner, &lines, theme);
    }

    fn agenda_lines(&self, p: &Profile, s: &Session, width: usize, theme: Theme) -> Vec<Line> {
        let mut lines = Vec::new();
        if s.agenda.is_empty() {
            lines.push(Line::new(
                "This session has no agenda (made before rungs built them).",
                theme.muted(),
            ));
        }
        let mut heading = String::new();
        for (i, item) in s.agenda.iter().enumerate() {
            let this = agenda::heading(&item.topic, &p.name);
            if this != heading {
                lines.push(Line::new(this.clone(), theme.heading()));
                heading = this;
            }
            let mark = if item.ticked { "[x]" } else { "[ ]" };
            let style = if item.ticked {
                theme.muted()
            } else {
                Style::default()
            };
            let at_cursor = self.pane == Pane::Left && i == self.agenda_cursor;
            let id = item
                .point_id()
                .map(|n| format!("{n}. "))
                .unwrap_or_default();
            let text = format!("{mark} {id}{}", text::one_line(&item.text));
            for line in hanging(&text, width) {
                lines.push(Line::new(line, style).at_cursor(at_cursor));
            }
        }
        lines
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
        let title = match which {
            Notes::Shared => "Notes · both of you see these",
            Notes::Private => "Private notes · only on this machine",
        };
        let editing = self.editing.as_ref().filter(|e| e.which == which);
        let title = match (which, editing.is_some()) {
            (Notes::Shared, true) => "Notes · writing, Esc saves",
            (Notes::Private, true) => "Private notes · writing, Esc saves",
            _ => title,
        };
        frame(buf, area, title, style);
        let inner = padded(area);
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
            let lines: Vec<(String, Style)> = hanging(&hint, inner.width as usize)
                .into_iter()
                .map(|l| (l, theme.muted()))
                .collect();
            crate::tui::widgets::text_lines(buf, inner, &lines);
            return;
        }
        let width = (inner.width as usize).max(1);
        let wrapped: Vec<(String, Style)> = notes
            .lines()
            .flat_map(|l| {
                let line = text::one_line(l);
                if line.is_empty() {
                    vec![String::new()]
                } else {
                    text::wrap_hyphenated(&line, width, usize::MAX)
                }
            })
            .map(|l| (l, Style::default()))
            .collect();
        let room = inner.height as usize;
        if wrapped.len() > room && room > 0 {
            // The first lines, and a word that there is more (e shows it all).
            crate::tui::widgets::text_lines(buf, inner, &wrapped[..room - 1]);
            put(
                buf,
                inner,
                i64::from(inner.x),
                i64::from(inner.bottom()) - 1,
                &format!(
                    "… {} more — e to read and write",
                    wrapped.len() - (room - 1)
                ),
                theme.muted(),
            );
        } else {
            crate::tui::widgets::text_lines(buf, inner, &wrapped);
        }
    }
}
