//! A profile rendered for people and scripts: the `show` text, JSON, the plan, and the Markdown
//! summary to paste after a 1:1; the exports people open elsewhere (Graphviz, SVG, iCalendar)
//! are in their own modules, chosen through [`Format`]. All text from files passes through the
//! sanitiser, then each format's own escaping.

pub mod case;
mod coaching;
pub mod document;
mod dot;
mod formats;
mod ics;
mod minutes;
mod svg;

use std::fmt::Write;

use serde::Serialize;
use serde_json::{Value, json};

use crate::date::Date;
use crate::ladder::{Breadth, Ladder, Stage};
use crate::profile::{self, Comparison, LearningItem, Profile, Readiness, Status};
use crate::text;

pub use coaching::{
    action_json, agenda_item_json, agenda_json, evidence_json, evidence_line, evidence_tag,
    sessions_json, standing_json,
};
use formats::cell;
pub use formats::{EXPORTS_FOLDER, ExportInput, Format, PrivateNotes, file_name, write_to_exports};
pub use minutes::Minutes;

/// How far back "done recently" reaches in the Markdown summary.
pub const RECENT_DAYS: i64 = 90;

/// Readiness for the next level as scripts see it, wherever it appears.
#[derive(Debug, Serialize)]
pub struct ReadinessJson {
    pub done: usize,
    pub total: usize,
    pub percent: u8,
    /// The level it prepares for; `None` at the top of the ladder.
    pub for_level: Option<String>,
    pub held_level: String,
    /// What it counts, in words.
    pub counts: String,
    /// What it counts, level by level.
    pub levels: Vec<CountedJson>,
    /// The ids of the milestones it counts.
    pub milestones: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct CountedJson {
    pub level: String,
    pub done: usize,
    pub counted: usize,
    /// An earlier level, of which only the milestones still open count.
    pub open_only: bool,
}

impl ReadinessJson {
    pub fn new(r: &Readiness, ladder: &Ladder) -> ReadinessJson {
        let level_id = |l: usize| ladder.levels()[l].id.clone();
        ReadinessJson {
            done: r.progress.done,
            total: r.progress.total,
            percent: r.percent(),
            for_level: r.for_level.map(level_id),
            held_level: level_id(r.held_level),
            counts: r.counts(ladder),
            levels: r
                .counted
                .iter()
                .map(|c| CountedJson {
                    level: level_id(c.level),
                    done: c.done,
                    counted: c.milestones.len(),
                    open_only: c.open_only,
                })
                .collect(),
            milestones: r
                .milestone_ids(ladder)
                .into_iter()
                .map(str::to_string)
                .collect(),
        }
    }
}

/// "readiness for Manager: 3/9 (33 %) — counts the Tech lead milestones (3 of 8 done), …"
pub fn readiness_line(r: &Readiness, ladder: &Ladder) -> String {
    format!(
        "{}: {} — counts {}",
        r.label(ladder),
        r.progress.fraction(),
        r.counts(ladder)
    )
}

fn readiness_value(profile: &Profile, ladder: &Ladder) -> Value {
    profile::readiness(profile, ladder)
        .map(|r| serde_json::to_value(ReadinessJson::new(&r, ladder)).unwrap_or(Value::Null))
        .unwrap_or(Value::Null)
}

/// `{"visited": 3, "total": 6}`: the business-facing corners among `breadth`, of the ladder's.
pub fn business_facing_json(breadth: &Breadth) -> Value {
    json!({"visited": breadth.business_facing, "total": breadth.business_facing_total})
}

fn where_of(ladder: &Ladder, role: &str) -> String {
    ladder.role_index(role).map_or_else(String::new, |r| {
        format!(
            "{}, {}",
            text::one_line(ladder.corner_name_of(r)),
            text::one_line(&ladder.levels()[ladder.role_level(r)].name)
        )
    })
}

/// One plan step as shown: its move, where it leads, and the person's date and note.
struct PlanRow {
    kind: String,
    title: String,
    corner: String,
    date: String,
    note: String,
}

fn plan_rows(profile: &Profile, ladder: &Ladder) -> (Vec<PlanRow>, Vec<String>) {
    // Every step, judged or not: a plan never disappears because a role was renamed.
    let rows = profile::planned_steps(profile, ladder)
        .into_iter()
        .map(|planned| PlanRow {
            kind: planned
                .kind
                .map_or_else(|| "? unknown".to_string(), |k| k.to_string()),
            title: ladder.title_of(&planned.step.role),
            corner: planned
                .role
                .map(|r| text::one_line(ladder.corner_name_of(r)))
                .unwrap_or_else(|| "not in this ladder".to_string()),
            date: planned
                .step
                .target_date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            note: text::one_line(&planned.step.note),
        })
        .collect();
    let mut advice = profile::plan_problems(profile, ladder);
    if let Some(path) = profile::plan_path(profile, ladder).0 {
        advice.extend(path.advice.iter().map(|a| a.describe(ladder)));
    }
    (rows, advice)
}

/// The plan as text: numbered steps with move kinds, then the advice it breaks and the
/// readiness for the next move.
pub fn plan_text(profile: &Profile, ladder: &Ladder) -> String {
    let mut out = format!(
        "{}: from {}{}\n",
        profile.id,
        ladder.title_of(&profile.current_role),
        profile
            .target_role
            .as_deref()
            .map(|t| format!(" towards {}", ladder.title_of(t)))
            .unwrap_or_default()
    );
    out.push_str(&plan_steps_text(profile, ladder));
    if let Some(r) = profile::readiness(profile, ladder) {
        let _ = writeln!(out, "  {}", readiness_line(&r, ladder));
    }
    out
}

/// The plan's steps, breadth and advice, indented.
fn plan_steps_text(profile: &Profile, ladder: &Ladder) -> String {
    let mut out = String::new();
    let (rows, advice) = plan_rows(profile, ladder);
    if rows.is_empty() {
        let _ = writeln!(
            out,
            "  no steps planned — `rungs plan auto` fills the plan, `rungs plan add ROLE` adds a step"
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let mut line = format!(
            "  {}. {:<11} {}  [{}]",
            i + 1,
            row.kind,
            row.title,
            row.corner
        );
        if !row.date.is_empty() {
            let _ = write!(line, "  by {}", row.date);
        }
        if !row.note.is_empty() {
            let _ = write!(line, "  — {}", row.note);
        }
        let _ = writeln!(out, "{line}");
    }
    let breadth = profile::breadth(profile, ladder);
    let _ = writeln!(
        out,
        "  {} · breadth {}",
        text::count(rows.len(), "move"),
        breadth.summary()
    );
    for a in advice {
        let _ = writeln!(out, "  ⚠ {a}");
    }
    out
}

/// The plan for scripts.
pub fn plan_json(profile: &Profile, ladder: &Ladder) -> Value {
    // Every step: one the ladder cannot judge (its role, or the current role, unknown) has a
    // null kind, and `advice` says why and how to fix it.
    let steps: Vec<Value> = profile::planned_steps(profile, ladder)
        .into_iter()
        .map(|planned| {
            json!({
                "role": planned.step.role,
                "title": ladder.title_of(&planned.step.role),
                "kind": planned.kind.map(|k| k.name()),
                "corner": planned.role.and_then(|r| ladder.corner_id_of(r)),
                "target_date": planned.step.target_date.map(|d| d.to_string()),
                "note": planned.step.note,
            })
        })
        .collect();
    let mut advice = profile::plan_problems(profile, ladder);
    if let Some(path) = profile::plan_path(profile, ladder).0 {
        advice.extend(path.advice.iter().map(|a| a.describe(ladder)));
    }
    let breadth = profile::breadth(profile, ladder);
    json!({
        "from": profile.current_role,
        "target": profile.target_role,
        "steps": steps,
        "corners": breadth.corners.iter().map(|&c| ladder.corners()[c].id.clone()).collect::<Vec<_>>(),
        "business_facing_corners": business_facing_json(&breadth),
        "advice": advice,
        "readiness": readiness_value(profile, ladder),
    })
}

/// Each level's own progress (kept under the key `readiness` for scripts written before
/// readiness for the next level had its own key).
fn level_progress_json(profile: &Profile, ladder: &Ladder) -> Vec<Value> {
    (0..ladder.levels().len())
        .map(|level| {
            let r = profile::level_progress(profile, ladder, level);
            json!({
                "level": ladder.levels()[level].id,
                "name": text::one_line(&ladder.levels()[level].name),
                "done": r.done, "total": r.total, "percent": r.percent(),
            })
        })
        .collect()
}

/// What the JSON export calls itself, and the version of its shape. Fields may be added
/// within a version; one that is removed or changes meaning makes the next version.
pub const JSON_FORMAT: &str = "rungs-export";
pub const JSON_VERSION: u32 = 1;

/// Everything in the profile plus what is derived from it, for scripts: the versioned shape of
/// `rungs export --format json` and `rungs profile show --json` (see the README). The private
/// notes of 1:1s are in it only when `input` includes them.
pub fn json(input: &ExportInput) -> Value {
    let (profile, ladder) = (input.profile, input.ladder);
    let stored = serde_json::to_value(profile).unwrap_or(Value::Null);
    let breadth = profile::breadth(profile, ladder);
    let learning: Vec<Value> = profile::learning_path(profile, ladder, input.today)
        .iter()
        .map(|item| learning_item_json(profile, ladder, item))
        .collect();
    let mut value = json!({
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "as_of": input.today.to_string(),
        "profile": stored,
        "derived": {
            "ladder": ladder.id(),
            "next_level": profile::next_level(profile, ladder).map(|l| ladder.levels()[l].id.clone()),
            "readiness": level_progress_json(profile, ladder),
            "next_level_readiness": readiness_value(profile, ladder),
            "breadth": breadth.corners.iter().map(|&c| ladder.corners()[c].id.clone()).collect::<Vec<_>>(),
            "business_facing_corners": business_facing_json(&breadth),
            "plan": plan_json(profile, ladder),
            "learning_path": learning,
            "coaching": coaching::coaching_json(input),
        }
    });
    if input.private == PrivateNotes::Included {
        value["private_notes"] = json!(profile.private_notes);
    }
    value
}

/// One target of `rungs compare --json`: the best path, the gaps, readiness for the move and
/// the milestones it counts that are left.
pub fn comparison_json(ladder: &Ladder, c: &Comparison) -> Value {
    json!({
        "role": ladder.role(c.target).id,
        "title": text::one_line(&ladder.role(c.target).title),
        "moves": c.diff.path.as_ref().ok().map(|p| p.moves()),
        "kinds": c.diff.path_kinds().iter().map(|k| k.name()).collect::<Vec<_>>(),
        "path": c.diff.path.as_ref().ok().map(|p| p.roles.iter().map(|&r| ladder.role(r).id.clone()).collect::<Vec<_>>()),
        "path_error": c.diff.path.as_ref().err().map(|e| e.to_string()),
        "corners_gained": c.corners_gained.iter().map(|&k| ladder.corners()[k].id.clone()).collect::<Vec<_>>(),
        "milestones": {"left": c.milestones().left(), "done": c.milestones().done, "total": c.milestones().total},
        "gaps": c.gaps.iter().map(|g| json!({
            "competency": g.competency, "name": text::one_line(&g.name),
            "expected_now": g.expected_now, "expected_there": g.expected_there,
            "shows": g.shows, "size": g.size(),
        })).collect::<Vec<_>>(),
        "readiness": ReadinessJson::new(&c.readiness, ladder),
        "suggested_date": c.suggested.map(|d| d.to_string()),
        "date_from_plan": c.date_from_plan,
    })
}

/// One item of the learning path, as `rungs learning-path --json` prints it.
pub fn learning_item_json(profile: &Profile, ladder: &Ladder, item: &LearningItem) -> Value {
    let level = &ladder.levels()[item.level];
    let m = &level.milestones[item.index];
    json!({
        "milestone": m.id,
        "title": text::one_line(&m.title),
        "level": level.id,
        "stage": m.stage.label(),
        "kind": m.kind.label(),
        "status": item.status.name(),
        "due": item.due.to_string(),
        "due_set": item.due_set,
        "step": item.step.and_then(|i| profile.plan.get(i).map(|s| json!({"number": i + 1, "role": s.role}))),
        "gaps": item.gaps,
    })
}

/// `rungs profile show`: everything in the profile, readable in a terminal.
pub fn text(profile: &Profile, ladder: &Ladder) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}) · {}",
        text::one_line(&profile.name),
        profile.id,
        text::one_line(ladder.name())
    );
    let _ = writeln!(
        out,
        "now     ● {}  [{}]",
        ladder.title_of(&profile.current_role),
        where_of(ladder, &profile.current_role)
    );
    if let Some(target) = &profile.target_role {
        let _ = writeln!(
            out,
            "target  ★ {}  [{}]",
            ladder.title_of(target),
            where_of(ladder, target)
        );
    }
    if !profile.history.is_empty() {
        let _ = writeln!(out, "\nHistory");
        for held in &profile.history {
            let (title, span) = (ladder.title_of(&held.role), held.span());
            let _ = writeln!(out, "  ✓ {title}  {span}");
        }
    }
    let breadth = profile::breadth(profile, ladder);
    let _ = writeln!(out, "\nBreadth: {}", breadth.corner_list(ladder));
    if let Some(line) = breadth.business_facing_line() {
        let _ = writeln!(out, "  {line}");
    }

    let _ = writeln!(out, "\nPlan");
    out.push_str(&plan_steps_text(profile, ladder));

    if let Some(r) = profile::readiness(profile, ladder) {
        let _ = writeln!(
            out,
            "\n{} {} {}",
            cell(&capitalised(&r.label(ladder))),
            r.gauge(10),
            r.progress.fraction()
        );
        let _ = writeln!(out, "  counts {}", r.counts(ladder));
    }

    let _ = writeln!(out, "\nProgress by level (each level's own milestones)");
    let name_width = ladder
        .levels()
        .iter()
        .map(|l| text::width(&text::one_line(&l.name)))
        .max()
        .unwrap_or(0)
        .min(24);
    for (level_idx, level) in ladder.levels().iter().enumerate() {
        let r = profile::level_progress(profile, ladder, level_idx);
        let figure = if r.total == 0 {
            "no milestones".to_string()
        } else {
            format!("{} {}", r.gauge(10), r.fraction())
        };
        let _ = writeln!(
            out,
            "  {}  {figure}",
            text::fit(&text::one_line(&level.name), name_width)
        );
    }

    let _ = writeln!(out, "\nMilestones (id — status)");
    for level in ladder.levels() {
        if level.milestones.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  {}", text::one_line(&level.name));
        for m in &level.milestones {
            let progress = profile.milestones.get(&m.id);
            let status = progress.map_or(Status::Todo, |p| p.status);
            let mut line = format!(
                "    {} {}  ({}, {}) — {}",
                status.mark(),
                text::one_line(&m.title),
                m.stage.label(),
                m.kind.label(),
                m.id
            );
            if let Some(p) = progress {
                if status != Status::Todo {
                    let _ = write!(line, " · {} {}", status.name(), p.changed);
                }
                if !p.note.is_empty() {
                    let _ = write!(line, " · {}", text::one_line(&p.note));
                }
            }
            let _ = writeln!(out, "{line}");
        }
    }

    if !profile.evidence.is_empty() {
        let _ = writeln!(out, "\nEvidence");
        for e in profile.evidence.iter().rev().take(10) {
            let _ = writeln!(out, "  {}", evidence_line(e, ladder));
        }
        if profile.evidence.len() > 10 {
            let _ = writeln!(out, "  … and {} older", profile.evidence.len() - 10);
        }
    }
    for (label, people) in [("Mentors", &profile.mentors), ("Mentees", &profile.mentees)] {
        if !people.is_empty() {
            let _ = writeln!(out, "\n{label}");
            for p in people {
                let _ = writeln!(
                    out,
                    "  {}  {}",
                    text::one_line(&p.name),
                    text::one_line(&p.note)
                );
            }
        }
    }
    out
}

