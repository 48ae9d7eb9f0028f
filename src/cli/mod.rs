//! The command line: clap definitions and the commands that need no terminal UI.
//!
//! Data goes to the writer given (stdout), problems come back as a [`Failure`] that the binary
//! prints to stderr with its exit code: 1 for a runtime failure, 2 for bad usage or invalid input.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use serde_json::json;

use crate::ladder::{self, Ladder, LadderSource, PathRequest, PlanError};
use crate::print;
use crate::text;

mod args;
mod profile_cmds;

pub use crate::error::Failure;
pub use args::{
    Cli, Command, ExportFormat, LadderArg, PlanCommand, ProfileCommand, StatusArg, corner_args,
    role_arg,
};

/// Runs a parsed command line, writing data to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    let data_dir = crate::dirs::data_dir(cli.data_dir.as_deref());
    let data_dir = data_dir.as_deref();
    if cli.ladder.is_some() && cli.command.is_some() {
        return Err(Failure::invalid(
            "--ladder before a command applies only to the planner — put it after the command, e.g. `rungs print --ladder FILE`",
        ));
    }
    let people = || profile_cmds::Context::open(data_dir, cli.profile.as_deref());
    match cli.command {
        None if io::stdout().is_terminal() && io::stdin().is_terminal() => {
            let data_dir = data_dir.ok_or_else(|| {
                Failure::invalid(
                    "no data folder could be found — pass --data-dir DIR or set RUNGS_DATA_DIR",
                )
            })?;
            crate::tui::run(crate::tui::Options {
                data_dir: data_dir.to_path_buf(),
                profile: cli.profile.clone(),
                ladder: cli.ladder.clone(),
                color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            })
        }
        None => overview(data_dir, out),
        Some(Command::Check { files }) => check(&files, out),
        Some(Command::Ladders { json }) => ladders(data_dir, json, out),
        Some(Command::Print { ladder, width }) => {
            let (ladder, _) = ladder::resolve(ladder.ladder.as_deref(), data_dir)?;
            out.write_all(print::render(&ladder, width as usize).as_bytes())?;
            Ok(())
        }
        Some(Command::Profile { action }) => people()?.profile(action, out),
        Some(Command::Milestone { id, status, note }) => {
            people()?.milestone(&id, status, note.as_deref(), out)
        }
        Some(Command::Log {
            text,
            milestone,
            competency,
        }) => people()?.log(&text, milestone.as_deref(), competency.as_deref(), out),
        Some(Command::Plan { action }) => people()?.plan(action, out),
        Some(Command::Export { format }) => people()?.export(format, out),
        Some(Command::Path {
            ladder,
            from,
            to,
            alternatives,
            avoid,
            via,
            json,
        }) => {
            let (ladder, _) = ladder::resolve(ladder.ladder.as_deref(), data_dir)?;
            let request = PathRequest {
                from: role_arg(&ladder, &from, "--from")?,
                to: role_arg(&ladder, &to, "--to")?,
                avoid: corner_args(&ladder, &avoid, "--avoid")?,
                via: corner_args(&ladder, &via, "--via")?,
                count: alternatives as usize,
            };
            path(&ladder, &request, json, out)
        }
    }
}

/// With no command (until the planner opens here): the ladder and how to go on.
fn overview(data_dir: Option<&Path>, out: &mut dyn Write) -> Result<(), Failure> {
    let (ladder, _) = ladder::resolve(None, data_dir)?;
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
        .unwrap_or(120);
    out.write_all(print::render(&ladder, width).as_bytes())?;
    let example_from = ladder.roles().first().map_or("ROLE", |r| r.id.as_str());
    let example_to = ladder.roles().last().map_or("ROLE", |r| r.id.as_str());
    writeln!(
        out,
        "\nPlan a path:  rungs path --from {example_from} --to {example_to} --alternatives 3\nThe planner:  run `rungs` in a terminal\nMore:         rungs --help"
    )?;
    Ok(())
}

fn check(files: &[PathBuf], out: &mut dyn Write) -> Result<(), Failure> {
    let mut lines = Vec::new();
    for file in files {
        match ladder::load_file(file) {
            Ok(ladder) => writeln!(
                out,
                "{}: ok — \"{}\", {}, {}, {}",
                file.display(),
                text::one_line(ladder.name()),
                text::count(ladder.levels().len(), "level"),
                text::count(ladder.corners().len(), "corner"),
                text::count(ladder.roles().len(), "role")
            )?,
            Err(e) => lines.extend(e.lines()),
        }
    }
    if lines.is_empty() {
        Ok(())
    } else {
        Err(Failure::invalid(lines.join("\n")))
    }
}

