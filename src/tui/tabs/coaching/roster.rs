//! The roster pane: every profile in the data folder, with readiness for the next level,
//! overdue milestones, open action items and the last 1:1. Sorted with `o`, filtered with `/`;
//! Enter opens a person (the current profile is saved first). The rows come from the context,
//! which reads them on a worker thread; the open profile's row is drawn as it is in memory.
//! The manager's own profile (the config's `me`) comes first, apart from the reports.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Text;
use ratatui::widgets::{Cell, Row as TableRow, StatefulWidget, Table, TableState};

use super::went::{Focus, Went};
use crate::date::Date;
use crate::profile::roster::{self, Entry, Row, Sort};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::theme::Theme;
use crate::tui::widgets::field::{Edit, TextField};
use crate::tui::widgets::list::{self, Step};
use crate::tui::widgets::{framed, line, pane, scrollbar};
use crate::tui::widgets::{hint, typed, when};

#[derive(Debug, Default)]
pub struct RosterPane {
    cursor: usize,
    /// The person the cursor was put on: it stays on them when the order changes (a tick, a
    /// sort, the roster read again), so Enter and n act on the person highlighted.
    on: Option<String>,
    sort: Sort,
    /// The filter, kept (with its caret) when typing it ends; `None` when cleared.
    filter: Option<TextField>,
    /// Whether the filter is being typed (keys are letters then).
    typing: bool,
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
        if self.typing { filtering } else { list }
    }

    pub fn help(&self, keymap: &Keymap) -> [KeySection; 2] {
        [
            list::keys(keymap, "Coaching: roster", SCOPE, KEYS),
            keymap.section(
                "Coaching: filtering the roster (after /)",
                "coaching-filter",
                FILTER_KEYS,
            ),
        ]
    }

    /// Whether a filter is being typed (keys are letters then).
    pub fn typing(&self) -> bool {
        self.typing
    }

    fn filter(&self) -> String {
        self.filter
            .as_ref()
            .map_or_else(String::new, TextField::value)
    }

    /// The rows shown: the roster as read, the open profile as it is now, filtered; the
    /// manager's own first (`true` when it is there, named "you: …"), then the reports sorted.
    fn rows(&self, ctx: &Ctx) -> (Vec<Row>, bool) {
        let mut rows = ctx.roster.clone().unwrap_or_default();
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
        if let Some(field) = self.filter.as_mut().filter(|_| self.typing) {
            match ctx.keymap.action("coaching-filter", FILTER_KEYS, key) {
                Some(FilterAction::Keep) => self.typing = false,
                Some(FilterAction::Clear) => (self.filter, self.typing) = (None, false),
                None => {
                    if field.handle(key) == Edit::Changed {
                        self.cursor = 0;
                        self.on = None;
                    }
                }
            }
            return Went::Handled;
        }
        if let Some(step) = ctx.keymap.action(SCOPE, list::CURSOR_KEYS, key) {
            self.step(ctx, step, list::page(ctx.body));
            return Went::Handled;
        }
        let (rows, _) = self.rows(ctx);
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
            Action::Filter => {
                self.filter.get_or_insert_with(|| TextField::new("", false));
                self.typing = true;
            }
            Action::Sessions if ctx.profile().is_some() => return Went::To(Focus::Sessions),
            Action::Sessions => {}
        }
        Went::Handled
    }

    pub fn paste(&mut self, pasted: &str) -> Went {
        let Some(field) = self.filter.as_mut().filter(|_| self.typing) else {
            return Went::Ignored;
        };
        field.paste(pasted);
        self.cursor = 0;
        self.on = None;
        Went::Handled
    }

    /// Moves the cursor `step`, `page` rows a page.
    pub fn step(&mut self, ctx: &Ctx, step: Step, page: usize) {
        let (rows, _) = self.rows(ctx);
        let at = list::step(self.at(&rows), rows.len(), step, page);
        self.put(&rows, at);
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
        self.typing = false;
    }

    pub fn refresh(&mut self, ctx: &Ctx) {
        let (rows, _) = self.rows(ctx);
        let open = ctx.profile().map(|p| p.id.clone());
        if open.is_some() && open != self.placed_for && ctx.roster.is_some() {
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
        let noun = if ctx.me.is_some() { "report" } else { "person" };
        let people = text::count(counted, noun);
        let mut title = if ctx.share_safe {
            "Roster · share-safe: the others are hidden".to_string()
        } else {
            format!("Roster · {people} · by {}", self.sort.name())
        };
        if !self.filter().is_empty() {
            title.push_str(&format!(" · “{}”", self.filter()));
        }
        if ctx.roster_loading() || ctx.roster.is_none() {
            title.push_str(" · reading…");
        }
        let inner = framed(buf, area, pane(&title, when(focused, theme.heading())));
        let typing = u16::from(self.typing);
        let [top, inner] =
            Layout::vertical([Constraint::Length(typing), Constraint::Fill(1)]).areas(inner);
        if let Some(field) = self.filter.as_ref().filter(|_| self.typing) {
            typed(buf, top, field, theme);
        }
        let columns = Columns::for_width(inner.width, &rows);
        let open = ctx.profile().map(|p| p.id.as_str());
        let today = ctx.today();
        // The manager's own row stands apart from the reports, a blank line below it.
        let apart = |i: usize| mine && i == 0;
        let mut heights = Vec::new();
        let table_rows: Vec<TableRow> = rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let height = columns.height(row);
                heights.push(height + usize::from(apart(i)));
                match row {
                    Row::Person(e) => {
                        columns.row(e, open == Some(e.id.as_str()), apart(i), today, theme)
                    }
                    Row::Unreadable { id, why } => columns.unreadable(id, why, theme),
                }
                .height(text::cells(height))
                .bottom_margin(u16::from(apart(i)))
            })
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
            let why = if ctx.share_safe {
                "share-safe: only the person open shows — s shows the team again"
            } else if self.typing {
                "nobody matches — Esc clears the filter"
            } else if !self.filter().is_empty() {
                "nobody matches the filter — / changes it, Esc there clears it"
            } else if ctx.roster.is_some() {
                "no profiles yet — `rungs profile new NAME --role ROLE` makes one per person"
            } else {
                "reading the profiles…"
            };
            let [_, below] =
                Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
            hint(buf, below, why, theme);
        }
        let total: usize = heights.iter().sum();
        let before: usize = heights.iter().take(state.offset()).sum();
        scrollbar(buf, area, total + 1, before, usize::from(inner.height));
    }
}

