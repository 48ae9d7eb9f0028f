//! The command line: clap definitions and the commands that need no terminal UI.
//!
//! Data goes to the writer given (stdout), problems come back as a [`Failure`] that the binary
//! prints to stderr with its exit code: 1 for a runtime failure, 2 for bad usage or invalid input.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::config::{self, Config};
use crate::date::{Clock, Date, TODAY_VAR};
use crate::ladder::{self, PathRequest};
use crate::print;
use crate::text;

mod authoring;
mod ladder_cmds;
mod profile_cmds;
mod setup;

pub use crate::error::Failure;
pub use ladder_cmds::role_arg;

/// The closing words of `rungs --help`; [`parse`] adds this machine's config and log files.
const AFTER_HELP: &str = "Run without a command to open the planner (in a terminal). Ladder files: see `rungs check --help` and the README.";

#[derive(Debug, Parser)]
#[command(
    name = "rungs",
    version,
    about = "Plan an IT career: from individual contributor to CIO, up and across the corners of IT.",
    long_about = None,
    after_help = AFTER_HELP
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
    /// A ladder file, or the id of a bundled ladder or one in your or your team's ladder folders [default: it-leadership]
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
    /// List the ladders you can use and where each came from
    ///
    /// The bundled ladders, your own (in <data dir>/ladders/) and your team's (the folders in
    /// RUNGS_LADDERS). Two ladders with the same id are flagged and warned about.
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
    /// Turn a spreadsheet (CSV) of your company's ladder into a ladder file
    ///
    /// Columns: level, corner, role (required), and role_id, level_rank, milestone, stage, kind,
    /// competency, expectation and more (see the README). Bad rows are reported as
    /// FILE:row:column, exit 2.
    ImportCsv {
        /// The CSV file (`-` reads standard input); columns level, corner, role and more, one row per role
        file: PathBuf,
        /// Write the ladder here instead of to standard output
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// The ladder's id [default: from the file name]
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// The ladder's name [default: from the file name]
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// Replace an existing --out file (the old one is kept as PATH.bak)
        #[arg(long, requires = "out")]
        force: bool,
    },
    /// Write a ladder as a spreadsheet (CSV) that import-csv reads back into the same ladder
    ExportCsv {
        #[command(flatten)]
        ladder: LadderArg,
        /// Write the CSV here instead of to standard output
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// Replace an existing --out file (the old one is kept as PATH.bak)
        #[arg(long, requires = "out")]
        force: bool,
        /// Start with a UTF-8 byte-order mark, so Excel shows accented letters right
        #[arg(long)]
        bom: bool,
    },
    /// Print a completion script for your shell
    ///
    /// e.g. `rungs completions bash > ~/.local/share/bash-completion/completions/rungs`
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff)
    ///
    /// e.g. `rungs man | man -l -`
    Man,
    /// Show where your settings file is, or write one to start from
    Config {
        #[command(subcommand)]
        action: ConfigCommand,
    },
    /// Start your own ladder from a commented template: `rungs ladder init PATH`
    Ladder {
        #[command(subcommand)]
        action: LadderCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Print the path of the config file (RUNGS_CONFIG, or config.ron in the platform's config folder)
    Path,
    /// Write a commented config with every setting at its default
    Init {
        /// Replace an existing config (the old one is kept as config.ron.bak)
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum LadderCommand {
    /// Write a commented template ladder to PATH, to edit into your company's ladder
    Init {
        /// Where to write it, e.g. acme.ron (folders are created as needed)
        path: PathBuf,
        /// The ladder's id [default: from the file name]
        #[arg(long, value_name = "ID")]
        id: Option<String>,
        /// The ladder's name [default: from the file name]
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// Replace an existing file (the old one is kept as PATH.bak)
        #[arg(long)]
        force: bool,
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

/// The command line as `rungs --help` shows it on this machine: with the paths of the config
/// file and of the log. (`rungs man` and completions use [`Cli::command`], free of any
/// machine's paths.)
pub fn command_with_paths() -> clap::Command {
    let path_or = |path: Option<PathBuf>| {
        path.map_or_else(
            || "(this platform has no folder for it)".to_string(),
            |p| p.display().to_string(),
        )
    };
    Cli::command().after_help(format!(
        "{AFTER_HELP}\n\nConfig: {}\nLog:    {} (written when {}=debug, or another level, is set)",
        path_or(crate::dirs::config_file()),
        path_or(crate::logging::log_file()),
        crate::logging::LOG_VAR,
    ))
}

/// Parses the process's arguments (exiting with usage help on a mistake, as clap does), and
/// names the command run, e.g. `profile new`, for the log.
pub fn parse() -> (Cli, String) {
    let matches = command_with_paths().get_matches();
    let mut name = Vec::new();
    let mut level = &matches;
    while let Some((sub, inner)) = level.subcommand() {
        name.push(sub.to_string());
        level = inner;
    }
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let name = if name.is_empty() {
        "(none)".to_string()
    } else {
        name.join(" ")
    };
    (cli, name)
}

/// What a run takes from its surroundings besides the command line. The binary reads it from
/// the process ([`Surroundings::from_process`]); tests build their own, with a fixed clock.
#[derive(Debug, Clone, Default)]
pub struct Surroundings {
    /// Where "today" comes from.
    pub clock: Clock,
    /// The settings in force: the config file's, or the defaults.
    pub config: Config,
    /// Where the config file is (or would be).
    pub config_path: Option<PathBuf>,
    /// What was wrong with the config file, already printed on stderr by
    /// [`Surroundings::from_process`]; the planner may show them too.
    pub config_warnings: Vec<String>,
}

impl Surroundings {
    /// The clock and settings of this process. An invalid `RUNGS_TODAY` stops here (exit 2);
    /// a broken config never does: its problems are warnings on stderr and the defaults apply.
    pub fn from_process() -> Result<Surroundings, Failure> {
        let clock = Clock::from_env().map_err(|e| {
            Failure::invalid(format!(
                "{TODAY_VAR}: {e} — unset it to use today's date, or pin a real day"
            ))
        })?;
        let config_path = crate::dirs::config_file();
        let (config, config_warnings) =
            config_path.as_deref().map(config::load).unwrap_or_default();
        for warning in &config_warnings {
            warn(warning);
        }
        Ok(Surroundings {
            clock,
            config,
            config_path,
            config_warnings,
        })
    }
}

/// Runs a parsed command line in this process's surroundings, writing data to `out`.
pub fn run(cli: Cli, out: &mut dyn Write) -> Result<(), Failure> {
    let surroundings = Surroundings::from_process()?;
    run_in(cli, &surroundings, out)
}

/// Runs a parsed command line in the given surroundings, writing data to `out`.
pub fn run_in(cli: Cli, surroundings: &Surroundings, out: &mut dyn Write) -> Result<(), Failure> {
    let data_dir = crate::dirs::data_dir(cli.data_dir.as_deref());
    let data_dir = data_dir.as_deref();
    if cli.ladder.is_some() && cli.command.is_some() {
        return Err(Failure::invalid(
            "--ladder before a command applies only to the planner — put it after the command, e.g. `rungs print --ladder FILE`",
        ));
    }
    // Worked out only by commands that use a profile, so a stale default_profile is never
    // a warning on `rungs print`.
    let chosen = std::cell::OnceCell::new();
    let chosen =
        || chosen.get_or_init(|| chosen_profile(cli.profile.as_deref(), surroundings, data_dir));
    let people = || profile_cmds::Context::open(data_dir, chosen().as_deref(), &surroundings.clock);
    match cli.command {
        None if io::stdout().is_terminal() && io::stdin().is_terminal() => {
            let data_dir = data_dir.ok_or_else(|| {
                Failure::invalid(
                    "no data folder could be found — pass --data-dir DIR or set RUNGS_DATA_DIR",
                )
            })?;
            crate::tui::run(crate::tui::Options {
                data_dir: data_dir.to_path_buf(),
                profile: chosen().clone(),
                ladder: cli.ladder.clone(),
                color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            })
        }
        None => ladder_cmds::overview(data_dir, out),
        Some(Command::Check { files }) => ladder_cmds::check(&files, out),
        Some(Command::Ladders { json }) => ladder_cmds::ladders(data_dir, json, out),
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
        Some(Command::ImportCsv {
            file,
            out: out_path,
            id,
            name,
            force,
        }) => authoring::import_csv(
            &file,
            out_path.as_deref(),
            (id.as_deref(), name.as_deref()),
            force,
            out,
        ),
        Some(Command::ExportCsv {
            ladder,
            out: out_path,
            force,
            bom,
        }) => authoring::export_csv(
            ladder.ladder.as_deref(),
            data_dir,
            out_path.as_deref(),
            force,
            bom,
            out,
        ),
        Some(Command::Completions { shell }) => setup::completions(shell, out),
        Some(Command::Man) => setup::man(out),
        Some(Command::Config { action }) => {
            let path = surroundings.config_path.as_deref();
            match action {
                ConfigCommand::Path => setup::config_path(path, out),
                ConfigCommand::Init { force } => setup::config_init(path, force, out),
            }
        }
        Some(Command::Ladder {
            action:
                LadderCommand::Init {
                    path,
                    id,
                    name,
                    force,
                },
        }) => authoring::init(&path, id.as_deref(), name.as_deref(), force, data_dir, out),
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
                from: ladder_cmds::role_arg(&ladder, &from, "--from")?,
                to: ladder_cmds::role_arg(&ladder, &to, "--to")?,
                avoid: ladder_cmds::corner_args(&ladder, &avoid, "--avoid")?,
                via: ladder_cmds::corner_args(&ladder, &via, "--via")?,
                count: alternatives as usize,
            };
            ladder_cmds::path(&ladder, &request, json, out)
        }
    }
}

/// A problem the person should know about that does not stop the command, on stderr.
pub fn warn(message: &str) {
    eprintln!("rungs: warning: {}", text::one_line(message));
}

/// Something worth knowing that is not data, on stderr so stdout stays clean for scripts.
pub fn note(message: &str) {
    eprintln!("rungs: {}", text::one_line(message));
}

/// The profile a command uses: `--profile`, else the config's `default_profile` if that
/// profile exists (a stale one is a warning, never a failure), else none, which means the only
/// or most recently changed profile.
fn chosen_profile(
    flag: Option<&str>,
    surroundings: &Surroundings,
    data_dir: Option<&Path>,
) -> Option<String> {
    if let Some(flag) = flag {
        return Some(flag.to_string());
    }
    let wanted = surroundings.config.default_profile.as_deref()?;
    let store = crate::profile::Store::new(data_dir?);
    match store.resolve(Some(wanted)) {
        Ok(id) => Some(id),
        Err(e) => {
            let origin = surroundings
                .config_path
                .as_deref()
                .map_or_else(|| "config".to_string(), |p| p.display().to_string());
            warn(&format!(
                "{origin}: default_profile \"{wanted}\" cannot be used ({e}); using the most recent profile"
            ));
            None
        }
    }
}
