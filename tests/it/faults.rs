//! Faults while saving: each step of the atomic write is made to fail in turn (create, write,
//! flush, keep the backup, rename, flush the folder, a full disk, a refused permission). Until
//! the new file replaces the old one, a failure leaves the old file byte for byte and nothing
//! beside it, the error says in words what failed, where, and what to do, and the planner keeps
//! the change in memory and saves it once the disk is back. Past the rename the change is saved
//! for every reader, so a folder that cannot be flushed is logged rather than called a failure
//! (a retry would make the change twice). Also: a read-only data folder, no home folder, and a
//! data folder whose path has spaces and non-ASCII characters.

use crate::common;

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use assert_cmd::Command;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use rungs::fsutil::{RealDisk, SaveSteps};
use rungs::ladder::{BUNDLED, load_str};
use rungs::profile::{Evidence, ProfileError, Store};
use rungs::tui::App;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Create,
    Write,
    Flush,
    Backup,
    Rename,
    FlushFolder,
    DiskFull,
    Denied,
}

impl Step {
    /// What the error must tell the person to do about this failure.
    fn advice(self) -> &'static str {
        match self {
            Step::DiskFull => "free some disk space",
            Step::Denied => "check that you may write in",
            _ => "try again",
        }
    }
}

const BEFORE_THE_RENAME: [Step; 7] = [
    Step::Create,
    Step::Write,
    Step::Flush,
    Step::Backup,
    Step::Rename,
    Step::DiskFull,
    Step::Denied,
];

/// The real disk, except that one step fails while `broken` is set.
#[derive(Debug)]
struct Faulty {
    step: Step,
    broken: AtomicBool,
}

impl Faulty {
    fn new(step: Step) -> Arc<Faulty> {
        Arc::new(Faulty {
            step,
            broken: AtomicBool::new(true),
        })
    }

    fn fails(&self, step: Step) -> io::Result<()> {
        if self.step != step || !self.broken.load(Ordering::SeqCst) {
            return Ok(());
        }
        Err(match step {
            Step::DiskFull => io::Error::from(io::ErrorKind::StorageFull),
            Step::Denied => io::Error::from(io::ErrorKind::PermissionDenied),
            _ => io::Error::other("injected fault"),
        })
    }

    fn mend(&self) {
        self.broken.store(false, Ordering::SeqCst);
    }
}

impl SaveSteps for Faulty {
    fn create(&self, path: &Path, options: &OpenOptions) -> io::Result<File> {
        self.fails(Step::Create)?;
        self.fails(Step::Denied)?;
        RealDisk.create(path, options)
    }
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        self.fails(Step::Write)?;
        if self.step == Step::DiskFull && self.broken.load(Ordering::SeqCst) {
            // A full disk takes part of the bytes, then refuses the rest.
            RealDisk.write(file, &bytes[..bytes.len() / 2])?;
            self.fails(Step::DiskFull)?;
        }
        RealDisk.write(file, bytes)
    }
    fn sync_file(&self, file: &File) -> io::Result<()> {
        self.fails(Step::Flush)?;
        RealDisk.sync_file(file)
    }
    fn keep_backup(&self, target: &Path, backup: &Path) -> io::Result<()> {
        self.fails(Step::Backup)?;
        RealDisk.keep_backup(target, backup)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.fails(Step::Rename)?;
        RealDisk.rename(from, to)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.fails(Step::FlushFolder)?;
        RealDisk.sync_dir(dir)
    }
}

/// A data folder with the fixture profile saved twice (so there is a backup to keep).
fn saved_profile() -> (tempfile::TempDir, Store, String) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let profile = common::planner::fixture_profile();
    store.create(&profile).unwrap();
    store
        .update(&profile.id, |p| {
            p.name = "Priya S.".to_string();
            Ok(())
        })
        .unwrap();
    (dir, store, profile.id)
}

