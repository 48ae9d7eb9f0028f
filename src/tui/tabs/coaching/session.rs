//! A session: the agenda it started with (tick items off as discussed) or the competencies, on
//! the left; the shared notes, the private notes and the action items on the right. Notes are
//! written in place, in a multi-line editor; what is typed becomes a change when the editor is
//! left (Esc), when the tab goes out of view and before the planner quits. The private notes
//! pane shows the previous session's private note under this one's, and `/` searches every
//! session of the person. Share-safe mode hides the private notes pane (and the previous note),
//! will not open its editor, and searches the shared words only.

use std::collections::BTreeSet;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, ListItem, Paragraph, Widget, Wrap};

use super::search::{self, Search};
use super::sessions::hanging;
use super::went::{Focus, Went};
use crate::date::Date;
use crate::profile::competence;
use crate::profile::recall;
use crate::profile::{Profile, Rater, Session, agenda, rules};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::popups::coaching as forms;
use crate::tui::theme::Theme;
use crate::tui::widgets::field::TextField;
use crate::tui::widgets::list::{self, Step};
use crate::tui::widgets::{competencies, framed, line, lines, pane, scrollbar, span};
use crate::tui::widgets::{hint, when};

/// The panes of a session, in the order →/← visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Pane {
    /// The agenda, or the competencies.
    #[default]
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

#[derive(Default)]
pub struct SessionView {
    pub id: String,
    pane: Pane,
    competencies: bool,
    agenda_cursor: usize,
    action_cursor: usize,
    competency_cursor: usize,
    /// Action items (by id) shown since the view opened, kept in view once done.
    pinned: BTreeSet<u64>,
    editing: Option<Editing>,
    /// How far the previous session's private note is scrolled (↑↓ in the private pane).
    recall_scroll: usize,
    search: Option<Search>,
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
    Search,
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
        "search",
        &[C('/')],
        Act::Search,
        "search all their sessions: notes, agenda, action items",
        Footer::Word("search"),
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
        Footer::Word("new line"),
    ),
];

const SCOPE: &str = "coaching-session";
const EDITOR_SCOPE: &str = "coaching-notes";

fn session_keys(keymap: &Keymap) -> KeySection {
    list::keys(keymap, "Coaching: a session", SCOPE, KEYS)
}

fn editor_keys(keymap: &Keymap) -> KeySection {
    keymap.section("Coaching: writing notes", EDITOR_SCOPE, EDITOR_KEYS)
}

/// Every key of the session view, for the help overlay.
pub fn help(keymap: &Keymap) -> Vec<KeySection> {
    vec![
        session_keys(keymap),
        editor_keys(keymap),
        search::keys(keymap),
    ]
}

/// The action items a session shows, by index: every open one (those carried over first),
/// the ones agreed in it, and any shown since the view opened.
fn shown_actions(p: &Profile, id: &str, pinned: &BTreeSet<u64>) -> Vec<usize> {
    // Those done in this 1:1 stay in sight when it is opened again (the minutes' rule).
    let completed: BTreeSet<u64> = recall::completed_at(p, id).iter().map(|a| a.id).collect();
    p.actions
        .iter()
        .enumerate()
        .filter(|(_, a)| {
            a.is_open()
                || a.session.as_deref() == Some(id)
                || pinned.contains(&a.id)
                || completed.contains(&a.id)
        })
        .map(|(i, _)| i)
        .collect()
}

impl SessionView {
    /// Whether notes are being written or a search typed (letters are text then).
    pub fn typing(&self) -> bool {
        self.editing.is_some() || self.search.is_some()
    }

