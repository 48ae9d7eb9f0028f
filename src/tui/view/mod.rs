//! Drawing. Every function here reads the app and writes to the frame; nothing changes state.

mod ladder;
mod lists;
mod popups;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::app::{App, FirstRun, Tab};
use super::keymap;
use super::layout::{MIN_HEIGHT, MIN_WIDTH};
use crate::text;

/// Styles, with or without colour (NO_COLOR keeps only bold, reverse and underline).
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

/// Writes `s` at screen column `x` (which may lie left of `area`) on row `y`, clipped to `area`.
pub fn put(buf: &mut Buffer, area: Rect, x: i64, y: i64, s: &str, style: Style) {
    let area = area.intersection(buf.area);
    if y < i64::from(area.y) || y >= i64::from(area.bottom()) || area.width == 0 {
        return;
    }
    let mut x = x;
    let mut s = s;
    // Skip whole characters that fall left of the area.
    while x < i64::from(area.x) {
        let Some(c) = s.chars().next() else { return };
        x += text::width(c.encode_utf8(&mut [0; 4])) as i64;
        s = &s[c.len_utf8()..];
    }
    if x >= i64::from(area.right()) {
        return;
    }
    let room = (i64::from(area.right()) - x) as usize;
    buf.set_stringn(x as u16, y as u16, s, room, style);
}

/// The inside of a frame, with a column of padding on each side.
pub fn padded(area: Rect) -> Rect {
    Rect::new(
        area.x + 2,
        area.y + 1,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    )
}

/// Styled lines from the top of `area`, each cut to its width; lines past the bottom are left out.
pub fn text_lines(buf: &mut Buffer, area: Rect, lines: &[(String, Style)]) {
    for (i, (line, style)) in lines.iter().enumerate().take(area.height as usize) {
        put(
            buf,
            area,
            i64::from(area.x),
            i64::from(area.y) + i as i64,
            &text::truncate(line, area.width as usize),
            *style,
        );
    }
}

/// Fills a rectangle with spaces, so a popup hides what is under it.
pub fn clear(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.reset();
            }
        }
    }
}

/// A frame with a title.
pub fn frame(buf: &mut Buffer, area: Rect, title: &str, style: Style) {
    if area.width < 2 || area.height < 2 {
        return;
    }
    let inner_width = (area.width - 2) as usize;
    let (x, y) = (i64::from(area.x), i64::from(area.y));
    let bottom = i64::from(area.bottom()) - 1;
    let title = text::truncate(
        &format!(" {} ", text::one_line(title)),
        inner_width.saturating_sub(1),
    );
    let mut top = String::from("┌─");
    top.push_str(&title);
    top.push_str(&"─".repeat(inner_width.saturating_sub(1 + text::width(&title))));
    top.push('┐');
    put(buf, area, x, y, &top, style);
    for row in y + 1..bottom {
        put(buf, area, x, row, "│", style);
        put(buf, area, i64::from(area.right()) - 1, row, "│", style);
    }
    put(
        buf,
        area,
        x,
        bottom,
        &format!("└{}┘", "─".repeat(inner_width)),
        style,
    );
}

pub fn draw(app: &App, frame_: &mut Frame) {
    let screen = frame_.area();
    let buf = frame_.buffer_mut();
    render(app, screen, buf);
}

