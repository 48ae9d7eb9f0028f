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

use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use super::error::ProfileError;
use crate::fsutil::{self, NewFile, Previous, SaveSteps};

/// Holds one profile's write lock until dropped.
#[derive(Debug)]
pub struct LockGuard {
    /// The lock file: which profile, in which folder.
    path: std::path::PathBuf,
    file: File,
}

impl LockGuard {
    pub(super) fn new(path: &Path, file: File) -> LockGuard {
        LockGuard {
            path: path.to_path_buf(),
            file,
        }
    }

    /// The lock file this guard holds.
    pub fn path(&self) -> &Path {
        &self.path
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

/// Which version of a profile file is on disk; see the module documentation. Kept in the
/// roster's cache, to know a cached line is still the file's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Generation {
    writes: u64,
    stamp: Option<Stamp>,
    /// The private notes file's, so a hand edit of it is noticed too.
    private: Option<Stamp>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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

/// The generation of the profile at `path`, with its private notes at `private`, whose lock
/// file is `lock`. Costs two stats and a read of a few bytes, so a planner can afford it often.
pub(super) fn generation(path: &Path, private: &Path, lock: &Path) -> Generation {
    let writes = File::open(lock).map_or(0, |mut f| read_count(&mut f));
    Generation {
        writes,
        stamp: stamp(path),
        private: stamp(private),
    }
}

/// Tries to take the session lock at `path`: `None` if another planner holds it.
pub(super) fn session(path: &Path) -> Result<Option<SessionLock>, ProfileError> {
    let file = fsutil::open_lock(path).map_err(|e| {
        if e.refused {
            ProfileError::Refused(e)
        } else {
            ProfileError::io(path, "open the session file")(e.source)
        }
    })?;
    match file.try_lock() {
        Ok(()) => Ok(Some(SessionLock { _file: file })),
        Err(fs::TryLockError::WouldBlock) => Ok(None),
        Err(fs::TryLockError::Error(e)) => Err(ProfileError::io(path, "lock")(e)),
    }
}

/// Writes `text` to `path` atomically (see [`fsutil::write_atomic`]), keeping the old version
/// as `previous` says, and counts the write in the lock file. `new_file` is
/// [`NewFile::Private`] for the profile (the person's own link to it is followed) and
/// [`NewFile::Secret`] for private notes (owner-only after every write, never through a link). `lock` proves the caller holds the
/// profile's lock; the caller reads the new generation under it.
pub(super) fn write(
    steps: &dyn SaveSteps,
    path: &Path,
    text: &str,
    previous: Previous,
    new_file: NewFile,
    lock: &mut LockGuard,
) -> Result<(), ProfileError> {
    fsutil::write_atomic_with(steps, path, text.as_bytes(), previous, new_file).map_err(|e| {
        if e.refused {
            ProfileError::Refused(e)
        } else if e.action == fsutil::KEEP_BACKUP {
            ProfileError::Backup {
                path: e.path,
                source: e.source,
            }
        } else {
            ProfileError::NotSaved {
                profile: path.to_path_buf(),
                path: e.path,
                action: e.action,
                source: e.source,
            }
        }
    })?;
    // The file is saved by now: a count that cannot be kept must not turn it into a failure
    // (a retry would apply the change twice). Readers still notice by the file's own stamp.
    if let Err(e) = lock.count_write() {
        tracing::warn!(error = %e, "a save could not be counted in its lock file");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::OpenOptions;

    #[test]
    fn a_counted_write_changes_the_generation_even_when_the_file_looks_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let (path, lock_path) = (dir.path().join("p.ron"), dir.path().join("p.lock"));
        std::fs::write(&path, "same bytes").unwrap();
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&lock_path)
            .unwrap();
        let mut lock = LockGuard::new(&lock_path, file);
        let private = dir.path().join("p.private.ron");
        let before = generation(&path, &private, &lock_path);
        // Another rungs saved: same size, same time, same inode as far as a stat can tell,
        // but it counted its write under the lock.
        lock.count_write().unwrap();
        assert_eq!(
            stamp(&path),
            before.stamp,
            "the file itself looks unchanged"
        );
        assert_ne!(generation(&path, &private, &lock_path), before);
    }
}
