//! What a tab is: the interface every tab module implements, and what it makes of an event.
//! Kept apart from the list of tabs so each tab depends on this and the list on each tab, never
//! the other way round.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use super::context::Ctx;
use super::keymap::{KeySection, Keymap};
use super::popups::Popup;

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
    fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Outcome;
    fn paste(&mut self, _ctx: &mut Ctx, _text: &str) -> Outcome {
        Outcome::Ignored
    }
    fn mouse(&mut self, _ctx: &mut Ctx, _mouse: &MouseEvent) -> Outcome {
        Outcome::Ignored
    }
    /// Draws the tab into `ctx.body`.
    fn draw(&self, ctx: &Ctx, buf: &mut Buffer);
    /// The profile was opened or reloaded, or the screen resized: keep cursors in range.
    fn refresh(&mut self, _ctx: &Ctx) {}
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
