//! A form: a few labelled fields — text to type, or a choice from a list — and what to do with
//! them. The tab that opens a form says, as a closure, how its values become a change; the form
//! only edits text, keeps the choices and reports refusals.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Style;
use ratatui::widgets::{List, ListState, Paragraph, StatefulWidget, Widget, Wrap};

use crate::date::Date;
use crate::profile::Change;
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::widgets::field::{Edit, TextField};
use crate::tui::widgets::list::{self, CURSOR_KEYS};
use crate::tui::widgets::{framed, line, pane, popup};

/// How many lines a note field shows at most.
const NOTE_LINES: u16 = 4;
const WIDTH: u16 = 64;

/// The values typed, for the closure that turns them into a change.
pub struct Values(Vec<String>);

impl Values {
    /// Field `i`, trimmed and with control characters replaced; empty when it holds nothing
    /// visible (a pasted run of control codes is not text worth keeping as "�"). A choice
    /// gives the option chosen, empty while none is.
    pub fn text(&self, i: usize) -> String {
        self.0
            .get(i)
            .and_then(|v| text::typed(v))
            .unwrap_or_default()
    }

    /// Field `i` as a date, or `None` when empty.
    pub fn date(&self, i: usize) -> Result<Option<Date>, String> {
        let value = self.text(i);
        (!value.is_empty())
            .then(|| value.parse())
            .transpose()
            .map_err(|e: crate::date::DateError| e.to_string())
    }
}

/// Whether a popup stays open after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stay {
    Open,
    Closed,
}

/// Turns the values into a change (or none), or says what is wrong with them.
pub type Submit = Box<dyn Fn(&Values, &Ctx) -> Result<Option<Change>, String>>;

/// A field of a form.
pub enum Input {
    Text(Box<TextField>),
    /// One of a few options, shown as a list: nothing chosen until a key chooses one.
    Choice(Vec<&'static str>, ListState),
}

impl Input {
    pub fn text(field: TextField) -> Input {
        Input::Text(Box::new(field))
    }

    /// A choice of `options`, the one at `chosen` chosen.
    pub fn choice(options: Vec<&'static str>, chosen: Option<usize>) -> Input {
        Input::Choice(options, ListState::default().with_selected(chosen))
    }

