//! A form: a few labelled fields and what to do with them. The tab that opens a form says, as a
//! closure, how its values become a change; the form only edits text and reports refusals.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::date::Date;
use crate::profile::Change;
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::widgets::field::{Edit, TextField};
use crate::tui::widgets::{line, pane, popup};

/// How many lines a note field shows at most.
const NOTE_LINES: u16 = 4;
const WIDTH: u16 = 64;

/// The values typed, for the closure that turns them into a change.
pub struct Values(Vec<String>);

impl Values {
    /// Field `i`, trimmed and with control characters replaced; empty when it holds nothing
    /// visible (a pasted run of control codes is not text worth keeping as "�").
    pub fn text(&self, i: usize) -> String {
        self.0
            .get(i)
            .and_then(|v| text::typed(v))
            .unwrap_or_default()
    }

    /// Field `i` as a date, or `None` when empty.
    pub fn date(&self, i: usize) -> Result<Option<Date>, String> {
        let value = self.text(i);
        if value.is_empty() {
            Ok(None)
        } else {
            value
                .parse()
                .map(Some)
                .map_err(|e: crate::date::DateError| e.to_string())
        }
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

pub struct Form {
    title: String,
    fields: Vec<(&'static str, TextField)>,
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
        Footer::Word("next field"),
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
        "next field, or save on the last (in a note: a new line)",
        Footer::Word("next/save"),
    ),
    bind(
        "arrows",
        &[Code(KeyCode::Up), Code(KeyCode::Down)],
        FormAction::Field,
        "previous or next field (in a note: lines)",
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
        Footer::Hidden,
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

impl Form {
    /// A form titled `title` with `fields` (label, initial value, whether it is a note).
    pub fn new(
        title: impl Into<String>,
        fields: &[(&'static str, &str, bool)],
        submit: Submit,
    ) -> Form {
        let mut form = Form {
            title: title.into(),
            fields: fields
                .iter()
                .map(|&(label, value, note)| (label, TextField::new(value, note)))
                .collect(),
            focus: 0,
            error: None,
            submit,
        };
        form.set_focus(0);
        form
    }

    fn set_focus(&mut self, focus: usize) {
        self.focus = focus.min(self.fields.len().saturating_sub(1));
        for (i, (_, field)) in self.fields.iter_mut().enumerate() {
            field.focus(i == self.focus);
        }
    }

    fn step(&mut self, forward: bool) {
        let n = self.fields.len().max(1);
        let next = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
        self.set_focus(next);
    }

    pub fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Stay {
        match ctx.keymap.action("form", KEYS, key) {
            Some(FormAction::Next) => self.step(true),
            Some(FormAction::Previous) => self.step(false),
            Some(FormAction::Save) => return self.save(ctx),
            Some(FormAction::Cancel) => {
                ctx.say("nothing changed");
                return Stay::Closed;
            }
            Some(FormAction::Field) | None => {
                let Some((_, field)) = self.fields.get_mut(self.focus) else {
                    return Stay::Open;
                };
                match field.handle(key) {
                    Edit::Submit if self.focus + 1 < self.fields.len() => self.step(true),
                    Edit::Submit => return self.save(ctx),
                    // Up and Down leave a one-line field for its neighbour.
                    Edit::Ignored if key.code == KeyCode::Up => self.step(false),
                    Edit::Ignored if key.code == KeyCode::Down => self.step(true),
                    _ => {}
                }
            }
        }
        Stay::Open
    }

    pub fn paste(&mut self, pasted: &str) {
        if let Some((_, field)) = self.fields.get_mut(self.focus) {
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
                .map(|(label, field)| (label.to_string(), field.value()))
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

    /// The rows a field takes in a form `width` cells wide: a note grows as it wraps, up to
    /// [`NOTE_LINES`] (then it scrolls to the caret).
    fn rows_of(field: &TextField, width: u16) -> u16 {
        if field.multiline() {
            text::cells(field.rows(Self::field_width(width))).clamp(2, NOTE_LINES)
        } else {
            1
        }
    }

    /// A field's width in a form `width` cells wide: inside the frame, its padding and the
    /// indent under the label.
    fn field_width(width: u16) -> u16 {
        width.saturating_sub(6)
    }

    /// The error, as ratatui wraps it at the form's width.
    fn error_text(&self) -> Option<Paragraph<'static>> {
        let error = self.error.as_deref()?;
        Some(Paragraph::new(line(error, Style::default())).wrap(Wrap { trim: true }))
    }

    fn area(&self, screen: Rect) -> Rect {
        let width = WIDTH.min(screen.width);
        let fields: u16 = self
            .fields
            .iter()
            .map(|(_, f)| 1 + Self::rows_of(f, width))
            .sum();
        let error = self.error_text().map_or(0, |p| {
            text::cells(p.line_count(width.saturating_sub(4))).min(3)
        });
        screen.centered(
            Constraint::Length(width),
            Constraint::Length((fields + error + 2).min(screen.height)),
        )
    }

    pub fn draw(&self, ctx: &Ctx, buf: &mut Buffer) {
        let theme = ctx.theme;
        let area = self.area(ctx.screen());
        let area = popup(buf, area, area.width, area.height);
        let block = pane(&self.title, theme.heading());
        let inner = block.inner(area);
        block.render(area, buf);
        let mut rows: Vec<Constraint> = Vec::new();
        for (_, field) in &self.fields {
            rows.push(Constraint::Length(1));
            rows.push(Constraint::Length(Self::rows_of(field, area.width)));
        }
        rows.push(Constraint::Fill(1));
        let places = Layout::vertical(rows).split(inner);
        for (i, (label, field)) in self.fields.iter().enumerate() {
            let style = if i == self.focus {
                theme.heading()
            } else {
                theme.muted()
            };
            line(label, style).render(places[2 * i], buf);
            let room = places[2 * i + 1];
            field.draw(
                buf,
                Rect::new(
                    room.x + 2,
                    room.y,
                    room.width.saturating_sub(2),
                    room.height,
                ),
            );
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
