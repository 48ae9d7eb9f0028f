//! The commands for sharing a plan: the role diff, compare, the learning path and exports. Each
//! shows what one domain function worked out, as the planner does.

use std::io::Write;
use std::path::Path;

use serde_json::{Value, json};

use super::args::ExportFormat;
use super::authoring::{prepare_output, write_export_output};
use super::ladder_cmds::role_arg;
use super::output::write_json;
use super::output::{note, warn};
use super::profile_cmds::{Context, apply, unknown_milestone};
use crate::date::Clock;
use crate::error::Failure;
use crate::export::{self, ExportInput, Format, PrivateNotes};
use crate::fsutil::NewFile;
use crate::ladder::diff::RoleDiff;
use crate::ladder::{self, Ladder, RoleIdx};
use crate::profile::{self, LearningItem, Profile, ProfileError, Store, rules};
use crate::text;

impl From<ExportFormat> for Format {
    fn from(arg: ExportFormat) -> Format {
        match arg {
            ExportFormat::Markdown => Format::Markdown,
            ExportFormat::Json => Format::Json,
            ExportFormat::Dot => Format::Dot,
            ExportFormat::Svg => Format::Svg,
            ExportFormat::Ics => Format::Ics,
        }
    }
}

/// What `rungs diff` runs on: a ladder, and the profile whose done milestones are left out.
fn diff_subject(
    ladder_spec: Option<&str>,
    data_dir: Option<&Path>,
    chosen: Option<&str>,
    clock: &Clock,
) -> Result<(Ladder, Option<Profile>), Failure> {
    if ladder_spec.is_some() {
        let (ladder, _) = ladder::resolve(ladder_spec, data_dir)?;
        return Ok((ladder, None));
    }
    let Some(dir) = data_dir else {
        return Ok((ladder::resolve(None, None)?.0, None));
    };
    match Store::new(dir).resolve(chosen) {
        Ok(_) => {
            let loaded = Context::open(Some(dir), chosen, clock).and_then(|c| c.load(None));
            match loaded {
                Ok((_, profile, ladder)) => Ok((ladder, Some(profile))),
                Err(e) if chosen.is_some() => Err(e),
                Err(e) => {
                    warn(&format!(
                        "{} — showing the ladder alone",
                        text::one_line(&e.message)
                    ));
                    Ok((ladder::resolve(None, data_dir)?.0, None))
                }
            }
        }
        Err(ProfileError::NoProfiles) => Ok((ladder::resolve(None, data_dir)?.0, None)),
        Err(e) if chosen.is_some() => Err(e.into()),
        Err(_) => Ok((ladder::resolve(None, data_dir)?.0, None)),
    }
}

/// `rungs diff FROM TO`: the planner's `d`, on the command line.
pub(super) fn diff(
    ladder_spec: Option<&str>,
    (from, to): (&str, &str),
    json: bool,
    (data_dir, chosen, clock): (Option<&Path>, Option<&str>, &Clock),
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let (ladder, profile) = diff_subject(ladder_spec, data_dir, chosen, clock)?;
    let from = role_arg(&ladder, from, "FROM")?;
    let to = role_arg(&ladder, to, "TO")?;
    if from == to {
        return Err(Failure::invalid(format!(
            "FROM and TO are both \"{}\": nothing changes",
            ladder.role(from).id
        )));
    }
    let diff = profile::role_diff(profile.as_ref(), &ladder, from, to);
    if json {
        return write_json(out, &diff_json(&ladder, &diff, profile.as_ref()));
    }
    for line in diff.describe(&ladder) {
        writeln!(out, "{line}")?;
    }
    if let Some(p) = &profile {
        note(&format!(
            "milestones {} has done are left out (--ladder {} diffs the ladder alone)",
            text::one_line(&p.name),
            ladder.id()
        ));
    }
    Ok(())
}

fn role_json(ladder: &Ladder, role: RoleIdx) -> Value {
    json!({
        "id": ladder.role(role).id,
        "title": text::one_line(&ladder.role(role).title),
        "level": ladder.levels()[ladder.role_level(role)].id,
        "corner": ladder.corner_id_of(role),
    })
}

