//! The competencies: ratatui's [`Table`] with one row per competency — the latest self and
//! manager ratings, what the current, next and target roles expect and a gap mark — and below
//! it the selected competency's ratings: where there is room, a [`Chart`] of them over time
//! (dates along the bottom, the 0–5 expectation scale up the side, the person's own ratings and
//! the manager's as two series, the current role's expectation as a line, and a legend for
//! every mark), and a table of every rating, newest first, with its date, who gave it, the
//! level and its note. Drawn from the standings it is given; the Profile tab and the session
//! view both use it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Text};
use ratatui::widgets::{
    Axis, Block, Cell, Chart, Dataset, GraphType, Paragraph, Row, StatefulWidget, Table,
    TableState, Widget, Wrap,
};

use super::{hint, line, span};
use crate::profile::competence::{Standing, shows};
use crate::profile::{Rater, Rating, RatingLevel};
use crate::text;
use crate::tui::theme::Theme;

/// Rows the chart needs: its title, six for the scale, the axis, its dates and two lines of
/// legend.
const CHART_ROWS: u16 = 11;
/// Rows the list of ratings keeps under the chart at least: its title and two ratings.
const LIST_ROWS: u16 = 3;

/// A rating in words (`long`), or in a word for narrow tables.
fn word(level: RatingLevel, long: bool) -> &'static str {
    match level {
        _ if long => level.words(),
        RatingLevel::Below => "below",
        RatingLevel::WorkingTowards => "towards",
        RatingLevel::Meeting => "meeting",
        RatingLevel::Exceeding => "exceeds",
    }
}

/// Draws the table in `area`, the row at `cursor` selected (none past the end) and kept in
/// view, and below it that row's ratings: the list of them where there is room, and the chart
/// above the list where there is room for both.
pub fn draw(buf: &mut Buffer, area: Rect, standings: &[Standing], cursor: usize, theme: Theme) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    if standings.is_empty() {
        line("this ladder names no competencies to rate", theme.muted()).render(area, buf);
        return;
    }
    let selected = (cursor < standings.len()).then_some(cursor);
    let s = &standings[selected.unwrap_or(0)];
    let table_rows = text::cells(standings.len() + 1);
    let below = area.height.saturating_sub(table_rows + 1);
    let list = below >= 2;
    let chart = !s.history.is_empty() && below >= CHART_ROWS + 1 + LIST_ROWS;
    let [table_area, _, chart_area, _, list_area] = area.layout(&Layout::vertical([
        Constraint::Length(if list { table_rows } else { area.height }),
        Constraint::Length(1),
        Constraint::Length(if chart { CHART_ROWS } else { 0 }),
        Constraint::Length(u16::from(chart)),
        Constraint::Fill(1),
    ]));
    table(buf, table_area, standings, selected, theme);
    if chart {
        history(buf, chart_area, s, theme);
    }
    if list {
        ratings(buf, list_area, s, theme);
    }
}

/// Every rating of `s`, newest first, as a table: the date, who rated, the level and the note
/// (wrapped, up to three lines).
fn ratings(buf: &mut Buffer, area: Rect, s: &Standing, theme: Theme) {
    if s.history.is_empty() {
        let empty = format!(
            "{} is not rated yet — r rates it; each rating then shows here with its date and note",
            s.name
        );
        return hint(buf, area, &empty, theme);
    }
    let count = text::count(s.history.len(), "rating");
    // Shorter, then cut with "…", where the pane is narrow: a block's title is cut bare.
    let room = usize::from(area.width);
    let full = format!("{} · {count}, newest first", s.name);
    let title = match text::width(&full) <= room {
        true => full,
        false => text::truncate(&format!("{} · {count}", s.name), room),
    };
    let title = line(&title, theme.heading());
    let long = area.width >= 60;
    let level_width: u16 = if long { 15 } else { 7 };
    let note_width = usize::from(area.width.saturating_sub(10 + 7 + level_width + 3));
    let rows = s.history.iter().rev().map(|r| {
        let note = text::wrap(&text::one_line(&r.note), note_width, 3);
        let height = text::cells(note.len().max(1));
        Row::new([
            Cell::from(r.date.to_string()).style(theme.muted()),
            Cell::from(r.by.name()),
            Cell::from(word(r.level, long)),
            Cell::from(Text::from_iter(note)),
        ])
        .height(height)
    });
    let widths = [
        Constraint::Length(10),
        Constraint::Length(7),
        Constraint::Length(level_width),
        Constraint::Fill(1),
    ];
    let table = Table::new(rows, widths).block(Block::new().title(title));
    Widget::render(table, area, buf);
}

