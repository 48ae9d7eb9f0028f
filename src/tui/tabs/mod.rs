//! The tabs. Each one is a room of its own: its state, its keys and its drawing sit together in
//! one module, and it sees only the shared context — never the app. Adding a tab is one module
//! and one line in [`all`].

mod coaching;
mod ladder;
mod milestones;
mod plan;
mod profile;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{
    Block, List, ListItem, ListState, Padding, Scrollbar, ScrollbarOrientation, ScrollbarState,
    StatefulWidget, Widget,
};

use super::tab::Tab;
use super::theme::Theme;

/// Every tab, in order. Tab 4 (coaching) comes between milestones and profile.
pub fn all() -> Vec<Box<dyn Tab>> {
    vec![
        Box::new(ladder::LadderTab::default()),
        Box::new(plan::PlanTab::default()),
        Box::new(milestones::MilestonesTab::default()),
        Box::new(coaching::CoachingTab::default()),
        Box::new(profile::ProfileTab::default()),
    ]
}

/// A tab's frame titled `title` over `body`, a column of padding inside each side; returns
/// its inside.
fn pane(buf: &mut Buffer, body: Rect, title: &str) -> Rect {
    let block = Block::bordered()
        .title(format!(" {title} "))
        .padding(Padding::horizontal(1));
    let inner = block.inner(body);
    block.render(body, buf);
    inner
}

/// Where a pane's scrolled text or list stands, on the right border of `frame` beside the rows
/// of `rows`: a thumb over the border's line, `offset` of `len` lines in, `shown` showing.
/// Nothing when everything shows.
fn scrollbar(
    buf: &mut Buffer,
    (frame, rows): (Rect, Rect),
    (offset, len, shown): (usize, usize, usize),
    theme: Theme,
) {
    if len <= shown || frame.width == 0 {
        return;
    }
    let bar = Rect::new(frame.right() - 1, rows.y, 1, rows.height);
    Scrollbar::new(ScrollbarOrientation::VerticalRight)
        .begin_symbol(None)
        .end_symbol(None)
        .track_symbol(Some("│"))
        .thumb_symbol("┃")
        .style(theme.muted())
        .render(
            bar,
            buf,
            &mut ScrollbarState::new(len.saturating_sub(shown) + 1)
                .position(offset)
                .viewport_content_length(shown),
        );
}

/// `items` in `area` of the tab's frame `frame`, the `selected` one highlighted and kept in
/// view, with a scrollbar when they do not all fit (`rows_each`: rows an item takes).
fn list(
    buf: &mut Buffer,
    (frame, area): (Rect, Rect),
    items: Vec<ListItem<'static>>,
    (selected, rows_each): (Option<usize>, usize),
    theme: Theme,
) {
    let count = items.len();
    let mut state = ListState::default().with_selected(selected);
    StatefulWidget::render(
        List::new(items).highlight_style(theme.selected()),
        area,
        buf,
        &mut state,
    );
    let shown = usize::from(area.height) / rows_each.max(1);
    scrollbar(buf, (frame, area), (state.offset(), count, shown), theme);
}
