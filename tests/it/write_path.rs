//! The one write path (issue 22): nothing written through a link rungs did not make, onto a
//! FIFO or a device, or past what it can read back; files holding private notes owner-only
//! after every write.

use crate::common;
use predicates::prelude::PredicateBooleanExt;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rungs::profile::Store;

fn rungs(data_dir: &Path) -> assert_cmd::Command {
    let mut cmd = common::rungs(data_dir);
    cmd.timeout(Duration::from_secs(20));
    cmd
}

/// A data folder with profile "ada" saved twice over (so backups exist), a session with a
/// private note (so the private file and its backup exist), an action and a topic.
fn ada(data: &Path) {
    for args in [
        &["profile", "new", "Ada", "--role", "sysadmin"][..],
        &["profile", "set", "--target", "cio"],
        &["session", "add", "--private", "first thoughts"],
        &["session", "add", "--private", "second thoughts"],
        &["action", "add", "Read the DR plan"],
        &["agenda", "add", "Can I shadow the DR drill?"],
    ] {
        rungs(data).args(args).assert().success();
    }
}

/// Files outside the data folder that links planted inside it point at: path → (bytes, mode).
struct Victims {
    dir: tempfile::TempDir,
    made: BTreeMap<PathBuf, (Vec<u8>, u32)>,
}

impl Victims {
    fn new() -> Victims {
        Victims {
            dir: tempfile::tempdir().unwrap(),
            made: BTreeMap::new(),
        }
    }

    /// Plants a link at `at` to a fresh world-readable file outside the data folder.
    #[cfg(unix)]
    fn plant(&mut self, at: &Path) {
        use std::os::unix::fs::PermissionsExt;
        let victim = self.dir.path().join(format!("victim-{}", self.made.len()));
        let bytes = format!("victim {} — must never change\n", self.made.len()).into_bytes();
        std::fs::write(&victim, &bytes).unwrap();
        std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
        if let Some(parent) = at.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        let _ = std::fs::remove_file(at);
        std::os::unix::fs::symlink(&victim, at).unwrap();
        self.made.insert(victim, (bytes, 0o644));
    }

    /// Every victim as it was, and nothing else beside them.
    #[cfg(unix)]
    fn assert_untouched(&self, after: &str) {
        use std::os::unix::fs::PermissionsExt;
        for (victim, (bytes, mode)) in &self.made {
            let meta = std::fs::symlink_metadata(victim).unwrap();
            assert!(
                meta.is_file(),
                "after `{after}`: {} was replaced",
                victim.display()
            );
            assert_eq!(
                &std::fs::read(victim).unwrap(),
                bytes,
                "after `{after}`: {} was written through a link",
                victim.display()
            );
            assert_eq!(meta.permissions().mode() & 0o777, *mode, "after `{after}`");
        }
        let count = std::fs::read_dir(self.dir.path()).unwrap().count();
        assert_eq!(
            count,
            self.made.len(),
            "after `{after}`: files made outside"
        );
    }
}

