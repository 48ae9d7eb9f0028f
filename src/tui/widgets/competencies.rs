//! The competencies table: one row per competency with the latest self and manager ratings,
//! what the current, next and target roles expect, a gap mark and the history of ratings as a
//! small chart (ratatui's sparkline, one bar per rating: ▂ below … █ exceeding), the person's
//! own ratings then the manager's. Drawn from the standings it is given; the Profile tab and
//! the session view both use it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Sparkline, Widget};

use super::put;
use crate::profile::competence::Standing;
use crate::profile::{Rater, Rating, RatingLevel};
use crate::text;
use crate::tui::theme::Theme;

/// How many ratings of each person the chart shows (the latest).
const HISTORY: usize = 6;
/// The cells after the two ratings and before the chart: a space, the expectations (6), a
/// space, the gap mark, the disagreement mark and a space.
const AFTER_RATINGS: usize = 11;

/// A rating in a few letters, for narrow tables.
fn short(level: RatingLevel) -> &'static str {
    match level {
        RatingLevel::Below => "below",
        RatingLevel::WorkingTowards => "towards",
        RatingLevel::Meeting => "meeting",
        RatingLevel::Exceeding => "exceeds",
    }
}

/// Column widths for a table `width` cells wide: (name, rating, history); the history goes
/// first when room is short, then the ratings shrink to short words.
fn columns(width: usize, standings: &[Standing]) -> (usize, usize, usize) {
    let name = standings
        .iter()
        .map(|s| text::width(&text::one_line(&s.name)))
        .max()
        .unwrap_or(10)
        .clamp(10, 26);
    let fixed = |rating: usize, history: usize| name + 2 * (rating + 1) + AFTER_RATINGS + history;
    let history = 2 * HISTORY + 1;
    if fixed(15, history) <= width {
        (name, 15, history)
    } else if fixed(7, history) <= width {
        (name, 7, history)
    } else {
        let name = width
            .saturating_sub(fixed(7, 0) - name)
            .clamp(6, name.max(6));
        (name, 7, 0)
    }
}

/// Draws the table in `area`, the row at `cursor` selected, scrolled so it shows. Returns
/// nothing to click: rows are chosen with the keys.
pub fn draw(buf: &mut Buffer, area: Rect, standings: &[Standing], cursor: usize, theme: Theme) {
    let area = area.intersection(buf.area);
    if area.height == 0 || area.width == 0 {
        return;
    }
    if standings.is_empty() {
        put(
            buf,
            area,
            i64::from(area.x),
            i64::from(area.y),
            "this ladder names no competencies to rate",
            theme.muted(),
        );
        return;
    }
    let (name_w, rating_w, history_w) = columns(area.width as usize, standings);
    let header = format!(
        "{} {} {} {:<6} {:<2} {}",
        text::fit("competency", name_w),
        text::fit("self", rating_w),
        text::fit("manager", rating_w),
        "expect",
        "",
        if history_w > 0 { "self · manager" } else { "" }
    );
    put(
        buf,
        area,
        i64::from(area.x),
        i64::from(area.y),
        &text::truncate(&header, area.width as usize),
        theme.muted(),
    );
    let rows = area.height.saturating_sub(1) as usize;
    if rows == 0 {
        return;
    }
    let cursor = cursor.min(standings.len() - 1);
    let first = (cursor + 1).saturating_sub(rows);
    for (row, (i, s)) in standings
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let y = area.y + 1 + row as u16;
        let rating = |r: &Option<Rating>| {
            r.as_ref().map_or("—", |r| {
                if rating_w >= 15 {
                    r.level.words()
                } else {
                    short(r.level)
                }
            })
        };
        let figure = |n: Option<u8>| n.map_or("–".to_string(), |n| n.to_string());
        let expects = format!(
            "{}→{}→{}",
            figure(s.expects.current),
            figure(s.expects.next),
            figure(s.expects.target)
        );
        let mark = s.gap.as_ref().map_or(" ", |g| g.mark());
        let differ = if s.differ { "⚠" } else { " " };
        let line = format!(
            "{} {} {} {} {mark}{differ}",
            text::fit(&text::one_line(&s.name), name_w),
            text::fit(rating(&s.own), rating_w),
            text::fit(rating(&s.manager), rating_w),
            text::fit(&expects, 6),
        );
        let style = if i == cursor {
            theme.selected()
        } else {
            Style::default()
        };
        let line = text::fit(&line, area.width as usize);
        put(buf, area, i64::from(area.x), i64::from(y), &line, style);
        if history_w > 0 {
            let x = area.x + (name_w + 2 * (rating_w + 1) + AFTER_RATINGS) as u16;
            sparkline(buf, area, x, y, &s.steps_by(Rater::Own), theme.path());
            let x = x + HISTORY as u16;
            put(buf, area, i64::from(x), i64::from(y), "·", theme.muted());
            sparkline(
                buf,
                area,
                x + 1,
                y,
                &s.steps_by(Rater::Manager),
                theme.current(),
            );
        }
    }
}

/// The latest ratings as a one-row sparkline at (`x`, `y`), clipped to `area`.
fn sparkline(buf: &mut Buffer, area: Rect, x: u16, y: u16, steps: &[u8], style: Style) {
    let latest: Vec<u64> = steps
        .iter()
        .skip(steps.len().saturating_sub(HISTORY))
        .map(|&s| u64::from(s))
        .collect();
    let room = Rect::new(x, y, HISTORY as u16, 1).intersection(area);
    if room.is_empty() || latest.is_empty() {
        return;
    }
    Sparkline::default()
        .data(&latest)
        .max(u64::from(RatingLevel::Exceeding.step()))
        .style(style)
        .render(room, buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::competence::{Expectations, Gap};

    fn standing(name: &str, history: &[(Rater, RatingLevel)]) -> Standing {
        let history: Vec<Rating> = history
            .iter()
            .map(|&(by, level)| Rating {
                seq: 0,
                competency: "c".into(),
                by,
                level,
                date: "2026-01-01".parse().unwrap(),
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

    fn row(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect()
    }

    #[test]
    fn the_history_draws_one_bar_per_rating_rising_with_the_level() {
        let s = standing(
            "Leadership",
            &[
                (Rater::Own, RatingLevel::Below),
                (Rater::Own, RatingLevel::Exceeding),
                (Rater::Manager, RatingLevel::Meeting),
            ],
        );
        let area = Rect::new(0, 0, 80, 3);
        let mut buf = Buffer::empty(area);
        draw(&mut buf, area, &[s], 0, Theme::new(false));
        let line = row(&buf, 1);
        assert!(line.contains("Leadership"), "{line}");
        assert!(line.contains("exceeding"), "{line}");
        assert!(line.contains("2→3→–"), "{line}");
        assert!(line.contains("▂█"), "self: below then exceeding — {line}");
        assert!(line.contains("·▆"), "manager: meeting — {line}");
    }

    #[test]
    fn a_narrow_table_drops_the_chart_and_never_panics() {
        let s = standing(
            "A very long competency name indeed",
            &[(Rater::Own, RatingLevel::Meeting)],
        );
        for width in 0..50 {
            let area = Rect::new(0, 0, width, 4);
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
