//! The export menu (`X`): pick a format and the profile is written into the exports folder of
//! the data dir, on the disk's thread; the status line then says where. The private notes of
//! 1:1s stay out unless asked for each time the menu opens (`p`), never in share-safe mode.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Style;
use ratatui::widgets::{List, ListItem, ListState, Paragraph, StatefulWidget, Widget, Wrap};

use super::form::Stay;
use crate::export::{Format, PrivateNotes};
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::widgets::{line, pane, popup};

const WIDTH: u16 = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Up,
    Down,
    Pick,
    Write(Format),
    Private,
    Close,
}

use Key::{Char as C, Code};

const KEYS: &[Binding<Action>] = &[
    bind(
        "up",
        &[Code(KeyCode::Up)],
        Action::Up,
        "the format above",
        Footer::Group("↑↓", "select"),
    ),
    bind(
        "down",
        &[Code(KeyCode::Down)],
        Action::Down,
        "the format below",
        Footer::Hidden,
    ),
    bind(
        "write",
        &[Code(KeyCode::Enter)],
        Action::Pick,
        "write the selected format",
        Footer::Word("write"),
    ),
    bind(
        "markdown",
        &[C('m')],
        Action::Write(Format::Markdown),
        "write the Markdown 1:1 summary",
        Footer::Hidden,
    ),
    bind(
        "json",
        &[C('j')],
        Action::Write(Format::Json),
        "write JSON, for scripts",
        Footer::Hidden,
    ),
    bind(
        "dot",
        &[C('d')],
        Action::Write(Format::Dot),
        "write Graphviz (dot) source of the ladder and plan",
        Footer::Hidden,
    ),
    bind(
        "svg",
        &[C('s')],
        Action::Write(Format::Svg),
        "write the ladder and plan as SVG, for a browser",
        Footer::Hidden,
    ),
    bind(
        "ics",
        &[C('i')],
        Action::Write(Format::Ics),
        "write a calendar (ics) of due dates and moves",
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

/// What each format is for, as the menu says it.
fn describe(format: Format) -> &'static str {
    match format {
        Format::Markdown => "Markdown — a 1:1 summary to paste",
        Format::Json => "JSON — everything, for scripts",
        Format::Dot => "DOT — Graphviz source of the ladder and plan",
        Format::Svg => "SVG — the ladder and plan, for any browser",
        Format::Ics => "iCalendar — due dates and moves for a calendar",
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportMenu {
    selected: usize,
    /// Left out each time the menu opens: including them is a choice made for one export.
    private: PrivateNotes,
}

/// The keys of the menu, for help and footer.
pub fn keys(keymap: &Keymap) -> KeySection {
    keymap.section("Exporting (after X)", "export", KEYS)
}

impl ExportMenu {
    pub fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Stay {
        let count = Format::ALL.len();
        let format = match ctx.keymap.action("export", KEYS, key) {
            Some(Action::Up) => {
                self.selected = (self.selected + count - 1) % count;
                return Stay::Open;
            }
            Some(Action::Down) => {
                self.selected = (self.selected + 1) % count;
                return Stay::Open;
            }
            Some(Action::Private) => {
                self.toggle_private(ctx);
                return Stay::Open;
            }
            Some(Action::Close) => return Stay::Closed,
            Some(Action::Pick) => Format::ALL[self.selected.min(count - 1)],
            Some(Action::Write(format)) => format,
            None => return Stay::Open,
        };
        ctx.export(format, self.private);
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

    /// What the menu says about private notes, and how loudly.
    fn private_line(&self, ctx: &Ctx, key: &str) -> (String, Style) {
        match (ctx.share_safe, self.private) {
            (true, _) => (
                " private notes: left out — share-safe is on".to_string(),
                ctx.theme.muted(),
            ),
            (false, PrivateNotes::LeftOut) => (
                format!(" {key:<3} private notes: left out"),
                Style::default(),
            ),
            (false, PrivateNotes::Included) => (
                format!(" {key:<3} private notes: INCLUDED — keep this export to yourself"),
                ctx.theme.warning(),
            ),
        }
    }

    pub fn draw(&self, ctx: &Ctx, buf: &mut Buffer) {
        let theme = ctx.theme;
        let letters = keys(&ctx.keymap);
        let count = Format::ALL.len() + 4;
        let area = popup(
            buf,
            ctx.screen(),
            WIDTH,
            crate::text::cells(count).saturating_add(2),
        );
        if area.width < 5 || area.height < 3 {
            return;
        }
        let key_of = |name: &str| {
            letters
                .rows
                .iter()
                .find(|r| r.name == format!("export.{name}"))
                .map_or(String::new(), |r| r.keys.clone())
        };
        let block = pane("Export (Esc closes)", theme.heading());
        let inner = block.inner(area);
        block.render(area, buf);
        let [formats, private, hint] = inner.layout(&Layout::vertical([
            Constraint::Length(crate::text::cells(Format::ALL.len() + 1)),
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        let items: Vec<ListItem<'static>> = Format::ALL
            .iter()
            .map(|format| {
                ListItem::new(line(
                    &format!(" {:<3} {}", key_of(format.name()), describe(*format)),
                    Style::default(),
                ))
            })
            .collect();
        let mut state = ListState::default().with_selected(Some(self.selected));
        StatefulWidget::render(
            List::new(items).highlight_style(theme.selected()),
            formats,
            buf,
            &mut state,
        );
        let (words, style) = self.private_line(ctx, &key_of("private"));
        line(&words, style).render(private, buf);
        Paragraph::new(line(
            "Written to the exports folder of your data folder.",
            theme.muted(),
        ))
        .wrap(Wrap { trim: true })
        .render(hint, buf);
    }
}
