//! Styles, in the colours a person's config chose, or without colour (NO_COLOR keeps only bold,
//! reverse, underline and dim).

use ratatui::style::{Color, Modifier, Style};

use crate::config::{self, NamedColor, Palette};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

/// A config colour as the terminal library names it.
fn terminal_color(color: config::Color) -> Color {
    match color {
        config::Color::Default => Color::Reset,
        config::Color::Indexed(n) => Color::Indexed(n),
        config::Color::Rgb(r, g, b) => Color::Rgb(r, g, b),
        config::Color::Named(named) => match named {
            NamedColor::Black => Color::Black,
            NamedColor::Red => Color::Red,
            NamedColor::Green => Color::Green,
            NamedColor::Yellow => Color::Yellow,
            NamedColor::Blue => Color::Blue,
            NamedColor::Magenta => Color::Magenta,
            NamedColor::Cyan => Color::Cyan,
            NamedColor::Gray => Color::Gray,
            NamedColor::DarkGray => Color::DarkGray,
            NamedColor::LightRed => Color::LightRed,
            NamedColor::LightGreen => Color::LightGreen,
            NamedColor::LightYellow => Color::LightYellow,
            NamedColor::LightBlue => Color::LightBlue,
            NamedColor::LightMagenta => Color::LightMagenta,
            NamedColor::LightCyan => Color::LightCyan,
            NamedColor::White => Color::White,
        },
    }
}

impl Theme {
    /// The default colours, or none.
    pub fn new(color: bool) -> Theme {
        Theme {
            color,
            palette: Palette::default(),
        }
    }

    fn paint(self, color: config::Color, fallback: Modifier) -> Style {
        if self.color {
            Style::default().fg(terminal_color(color))
        } else {
            Style::default().add_modifier(fallback)
        }
    }
    pub fn selected(self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }
    pub fn current(self) -> Style {
        self.paint(self.palette.current, Modifier::BOLD).bold()
    }
    pub fn target(self) -> Style {
        self.paint(self.palette.target, Modifier::BOLD).bold()
    }
    pub fn path(self) -> Style {
        self.paint(self.palette.path, Modifier::UNDERLINED)
    }
    pub fn muted(self) -> Style {
        self.paint(self.palette.muted, Modifier::DIM)
    }
    pub fn heading(self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }
    pub fn warning(self) -> Style {
        self.paint(self.palette.warning, Modifier::BOLD)
    }
    pub fn error(self) -> Style {
        self.paint(self.palette.error, Modifier::BOLD)
    }
}