fn ladders(data_dir: Option<&Path>, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let listings = ladder::find_ladders(data_dir);
    if json {
        let items: Vec<serde_json::Value> = listings
            .iter()
            .map(|listing| {
                let (source, path) = match &listing.source {
                    LadderSource::Bundled => ("bundled", None),
                    LadderSource::File(p) => ("file", Some(p.display().to_string())),
                };
                match &listing.ladder {
                    Ok(l) => json!({
                        "id": l.id(), "name": text::one_line(l.name()), "source": source, "path": path,
                        "levels": l.levels().len(), "corners": l.corners().len(), "roles": l.roles().len(),
                        "valid": true, "errors": [],
                    }),
                    Err(e) => json!({
                        "id": null, "name": null, "source": source, "path": path,
                        "levels": null, "corners": null, "roles": null,
                        "valid": false, "errors": e.lines(),
                    }),
                }
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &items).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    let rows: Vec<[String; 4]> = listings
        .iter()
        .map(|listing| match &listing.ladder {
            Ok(l) => [
                l.id().to_string(),
                text::one_line(l.name()),
                format!("{} roles", l.roles().len()),
                listing.source.describe(),
            ],
            Err(e) => [
                "(invalid)".to_string(),
                e.lines().first().cloned().unwrap_or_default(),
                String::new(),
                listing.source.describe(),
            ],
        })
        .collect();
    let widths: Vec<usize> = (0..3)
        .map(|i| {
            rows.iter()
                .map(|r| text::width(&r[i]))
                .max()
                .unwrap_or(0)
                .min(48)
        })
        .collect();
    for row in &rows {
        let line = format!(
            "{}  {}  {}  {}",
            text::fit(&row[0], widths[0]),
            text::fit(&row[1], widths[1]),
            text::fit(&row[2], widths[2]),
            row[3]
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    if let Some(dir) = data_dir {
        writeln!(
            out,
            "\nYour own ladders go in {}",
            dir.join("ladders").display()
        )?;
    }
    Ok(())
}

fn path(
    ladder: &Ladder,
    request: &PathRequest,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let paths = ladder::plan(ladder, request).map_err(|e| match e {
        PlanError::AlreadyThere => Failure::invalid(format!(
            "--from and --to are both \"{}\": nothing to plan",
            ladder.role(request.from).id
        )),
        other => Failure::invalid(other.to_string()),
    })?;
    let title = |r: usize| text::one_line(&ladder.role(r).title);
    let corner_id = |c: usize| ladder.corners()[c].id.clone();
    if json {
        let items: Vec<serde_json::Value> = paths
            .iter()
            .map(|p| {
                json!({
                    "moves": p.moves(),
                    "steps": p.steps.iter().map(|s| json!({
                        "from": ladder.role(s.from).id,
                        "to": ladder.role(s.to).id,
                        "kind": s.kind.name(),
                        "from_title": title(s.from),
                        "to_title": title(s.to),
                        "corner": ladder.corner_id_of(s.to),
                    })).collect::<Vec<_>>(),
                    "corners": p.corners.iter().map(|&c| corner_id(c)).collect::<Vec<_>>(),
                    "advice": p.advice.iter().map(|a| a.describe(ladder)).collect::<Vec<_>>(),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &items).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(
        out,
        "{} → {}  ({})",
        title(request.from),
        title(request.to),
        text::one_line(ladder.name())
    )?;
    if paths.len() < request.count {
        writeln!(
            out,
            "only {} under these constraints",
            text::count(paths.len(), "distinct path")
        )?;
    }
    for (i, p) in paths.iter().enumerate() {
        let label = if i == 0 {
            "best".to_string()
        } else {
            format!("alternative {i}")
        };
        writeln!(
            out,
            "\nPath {} ({label}): {} · {}",
            i + 1,
            text::count(p.moves(), "move"),
            text::count(p.corners.len(), "corner")
        )?;
        for (n, step) in p.steps.iter().enumerate() {
            writeln!(
                out,
                "  {}. {} {:<8}  {} → {}  [{}]",
                n + 1,
                step.kind.arrow(),
                step.kind.name(),
                title(step.from),
                title(step.to),
                text::one_line(ladder.corner_name_of(step.to))
            )?;
        }
        let corners: Vec<String> = p
            .corners
            .iter()
            .map(|&c| text::one_line(&ladder.corners()[c].name))
            .collect();
        writeln!(out, "  corners: {}", corners.join(" → "))?;
        if p.advice.is_empty() {
            writeln!(
                out,
                "  advice: every move goes up, and no corner holds you too long"
            )?;
        } else {
            for advice in &p.advice {
                writeln!(out, "  ⚠ {}", advice.describe(ladder))?;
            }
        }
    }
    Ok(())
}
