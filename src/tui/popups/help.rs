//! The help overlay: every key in force, from the same tables that decide what keys do.

use ratatui::style::Style;

use crate::tui::keymap::KeySection;
use crate::tui::theme::Theme;
use crate::tui::widgets::pager::Pager;

/// Columns the help overlay would like.
const WIDTH: u16 = 76;

/// The help overlay's text: every section, every key.
pub fn pager(sections: &[KeySection], theme: Theme) -> Pager {
    let mut lines: Vec<(String, Style)> = Vec::new();
    for section in sections {
        lines.push((section.title.to_string(), theme.heading()));
        for row in &section.rows {
            lines.push((format!("  {:<11} {}", row.keys, row.help), Style::default()));
        }
    }
    Pager::new("Keys (Esc closes; ↑↓ PgUp PgDn scroll)", lines, WIDTH)
}
