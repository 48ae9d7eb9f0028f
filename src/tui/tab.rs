//! What a tab is: the interface every tab module implements, and what it makes of an event.
//! Kept apart from the list of tabs so each tab depends on this and the list on each tab, never
//! the other way round.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use super::context::Ctx;
use super::keymap::{KeySection, Keymap};
use super::popups::Popup;
use super::widgets::list;

/// What a tab made of an event.
pub enum Outcome {
    /// Not a key of this tab: the app tries the keys that work everywhere.
    Ignored,
    Handled,
    /// The tab wants a popup over everything.
    Open(Popup),
}

pub trait Tab {
    fn name(&self) -> &'static str;
    /// The digit that opens the tab.
    fn digit(&self) -> char;
    /// The keys of the tab as it is now, for the footer.
    fn keys(&self, keymap: &Keymap) -> KeySection;
    /// Every key the tab has, in each of its modes, for the help overlay.
    fn help(&self, keymap: &Keymap) -> Vec<KeySection> {
        vec![self.keys(keymap)]
    }
    /// Whether the tab can show private notes, so its footer offers share-safe.
    fn shows_private_notes(&self) -> bool {
        false
    }
    /// Whether a text field of the tab has the keys: letters are typed then, so the footer
    /// offers only the field's own keys, not those that work everywhere.
    fn typing(&self) -> bool {
        false
    }
    /// The 1:1 open in the tab, whose minutes the export menu writes.
    fn open_session(&self) -> Option<&str> {
        None
    }
    /// The tab's list, when it has one: the scope its cursor keys are read in, its cursor and
    /// how many lines it has. The cursor keys and the wheel move the cursor and a refresh keeps
    /// it in range; [`Tab::act`] has the other keys.
    fn list(&mut self, _ctx: &Ctx) -> Option<(&'static str, &mut usize, usize)> {
        None
    }
    /// A key that is not one of the list's cursor keys.
    fn act(&mut self, _ctx: &mut Ctx, _key: &KeyEvent) -> Outcome {
        Outcome::Ignored
    }
    fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Outcome {
        if let Some((scope, cursor, len)) = self.list(ctx)
            && let Some(step) = ctx.keymap.action(scope, list::CURSOR_KEYS, key)
        {
            *cursor = list::step(*cursor, len, step, list::page(ctx.body));
            return Outcome::Handled;
        }
        self.act(ctx, key)
    }
    fn paste(&mut self, _ctx: &mut Ctx, _text: &str) -> Outcome {
        Outcome::Ignored
    }
    /// The wheel moves the list's cursor a line, as ↑↓ do.
    fn mouse(&mut self, ctx: &mut Ctx, mouse: &MouseEvent) -> Outcome {
        match (list::wheel(mouse), self.list(ctx)) {
            (Some(step), Some((_, cursor, len))) => {
                *cursor = list::step(*cursor, len, step, 1);
                Outcome::Handled
            }
            _ => Outcome::Ignored,
        }
    }
    /// Draws the tab into `ctx.body`.
    fn draw(&self, ctx: &Ctx, buf: &mut Buffer);
    /// The profile was opened or reloaded, or the screen resized: keep cursors in range.
    fn refresh(&mut self, ctx: &Ctx) {
        if let Some((_, cursor, len)) = self.list(ctx) {
            *cursor = (*cursor).min(len.saturating_sub(1));
        }
    }
    /// Another profile was just opened while the tab is in view: a chance to carry on with
    /// what the key that opened it asked for.
    fn opened(&mut self, _ctx: &mut Ctx) -> Outcome {
        Outcome::Ignored
    }
    /// The tab comes into view.
    fn enter(&mut self, _ctx: &mut Ctx) {}
    /// The tab goes out of view, or the planner is about to quit: anything typed and not yet
    /// made a change must become one now.
    fn leave(&mut self, _ctx: &mut Ctx) {}
}