/// Every command, with arguments that make it do its work on the data folder `ada` made.
/// `{d}` is the data folder, `{o}` a folder outside it.
const EVERY_COMMAND: &[&[&str]] = &[
    &[],
    &["check", "{d}/ladder.ron"],
    &["ladders"],
    &["print"],
    &["path", "--from", "sysadmin", "--to", "cio"],
    &["profile", "list"],
    &["profile", "show"],
    &["profile", "new", "Bea", "--role", "sysadmin"],
    &["profile", "set", "--target", "cto"],
    &["milestone", "ic-find-mentor", "done", "--note", "found one"],
    &["log", "Ran the incident review"],
    &["plan", "auto"],
    &["plan", "add", "cio"],
    &["plan", "show"],
    &["plan", "clear"],
    &["session", "add", "--private", "third thoughts"],
    &["session", "list", "--include-private"],
    &["agenda"],
    &["agenda", "add", "Budget"],
    &["agenda", "done", "1"],
    &["action", "list"],
    &["action", "add", "Write it up"],
    &["action", "done", "1"],
    &["rate", "strategic-thinking", "meeting", "--by", "self"],
    &["ratings"],
    &["roster"],
    &["diff", "sysadmin", "cio"],
    &["compare", "cio", "cto"],
    &["learning-path", "--accept-all"],
    &["export"],
    &["export", "--format", "json", "--include-private"],
    &[
        "export",
        "--include-private",
        "--out",
        "{d}/exports/ada-private.md",
        "--force",
    ],
    &[
        "export",
        "--format",
        "svg",
        "--out",
        "{d}/exports/ada.svg",
        "--force",
    ],
    &["export-csv", "--out", "{d}/ladder.csv", "--force"],
    &[
        "import-csv",
        "{o}/sheet.csv",
        "--out",
        "{d}/imported.ron",
        "--force",
    ],
    &["ladder", "init", "{d}/ladders/mine.ron", "--force"],
    &["config", "init", "--force"],
    &["config", "path"],
    &["completions", "bash"],
    &["man"],
    &["dev", "gen-ladder", "2", "2"],
];

fn args(command: &[&str], data: &Path, outside: &Path) -> Vec<String> {
    command
        .iter()
        .map(|a| {
            a.replace("{d}", &data.display().to_string())
                .replace("{o}", &outside.display().to_string())
        })
        .collect()
}

/// The names rungs creates or replaces in a data folder holding "ada": its helper files, its
/// caches and backups, the files `--out` names in [`EVERY_COMMAND`].
const HELPER_NAMES: &[&str] = &[
    // The fixed temporary names of earlier versions, which a planted link used to capture.
    "profiles/ada.ron.tmp",
    "profiles/ada.private.ron.tmp",
    "profiles/ada.ron.bak.tmp",
    "profiles/ada.bak.private.ron.tmp",
    "profiles/bea.ron.tmp",
    "profiles/ada.ron.bak",
    "profiles/ada.bak.private.ron",
    "cache/roster.ron",
    "exports/ada-2026-11-25.md",
    "exports/ada-2026-11-25-private.md",
    "profiles/ada.session",
    "profiles/ada.format-1.private.ron",
    "profiles/ada.format-1.bak.private.ron",
    // The previous versions kept of the files `--out` names in [`EVERY_COMMAND`].
    "exports/ada-private.md.bak",
    "exports/ada.svg.bak",
    "ladder.csv.bak",
    "imported.ron.bak",
    "ladders/mine.ron.bak",
    "config.ron.bak",
    // The log (XDG_STATE_HOME is the data folder's `state`, see [`run_with_links`]).
    "state/rungs/rungs.log",
    "state/rungs/rungs.log.1",
];

/// Names whose link makes the command refuse (exit 2) rather than go round it: the files a
/// command writes as its work.
const REFUSED_NAMES: &[&str] = &[
    "profiles/ada.lock",
    "profiles/ada.private.ron",
    "exports/ada-private.md",
    "exports/ada.svg",
    "ladder.csv",
    "imported.ron",
    "ladders/mine.ron",
    "config.ron",
];

/// Copies the data folder `from` into `to` (files and folders only; no links yet).
fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Runs `command` on a copy of `template` with links planted at `names`; returns its exit
/// code and stderr, having checked that no link's target changed.
#[cfg(unix)]
fn run_with_links(
    template: &Path,
    outside: &Path,
    command: &[&str],
    names: &[&str],
) -> (Option<i32>, String) {
    let data = tempfile::tempdir().unwrap();
    copy_folder(template, data.path());
    let mut victims = Victims::new();
    for name in names {
        victims.plant(&data.path().join(name));
    }
    let args = args(command, data.path(), outside);
    let output = rungs(data.path())
        .env("RUNGS_CONFIG", data.path().join("config.ron"))
        .env("XDG_STATE_HOME", data.path().join("state"))
        .env("RUNGS_LOG", "debug")
        .args(&args)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr).into_owned();
    victims.assert_untouched(&format!("{} with links at {names:?}", args.join(" ")));
    (output.status.code(), said)
}

