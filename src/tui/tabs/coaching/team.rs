//! The Team view of the Coaching tab, opened with `b` from the roster: the bench (every role a
//! plan or target passes through, with who could fill it, banded ready now / 1–2 years / 3+
//! years, and flags for no or one successor) and team coverage (reports × competencies, shared
//! gaps marked). Both are worked out by the domain ([`bench::bench`], [`team::coverage`]) when
//! the view opens; this module only draws them. It shows other people, so share-safe hides it.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Rect};
use ratatui::widgets::{Cell, Row, Table, Widget};

use super::went::{Focus, Went, hint, when};
use crate::profile::bench::{self, Band, Bench, Member};
use crate::profile::roster;
use crate::profile::team::{self, Coverage};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::widgets::list::{self, Step};
use crate::tui::widgets::{framed, line, pane, scrollbar};

use Key::{Char as C, Code};

/// The key on the roster that opens the view, and what it says under share-safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Open {
    Team,
}

const OPEN_KEYS: &[Binding<Open>] = &[bind(
    "team",
    &[C('b')],
    Open::Team,
    "the team: who could fill which role, and coverage",
    Footer::Word("bench"),
)];

const OPEN_KEYS_HIDDEN: &[Binding<Open>] = &[bind(
    "team",
    &[C('b')],
    Open::Team,
    "hidden under share-safe: the team shows others",
    Footer::Word("bench: hidden"),
)];

pub const OPEN_SCOPE: &str = "coaching-roster-team";

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

/// The key that opens the view, as the roster's footer and help show it.
fn open_table(share_safe: bool) -> &'static [Binding<Open>] {
    if share_safe {
        OPEN_KEYS_HIDDEN
    } else {
        OPEN_KEYS
    }
}

pub fn open_keys(keymap: &Keymap, share_safe: bool) -> KeySection {
    keymap.section("Coaching: roster", OPEN_SCOPE, open_table(share_safe))
}

/// Whether `key` asks for the view.
pub fn opens(keymap: &Keymap, key: &KeyEvent) -> bool {
    keymap.action(OPEN_SCOPE, OPEN_KEYS, key).is_some()
}

/// The help's section: the key that opens the view, then the view's own.
pub fn help(keymap: &Keymap, share_safe: bool) -> KeySection {
    const TITLE: &str = "Coaching: team (b on the roster)";
    keymap
        .section(TITLE, OPEN_SCOPE, open_table(share_safe))
        .then(keymap.section(TITLE, SCOPE, list::CURSOR_KEYS))
        .then(keymap.section(TITLE, SCOPE, KEYS))
}

pub fn keys(keymap: &Keymap) -> KeySection {
    keymap
        .section("Coaching: team", SCOPE, list::CURSOR_KEYS)
        .then(keymap.section("Coaching: team", SCOPE, KEYS))
}

pub struct TeamView {
    bench: Bench,
    /// The members coverage was worked out for (read in full, private notes never).
    covered: Vec<Member>,
    coverage: Vec<Coverage>,
    showing_coverage: bool,
    offset: usize,
    /// Profiles that could not be read, with why.
    unreadable: Vec<(String, String)>,
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
            self.step(ctx, step, list::page(ctx.body));
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

    /// Scrolls `step`, `page` rows a page.
    pub fn step(&mut self, ctx: &Ctx, step: Step, page: usize) {
        let len = self.rows(ctx).len();
        self.offset = list::step(self.offset, len, step, page);
    }

    /// The table's rows with their heights in lines, for the part showing.
    fn rows(&self, ctx: &Ctx) -> Vec<(Row<'static>, usize)> {
        if self.showing_coverage {
            self.coverage_rows(ctx)
                .into_iter()
                .map(|r| (r, 1))
                .collect()
        } else {
            self.bench_rows(ctx)
        }
    }

    fn bench_rows(&self, ctx: &Ctx) -> Vec<(Row<'static>, usize)> {
        let theme = ctx.theme;
        let b = &self.bench;
        let name = |i: usize| text::one_line(&b.members[i].profile.name);
        let mut rows = Vec::new();
        for seat in &b.seats {
            let title = text::one_line(&seat.ladder.role(seat.role).title);
            let flag = seat.flag().map(|f| format!("⚠ {}", f.words()));
            let title = format!(
                "{title}\n{}",
                text::count(seat.candidates.len(), "candidate")
            );
            let style = when(flag.is_some(), theme.warning());
            let bands = Band::ALL.map(|band| {
                let who: Vec<String> = seat.in_band(band).map(|c| name(c.member)).collect();
                if who.is_empty() {
                    "–".to_string()
                } else {
                    who.join("\n")
                }
            });
            // The title's two lines (the role, how many candidates) or the longest band.
            let height = bands.iter().map(|b| b.lines().count()).fold(2, usize::max);
            let cells = [title].into_iter().chain(bands).map(Cell::from);
            let flag = Cell::from(flag.unwrap_or_default()).style(style);
            let row = Row::new(cells.chain([flag])).height(text::cells(height));
            rows.push((row, height));
        }
        for behind in b.behind.iter().filter(|x| x.no_one()) {
            let m = &b.members[behind.member];
            let role = m.ladder.title_of(&m.profile.current_role);
            let cells = [format!("{role} ({})", name(behind.member)), String::new()];
            let flag = ["", "", "⚠ no one behind"].map(String::from);
            rows.push((
                Row::new(cells.into_iter().chain(flag)).style(theme.warning()),
                1,
            ));
        }
        rows
    }