/// The roster's columns, in the order they show.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Col {
    Mark,
    Name,
    Ready,
    Gauge,
    Late,
    Open,
    Last,
    Roles,
}

/// The roster's columns for a width, each with its width: the person and their readiness
/// always; then, while there is room and in this order, overdue milestones, now → target (never
/// cut: it wraps at the arrow), open action items, the last 1:1 and a readiness gauge.
struct Columns(Vec<(Col, u16)>);

impl Columns {
    fn for_width(width: u16, rows: &[Row]) -> Columns {
        let people: Vec<&Entry> = rows
            .iter()
            .filter_map(|r| match r {
                Row::Person(e) => Some(e),
                Row::Unreadable { .. } => None,
            })
            .collect();
        let widest =
            |f: fn(&Entry) -> usize| text::cells(people.iter().map(|e| f(e)).max().unwrap_or(0));
        let name = widest(|e| text::width(&e.name)).clamp(6, 20);
        // A title is never broken: the column is at least as wide as the widest one.
        let title = widest(|e| {
            (text::width(&e.current_title) + 2)
                .max(e.target_title.as_deref().map_or(0, text::width))
        })
        .max(12);
        let mut shown = vec![(Col::Mark, 1), (Col::Name, name), (Col::Ready, 5)];
        let mut used = 1 + 1 + name + 1 + 5;
        let optional = [
            (Col::Late, 4),
            (Col::Roles, title),
            (Col::Open, 4),
            (Col::Last, 11),
            (Col::Gauge, 10),
        ];
        for (col, w) in optional {
            if used + 1 + w <= width {
                used += 1 + w;
                shown.push((col, w));
            }
        }
        // now → target takes the room left.
        if let Some((_, w)) = shown.iter_mut().find(|(col, _)| *col == Col::Roles) {
            *w += width - used;
        }
        shown.sort();
        Columns(shown)
    }