/// A data folder holding "ada" (see [`ada`]) and a ladder file; a sheet to import outside it.
fn template() -> (tempfile::TempDir, tempfile::TempDir) {
    let template = tempfile::tempdir().unwrap();
    ada(template.path());
    rungs(template.path())
        .args(["ladder", "init"])
        .arg(template.path().join("ladder.ron"))
        .assert()
        .success();
    let outside = tempfile::tempdir().unwrap();
    let sheet = rungs(template.path())
        .arg("export-csv")
        .output()
        .unwrap()
        .stdout;
    std::fs::write(outside.path().join("sheet.csv"), sheet).unwrap();
    (template, outside)
}

#[cfg(unix)]
#[test]
fn links_planted_at_helper_names_are_gone_round_and_their_targets_never_change() {
    let (template, outside) = template();
    for command in EVERY_COMMAND {
        let (code, said) = run_with_links(template.path(), outside.path(), command, HELPER_NAMES);
        assert_eq!(code, Some(0), "`{}`: {said}", command.join(" "));
    }
}

#[cfg(unix)]
#[test]
fn a_link_planted_where_a_command_writes_is_refused_and_its_target_never_changes() {
    let (template, outside) = template();
    let without_lock: Vec<&str> = REFUSED_NAMES[1..].to_vec();
    for names in [&REFUSED_NAMES[..1], &without_lock[..]] {
        for command in EVERY_COMMAND {
            let (code, said) = run_with_links(template.path(), outside.path(), command, names);
            // The commands whose own file is among the links cannot go round it.
            let must_refuse = (command.starts_with(&["log"])
                || command.starts_with(&["session", "add"]))
                || (names.len() > 1 && command.iter().any(|a| *a == "--out" || *a == "init"));
            assert!(
                !must_refuse || code == Some(2),
                "`{}` with links at {names:?} exited {code:?}: {said}",
                command.join(" ")
            );
            assert!(
                code == Some(0) || code == Some(2),
                "`{}` exited {code:?}: {said}",
                command.join(" ")
            );
            if code == Some(2) {
                assert!(
                    said.contains("symbolic link"),
                    "`{}` refused without saying why: {said}",
                    command.join(" ")
                );
            }
        }
    }
}

/// The planner's saves and exports go through the store and the exports folder: the same
/// links, the same outcome.
#[cfg(unix)]
#[test]
fn the_planners_saves_and_exports_never_write_through_a_planted_link() {
    let (template, _outside) = template();
    let data = tempfile::tempdir().unwrap();
    copy_folder(template.path(), data.path());
    let mut victims = Victims::new();
    for name in HELPER_NAMES {
        victims.plant(&data.path().join(name));
    }
    let store = Store::new(data.path());
    store
        .update("ada", |p| {
            p.name = "Ada L.".to_string();
            p.private_notes
                .insert("s1".to_string(), "a planner note".to_string());
            Ok(())
        })
        .unwrap();
    for name in ["ada-2026-11-25.md", "ada-2026-11-25-private.md"] {
        let err = rungs::export::write_to_exports(data.path(), name, "contents").unwrap_err();
        assert!(
            err.refused && err.to_string().contains("symbolic link"),
            "{err}"
        );
    }
    // The draft of a half-filled form, kept when the planner is closed.
    victims.plant(&data.path().join("drafts/ada.ron"));
    let draft = rungs::profile::drafts::Draft {
        title: "New action item".into(),
        fields: vec![("Action".into(), "private words".into())],
    };
    let err = rungs::profile::drafts::keep(data.path(), "ada", &draft).unwrap_err();
    assert!(err.contains("symbolic link"), "{err}");
    victims.assert_untouched("the planner's save");
    let mut victims = Victims::new();
    victims.plant(&data.path().join("profiles/ada.lock"));
    let err = store
        .update("ada", |p| {
            p.name = "Ada".to_string();
            Ok(())
        })
        .unwrap_err();
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert_eq!(err.exit_code(), 2);
    victims.assert_untouched("the planner's save with a link at the lock");
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::symlink_metadata(path)
        .unwrap()
        .permissions()
        .mode()
        & 0o777
}

