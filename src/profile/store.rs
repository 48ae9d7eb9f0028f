//! Where profiles live and how they are read and written so that nothing is ever lost: one
//! writer at a time under a lock, re-read before every change, written atomically with a backup
//! (see [`super::disk`]), and a file that does not parse is never overwritten.
//!
//! The store reports; it never prints. A front end that wants to say "waiting for another
//! writer" gives the store a [`WaitNotice`].

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::disk::{self, Generation, LockGuard, SessionLock};
use super::error::ProfileError;
use super::migrate::{self, ProfileV1};
use super::model::{PROFILE_FORMAT, Profile, backup_of, pre_migration_backup_of};
use super::private::{self, PRIVATE_SUFFIX};
use crate::fsutil::{self, NewFile, Previous, ReadError, RealDisk, SaveSteps};
use crate::ladder;
use crate::text;

/// How long a writer waits for another to finish before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// The id a profile name is stored under, or why the name cannot be used.
///
/// Names are display text, never paths: anything that could reach outside the profiles folder
/// is refused outright rather than quietly slugged into something else.
pub fn profile_id(name: &str) -> Result<String, ProfileError> {
    let refuse = |why: &str| ProfileError::InvalidName {
        name: name.to_string(),
        why: why.to_string(),
    };
    // Read as it reads: what cannot be seen is no part of a name.
    let name = &text::visible(name);
    if name.contains('\0') {
        return Err(refuse("it contains a NUL byte"));
    }
    if name.contains('/') || name.contains('\\') || name.contains("..") {
        return Err(refuse("names may not contain /, \\ or .."));
    }
    if text::first_forbidden_char(name).is_some() {
        return Err(refuse("it contains control characters"));
    }
    // The one rule for an id from a name (see `text::id_of_name`): letters spelt in Latin
    // letters, so every name has an id that is safe as a file name on any system.
    let id = text::id_of_name(name);
    if id.len() > MAX_ID_LEN {
        return Err(refuse(&format!(
            "it is too long for a file name ({} characters once made an id; at most {MAX_ID_LEN})",
            id.len()
        )));
    }
    if id.is_empty() || !name.chars().any(char::is_alphanumeric) {
        return Err(refuse("it needs at least one letter or digit"));
    }
    Ok(id)
}

/// A new profile for the person `name`, stored under the id made from it ([`profile_id`]), at
/// `current_role` on `ladder` and aiming for `target_role` if any: what `rungs profile new` and
/// the planner's first run both make.
pub fn new_profile(
    name: &str,
    ladder: String,
    current_role: String,
    target_role: Option<String>,
) -> Result<Profile, ProfileError> {
    let name = name.trim();
    let mut profile = Profile::new(
        profile_id(name)?,
        text::one_line(name),
        ladder,
        current_role,
    );
    profile.target_role = target_role;
    Ok(profile)
}

/// Profile ids longer than this are refused: with the longest suffix (`.ron.bak`) the file
/// name stays well inside the 255 bytes most file systems allow.
pub const MAX_ID_LEN: usize = 120;

/// Told which file it waits for when another writer holds a profile's lock.
#[derive(Clone)]
pub struct WaitNotice(pub Arc<dyn Fn(&Path) + Send + Sync>);

impl std::fmt::Debug for WaitNotice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("WaitNotice")
    }
}

#[derive(Deserialize)]
struct FormatProbe {
    format: u32,
}

/// The profiles folder of a data directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    /// Called once per wait when another writer holds the lock.
    pub on_wait: Option<WaitNotice>,
    /// How long to wait for another writer's lock.
    pub lock_wait: Duration,
    /// How files are written: the real disk, or in tests one that fails on purpose.
    steps: Arc<dyn SaveSteps>,
}

impl Store {
    pub fn new(data_dir: &Path) -> Store {
        Store {
            dir: data_dir.join("profiles"),
            on_wait: None,
            lock_wait: LOCK_WAIT,
            steps: Arc::new(RealDisk),
        }
    }

    /// The same store, writing through `steps` (tests make a chosen step fail).
    pub fn with_steps(mut self, steps: Arc<dyn SaveSteps>) -> Store {
        self.steps = steps;
        self
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The data folder the profiles folder sits in.
    pub fn data_dir(&self) -> &Path {
        self.dir.parent().unwrap_or(&self.dir)
    }

    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.ron"))
    }

