//! An editable text field: one line, or several for notes. Positions are in characters, so
//! multi-byte text never splits.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::text;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextInput {
    chars: Vec<char>,
    cursor: usize,
    pub multiline: bool,
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

impl TextInput {
    pub fn new(initial: &str, multiline: bool) -> TextInput {
        let chars: Vec<char> = initial.chars().collect();
        TextInput {
            cursor: chars.len(),
            chars,
            multiline,
        }
    }

    pub fn value(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn handle(&mut self, key: &KeyEvent) -> Edit {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Char('u') if ctrl => {
                self.chars.drain(..self.cursor);
                self.cursor = 0;
                Edit::Changed
            }
            KeyCode::Char(_) if ctrl || key.modifiers.contains(KeyModifiers::ALT) => Edit::Ignored,
            KeyCode::Char(c) => {
                if text::is_forbidden_char(c) {
                    return Edit::Ignored;
                }
                self.chars.insert(self.cursor, c);
                self.cursor += 1;
                Edit::Changed
            }
            KeyCode::Enter
                if self.multiline && !ctrl && !key.modifiers.contains(KeyModifiers::ALT) =>
            {
                self.chars.insert(self.cursor, '\n');
                self.cursor += 1;
                Edit::Changed
            }
            KeyCode::Enter => Edit::Submit,
            KeyCode::Backspace if self.cursor > 0 => {
                self.cursor -= 1;
                self.chars.remove(self.cursor);
                Edit::Changed
            }
            KeyCode::Delete if self.cursor < self.chars.len() => {
                self.chars.remove(self.cursor);
                Edit::Changed
            }
            KeyCode::Left if self.cursor > 0 => {
                self.cursor -= 1;
                Edit::Moved
            }
            KeyCode::Right if self.cursor < self.chars.len() => {
                self.cursor += 1;
                Edit::Moved
            }
            KeyCode::Home => {
                self.cursor = self.line_start();
                Edit::Moved
            }
            KeyCode::End => {
                self.cursor = self.line_end();
                Edit::Moved
            }
            _ => Edit::Ignored,
        }
    }

    fn line_start(&self) -> usize {
        self.chars[..self.cursor]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |i| i + 1)
    }

    fn line_end(&self) -> usize {
        self.chars[self.cursor..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(self.chars.len(), |i| self.cursor + i)
    }

    /// The text as lines, with the cursor's (line, column in display cells).
    pub fn lines_with_cursor(&self) -> (Vec<String>, (usize, usize)) {
        let before: String = self.chars[..self.cursor].iter().collect();
        let line = before.matches('\n').count();
        let col = text::width(before.rsplit('\n').next().unwrap_or(""));
        let lines = self.value().split('\n').map(str::to_string).collect();
        (lines, (line, col))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(input: &mut TextInput, code: KeyCode) -> Edit {
        input.handle(&KeyEvent::new(code, KeyModifiers::NONE))
    }

    #[test]
    fn typing_editing_and_moving_work_on_characters() {
        let mut input = TextInput::new("héllo", false);
        press(&mut input, KeyCode::Backspace);
        press(&mut input, KeyCode::Home);
        press(&mut input, KeyCode::Char('¡'));
        assert_eq!(input.value(), "¡héll");
        assert_eq!(press(&mut input, KeyCode::Enter), Edit::Submit);
        assert_eq!(press(&mut input, KeyCode::Char('\u{1b}')), Edit::Ignored);
    }

    #[test]
    fn a_multiline_field_takes_enter_as_a_new_line() {
        let mut input = TextInput::new("a", true);
        press(&mut input, KeyCode::Enter);
        press(&mut input, KeyCode::Char('工'));
        let (lines, cursor) = input.lines_with_cursor();
        assert_eq!(lines, vec!["a", "工"]);
        assert_eq!(cursor, (1, 2));
    }
}
