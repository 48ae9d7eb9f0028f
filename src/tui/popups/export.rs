//! The export menu (`X`): pick a format of the profile, the minutes of a 1:1 or the promotion
//! case, and it is written into the exports folder of the data dir, on the disk's thread; the
//! status line then says where. The private notes of 1:1s stay out unless asked for each time
//! the menu opens (`p`), never in share-safe mode.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::form::Stay;
use crate::export::document::Document;
use crate::export::{ExportInput, Format, PrivateNotes};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::widgets::list;
use crate::tui::widgets::{framed, hint, line, pane, popup};

const WIDTH: u16 = 72;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Up,
    Down,
    Pick,
    Write(Document),
    Private,
    Close,
}

use Key::{Char as C, Code};

const KEYS: &[Binding<Action>] = &[
    bind(
        "up",
        &[Code(KeyCode::Up)],
        Action::Up,
        "the entry above",
        Footer::Group("↑↓", "select"),
    ),
    bind(
        "down",
        &[Code(KeyCode::Down)],
        Action::Down,
        "the entry below",
        Footer::Hidden,
    ),
    bind(
        "write",
        &[Code(KeyCode::Enter)],
        Action::Pick,
        "write the selected entry",
        Footer::Word("write"),
    ),
    bind(
        "markdown",
        &[C('m')],
        Action::Write(Document::Profile(Format::Markdown)),
        "write the Markdown 1:1 summary",
        Footer::Hidden,
    ),
    bind(
        "json",
        &[C('j')],
        Action::Write(Document::Profile(Format::Json)),
        "write JSON, for scripts",
        Footer::Hidden,
    ),
    bind(
        "dot",
        &[C('d')],
        Action::Write(Document::Profile(Format::Dot)),
        "write Graphviz (dot) source of the ladder and plan",
        Footer::Hidden,
    ),
    bind(
        "svg",
        &[C('s')],
        Action::Write(Document::Profile(Format::Svg)),
        "write the ladder and plan as SVG, for a browser",
        Footer::Hidden,
    ),
    bind(
        "ics",
        &[C('i')],
        Action::Write(Document::Profile(Format::Ics)),
        "write a calendar (ics) of due dates and moves",
        Footer::Hidden,
    ),
    bind(
        "minutes",
        &[C('o')],
        Action::Write(Document::Minutes),
        "write the minutes of the 1:1 open (or the latest)",
        Footer::Hidden,
    ),
    bind(
        "case",
        &[C('c')],
        Action::Write(Document::Case),
        "write the promotion case for the next role, as Markdown",
        Footer::Hidden,
    ),
    bind(
        "private",
        &[C('p')],
        Action::Private,
        "include the private notes of 1:1s, or leave them out",
        Footer::Word("private notes"),
    ),
    bind(
        "close",
        &[Code(KeyCode::Esc), C('q')],
        Action::Close,
        "close without writing",
        Footer::Word("close"),
    ),
];