fn add_evidence(store: &Store, id: &str) -> Result<(), ProfileError> {
    store
        .update(id, |p| {
            p.evidence.push(Evidence {
                id: 0,
                seq: 0,
                date: rungs::date::Date::new(2026, 11, 25).unwrap(),
                text: "Ran the incident review".to_string(),
                milestone: None,
                competency: None,
            });
            Ok(())
        })
        .map(|_| ())
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_save_that_fails_before_the_rename_leaves_the_old_file_and_says_what_failed() {
    for step in BEFORE_THE_RENAME {
        let (_dir, store, id) = saved_profile();
        let path = store.path_of(&id);
        let (before, backup_before) = (
            std::fs::read(&path).unwrap(),
            std::fs::read(path.with_extension("ron.bak")).unwrap(),
        );
        let files_before = files_in(store.dir());
        let faulty = Faulty::new(step);
        let store = store.with_steps(faulty.clone());

        let error = add_evidence(&store, &id)
            .expect_err("the save fails")
            .to_string();
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{step:?}: the old file is intact"
        );
        assert_eq!(
            std::fs::read(path.with_extension("ron.bak")).unwrap(),
            backup_before,
            "{step:?}: the backup still holds the version before it"
        );
        assert_eq!(
            files_in(store.dir()),
            files_before,
            "{step:?}: no temp file is left behind"
        );
        let (cannot, not_saved) = ("cannot ", "not saved: ");
        assert!(
            error.starts_with(not_saved) || error.starts_with(cannot),
            "{step:?}: {error}"
        );
        assert!(
            error.contains(&path.display().to_string()),
            "{step:?}: {error}"
        );
        assert!(error.contains(step.advice()), "{step:?}: {error}");

        // The disk is back: the same change saves.
        faulty.mend();
        add_evidence(&store, &id).unwrap();
        assert_eq!(store.load(&id).unwrap().evidence.len(), 3, "{step:?}");
    }
}

/// Changes the private note of the fixture's session (kept in `<id>.private.ron`).
fn change_private_note(store: &Store, id: &str, text: &str) -> Result<(), ProfileError> {
    store
        .update(id, |p| {
            for note in p.private_notes.values_mut() {
                *note = text.to_string();
            }
            Ok(())
        })
        .map(|_| ())
}

#[test]
fn a_private_notes_save_that_fails_leaves_both_files_and_their_backups_and_says_why() {
    for step in BEFORE_THE_RENAME {
        let (_dir, store, id) = saved_profile();
        // A second version of the private file, so it has a backup to keep.
        change_private_note(&store, &id, "Ready to lead the platform team").unwrap();
        let private = store.private_path_of(&id);
        let private_backup = store.dir().join(format!("{id}.bak.private.ron"));
        let profile = store.path_of(&id);
        let read = |path: &Path| std::fs::read(path).unwrap();
        let before = [
            read(&private),
            read(&private_backup),
            read(&profile),
            read(&profile.with_extension("ron.bak")),
        ];
        let files_before = files_in(store.dir());
        let faulty = Faulty::new(step);
        let store = store.with_steps(faulty.clone());

        let error = change_private_note(&store, &id, "Talk about the move in spring")
            .expect_err("the save fails")
            .to_string();
        let after = [
            read(&private),
            read(&private_backup),
            read(&profile),
            read(&profile.with_extension("ron.bak")),
        ];
        assert_eq!(
            after, before,
            "{step:?}: the private file, the profile and both backups are as they were"
        );
        assert_eq!(
            files_in(store.dir()),
            files_before,
            "{step:?}: no temp file is left behind"
        );
        assert!(error.starts_with("not saved: "), "{step:?}: {error}");
        assert!(error.contains(".private.ron"), "{step:?}: {error}");
        assert!(error.contains(step.advice()), "{step:?}: {error}");

        faulty.mend();
        change_private_note(&store, &id, "Talk about the move in spring").unwrap();
        let notes = store.load(&id).unwrap().private_notes;
        assert!(
            notes.values().all(|n| n == "Talk about the move in spring"),
            "{step:?}: saved once the disk is back"
        );
    }
}

/// The real disk, except that a profile (not its private notes, not a backup) cannot be put in
/// place: the save fails after the private file was written.
#[derive(Debug)]
struct ProfileWillNotLand;

impl SaveSteps for ProfileWillNotLand {
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        let name = to.file_name().unwrap_or_default().to_string_lossy();
        if name.ends_with(".ron") && !name.ends_with(".private.ron") {
            return Err(io::Error::other("injected fault"));
        }
        RealDisk.rename(from, to)
    }
}

#[test]
fn when_the_profile_fails_to_save_after_its_private_notes_the_private_file_is_put_back() {
    let (dir, store, id) = saved_profile();
    let private = store.private_path_of(&id);
    let before = std::fs::read(&private).unwrap();
    let broken = Store::new(dir.path()).with_steps(Arc::new(ProfileWillNotLand));
    let error = change_private_note(&broken, &id, "PRIVATE-MARKER")
        .expect_err("the profile is not saved")
        .to_string();
    assert!(error.starts_with("not saved: "), "{error}");
    assert_eq!(
        std::fs::read(&private).unwrap(),
        before,
        "told it was not saved, the note is not on disk either"
    );
    let notes = store.load(&id).unwrap().private_notes;
    assert!(notes.values().all(|n| !n.contains("PRIVATE-MARKER")));
}

