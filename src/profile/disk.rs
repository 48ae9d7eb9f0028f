//! The file-system side of the store: locks, generations and the atomic write.
//!
//! - One writer at a time: `<id>.lock` is locked for the length of a read-modify-write.
//! - Every save by any rungs counts up a number kept in that lock file, under the lock: the
//!   profile's *generation*. A planner that remembers the generation its own save returned
//!   notices any later write, however close in time — file times alone miss two writes within
//!   one clock tick. Hand edits, which take no lock, are noticed by the file's size, time and
//!   inode.
//! - Writes are atomic: a temp file beside the real file, fsync, rename, fsync the folder. A
//!   symlinked profile stays a symlink: the file it points at is the one replaced. The file's
//!   mode is kept; a new file is readable by its owner only.
//! - The previous version is kept as `<id>.ron.bak`; if that cannot be done, nothing is saved.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::error::ProfileError;

/// Holds one profile's write lock until dropped.
#[derive(Debug)]
pub struct LockGuard {
    id: String,
    file: File,
}

impl LockGuard {
    pub(super) fn new(id: &str, file: File) -> LockGuard {
        LockGuard {
            id: id.to_string(),
            file,
        }
    }

    /// The profile this lock is for.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Counts one more write in the lock file and returns the new count.
    fn count_write(&mut self) -> io::Result<u64> {
        let next = read_count(&mut self.file) + 1;
        self.file.seek(SeekFrom::Start(0))?;
        self.file.set_len(0)?;
        writeln!(self.file, "{next}")?;
        Ok(next)
    }
}

fn read_count(file: &mut File) -> u64 {
    let mut text = String::new();
    if file.seek(SeekFrom::Start(0)).is_err() || file.read_to_string(&mut text).is_err() {
        return 0;
    }
    text.trim().parse().unwrap_or(0)
}

/// Held while a planner has a profile open, so a second planner opens it read-only.
#[derive(Debug)]
pub struct SessionLock {
    _file: File,
}

/// Which version of a profile file is on disk; see the module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Generation {
    writes: u64,
    stamp: Option<Stamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some(Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        inode,
    })
}

/// The generation of the profile at `path` whose lock file is `lock`. Costs a stat and a read of
/// a few bytes, so a planner can afford it often.
pub(super) fn generation(path: &Path, lock: &Path) -> Generation {
    let writes = File::open(lock).map_or(0, |mut f| read_count(&mut f));
    Generation {
        writes,
        stamp: stamp(path),
    }
}

/// Tries to take the session lock at `path`: `None` if another planner holds it.
pub(super) fn session(path: &Path) -> Result<Option<SessionLock>, ProfileError> {
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(ProfileError::io(path, "open the session file"))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(SessionLock { _file: file })),
        Err(fs::TryLockError::WouldBlock) => Ok(None),
        Err(fs::TryLockError::Error(e)) => Err(ProfileError::io(path, "lock")(e)),
    }
}

/// The file a write to `path` must replace: the target of a symlink, else `path` itself.
fn real_file(path: &Path) -> Result<PathBuf, ProfileError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).map_err(ProfileError::io(path, "follow the link"))
        }
        _ => Ok(path.to_path_buf()),
    }
}

/// Writes `text` to the profile at `path` atomically, keeping the old version as `backup`, and
/// returns the new generation. `lock` proves the caller holds this profile's lock.
pub(super) fn write(
    path: &Path,
    backup: &Path,
    text: &str,
    lock: &mut LockGuard,
) -> Result<Generation, ProfileError> {
    let target = real_file(path)?;
    let mut temp_name = target.file_name().unwrap_or_default().to_os_string();
    temp_name.push(".tmp");
    let temp = target.with_file_name(temp_name);
    let existing = fs::metadata(&target).ok();
    write_temp(&temp, text, existing.as_ref())?;
    if existing.is_some()
        && let Err(e) = keep_backup(&target, backup)
    {
        let _ = fs::remove_file(&temp);
        return Err(e);
    }
    fs::rename(&temp, &target).map_err(ProfileError::io(&target, "replace"))?;
    // Make the rename itself durable; not every platform can open a folder for this.
    if let Some(dir) = target.parent()
        && let Ok(dir) = File::open(dir)
    {
        let _ = dir.sync_all();
    }
    let writes = lock.count_write().map_err(ProfileError::io(
        path,
        "count the write in the lock file of",
    ))?;
    Ok(Generation {
        writes,
        stamp: stamp(&target),
    })
}

fn write_temp(
    temp: &Path,
    text: &str,
    existing: Option<&fs::Metadata>,
) -> Result<(), ProfileError> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(temp)
        .map_err(ProfileError::io(temp, "create"))?;
    if let Some(meta) = existing {
        // The replaced file's mode carries over, whatever it was (0600 stays 0600).
        file.set_permissions(meta.permissions())
            .map_err(ProfileError::io(temp, "set the permissions of"))?;
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // A temp file left over by a crash may have had another mode.
            file.set_permissions(fs::Permissions::from_mode(0o600))
                .map_err(ProfileError::io(temp, "set the permissions of"))?;
        }
    }
    file.write_all(text.as_bytes())
        .map_err(ProfileError::io(temp, "write"))?;
    file.sync_all().map_err(ProfileError::io(temp, "flush"))
}

/// Keeps the current bytes of `target` as `backup`: a hard link where the file system allows,
/// else a copy. Fails when the backup cannot be made, so the caller saves nothing.
fn keep_backup(target: &Path, backup: &Path) -> Result<(), ProfileError> {
    let failed = |source| ProfileError::Backup {
        path: backup.to_path_buf(),
        source,
    };
    match fs::symlink_metadata(backup) {
        Ok(meta) if meta.is_dir() => {
            return Err(failed(io::Error::other("it is a folder")));
        }
        Ok(_) => fs::remove_file(backup).map_err(failed)?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(failed(e)),
    }
    if fs::hard_link(target, backup).is_err() {
        fs::copy(target, backup).map_err(failed)?;
    }
    Ok(())
}
