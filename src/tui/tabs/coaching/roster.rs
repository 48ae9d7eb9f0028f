//! The roster pane: every profile in the data folder, with readiness for the next level,
//! overdue milestones, open action items and the last 1:1. Sorted with `o`, filtered with `/`;
//! Enter opens a person (the current profile is saved first). The rows come from the context,
//! which reads them on a worker thread; the open profile's row is drawn as it is in memory.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::went::{Focus, Went};
use crate::date::Date;
use crate::profile::roster::{self, Entry, Row, Sort};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::widgets::field::{Edit, TextField};
use crate::tui::widgets::list::{self, Line};
use crate::tui::widgets::{frame, padded, put};

#[derive(Debug, Default)]
pub struct RosterPane {
    cursor: usize,
    sort: Sort,
    filter: String,
    /// The filter while it is being typed.
    typing: Option<TextField>,
    /// The profile the cursor was put on when it was opened: the cursor starts there.
    placed_for: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Open,
    Sort,
    Filter,
    Sessions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FilterAction {
    Keep,
    Clear,
}

use Key::{Char as C, Code};

const KEYS: &[Binding<Action>] = &[
    bind(
        "open",
        &[Code(KeyCode::Enter)],
        Action::Open,
        "open this person (the one open now is saved first)",
        Footer::Word("open"),
    ),
    bind(
        "sort",
        &[C('o')],
        Action::Sort,
        "order: overdue, name, readiness, last 1:1, open actions",
        Footer::Word("sort"),
    ),
    bind(
        "filter",
        &[C('/')],
        Action::Filter,
        "filter by name or role",
        Footer::Word("filter"),
    ),
    bind(
        "sessions",
        &[Code(KeyCode::Right), C('l')],
        Action::Sessions,
        "to the open profile's sessions",
        Footer::Group("→", "sessions"),
    ),
];

const FILTER_KEYS: &[Binding<FilterAction>] = &[
    bind(
        "keep",
        &[Code(KeyCode::Enter)],
        FilterAction::Keep,
        "keep the filter and go back to the list",
        Footer::Word("keep"),
    ),
    bind(
        "clear",
        &[Code(KeyCode::Esc)],
        FilterAction::Clear,
        "clear the filter",
        Footer::Word("clear"),
    ),
];

const SCOPE: &str = "coaching-roster";

impl RosterPane {
    pub fn keys(&self, keymap: &Keymap) -> KeySection {
        if self.typing.is_some() {
            keymap.section(
                "Coaching: filtering the roster",
                "coaching-filter",
                FILTER_KEYS,
            )
        } else {
            keymap
                .section("Coaching: roster", SCOPE, list::CURSOR_KEYS)
                .then(keymap.section("Coaching: roster", SCOPE, KEYS))
        }
    }

    pub fn help(&self, keymap: &Keymap) -> Vec<KeySection> {
        vec![
            keymap
                .section("Coaching: roster", SCOPE, list::CURSOR_KEYS)
                .then(keymap.section("Coaching: roster", SCOPE, KEYS)),
            keymap.section(
                "Coaching: filtering the roster (after /)",
                "coaching-filter",
                FILTER_KEYS,
            ),
        ]
    }

    fn filter(&self) -> String {
        self.typing
            .as_ref()
            .map_or_else(|| self.filter.clone(), TextField::value)
    }

    /// The rows shown: the roster as read, the open profile as it is now, filtered and sorted.
    fn rows(&self, ctx: &Ctx) -> Vec<Row> {
        let live = ctx.live_entry();
        let mut rows: Vec<Row> = ctx
            .roster
            .iter()
            .map(|row| match (&live, row) {
                (Some(now), Row::Person(e)) if e.id == now.id => Row::Person(now.clone()),
                _ => row.clone(),
            })
            .collect();
        if let Some(now) = live
            && !rows.iter().any(|r| r.id() == now.id)
        {
            rows.push(Row::Person(now));
        }
        let filter = self.filter();
        rows.retain(|r| roster::matches(r, &filter));
        roster::order(&mut rows, self.sort);
        rows
    }