    /// The width of `col`; 0 when it does not show.
    fn width(&self, col: Col) -> u16 {
        self.0
            .iter()
            .find(|(c, _)| *c == col)
            .map_or(0, |&(_, w)| w)
    }

    fn widths(&self) -> Vec<Constraint> {
        self.0.iter().map(|&(_, w)| Constraint::Length(w)).collect()
    }

    fn header(&self) -> TableRow<'static> {
        TableRow::new(self.0.iter().map(|(col, _)| match col {
            Col::Name => "person",
            Col::Ready => "ready",
            Col::Late => "late",
            Col::Open => "open",
            Col::Last => "last 1:1",
            Col::Roles => "now → target",
            Col::Mark | Col::Gauge => "",
        }))
    }

    /// Current → target role as the column shows it: on one line when it fits, else broken
    /// after the arrow, each title whole.
    fn roles_lines(&self, e: &Entry) -> Vec<String> {
        let width = usize::from(self.width(Col::Roles)).max(1);
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
            Row::Person(e) if self.width(Col::Roles) > 0 => self.roles_lines(e).len().max(1),
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
        let style = when(is_open, theme.current());
        let cells = self.0.iter().map(|&(col, width)| {
            let word = match col {
                Col::Mark if is_open => "●".to_string(),
                Col::Mark => " ".to_string(),
                Col::Name => text::fit(&e.name, usize::from(width)),
                Col::Ready => e
                    .readiness
                    .map_or("—".to_string(), |r| format!("{:>4}%", r.percent())),
                // The gauge `rungs roster` prints: it never disagrees with the percentage.
                Col::Gauge => e
                    .readiness
                    .map(|r| r.gauge(usize::from(width)))
                    .unwrap_or_default(),
                Col::Late if e.overdue > 0 => format!("⚠ {}", e.overdue),
                Col::Late => "  ·".to_string(),
                Col::Open if e.open_actions > 0 => e.open_actions.to_string(),
                Col::Open => "·".to_string(),
                Col::Last => e.last_session.map_or_else(
                    || if me { "—" } else { "never" }.to_string(),
                    |d| d.relative_to(today),
                ),
                Col::Roles => {
                    let roles = self.roles_lines(e).into_iter().map(|l| line(&l, style));
                    return Cell::from(Text::from_iter(roles));
                }
            };
            Cell::from(line(&word, style))
        });
        TableRow::new(cells)
    }

    /// A profile that cannot be read: why, in the roles column, or after its id without one.
    fn unreadable(&self, id: &str, why: &str, theme: Theme) -> TableRow<'static> {
        let why = format!("cannot be read: {why}");
        let name = match self.width(Col::Roles) {
            0 => format!("{id} — {why}"),
            _ => id.to_string(),
        };
        TableRow::new(self.0.iter().map(|&(col, width)| {
            let word = match col {
                Col::Mark => "✗".to_string(),
                Col::Name => text::fit(&name, usize::from(width)),
                Col::Roles => text::truncate(&why, usize::from(width)),
                _ => String::new(),
            };
            Cell::from(line(&word, theme.warning()))
        }))
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
            let total: u16 = c.0.iter().map(|(_, w)| w + 1).sum();
            assert!(total - 1 <= width.max(18), "{width}: {total}");
            if c.width(Col::Roles) > 0 {
                assert!(
                    c.width(Col::Roles) >= 25,
                    "{width}: the widest title fits whole"
                );
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
        let all = [Col::Gauge, Col::Last, Col::Open, Col::Late, Col::Roles];
        assert!(all.iter().all(|&col| wide.width(col) > 0));
        // At 80 columns the gauge goes first; the roles stay.
        let eighty = Columns::for_width(76, &rows);
        let [gauge, roles, last] = [Col::Gauge, Col::Roles, Col::Last].map(|c| eighty.width(c));
        assert!(gauge == 0 && roles > 0 && last > 0);
        let narrow = Columns::for_width(36, &rows);
        assert!(narrow.width(Col::Late) > 0 && narrow.width(Col::Last) == 0);
    }
}