    fn session<'a>(&self, ctx: &'a Ctx) -> Option<(&'a Profile, &'a Session)> {
        let p = ctx.profile()?;
        let s = p.sessions.iter().find(|s| s.id == self.id)?;
        Some((p, s))
    }

    pub fn keys(&self, keymap: &Keymap) -> KeySection {
        match (&self.editing, &self.search) {
            (Some(_), _) => editor_keys(keymap),
            (None, Some(_)) => search::keys(keymap),
            (None, None) => session_keys(keymap),
        }
    }

    /// The notes `which` of this session as held now.
    fn held(&self, ctx: &Ctx, which: Notes) -> Option<String> {
        let (p, s) = self.session(ctx)?;
        Some(match which {
            Notes::Shared => s.notes.clone(),
            Notes::Private => p.private_notes.get(&self.id).cloned().unwrap_or_default(),
        })
    }

    fn writing(&self) -> Option<Notes> {
        self.editing.as_ref().map(|e| e.which)
    }

    /// The previous session's private note (never under share-safe): its date, and its text.
    fn recall(&self, ctx: &Ctx) -> Option<(Date, Paragraph<'static>)> {
        if ctx.share_safe {
            return None;
        }
        let (s, note) = recall::previous_private_note(ctx.profile()?, &self.id)?;
        let text = Paragraph::new(lines(note.trim_end(), Style::default()));
        Some((s.date, text.wrap(Wrap { trim: true })))
    }

    /// Where the previous session's private note shows in the private pane `area`: at its foot,
    /// under a title line, in at most half of it (none when too low); how many lines the note
    /// has, and how far they are scrolled.
    fn recall_room(&self, ctx: &Ctx, area: Rect) -> Option<(Rect, usize, usize)> {
        let (_, text) = self.recall(ctx)?;
        let inner = pane("", Style::default()).inner(area);
        let total = text.line_count(inner.width);
        let rows = text::cells(total + 1).min(inner.height.div_ceil(2));
        let below = Rect::new(inner.x, inner.bottom() - rows, inner.width, rows);
        let room = usize::from(rows.saturating_sub(1));
        let at = self.recall_scroll.min(total.saturating_sub(room));
        (inner.height >= 3).then_some((below, total, at))
    }

    /// Where the panes go in the body: the left pane, and on the right the notes, the private
    /// notes (no room under share-safe) and the action items. The notes being written take the right side but for a
    /// line of each other pane, so a long note shows whole while it is typed. The private notes
    /// have more room when the previous session's (`recall`) show with them.
    fn areas(&self, ctx: &Ctx) -> [Rect; 4] {
        let [left, right] = ctx.body.layout(&Layout::horizontal([
            Constraint::Percentage(55),
            Constraint::Fill(1),
        ]));
        let brief = Constraint::Length(3);
        // Outside the editor, the notes and the private notes take a share (in percent) each.
        let shares = |notes, private| {
            let [notes, private] = [notes, private].map(Constraint::Percentage);
            (notes, private, Constraint::Fill(1))
        };
        let (notes, private, actions) = match (self.writing(), ctx.share_safe) {
            (Some(Notes::Shared), _) => (Constraint::Fill(1), brief, brief),
            (Some(Notes::Private), false) => (brief, Constraint::Fill(1), brief),
            (_, true) => shares(50, 0),
            (_, false) if self.recall(ctx).is_some() => shares(35, 35),
            (_, false) => shares(40, 25),
        };
        let [notes, private, actions] = right.layout(&Layout::vertical([notes, private, actions]));
        [left, notes, private, actions]
    }

    /// Moves the cursor of the pane in focus, or scrolls the previous session's private note.
    fn step_cursor(&mut self, ctx: &Ctx, step: Step, page: usize) {
        let Some((p, s)) = self.session(ctx) else {
            return;
        };
        match self.pane {
            Pane::Left if self.competencies => {
                let n = ctx.ladder.competencies().len();
                self.competency_cursor = list::step(self.competency_cursor, n, step, page)
            }
            Pane::Left => {
                self.agenda_cursor = list::step(self.agenda_cursor, s.agenda.len(), step, page)
            }
            Pane::Actions => {
                let n = shown_actions(p, &self.id, &self.pinned).len();
                self.action_cursor = list::step(self.action_cursor, n, step, page)
            }
            Pane::Private => {
                let [_, _, private, _] = self.areas(ctx);
                if let Some((below, total, at)) = self.recall_room(ctx, private) {
                    let room = usize::from(below.height.saturating_sub(1));
                    self.recall_scroll = list::scroll(at, step, total, room);
                }
            }
            Pane::Notes => {}
        }
    }

    fn step_pane(&mut self, share_safe: bool, by: isize) {
        let panes: &[Pane] = match share_safe {
            true => &[Pane::Left, Pane::Notes, Pane::Actions],
            false => &[Pane::Left, Pane::Notes, Pane::Private, Pane::Actions],
        };
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
        let now = self.held(ctx, editing.which);
        if now.as_deref() != Some(typed.as_str()) {
            let seen = now.unwrap_or_default();
            self.editing = Some(Editing { seen, ..editing });
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
            ctx.complain(format!("not writable: {reason}"));
            return;
        }
        if which == Notes::Private && ctx.share_safe {
            ctx.complain("share-safe is on: private notes stay closed — s turns it off");
            return;
        }
        let Some(seen) = self.held(ctx, which) else {
            return;
        };
        let field = TextField::note(&seen);
        self.editing = Some(Editing { which, field, seen });
    }

    pub fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Went {
        if let Some(editing) = &mut self.editing {
            if ctx.keymap.action(EDITOR_SCOPE, EDITOR_KEYS, key) == Some(EditorAct::Done) {
                self.commit(ctx);
            } else {
                editing.field.handle(key);
            }
            // While writing, every key is the editor's: no tab or global key fires.
            return Went::Handled;
        }
        if let Some(search) = &mut self.search {
            let went = search.key(ctx, key);
            if let Went::To(_) | Went::Session(_) = went {
                self.search = None;
            }
            return match went {
                Went::To(_) => Went::Handled,
                Went::Session(id) if id == self.id => Went::Handled,
                went => went,
            };
        }
        let Some((p, _)) = self.session(ctx) else {
            return Went::To(Focus::Sessions);
        };
        let shown = shown_actions(p, &self.id, &self.pinned);
        if let Some(step) = ctx.keymap.action(SCOPE, list::CURSOR_KEYS, key) {
            self.step_cursor(ctx, step, list::page(ctx.body));
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
                    ctx.change(rules::tick(p, &self.id, self.agenda_cursor))
                }
                Pane::Actions => {
                    if let Some(&index) = shown.get(self.action_cursor) {
                        let id = p.actions[index].id;
                        self.pinned.insert(id);
                        ctx.change(rules::toggle_action(p, id));
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
                        return Went::Popup(forms::action_item(Some((seen, index)), None, &p.name));
                    }
                }
                Pane::Left => ctx.say("→ to the notes to write them; a adds an action item"),
            },
            Act::AddAction => {
                self.pane = Pane::Actions;
                return Went::Popup(forms::action_item(None, Some(self.id.clone()), &p.name));
            }
            Act::Topic => return Went::Popup(forms::new_topic()),
            Act::Competencies => {
                self.competencies = !self.competencies;
                self.pane = Pane::Left;
            }
            Act::Rate if self.pane == Pane::Left && self.competencies => {
                if let Some(form) = forms::rate_at(ctx, self.competency_cursor, Rater::Manager) {
                    return Went::Popup(form);
                }
            }
            Act::Rate => ctx.say("c shows the competencies; r rates the one selected"),
            Act::Search => self.search = Some(Search::default()),
            Act::Back => return Went::To(Focus::Sessions),
        }
        Went::Handled
    }

    pub fn paste(&mut self, pasted: &str) -> Went {
        let field = match (&mut self.editing, &mut self.search) {
            (Some(editing), _) => &mut editing.field,
            (None, Some(search)) => search.field(),
            (None, None) => return Went::Ignored,
        };
        field.paste(pasted);
        Went::Handled
    }

    /// The mouse wheel: through the passages found, or as ↑↓ in the pane in focus.
    pub fn wheel(&mut self, ctx: &Ctx, step: Step) {
        match &mut self.search {
            Some(search) => search.wheel(ctx, step),
            None => self.step_cursor(ctx, step, 1),
        }
    }

    /// Keeps cursors in range; `false` when the session is gone.
    pub fn refresh(&mut self, ctx: &Ctx) -> bool {
        let Some((p, s)) = self.session(ctx) else {
            return false;
        };
        if ctx.share_safe && self.pane == Pane::Private {
            self.pane = Pane::Actions;
        }
        if ctx.share_safe && self.writing() == Some(Notes::Private) {
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
        if let Some(search) = &self.search {
            return search.draw(ctx, buf, body, p);
        }
        let theme = ctx.theme;
        let [left, notes, private, actions] = self.areas(ctx);
        let style = |pane: Pane| when(self.pane == pane, theme.heading());
        if self.competencies {
            let inner = framed(buf, left, pane("Competencies · r rates", style(Pane::Left)));
            let standings = competence::standings(p, &ctx.ladder);
            // No row selected while another pane has the keys.
            let cursor = (self.pane == Pane::Left).then_some(self.competency_cursor);
            competencies::draw(buf, inner, &standings, cursor.unwrap_or(usize::MAX), theme);
        } else {
            let title = format!(
                "Agenda {} · {}/{} discussed",
                s.date,
                s.discussed(),
                s.agenda.len()
            );
            let inner = framed(buf, left, pane(&title, style(Pane::Left)));
            let (items, selected) = self.agenda_items(p, s, usize::from(inner.width), theme);
            list::render(buf, inner, left, items, selected, theme);
        }
        self.draw_notes(ctx, buf, notes, Notes::Shared, style(Pane::Notes));
        if !ctx.share_safe {
            self.draw_notes(ctx, buf, private, Notes::Private, style(Pane::Private));
        }
        let shown = shown_actions(p, &self.id, &self.pinned);
        let open = shown.iter().filter(|&&i| p.actions[i].is_open()).count();
        let title = format!("Action items · {open} open");
        let inner = framed(buf, actions, pane(&title, style(Pane::Actions)));
        if shown.is_empty() {
            return hint(buf, inner, "a adds one: what, who, by when", theme);
        }
        // The tick, the number `rungs action done` takes, then what, who and by when wrapped
        // under the first word.
        let number = shown
            .iter()
            .map(|&i| text::width(&format!("{}.", p.actions[i].id)))
            .max()
            .unwrap_or(2);
        let width = usize::from(inner.width);
        let items: Vec<ListItem<'static>> = shown
            .iter()
            .map(|&i| {
                let a = &p.actions[i];
                let mark = if a.is_open() { "[ ]" } else { "[x]" };
                let style = when(!a.is_open(), theme.muted());
                let first = format!("{mark} {:<number$} ", format!("{}.", a.id));
                let what = a.words(&p.name, ctx.today());
                hanging(&first, 3 + 1 + number + 1, &what, width, usize::MAX, style)
            })
            .collect();
        let selected = (self.pane == Pane::Actions).then_some(self.action_cursor);
        list::render(buf, inner, actions, items, selected, theme);
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
        for (i, (heading, item)) in agenda::headed(&s.agenda, &p.name).enumerate() {
            if let Some(heading) = heading {
                items.push(ListItem::new(line(&heading, theme.heading())));
            }
            let style = when(item.ticked, theme.muted());
            if self.pane == Pane::Left && i == self.agenda_cursor {
                selected = Some(items.len());
            }
            let id = item
                .point_id()
                .map(|n| format!("{n}. "))
                .unwrap_or_default();
            // A carried-over action done by now says so, in the minutes' words.
            let words = match item.action(&p.actions) {
                Some(a) if !a.is_open() => item.words(&p.actions),
                _ => item.text.clone(),
            };
            let text = format!("{} {id}{words}", item.mark());
            items.push(hanging("", 2, &text, width, usize::MAX, style));
        }
        (items, selected)
    }

    /// Draws the previous session's private note at the foot of the private pane `area`, under
    /// a line that says what it is; gives the row it starts at.
    fn draw_recall(&self, ctx: &Ctx, buf: &mut Buffer, area: Rect) -> Option<u16> {
        let (date, text) = self.recall(ctx)?;
        let (below, total, at) = self.recall_room(ctx, area)?;
        let muted = ctx.theme.muted();
        let title = span(&format!(" last time (private) {date} "), muted);
        let block = Block::new().borders(Borders::TOP).border_style(muted);
        let room = framed(buf, below, block.title(title));
        text.scroll((text::cells(at), 0)).render(room, buf);
        let frame = Rect::new(area.x, below.y, area.width, below.height + 1);
        scrollbar(buf, frame, total, at, usize::from(room.height));
        Some(below.y)
    }

    fn draw_notes(&self, ctx: &Ctx, buf: &mut Buffer, area: Rect, which: Notes, style: Style) {
        let theme = ctx.theme;
        let notes = self.held(ctx, which).unwrap_or_default();
        let editing = self.editing.as_ref().filter(|e| e.which == which);
        let (long, short) = match (which, editing.is_some()) {
            (Notes::Shared, true) => ("Notes · writing, Esc saves", "Notes · Esc saves"),
            (Notes::Private, true) => ("Private notes · writing, Esc saves", "Private · Esc saves"),
            (Notes::Shared, false) => ("Notes · both of you see these", "Notes · shared"),
            (Notes::Private, false) => ("Private notes · only on this machine", "Private notes"),
        };
        // The long title where it fits whole on the border (a space and a corner each side).
        let fits = text::width(long) + 6 <= usize::from(area.width);
        let mut inner = framed(buf, area, pane(if fits { long } else { short }, style));
        if which == Notes::Private
            && let Some(top) = self.draw_recall(ctx, buf, area)
        {
            inner.height = top - inner.y;
        }
        if let Some(editing) = editing {
            editing.field.draw(buf, inner);
            return;
        }
        if notes.trim().is_empty() {
            let empty = match which {
                Notes::Shared => "e writes notes both of you see".to_string(),
                Notes::Private => format!(
                    "e writes notes only you see, kept in {}.private.ron",
                    ctx.profile().map_or("", |p| p.id.as_str())
                ),
            };
            return hint(buf, inner, &empty, theme);
        }
        let paragraph = Paragraph::new(lines(&notes, Style::default())).wrap(Wrap { trim: true });
        let total = paragraph.line_count(inner.width);
        let room = usize::from(inner.height);
        // The first lines, and a word when there are more (e shows them all).
        let more = total > room && room > 0;
        let [shown, below] = inner.layout(&Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(u16::from(more)),
        ]));
        paragraph.render(shown, buf);
        if more {
            let more = format!("… {} more — e to read and write", total - (room - 1));
            line(&more, theme.muted()).render(below, buf);
        }
    }
}
