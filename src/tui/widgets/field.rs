//! An editable text field, one line or several, on `ratatui-textarea`: the caret sits where the
//! cursor is, a note's long lines wrap at words as they are typed (a one-line field scrolls
//! sideways; a wrapped line wraps as a note does but is one line, ended by Enter), Up and Down
//! move between the lines of a note, and pasted text is inserted as text (a pasted newline never
//! submits a form).

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use ratatui::widgets::{Paragraph, Wrap};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

use crate::text;

#[derive(Debug)]
pub struct TextField {
    area: TextArea<'static>,
    lines: Lines,
}

/// How many lines a field holds and how it shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lines {
    /// One line, scrolled sideways.
    One,
    /// One line, wrapped at words over as many rows as it needs.
    Wrapped,
    /// Lines of a note: Enter starts a new one.
    Many,
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
        TextField::with_lines(initial, if multiline { Lines::Many } else { Lines::One })
    }

    /// One line that wraps at words as it is typed, for a short note Enter ends.
    pub fn wrapped(initial: &str) -> TextField {
        TextField::with_lines(initial, Lines::Wrapped)
    }

    fn with_lines(initial: &str, lines: Lines) -> TextField {
        let text: Vec<String> = if lines == Lines::Many {
            initial.split('\n').map(str::to_string).collect()
        } else {
            vec![text::one_line(initial)]
        };
        let mut area = TextArea::new(text);
        area.set_cursor_line_style(Style::default());
        if lines != Lines::One {
            area.set_wrap_mode(WrapMode::WordOrGlyph);
        }
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        TextField { area, lines }
    }

    /// A note to add to: the text so far, and the caret at the start of a fresh line after it.
    pub fn note(initial: &str) -> TextField {
        if initial.is_empty() || initial.ends_with('\n') {
            TextField::new(initial, true)
        } else {
            TextField::new(&format!("{initial}\n"), true)
        }
    }

    /// How many rows the text takes at `width` cells, wrapped as it is drawn.
    pub fn rows(&self, width: u16) -> usize {
        if !self.wraps() {
            return 1;
        }
        Paragraph::new(self.value())
            .wrap(Wrap { trim: false })
            .line_count(width.max(1))
    }

    /// Whether the text wraps over rows (a note, or a wrapped line).
    pub fn wraps(&self) -> bool {
        self.lines != Lines::One
    }

    pub fn value(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn handle(&mut self, key: &KeyEvent) -> Edit {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match key.code {
            KeyCode::Enter if self.lines == Lines::Many && !ctrl && !alt => {
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
            KeyCode::Up | KeyCode::Down if self.lines != Lines::Many => Edit::Ignored,
            KeyCode::Tab | KeyCode::BackTab | KeyCode::Esc => Edit::Ignored,
            // ratatui-textarea says whether the key changed the text.
            _ if self.area.input(*key) => Edit::Changed,
            _ => Edit::Moved,
        }
    }

    /// Inserts pasted text: made safe, and on one line for a one-line field.
    pub fn paste(&mut self, pasted: &str) -> Edit {
        let clean = text::sanitize(&pasted.replace("\r\n", "\n").replace('\r', "\n"));
        let clean = if self.lines == Lines::Many {
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
        let caret = Style::default().add_modifier(Modifier::REVERSED);
        self.area
            .set_cursor_style(if focused { caret } else { Style::default() });
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
    fn a_reopened_note_puts_the_caret_on_a_fresh_line_and_long_lines_wrap() {
        let mut note = TextField::note("First line");
        press(&mut note, KeyCode::Char('x'));
        assert_eq!(note.value(), "First line\nx");
        let mut ended = TextField::note("Ends with one\n");
        press(&mut ended, KeyCode::Char('y'));
        assert_eq!(ended.value(), "Ends with one\ny");
        let long = "word ".repeat(60);
        let field = TextField::new(&long, true);
        let area = Rect::new(0, 0, 30, 12);
        let mut buf = Buffer::empty(area);
        field.draw(&mut buf, area);
        let rows: Vec<String> = (0..12)
            .map(|y| (0..30).map(|x| buf[(x, y)].symbol()).collect())
            .collect();
        let words: usize = rows.iter().map(|r| r.matches("word").count()).sum();
        assert_eq!(words, 60, "every word shows, wrapped: {rows:#?}");
        assert!(field.rows(30) >= 10, "the rows counted wrap too");
    }

    #[test]
    fn a_wrapped_line_wraps_like_a_note_but_enter_ends_it_and_a_paste_stays_one_line() {
        let mut field = TextField::wrapped("");
        field.paste("ran the\noffsite");
        assert_eq!(field.value(), "ran the offsite");
        assert_eq!(press(&mut field, KeyCode::Enter), Edit::Submit);
        assert_eq!(press(&mut field, KeyCode::Up), Edit::Ignored);
        let long = TextField::wrapped(&"word ".repeat(20));
        assert!(long.rows(30) >= 3, "it wraps: {}", long.rows(30));
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
