//! Helpers shared by the integration tests. Each test binary uses some of them.
#![allow(dead_code)]

pub mod planner;

use std::path::Path;

/// The day the command-line tests pin as today.
pub const TODAY: &str = "2026-11-25";

/// The binary, blind to the config, team ladders and terminal width of the machine running
/// the tests.
pub fn rungs_alone() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("rungs").unwrap();
    cmd.env_remove("COLUMNS").env_remove("RUNGS_LADDERS").env(
        "RUNGS_CONFIG",
        std::env::temp_dir().join("rungs-tests-no-config.ron"),
    );
    cmd
}

/// [`rungs_alone`] on `data_dir`, on [`TODAY`].
pub fn rungs(data_dir: &Path) -> assert_cmd::Command {
    rungs_on(data_dir, TODAY)
}

/// [`rungs_alone`] on `data_dir`, with `today` as the date.
pub fn rungs_on(data_dir: &Path, today: &str) -> assert_cmd::Command {
    let mut cmd = rungs_alone();
    cmd.env("RUNGS_DATA_DIR", data_dir)
        .env("RUNGS_TODAY", today);
    cmd
}

/// [`rungs_alone`] for commands that need no profile: the data folder is an empty one, never
/// the real user's.
pub fn rungs_without_data() -> assert_cmd::Command {
    let mut cmd = rungs_alone();
    cmd.env(
        "RUNGS_DATA_DIR",
        std::env::temp_dir().join("rungs-tests-empty-data-dir"),
    );
    cmd
}

/// A scratch folder for the long hunts that save thousands of times: in memory (`/dev/shm`)
/// where the machine has it, so each save runs the same steps — fsync included — without
/// waiting for a disk; elsewhere an ordinary temporary folder.
pub fn scratch_dir() -> tempfile::TempDir {
    let memory = Path::new("/dev/shm");
    match tempfile::tempdir_in(memory) {
        Ok(dir) if memory.is_dir() => dir,
        _ => tempfile::tempdir().unwrap(),
    }
}

/// A small seeded random-number generator (a linear congruential one): the long hunts are
/// repeatable from their seed, and need no crate for it.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

/// A count for a long hunt: `default` unless the environment variable `name` says otherwise.
pub fn count_from_env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(default)
}

/// The JSON a successful command printed on stdout.
pub fn json(cmd: &mut assert_cmd::Command) -> serde_json::Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("JSON on stdout")
}

/// A data dir holding the format-1 fixture profile (Priya Sharma, tech lead, plan to a data
/// manager then a security director, target CIO).
pub fn with_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let profiles = dir.path().join("profiles");
    std::fs::create_dir_all(&profiles).unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/profiles/format-1.ron");
    std::fs::copy(fixture, profiles.join("priya-sharma.ron")).unwrap();
    dir
}

/// Every command that prints something about a profile (exports aside), for the checks that
/// a private note never shows.
pub const PROFILE_PRINTS: &[&[&str]] = &[
    &["profile", "show"],
    &["profile", "show", "--json"],
    &["profile", "list"],
    &["profile", "list", "--json"],
    &["plan", "show"],
    &["plan", "show", "--json"],
    &["session", "list"],
    &["session", "list", "--json"],
    &["session", "show"],
    &["session", "show", "--format", "json"],
    &["evidence", "list"],
    &["evidence", "list", "--json"],
    &["ratings", "--history"],
    &["ratings", "--history", "--json"],
    &["agenda"],
    &["agenda", "--json"],
    &["action", "list", "--all"],
    &["action", "list", "--all", "--json"],
    &["ratings"],
    &["ratings", "--json"],
    &["roster"],
    &["roster", "--json"],
    &["learning-path"],
    &["learning-path", "--json"],
    &["compare", "cio", "engineering-manager"],
    &["compare", "cio", "--json"],
    &["diff", "dev-lead", "cio"],
    &["diff", "dev-lead", "cio", "--json"],
];

/// `path` as a regular expression that matches it literally.
pub fn regex_escape(path: &str) -> String {
    path.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '/' || c == '-' || c == '_' {
                c.to_string()
            } else {
                format!("\\{c}")
            }
        })
        .collect()
}
