//! The Team view of the Coaching tab, opened with `b` from the roster: the bench (every role a
//! plan or target passes through, with who could fill it, banded ready now / 1–2 years / 3+
//! years, and flags for no or one successor) and team coverage (reports × competencies, shared
//! gaps marked). Both are worked out by the domain ([`bench::bench`], [`team::coverage`]) when
//! the view opens; this module only draws them. It shows other people, so share-safe hides it.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Text;
use ratatui::widgets::{Cell, Row, Table, Widget};

use super::went::{Focus, Went};
use crate::profile::bench::{self, Band, Bench, Member};
use crate::profile::roster;
use crate::profile::team::{self, Coverage};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::theme::Theme;
use crate::tui::widgets::list::{self, Step};
use crate::tui::widgets::{framed, line, pane, scrollbar};
use crate::tui::widgets::{hint, when};

use Key::{Char as C, Code};

/// The key on the roster that opens the view, and what it says under share-safe.
const OPEN_KEYS: &[Binding<()>] = &[bind(
    "team",
    &[C('b')],
    (),
    "the team: who could fill which role, and coverage",
    Footer::Word("bench"),
)];

const OPEN_KEYS_HIDDEN: &[Binding<()>] = &[bind(
    "team",
    &[C('b')],
    (),
    "hidden under share-safe: the team shows others",
    Footer::Word("bench: hidden"),
)];

const OPEN_SCOPE: &str = "coaching-roster-team";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Back,
    Switch,
}

const KEYS: &[Binding<Action>] = &[
    bind(
        "switch",
        &[Code(KeyCode::Tab)],
        Action::Switch,
        "switch between the bench and team coverage",
        Footer::Word("bench/coverage"),
    ),
    bind(
        "back",
        &[Code(KeyCode::Esc)],
        Action::Back,
        "back to the roster",
        Footer::Word("back"),
    ),
];

const SCOPE: &str = "coaching-team";

/// The key that opens the view, as the roster's footer and the help show it.
pub fn open_keys(keymap: &Keymap, share_safe: bool) -> KeySection {
    let table = if share_safe {
        OPEN_KEYS_HIDDEN
    } else {
        OPEN_KEYS
    };
    keymap.section("Coaching: team (b on the roster)", OPEN_SCOPE, table)
}

/// Whether `key` asks for the view.
pub fn opens(keymap: &Keymap, key: &KeyEvent) -> bool {
    keymap.action(OPEN_SCOPE, OPEN_KEYS, key).is_some()
}

pub fn keys(keymap: &Keymap) -> KeySection {
    list::keys(keymap, "Coaching: team", SCOPE, KEYS)
}

pub struct TeamView {
    bench: Bench,
    /// The members coverage was worked out for (read in full, private notes never).
    covered: Vec<Member>,
    coverage: Vec<Coverage>,
    showing_coverage: bool,
    /// The first row shown.
    offset: usize,
    /// Profiles that could not be read, with why.
    unreadable: Vec<(String, String)>,
}

