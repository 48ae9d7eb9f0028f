//! The export menu (`X`): pick a format and the profile is written into the exports folder of
//! the data dir, on the disk's thread; the status line then says where.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::style::Style;

use super::form::Stay;
use crate::export::Format;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::widgets::{centered, clear, frame, padded, text_lines};

const WIDTH: u16 = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Up,
    Down,
    Pick,
    Write(Format),
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
            Some(Action::Close) => return Stay::Closed,
            Some(Action::Pick) => Format::ALL[self.selected.min(count - 1)],
            Some(Action::Write(format)) => format,
            None => return Stay::Open,
        };
        ctx.export(format);
        Stay::Closed
    }

    pub fn draw(&self, ctx: &Ctx, buf: &mut Buffer) {
        let theme = ctx.theme;
        let letters = keys(&ctx.keymap);
        let count = Format::ALL.len() + 2;
        let area = centered(
            ctx.screen(),
            WIDTH,
            crate::text::cells(count).saturating_add(2),
        );
        if area.width < 4 || area.height < 3 {
            return;
        }
        let width = padded(area).width as usize;
        let mut lines: Vec<(String, Style)> = Vec::new();
        for (i, format) in Format::ALL.iter().enumerate() {
            let key = letters
                .rows
                .iter()
                .find(|r| r.name == format!("export.{}", format.name()))
                .map_or(String::new(), |r| r.keys.clone());
            let style = if i == self.selected {
                theme.selected()
            } else {
                Style::default()
            };
            let line = format!(" {key:<3} {}", describe(*format));
            lines.push((crate::text::fit(&line, width), style));
        }
        lines.push((String::new(), Style::default()));
        lines.push((
            "Written to the exports folder of your data folder.".to_string(),
            theme.muted(),
        ));
        clear(buf, area);
        frame(buf, area, "Export (Esc closes)", theme.heading());
        text_lines(buf, padded(area), &lines);
    }
}