fn table(
    buf: &mut Buffer,
    area: Rect,
    standings: &[Standing],
    selected: Option<usize>,
    theme: Theme,
) {
    let name = standings
        .iter()
        .map(|s| text::width(&s.name))
        .max()
        .unwrap_or(10)
        .clamp(10, 26);
    // The ratings in words when there is room, else in a word each.
    let long = name + 2 * 16 + 7 + 3 <= usize::from(area.width);
    let rating_width: u16 = if long { 15 } else { 7 };
    let rating = |r: &Option<Rating>| r.as_ref().map_or("—", |r| word(r.level, long));
    let rows: Vec<Row<'static>> = standings
        .iter()
        .map(|s| {
            let expects = s.expects.words("→");
            let mark = format!(
                "{}{}",
                s.gap.as_ref().map_or(" ", |g| g.mark()),
                if s.differ { "⚠" } else { " " }
            );
            let cells: [&str; 5] = [&s.name, rating(&s.own), rating(&s.manager), &expects, &mark];
            Row::new(cells.map(|c| line(c, Style::default())))
        })
        .collect();
    let header = Row::new(["competency", "self", "manager", "expects", ""]).style(theme.muted());
    let mut state = TableState::default().with_selected(selected);
    StatefulWidget::render(
        Table::new(
            rows,
            [
                Constraint::Max(text::cells(name)),
                Constraint::Length(rating_width),
                Constraint::Length(rating_width),
                Constraint::Length(7),
                Constraint::Length(2),
            ],
        )
        .header(header)
        .row_highlight_style(theme.selected()),
        area,
        buf,
        &mut state,
    );
}

