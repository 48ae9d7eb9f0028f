//! The Team view of the Coaching tab, opened with `b` from the roster: the bench (every role a
//! plan or target passes through, with who could fill it, banded ready now / 1–2 years / 3+
//! years, and flags for no or one successor) and team coverage (reports × competencies, shared
//! gaps marked). Both are worked out by the domain ([`bench::bench`], [`team::coverage`]) when
//! the view opens; this module only draws them. It shows other people, so share-safe hides it.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Cell, Paragraph, Row, Table, Widget, Wrap};

use crate::profile::bench::{self, Band, Bench, Member};
use crate::profile::team::{self, Coverage};
use crate::profile::{RatingLevel, roster};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::widgets::list::{self, Step};
use crate::tui::widgets::{line, pane, scrollbar};

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
pub fn open_keys(keymap: &Keymap, share_safe: bool) -> KeySection {
    let table = if share_safe {
        OPEN_KEYS_HIDDEN
    } else {
        OPEN_KEYS
    };
    keymap.section("Coaching: roster", OPEN_SCOPE, table)
}

/// Whether `key` asks for the view.
pub fn opens(keymap: &Keymap, key: &KeyEvent) -> bool {
    keymap.action(OPEN_SCOPE, OPEN_KEYS, key).is_some()
}

/// The help's section: the key that opens the view, then the view's own.
pub fn help(keymap: &Keymap, share_safe: bool) -> KeySection {
    const TITLE: &str = "Coaching: team (b on the roster)";
    let table = if share_safe {
        OPEN_KEYS_HIDDEN
    } else {
        OPEN_KEYS
    };
    keymap
        .section(TITLE, OPEN_SCOPE, table)
        .then(keymap.section(TITLE, SCOPE, list::CURSOR_KEYS))
        .then(keymap.section(TITLE, SCOPE, KEYS))
}

pub fn keys(keymap: &Keymap) -> KeySection {
    keymap
        .section("Coaching: team", SCOPE, list::CURSOR_KEYS)
        .then(keymap.section("Coaching: team", SCOPE, KEYS))
}

/// What became of a key in the view.
pub enum Went {
    Stay,
    Back,
    Ignored,
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
        let coverage = team::coverage(&covered);
        TeamView::new(
            bench::bench(members, &[], None, ctx.today()),
            covered,
            coverage,
        )
        .with_unreadable(unreadable)
    }

    /// A view of what the domain worked out.
    pub fn new(bench: Bench, covered: Vec<Member>, coverage: Vec<Coverage>) -> TeamView {
        TeamView {
            bench,
            covered,
            coverage,
            showing_coverage: false,
            offset: 0,
            unreadable: Vec::new(),
        }
    }

    fn with_unreadable(mut self, unreadable: Vec<(String, String)>) -> TeamView {
        self.unreadable = unreadable;
        self
    }

    pub fn key(&mut self, ctx: &Ctx, key: &KeyEvent) -> Went {
        if let Some(step) = ctx.keymap.action(SCOPE, list::CURSOR_KEYS, key) {
            let len = self.rows(ctx).len();
            self.offset = list::step(self.offset, len, step, list::page(ctx.body));
            if matches!(step, Step::Up | Step::Down) {
                self.offset = self.offset.min(len.saturating_sub(1));
            }
            return Went::Stay;
        }
        match ctx.keymap.action(SCOPE, KEYS, key) {
            Some(Action::Back) => Went::Back,
            Some(Action::Switch) => {
                self.showing_coverage = !self.showing_coverage;
                self.offset = 0;
                Went::Stay
            }
            None => Went::Ignored,
        }
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
            let style = if flag.is_some() {
                theme.warning()
            } else {
                Style::default()
            };
            let bands: Vec<String> = Band::ALL
                .iter()
                .map(|&band| {
                    let who: Vec<String> = seat.in_band(band).map(|c| name(c.member)).collect();
                    if who.is_empty() {
                        "–".to_string()
                    } else {
                        who.join("\n")
                    }
                })
                .collect();
            let [now, soon, later] = [&bands[0], &bands[1], &bands[2]];
            // The title's two lines (the role, how many candidates) or the longest band.
            let height = bands.iter().map(|b| b.lines().count()).fold(2, usize::max);
            rows.push((
                Row::new(vec![
                    Cell::from(title),
                    Cell::from(now.clone()),
                    Cell::from(soon.clone()),
                    Cell::from(later.clone()),
                    Cell::from(flag.unwrap_or_default()).style(style),
                ])
                .height(u16::try_from(height).unwrap_or(u16::MAX)),
                height,
            ));
        }
        for behind in b.behind.iter().filter(|x| x.no_one()) {
            let m = &b.members[behind.member];
            rows.push((
                Row::new(vec![
                    Cell::from(format!(
                        "{} ({})",
                        m.ladder.title_of(&m.profile.current_role),
                        name(behind.member)
                    )),
                    Cell::from(""),
                    Cell::from(""),
                    Cell::from(""),
                    Cell::from("⚠ no one behind"),
                ])
                .style(theme.warning()),
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
                    let style = if shared && cell.gap > 0 {
                        theme.warning()
                    } else {
                        Style::default()
                    };
                    cells.push(Cell::from(cell_text(cell)).style(style));
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
        let block = pane(title, theme.heading());
        let inner = block.inner(area);
        block.render(area, buf);
        if ctx.share_safe {
            Paragraph::new(line(
                "hidden under share-safe: the team view shows other people",
                theme.muted(),
            ))
            .wrap(Wrap { trim: true })
            .render(inner, buf);
            return;
        }
        let mut rows = self.rows(ctx);
        if !self.showing_coverage && self.bench.seats.is_empty() {
            rows.insert(
                0,
                (
                    Row::new(vec![Cell::from("no plan or target names a role yet")])
                        .style(theme.muted()),
                    1,
                ),
            );
        }
        for (id, why) in &self.unreadable {
            rows.push((
                Row::new(vec![Cell::from(format!(
                    "{id} left out: {}",
                    text::one_line(why)
                ))])
                .style(theme.error()),
                1,
            ));
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
            Row::new(vec![Cell::from("person → next role")])
        } else {
            Row::new(vec![
                Cell::from("role"),
                Cell::from(Band::ReadyNow.words()),
                Cell::from(Band::WithinTwoYears.words()),
                Cell::from(Band::ThreeYearsOrMore.words()),
                Cell::from("flag"),
            ])
        };
        let shown: Vec<Row> = rows.into_iter().skip(offset).map(|(r, _)| r).collect();
        Table::new(shown, self.widths())
            .header(header.style(theme.muted()))
            .render(
                Rect::new(
                    inner.x,
                    inner.y,
                    inner.width.saturating_sub(1),
                    inner.height,
                ),
                buf,
            );
        scrollbar(buf, area, total, above, page);
    }
}

/// One coverage cell: the rating's initial (B, W, M, E; `·` none) and the gap — `✓` none,
/// `△1` one step, `▲2` more; `–` where the next role expects nothing.
fn cell_text(cell: &team::Cell) -> String {
    let rating = cell.rating.map_or("·", |(level, _)| match level {
        RatingLevel::Below => "B",
        RatingLevel::WorkingTowards => "W",
        RatingLevel::Meeting => "M",
        RatingLevel::Exceeding => "E",
    });
    let gap = match (cell.expected, cell.gap) {
        (None, _) => "–".to_string(),
        (Some(_), 0) => "✓".to_string(),
        (Some(_), 1) => "△1".to_string(),
        (Some(_), n) => format!("▲{n}"),
    };
    format!("{rating}{gap}")
}
