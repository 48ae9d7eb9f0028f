//! Where each part of the screen goes, as a pure function of the terminal size, the tab labels
//! and whether a banner shows: drawing and mouse clicks use the same answer.

use ratatui::layout::Rect;

use crate::text;

/// Below this size the planner says so instead of drawing a cramped screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Screen {
    pub too_small: bool,
    pub header: Rect,
    pub tab_bar: Rect,
    /// Each tab's clickable label, in tab order.
    pub tabs: Vec<Rect>,
    pub banner: Option<Rect>,
    /// The body of the current tab.
    pub body: Rect,
    pub status: Rect,
    pub footer: Rect,
}

fn row(area: Rect, y: u16) -> Rect {
    Rect::new(area.x, area.y + y, area.width, 1)
}

/// The label of a tab in the tab bar, for drawing and measuring alike.
pub fn tab_label(digit: char, name: &str, active: bool) -> String {
    if active {
        format!("[{digit} {name}]")
    } else {
        format!(" {digit} {name} ")
    }
}

pub fn screen(area: Rect, tabs: &[(char, &str)], banner: bool) -> Screen {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return Screen {
            too_small: true,
            ..Screen::default()
        };
    }
    let mut top = 2;
    let banner = banner.then(|| {
        top += 1;
        row(area, 2)
    });
    let mut x = area.x + 1;
    let tab_rects = tabs
        .iter()
        .map(|&(digit, name)| {
            let width = text::width(&tab_label(digit, name, false)) as u16;
            let rect = Rect::new(x, area.y + 1, width, 1).intersection(area);
            x = x.saturating_add(width + 1);
            rect
        })
        .collect();
    Screen {
        too_small: false,
        header: row(area, 0),
        tab_bar: row(area, 1),
        tabs: tab_rects,
        banner,
        body: Rect::new(area.x, area.y + top, area.width, area.height - top - 2),
        status: row(area, area.height - 2),
        footer: row(area, area.height - 1),
    }
}