#[test]
fn a_folder_that_cannot_be_flushed_after_the_rename_does_not_make_a_saved_change_fail() {
    let (_dir, store, id) = saved_profile();
    let before = std::fs::read(store.path_of(&id)).unwrap();
    let store = store.with_steps(Faulty::new(Step::FlushFolder));
    add_evidence(&store, &id).expect("the change is on disk for every reader");
    assert_eq!(store.load(&id).unwrap().evidence.len(), 3);
    assert_eq!(
        std::fs::read(store.path_of(&id).with_extension("ron.bak")).unwrap(),
        before,
        "the previous version is kept"
    );
}

fn key(app: &mut App, c: char) {
    app.handle(&Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::NONE,
    )));
}

#[test]
fn the_planner_keeps_an_unsaved_change_says_why_and_saves_it_when_the_disk_is_back() {
    let (_dir, store, id) = saved_profile();
    let faulty = Faulty::new(Step::DiskFull);
    let profile = store.load(&id).unwrap();
    let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
    let mut app = App::new(
        ladder,
        store.clone().with_steps(faulty.clone()),
        Some(profile),
        false,
    );
    app.handle(&Event::Resize(120, 40));
    key(&mut app, '3');
    let first = store.load(&id).unwrap();
    key(&mut app, ' ');
    let screen = common::planner::screen(&app);
    assert!(
        screen.contains("not saved") && screen.contains("free some disk space"),
        "the status line says why:\n{screen}"
    );
    assert_eq!(store.load(&id).unwrap(), first, "nothing reached the file");

    faulty.mend();
    app.sync().flush().expect("saved once the disk is back");
    assert_ne!(
        store.load(&id).unwrap().milestones,
        first.milestones,
        "the change kept in memory reached the file"
    );
}

fn rungs(data_dir: &Path) -> Command {
    common::rungs(data_dir)
}

#[cfg(unix)]
#[test]
fn a_read_only_data_folder_fails_clearly_and_changes_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, store, id) = saved_profile();
    let before = std::fs::read(store.path_of(&id)).unwrap();
    std::fs::set_permissions(store.dir(), std::fs::Permissions::from_mode(0o555)).unwrap();
    // The superuser writes anywhere; there the folder stays writable and the check below is
    // left to the next test, whose folder nobody can create.
    let writable = std::fs::write(store.dir().join("probe"), "").is_ok();
    if !writable {
        let output = rungs(dir.path())
            .args(["log", "Ran the incident review"])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{stderr}");
        assert!(
            stderr.contains("not saved") && stderr.contains("check that you may write in"),
            "{stderr}"
        );
        assert_eq!(std::fs::read(store.path_of(&id)).unwrap(), before);
    }
    std::fs::set_permissions(store.dir(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(target_os = "linux")]
#[test]
fn a_data_folder_that_cannot_be_made_says_how_to_choose_another() {
    // Not even the superuser can make a folder inside /proc.
    let output = rungs(Path::new("/proc/rungs-cannot-exist"))
        .args(["profile", "new", "Ann", "--role", "Tech lead"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("/proc/rungs-cannot-exist") && stderr.contains("--data-dir"),
        "{stderr}"
    );
}

#[test]
fn a_data_folder_with_spaces_and_non_ascii_characters_works() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("Mes données/équipe plateforme");
    rungs(&data)
        .args(["profile", "new", "Zoë Ågren", "--role", "Tech lead"])
        .assert()
        .success();
    rungs(&data)
        .args(["log", "Présenté la revue des coûts"])
        .assert()
        .success();
    let shown = rungs(&data).args(["profile", "show"]).output().unwrap();
    let shown = String::from_utf8(shown.stdout).unwrap();
    assert!(shown.contains("Zoë Ågren") && shown.contains("Présenté la revue des coûts"));
}

#[test]
fn without_a_home_folder_rungs_says_where_to_point_it() {
    let output = Command::cargo_bin("rungs")
        .unwrap()
        .env_remove("HOME")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("XDG_STATE_HOME")
        .env_remove("RUNGS_DATA_DIR")
        .env_remove("RUNGS_CONFIG")
        .env("RUNGS_TODAY", "2026-11-25")
        .args(["profile", "list"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    if !output.status.success() {
        assert!(
            stderr.contains("--data-dir") || stderr.contains("RUNGS_DATA_DIR"),
            "says how to choose a folder: {stderr}"
        );
    }
}
