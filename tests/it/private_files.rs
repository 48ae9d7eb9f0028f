//! Private notes in files of their own: a format-1 profile's notes move out on its first
//! write and its old file is kept where private files are; a private file that does not parse
//! is never written over, yet hides nothing a read without private notes needs.

use std::path::{Path, PathBuf};

use crate::common;

use common::{json, rungs};
use predicates::prelude::*;
use rungs::profile::Store;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/profiles")
        .join(name)
}

/// The text a broken private file is given: cut short inside its map.
const BROKEN: &str = "(\n    format: 1,\n    id: \"ada\",\n    sessions: {\n";

/// Ada with a session whose private notes are then cut short on disk, with `setup` run between;
/// the private file's path.
fn ada_with_a_broken_private_file(dir: &Path, setup: &[&[&str]]) -> PathBuf {
    rungs(dir)
        .args(["profile", "new", "Ada", "--role", "sysadmin"])
        .assert()
        .success();
    rungs(dir)
        .args(["session", "add", "--private", "first thoughts"])
        .assert()
        .success();
    for args in setup {
        rungs(dir).args(*args).assert().success();
    }
    let private = dir.join("profiles/ada.private.ron");
    std::fs::write(&private, BROKEN).unwrap();
    private
}

#[test]
fn a_format_1_profile_with_private_notes_moves_them_out_on_its_first_write() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = dir.path().join("profiles");
    std::fs::create_dir(&profiles).unwrap();
    let original = std::fs::read(fixture("format-1.ron")).unwrap();
    let path = profiles.join("priya-sharma.ron");
    std::fs::write(&path, &original).unwrap();
    // As an earlier rungs left it: its previous version beside it, both readable by all.
    std::fs::write(profiles.join("priya-sharma.ron.bak"), &original).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    }
    let secret = "Possible successor for the platform lead";

    // Reading never rewrites: the file stays format 1 until something changes.
    rungs(dir.path()).args(["agenda"]).assert().success();
    assert_eq!(std::fs::read(&path).unwrap(), original);

    rungs(dir.path())
        .args(["log", "the first write after the upgrade"])
        .assert()
        .success();
    let profile = std::fs::read_to_string(&path).unwrap();
    assert!(profile.contains("format: 4,"), "{profile}");
    assert!(!profile.contains(secret), "the note left the profile");
    let private = std::fs::read_to_string(profiles.join("priya-sharma.private.ron")).unwrap();
    assert!(private.contains(secret), "{private}");
    assert!(
        private.contains("format: 1,"),
        "the private file has a format of its own"
    );
    // The old file stays as the backup, whole; it holds the private notes, so it is kept
    // under the private files' pattern, readable by its owner only, never as `.ron.bak`.
    let kept = profiles.join("priya-sharma.format-1.private.ron");
    assert_eq!(
        std::fs::read(&kept).unwrap(),
        original,
        "the old file stays as the backup"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&kept).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "{mode:o}");
    }
    let ignore = std::fs::read_to_string(profiles.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*.private.ron"), "{ignore}");
    // An earlier rungs's own backup held the notes too: it moved beside the kept file.
    assert_eq!(
        std::fs::read(profiles.join("priya-sharma.format-1.bak.private.ron")).unwrap(),
        original
    );
    for entry in std::fs::read_dir(&profiles).unwrap() {
        let path = entry.unwrap().path();
        if !path.to_string_lossy().ends_with(".private.ron") {
            let text = std::fs::read(&path).unwrap();
            assert!(
                !String::from_utf8_lossy(&text).contains(secret),
                "{} holds a private note",
                path.display()
            );
        }
    }

    // Nothing is lost: the note under its session, the action item, everything else.
    let p = Store::new(dir.path()).load("priya-sharma").unwrap();
    assert_eq!(p.private_notes["2026-11-10"], secret);
    assert_eq!(p.sessions[0].notes, "Talked about a move into data");
    assert_eq!(p.actions[0].text, "Book the negotiation course");
    assert_eq!(p.mentors[0].name, "Grace Hopper");
    assert_eq!(p.evidence.len(), 3);

    // Shown only when asked for.
    rungs(dir.path())
        .args(["session", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains(secret).not())
        .stderr(predicate::str::contains("--include-private"));
    rungs(dir.path())
        .args(["session", "list", "--include-private"])
        .assert()
        .success()
        .stdout(predicate::str::contains(secret));
}

#[test]
fn a_private_file_that_does_not_parse_stops_every_write_and_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let private = ada_with_a_broken_private_file(dir.path(), &[]);
    rungs(dir.path())
        .args(["log", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ada.private.ron:"));
    assert_eq!(std::fs::read_to_string(&private).unwrap(), BROKEN);
}

#[test]
fn a_private_file_that_does_not_parse_leaves_the_agenda_and_the_roster_working() {
    let dir = tempfile::tempdir().unwrap();
    let private = ada_with_a_broken_private_file(
        dir.path(),
        &[&["agenda", "add", "Can I shadow the DR drill?"]],
    );

    // The agenda needs no private notes: it is shown, and stderr says what is wrong and where.
    rungs(dir.path())
        .args(["agenda"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Can I shadow the DR drill?"))
        .stderr(predicate::str::is_match(r"ada\.private\.ron:\d+:\d+: ").unwrap())
        .stderr(predicate::str::contains("cannot be read"))
        .stderr(predicate::str::contains(
            "every change to this profile is refused",
        ));
    let roster = json(rungs(dir.path()).args(["roster", "--json"]));
    assert_eq!(roster[0]["id"], "ada");
    assert_eq!(
        roster[0]["name"], "Ada",
        "a person's row, not an error: {roster}"
    );
    assert_eq!(roster[0]["error"], serde_json::Value::Null);
    assert_eq!(roster[0]["their_topics"], 1);
    // Nor do the other reads that show no private notes.
    for read in [
        &["action", "list"][..],
        &["session", "list"],
        &["profile", "show"],
    ] {
        rungs(dir.path())
            .args(read)
            .assert()
            .success()
            .stderr(predicate::str::is_match(r"ada\.private\.ron:\d+:\d+: ").unwrap());
    }
    rungs(dir.path())
        .args(["session", "list", "--include-private"])
        .assert()
        .code(2);

    // A change still refuses to write over what it cannot read.
    rungs(dir.path())
        .args(["agenda", "add", "another"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("ada.private.ron:"));
    assert_eq!(std::fs::read_to_string(&private).unwrap(), BROKEN);
}