    pub fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Went {
        if let Some(field) = &mut self.typing {
            match ctx.keymap.action("coaching-filter", FILTER_KEYS, key) {
                Some(FilterAction::Keep) => {
                    self.filter = field.value();
                    self.typing = None;
                }
                Some(FilterAction::Clear) => {
                    self.filter.clear();
                    self.typing = None;
                }
                None => {
                    if field.handle(key) == Edit::Changed {
                        self.cursor = 0;
                    }
                }
            }
            return Went::Handled;
        }
        let rows = self.rows(ctx);
        if let Some(step) = ctx.keymap.action(SCOPE, list::CURSOR_KEYS, key) {
            self.cursor = list::step(self.cursor, rows.len(), step, list::page(ctx.body));
            return Went::Handled;
        }
        let Some(action) = ctx.keymap.action(SCOPE, KEYS, key) else {
            return Went::Ignored;
        };
        match action {
            Action::Open => match rows.get(self.cursor) {
                Some(Row::Person(e)) => {
                    ctx.open_profile(e.id.clone());
                    return Went::To(Focus::Sessions);
                }
                Some(Row::Unreadable { id, why }) => {
                    ctx.complain(format!("{id} cannot be opened: {}", text::one_line(why)))
                }
                None => {}
            },
            Action::Sort => {
                self.sort = self.sort.next();
                ctx.say(format!("roster by {}", self.sort.name()));
            }
            Action::Filter => self.typing = Some(TextField::new(&self.filter, false)),
            Action::Sessions if ctx.profile().is_some() => return Went::To(Focus::Sessions),
            Action::Sessions => {}
        }
        Went::Handled
    }

    pub fn paste(&mut self, pasted: &str) -> bool {
        match &mut self.typing {
            Some(field) => {
                field.paste(pasted);
                self.cursor = 0;
                true
            }
            None => false,
        }
    }

    pub fn mouse(&mut self, ctx: &mut Ctx, mouse: &MouseEvent) -> Went {
        let Some(step) = list::wheel(mouse) else {
            return Went::Ignored;
        };
        let rows = self.rows(ctx).len();
        self.cursor = list::step(self.cursor, rows, step, 1);
        Went::Handled
    }

    /// The filter being typed is kept when the tab goes out of view.
    pub fn leave(&mut self) {
        if let Some(field) = self.typing.take() {
            self.filter = field.value();
        }
    }

    pub fn refresh(&mut self, ctx: &Ctx) {
        let rows = self.rows(ctx);
        let open = ctx.profile().map(|p| p.id.clone());
        if open.is_some() && open != self.placed_for && ctx.roster_read {
            if let Some(at) = rows.iter().position(|r| Some(r.id()) == open.as_deref()) {
                self.cursor = at;
            }
            self.placed_for = open;
        }
        self.cursor = self.cursor.min(rows.len().saturating_sub(1));
    }

    pub fn draw(&self, ctx: &Ctx, buf: &mut Buffer, area: Rect, focused: bool) {
        let theme = ctx.theme;
        let rows = self.rows(ctx);
        let people = rows.iter().filter(|r| matches!(r, Row::Person(_))).count();
        let people = if people == 1 {
            "1 person".to_string()
        } else {
            format!("{people} people")
        };
        let mut title = format!("Roster · {people} · by {}", self.sort.name());
        if !self.filter().is_empty() {
            title.push_str(&format!(" · “{}”", text::one_line(&self.filter())));
        }
        if ctx.roster_loading() || !ctx.roster_read {
            title.push_str(" · reading…");
        }
        let style = if focused {
            theme.heading()
        } else {
            Style::default()
        };
        frame(buf, area, &title, style);
        let mut inner = padded(area);
        if let Some(field) = &self.typing {
            put(
                buf,
                inner,
                i64::from(inner.x),
                i64::from(inner.y),
                "/ ",
                theme.heading(),
            );
            field.draw(
                buf,
                Rect::new(inner.x + 2, inner.y, inner.width.saturating_sub(2), 1),
            );
            inner.y = inner.y.saturating_add(1);
            inner.height = inner.height.saturating_sub(1);
        }
        let width = inner.width as usize;
        let columns = Columns::for_width(width);
        let open = ctx.profile().map(|p| p.id.as_str());
        let today = ctx.today();
        let mut lines = vec![Line::new(columns.header(), theme.muted())];
        if rows.is_empty() {
            let hint = if !self.filter().is_empty() {
                "nobody matches the filter — Esc or / to change it"
            } else if ctx.roster_read {
                "no profiles yet — `rungs profile new NAME --role ROLE` makes one per person"
            } else {
                "reading the profiles…"
            };
            lines.push(Line::new(hint, theme.muted()));
        }
        let cursor = self.cursor.min(rows.len().saturating_sub(1));
        for (i, row) in rows.iter().enumerate() {
            let (text, style) = match row {
                Row::Person(e) => {
                    let is_open = open == Some(e.id.as_str());
                    let style = if is_open {
                        theme.current()
                    } else {
                        Style::default()
                    };
                    (columns.line(e, is_open, today), style)
                }
                Row::Unreadable { id, why } => (
                    format!("✗ {id} — cannot be read: {}", text::one_line(why)),
                    theme.warning(),
                ),
            };
            lines.push(Line::new(text, style).at_cursor(focused && i == cursor));
        }
        list::draw(buf, inner, &lines, theme);
    }
}

/// The roster's columns for a width: which show and how wide.
struct Columns {
    name: usize,
    /// A ten-cell gauge before the percentage.
    gauge: bool,
    last: usize,
    /// Current → target role, when there is room.
    roles: usize,
}

impl Columns {
    const LATE: usize = 5;
    const OPEN: usize = 4;

