//! The command line: clap definitions and the commands that need no terminal UI.
//!
//! Data goes to the writer given (stdout), problems come back as a [`Failure`] that the binary
//! prints to stderr with its exit code: 1 for a runtime failure, 2 for bad usage or invalid input.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::json;

use crate::date::Date;
use crate::ladder::{self, Breadth, Ladder, LadderSource, PathRequest, PlanError};
use crate::print;
use crate::text;

mod profile_cmds;

pub use crate::error::Failure;

#[derive(Debug, Parser)]
#[command(
    name = "rungs",
    version,
    about = "Plan an IT career: from individual contributor to CIO, up and across the corners of IT.",
    long_about = None,
    after_help = "Run without a command to open the planner (in a terminal). Ladder files: see `rungs check --help` and the README."
)]
pub struct Cli {
    /// Where profiles and your own ladders live [default: the platform's data folder for rungs]
    #[arg(long, global = true, env = "RUNGS_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// The profile to use, by name or id [default: the only or most recently changed one]
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// For the planner: a ladder file or id [default: the profile's ladder, or it-leadership]
    #[arg(long, value_name = "FILE|ID")]
    pub ladder: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Args)]
pub struct LadderArg {
    /// A ladder file, or the id of a bundled or user ladder [default: it-leadership]
    #[arg(long, value_name = "FILE|ID")]
    pub ladder: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check ladder files; prints one line per problem with file:line:col (exit 2 if any)
    Check {
        /// Ladder files (.ron) to check
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// List the bundled ladders and your own (in <data dir>/ladders/)
    Ladders {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Print the ladder as a text graph: levels bottom to top, corners left to right
    Print {
        #[command(flatten)]
        ladder: LadderArg,
        /// Fit the output to this many columns
        #[arg(long, default_value_t = 120, value_parser = clap::value_parser!(u16).range(print::MIN_WIDTH as i64..))]
        width: u16,
    },
    /// Plan a path from one role to another: best first, with alternatives
    Path {
        #[command(flatten)]
        ladder: LadderArg,
        /// Role id to start from
        #[arg(long, value_name = "ROLE")]
        from: String,
        /// Role id to reach
        #[arg(long, value_name = "ROLE")]
        to: String,
        /// How many distinct paths to show, best first
        #[arg(long, value_name = "K", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=50))]
        alternatives: u16,
        /// A corner id the path must not enter (repeatable)
        #[arg(long, value_name = "CORNER")]
        avoid: Vec<String>,
        /// A corner id the path must pass through (repeatable, up to 4)
        #[arg(long, value_name = "CORNER")]
        via: Vec<String>,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Create, list, show and change profiles (one per person)
    Profile {
        #[command(subcommand)]
        action: ProfileCommand,
    },
    /// Set a milestone's status in the profile: todo, doing or done
    Milestone {
        /// Milestone id (see `rungs profile show`)
        id: String,
        #[arg(value_enum)]
        status: StatusArg,
        /// The evidence note: what was done, where to find it (replaces the old note)
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Add a dated entry to the profile's evidence log
    Log {
        /// What happened, in a sentence
        text: String,
        /// Tie the entry to a milestone id
        #[arg(long, value_name = "ID")]
        milestone: Option<String>,
        /// Tie the entry to a competency id
        #[arg(long, value_name = "ID")]
        competency: Option<String>,
    },
    /// Show or change the profile's plan of moves
    Plan {
        #[command(subcommand)]
        action: PlanCommand,
    },
    /// Export the profile: a Markdown summary for a 1:1, or JSON
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Create a profile
    New {
        /// The person's name, e.g. "Ada Lovelace" (the file is named after its slug)
        name: String,
        /// The role they hold now (id or exact title)
        #[arg(long, value_name = "ROLE")]
        role: String,
        /// The role they aim for
        #[arg(long, value_name = "ROLE")]
        target: Option<String>,
        #[command(flatten)]
        ladder: LadderArg,
    },
    /// List profiles with their roles and readiness for the next level
    List {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Show everything in a profile, with readiness and breadth
    Show {
        /// Profile name or id [default: --profile, or the only or most recent one]
        name: Option<String>,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Change the current or target role (a new current role moves the old one to the history)
    Set {
        /// Profile name or id [default: --profile, or the only or most recent one]
        name: Option<String>,
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        #[arg(long, value_name = "ROLE", conflicts_with = "no_target")]
        target: Option<String>,
        /// Remove the target role
        #[arg(long)]
        no_target: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum PlanCommand {
    /// Fill the plan from the planner: current role to target, best path by default
    Auto {
        /// Use the Nth path instead of the best (1 is the best)
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..=20))]
        alternative: u16,
    },
    /// Add a role to the end of the plan
    Add {
        role: String,
        /// When you aim to make the move (YYYY-MM-DD)
        #[arg(long, value_name = "DATE")]
        date: Option<Date>,
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Remove every step from the plan
    Clear,
    /// Show the plan with move kinds and the advice it breaks
    Show {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Todo,
    Doing,
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
}

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
                held: Vec::new(),
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

/// A role id from the command line; an exact title (any case) is accepted too.
pub fn role_arg(ladder: &Ladder, arg: &str, flag: &str) -> Result<usize, Failure> {
    if let Some(role) = ladder.role_index(arg) {
        return Ok(role);
    }
    if let Some(role) =
        (0..ladder.roles().len()).find(|&r| ladder.role(r).title.eq_ignore_ascii_case(arg.trim()))
    {
        return Ok(role);
    }
    let ids = ladder.roles().iter().map(|r| r.id.as_str());
    let hint = text::did_you_mean(arg, ids);
    let hint = if hint.is_empty() {
        "`rungs print` shows the ladder's roles".to_string()
    } else {
        hint
    };
    Err(Failure::invalid(format!(
        "{flag}: unknown role \"{}\" in ladder \"{}\" — {hint}",
        text::one_line(arg),
        ladder.id()
    )))
}

fn corner_args(ladder: &Ladder, args: &[String], flag: &str) -> Result<Vec<usize>, Failure> {
    args.iter()
        .map(|arg| {
            ladder.corner_index(arg).ok_or_else(|| {
                let ids: Vec<&str> = ladder.corners().iter().map(|c| c.id.as_str()).collect();
                let hint = text::did_you_mean(arg, ids.iter().copied());
                let hint = if hint.is_empty() {
                    format!("corners: {}", ids.join(", "))
                } else {
                    hint
                };
                Failure::invalid(format!(
                    "{flag}: unknown corner \"{}\" — {hint}",
                    text::one_line(arg)
                ))
            })
        })
        .collect()
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
                    "business_facing_corners": crate::export::business_facing_json(&Breadth::of(ladder, &p.corners)),
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
        let business = Breadth::of(ladder, &p.corners)
            .business_facing_line()
            .map(|line| format!(" · {line}"))
            .unwrap_or_default();
        writeln!(
            out,
            "\nPath {} ({label}): {} · {}{business}",
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
