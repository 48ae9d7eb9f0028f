//! The Plan, Milestones and Profile tabs: lists with a cursor, scrolled to keep it visible.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::ladder::{gauge, plan_path, step_number};
use super::{Theme, frame, padded, put};
use crate::ladder::Stage;
use crate::profile::{self, Status};
use crate::text;
use crate::tui::app::{App, PROFILE_SECTIONS};

/// One line of a list: its text, style, and whether the cursor is on it.
struct Line {
    text: String,
    style: Style,
    cursor: bool,
}

fn line(text: String, style: Style) -> Line {
    Line {
        text,
        style,
        cursor: false,
    }
}

/// Draws `lines` inside `area`, scrolled so the cursor line shows.
fn draw_lines(buf: &mut Buffer, area: Rect, lines: &[Line], theme: Theme) {
    let height = area.height as usize;
    if height == 0 {
        return;
    }
    let cursor = lines.iter().position(|l| l.cursor).unwrap_or(0);
    let first = cursor
        .saturating_sub(height.saturating_sub(1))
        .min(lines.len().saturating_sub(height));
    let first = if cursor < height { 0 } else { first };
    for (row, l) in lines.iter().skip(first).take(height).enumerate() {
        let style = if l.cursor {
            l.style.patch(theme.selected())
        } else {
            l.style
        };
        let shown = text::fit(&l.text, area.width as usize);
        put(
            buf,
            area,
            i64::from(area.x),
            i64::from(area.y) + row as i64,
            &shown,
            style,
        );
    }
}

pub fn plan(app: &App, buf: &mut Buffer, area: Rect, theme: Theme) {
    frame(buf, area, "Plan", Style::default());
    let inner = padded(area);
    let Some(p) = &app.profile else { return };
    let ladder = &app.ladder;
    let mut lines = Vec::new();
    lines.push(line(
        format!(
            "from ● {}{}",
            app.title_of(&p.current_role),
            p.target_role
                .as_deref()
                .map(|t| format!("   towards ★ {}", app.title_of(t)))
                .unwrap_or_default()
        ),
        theme.heading(),
    ));
    let path = plan_path(app);
    if p.plan.is_empty() {
        lines.push(line(String::new(), Style::default()));
        lines.push(line(
            "No moves planned yet. Press p to plan the best path to your target,".to_string(),
            theme.muted(),
        ));
        lines.push(line(
            "or pick roles on the Ladder tab and press a.".to_string(),
            theme.muted(),
        ));
    }
    let cursor = app.plan_cursor.min(p.plan.len().saturating_sub(1));
    let known: Vec<usize> = (0..p.plan.len())
        .filter(|&i| ladder.role_index(&p.plan[i].role).is_some())
        .collect();
    for (i, step) in p.plan.iter().enumerate() {
        let kind = path
            .as_ref()
            .and_then(|path| {
                known
                    .iter()
                    .position(|&k| k == i)
                    .and_then(|n| path.steps.get(n))
            })
            .map_or_else(
                || "?".to_string(),
                |s| format!("{} {:<8}", s.kind.arrow(), s.kind.name()),
            );
        let corner = ladder
            .role_index(&step.role)
            .map(|r| text::one_line(ladder.corner_name_of(r)))
            .unwrap_or_default();
        let mut text = format!(
            "{} {kind}  {}  [{corner}]",
            step_number(i + 1),
            app.title_of(&step.role)
        );
        if let Some(date) = step.target_date {
            text.push_str(&format!("  by {date}"));
        }
        if !step.note.is_empty() {
            text.push_str(&format!("  — {}", text::one_line(&step.note)));
        }
        lines.push(Line {
            text,
            style: Style::default(),
            cursor: i == cursor,
        });
    }
    let breadth = profile::breadth(p, ladder).len();
    lines.push(line(String::new(), Style::default()));
    lines.push(line(
        format!(
            "{} · breadth {}",
            text::count(p.plan.len(), "move"),
            text::count(breadth, "corner")
        ),
        theme.muted(),
    ));
    if let Some(path) = &path {
        for advice in &path.advice {
            lines.push(line(
                format!("⚠ {}", advice.describe(ladder)),
                theme.warning(),
            ));
        }
        if path.advice.is_empty() && !p.plan.is_empty() {
            lines.push(line(
                "every move goes up, and no corner holds you too long".to_string(),
                theme.muted(),
            ));
        }
    }
    draw_lines(buf, inner, &lines, theme);
}

