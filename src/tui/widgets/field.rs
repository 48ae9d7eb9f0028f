//! An editable text field, one line or several, on `ratatui-textarea`: the caret sits where the
//! cursor is, long lines scroll sideways, Up and Down move between the lines of a note, and
//! pasted text is inserted as text (a pasted newline never submits a form).

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea};

use crate::text;

pub struct TextField {
    area: TextArea<'static>,
    multiline: bool,
}

impl std::fmt::Debug for TextField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TextField")
            .field("value", &self.value())
            .field("multiline", &self.multiline)
            .finish()
    }
}

/// What a key did to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Changed,
    Moved,
    /// Enter on a one-line field: the caller decides what it means.
    Submit,
    Ignored,
}

impl TextField {
    pub fn new(initial: &str, multiline: bool) -> TextField {
        let lines: Vec<String> = if multiline {
            initial.split('\n').map(str::to_string).collect()
        } else {
            vec![text::one_line(initial)]
        };
        let mut area = TextArea::new(lines);
        area.set_cursor_line_style(Style::default());
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        TextField { area, multiline }
    }

    pub fn multiline(&self) -> bool {
        self.multiline
    }

    pub fn value(&self) -> String {
        self.area.lines().join("\n")
    }

    /// The number of lines of text.
    pub fn line_count(&self) -> usize {
        self.area.lines().len()
    }

    pub fn handle(&mut self, key: &KeyEvent) -> Edit {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Enter if self.multiline && !ctrl && !alt => {
                self.area.insert_newline();
                Edit::Changed
            }
            KeyCode::Enter => Edit::Submit,
            KeyCode::Char('u') if ctrl => {
                self.area.delete_line_by_head();
                Edit::Changed
            }
            KeyCode::Char(c) if !ctrl && !alt => {
                if text::is_forbidden_char(c) {
                    return Edit::Ignored;
                }
                self.area.insert_char(c);
                Edit::Changed
            }
            KeyCode::Up | KeyCode::Down if !self.multiline => Edit::Ignored,
            KeyCode::Tab | KeyCode::BackTab | KeyCode::Esc => Edit::Ignored,
            _ => {
                let before = self.value();
                if self.area.input(*key) {
                    if self.value() == before {
                        Edit::Moved
                    } else {
                        Edit::Changed
                    }
                } else {
                    Edit::Moved
                }
            }
        }
    }

    /// Inserts pasted text: made safe, and on one line for a one-line field.
    pub fn paste(&mut self, pasted: &str) -> Edit {
        let clean = text::sanitize(&pasted.replace("\r\n", "\n").replace('\r', "\n"));
        let clean = if self.multiline {
            clean
        } else {
            text::one_line(&clean)
        };
        if clean.is_empty() {
            return Edit::Ignored;
        }
        self.area.insert_str(clean);
        Edit::Changed
    }

    /// Shows the caret (when focused) or hides it.
    pub fn focus(&mut self, focused: bool) {
        self.area.set_cursor_style(if focused {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        });
    }

    /// Draws the text into `area`, scrolled so the caret shows.
    pub fn draw(&self, buf: &mut Buffer, area: Rect) {
        let area = area.intersection(buf.area);
        if area.width == 0 || area.height == 0 {
            return;
        }
        (&self.area).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(field: &mut TextField, code: KeyCode) -> Edit {
        field.handle(&KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn typing_editing_and_moving_work_on_characters() {
        let mut field = TextField::new("héllo", false);
        press(&mut field, KeyCode::Backspace);
        press(&mut field, KeyCode::Home);
        press(&mut field, KeyCode::Char('¡'));
        assert_eq!(field.value(), "¡héll");
        assert_eq!(press(&mut field, KeyCode::Enter), Edit::Submit);
        assert_eq!(press(&mut field, KeyCode::Char('\u{1b}')), Edit::Ignored);
    }

    #[test]
    fn a_multiline_field_takes_enter_as_a_new_line_and_up_down_move_in_it() {
        let mut field = TextField::new("a", true);
        press(&mut field, KeyCode::Enter);
        press(&mut field, KeyCode::Char('工'));
        assert_eq!(field.value(), "a\n工");
        press(&mut field, KeyCode::Up);
        press(&mut field, KeyCode::Char('b'));
        assert_eq!(field.value(), "ab\n工");
    }

    #[test]
    fn a_pasted_newline_never_submits_a_one_line_field() {
        let mut field = TextField::new("", false);
        assert_eq!(field.paste("first\nsecond\u{1b}[2J"), Edit::Changed);
        assert_eq!(field.value(), "first second\u{fffd}[2J");
        let mut note = TextField::new("", true);
        note.paste("one\r\ntwo");
        assert_eq!(note.value(), "one\ntwo");
    }
}