/// The menu's entries: each binding that writes, with its place in [`KEYS`].
fn entries() -> impl Iterator<Item = (usize, Document)> {
    KEYS.iter().enumerate().filter_map(|(i, b)| match b.action {
        Action::Write(doc) => Some((i, doc)),
        _ => None,
    })
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportMenu {
    selected: usize,
    /// Left out each time the menu opens: including them is a choice made for one export.
    private: PrivateNotes,
    /// The 1:1 open in the Coaching tab, whose minutes the menu writes (else the latest).
    session: Option<String>,
}

/// The keys of the menu, for help and footer.
pub fn keys(keymap: &Keymap) -> KeySection {
    keymap.section("Exporting (after X)", "export", KEYS)
}

impl ExportMenu {
    /// The menu, with the 1:1 open in the Coaching tab if there is one.
    pub fn new(session: Option<&str>) -> ExportMenu {
        ExportMenu {
            session: session.map(String::from),
            ..ExportMenu::default()
        }
    }

    pub fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Stay {
        let count = entries().count();
        let picked = entries().nth(self.selected).map(|(_, doc)| doc);
        match ctx.keymap.action("export", KEYS, key) {
            Some(Action::Up) => self.selected = (self.selected + count - 1) % count,
            Some(Action::Down) => self.selected = (self.selected + 1) % count,
            Some(Action::Private) => self.toggle_private(ctx),
            Some(Action::Close) => return Stay::Closed,
            Some(Action::Pick) => return picked.map_or(Stay::Open, |doc| self.write(ctx, doc)),
            Some(Action::Write(doc)) => return self.write(ctx, doc),
            None => {}
        }
        Stay::Open
    }

    /// Writes `doc` into the data dir's exports folder on the disk's thread, through the
    /// writer every export uses; the status line says where once it is written. Private notes
    /// go in only when asked for, the document can carry them and the screen is not shared.
    /// The menu closes.
    fn write(&self, ctx: &mut Ctx, doc: Document) -> Stay {
        let Some(profile) = ctx.profile() else {
            ctx.complain("no profile to export yet");
            return Stay::Closed;
        };
        let private = match self.private {
            _ if ctx.share_safe || !doc.can_carry_private_notes() => PrivateNotes::LeftOut,
            asked => asked,
        };
        let input = ExportInput::new(profile, &ctx.ladder, &ctx.clock).with_private_notes(private);
        match doc.render(&input, self.session.as_deref()) {
            Ok((name, contents)) => {
                ctx.say(format!("exporting {name}…"));
                ctx.sync.export(doc.how_to_open(private), name, contents);
                ctx.hear_from_disk();
            }
            Err(why) => ctx.complain(why),
        }
        Stay::Closed
    }

    fn toggle_private(&mut self, ctx: &mut Ctx) {
        if ctx.share_safe {
            self.private = PrivateNotes::LeftOut;
            return ctx.complain(
                "share-safe is on: private notes stay out of every export (s turns it off)",
            );
        }
        self.private = match self.private {
            PrivateNotes::LeftOut => PrivateNotes::Included,
            PrivateNotes::Included => PrivateNotes::LeftOut,
        };
    }

    pub fn draw(&self, ctx: &Ctx, buf: &mut Buffer) {
        let theme = ctx.theme;
        let rows = keys(&ctx.keymap).rows;
        let count = entries().count();
        let area = popup(buf, ctx.popup_room(), WIDTH, text::cells(count + 6));
        if area.width < 5 || area.height < 3 {
            return;
        }
        let inner = framed(buf, area, pane("Export (Esc closes)", theme.heading()));
        let [menu, private, note] = inner.layout(&Layout::vertical([
            Constraint::Length(text::cells(count + 1)),
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        // What each key writes, and for the minutes and the case which 1:1 and which role.
        let input = ctx
            .profile()
            .map(|p| ExportInput::new(p, &ctx.ladder, &ctx.clock));
        let items = entries().map(|(i, doc)| {
            let words = input.as_ref().map_or(String::new(), |input| {
                let described = doc.describe(input, self.session.as_deref());
                described.unwrap_or_else(|| rows[i].help.to_string())
            });
            line(&format!(" {:<3} {words}", rows[i].keys), Style::default())
        });
        list::render(buf, menu, area, items, Some(self.selected), theme);
        // What the menu says about private notes, and how loudly.
        let at = KEYS.iter().position(|b| b.action == Action::Private);
        let key = at.map_or("", |i| rows[i].keys.as_str());
        let (words, style) = match (ctx.share_safe, self.private) {
            (true, _) => (
                " private notes: left out — share-safe is on".to_string(),
                theme.muted(),
            ),
            (false, PrivateNotes::LeftOut) => (
                format!(" {key:<3} private notes: left out"),
                Style::default(),
            ),
            (false, PrivateNotes::Included) => (
                format!(" {key:<3} private notes: INCLUDED — keep this export to yourself"),
                theme.warning(),
            ),
        };
        line(&words, style).render(private, buf);
        hint(
            buf,
            note,
            "Written to the exports folder of your data folder.",
            theme,
        );
    }
}