/// The summary to paste after a 1:1: roles, plan, readiness, recent and open milestones, the
/// last 1:1 and the open action items, what to learn next, recent evidence.
pub fn markdown(input: &ExportInput) -> String {
    let (profile, ladder, today) = (input.profile, input.ladder, input.today);
    let mut out = String::new();
    let _ = writeln!(out, "# Career plan — {}\n", cell(&profile.name));
    let _ = writeln!(
        out,
        "*{} · {today} · a conversation guide, not a promotion checklist*\n",
        cell(ladder.name())
    );
    let _ = writeln!(
        out,
        "- **Now:** {} ({})",
        cell(&ladder.title_of(&profile.current_role)),
        cell(&where_of(ladder, &profile.current_role))
    );
    if let Some(target) = &profile.target_role {
        let _ = writeln!(
            out,
            "- **Target:** {} ({})",
            cell(&ladder.title_of(target)),
            cell(&where_of(ladder, target))
        );
    }
    let breadth = profile::breadth(profile, ladder);
    let business = breadth
        .business_facing_line()
        .map(|line| format!("; {line}"))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "- **Breadth:** {} across history and plan{business}",
        text::count(breadth.corners.len(), "corner")
    );

    let _ = writeln!(out, "\n## Plan\n");
    let (rows, advice) = plan_rows(profile, ladder);
    if rows.is_empty() {
        let _ = writeln!(out, "No moves planned yet.");
    } else {
        let _ = writeln!(out, "| # | move | role | corner | by | note |");
        let _ = writeln!(out, "|---|---|---|---|---|---|");
        for (i, r) in rows.iter().enumerate() {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                i + 1,
                r.kind,
                cell(&r.title),
                cell(&r.corner),
                r.date,
                cell(&r.note)
            );
        }
    }
    for a in &advice {
        let _ = writeln!(out, "\n> ⚠ {}", cell(a));
    }

    let readiness = profile::readiness(profile, ladder);
    let _ = writeln!(out, "\n## Readiness\n");
    if let Some(r) = &readiness {
        let _ = writeln!(
            out,
            "**{}: {} %** ({} of {}) — counts {}.",
            cell(&capitalised(&r.label(ladder))),
            r.percent(),
            r.progress.done,
            r.progress.total,
            cell(&r.counts(ladder))
        );
    }
    let _ = writeln!(out, "\n### Progress by level\n");
    let _ = writeln!(out, "| level | done | progress |");
    let _ = writeln!(out, "|---|---|---|");
    for level in 0..ladder.levels().len() {
        let r = profile::level_progress(profile, ladder, level);
        let figure = if r.total == 0 {
            "no milestones".to_string()
        } else {
            format!("{} %", r.percent())
        };
        let _ = writeln!(
            out,
            "| {} | {}/{} | {figure} |",
            cell(&ladder.levels()[level].name),
            r.done,
            r.total
        );
    }

    let _ = writeln!(out, "\n## Done in the last {RECENT_DAYS} days\n");
    let since = today.days_since_epoch() - RECENT_DAYS;
    let mut recent: Vec<(Date, String, String)> = profile
        .milestones
        .iter()
        .filter(|(_, p)| p.status == Status::Done && p.changed.days_since_epoch() >= since)
        .filter_map(|(id, p)| {
            ladder
                .milestone(id)
                .map(|(_, m)| (p.changed, cell(&m.title), cell(&p.note)))
        })
        .collect();
    recent.sort_by_key(|r| std::cmp::Reverse(r.0));
    if recent.is_empty() {
        let _ = writeln!(out, "Nothing marked done recently.");
    }
    for (date, title, note) in recent {
        let note = if note.is_empty() {
            String::new()
        } else {
            format!(" — {note}")
        };
        let _ = writeln!(out, "- {date} ✓ {title}{note}");
    }

    if let Some(r) = &readiness {
        open_milestones(&mut out, profile, ladder, r);
    }

    coaching::one_on_one(&mut out, input);
    learning_next(&mut out, profile, ladder, today);

    let recent_evidence: Vec<_> = profile
        .evidence
        .iter()
        .filter(|e| e.date.days_since_epoch() >= since)
        .collect();
    if !recent_evidence.is_empty() {
        let _ = writeln!(out, "\n## Evidence\n");
        for e in recent_evidence.iter().rev() {
            let tag = evidence_tag(e, ladder)
                .map(|t| format!(" ({})", cell(&t)))
                .unwrap_or_default();
            let _ = writeln!(out, "- {} {}{tag}", e.date, cell(&e.text));
        }
    }
    out
}