#[cfg(unix)]
fn make_readable_by_all(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[cfg(unix)]
#[test]
fn out_onto_a_fifo_or_a_device_is_refused_with_or_without_force_and_left_as_it_is() {
    use std::os::unix::fs::FileTypeExt;
    let data = tempfile::tempdir().unwrap();
    ada(data.path());
    let fifo = data.path().join("plan.md");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let mut nodes = vec![fifo];
    // A character device like /dev/null (1, 3), where the test may make one (as root).
    let device = data.path().join("null-device");
    if std::process::Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success())
    {
        nodes.push(device);
    }
    for node in &nodes {
        let commands: [&[&str]; 4] = [
            &["export", "--include-private", "--out"],
            &["export-csv", "--out"],
            &["import-csv", "-", "--out"],
            &["ladder", "init"],
        ];
        for command in commands {
            for force in [false, true] {
                let mut cmd = rungs(data.path());
                cmd.args(command).arg(node);
                if force {
                    cmd.arg("--force");
                }
                let output = cmd.write_stdin("").output().unwrap();
                let said = String::from_utf8_lossy(&output.stderr);
                assert_eq!(output.status.code(), Some(2), "{command:?} {force}: {said}");
                assert!(said.contains("not a regular file"), "{said}");
                let kind = std::fs::symlink_metadata(node).unwrap().file_type();
                assert!(
                    kind.is_fifo() || kind.is_char_device(),
                    "{} replaced",
                    node.display()
                );
                assert!(!fsutil_backup(node).exists(), "moved aside as a backup");
            }
        }
    }
}

fn fsutil_backup(path: &Path) -> PathBuf {
    rungs::fsutil::with_suffix(path, ".bak")
}