fn diff_json(ladder: &Ladder, diff: &RoleDiff, profile: Option<&Profile>) -> Value {
    let corner_id = |c: Option<usize>| c.map(|c| ladder.corners()[c].id.clone());
    let milestones: Vec<Value> = diff
        .milestones
        .iter()
        .map(|l| {
            let def = &ladder.levels()[l.level];
            json!({
                "level": def.id,
                "open": l.open.iter().map(|&i| {
                    let m = &def.milestones[i];
                    json!({"id": m.id, "title": text::one_line(&m.title), "stage": m.stage.label(), "kind": m.kind.label()})
                }).collect::<Vec<_>>(),
                "done": l.done.iter().map(|&i| def.milestones[i].id.clone()).collect::<Vec<_>>(),
                "earlier": l.earlier,
            })
        })
        .collect();
    json!({
        "ladder": ladder.id(),
        "profile": profile.map(|p| p.id.clone()),
        "from": role_json(ladder, diff.from),
        "to": role_json(ladder, diff.to),
        "move": {"kind": diff.kind.name(), "allowed": diff.allowed},
        "levels": diff.levels.iter().map(|&l| ladder.levels()[l].id.clone()).collect::<Vec<_>>(),
        "corner": diff.corner.map(|c| json!({"from": corner_id(c.from), "to": corner_id(c.to)})),
        "raised": diff.raised.iter().map(|r| json!({
            "competency": r.competency, "name": text::one_line(&r.name), "from": r.from, "to": r.to,
        })).collect::<Vec<_>>(),
        "milestones": milestones,
        "path": diff.path.as_ref().ok().map(|p| json!({
            "moves": p.moves(),
            "kinds": p.steps.iter().map(|s| s.kind.name()).collect::<Vec<_>>(),
            "roles": p.roles.iter().map(|&r| ladder.role(r).id.clone()).collect::<Vec<_>>(),
        })),
        "path_error": diff.path.as_ref().err().map(|e| e.to_string()),
    })
}

/// `rungs compare ROLE…`: the targets side by side, as the planner's compare view.
pub(super) fn compare(
    people: &Context,
    roles: &[String],
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let (_, profile, ladder) = people.load(None)?;
    let mut targets: Vec<RoleIdx> = Vec::new();
    for role in roles {
        let target = role_arg(&ladder, role, "ROLE")?;
        if targets.contains(&target) {
            return Err(Failure::invalid(format!(
                "\"{}\" is given twice — compare different roles",
                ladder.role(target).id
            )));
        }
        targets.push(target);
    }
    let today = people.clock().today();
    let compared =
        profile::compare(&profile, &ladder, &targets, today).map_err(Failure::invalid)?;
    if json {
        let items: Vec<Value> = compared
            .iter()
            .map(|c| export::comparison_json(&ladder, c))
            .collect();
        return write_json(out, &Value::Array(items));
    }
    writeln!(out, "{} · {today}\n", whose(&profile, &ladder))?;
    let (headers, rows) = profile::compare_table(&ladder, &compared);
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
        .unwrap_or(100)
        .max(40);
    let label_width = rows.iter().map(|r| text::width(r.label)).max().unwrap_or(0) + 2;
    let column = (width.saturating_sub(label_width) / headers.len().max(1)).max(12) - 2;
    let mut table: Vec<(&str, Vec<Vec<String>>)> =
        vec![("", headers.iter().map(|h| vec![h.clone()]).collect())];
    table.extend(rows.iter().map(|r| (r.label, r.cells.clone())));
    for (i, (label, cells)) in table.iter().enumerate() {
        for line in text::table_row(label, cells, (label_width, column, 2)) {
            writeln!(out, "{line}")?;
        }
        if i == 0 {
            writeln!(
                out,
                "{}",
                "─".repeat(label_width + headers.len() * (column + 2) - 2)
            )?;
        }
    }
    Ok(())
}

/// "Priya Sharma, from Tech lead towards Chief Information Officer".
fn whose(profile: &Profile, ladder: &Ladder) -> String {
    let towards = profile
        .target_role
        .as_deref()
        .map(|t| format!(" towards {}", ladder.title_of(t)))
        .unwrap_or_default();
    format!(
        "{}, from {}{towards}",
        text::one_line(&profile.name),
        ladder.title_of(&profile.current_role)
    )
}