    fn value(&self) -> String {
        match self {
            Input::Text(field) => field.value(),
            Input::Choice(options, state) => state
                .selected()
                .and_then(|i| options.get(i))
                .map_or_else(String::new, |o| o.to_string()),
        }
    }
}

pub struct Form {
    title: String,
    fields: Vec<(&'static str, Input)>,
    focus: usize,
    error: Option<String>,
    submit: Submit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FormAction {
    Next,
    Previous,
    Save,
    Cancel,
    /// Handled by the field itself, listed so help shows it.
    Field,
}

use Key::{Code, Ctrl};

const KEYS: &[Binding<FormAction>] = &[
    bind(
        "next-field",
        &[Code(KeyCode::Tab)],
        FormAction::Next,
        "next field",
        Footer::Group("Tab ⇧Tab ↑↓", "field"),
    ),
    bind(
        "previous-field",
        &[Code(KeyCode::BackTab)],
        FormAction::Previous,
        "previous field",
        Footer::Hidden,
    ),
    bind(
        "enter",
        &[Code(KeyCode::Enter)],
        FormAction::Field,
        "next text field or save (a list saves; a note: new line)",
        Footer::Word("next/save"),
    ),
    bind(
        "arrows",
        &[Code(KeyCode::Up), Code(KeyCode::Down)],
        FormAction::Field,
        "previous or next field (a note: lines; a list: select)",
        Footer::Hidden,
    ),
    bind(
        "save",
        &[Ctrl('s')],
        FormAction::Save,
        "save",
        Footer::Word("save"),
    ),
    bind(
        "clear",
        &[Ctrl('u')],
        FormAction::Field,
        "clear to the start of the line",
        Footer::Word("clear line"),
    ),
    bind(
        "cancel",
        &[Code(KeyCode::Esc)],
        FormAction::Cancel,
        "cancel",
        Footer::Word("cancel"),
    ),
];

pub fn keys(keymap: &Keymap) -> KeySection {
    keymap.section("In a form", "form", KEYS)
}

/// The keys that choose in a form's list (a rating's level, who rates), tried before a form's.
pub fn list_keys(keymap: &Keymap) -> KeySection {
    keymap.section("In a form's list (a rating)", "form", CURSOR_KEYS)
}

impl Form {
    /// A form titled `title` with text `fields` (label, initial value, whether it is a note).
    pub fn new(
        title: impl Into<String>,
        fields: &[(&'static str, &str, bool)],
        submit: Submit,
    ) -> Form {
        let fields = fields
            .iter()
            .map(|&(label, value, note)| (label, Input::text(TextField::new(value, note))))
            .collect();
        Form::of(title, fields, submit)
    }

    /// A form titled `title` with `fields` of any kind.
    pub fn of(
        title: impl Into<String>,
        fields: Vec<(&'static str, Input)>,
        submit: Submit,
    ) -> Form {
        let mut form = Form {
            title: title.into(),
            fields,
            focus: 0,
            error: None,
            submit,
        };
        form.set_focus(0);
        form
    }

    /// The keys of this form, for its footer: a list's first when it has one.
    pub fn keys(&self, keymap: &Keymap) -> KeySection {
        let list = self
            .fields
            .iter()
            .any(|(_, f)| matches!(f, Input::Choice(..)));
        if list {
            list_keys(keymap).then(keys(keymap))
        } else {
            keys(keymap)
        }
    }

    fn set_focus(&mut self, focus: usize) {
        self.focus = focus.min(self.fields.len().saturating_sub(1));
        for (i, (_, field)) in self.fields.iter_mut().enumerate() {
            if let Input::Text(field) = field {
                field.focus(i == self.focus);
            }
        }
    }

    fn step(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        let by = if forward { 1 } else { n - 1 };
        self.set_focus((self.focus + by) % n);
    }

    pub fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Stay {
        // In a list the cursor keys choose; Enter saves what is chosen.
        if let Some((_, Input::Choice(options, state))) = self.fields.get_mut(self.focus)
            && let Some(step) = ctx.keymap.action("form", CURSOR_KEYS, key)
        {
            let at = state
                .selected()
                .map_or(0, |i| list::step(i, options.len(), step, 1));
            state.select(Some(at));
            return Stay::Open;
        }
        match ctx.keymap.action("form", KEYS, key) {
            Some(FormAction::Next) => self.step(true),
            Some(FormAction::Previous) => self.step(false),
            Some(FormAction::Save) => return self.save(ctx),
            Some(FormAction::Cancel) => {
                ctx.say("nothing changed");
                return Stay::Closed;
            }
            Some(FormAction::Field) | None => match self.fields.get_mut(self.focus) {
                Some((_, Input::Choice(..))) if key.code == KeyCode::Enter => {
                    return self.save(ctx);
                }
                Some((_, Input::Text(field))) => match field.handle(key) {
                    // On to the next field to type in, or save after the last.
                    Edit::Submit => match (self.focus + 1..self.fields.len())
                        .find(|&i| matches!(self.fields[i].1, Input::Text(_)))
                    {
                        Some(next) => self.set_focus(next),
                        None => return self.save(ctx),
                    },
                    // Up and Down leave a one-line field for its neighbour.
                    Edit::Ignored if key.code == KeyCode::Up => self.step(false),
                    Edit::Ignored if key.code == KeyCode::Down => self.step(true),
                    _ => {}
                },
                _ => {}
            },
        }
        Stay::Open
    }

    pub fn paste(&mut self, pasted: &str) {
        if let Some((_, Input::Text(field))) = self.fields.get_mut(self.focus) {
            field.paste(pasted);
        }
    }

    /// What is typed, as a draft to keep when the form cannot be saved.
    pub fn draft(&self) -> crate::profile::drafts::Draft {
        crate::profile::drafts::Draft {
            title: self.title.clone(),
            fields: self
                .fields
                .iter()
                .map(|(label, input)| (label.to_string(), input.value()))
                .collect(),
        }
    }

    /// Saves the form as Ctrl-S would (the planner is being closed): `Stay::Open` when what is
    /// typed cannot be saved as it is.
    pub fn save(&mut self, ctx: &mut Ctx) -> Stay {
        let values = Values(self.fields.iter().map(|(_, f)| f.value()).collect());
        match (self.submit)(&values, ctx) {
            Ok(change) => {
                ctx.change(change);
                Stay::Closed
            }
            Err(message) => {
                self.error = Some(message);
                Stay::Open
            }
        }
    }

    /// The rows a field takes in a form `width` cells wide (the frame, its padding and the
    /// indent under the label taken): a note grows as it wraps, up to [`NOTE_LINES`] (then it
    /// scrolls to the caret); a list shows every option.
    fn rows_of(input: &Input, width: u16) -> u16 {
        match input {
            Input::Text(field) if field.wraps() => {
                text::cells(field.rows(width.saturating_sub(6))).clamp(2, NOTE_LINES)
            }
            Input::Text(_) => 1,
            Input::Choice(options, _) => text::cells(options.len()),
        }
    }

    /// The error, as ratatui wraps it at the form's width.
    fn error_text(&self) -> Option<Paragraph<'static>> {
        let error = self.error.as_deref()?;
        Some(Paragraph::new(line(error, Style::default())).wrap(Wrap { trim: true }))
    }

    /// The rows the form takes `width` cells wide: each field under its label, the error (up
    /// to three lines) and the frame.
    fn height(&self, width: u16) -> u16 {
        let fields: u16 = self
            .fields
            .iter()
            .map(|(_, f)| 1 + Self::rows_of(f, width))
            .sum();
        let error = self.error_text().map_or(0, |p| {
            text::cells(p.line_count(width.saturating_sub(4))).min(3)
        });
        fields + error + 2
    }

    pub fn draw(&self, ctx: &Ctx, buf: &mut Buffer) {
        let theme = ctx.theme;
        let width = WIDTH.min(ctx.popup_room().width);
        let area = popup(buf, ctx.popup_room(), width, self.height(width));
        let inner = framed(buf, area, pane(&self.title, theme.heading()));
        let indent = Layout::horizontal([Constraint::Length(2), Constraint::Fill(1)]);
        let mut rows: Vec<Constraint> = Vec::new();
        for (_, field) in &self.fields {
            rows.push(Constraint::Length(1));
            rows.push(Constraint::Length(Self::rows_of(field, area.width)));
        }
        rows.push(Constraint::Fill(1));
        let places = Layout::vertical(rows).split(inner);
        for (i, (label, input)) in self.fields.iter().enumerate() {
            let style = if i == self.focus {
                theme.heading()
            } else {
                theme.muted()
            };
            line(label, style).render(places[2 * i], buf);
            let [_, room] = places[2 * i + 1].layout(&indent);
            match input {
                Input::Text(field) => field.draw(buf, room),
                // The choice marked as well as highlighted, so it reads without colour.
                Input::Choice(options, state) => StatefulWidget::render(
                    List::new(options.iter().copied())
                        .highlight_symbol("› ")
                        .highlight_style(theme.selected()),
                    room,
                    buf,
                    &mut state.clone(),
                ),
            }
        }
        if let (Some(error), Some(place)) = (self.error_text(), places.last()) {
            error.style(theme.error()).render(*place, buf);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Values;

    #[test]
    fn a_field_of_control_characters_alone_is_empty_not_a_replacement_mark() {
        let values = Values(vec![
            "\u{1b}\u{7}\u{9b}".into(),
            "  Ran the review \u{7} ".into(),
        ]);
        assert_eq!(values.text(0), "");
        assert!(!values.text(1).is_empty() && values.text(1).starts_with("Ran the review"));
        assert!(!values.text(1).contains('\u{7}'));
    }
}