    /// Where the profile's private notes live: `<id>.private.ron`.
    pub fn private_path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}{PRIVATE_SUFFIX}"))
    }

    fn sibling(&self, id: &str, suffix: &str) -> PathBuf {
        self.dir.join(format!("{id}.{suffix}"))
    }

    /// The ids of all profiles, most recently changed first (for listing only: which
    /// profile a command uses never depends on it, see [`super::whose`]).
    pub fn list(&self) -> Result<Vec<String>, ProfileError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            // A file where the profiles folder should be is the person's to move (exit 2).
            Err(_) if fs::metadata(&self.dir).is_ok_and(|m| !m.is_dir()) => {
                return Err(ProfileError::Unreadable {
                    path: self.dir.clone(),
                    why: "is not a folder, but rungs keeps profiles in a folder of that name — move it aside (or pass another --data-dir)".to_string(),
                });
            }
            Err(e) => return Err(ProfileError::io(&self.dir, "read the folder")(e)),
        };
        let mut found: Vec<(SystemTime, String)> = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let Some(id) = name.strip_suffix(".ron") else {
                continue;
            };
            if !text::is_valid_id(id) {
                continue;
            }
            let modified = entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(SystemTime::UNIX_EPOCH);
            found.push((modified, id.to_string()));
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Ok(found.into_iter().map(|(_, id)| id).collect())
    }

    /// Reads and parses a profile, migrating older formats and refusing newer ones.
    pub fn load(&self, id: &str) -> Result<Profile, ProfileError> {
        let started = Instant::now();
        let loaded = self.load_unlogged(id);
        let elapsed_us = started.elapsed().as_micros() as u64;
        match &loaded {
            Ok(_) => tracing::debug!(profile = id, elapsed_us, "loaded a profile"),
            Err(e) => tracing::debug!(profile = id, error = %e, "a profile did not load"),
        }
        loaded
    }

    /// The profile for a read that never writes and needs no private notes (the roster, the
    /// agenda): when `<id>.private.ron` cannot be read, the profile comes without the notes it
    /// holds, together with why, so that one broken private file does not hide a whole person.
    /// Every write still goes through [`Store::load`], which refuses, so the file that could not
    /// be read is never written over.
    pub fn load_shared_part(
        &self,
        id: &str,
    ) -> Result<(Profile, Option<ProfileError>), ProfileError> {
        let mut profile = self.load_profile_file(id)?;
        match self.load_private(id) {
            Ok(notes) => {
                merge_private(&mut profile, notes.unwrap_or_default());
                Ok((profile, None))
            }
            Err(e) => {
                tracing::debug!(profile = id, error = %e, "read without the private notes");
                Ok((profile, Some(e)))
            }
        }
    }

    fn load_unlogged(&self, id: &str) -> Result<Profile, ProfileError> {
        let mut profile = self.load_profile_file(id)?;
        merge_private(&mut profile, self.load_private(id)?.unwrap_or_default());
        Ok(profile)
    }

    /// The profile as far as the roster's glance reads it: no private notes, and in the current
    /// format none of the free text (see [`super::lean`]), which makes a cold roster several
    /// times cheaper. A file in another format, or one that does not parse, is read in full, so
    /// its error is the one every command gives.
    pub fn load_for_glance(&self, id: &str) -> Result<Profile, ProfileError> {
        let path = self.path_of(id);
        let source = self.read_profile_text(id, &path)?;
        if let Some(lean) = super::lean::parse(&source, id) {
            return Ok(lean);
        }
        let mut profile = parse(&source, &path)?;
        profile.id = id.to_string();
        Ok(profile)
    }

    /// The profile file alone, with any private notes a format-1 file still holds.
    fn load_profile_file(&self, id: &str) -> Result<Profile, ProfileError> {
        let path = self.path_of(id);
        let source = self.read_profile_text(id, &path)?;
        let mut profile = parse(&source, &path)?;
        // The file name is the profile's identity; a hand-edited id inside must not move it.
        profile.id = id.to_string();
        Ok(profile)
    }

    fn read_profile_text(&self, id: &str, path: &Path) -> Result<String, ProfileError> {
        let path = path.to_path_buf();
        fsutil::read_limited(&path).map_err(|e| match e {
            ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound => ProfileError::NotFound {
                id: id.to_string(),
                hint: String::new(),
            },
            ReadError::Io(source) => ProfileError::Io {
                path: path.clone(),
                action: "read",
                source,
            },
            ReadError::NotUtf8 { line, col } => ProfileError::Parse {
                path: path.clone(),
                line,
                col,
                message: "is not UTF-8 text: this byte starts no character".to_string(),
            },
            other => ProfileError::Unreadable {
                path: path.clone(),
                why: other.to_string(),
            },
        })
    }

    /// The private notes as the private file holds them; `None` when there is no such file.
    fn load_private(
        &self,
        id: &str,
    ) -> Result<Option<std::collections::BTreeMap<String, String>>, ProfileError> {
        let path = self.private_path_of(id);
        // Private notes live in a regular file rungs made: a link in its place (which a
        // save would refuse to write through) is refused here too, before it is read.
        if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink())
            && let Some(refused) = fsutil::refusal(&path, NewFile::Secret)
        {
            return Err(ProfileError::Refused(refused));
        }
        let source = match fsutil::read_limited(&path) {
            Ok(source) => source,
            Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(ReadError::Io(source)) => {
                return Err(ProfileError::Io {
                    path,
                    action: "read",
                    source,
                });
            }
            Err(other) => {
                return Err(ProfileError::Unreadable {
                    path,
                    why: other.to_string(),
                });
            }
        };
        Ok(Some(private::parse(&source, &path)?.sessions))
    }

    /// Takes the profile's write lock, waiting up to `lock_wait` for another writer.
    pub fn lock(&self, id: &str) -> Result<LockGuard, ProfileError> {
        self.make_folder()?;
        let path = self.sibling(id, "lock");
        let file = fsutil::open_lock(&path).map_err(|e| {
            if e.refused {
                ProfileError::Refused(e)
            } else {
                // The lock is taken to write, so a lock that cannot be had is a change not saved.
                ProfileError::NotSaved {
                    profile: self.path_of(id),
                    path: path.clone(),
                    action: "open the lock file",
                    source: e.source,
                }
            }
        })?;
        let started = Instant::now();
        let mut announced = false;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(LockGuard::new(&path, file)),
                Err(fs::TryLockError::WouldBlock) => {
                    if started.elapsed() >= self.lock_wait {
                        return Err(ProfileError::LockTimeout {
                            path: self.path_of(id),
                        });
                    }
                    if let Some(notice) = self.on_wait.as_ref().filter(|_| !announced) {
                        (notice.0)(&self.path_of(id));
                        announced = true;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(fs::TryLockError::Error(e)) => {
                    return Err(ProfileError::io(&path, "lock")(e));
                }
            }
        }
    }

    /// Marks the profile open in a planner: `None` if another planner has it open already.
    pub fn open_session(&self, id: &str) -> Result<Option<SessionLock>, ProfileError> {
        self.make_folder()?;
        disk::session(&self.sibling(id, "session"))
    }

    /// Which version of the profile is on disk; compare two to know whether it changed.
    pub fn generation(&self, id: &str) -> Generation {
        disk::generation(
            &self.path_of(id),
            &self.private_path_of(id),
            &self.sibling(id, "lock"),
        )
    }

    /// Saves a new profile; refuses to replace an existing one.
    pub fn create(&self, profile: &Profile) -> Result<PathBuf, ProfileError> {
        let mut lock = self.lock(&profile.id)?;
        let path = self.path_of(&profile.id);
        if fs::symlink_metadata(&path).is_ok() {
            // A name that reads the same makes the same id: say whose it is.
            let existing = self.load(&profile.id).ok().map(|p| p.name);
            return Err(ProfileError::AlreadyExists {
                id: profile.id.clone(),
                path,
                existing,
            });
        }
        self.save(profile, &mut lock)?;
        Ok(path)
    }

    /// Re-reads the profile under its lock, applies `change` and saves the result, so that
    /// concurrent writers never lose each other's changes. Nothing is written if the file does
    /// not parse or `change` fails.
    pub fn update<T>(
        &self,
        id: &str,
        change: impl FnOnce(&mut Profile) -> Result<T, ProfileError>,
    ) -> Result<(T, Profile), ProfileError> {
        self.update_tracked(id, change)
            .map(|(value, profile, _)| (value, profile))
    }

    /// [`Store::update`], also returning the generation of what it saved, taken under the lock.
    pub fn update_tracked<T>(
        &self,
        id: &str,
        change: impl FnOnce(&mut Profile) -> Result<T, ProfileError>,
    ) -> Result<(T, Profile, Generation), ProfileError> {
        let mut lock = self.lock(id)?;
        let mut profile = self.load(id)?;
        let before = profile.clone();
        let result = change(&mut profile)?;
        // A change that changes nothing writes nothing: the backup keeps the real previous
        // version, and no reader is told of a change that did not happen.
        let generation = if profile == before {
            self.generation(id)
        } else {
            self.save(&profile, &mut lock)?
        };
        Ok((result, profile, generation))
    }

    /// The profile `id` with its generation, read under its lock; when another rungs holds the
    /// lock (it is writing), read at once without it (a save is atomic, so the read sees one
    /// whole version) and `true`, so the planner opens read-only instead of waiting on a blank
    /// screen for the lock.
    pub fn load_or_peek(&self, id: &str) -> Result<((Profile, Generation), bool), ProfileError> {
        let mut quick = self.clone();
        quick.lock_wait = Duration::ZERO;
        quick.on_wait = None;
        match quick.load_tracked(id) {
            Ok(loaded) => Ok((loaded, false)),
            Err(ProfileError::LockTimeout { .. }) => {
                let profile = self.load(id)?;
                Ok(((profile, self.generation(id)), true))
            }
            Err(e) => Err(e),
        }
    }

    /// Reads the profile together with its generation, both under the lock, so the two agree.
    pub fn load_tracked(&self, id: &str) -> Result<(Profile, Generation), ProfileError> {
        let _lock = match self.lock(id) {
            Ok(lock) => Some(lock),
            // A lock file that cannot be opened (a folder this person may only read, a folder
            // in its place, a link planted there) does not stop them looking: a save is
            // atomic, so the read sees one whole version, and a save later says why it cannot
            // be made.
            Err(ProfileError::NotSaved { .. } | ProfileError::Refused(_)) => None,
            Err(e) => return Err(e),
        };
        let profile = self.load(id)?;
        Ok((profile, self.generation(id)))
    }

    /// Writes a profile atomically, keeping the previous version as `.bak`, and returns its new
    /// generation. The guard is the proof that the caller holds this profile's lock.
    ///
    /// Private notes go to `<id>.private.ron`, written first and only when they differ from
    /// what that file holds: a crash between the two writes leaves the notes in both places,
    /// never in neither. A private file that does not parse stops the save.
    pub fn save(
        &self,
        profile: &Profile,
        lock: &mut LockGuard,
    ) -> Result<Generation, ProfileError> {
        if lock.path() != self.sibling(&profile.id, "lock") {
            return Err(ProfileError::Internal(format!(
                "the lock {} cannot guard a save of profile \"{}\" in {}",
                lock.path().display(),
                profile.id,
                self.dir.display()
            )));
        }
        let started = Instant::now();
        // Nothing is saved that the reader would then refuse: both texts are measured first.
        let text = to_ron(profile)?;
        let private_text = private::to_ron(&profile.id, &profile.private_notes)?;
        for (path, bytes) in [
            (self.path_of(&profile.id), text.len()),
            (self.private_path_of(&profile.id), private_text.len()),
        ] {
            if bytes as u64 > fsutil::MAX_FILE_BYTES {
                return Err(ProfileError::TooBig { path, bytes });
            }
        }
        self.remove_stale_temps(&profile.id);
        let on_disk = self.load_private(&profile.id)?;
        let changed = match &on_disk {
            Some(notes) => *notes != profile.private_notes,
            None => !profile.private_notes.is_empty(),
        };
        private::keep_out_of_git(&self.dir, changed)?;
        if changed {
            let text = private_text;
            // Named to match the notes' own pattern, so .gitignore keeps it out too.
            let backup = backup_of(&self.private_path_of(&profile.id));
            disk::write(
                &*self.steps,
                &self.private_path_of(&profile.id),
                &text,
                Previous::KeepAt(&backup),
                NewFile::Secret,
                lock,
            )?;
        }
        let migrating = self.keep_private_backups_private(&profile.id)?;
        let written = disk::write(
            &*self.steps,
            &self.path_of(&profile.id),
            &text,
            migrating
                .as_deref()
                .map_or(Previous::KeepAsBackup, Previous::KeepAt),
            NewFile::Private,
            lock,
        );
        if let (Ok(()), Some(kept)) = (&written, &migrating) {
            owner_only(kept);
        }
        if written.is_ok() {
            // Whatever someone did to their modes, every file of private notes is owner-only
            // after any save, not only after one that rewrites it.
            // That is the notes' file, its backup, and the pre-migration copy of a format-1
            // profile that held them (with its own backup).
            let private = self.private_path_of(&profile.id);
            let format_1 = pre_migration_backup_of(&self.path_of(&profile.id));
            for path in [backup_of(&private), private, backup_of(&format_1), format_1] {
                if fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
                    owner_only(&path);
                }
            }
        }
        match &written {
            Ok(_) => tracing::debug!(
                profile = %profile.id,
                bytes = text.len(),
                private = changed,
                elapsed_us = started.elapsed().as_micros() as u64,
                "saved a profile"
            ),
            Err(e) => tracing::warn!(profile = %profile.id, error = %e, "a profile was not saved"),
        }
        if written.is_err() && changed {
            self.undo_private_write(&profile.id, on_disk.as_ref(), lock);
        }
        written.map(|()| self.generation(&profile.id))
    }

    /// Removes what saves of this profile killed half-way left behind: their temporaries have
    /// unique names, so they would pile up. Called under the profile's lock, which every
    /// writer of these files holds.
    fn remove_stale_temps(&self, id: &str) {
        let profile = self.path_of(id);
        let real = fs::canonicalize(&profile).unwrap_or_else(|_| profile.clone());
        let private = self.private_path_of(id);
        for path in [
            real,
            backup_of(&profile),
            private.clone(),
            backup_of(&private),
        ] {
            fsutil::remove_stale_temps(&path);
        }
    }

    /// Where the profile file's previous version must be kept instead of the shareable
    /// `<id>.ron.bak`: a format-1 file that holds private notes (its first save migrates it) is
    /// kept whole as `<id>.format-1.private.ron`, so nothing is lost and its private text stays
    /// under the private files' pattern. A `.ron.bak` that holds private notes too (an earlier
    /// rungs wrote it) moves to that file's own backup first. `None`: the usual `.ron.bak`.
    fn keep_private_backups_private(&self, id: &str) -> Result<Option<PathBuf>, ProfileError> {
        let path = self.path_of(id);
        if !holds_format_1_private_notes(&path) {
            return Ok(None);
        }
        let kept = pre_migration_backup_of(&path);
        let old_backup = backup_of(&path);
        if holds_format_1_private_notes(&old_backup) {
            let older = backup_of(&kept);
            fsutil::move_file(&old_backup, &older).map_err(|e| ProfileError::Backup {
                path: older.clone(),
                source: e.source,
            })?;
            owner_only(&older);
        }
        Ok(Some(kept))
    }

    /// Puts the private file back as it was when the profile's own write fails after it: the
    /// person is told nothing was saved, so a note must not stay behind for a session the
    /// profile does not have. If even this fails, the note stays orphaned (logged), and a new
    /// session never takes an orphan's id (see `rules::start_session`).
    fn undo_private_write(
        &self,
        id: &str,
        before: Option<&BTreeMap<String, String>>,
        lock: &mut LockGuard,
    ) {
        let path = self.private_path_of(id);
        let undone = match before {
            Some(notes) => private::to_ron(id, notes).and_then(|text| {
                disk::write(
                    &*self.steps,
                    &path,
                    &text,
                    Previous::Replace,
                    NewFile::Secret,
                    lock,
                )
            }),
            None => std::fs::remove_file(&path).map_err(|source| ProfileError::Io {
                path: path.clone(),
                action: "remove",
                source,
            }),
        };
        if let Err(e) = undone {
            tracing::warn!(profile = %id, error = %e, "the private notes could not be put back");
        }
    }

    /// Creates the profiles folder if need be. Something else by that name (a file) is bad
    /// input the person must move, not a failure to retry.
    fn make_folder(&self) -> Result<(), ProfileError> {
        if fs::metadata(&self.dir).is_ok_and(|m| !m.is_dir()) {
            return Err(ProfileError::Refused(fsutil::WriteError {
                path: self.dir.clone(),
                action: "create the folder",
                source: io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "it is a file, not a folder — move it out of the way (or pass --data-dir)",
                ),
                refused: true,
            }));
        }
        fs::create_dir_all(&self.dir).map_err(ProfileError::io(&self.dir, "create the folder"))
    }
}