pub fn milestones(app: &App, buf: &mut Buffer, area: Rect, theme: Theme) {
    let title = if app.milestone_filter {
        "Milestones · current and next level"
    } else {
        "Milestones"
    };
    frame(buf, area, title, Style::default());
    let inner = padded(area);
    let Some(p) = &app.profile else { return };
    let ladder = &app.ladder;
    let rows = app.visible_milestones();
    let cursor = app.milestone_cursor.min(rows.len().saturating_sub(1));
    let mut lines = Vec::new();
    let mut row = 0;
    for (level, def) in ladder.levels().iter().enumerate() {
        if !rows.iter().any(|&(l, _)| l == level) {
            // A level with no milestones still shows, in its place; one filtered out does not.
            if def.milestones.is_empty() && !app.milestone_filter {
                lines.push(line(
                    format!("{}  no milestones", text::one_line(&def.name)),
                    theme.muted(),
                ));
            }
            continue;
        }
        let r = profile::level_progress(p, ladder, level);
        lines.push(line(
            format!(
                "{}  {} {}/{} ({} %)",
                text::one_line(&def.name),
                gauge(r.ratio(), 10),
                r.done,
                r.total,
                r.percent()
            ),
            theme.heading(),
        ));
        let mut stage: Option<Stage> = None;
        while let Some(&(l, i)) = rows.get(row)
            && l == level
        {
            let m = &def.milestones[i];
            if stage != Some(m.stage) {
                lines.push(line(format!("  {}", m.stage.label()), theme.muted()));
                stage = Some(m.stage);
            }
            let progress = p.milestones.get(&m.id);
            let status = progress.map_or(Status::Todo, |x| x.status);
            let mut text = format!(
                "    {} {}  ({})",
                status.mark(),
                text::one_line(&m.title),
                m.kind.label()
            );
            if let Some(progress) = progress {
                if let Some(due) = progress.due {
                    text.push_str(&format!("  due {due}"));
                }
                if !progress.note.is_empty() {
                    text.push_str(&format!("  ✎ {}", text::one_line(&progress.note)));
                }
            }
            let style = if status == Status::Done {
                theme.muted()
            } else {
                Style::default()
            };
            lines.push(Line {
                text,
                style,
                cursor: row == cursor,
            });
            row += 1;
        }
    }
    if lines.is_empty() {
        lines.push(line(
            "no milestones in this ladder".to_string(),
            theme.muted(),
        ));
    }
    draw_lines(buf, inner, &lines, theme);
}

pub fn profile(app: &App, buf: &mut Buffer, area: Rect, theme: Theme) {
    frame(buf, area, "Profile", Style::default());
    let inner = padded(area);
    let Some(p) = &app.profile else { return };
    let ladder = &app.ladder;
    let breadth: Vec<String> = profile::breadth(p, ladder)
        .iter()
        .map(|&c| text::one_line(&ladder.corners()[c].name))
        .collect();
    let mut lines = vec![
        line(
            format!(
                "{} ({}) · {}",
                text::one_line(&p.name),
                p.id,
                text::one_line(ladder.name())
            ),
            theme.heading(),
        ),
        line(
            format!(
                "breadth: {} — {}",
                text::count(breadth.len(), "corner"),
                breadth.join(", ")
            ),
            theme.muted(),
        ),
        line(String::new(), Style::default()),
    ];
    let tabs: Vec<String> = PROFILE_SECTIONS
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let count = app.profile_rows(i);
            if i == app.profile_section {
                format!("[{name} {count}]")
            } else {
                format!(" {name} {count} ")
            }
        })
        .collect();
    lines.push(line(tabs.join("  "), theme.heading()));
    let cursor = app.profile_cursor;
    let entries: Vec<String> = match app.profile_section {
        0 => p
            .history
            .iter()
            .map(|h| {
                let span = match (h.from, h.to) {
                    (Some(f), Some(t)) => format!("{f} – {t}"),
                    (None, Some(t)) => format!("until {t}"),
                    (Some(f), None) => format!("from {f}"),
                    (None, None) => String::new(),
                };
                format!(
                    "✓ {}  {span}  {}",
                    app.title_of(&h.role),
                    text::one_line(&h.note)
                )
            })
            .collect(),
        1 => p
            .mentors
            .iter()
            .map(|m| format!("{}  {}", text::one_line(&m.name), text::one_line(&m.note)))
            .collect(),
        2 => p
            .mentees
            .iter()
            .map(|m| format!("{}  {}", text::one_line(&m.name), text::one_line(&m.note)))
            .collect(),
        _ => p
            .evidence
            .iter()
            .map(|e| {
                let tag = e
                    .milestone
                    .as_deref()
                    .or(e.competency.as_deref())
                    .map(|t| format!("  [{}]", text::one_line(t)))
                    .unwrap_or_default();
                format!("{}  {}{tag}", e.date, text::one_line(&e.text))
            })
            .collect(),
    };
    if entries.is_empty() {
        let hint = match app.profile_section {
            0 => "no past roles yet — a adds one; corners you held count toward breadth",
            1 => "no mentors yet — a adds one; being mentored is part of every level",
            2 => "no mentees yet — a adds one; mentoring grows leaders and successors",
            _ => "no evidence yet — a adds a win; `rungs log TEXT` adds one from the shell",
        };
        lines.push(line(format!("  {hint}"), theme.muted()));
    }
    for (i, entry) in entries.into_iter().enumerate() {
        lines.push(Line {
            text: format!("  {entry}"),
            style: Style::default(),
            cursor: i == cursor,
        });
    }
    draw_lines(buf, inner, &lines, theme);
}