/// Draws the whole screen into `buf`; used by the terminal and by benchmarks alike.
pub fn render(app: &App, screen: Rect, buf: &mut Buffer) {
    let theme = Theme { color: app.color };
    let areas = super::layout::areas(screen, app);
    if areas.too_small {
        let message = format!(
            "terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{})",
            screen.width, screen.height
        );
        for (i, line) in text::wrap(&message, screen.width as usize, screen.height as usize)
            .iter()
            .enumerate()
        {
            put(
                buf,
                screen,
                i64::from(screen.x),
                i64::from(screen.y) + i as i64,
                line,
                theme.warning(),
            );
        }
        return;
    }
    header(app, buf, &areas, theme);
    if let Some(banner) = areas.banner {
        let reason = app.read_only.as_deref().unwrap_or_default();
        put(
            buf,
            banner,
            0,
            i64::from(banner.y),
            &format!(" READ-ONLY · {reason}"),
            theme.warning().add_modifier(Modifier::REVERSED),
        );
    }
    match (&app.first_run, app.tab) {
        (Some(_), _) | (None, Tab::Ladder) => ladder::draw(app, buf, &areas, theme),
        (None, Tab::Plan) => lists::plan(app, buf, areas.body, theme),
        (None, Tab::Milestones) => lists::milestones(app, buf, areas.body, theme),
        (None, Tab::Profile) => lists::profile(app, buf, areas.body, theme),
    }
    status_and_footer(app, buf, &areas, theme);
    if let Some(popup) = &app.popup {
        popups::draw(app, popup, buf, screen, theme);
    }
}

fn header(app: &App, buf: &mut Buffer, areas: &super::layout::Areas, theme: Theme) {
    let y = i64::from(areas.header.y);
    let name = app
        .profile
        .as_ref()
        .map_or("new profile".to_string(), |p| text::one_line(&p.name));
    let mut line = format!(" rungs · {name} · {}", text::one_line(app.ladder.name()));
    if let Some(p) = &app.profile {
        line.push_str(&format!("   now ● {}", app.title_of(&p.current_role)));
        if let Some(t) = &p.target_role {
            line.push_str(&format!("   target ★ {}", app.title_of(t)));
        }
    }
    put(buf, areas.header, 0, y, &line, theme.heading());
    if app.first_run.is_some() {
        return;
    }
    for (tab, rect) in &areas.tabs {
        let (_, digit, name) = Tab::ALL
            .iter()
            .find(|(t, _, _)| t == tab)
            .copied()
            .unwrap_or((Tab::Ladder, 1, ""));
        let active = *tab == app.tab;
        let label = if active {
            format!("[{digit} {name}]")
        } else {
            format!(" {digit} {name} ")
        };
        let style = if active {
            theme.heading().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        put(
            buf,
            areas.tab_bar,
            i64::from(rect.x),
            i64::from(rect.y),
            &label,
            style,
        );
    }
}

fn status_and_footer(app: &App, buf: &mut Buffer, areas: &super::layout::Areas, theme: Theme) {
    let y = i64::from(areas.status.y);
    if let Some(search) = &app.search {
        put(
            buf,
            areas.status,
            0,
            y,
            &format!(" / {}▏  (⏎ next match · Esc done)", search.value()),
            theme.heading(),
        );
    } else if let Some(status) = &app.status {
        let style = if status.is_error {
            theme.error()
        } else {
            theme.muted()
        };
        put(
            buf,
            areas.status,
            0,
            y,
            &format!(" {}", text::one_line(&status.text)),
            style,
        );
    }
    let footer = match &app.first_run {
        Some(FirstRun::PickCurrent) => " ←↓↑→ move  ⏎ this is my current role  q quit".to_string(),
        Some(FirstRun::PickTarget { .. }) => {
            " ←↓↑→ move  ⏎ this is my target  s skip  Esc back  q quit".to_string()
        }
        Some(FirstRun::Name { .. }) => " type your name  ⏎ create my plan  Esc back".to_string(),
        None => {
            // The global keys (help among them) always show; the tab's own keys give way.
            let (global, local): (Vec<_>, Vec<_>) =
                keymap::footer(app.tab.scope()).partition(|b| b.scope == keymap::Scope::Global);
            let join = |bindings: &[&keymap::Binding]| {
                bindings
                    .iter()
                    .map(|b| format!("{} {}", b.label, b.short))
                    .collect::<Vec<_>>()
                    .join("  ")
            };
            let global = join(&global);
            let room = (areas.footer.width as usize).saturating_sub(text::width(&global) + 3);
            format!(" {}  {global}", text::truncate(&join(&local), room))
        }
    };
    put(
        buf,
        areas.footer,
        0,
        i64::from(areas.footer.y),
        &footer,
        theme.muted(),
    );
}