/// The ratings of `s` over time as a chart, with its legend on the last line; `s` has some.
fn history(buf: &mut Buffer, area: Rect, s: &Standing, theme: Theme) {
    let [plot, legend] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(2),
    ]));
    // Each rating placed on the expectation scale around what the current role expects, as
    // the gap is worked out (see `competence::shows`).
    let expected = s.expects.current.unwrap_or(0);
    let points = |by: Rater| -> Vec<(f64, f64)> {
        s.history
            .iter()
            .filter(|r| r.by == by)
            .map(|r| {
                (
                    r.date.days_since_epoch() as f64,
                    f64::from(shows(expected, Some(r.level))),
                )
            })
            .collect()
    };
    let (own, manager) = (points(Rater::Own), points(Rater::Manager));
    // The history is oldest first.
    let (Some(first), Some(last)) = (s.history.first(), s.history.last()) else {
        return;
    };
    let (first, last) = (first.date, last.date);
    // A fortnight either side, so a single date still has room.
    let (from, to) = (
        first.days_since_epoch() as f64 - 14.0,
        last.days_since_epoch() as f64 + 14.0,
    );
    let expectation = [(from, f64::from(expected)), (to, f64::from(expected))];
    let series = |data, marker, style| Dataset::default().data(data).marker(marker).style(style);
    let mut datasets = vec![
        series(&expectation, Marker::Braille, theme.muted()).graph_type(GraphType::Line),
        series(&own, Marker::Dot, theme.path()).graph_type(GraphType::Scatter),
        series(&manager, Marker::Block, theme.current()).graph_type(GraphType::Scatter),
    ];
    if s.expects.current.is_none() {
        datasets.remove(0);
    }
    let mut x_labels = vec![span(&first.to_string(), theme.muted())];
    if last != first {
        x_labels.push(span(&last.to_string(), theme.muted()));
    }
    let title = line(&format!("{} over time", s.name), theme.heading());
    Chart::new(datasets)
        .block(Block::new().title(title))
        .legend_position(None)
        .x_axis(
            Axis::default()
                .bounds([from, to])
                .labels(x_labels)
                .style(theme.muted()),
        )
        .y_axis(
            Axis::default()
                .bounds([0.0, 5.0])
                .labels((0..=5).map(|n| span(&n.to_string(), theme.muted())))
                .style(theme.muted()),
        )
        .render(plot, buf);
    let expects = match s.expects.current {
        Some(n) => format!("dotted line: the current role expects {n}"),
        None => "the current role expects nothing here".to_string(),
    };
    Paragraph::new(Line::from(vec![
        span("• self  ", theme.path()),
        span("█ manager  ", theme.current()),
        span(&format!("{expects}  "), theme.muted()),
        span(
            "gap to the next role: ✓ none · △ one step · ▲ more · ⚠ self and manager differ",
            theme.muted(),
        ),
    ]))
    .wrap(Wrap { trim: true })
    .render(legend, buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::competence::{Expectations, Gap};
    use crate::tui::widgets::rows;

    fn standing(name: &str, history: &[(Rater, RatingLevel, &str)]) -> Standing {
        let history: Vec<Rating> = history
            .iter()
            .map(|&(by, level, date)| Rating {
                seq: 0,
                competency: "c".into(),
                by,
                level,
                date: date.parse().unwrap(),
                note: String::new(),
            })
            .collect();
        Standing {
            id: "c".into(),
            name: name.into(),
            own: history.iter().rfind(|r| r.by == Rater::Own).cloned(),
            manager: history.iter().rfind(|r| r.by == Rater::Manager).cloned(),
            expects: Expectations {
                current: Some(2),
                next: Some(3),
                target: None,
            },
            gap: Some(Gap {
                competency: "c".into(),
                name: name.into(),
                expected_now: 2,
                expected_there: 3,
                rating: None,
                shows: 2,
            }),
            differ: false,
            history,
        }
    }

    #[test]
    fn the_chart_shows_dates_both_raters_the_expectation_and_a_legend_then_every_rating() {
        let mut s = standing(
            "Leadership",
            &[
                (Rater::Own, RatingLevel::Below, "2026-01-10"),
                (Rater::Own, RatingLevel::Exceeding, "2026-06-01"),
                (Rater::Manager, RatingLevel::Meeting, "2026-09-15"),
            ],
        );
        s.history[2].note = "ran the offsite".into();
        let area = Rect::new(0, 0, 70, 20);
        let mut buf = Buffer::empty(area);
        draw(&mut buf, area, &[s], 0, Theme::new(false));
        let shown = rows(&buf).join("\n");
        assert!(shown.contains("Leadership"), "{shown}");
        assert!(shown.contains("exceeding"), "{shown}");
        assert!(shown.contains("2→3→–"), "{shown}");
        assert!(shown.contains("2026-01-10"), "first date: {shown}");
        assert!(shown.contains("2026-09-15"), "last date: {shown}");
        let plot: String = rows(&buf)[3..12].join("\n");
        assert_eq!(plot.matches('•').count(), 2, "two self ratings: {shown}");
        assert_eq!(plot.matches('█').count(), 1, "one manager rating: {shown}");
        assert!(
            plot.chars().any(|c| ('\u{2801}'..='\u{28ff}').contains(&c)),
            "the expectation's dotted line: {shown}"
        );
        for mark in [
            "• self",
            "█ manager",
            "dotted line: the current role expects 2",
            "△ one step",
        ] {
            assert!(shown.contains(mark), "legend {mark:?}: {shown}");
        }
        // Under the chart, every rating, newest first, with its note.
        let list = rows(&buf)[15..].join("\n");
        assert!(
            list.starts_with("Leadership · 3 ratings, newest first"),
            "{shown}"
        );
        assert!(
            list.contains("2026-09-15 manager meeting         ran the offsite"),
            "{shown}"
        );
        assert!(list.find("2026-06-01") < list.find("2026-01-10"), "{shown}");
    }

    #[test]
    fn short_of_room_for_the_chart_the_ratings_list_alone_shows_under_the_table() {
        let s = standing(
            "Leadership",
            &[(Rater::Manager, RatingLevel::Meeting, "2026-09-15")],
        );
        let area = Rect::new(0, 0, 40, 8);
        let mut buf = Buffer::empty(area);
        draw(
            &mut buf,
            area,
            std::slice::from_ref(&s),
            0,
            Theme::new(false),
        );
        let shown = rows(&buf).join("\n");
        assert!(!shown.contains("over time"), "{shown}");
        assert!(shown.contains("2026-09-15 manager meeting"), "{shown}");
        let unrated = Standing {
            history: Vec::new(),
            ..s
        };
        let mut buf = Buffer::empty(area);
        draw(&mut buf, area, &[unrated], 0, Theme::new(false));
        assert!(rows(&buf).join(" ").contains("not rated yet"), "{shown}");
    }

    #[test]
    fn the_ratings_title_shortens_then_ends_in_an_ellipsis_rather_than_being_cut_bare() {
        for (name, title) in [
            ("Strategic thinking", "Strategic thinking · 1 rating"),
            (
                "Leadership of leaders across the enterprise",
                "Leadership of leaders across th…",
            ),
        ] {
            let s = standing(name, &[(Rater::Own, RatingLevel::Meeting, "2026-01-01")]);
            let area = Rect::new(0, 0, 32, 8);
            let mut buf = Buffer::empty(area);
            draw(&mut buf, area, &[s], 0, Theme::new(false));
            let shown = rows(&buf).join("\n");
            let line = shown.lines().find(|l| l.starts_with(&name[..8]));
            assert_eq!(line.map(str::trim_end), Some(title), "{shown}");
        }
    }

    #[test]
    fn a_narrow_or_short_area_drops_the_chart_and_never_panics() {
        let s = standing(
            "A very long competency name indeed",
            &[(Rater::Own, RatingLevel::Meeting, "2026-01-01")],
        );
        for width in 0..50 {
            for height in [0, 1, 3, 12] {
                let area = Rect::new(0, 0, width, height);
                let mut buf = Buffer::empty(area);
                draw(
                    &mut buf,
                    area,
                    std::slice::from_ref(&s),
                    3,
                    Theme::new(true),
                );
            }
        }
    }
}
