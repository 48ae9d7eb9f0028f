//! Popups over the current tab: text to read (help, the role diff), the compare view, the
//! export menu and forms to fill in. One module each; tabs open them, the app routes keys to
//! the one open.

pub mod coaching;
pub mod compare;
pub mod current_role;
pub mod diff;
pub mod export;
pub mod form;
pub mod help;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseEvent};

use super::context::Ctx;
use super::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use super::widgets::list::{self, Step};
use super::widgets::pager::Pager;
use form::Form;
pub use form::Stay;

pub enum Popup {
    /// Text to read, scrolled.
    Read(Pager),
    /// Targets side by side, scrolled like text.
    Compare(compare::CompareView),
    Export(export::ExportMenu),
    Form(Form),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReadAction {
    Scroll(Step),
    Close,
}

use Key::{Char as C, Code};

const READ_KEYS: &[Binding<ReadAction>] = &[
    bind(
        "scroll-up",
        &[Code(KeyCode::Up), C('k')],
        ReadAction::Scroll(Step::Up),
        "scroll up a line",
        Footer::Group("↑↓ PgUp PgDn Home End", "scroll"),
    ),
    bind(
        "scroll-down",
        &[Code(KeyCode::Down), C('j')],
        ReadAction::Scroll(Step::Down),
        "scroll down a line",
        Footer::Hidden,
    ),
    bind(
        "page-up",
        &[Code(KeyCode::PageUp)],
        ReadAction::Scroll(Step::PageUp),
        "scroll up a page",
        Footer::Hidden,
    ),
    bind(
        "page-down",
        &[Code(KeyCode::PageDown), C(' ')],
        ReadAction::Scroll(Step::PageDown),
        "scroll down a page",
        Footer::Hidden,
    ),
    bind(
        "top",
        &[Code(KeyCode::Home), C('g')],
        ReadAction::Scroll(Step::Top),
        "go to the top",
        Footer::Hidden,
    ),
    bind(
        "bottom",
        &[Code(KeyCode::End), C('G')],
        ReadAction::Scroll(Step::Bottom),
        "go to the end",
        Footer::Hidden,
    ),
    bind(
        "close",
        &[Code(KeyCode::Esc), C('q'), Code(KeyCode::Enter), C('?')],
        ReadAction::Close,
        "close",
        Footer::Word("close"),
    ),
];

/// The keys of a text popup, for help and footer.
pub fn read_keys(keymap: &Keymap) -> KeySection {
    keymap.section("Reading help, a diff or a comparison", "reading", READ_KEYS)
}

impl Popup {
    pub fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Stay {
        match self {
            Popup::Read(_) | Popup::Compare(_) => {
                match ctx.keymap.action("reading", READ_KEYS, key) {
                    Some(ReadAction::Scroll(how)) => {
                        self.scroll(ctx, how);
                        Stay::Open
                    }
                    Some(ReadAction::Close) => Stay::Closed,
                    None => Stay::Open,
                }
            }
            Popup::Export(menu) => menu.key(ctx, key),
            Popup::Form(form) => form.key(ctx, key),
        }
    }

    /// Scrolls text to read (help, a diff, a comparison) by `how`.
    fn scroll(&mut self, ctx: &Ctx, how: Step) {
        match self {
            Popup::Read(pager) => pager.scroll(how, ctx.popup_room()),
            Popup::Compare(view) => view.scroll(how, ctx.popup_room()),
            Popup::Export(_) | Popup::Form(_) => {}
        }
    }

    pub fn paste(&mut self, text: &str) {
        if let Popup::Form(form) = self {
            form.paste(text);
        }
    }

    pub fn mouse(&mut self, ctx: &mut Ctx, mouse: &MouseEvent) {
        if let Some(how) = list::wheel(mouse) {
            self.scroll(ctx, how);
        }
    }

    pub fn keys(&self, keymap: &Keymap) -> KeySection {
        match self {
            Popup::Read(_) | Popup::Compare(_) => read_keys(keymap),
            Popup::Export(_) => export::keys(keymap),
            Popup::Form(form) => form.keys(keymap),
        }
    }

    pub fn draw(&self, ctx: &Ctx, buf: &mut Buffer) {
        match self {
            Popup::Read(pager) => pager.draw(buf, ctx.popup_room(), ctx.theme),
            Popup::Compare(view) => view.draw(buf, ctx.popup_room(), ctx.theme),
            Popup::Export(menu) => menu.draw(ctx, buf),
            Popup::Form(form) => form.draw(ctx, buf),
        }
    }
}