#[cfg(unix)]
#[test]
fn every_file_holding_private_notes_is_owner_only_after_every_write_and_the_tightening_is_said() {
    let data = tempfile::tempdir().unwrap();
    ada(data.path());
    let private = data.path().join("profiles/ada.private.ron");
    let backup = data.path().join("profiles/ada.bak.private.ron");
    assert_eq!((mode(&private), mode(&backup)), (0o600, 0o600));
    // Someone made them readable by all; the next write of the notes tightens both.
    make_readable_by_all(&private);
    make_readable_by_all(&backup);
    rungs(data.path())
        .args(["session", "add", "--private", "third thoughts"])
        .assert()
        .success()
        .stderr(predicates::str::contains("readable by you only"))
        // Each file is named once, for itself: no "it and its backup" said of both.
        .stderr(predicates::str::contains("its backup").not());
    assert_eq!((mode(&private), mode(&backup)), (0o600, 0o600));
    // A write that leaves the notes as they are tightens them too.
    make_readable_by_all(&private);
    make_readable_by_all(&backup);
    rungs(data.path())
        .args(["log", "no private words here"])
        .assert()
        .success()
        .stderr(predicates::str::contains("readable by you only"));
    assert_eq!((mode(&private), mode(&backup)), (0o600, 0o600));
    // An export that carries them, over an existing file readable by all.
    let out = data.path().join("plan-private.md");
    std::fs::write(&out, "old").unwrap();
    make_readable_by_all(&out);
    rungs(data.path())
        .args(["export", "--include-private", "--force", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stderr(predicates::str::contains("readable by you only"));
    assert_eq!(mode(&out), 0o600);
    // The planner's export into the exports folder.
    let name = "ada-2026-11-25-private.md";
    let kept = rungs::export::write_to_exports(data.path(), name, "one").unwrap();
    make_readable_by_all(&kept);
    rungs::export::write_to_exports(data.path(), name, "two").unwrap();
    assert_eq!(mode(&kept), 0o600);
    // A file without private notes keeps the mode its owner gave it.
    let shared = data.path().join("plan.md");
    std::fs::write(&shared, "old").unwrap();
    make_readable_by_all(&shared);
    rungs(data.path())
        .args(["export", "--force", "--out"])
        .arg(&shared)
        .assert()
        .success();
    assert_eq!(mode(&shared), 0o644);
}

/// A link at `profiles/.gitignore` cannot be trusted to keep private notes out of git: new
/// private notes are refused (exit 2, naming the file and what to do), any other change goes
/// on with a word on stderr, and the link's target never changes.
#[cfg(unix)]
#[test]
fn a_link_at_the_profiles_gitignore_refuses_new_private_notes_and_says_so_on_other_saves() {
    let data = tempfile::tempdir().unwrap();
    ada(data.path());
    let gitignore = data.path().join("profiles/.gitignore");
    std::fs::remove_file(&gitignore).unwrap();
    let mut victims = Victims::new();
    victims.plant(&gitignore);
    let private = data.path().join("profiles/ada.private.ron");
    let before = std::fs::read(&private).unwrap();
    let output = rungs(data.path())
        .args(["session", "add", "--private", "not for git"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(
        said.contains(".gitignore") && said.contains("symbolic link") && said.contains("remove it"),
        "{said}"
    );
    assert_eq!(std::fs::read(&private).unwrap(), before);
    rungs(data.path())
        .args(["log", "nothing private"])
        .assert()
        .success()
        .stderr(predicates::str::contains(".gitignore"))
        .stderr(predicates::str::contains("remove it"));
    victims.assert_untouched("saves with a link at profiles/.gitignore");
    // Once the link is gone, rungs writes its own and private notes are saved again.
    std::fs::remove_file(&gitignore).unwrap();
    rungs(data.path())
        .args(["session", "add", "--private", "now ignored"])
        .assert()
        .success();
    assert!(std::fs::symlink_metadata(&gitignore).unwrap().is_file());
}

#[cfg(unix)]
#[test]
fn the_kept_format_1_file_holding_private_notes_is_owner_only_after_every_write() {
    let data = tempfile::tempdir().unwrap();
    let profiles = data.path().join("profiles");
    std::fs::create_dir(&profiles).unwrap();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/profiles/format-1.ron");
    std::fs::copy(fixture, profiles.join("priya-sharma.ron")).unwrap();
    rungs(data.path())
        .args(["log", "first write"])
        .assert()
        .success();
    let kept = profiles.join("priya-sharma.format-1.private.ron");
    assert_eq!(mode(&kept), 0o600);
    for command in [
        &["log", "second write"][..],
        &["session", "add", "--private", "more"],
    ] {
        make_readable_by_all(&kept);
        rungs(data.path())
            .args(command)
            .assert()
            .success()
            .stderr(predicates::str::contains("readable by you only"));
        assert_eq!(mode(&kept), 0o600, "after {command:?}");
    }
}

#[test]
fn a_change_that_would_pass_the_read_limit_is_refused_and_the_file_still_loads() {
    let data = tempfile::tempdir().unwrap();
    ada(data.path());
    rungs(data.path())
        .args(["log", "a small win"])
        .assert()
        .success();
    let store = Store::new(data.path());
    let limit = rungs::fsutil::MAX_FILE_BYTES as usize;
    // Grown to just under the limit by log entries, as a long-kept log would be.
    store
        .update("ada", |p| {
            let mut entry = p.evidence[0].clone();
            entry.text = "x".repeat(1024 * 1024);
            for _ in 0..15 {
                // Each entry its own id, as rungs gives them.
                entry.id = p.next_id.evidence;
                p.next_id.evidence += 1;
                p.evidence.push(entry.clone());
            }
            Ok(())
        })
        .unwrap();
    let path = data.path().join("profiles/ada.ron");
    let size = std::fs::metadata(&path).unwrap().len() as usize;
    // One more entry brings it within a few log entries of the limit.
    store
        .update("ada", |p| {
            let mut entry = p.evidence[0].clone();
            entry.text = "x".repeat(limit - size - 300 * 1024);
            entry.id = p.next_id.evidence;
            p.next_id.evidence += 1;
            p.evidence.push(entry);
            Ok(())
        })
        .unwrap();
    let size = std::fs::metadata(&path).unwrap().len() as usize;
    assert!(size < limit && size > limit - 400 * 1024, "{size}");
    let before = std::fs::read(&path).unwrap();
    let big = "y".repeat(100 * 1024);
    let mut refused = None;
    for _ in 0..10 {
        let output = rungs(data.path()).args(["log", &big]).output().unwrap();
        if output.status.code() != Some(0) {
            refused = Some(output);
            break;
        }
    }
    let output = refused.expect("the log grew past the limit without a word");
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(
        said.contains("MiB") && said.contains("still loads") && said.contains("ada.ron"),
        "{said}"
    );
    // Never a rounded size that reads as no bigger than the limit ("16.0 MiB, over the 16 MiB").
    assert!(!said.contains("16.0 MiB"), "{said}");
    assert!(std::fs::metadata(&path).unwrap().len() as usize <= limit);
    assert_ne!(
        std::fs::read(&path).unwrap(),
        before,
        "earlier logs were saved"
    );
    rungs(data.path())
        .args(["profile", "show"])
        .assert()
        .success();
}

#[test]
fn a_profile_too_big_to_read_names_its_backup() {
    let data = tempfile::tempdir().unwrap();
    ada(data.path());
    let path = data.path().join("profiles/ada.ron");
    // Grown by hand (or by an older rungs) past the limit.
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str(&format!("// {}\n", "z".repeat(17 * 1024 * 1024)));
    std::fs::write(&path, text).unwrap();
    rungs(data.path())
        .args(["profile", "show"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("over the 16 MiB limit"))
        .stderr(predicates::str::contains("ada.ron.bak"));
}

/// Runs `command` on a fresh copy of `template` with its stdout a pipe whose reader stops
/// after `read` bytes (0: closed before anything is written, as `| head -c 0` would).
fn into_a_closed_pipe(template: &Path, outside: &Path, command: &[&str], read: usize) {
    use std::io::Read;
    let data = tempfile::tempdir().unwrap();
    copy_folder(template, data.path());
    let args = args(command, data.path(), outside);
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("rungs"))
        .args(&args)
        .env_remove("COLUMNS")
        .env_remove("RUNGS_LADDERS")
        .env("RUNGS_CONFIG", data.path().join("config.ron"))
        .env("RUNGS_DATA_DIR", data.path())
        .env("RUNGS_TODAY", common::TODAY)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = vec![0; read];
    let _ = stdout.read_exact(&mut first);
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    #[cfg(unix)]
    let killed_by_sigpipe =
        std::os::unix::process::ExitStatusExt::signal(&output.status) == Some(13);
    #[cfg(not(unix))]
    let killed_by_sigpipe = false;
    assert!(
        output.status.code() == Some(0) || killed_by_sigpipe,
        "`{}` into a pipe closed after {read} bytes: {:?} {said}",
        args.join(" "),
        output.status
    );
    assert!(!said.contains("panicked"), "{said}");
}

#[test]
fn every_command_into_a_closed_pipe_exits_0_never_101() {
    let (template, outside) = template();
    let help: &[&[&str]] = &[&["--help"], &["--version"], &["help"], &["rate", "--help"]];
    for command in EVERY_COMMAND.iter().chain(help) {
        for read in [0, 1] {
            into_a_closed_pipe(template.path(), outside.path(), command, read);
        }
    }
}

#[test]
fn only_files_rungs_reads_back_are_held_to_the_read_limit() {
    let dir = tempfile::tempdir().unwrap();
    let big = vec![b'x'; rungs::fsutil::MAX_FILE_BYTES as usize + 1];
    let read_back = dir.path().join("ada.ron");
    let err = rungs::fsutil::write_atomic(
        &read_back,
        &big,
        rungs::fsutil::Previous::Replace,
        rungs::fsutil::NewFile::Private,
    )
    .unwrap_err();
    assert!(err.refused && err.to_string().contains("MiB"), "{err}");
    assert!(!read_back.exists());
    let export = dir.path().join("ada.json");
    rungs::fsutil::write_export(
        &export,
        &big,
        rungs::fsutil::Previous::Replace,
        rungs::fsutil::NewFile::Shared,
    )
    .unwrap();
    assert_eq!(std::fs::metadata(&export).unwrap().len(), big.len() as u64);
}

#[cfg(unix)]
#[test]
fn a_rewritten_file_keeps_its_permissions_but_never_a_setuid_or_setgid_bit() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.md");
    std::fs::write(&path, "old").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o6755)).unwrap();
    let before = std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
    rungs::fsutil::write_atomic(
        &path,
        b"new",
        rungs::fsutil::Previous::Replace,
        rungs::fsutil::NewFile::Shared,
    )
    .unwrap();
    let after = std::fs::metadata(&path).unwrap().permissions().mode() & 0o7777;
    assert_eq!(after, before & 0o777, "was {before:o}");
}

#[cfg(unix)]
#[test]
fn anything_but_a_regular_file_where_the_backup_goes_is_refused_and_left_alone() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.md");
    std::fs::write(&path, "old").unwrap();
    let backup = rungs::fsutil::with_suffix(&path, ".bak");
    let made = std::process::Command::new("mkfifo")
        .arg(&backup)
        .status()
        .unwrap();
    assert!(made.success());
    let err = rungs::fsutil::write_atomic(
        &path,
        b"new",
        rungs::fsutil::Previous::KeepAsBackup,
        rungs::fsutil::NewFile::Shared,
    )
    .unwrap_err();
    assert!(err.refused, "{err}");
    assert!(err.to_string().contains("not a regular file"), "{err}");
    assert!(
        std::fs::symlink_metadata(&backup)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert_eq!(std::fs::read(&path).unwrap(), b"old");
}

#[test]
fn a_file_where_the_profiles_folder_goes_is_bad_input_that_says_to_move_it() {
    let data = tempfile::tempdir().unwrap();
    std::fs::write(data.path().join("profiles"), "not a folder").unwrap();
    let output = rungs(data.path())
        .args(["profile", "new", "Ada", "--role", "sysadmin"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(
        said.contains("is a file, not a folder") && said.contains("move it"),
        "{said}"
    );
    assert!(!said.contains("try again"), "{said}");
}

#[cfg(unix)]
#[test]
fn out_to_dev_stdout_says_to_leave_out_out_not_to_remove_a_link() {
    let data = tempfile::tempdir().unwrap();
    ada(data.path());
    let output = rungs(data.path())
        .args(["export", "--out", "/dev/stdout"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{said}");
    assert!(said.contains("leave out --out"), "{said}");
    assert!(!said.contains("remove the link"), "{said}");
}

/// rungs' own folders in the data folder — drafts, the roster's cache, exports — replaced by a
/// link to a folder elsewhere: nothing is written through the link.
#[cfg(unix)]
#[test]
fn a_link_planted_at_one_of_rungs_own_folders_is_never_written_through() {
    let data = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    ada(data.path());
    for folder in ["drafts", "cache", "exports"] {
        std::os::unix::fs::symlink(outside.path(), data.path().join(folder)).unwrap();
    }
    // The roster writes its cache; a draft and an export are kept by the planner's own calls.
    rungs(data.path()).arg("roster").assert().success();
    let draft = rungs::profile::drafts::Draft {
        title: "New action item".into(),
        fields: vec![("Action".into(), "Book the course".into())],
    };
    let kept = rungs::profile::drafts::keep(data.path(), "ada", &draft);
    assert!(kept.is_err(), "{kept:?}");
    let exported = rungs::export::write_to_exports(data.path(), "ada-plan.md", "# Ada\n");
    let refused = exported.expect_err("an export through a link is refused");
    assert!(refused.refused, "{refused}");
    assert!(refused.to_string().contains("remove it"), "{refused}");
    let written: Vec<_> = std::fs::read_dir(outside.path())
        .unwrap()
        .flatten()
        .collect();
    assert!(written.is_empty(), "written through a link: {written:?}");
}
