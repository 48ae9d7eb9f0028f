//! `/` in a session: a search through every session of the open person — shared notes, private
//! notes (never under share-safe), agenda items and the action items agreed — listing each
//! passage found with its date and where it is; Enter opens that session. The matching is the
//! profile's (`recall::search`); this draws it and takes the keys.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::ListItem;

use super::sessions::hanging;
use super::went::{Focus, Went};
use crate::profile::Profile;
use crate::profile::recall::{self, Private};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::widgets::field::{Edit, TextField};
use crate::tui::widgets::list::{self, Step};
use crate::tui::widgets::{framed, pane};
use crate::tui::widgets::{hint, typed};

/// What is being searched for, and the passage selected.
pub struct Search {
    field: TextField,
    cursor: usize,
}

impl Default for Search {
    fn default() -> Search {
        let field = TextField::new("", false);
        Search { field, cursor: 0 }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Find {
    Open,
    Close,
    Step(Step),
}

use Key::Code;

const KEYS: &[Binding<Find>] = &[
    bind(
        "open",
        &[Code(KeyCode::Enter)],
        Find::Open,
        "open the session of the passage selected",
        Footer::Word("open"),
    ),
    bind(
        "close",
        &[Code(KeyCode::Esc)],
        Find::Close,
        "close the search, back to the session",
        Footer::Word("close"),
    ),
    bind(
        "up",
        &[Code(KeyCode::Up)],
        Find::Step(Step::Up),
        "select the passage above",
        Footer::Group("↑↓", "select"),
    ),
    bind(
        "down",
        &[Code(KeyCode::Down)],
        Find::Step(Step::Down),
        "select the passage below",
        Footer::Hidden,
    ),
];

const SCOPE: &str = "coaching-search";

pub fn keys(keymap: &Keymap) -> KeySection {
    keymap.section("Coaching: searching the sessions (after /)", SCOPE, KEYS)
}

/// The passages of the open person's sessions holding `query`; their private notes only when
/// share-safe is off.
fn hits(ctx: &Ctx, query: &str) -> Vec<recall::Hit> {
    let private = match ctx.share_safe {
        true => Private::LeftOut,
        false => Private::Included,
    };
    ctx.profile()
        .map(|p| recall::search(p, query, private))
        .unwrap_or_default()
}

impl Search {
    /// Every key is the search's (letters go into what is searched): `Went::To` closes it,
    /// `Went::Session` opens the session of the passage selected.
    pub fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Went {
        let hits = hits(ctx, &self.field.value());
        match ctx.keymap.action(SCOPE, KEYS, key) {
            Some(Find::Open) => {
                if let Some(hit) = hits.get(self.cursor) {
                    ctx.say(format!("the 1:1 of {} — Esc: the sessions", hit.date));
                    return Went::Session(hit.session.clone());
                }
            }
            Some(Find::Close) => return Went::To(Focus::Session),
            Some(Find::Step(step)) => {
                self.cursor = list::step(self.cursor, hits.len(), step, list::page(ctx.body))
            }
            None => {
                if self.field.handle(key) == Edit::Changed {
                    self.cursor = 0;
                }
            }
        }
        Went::Handled
    }

    pub fn field(&mut self) -> &mut TextField {
        self.cursor = 0;
        &mut self.field
    }

    pub fn wheel(&mut self, ctx: &Ctx, step: Step) {
        let found = hits(ctx, &self.field.value()).len();
        self.cursor = list::step(self.cursor, found, step, 1);
    }

    /// Over the whole view: what is typed, and the passages found (date, where, the line),
    /// newest first.
    pub fn draw(&self, ctx: &Ctx, buf: &mut Buffer, body: Rect, p: &Profile) {
        let theme = ctx.theme;
        let query = self.field.value();
        let hits = hits(ctx, &query);
        let mut title = format!("Search {}'s 1:1s · {} found", p.name, hits.len());
        if ctx.share_safe {
            title.push_str(" · share-safe: shared words only");
        }
        let inner = framed(buf, body, pane(&title, theme.heading()));
        let [input, found] = inner.layout(&Layout::vertical([
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        typed(buf, input, &self.field, theme);
        if hits.is_empty() {
            let why = match query.trim() {
                "" => "type a word: every session's notes, agenda and action items are searched",
                _ => "nothing found — Esc closes the search",
            };
            return hint(buf, found, why, theme);
        }
        let width = usize::from(found.width);
        let items: Vec<ListItem<'static>> = hits
            .iter()
            .map(|h| {
                let entry = format!("{} · {} · {}", h.date, h.place.word(), h.line);
                hanging("", 2, &text::one_line(&entry), width, 3, Style::default())
            })
            .collect();
        list::render(buf, found, body, items, Some(self.cursor), theme);
    }
}
