//! Where each part of the screen goes, as a pure function of the terminal size, the tab labels
//! and whether a banner shows: drawing and mouse clicks use the same answer.

use ratatui::layout::{Constraint, Flex, Layout, Offset, Rect};

use crate::text;

/// Below this size the planner says so instead of drawing a cramped screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Screen {
    pub header: Rect,
    /// Where ratatui's `Tabs` draws the labels.
    pub tab_bar: Rect,
    /// Each tab's clickable label, in tab order.
    pub tabs: Vec<Rect>,
    pub banner: Option<Rect>,
    /// The body of the current tab.
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

/// The label of a tab in the tab bar, for drawing and measuring alike.
pub fn tab_label(digit: char, name: &str, active: bool) -> String {
    if active {
        format!("[{digit} {name}]")
    } else {
        format!(" {digit} {name} ")
    }
}

/// The screen's parts, or `None` when it is too small to draw.
pub fn screen(area: Rect, tabs: &[(char, &str)], banner: bool) -> Option<Screen> {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return None;
    }
    let [header, tab_bar, banner_row, body, status, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(u16::from(banner)),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    // The labels as ratatui's `Tabs` draws them, a column in from the left and one apart.
    let tab_bar = tab_bar.offset(Offset { x: 1, y: 0 }).intersection(area);
    let widths = tabs.iter().map(|&(digit, name)| {
        Constraint::Length(text::width(&tab_label(digit, name, false)) as u16)
    });
    Some(Screen {
        header,
        tab_bar,
        tabs: Layout::horizontal(widths)
            .spacing(1)
            .flex(Flex::Start)
            .split(tab_bar)
            .to_vec(),
        banner: banner.then_some(banner_row),
        body,
        status,
        footer,
    })
}
