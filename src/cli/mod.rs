//! The command line: clap definitions and the commands that need no terminal UI.
//!
//! Data goes to the writer given (stdout), problems come back as a [`Failure`] that the binary
//! prints to stderr with its exit code: 1 for a runtime failure, 2 for bad usage or invalid input.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{CommandFactory, FromArgMatches};

use crate::config::{self, Config};
use crate::date::{Clock, TODAY_VAR};
use crate::ladder::{self, PathRequest};
use crate::print;
use crate::text;

mod args;
mod authoring;
mod bench_json;
mod coaching_cmds;
mod ladder_cmds;
mod output;
mod profile_cmds;
mod record_cmds;
mod setup;
mod share_cmds;
mod team_cmds;

pub use crate::error::Failure;
pub use args::{
    AFTER_HELP, Cli, Command, ConfigCommand, DevCommand, ExportFormat, LadderArg, LadderCommand,
    PlanCommand, ProfileCommand, StatusArg,
};
pub use ladder_cmds::role_arg;
pub use output::{Gate, failure_text, note, to_stderr, warn, write_json};

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
    let matches = command_with_paths()
        .try_get_matches()
        .unwrap_or_else(|e| exit_with(&e));
    let mut name = Vec::new();
    let mut level = &matches;
    while let Some((sub, inner)) = level.subcommand() {
        name.push(sub.to_string());
        level = inner;
    }
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| exit_with(&e));
    let name = if name.is_empty() {
        "(none)".to_string()
    } else {
        name.join(" ")
    };
    (cli, name)
}

