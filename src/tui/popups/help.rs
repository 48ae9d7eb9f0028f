//! The help overlay: every key in force, from the same tables that decide what keys do.

use ratatui::style::Style;
use ratatui::text::Line;

use crate::tui::keymap::KeySection;
use crate::tui::theme::Theme;
use crate::tui::widgets::pager::Pager;
use crate::tui::widgets::{line, span};

/// Columns the help overlay would like.
const WIDTH: u16 = 76;

/// The help overlay's text: every section, every key.
pub fn pager(sections: &[KeySection], theme: Theme) -> Pager {
    let mut lines: Vec<Line<'static>> = Vec::new();
    for section in sections {
        lines.push(line(section.title, theme.heading()));
        for row in &section.rows {
            lines.push(Line::from(vec![
                span(&format!("  {:<11} ", row.keys), Style::default()),
                span(row.help, Style::default()),
            ]));
        }
    }
    Pager::new("Keys (Esc closes; ↑↓ PgUp PgDn scroll)", lines, WIDTH)
}