/// How many learning-path items the 1:1 summary lists.
pub const LEARNING_NEXT: usize = 5;

/// The next items of the learning path, with their due dates.
fn learning_next(out: &mut String, profile: &Profile, ladder: &Ladder, today: Date) {
    let path = profile::learning_path(profile, ladder, today);
    if path.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## Next on the learning path\n");
    for item in path.iter().take(LEARNING_NEXT) {
        let m = &ladder.levels()[item.level].milestones[item.index];
        let _ = writeln!(
            out,
            "- {} {} {} ({}, {}){}",
            item.due,
            item.status.mark(),
            cell(&m.title),
            cell(&ladder.levels()[item.level].name),
            m.kind.label(),
            if item.due_set {
                ""
            } else {
                " — suggested date"
            }
        );
    }
}

/// The milestones readiness counts that are not done yet, by level and stage.
fn open_milestones(out: &mut String, profile: &Profile, ladder: &Ladder, r: &Readiness) {
    let heading = match r.for_level {
        Some(next) => format!(
            "Open for {} (what readiness counts)",
            cell(&ladder.levels()[next].name)
        ),
        None => "Open at the top level (what readiness counts)".to_string(),
    };
    let _ = writeln!(out, "\n## {heading}\n");
    if r.progress.done == r.progress.total {
        let _ = writeln!(out, "All done.");
    }
    let mut first_level = true;
    for counted in &r.counted {
        let level = &ladder.levels()[counted.level];
        let open: Vec<_> = counted
            .milestones
            .iter()
            .map(|&i| &level.milestones[i])
            .filter(|m| profile.status_of(&m.id) != Status::Done)
            .collect();
        if open.is_empty() {
            continue;
        }
        // A blank line between levels; the next section brings its own.
        if !first_level {
            let _ = writeln!(out);
        }
        first_level = false;
        let _ = writeln!(out, "**{}**\n", cell(&level.name));
        for stage in Stage::ALL {
            for m in open.iter().filter(|m| m.stage == stage) {
                let status = profile.status_of(&m.id);
                let _ = writeln!(
                    out,
                    "- {} {} ({}, {})",
                    status.mark(),
                    cell(&m.title),
                    m.stage.label(),
                    m.kind.label()
                );
            }
        }
    }
}

/// The first letter in upper case, for a label that starts a sentence.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A profile's export in `format`.
pub fn render(format: Format, input: &ExportInput) -> String {
    match format {
        Format::Markdown => markdown(input),
        Format::Json => {
            let value = json(input);
            // Escaped as on stdout: the file may well be shown with `cat`.
            let mut out =
                text::json_escaped(&serde_json::to_string_pretty(&value).unwrap_or_default());
            out.push('\n');
            out
        }
        Format::Dot => dot::render(input),
        Format::Svg => svg::render(input),
        Format::Ics => ics::render(input),
    }
}