/// Ends the process as clap would for `error` (help and version on stdout with exit 0, usage
/// errors on stderr with exit 2), but in plain text through the sanitiser: clap would echo a
/// bad argument raw, escape sequences and all.
fn exit_with(error: &clap::Error) -> ! {
    let rendered = error.render().to_string();
    if error.use_stderr() {
        to_stderr(&text::sanitize(&rendered));
        std::process::exit(2);
    }
    // Help or the version asked for: if stdout cannot take it, say so (exit 1), never panic.
    // A closed pipe (`rungs --help | head -1`) means the reader has what it wanted: exit 0, as
    // for every other command.
    let mut stdout = io::stdout().lock();
    let written = stdout
        .write_all(text::sanitize(&rendered).as_bytes())
        .and_then(|()| stdout.flush());
    if let Err(e) = written
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        to_stderr(&format!("rungs: cannot write output: {e}\n"));
        std::process::exit(1);
    }
    std::process::exit(0);
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
    if let Some(dir) = data_dir
        && dir.exists()
        && !dir.is_dir()
    {
        return Err(Failure::invalid(format!(
            "the data folder {} is a file, not a folder — pass --data-dir (or set RUNGS_DATA_DIR to) the folder rungs keeps profiles in",
            dir.display()
        )));
    }
    if cli.ladder.is_some() && cli.command.is_some() {
        return Err(Failure::invalid(
            "--ladder before a command applies only to the planner — put it after the command, e.g. `rungs print --ladder FILE`",
        ));
    }
    if cli.share_safe && cli.command.is_some() {
        return Err(Failure::invalid(
            "--share-safe applies only to the planner; commands never print private notes unless --include-private is given",
        ));
    }
    // Worked out only by commands that use a profile, so a stale default_profile is never
    // a warning on `rungs print`.
    let chosen = std::cell::OnceCell::new();
    let chosen =
        || chosen.get_or_init(|| chosen_profile(cli.profile.as_deref(), surroundings, data_dir));
    let people = || profile_cmds::Context::open(data_dir, chosen().as_deref(), &surroundings.clock);
    let planner = cli.command.is_none() && io::stdout().is_terminal() && io::stdin().is_terminal();
    if !planner {
        // A file of private notes made owner-only is said on stderr (the planner owns the
        // screen; there it is logged).
        crate::fsutil::on_notice(warn);
    }
    match cli.command {
        None if planner => {
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
                config: surroundings.config.clone(),
                config_origin: surroundings
                    .config_path
                    .as_deref()
                    .map_or_else(|| "config".to_string(), |p| p.display().to_string()),
                config_warnings: surroundings.config_warnings.clone(),
                clock: surroundings.clock.clone(),
                share_safe: cli.share_safe,
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
        Some(Command::Session { action }) => people()?.session(action, out),
        Some(Command::Agenda { action, json }) => people()?.agenda(action, json, out),
        Some(Command::Action { action }) => people()?.action(action, out),
        Some(Command::Rate {
            competency,
            level,
            by,
            note,
        }) => people()?.rate(&competency, level, by, note.as_deref(), out),
        Some(Command::Ratings { json, history }) if history => people()?.rating_history(json, out),
        Some(Command::Ratings { json, .. }) => people()?.ratings(json, out),
        Some(Command::Use { name }) => {
            profile_cmds::Context::open(data_dir, None, &surroundings.clock)?
                .use_profile(name.as_deref(), out)
        }
        Some(Command::Evidence { action }) => people()?.evidence(action, out),
        Some(Command::Roster { sort, json }) => {
            let me = my_profile(surroundings, data_dir);
            profile_cmds::Context::open(data_dir, None, &surroundings.clock)?.roster(
                sort,
                json,
                me.as_deref(),
                out,
            )
        }
        Some(Command::Bench { roles, json }) => profile_cmds::Context::open(
            data_dir,
            None,
            &surroundings.clock,
        )?
        .bench(&roles, chosen().as_deref(), json, out),
        Some(Command::Team { json }) => {
            profile_cmds::Context::open(data_dir, None, &surroundings.clock)?.team(json, out)
        }
        Some(Command::Case {
            target,
            format,
            include_private,
        }) => people()?.case(
            target.as_deref(),
            format,
            coaching_cmds::private_notes(include_private),
            out,
        ),
        Some(Command::Diff {
            ladder,
            from,
            to,
            json,
        }) => share_cmds::diff(
            ladder.ladder.as_deref(),
            (&from, &to),
            json,
            (data_dir, chosen().as_deref(), &surroundings.clock),
            out,
        ),
        Some(Command::Compare { roles, json }) => {
            share_cmds::compare(&people()?, &roles, json, out)
        }
        Some(Command::LearningPath {
            json,
            accept,
            accept_all,
        }) => share_cmds::learning_path(&people()?, json, &accept, accept_all, out),
        Some(Command::Export {
            format,
            out: path,
            force,
            include_private,
        }) => share_cmds::export(
            &people()?,
            (format, coaching_cmds::private_notes(include_private)),
            (path.as_deref(), force),
            out,
        ),
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
                ConfigCommand::Path => setup::config_path(path, &surroundings.config, out),
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
        Some(Command::Dev {
            action: DevCommand::GenLadder { levels, corners },
        }) => {
            let source = ladder::synthetic_ladder_source(levels.into(), corners.into());
            out.write_all(source.as_bytes())?;
            Ok(out.flush()?)
        }
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
                held: Vec::new(),
                count: alternatives as usize,
            };
            ladder_cmds::path(&ladder, &request, json, out)
        }
    }
}

/// The profile a command uses: `--profile`; else none when one was chosen with `rungs use`
/// (the store reads that choice); else the config's `default_profile` if that profile exists
/// (a stale one is a warning, never a failure); else none, which means the only profile —
/// with several, the store refuses and lists them. File times never decide.
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
    if store.used().is_ok_and(|used| used.is_some()) {
        return None;
    }
    match store.resolve(Some(wanted)) {
        Ok(id) => Some(id),
        Err(e) => {
            let origin = surroundings
                .config_path
                .as_deref()
                .map_or_else(|| "config".to_string(), |p| p.display().to_string());
            warn(&format!(
                "{origin}: default_profile \"{wanted}\" cannot be used ({e}); it is ignored"
            ));
            None
        }
    }
}

/// The manager's own profile, named by `me` in the config; one that names no profile is a
/// warning, never a failure.
fn my_profile(surroundings: &Surroundings, data_dir: Option<&Path>) -> Option<String> {
    let store = crate::profile::Store::new(data_dir?);
    store
        .me(surroundings.config.me.as_deref())
        .unwrap_or_else(|why| {
            warn(&format!("config.ron: {why}"));
            None
        })
}
