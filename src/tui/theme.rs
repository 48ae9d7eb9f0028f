//! Styles, with or without colour (NO_COLOR keeps only bold, reverse, underline and dim).

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn paint(self, color: Color, fallback: Modifier) -> Style {
        if self.color {
            Style::default().fg(color)
        } else {
            Style::default().add_modifier(fallback)
        }
    }
    pub fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    pub fn current(self) -> Style {
        self.paint(Color::Green, Modifier::BOLD)
            .add_modifier(Modifier::BOLD)
    }
    pub fn target(self) -> Style {
        self.paint(Color::Yellow, Modifier::BOLD)
            .add_modifier(Modifier::BOLD)
    }
    pub fn path(self) -> Style {
        self.paint(Color::Cyan, Modifier::UNDERLINED)
    }
    pub fn muted(self) -> Style {
        self.paint(Color::DarkGray, Modifier::DIM)
    }
    pub fn heading(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
    pub fn warning(self) -> Style {
        self.paint(Color::Yellow, Modifier::BOLD)
    }
    pub fn error(self) -> Style {
        self.paint(Color::Red, Modifier::BOLD)
    }
}
