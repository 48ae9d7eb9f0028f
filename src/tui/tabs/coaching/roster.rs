//! The roster pane: every profile in the data folder, with readiness for the next level,
//! overdue milestones, open action items and the last 1:1. Sorted with `o`, filtered with `/`;
//! Enter opens a person (the current profile is saved first). The rows come from the context,
//! which reads them on a worker thread; the open profile's row is drawn as it is in memory.
//! The manager's own profile (the config's `me`) comes first, apart from the reports.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, MouseEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Text;
use ratatui::widgets::{
    Cell, Paragraph, Row as TableRow, StatefulWidget, Table, TableState, Widget, Wrap,
};

use super::went::{Focus, Went};
use crate::date::Date;
use crate::profile::roster::{self, Entry, Row, Sort};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::theme::Theme;
use crate::tui::widgets::field::{Edit, TextField};
use crate::tui::widgets::list;
use crate::tui::widgets::{line, pane, scrollbar};

#[derive(Debug, Default)]
pub struct RosterPane {
    cursor: usize,
    /// The person the cursor was put on: it stays on them when the order changes (a tick, a
    /// sort, the roster read again), so Enter and n act on the person highlighted.
    on: Option<String>,
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
    Start,
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
        "start",
        &[C('n')],
        Action::Start,
        "open this person and today's 1:1 (started if none)",
        Footer::Word("1:1"),
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
        let [list, filtering] = self.help(keymap);
        self.typing.as_ref().map_or(list, |_| filtering)
    }

    pub fn help(&self, keymap: &Keymap) -> [KeySection; 2] {
        [
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

    /// Whether a filter is being typed (keys are letters then).
    pub fn typing(&self) -> bool {
        self.typing.is_some()
    }

    fn filter(&self) -> String {
        self.typing
            .as_ref()
            .map_or_else(|| self.filter.clone(), TextField::value)
    }

    /// The rows shown: the roster as read, the open profile as it is now, filtered; the
    /// manager's own first (`true` when it is there, named "you: …"), then the reports sorted.
    fn rows(&self, ctx: &Ctx) -> (Vec<Row>, bool) {
        let mut rows = ctx.roster.clone();
        if let Some(now) = ctx.live_entry() {
            match rows.iter_mut().find(|r| r.id() == now.id) {
                Some(Row::Person(e)) => *e = now,
                Some(Row::Unreadable { .. }) => {}
                None => rows.push(Row::Person(now)),
            }
        }
        if ctx.share_safe {
            // The screen is shared with one person: nobody else's name, figures or count.
            let open = ctx.profile().map(|p| p.id.as_str());
            rows.retain(|r| Some(r.id()) == open);
        }
        let filter = self.filter();
        rows.retain(|r| roster::matches(r, &filter));
        let mut team = roster::team(rows, ctx.me.as_deref());
        if let Some(Row::Person(me)) = &mut team.me {
            me.name = format!("you: {}", me.name);
        }
        roster::order(&mut team.reports, self.sort);
        let mine = team.me.is_some();
        (team.me.into_iter().chain(team.reports).collect(), mine)
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
                        self.on = None;
                    }
                }
            }
            return Went::Handled;
        }
        let (rows, _) = self.rows(ctx);
        if let Some(step) = ctx.keymap.action(SCOPE, list::CURSOR_KEYS, key) {
            let at = list::step(self.at(&rows), rows.len(), step, list::page(ctx.body));
            self.put(&rows, at);
            return Went::Handled;
        }
        let Some(action) = ctx.keymap.action(SCOPE, KEYS, key) else {
            return Went::Ignored;
        };
        match action {
            Action::Open | Action::Start => match rows.get(self.at(&rows)) {
                Some(Row::Person(e)) => {
                    ctx.open_profile(e.id.clone());
                    return match action {
                        Action::Start => Went::StartFor(e.id.clone()),
                        _ => Went::To(Focus::Sessions),
                    };
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
                self.on = None;
                true
            }
            None => false,
        }
    }

    pub fn mouse(&mut self, ctx: &mut Ctx, mouse: &MouseEvent) -> Went {
        let Some(step) = list::wheel(mouse) else {
            return Went::Ignored;
        };
        let (rows, _) = self.rows(ctx);
        let at = list::step(self.at(&rows), rows.len(), step, 1);
        self.put(&rows, at);
        Went::Handled
    }

    /// Where the cursor is in `rows`: on the person it was put on, wherever they moved.
    fn at(&self, rows: &[Row]) -> usize {
        self.on
            .as_deref()
            .and_then(|id| rows.iter().position(|r| r.id() == id))
            .unwrap_or(self.cursor)
            .min(rows.len().saturating_sub(1))
    }

    fn put(&mut self, rows: &[Row], at: usize) {
        self.cursor = at;
        self.on = rows.get(at).map(|r| r.id().to_string());
    }

    /// The filter being typed is kept when the tab goes out of view.
    pub fn leave(&mut self) {
        if let Some(field) = self.typing.take() {
            self.filter = field.value();
        }
    }

    pub fn refresh(&mut self, ctx: &Ctx) {
        let (rows, _) = self.rows(ctx);
        let open = ctx.profile().map(|p| p.id.clone());
        if open.is_some() && open != self.placed_for && ctx.roster_read {
            if let Some(at) = rows.iter().position(|r| Some(r.id()) == open.as_deref()) {
                self.put(&rows, at);
            }
            self.placed_for = open;
        }
        self.cursor = self.at(&rows);
    }

    pub fn draw(&self, ctx: &Ctx, buf: &mut Buffer, area: Rect, focused: bool) {
        let theme = ctx.theme;
        let (rows, mine) = self.rows(ctx);
        // With `me` set, the others are reports: the manager's own row is not one of them.
        let counted = rows[usize::from(mine)..].iter();
        let counted = counted.filter(|r| matches!(r, Row::Person(_))).count();
        let people = match counted {
            _ if ctx.me.is_some() => text::count(counted, "report"),
            1 => "1 person".to_string(),
            _ => format!("{counted} people"),
        };
        let mut title = if ctx.share_safe {
            "Roster · share-safe: the others are hidden".to_string()
        } else {
            format!("Roster · {people} · by {}", self.sort.name())
        };
        if !self.filter().is_empty() {
            title.push_str(&format!(" · “{}”", self.filter()));
        }
        if ctx.roster_loading() || !ctx.roster_read {
            title.push_str(" · reading…");
        }
        let style = if focused {
            theme.heading()
        } else {
            Style::default()
        };
        let block = pane(&title, style);
        let typing = u16::from(self.typing.is_some());
        let [typed, inner] = Layout::vertical([Constraint::Length(typing), Constraint::Fill(1)])
            .areas(block.inner(area));
        block.render(area, buf);
        if let Some(field) = &self.typing {
            let [slash, typed] =
                Layout::horizontal([Constraint::Length(2), Constraint::Fill(1)]).areas(typed);
            line("/ ", theme.heading()).render(slash, buf);
            field.draw(buf, typed);
        }
        let columns = Columns::for_width(inner.width, &rows);
        let open = ctx.profile().map(|p| p.id.as_str());
        let today = ctx.today();
        // The manager's own row stands apart from the reports, a blank line below it.
        let apart = |i: usize| usize::from(mine && i == 0);
        let table_rows: Vec<TableRow> = rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                match row {
                    Row::Person(e) => {
                        columns.row(e, open == Some(e.id.as_str()), apart(i) == 1, today, theme)
                    }
                    Row::Unreadable { id, why } => columns.unreadable(id, why, theme),
                }
                .bottom_margin(apart(i) as u16)
            })
            .collect();
        let heights: Vec<usize> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| columns.height(r) + apart(i))
            .collect();
        let cursor = self.at(&rows);
        let mut state = TableState::default().with_selected(focused.then_some(cursor));
        StatefulWidget::render(
            Table::new(table_rows, columns.widths())
                .header(columns.header().style(theme.muted()))
                .row_highlight_style(theme.selected()),
            inner,
            buf,
            &mut state,
        );
        if rows.is_empty() {
            let hint = if ctx.share_safe {
                "share-safe: only the person open shows — s shows the team again"
            } else if !self.filter().is_empty() {
                "nobody matches the filter — Esc or / to change it"
            } else if ctx.roster_read {
                "no profiles yet — `rungs profile new NAME --role ROLE` makes one per person"
            } else {
                "reading the profiles…"
            };
            let [_, below] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
            Paragraph::new(line(hint, theme.muted()))
                .wrap(Wrap { trim: true })
                .render(below, buf);
        }
        let total: usize = heights.iter().sum();
        let before: usize = heights.iter().take(state.offset()).sum();
        scrollbar(buf, area, total + 1, before, usize::from(inner.height));
    }
}