/// `rungs learning-path`: the milestones to do next with their due dates; `--accept` sets them.
pub(super) fn learning_path(
    people: &Context,
    json: bool,
    accept: &[String],
    accept_all: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let (id, profile, ladder) = people.load(None)?;
    if ladder.role_index(&profile.current_role).is_none() {
        return Err(Failure::invalid(format!(
            "{id}: the current role \"{}\" is not in ladder \"{}\" — set it with `rungs profile set --role ROLE`",
            text::one_line(&profile.current_role),
            ladder.id()
        )));
    }
    let today = people.clock().today();
    let path = profile::learning_path(&profile, &ladder, today);
    if accept_all || !accept.is_empty() {
        return accept_items(people, &id, &ladder, &path, accept, accept_all, out);
    }
    if json {
        let items: Vec<Value> = path
            .iter()
            .map(|i| export::learning_item_json(&profile, &ladder, i))
            .collect();
        return write_json(
            out,
            &json!({"profile": profile.id, "today": today.to_string(), "items": items}),
        );
    }
    writeln!(out, "Learning path · {}", whose(&profile, &ladder))?;
    if path.is_empty() {
        writeln!(
            out,
            "  nothing left to learn on this plan — every milestone on the way is done"
        )?;
        return Ok(());
    }
    for item in &path {
        writeln!(out, "  {}", item_line(&profile, &ladder, item))?;
    }
    writeln!(
        out,
        "\n✎ marks a due date you set. `rungs learning-path --accept ID` (or --accept-all) sets the suggested ones."
    )?;
    Ok(())
}

/// One learning-path item as a line: due date, status, title, level, and the step it is for.
fn item_line(profile: &Profile, ladder: &Ladder, item: &LearningItem) -> String {
    let m = &ladder.levels()[item.level].milestones[item.index];
    let step = item
        .step
        .and_then(|i| profile.plan.get(i).map(|s| (i, s)))
        .map(|(i, s)| {
            format!(
                " · for {} {}",
                text::step_number(i + 1),
                ladder.title_of(&s.role)
            )
        })
        .unwrap_or_default();
    format!(
        "{} {} {} {} ({}, {}){step} — {}",
        item.due,
        if item.due_set { "✎" } else { " " },
        item.status.mark(),
        text::one_line(&m.title),
        text::one_line(&ladder.levels()[item.level].name),
        m.kind.label(),
        m.id
    )
}

fn accept_items(
    people: &Context,
    id: &str,
    ladder: &Ladder,
    path: &[LearningItem],
    accept: &[String],
    accept_all: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let mut chosen: Vec<&LearningItem> = Vec::new();
    for wanted in accept {
        if ladder.milestone(wanted).is_none() {
            return Err(unknown_milestone(ladder, wanted));
        }
        match path.iter().find(|i| i.milestone == *wanted) {
            Some(item) => chosen.push(item),
            None => {
                return Err(Failure::invalid(format!(
                    "\"{}\" is not on the learning path (it is done, or not on the way to your plan's roles) — `rungs learning-path` lists what is",
                    text::one_line(wanted)
                )));
            }
        }
    }
    if accept_all {
        chosen = path.iter().filter(|i| !i.due_set).collect();
    }
    let today = people.clock().today();
    let (count, _) = people.store().update(id, |p| {
        let mut count = 0;
        for item in &chosen {
            if let Some(change) = rules::accept_due(p, &item.milestone, item.due, today) {
                apply(&change, p)?;
                count += 1;
            }
        }
        Ok(count)
    })?;
    writeln!(
        out,
        "{id}: {} set{}",
        text::count(count, "due date"),
        if count < chosen.len() {
            format!(" ({} already had that date)", chosen.len() - count)
        } else {
            String::new()
        }
    )?;
    Ok(())
}

/// `rungs export`: the profile in `format`, on standard output or in `--out PATH`; the private
/// notes of 1:1s only when asked for, and only in a format that can carry them.
pub(super) fn export(
    people: &Context,
    (format, private): (ExportFormat, PrivateNotes),
    (path, force): (Option<&Path>, bool),
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let format = Format::from(format);
    if private == PrivateNotes::Included && !format.can_carry_private_notes() {
        return Err(Failure::invalid(format!(
            "--include-private: the {} export never carries private notes, only markdown and json do — drop --include-private, or use --format markdown or json",
            format.name()
        )));
    }
    let previous = path.map(|p| prepare_output(p, force)).transpose()?;
    let (_, profile, ladder) = people.load(None)?;
    let input = ExportInput::new(&profile, &ladder, people.clock()).with_private_notes(private);
    let contents = export::render(format, &input);
    // A file holding private notes is readable by its owner only, like the notes' own file.
    let new_file = match private {
        PrivateNotes::Included => NewFile::Secret,
        PrivateNotes::LeftOut => NewFile::Shared,
    };
    match (path, previous) {
        (Some(path), Some(previous)) => {
            write_export_output(path, &contents, previous, new_file)?;
            writeln!(
                out,
                "wrote the {} export of {} to {} — {}",
                format.name(),
                profile.id,
                path.display(),
                format.how_to_open()
            )?;
        }
        _ => out.write_all(contents.as_bytes())?,
    }
    if private == PrivateNotes::Included {
        warn(
            "this export holds private notes of 1:1s — keep it out of shared folders and documents",
        );
    }
    Ok(())
}