/// Adds the private file's notes to `profile`. Notes a format-1 file still held are kept until
/// the first save moves them; the private file, their home from then on, wins where both hold a
/// session's notes.
fn merge_private(profile: &mut Profile, mut notes: BTreeMap<String, String>) {
    for (session, text) in std::mem::take(&mut profile.private_notes) {
        notes.entry(session).or_insert(text);
    }
    profile.private_notes = notes;
}

/// Whether the file at `path` is a format-1 profile whose sessions hold private notes. One that
/// says format 1 but does not parse is counted as holding them: it may, and keeping it where
/// private files are costs nothing.
fn holds_format_1_private_notes(path: &Path) -> bool {
    use std::io::Read;
    let Ok(file) = fs::File::open(path) else {
        return false;
    };
    // The format comes first in every file rungs writes; the rest is read only for format 1.
    let mut head = Vec::new();
    if file.take(4096).read_to_end(&mut head).is_err()
        || declared_format(&String::from_utf8_lossy(&head)) != Some(1)
    {
        return false;
    }
    fsutil::read_limited(path).map_or(true, |source| {
        ladder::ron_options()
            .from_str::<ProfileV1>(&source)
            .map_or(true, |old| old.holds_private_notes())
    })
}

/// Makes a file that holds private notes readable by its owner only; a failure is logged (the
/// file's name already keeps it out of a shared folder's history).
fn owner_only(path: &Path) {
    if let Err(e) = fsutil::make_owner_only(path) {
        tracing::warn!(path = %path.display(), error = %e, "cannot make a private backup owner-only");
    }
}