/// The roster's columns for a width: the person and their readiness always; then, while there
/// is room and in this order, overdue milestones, now → target (never cut: it wraps at the
/// arrow), open action items, the last 1:1 and a readiness gauge.
struct Columns {
    name: u16,
    late: bool,
    roles: u16,
    open: bool,
    last: bool,
    gauge: bool,
}

impl Columns {
    const MARK: u16 = 1;
    const READY: u16 = 5;
    const LATE: u16 = 4;
    const OPEN: u16 = 4;
    const LAST: u16 = 11;
    const GAUGE: u16 = 10;

    fn for_width(width: u16, rows: &[Row]) -> Columns {
        let widest = |f: &dyn Fn(&Entry) -> usize| {
            rows.iter()
                .filter_map(|r| match r {
                    Row::Person(e) => Some(f(e)),
                    Row::Unreadable { .. } => None,
                })
                .max()
                .unwrap_or(0)
        };
        let name = text::cells(widest(&|e| text::width(&e.name)).max(6)).min(20);
        // A title is never broken: the column is at least as wide as the widest one.
        let title = text::cells(widest(&|e| {
            (text::width(&e.current_title) + 2)
                .max(e.target_title.as_deref().map_or(0, text::width))
        }))
        .max(12);
        let mut used = Self::MARK + 1 + name + 1 + Self::READY;
        let mut take = |w: u16| {
            let fits = used + 1 + w <= width;
            if fits {
                used += 1 + w;
            }
            fits
        };
        let late = take(Self::LATE);
        let roles = take(title);
        let open = take(Self::OPEN);
        let last = take(Self::LAST);
        let gauge = take(Self::GAUGE);
        let roles = if roles { title + width - used } else { 0 };
        Columns {
            name,
            late,
            roles,
            open,
            last,
            gauge,
        }
    }

