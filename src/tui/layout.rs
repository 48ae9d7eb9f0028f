//! Where each part of the screen goes, as a pure function of the terminal size and the state:
//! drawing and mouse clicks use the same answer.

use ratatui::layout::Rect;

use super::app::{App, Tab};

/// Below this size the planner says so instead of drawing a cramped screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;
/// From this width on the details pane shows beside the graph by default.
pub const WIDE: u16 = 100;
const DETAILS_WIDTH: u16 = 40;
/// Level names wrap into this many columns left of the graph.
const LABEL_WIDTH: u16 = 13;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Areas {
    pub too_small: bool,
    pub header: Rect,
    pub tab_bar: Rect,
    /// Each tab's clickable label.
    pub tabs: Vec<(Tab, Rect)>,
    pub banner: Option<Rect>,
    /// The body of the current tab (inside the ladder tab: graph, legend and details).
    pub body: Rect,
    /// The level names, left of the graph.
    pub labels: Rect,
    /// The inside of the graph's frame, where role boxes are drawn.
    pub graph: Rect,
    pub legend: Rect,
    pub details: Option<Rect>,
    pub status: Rect,
    pub footer: Rect,
}

fn row(area: Rect, y: u16) -> Rect {
    Rect::new(area.x, area.y + y, area.width, 1)
}

pub fn areas(screen: Rect, app: &App) -> Areas {
    if screen.width < MIN_WIDTH || screen.height < MIN_HEIGHT {
        return Areas {
            too_small: true,
            ..Areas::default()
        };
    }
    let header = row(screen, 0);
    let tab_bar = row(screen, 1);
    let mut top = 2;
    let banner = app.read_only.as_ref().map(|_| {
        top += 1;
        row(screen, 2)
    });
    let footer = row(screen, screen.height - 1);
    let status = row(screen, screen.height - 2);
    let body = Rect::new(
        screen.x,
        screen.y + top,
        screen.width,
        screen.height - top - 2,
    );

    let mut tabs = Vec::new();
    let mut x = tab_bar.x + 1;
    for (tab, digit, name) in Tab::ALL {
        let width = (format!("{digit} {name}").chars().count() + 2) as u16;
        tabs.push((tab, Rect::new(x, tab_bar.y, width, 1)));
        x += width + 1;
    }

    let on_ladder = app.first_run.is_some() || app.tab == Tab::Ladder;
    let (mut graph_frame, mut details) = (body, None);
    if on_ladder && app.first_run.is_none() && app.details_shown() {
        let width = DETAILS_WIDTH.min(body.width / 2);
        graph_frame.width = body.width - width;
        details = Some(Rect::new(
            body.x + graph_frame.width,
            body.y,
            width,
            body.height,
        ));
    }
    // Inside the frame: borders all round, level names on the left, the legend as the last row.
    let inner = Rect::new(
        graph_frame.x + 1,
        graph_frame.y + 1,
        graph_frame.width.saturating_sub(2),
        graph_frame.height.saturating_sub(3),
    );
    let label_width = LABEL_WIDTH.min(inner.width / 4);
    let labels = Rect::new(inner.x, inner.y, label_width, inner.height);
    let graph = Rect::new(
        inner.x + label_width,
        inner.y,
        inner.width - label_width,
        inner.height,
    );
    let legend = Rect::new(inner.x, inner.y + inner.height, inner.width, 1);
    Areas {
        too_small: false,
        header,
        tab_bar,
        tabs,
        banner,
        body,
        labels,
        graph,
        legend,
        details,
        status,
        footer,
    }
}
