//! Popups: the help overlay (from the key map), the role diff and edit forms.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::ladder::diff_lines;
use super::{Theme, clear, frame, padded, text_lines};
use crate::text;
use crate::tui::app::{App, Popup};
use crate::tui::keymap::{BINDINGS, Scope};

fn centered(screen: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(screen.width);
    let height = height.min(screen.height);
    Rect::new(
        screen.x + (screen.width - width) / 2,
        screen.y + (screen.height - height) / 2,
        width,
        height,
    )
}

pub fn draw(app: &App, popup: &Popup, buf: &mut Buffer, screen: Rect, theme: Theme) {
    match popup {
        Popup::Help => {
            let mut lines: Vec<(String, Style)> = Vec::new();
            for (scope, name) in [
                (Scope::Global, "Everywhere"),
                (Scope::Ladder, "Ladder"),
                (Scope::Plan, "Plan"),
                (Scope::Milestones, "Milestones"),
                (Scope::Profile, "Profile"),
            ] {
                lines.push((name.to_string(), theme.heading()));
                for b in BINDINGS.iter().filter(|b| b.scope == scope) {
                    lines.push((format!("  {:<7} {}", b.label, b.help), Style::default()));
                }
            }
            lines.push((
                "In a form: Tab next field · ⏎ next/save · Ctrl-S save · Ctrl-U clear · Esc cancel"
                    .to_string(),
                theme.muted(),
            ));
            let area = centered(screen, 76, lines.len() as u16 + 2);
            clear(buf, area);
            frame(buf, area, "Keys (Esc or ? closes)", theme.heading());
            list(buf, area, &lines);
        }
        Popup::Diff => {
            let current = app
                .profile
                .as_ref()
                .and_then(|p| app.ladder.role_index(&p.current_role))
                .unwrap_or(app.selected);
            let lines: Vec<(String, Style)> = diff_lines(app, current, app.selected)
                .into_iter()
                .map(|l| (l, Style::default()))
                .collect();
            let area = centered(screen, 70, lines.len() as u16 + 2);
            clear(buf, area);
            frame(buf, area, "What changes (Esc closes)", theme.heading());
            list(buf, area, &lines);
        }
        Popup::Form(form) => {
            let mut lines: Vec<(String, Style)> = Vec::new();
            for (i, field) in form.fields.iter().enumerate() {
                let style = if i == form.focus {
                    theme.heading()
                } else {
                    theme.muted()
                };
                lines.push((field.label.to_string(), style));
                let (values, (cursor_line, _)) = field.input.lines_with_cursor();
                let shown = if field.input.multiline {
                    values.len().clamp(1, 5)
                } else {
                    1
                };
                let start = cursor_line.saturating_sub(shown - 1);
                for (n, value) in values.iter().enumerate().skip(start).take(shown) {
                    let caret = if i == form.focus && n == cursor_line {
                        "▏"
                    } else {
                        ""
                    };
                    lines.push((
                        format!("  {}{caret}", text::one_line(value)),
                        Style::default(),
                    ));
                }
            }
            if let Some(error) = &form.error {
                lines.push((error.clone(), theme.error()));
            }
            lines.push((
                "Tab next field · ⏎ next/save · Ctrl-S save · Ctrl-U clear · Esc cancel"
                    .to_string(),
                theme.muted(),
            ));
            let area = centered(screen, 64, lines.len() as u16 + 2);
            clear(buf, area);
            frame(buf, area, &form.title, theme.heading());
            list(buf, area, &lines);
        }
    }
}

fn list(buf: &mut Buffer, area: Rect, lines: &[(String, Style)]) {
    text_lines(buf, padded(area), lines);
}
