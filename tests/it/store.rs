//! The store's edges, each found by trying it: symlinked profiles, file modes, a backup that
//! cannot be made, FIFOs where files should be, names too long for the file system, and a lock
//! used for the wrong profile.

use crate::common;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use rungs::profile::{Profile, ProfileError, Store};

fn rungs(data_dir: &Path) -> Command {
    let mut cmd = common::rungs(data_dir);
    cmd.timeout(Duration::from_secs(20));
    cmd
}

/// A command that would hang forever opening a FIFO: the timeout turns a hang into a failure,
/// and is generous so that a busy machine never fails a command that does finish.
fn quick(data_dir: &Path) -> Command {
    let mut cmd = rungs(data_dir);
    cmd.timeout(Duration::from_secs(10));
    cmd
}

fn new_profile(dir: &Path, name: &str) {
    rungs(dir)
        .args(["profile", "new", name, "--role", "sysadmin"])
        .assert()
        .success();
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn new_profiles_are_private_and_a_files_mode_is_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    new_profile(dir.path(), "Ada");
    let path = dir.path().join("profiles/ada.ron");
    assert_eq!(mode(&path), 0o600, "readable by the owner only");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    rungs(dir.path())
        .args(["log", "kept its mode"])
        .assert()
        .success();
    assert_eq!(mode(&path), 0o640, "an existing mode is kept");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    rungs(dir.path())
        .args(["log", "still private"])
        .assert()
        .success();
    assert_eq!(mode(&path), 0o600);
}

#[cfg(unix)]
#[test]
fn a_symlinked_profile_stays_a_link_and_its_target_is_updated() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    new_profile(dir.path(), "Ada");
    let link = dir.path().join("profiles/ada.ron");
    let real = elsewhere.path().join("ada.ron");
    std::fs::rename(&link, &real).unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();

    rungs(dir.path())
        .args(["log", "through the link"])
        .assert()
        .success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink(),
        "the link is still a link"
    );
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(text.contains("through the link"), "{text}");
    assert_eq!(mode(&real), 0o600);
    let leftovers: Vec<_> = std::fs::read_dir(elsewhere.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers,
        ["ada.ron"],
        "no temp file left beside the target"
    );
}