/// Parses profile text; `path` names the file in errors.
pub fn parse(source: &str, path: &Path) -> Result<Profile, ProfileError> {
    let parse_error = |e: &ron::error::SpannedError| {
        let problem = ladder::parse_problem(e);
        let pos = problem
            .pos
            .unwrap_or(ladder::locate::Pos { line: 1, col: 1 });
        let mut message = problem.message;
        if let Some(hint) = problem.hint {
            message = format!("{message} ({hint})");
        }
        ProfileError::Parse {
            path: path.to_path_buf(),
            line: pos.line,
            col: pos.col,
            message,
        }
    };
    if source.trim().is_empty() {
        return Err(ProfileError::Parse {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            message: "the file is empty".to_string(),
        });
    }
    let options = ladder::ron_options();
    let newer = |format: u32| ProfileError::NewerFormat {
        path: path.to_path_buf(),
        format,
    };
    // Files in the current format, nearly all of them, are read in one pass. Only when that
    // fails does the format decide: an older one is read through its own types, a newer one is
    // refused as such. A file that does not parse even as far as its format (cut short, say)
    // is read as the format it says it is, so the error points at the real problem.
    let current = options.from_str::<Profile>(source);
    let format = match &current {
        Ok(profile) => profile.format,
        Err(_) => options
            .from_str::<FormatProbe>(source)
            .map(|probe| probe.format)
            .ok()
            .or_else(|| declared_format(source))
            .unwrap_or(PROFILE_FORMAT),
    };
    match format {
        0 => Err(ProfileError::Parse {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            message: format!("format 0 does not exist; write `format: {PROFILE_FORMAT}`"),
        }),
        1 => options
            .from_str::<ProfileV1>(source)
            .map(migrate::from_v1)
            .map_err(|e| parse_error(&e)),
        2 => current.map(migrate::from_v2).map_err(|e| parse_error(&e)),
        // Format 4 only adds the day of the next 1:1: a format-3 file reads as it is, and
        // its first change writes it as format 4.
        3 | PROFILE_FORMAT => current
            .map_err(|e| parse_error(&e))
            .and_then(|p| migrate::checked(p, path)),
        newer_format => Err(newer(newer_format)),
    }
}