    fn widths(&self) -> Vec<Constraint> {
        let fixed = [Self::MARK, self.name, Self::READY];
        let optional = [Self::GAUGE, Self::LATE, Self::OPEN, Self::LAST, self.roles];
        self.cells(fixed, optional)
            .into_iter()
            .map(Constraint::Length)
            .collect()
    }

    /// The cells (or widths) of a row, in column order, the optional ones where they show:
    /// gauge, overdue, open actions, last 1:1, roles.
    fn cells<T>(&self, fixed: [T; 3], optional: [T; 5]) -> Vec<T> {
        let shown = [self.gauge, self.late, self.open, self.last, self.roles > 0];
        let optional = optional.into_iter().zip(shown).filter(|(_, shown)| *shown);
        fixed
            .into_iter()
            .chain(optional.map(|(cell, _)| cell))
            .collect()
    }

    fn header(&self) -> TableRow<'static> {
        let word = |w: &str| Cell::from(line(w, Style::default()));
        TableRow::new(self.cells(
            [word(""), word("person"), word("ready")],
            [
                word(""),
                word("late"),
                word("open"),
                word("last 1:1"),
                word("now → target"),
            ],
        ))
    }

    /// Current → target role as the column shows it: on one line when it fits, else broken
    /// after the arrow, each title whole.
    fn roles_lines(&self, e: &Entry) -> Vec<String> {
        let width = usize::from(self.roles).max(1);
        let Some(target) = &e.target_title else {
            return text::wrap_hyphenated(&e.current_title, width, usize::MAX);
        };
        let whole = format!("{} → {target}", e.current_title);
        if text::width(&whole) <= width {
            return vec![whole];
        }
        let mut lines = text::wrap_hyphenated(&format!("{} →", e.current_title), width, usize::MAX);
        lines.extend(text::wrap_hyphenated(target, width, usize::MAX));
        lines
    }

    fn height(&self, row: &Row) -> usize {
        match row {
            Row::Person(e) if self.roles > 0 => self.roles_lines(e).len().max(1),
            _ => 1,
        }
    }

    /// A person's row; `me` is the manager's own: no "never" for 1:1s with themselves.
    fn row(
        &self,
        e: &Entry,
        is_open: bool,
        me: bool,
        today: Date,
        theme: Theme,
    ) -> TableRow<'static> {
        let style = if is_open {
            theme.current()
        } else {
            Style::default()
        };
        let word = |w: &str| Cell::from(line(w, style));
        let readiness = e
            .readiness
            .map_or("—".to_string(), |r| format!("{:>4}%", r.percent()));
        // The gauge `rungs roster` prints: it never disagrees with the percentage.
        let gauge = e.readiness.map(|r| r.gauge(usize::from(Self::GAUGE)));
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
        let never = if me { "—" } else { "never" };
        let last = e
            .last_session
            .map_or_else(|| never.to_string(), |d| d.relative_to(today));
        let roles = self.roles_lines(e);
        let height = text::cells(roles.len().max(1));
        let roles = Cell::from(Text::from(
            roles.iter().map(|l| line(l, style)).collect::<Vec<_>>(),
        ));
        TableRow::new(self.cells(
            [
                word(if is_open { "●" } else { " " }),
                word(&text::fit(&e.name, usize::from(self.name))),
                word(&readiness),
            ],
            [
                word(&gauge.unwrap_or_default()),
                word(&late),
                word(&open),
                word(&last),
                roles,
            ],
        ))
        .height(height)
    }

    fn unreadable(&self, id: &str, why: &str, theme: Theme) -> TableRow<'static> {
        let style = theme.warning();
        let word = |w: &str| Cell::from(line(w, style));
        let why = format!("cannot be read: {why}");
        let (name, why) = if self.roles > 0 {
            (id.to_string(), why)
        } else {
            (format!("{id} — {why}"), String::new())
        };
        TableRow::new(self.cells(
            [
                word("✗"),
                word(&text::fit(&name, usize::from(self.name))),
                word(""),
            ],
            [word(""), word(""), word(""), word(""), word(&why)],
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, now: &str, target: Option<&str>) -> Row {
        Row::Person(Entry {
            id: text::id_of_name(name),
            name: name.into(),
            current_title: now.into(),
            target_title: target.map(str::to_string),
            next_level: None,
            readiness: None,
            overdue: 0,
            open_actions: 0,
            their_topics: 0,
            last_session: None,
        })
    }

    #[test]
    fn columns_fit_the_width_drop_by_priority_and_never_cut_a_title() {
        let rows = [
            entry(
                "Sam Okafor",
                "Security analyst",
                Some("Chief Information Officer"),
            ),
            entry("Lee Chen", "Data analyst", None),
        ];
        for width in [20, 40, 56, 68, 76, 116] {
            let c = Columns::for_width(width, &rows);
            let total: u16 = c
                .widths()
                .iter()
                .map(|w| match w {
                    Constraint::Length(n) => n + 1,
                    _ => 1,
                })
                .sum();
            assert!(total - 1 <= width.max(18), "{width}: {total}");
            if c.roles > 0 {
                assert!(c.roles >= 25, "{width}: the widest title fits whole");
                let Row::Person(sam) = &rows[0] else {
                    unreachable!()
                };
                assert_eq!(
                    c.roles_lines(sam).join(" "),
                    "Security analyst → Chief Information Officer"
                );
            }
        }
        let wide = Columns::for_width(116, &rows);
        assert!(wide.gauge && wide.last && wide.open && wide.late && wide.roles > 0);
        // At 80 columns the gauge goes first; the roles stay.
        let eighty = Columns::for_width(76, &rows);
        assert!(!eighty.gauge && eighty.roles > 0 && eighty.last);
        let narrow = Columns::for_width(36, &rows);
        assert!(narrow.late && !narrow.last);
    }
}
