//! The command line as clap reads it: every command, flag and value.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::date::Date;
use crate::print;

/// The closing words of `rungs --help`; [`parse`] adds this machine's config and log files.
pub const AFTER_HELP: &str = "Run without a command to open the planner (in a terminal). Ladder files: see `rungs check --help` and the README.";

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

    /// The profile to use: a name, an id or an unambiguous prefix [default: the one chosen with `rungs use`, or the only one]
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,

    /// For the planner: a ladder file or id [default: the profile's ladder, or it-leadership]
    #[arg(long, value_name = "FILE|ID")]
    pub ladder: Option<String>,

    /// For the planner: start in share-safe mode, private notes hidden (`s` toggles it)
    #[arg(long)]
    pub share_safe: bool,

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
    /// 1:1 coaching sessions: start one with its agenda built, or list them
    Session {
        #[command(subcommand)]
        action: SessionCommand,
    },
    /// The agenda the next 1:1 would get; `agenda add TEXT` raises a topic for it
    #[command(args_conflicts_with_subcommands = true)]
    Agenda {
        #[command(subcommand)]
        action: Option<AgendaCommand>,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Action items from 1:1s: list them, add one, mark one done
    Action {
        #[command(subcommand)]
        action: ActionCommand,
    },
    /// Rate a competency, as the person (self) or as their manager
    Rate {
        /// Competency id (see `rungs ratings`)
        competency: String,
        #[arg(value_enum)]
        level: RatingArg,
        /// Who is rating
        #[arg(long, value_enum)]
        by: ByArg,
        /// Why, in a sentence
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Every competency: latest self and manager ratings, what your roles expect, the gap
    Ratings {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
        /// Every rating ever given, oldest first: date, competency, who rated, level and note
        #[arg(long)]
        history: bool,
    },
    /// Choose whose profile commands without --profile use; without NAME, show the choice
    ///
    /// NAME is a name, an id or an unambiguous prefix of either ("priya"). The choice is kept
    /// in <data dir>/state/profile.ron; the planner opens that profile too.
    Use {
        /// The profile to use from now on
        name: Option<String>,
    },
    /// The evidence log: list it, or correct or remove an entry by its id
    Evidence {
        #[command(subcommand)]
        action: EvidenceCommand,
    },
    /// Every profile: readiness, overdue milestones, open actions, the last 1:1
    Roster {
        /// Order: overdue (default), name, readiness, last (the longest since a 1:1 first) or actions
        #[arg(long, value_enum, default_value_t = RosterSortArg::Overdue)]
        sort: RosterSortArg,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Who could step into which role, and when: ready now, in 1–2 years, in 3+ years
    ///
    /// For each role a profile's plan or target passes through, each ROLE named, and the role
    /// of the profile chosen with --profile (or the config's default_profile), first: the
    /// people who could fill it, with readiness, moves, the soonest usual time and a band.
    /// Roles with no successor or only one are flagged, and so is anyone with no one behind.
    Bench {
        /// Roles to put on the bench too (ids or exact titles)
        #[arg(value_name = "ROLE")]
        roles: Vec<String>,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Team coverage: each rating against the next role, and the gaps several share
    Team {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// A promotion case: the evidence and ratings for each rising expectation, gaps marked
    Case {
        /// The role to build the case for (id or exact title) [default: the next role, as `rungs ratings` names it]
        #[arg(long, value_name = "ROLE")]
        target: Option<String>,
        #[arg(long, value_enum, default_value_t = CaseFormat::Markdown)]
        format: CaseFormat,
        /// Put the private notes of 1:1s in it too — not for sharing
        #[arg(long)]
        include_private: bool,
    },
    /// What changes from one role to another (the planner's d)
    ///
    /// The same diff as `d` in the planner. With a profile (--profile, or the one chosen with
    /// `rungs use`), its ladder is used and the milestones it has done are left out; --ladder diffs the
    /// ladder alone.
    Diff {
        #[command(flatten)]
        ladder: LadderArg,
        /// The role to start from (id or exact title)
        from: String,
        /// The role to reach
        to: String,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Compare up to three target roles side by side
    Compare {
        /// Target roles (ids or exact titles), one to three
        #[arg(required = true, num_args = 1..=3, value_name = "ROLE")]
        roles: Vec<String>,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// The milestones to do next, with due dates to accept
    LearningPath {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
        /// Set a milestone's due date to the one suggested (repeatable)
        #[arg(long, value_name = "ID", conflicts_with = "accept_all")]
        accept: Vec<String>,
        /// Set every suggested due date
        #[arg(long)]
        accept_all: bool,
    },
    /// Export the profile: markdown, json, dot, svg or ics
    ///
    /// markdown: paste into 1:1 notes · json: for scripts · dot: Graphviz source (`dot -Tpng`) ·
    /// svg: opens in any browser · ics: import into a calendar (re-importing updates the items).
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Markdown)]
        format: ExportFormat,
        /// Write the export here instead of to standard output
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
        /// Replace an existing --out file (the old one is kept as PATH.bak)
        #[arg(long, requires = "out")]
        force: bool,
        /// Put the private notes of 1:1s in it too (markdown and json only) — not for sharing
        #[arg(long)]
        include_private: bool,
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
    /// Write a ladder as a spreadsheet (CSV) that import-csv reads back unchanged
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
    /// Tools for developing rungs itself (hidden from --help)
    #[command(hide = true)]
    Dev {
        #[command(subcommand)]
        action: DevCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum DevCommand {
    /// Print a synthetic ladder of LEVELS levels by CORNERS corners, for benchmarks and scale tests
    ///
    /// e.g. `rungs dev gen-ladder 300 300 > big.ron && rungs check big.ron`
    GenLadder {
        #[arg(value_parser = clap::value_parser!(u16).range(1..=1000))]
        levels: u16,
        #[arg(value_parser = clap::value_parser!(u16).range(1..=1000))]
        corners: u16,
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
        /// Profile name or id [default: --profile, or the one chosen with `rungs use`]
        name: Option<String>,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Change the current or target role (a new current role moves the old one to the history)
    Set {
        /// Profile name or id [default: --profile, or the one chosen with `rungs use`]
        name: Option<String>,
        /// The role you hold now, by id or title (the old one goes into your history)
        #[arg(long, value_name = "ROLE")]
        role: Option<String>,
        /// The role you are aiming for, by id or title
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

#[derive(Debug, Subcommand)]
pub enum SessionCommand {
    /// Start a session: its agenda is built from the plan, open items and what moved since the last one
    Add {
        /// The day of the session (YYYY-MM-DD), up to the same day next year [default: today]
        #[arg(long, value_name = "DATE")]
        date: Option<Date>,
        /// Notes both people see
        #[arg(long, value_name = "TEXT")]
        notes: Option<String>,
        /// The manager's private notes, kept in <id>.private.ron and never printed unless asked
        #[arg(long, value_name = "TEXT")]
        private: Option<String>,
        /// An action item agreed, owned by the person (repeatable)
        #[arg(long, value_name = "TEXT")]
        action: Vec<String>,
    },
    /// The minutes of a 1:1: agenda with what was discussed, notes, actions agreed and completed, ratings given
    Show {
        /// The session's id (as `session list` shows it) [default: the latest session]
        id: Option<String>,
        #[arg(long, value_enum, default_value_t = MinutesFormat::Markdown)]
        format: MinutesFormat,
        /// Put the session's private notes in too — not for sharing
        #[arg(long)]
        include_private: bool,
    },
    /// Set the day of the next 1:1 (shown in the minutes); --clear forgets it
    Next {
        /// The day (YYYY-MM-DD)
        #[arg(
            value_name = "DATE",
            required_unless_present = "clear",
            conflicts_with = "clear"
        )]
        date: Option<Date>,
        #[arg(long)]
        clear: bool,
    },
    /// List the sessions, newest first
    List {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
        /// Show the private notes too (never when the screen or output is shared)
        #[arg(long)]
        include_private: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum EvidenceCommand {
    /// Every entry of the evidence log, oldest first, each with its id
    List {
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Correct the text of entry ID (its date and what it is tied to stay)
    Edit {
        #[arg(value_name = "ID")]
        id: u64,
        /// The corrected text
        text: String,
    },
    /// Remove entry ID from the log (and so from every export)
    Remove {
        #[arg(value_name = "ID")]
        id: u64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinutesFormat {
    Markdown,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum AgendaCommand {
    /// Raise a topic for the next 1:1; the person's own topics come first
    Add {
        text: String,
        /// Who raises it
        #[arg(long, value_enum, default_value_t = ByArg::Own)]
        by: ByArg,
    },
    /// Close a topic without a session: it leaves the next agenda (ID as `rungs agenda` shows it)
    Done {
        /// The topic's id, shown before it by `rungs agenda`
        #[arg(value_name = "ID")]
        number: u64,
    },
}

#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// List the open action items with their ids (the ids `action done` takes)
    List {
        /// Include the ones done
        #[arg(long)]
        all: bool,
        /// Print JSON for scripts
        #[arg(long)]
        json: bool,
    },
    /// Add an action item, to carry into the next 1:1
    Add {
        text: String,
        /// Who does it: the person, by name (or `self`), `manager`, or another name [default: the person]
        #[arg(long, value_name = "WHO")]
        owner: Option<String>,
        /// When it is due (YYYY-MM-DD), up to the same day 10 years on
        #[arg(long, value_name = "DATE")]
        due: Option<Date>,
    },
    /// Mark action item ID done (ID as `rungs action list` shows it; an id never changes)
    Done {
        #[arg(value_name = "ID")]
        number: u64,
    },
}

/// Who raises a topic or gives a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ByArg {
    /// The person the profile belongs to
    #[value(name = "self")]
    Own,
    /// Their manager
    Manager,
}

/// A rating, chosen from the scale (other words are refused with the list, exit 2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RatingArg {
    Below,
    #[value(alias = "working towards")]
    WorkingTowards,
    Meeting,
    Exceeding,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RosterSortArg {
    Overdue,
    Name,
    Readiness,
    Last,
    Actions,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    Todo,
    Doing,
    Done,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CaseFormat {
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Markdown,
    Json,
    Dot,
    Svg,
    Ics,
}