/// The number after the first `format:` in `source`, read without parsing the rest (a
/// "format" in a comment before it, with no colon after, is passed over).
fn declared_format(source: &str) -> Option<u32> {
    source.match_indices("format").find_map(|(at, word)| {
        let rest = source[at + word.len()..].trim_start();
        let rest = rest.strip_prefix(':')?.trim_start();
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    })
}

/// How deep the saved text breaks lines: the profile's fields, their lists, the entries of
/// those lists and the lists inside them (a session's agenda) each get lines of their own;
/// anything deeper — an agenda item — is written on one line, which keeps big files small and
/// a change to one item a one-line diff.
pub const PRETTY_DEPTH: usize = 4;

/// A profile as the pretty, stable RON text that is saved.
pub fn to_ron(profile: &Profile) -> Result<String, ProfileError> {
    // Nothing is written without its id: a profile built by hand (an import, a test) gets
    // them here, as a file without them gets them when read.
    let settled;
    let profile = if migrate::is_settled(profile) {
        profile
    } else {
        settled = migrate::settled(profile.clone());
        &settled
    };
    let config = PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .depth_limit(PRETTY_DEPTH);
    let mut text = ladder::ron_options()
        .to_string_pretty(profile, config)
        .map_err(|e| ProfileError::Serialize {
            id: profile.id.clone(),
            why: e.to_string(),
        })?;
    text.push('\n');
    Ok(text)
}