/// A row of the table, and how many lines it takes.
type Rows = Vec<(Row<'static>, usize)>;

/// The first row of the last scroll: the one from which the rows left fill `page` lines at most
/// (the last row alone, when it is taller).
fn last_start(rows: &Rows, page: usize) -> usize {
    let mut below = 0;
    let fit = rows.iter().rev().take_while(|(_, height)| {
        below += height;
        below <= page
    });
    rows.len().saturating_sub(fit.count().max(1))
}

/// The most lines a line of a cell wraps to (the last ends in "…" past it): a row stays short
/// enough to scroll past on the smallest screen.
const MOST_LINES: usize = 3;

/// `text` cleaned in a cell `width` columns wide, each of its lines wrapped (a word broken only
/// where it must, at a hyphenation point), and the lines it takes.
fn cell(text: &str, width: usize, style: Style) -> (Cell<'static>, usize) {
    let wrapped = text
        .lines()
        .flat_map(|l| text::wrap_hyphenated(l, width, MOST_LINES));
    let lines: Vec<_> = wrapped.map(|l| line(&l, style)).collect();
    let height = lines.len().max(1);
    (Cell::from(Text::from(lines)), height)
}

/// A row of `cells` as tall as the tallest.
fn row(cells: impl IntoIterator<Item = (Cell<'static>, usize)>) -> (Row<'static>, usize) {
    let (cells, heights): (Vec<_>, Vec<_>) = cells.into_iter().unzip();
    let height = heights.into_iter().max().unwrap_or(1);
    (Row::new(cells).height(text::cells(height)), height)
}

impl TeamView {
    /// Reads every profile of the data folder and works out the bench and coverage.
    pub fn load(ctx: &Ctx) -> TeamView {
        let store = ctx.sync.store();
        let (members, mut unreadable) = roster::members(store, store.dir());
        let covered = roster::read_whole(store, &members, &mut unreadable);
        TeamView {
            bench: bench::bench(members, &[], None, ctx.today()),
            coverage: team::coverage(&covered),
            covered,
            showing_coverage: false,
            offset: 0,
            unreadable,
        }
    }

    /// `Went::To` the roster closes the view.
    pub fn key(&mut self, ctx: &Ctx, key: &KeyEvent) -> Went {
        if let Some(step) = ctx.keymap.action(SCOPE, list::CURSOR_KEYS, key) {
            self.step(ctx, step);
            return Went::Handled;
        }
        match ctx.keymap.action(SCOPE, KEYS, key) {
            Some(Action::Back) => Went::To(Focus::Roster),
            Some(Action::Switch) => {
                self.showing_coverage = !self.showing_coverage;
                self.offset = 0;
                Went::Handled
            }
            None => Went::Ignored,
        }
    }

    /// Scrolls a row at a time (a page for PgUp and PgDn), never past the scroll that shows
    /// the last rows whole, so the way back up is as many presses as it looks.
    pub fn step(&mut self, ctx: &Ctx, step: Step) {
        let page = list::page(ctx.body);
        let last = last_start(&self.rows(ctx), page);
        self.offset = list::step(self.offset, last + 1, step, page);
    }

    /// Every row of the part showing, its cells wrapped to the columns they have in the view,
    /// then the profiles left out.
    fn rows(&self, ctx: &Ctx) -> Rows {
        let (theme, widths) = (ctx.theme, self.widths_in(ctx.body));
        let mut rows = match self.showing_coverage {
            true => self.coverage_rows(&widths, theme),
            false => self.bench_rows(&widths, theme),
        };
        // Why is `rungs roster`'s to say: a reason names a file, too long for a column here.
        for (id, _) in &self.unreadable {
            let left_out = format!("{id}: unreadable (see rungs roster)");
            rows.push(row([cell(&left_out, widths[0], theme.error())]));
        }
        rows
    }

    /// How wide each column of the part showing is in the view drawn over `body`, as the table
    /// lays them out (a column between two, the last left for the scrollbar).
    fn widths_in(&self, body: Rect) -> Vec<usize> {
        let (title, _, widths) = self.columns();
        let inner = pane(title, Style::default()).inner(body);
        let table = Rect::new(0, 0, inner.width.saturating_sub(1), 1);
        let columns = Layout::horizontal(widths).spacing(1).split(table);
        columns.iter().map(|c| usize::from(c.width)).collect()
    }

    fn bench_rows(&self, widths: &[usize], theme: Theme) -> Rows {
        let b = &self.bench;
        let name = |i: usize| text::one_line(&b.members[i].profile.name);
        let mut rows = Vec::new();
        if b.seats.is_empty() {
            let none = "no plan or target names a role yet";
            rows.push(row([cell(none, widths[0], theme.muted())]));
        }
        for seat in &b.seats {
            let title = text::one_line(&seat.ladder.role(seat.role).title);
            let count = text::count(seat.candidates.len(), "candidate");
            // A name a line, never broken: one cut short still reads as one person.
            let bands = Band::ALL.iter().zip(&widths[1..]).map(|(&band, &width)| {
                let who = seat
                    .in_band(band)
                    .map(|c| text::truncate(&name(c.member), width));
                let who: Vec<String> = who.collect();
                let who = if who.is_empty() {
                    "–".into()
                } else {
                    who.join("\n")
                };
                cell(&who, width, Style::default())
            });
            let flag = seat.flag().map(|f| format!("⚠ {}", f.words()));
            let flag = cell(&flag.unwrap_or_default(), widths[4], theme.warning());
            let role = cell(&format!("{title}\n{count}"), widths[0], Style::default());
            rows.push(row([role].into_iter().chain(bands).chain([flag])));
        }
        for behind in b.behind.iter().filter(|x| x.no_one()) {
            let m = &b.members[behind.member];
            let role = m.ladder.title_of(&m.profile.current_role);
            let who = format!("{role} ({})", name(behind.member));
            let cells = [who.as_str(), "", "", "", "⚠ no one behind"];
            rows.push(row(cells
                .iter()
                .zip(widths)
                .map(|(c, &w)| cell(c, w, theme.warning()))));
        }
        rows
    }

    fn coverage_rows(&self, widths: &[usize], theme: Theme) -> Rows {
        let mut rows = Vec::new();
        // Each cell wrapped to its column; a line of its own (a shared gap, the legend) to the
        // first, the widest.
        let mut add = |cells: Vec<(String, Style)>| {
            let cells = cells
                .iter()
                .zip(widths)
                .map(|((c, style), &w)| cell(c, w, *style));
            rows.push(row(cells));
        };
        for c in &self.coverage {
            let ladder = &*c.ladder;
            let comps = ladder.competencies();
            let numbers = (1..=comps.len()).map(|k| k.to_string());
            let header = [text::one_line(ladder.name())].into_iter().chain(numbers);
            add(header.map(|h| (h, theme.heading())).collect());
            for l in &c.lines {
                let m = &self.covered[l.member];
                let next = l
                    .next
                    .map(|r| format!(" → {}", text::one_line(&ladder.role(r).title)))
                    .unwrap_or_default();
                let who = format!("{}{next}", text::one_line(&m.profile.name));
                let mut cells = vec![(who, Style::default())];
                for (k, mark) in l.cells.iter().enumerate() {
                    let shared = c.shared.iter().any(|s| s.competency == k);
                    let style = when(shared && mark.gap > 0, theme.warning());
                    let (rating, gap) = mark.marks();
                    cells.push((format!("{rating}{gap}"), style));
                }
                add(cells);
            }
            for s in &c.shared {
                // Who shares it is marked in the grid above; the line says how many.
                let people = text::count(s.members.len(), "person");
                let name = text::one_line(&comps[s.competency].name);
                let gap = format!("⚠ {} {name} — a gap {people} share", s.competency + 1);
                add(vec![(gap, theme.warning())]);
            }
            for (k, comp) in comps.iter().enumerate() {
                let legend = format!("{} {}", k + 1, text::one_line(&comp.name));
                add(vec![(legend, theme.muted())]);
            }
        }
        rows
    }

    /// The part showing: its title, the header of its table and the widths of its columns.
    fn columns(&self) -> (&'static str, Row<'static>, Vec<Constraint>) {
        if self.showing_coverage {
            let most = self.coverage.iter().map(|c| c.ladder.competencies().len());
            let marks = std::iter::repeat_n(Constraint::Length(4), most.max().unwrap_or(0));
            let widths = [Constraint::Min(18)].into_iter().chain(marks).collect();
            let header = Row::new(["person → next role"]);
            ("Team coverage · Tab: bench", header, widths)
        } else {
            let words = Band::ALL.map(Band::words);
            let header = Row::new(["role"].into_iter().chain(words).chain(["flag"]));
            // "⚠ only one successor", the longest flag, in full.
            let bands = [Constraint::Fill(2); 3];
            let flag = [Constraint::Length(20)];
            let widths = [[Constraint::Fill(3)].as_slice(), &bands, &flag].concat();
            ("Bench · Tab: coverage", header, widths)
        }
    }

    pub fn draw(&self, ctx: &Ctx, buf: &mut Buffer, area: Rect) {
        let theme = ctx.theme;
        let (title, header, widths) = self.columns();
        let inner = framed(buf, area, pane(title, theme.heading()));
        if ctx.share_safe {
            let hidden = "hidden under share-safe: the team view shows other people";
            return hint(buf, inner, hidden, theme);
        }
        let rows = self.rows(ctx);
        // Scrolled a row at a time (kept in range after a resize); the scrollbar counts lines,
        // as rows of several lines take them.
        let page = usize::from(inner.height.saturating_sub(1));
        let offset = self.offset.min(last_start(&rows, page));
        let total = rows.iter().map(|(_, height)| height).sum();
        let above = rows[..offset].iter().map(|(_, height)| height).sum();
        let shown = rows.into_iter().skip(offset).map(|(row, _)| row);
        let table = Table::new(shown, widths).header(header.style(theme.muted()));
        let width = inner.width.saturating_sub(1);
        table.render(Rect { width, ..inner }, buf);
        scrollbar(buf, area, total, above, page);
    }
}