#[test]
fn a_backup_that_cannot_be_made_is_reported_and_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    new_profile(dir.path(), "Ada");
    let path = dir.path().join("profiles/ada.ron");
    std::fs::create_dir(dir.path().join("profiles/ada.ron.bak")).unwrap();
    let before = std::fs::read_to_string(&path).unwrap();
    rungs(dir.path())
        .args(["log", "needs a backup"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("ada.ron.bak"))
        .stderr(predicate::str::contains("not saved"))
        .stderr(predicate::str::contains("move that folder out of the way"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_fifo_where_a_file_should_be_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    new_profile(dir.path(), "Ada");
    let fifo = dir.path().join("profiles/zed.ron");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    // Each of these would block forever opening the FIFO; the timeout turns a hang into a failure.
    quick(dir.path())
        .args(["profile", "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("not a regular file"));
    quick(dir.path())
        .args(["--profile", "zed", "log", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a regular file"));
    quick(dir.path())
        .args(["check"])
        .arg(&fifo)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a regular file"));
}

#[test]
fn a_name_too_long_for_the_file_system_exits_2_and_leaves_no_lock() {
    let dir = tempfile::tempdir().unwrap();
    let name = "a".repeat(10_000);
    rungs(dir.path())
        .args(["profile", "new", &name, "--role", "sysadmin"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("too long"));
    let profiles = dir.path().join("profiles");
    let left: Vec<_> = std::fs::read_dir(&profiles)
        .map(|entries| entries.map(|e| e.unwrap().file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "nothing left behind: {left:?}");
}

#[test]
fn a_lock_guards_only_the_profile_it_was_taken_for() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let other = Profile::new(
        "b".into(),
        "B".into(),
        "it-leadership".into(),
        "sysadmin".into(),
    );
    let mut lock = store.lock("a").unwrap();
    let err = store.save(&other, &mut lock).unwrap_err();
    assert!(matches!(err, ProfileError::Internal(_)), "{err}");
    assert_eq!(err.exit_code(), 1, "a mistake in rungs, not in the input");
    assert!(!store.path_of("b").exists());
}

#[test]
fn no_message_asks_anyone_to_delete_a_lock_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::new(dir.path());
    store.lock_wait = Duration::from_millis(50);
    let profile = Profile::new(
        "a".into(),
        "A".into(),
        "it-leadership".into(),
        "sysadmin".into(),
    );
    store.create(&profile).unwrap();
    let _held = store.lock("a").unwrap();
    let err = store.update("a", |_| Ok(())).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("try again"), "{message}");
    assert!(!message.contains("delete"), "{message}");
}

#[test]
fn a_milestone_listed_twice_in_a_hand_edited_profile_is_refused_and_the_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    new_profile(dir.path(), "Ann");
    rungs(dir.path())
        .args(["milestone", "ic-conflict-resolution", "done"])
        .assert()
        .success();
    let path = dir.path().join("profiles").join("ann.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    let entry = "        \"ic-conflict-resolution\": (\n";
    let at = text.find(entry).expect("the milestone is in the file");
    let doing = format!(
        "{entry}            status: Doing,\n            changed: \"2026-11-20\",\n        ),\n"
    );
    let twice = format!("{}{doing}{}", &text[..at], &text[at..]);
    std::fs::write(&path, &twice).unwrap();

    rungs(dir.path())
        .args(["log", "a win"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "\"ic-conflict-resolution\" is listed twice",
        ));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        twice,
        "neither entry is dropped by a save"
    );
}

#[test]
fn a_relative_ladder_path_in_a_profile_is_read_from_the_profiles_folder_not_the_current_one() {
    let data = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    new_profile(data.path(), "Ada");
    let profiles = data.path().join("profiles");
    std::fs::create_dir(profiles.join("team")).unwrap();
    let small =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ladders/valid-small.ron");
    std::fs::copy(&small, profiles.join("team/small.ron")).unwrap();
    // A decoy where a current-folder lookup would find it: same path, a ladder that does not load.
    std::fs::create_dir(elsewhere.path().join("team")).unwrap();
    std::fs::write(elsewhere.path().join("team/small.ron"), "(not a ladder").unwrap();
    let file = profiles.join("ada.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let text = text
        .replace("ladder: \"it-leadership\"", "ladder: \"team/small.ron\"")
        .replace("current_role: \"sysadmin\"", "current_role: \"operator\"");
    assert!(
        text.contains("team/small.ron") && text.contains("\"operator\""),
        "{text}"
    );
    std::fs::write(&file, text).unwrap();
    rungs(data.path())
        .current_dir(elsewhere.path())
        .args(["profile", "show"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Operator"));
}

#[test]
fn a_lock_file_that_cannot_be_opened_says_the_change_was_not_saved_and_what_to_do() {
    let data = tempfile::tempdir().unwrap();
    new_profile(data.path(), "Ada");
    let profiles = data.path().join("profiles");
    let before = std::fs::read(profiles.join("ada.ron")).unwrap();
    // A folder where the lock file goes fails to open even for the superuser.
    let lock = profiles.join("ada.lock");
    let _ = std::fs::remove_file(&lock);
    std::fs::create_dir(&lock).unwrap();
    let output = rungs(data.path())
        .args(["log", "Ran the incident review"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("not saved")
            && stderr.contains("ada.lock")
            && stderr.contains("move that folder out of the way")
            && stderr.contains("is as it was"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(profiles.join("ada.ron")).unwrap(), before);
}

#[test]
fn names_in_any_script_get_an_id_in_latin_letters_and_old_ids_still_resolve() {
    use rungs::profile::profile_id;
    assert_eq!(profile_id("Zoë Ørsted").unwrap(), "zoe-orsted");
    assert_eq!(profile_id("张伟").unwrap(), "zhang-wei");
    assert_eq!(profile_id("Иван Петров").unwrap(), "ivan-petrov");
    assert!(profile_id("🙂").is_err(), "a name needs a letter or digit");
    assert_eq!(profile_id("Ana 🙂").unwrap(), "ana");
    assert_eq!(profile_id("Łukasz ♥ Müller").unwrap(), "lukasz-muller");
    // A profile made when letters beyond a-z were dropped is still found by its name.
    let data = tempfile::tempdir().unwrap();
    let store = Store::new(data.path());
    store
        .create(&Profile::new(
            "zo".into(),
            "Zoë".into(),
            "it-leadership".into(),
            "sysadmin".into(),
        ))
        .unwrap();
    assert_eq!(store.resolve(Some("Zoë")).unwrap(), "zo");
    // Someone else's file under that old id is not hers: her name is refused, not matched.
    let other = tempfile::tempdir().unwrap();
    let store = Store::new(other.path());
    store
        .create(&Profile::new(
            "zo".into(),
            "Zo".into(),
            "it-leadership".into(),
            "sysadmin".into(),
        ))
        .unwrap();
    assert!(matches!(
        store.resolve(Some("Zoë")),
        Err(ProfileError::NotFound { .. })
    ));
}

#[test]
fn a_lock_file_that_cannot_be_opened_does_not_stop_the_planner_reading_the_profile() {
    let data = tempfile::tempdir().unwrap();
    new_profile(data.path(), "Ada");
    let lock = data.path().join("profiles/ada.lock");
    let _ = std::fs::remove_file(&lock);
    std::fs::create_dir(&lock).unwrap();
    let (profile, _) = Store::new(data.path())
        .load_tracked("ada")
        .expect("read without the lock");
    assert_eq!(profile.name, "Ada");
}