    /// The readiness column's width: a gauge and a percentage, or the percentage.
    fn readiness(gauge: bool) -> usize {
        if gauge { 15 } else { 5 }
    }

    fn for_width(width: usize) -> Columns {
        let fixed = |name: usize, gauge: bool, last: usize| {
            2 + name + 1 + Self::readiness(gauge) + 1 + Self::LATE + 1 + Self::OPEN + 1 + last
        };
        let (name, gauge, last) = [(18, true, 12), (16, false, 12), (12, false, 9)]
            .into_iter()
            .find(|&(n, g, l)| fixed(n, g, l) <= width)
            .unwrap_or((10, false, 0));
        let used = fixed(name, gauge, last);
        let roles = width.saturating_sub(used + 1);
        Columns {
            name,
            gauge,
            last,
            roles: if roles >= 12 { roles } else { 0 },
        }
    }

    fn header(&self) -> String {
        let mut line = format!(
            "  {} {} {} {}",
            text::fit("person", self.name),
            text::fit(
                if self.gauge { "readiness" } else { "ready" },
                Self::readiness(self.gauge)
            ),
            text::fit(" late", Self::LATE),
            text::fit("open", Self::OPEN),
        );
        if self.last > 0 {
            line.push_str(&format!(" {}", text::fit("last 1:1", self.last)));
        }
        if self.roles > 0 {
            line.push_str(" now → target");
        }
        line
    }

    fn line(&self, e: &Entry, is_open: bool, today: Date) -> String {
        let readiness = match e.readiness {
            Some(r) if self.gauge => format!("{} {:>3}%", r.gauge(10), r.percent()),
            Some(r) => format!("{:>4}%", r.percent()),
            None => "—".to_string(),
        };
        let late = if e.overdue > 0 {
            format!("⚠ {}", e.overdue)
        } else {
            "  ·".to_string()
        };
        let open = if e.open_actions > 0 {
            e.open_actions.to_string()
        } else {
            "·".to_string()
        };
        let mut line = format!(
            "{} {} {} {} {}",
            if is_open { "●" } else { " " },
            text::fit(&e.name, self.name),
            text::fit(&readiness, Self::readiness(self.gauge)),
            text::fit(&late, Self::LATE),
            text::fit(&open, Self::OPEN),
        );
        if self.last > 0 {
            let last = e
                .last_session
                .map_or_else(|| "never".to_string(), |d| d.relative_to(today));
            line.push_str(&format!(" {}", text::fit(&last, self.last)));
        }
        if self.roles > 0 {
            let target = e
                .target_title
                .as_deref()
                .map(|t| format!(" → {t}"))
                .unwrap_or_default();
            line.push_str(&format!(
                " {}",
                text::truncate(&format!("{}{target}", e.current_title), self.roles)
            ));
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_the_width_and_drop_the_least_needed_first() {
        for width in [20, 40, 56, 76, 116] {
            let c = Columns::for_width(width);
            assert!(
                text::width(&c.header()) <= width.max(40),
                "{width}: {}",
                c.header()
            );
        }
        assert!(Columns::for_width(116).gauge);
        assert!(Columns::for_width(116).roles > 0);
        assert!(!Columns::for_width(56).gauge);
    }
}