    fn coverage_rows(&self, ctx: &Ctx) -> Vec<Row<'static>> {
        let theme = ctx.theme;
        let mut rows = Vec::new();
        for c in &self.coverage {
            let ladder = &*c.ladder;
            let comps = ladder.competencies();
            let mut header = vec![Cell::from(text::one_line(ladder.name()))];
            header.extend((1..=comps.len()).map(|k| Cell::from(k.to_string())));
            rows.push(Row::new(header).style(theme.heading()));
            for l in &c.lines {
                let m = &self.covered[l.member];
                let next = l
                    .next
                    .map(|r| format!(" → {}", text::one_line(&ladder.role(r).title)))
                    .unwrap_or_default();
                let mut cells = vec![Cell::from(format!(
                    "{}{next}",
                    text::one_line(&m.profile.name)
                ))];
                for (k, cell) in l.cells.iter().enumerate() {
                    let shared = c.shared.iter().any(|s| s.competency == k);
                    let style = when(shared && cell.gap > 0, theme.warning());
                    let (rating, gap) = cell.marks();
                    cells.push(Cell::from(line(&format!("{rating}{gap}"), style)));
                }
                rows.push(Row::new(cells));
            }
            for s in &c.shared {
                // Who shares it is marked in the grid above; the line says how many.
                rows.push(
                    Row::new(vec![Cell::from(format!(
                        "⚠ {} {} — a gap {} share",
                        s.competency + 1,
                        text::one_line(&comps[s.competency].name),
                        text::count(s.members.len(), "person").replace("persons", "people")
                    ))])
                    .style(theme.warning()),
                );
            }
            for (k, comp) in comps.iter().enumerate() {
                rows.push(
                    Row::new(vec![Cell::from(format!(
                        "{} {}",
                        k + 1,
                        text::one_line(&comp.name)
                    ))])
                    .style(theme.muted()),
                );
            }
        }
        rows
    }

    fn widths(&self) -> Vec<Constraint> {
        if self.showing_coverage {
            let most = self
                .coverage
                .iter()
                .map(|c| c.ladder.competencies().len())
                .max()
                .unwrap_or(0);
            let mut w = vec![Constraint::Min(18)];
            w.extend(std::iter::repeat_n(Constraint::Length(4), most));
            w
        } else {
            vec![
                Constraint::Fill(3),
                Constraint::Fill(2),
                Constraint::Fill(2),
                Constraint::Fill(2),
                // "⚠ only one successor", the longest flag, in full.
                Constraint::Length(20),
            ]
        }
    }

    pub fn draw(&self, ctx: &Ctx, buf: &mut Buffer, area: Rect) {
        let theme = ctx.theme;
        let title = if self.showing_coverage {
            "Team coverage · Tab: bench"
        } else {
            "Bench · Tab: coverage"
        };
        let inner = framed(buf, area, pane(title, theme.heading()));
        if ctx.share_safe {
            let hidden = "hidden under share-safe: the team view shows other people";
            return hint(buf, inner, hidden, theme);
        }
        let mut rows = self.rows(ctx);
        if !self.showing_coverage && self.bench.seats.is_empty() {
            let none = Row::new(["no plan or target names a role yet"]);
            rows.insert(0, (none.style(theme.muted()), 1));
        }
        for (id, why) in &self.unreadable {
            let left_out = Row::new([format!("{id} left out: {}", text::one_line(why))]);
            rows.push((left_out.style(theme.error()), 1));
        }
        // Scrolled a row at a time; the last scroll shows the last rows whole. The scrollbar
        // counts lines, as rows of several lines take them.
        let page = inner.height.saturating_sub(1) as usize;
        let heights: Vec<usize> = rows.iter().map(|(_, h)| *h).collect();
        let mut last_start = heights.len();
        let mut below = 0;
        while last_start > 0 && below + heights[last_start - 1] <= page {
            last_start -= 1;
            below += heights[last_start];
        }
        let offset = self
            .offset
            .min(last_start.min(heights.len().saturating_sub(1)));
        let total: usize = heights.iter().sum();
        let above: usize = heights[..offset].iter().sum();
        let header = if self.showing_coverage {
            Row::new(["person → next role"])
        } else {
            Row::new(
                ["role"]
                    .into_iter()
                    .chain(Band::ALL.map(Band::words))
                    .chain(["flag"]),
            )
        };
        let shown: Vec<Row> = rows.into_iter().skip(offset).map(|(r, _)| r).collect();
        let width = inner.width.saturating_sub(1);
        let table = Table::new(shown, self.widths()).header(header.style(theme.muted()));
        table.render(Rect { width, ..inner }, buf);
        scrollbar(buf, area, total, above, page);
    }
}
