//! Reading user files safely: a size limit before and during the read, UTF-8 checked.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

/// Files larger than this are refused before they are read into memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    IsFolder,
    /// A FIFO, socket or device: reading one could block forever or never end.
    NotAFile,
    TooLarge(u64),
    /// Where the first byte that is not UTF-8 is, as a person's editor counts: line and
    /// column of characters, from 1.
    NotUtf8 {
        line: usize,
        col: usize,
    },
}

impl ReadError {
    /// The error for `bytes`, valid UTF-8 up to `valid_up_to`.
    pub fn not_utf8(bytes: &[u8], valid_up_to: usize) -> ReadError {
        let valid = std::str::from_utf8(&bytes[..valid_up_to.min(bytes.len())]).unwrap_or("");
        let line_start = valid.rfind('\n').map_or(0, |at| at + 1);
        ReadError::NotUtf8 {
            line: valid.matches('\n').count() + 1,
            col: valid[line_start..].chars().count() + 1,
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::IsFolder => f.write_str("is a folder, not a file"),
            ReadError::NotAFile => {
                f.write_str("is not a regular file (a FIFO, socket or device) and was not read")
            }
            ReadError::TooLarge(bytes) => write!(
                f,
                "is {bytes} bytes, over the {} MiB limit",
                MAX_FILE_BYTES / 1024 / 1024
            ),
            ReadError::NotUtf8 { line, col } => {
                write!(f, "is not UTF-8 text at line {line}, column {col}")
            }
        }
    }
}

/// Reads a file of at most [`MAX_FILE_BYTES`] as UTF-8 text, without a leading byte-order mark.
pub fn read_limited(path: &Path) -> Result<String, ReadError> {
    // Opening a FIFO blocks until a writer appears, so look before opening.
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::IsFolder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(meta.len()));
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    // Sized from the metadata so a large file is read without the doublings of a growing buffer.
    let mut bytes = Vec::with_capacity(meta.len() as usize + 1);
    // The metadata can lie (a pipe, a growing file), so the read itself is bounded too.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let valid_up_to = e.utf8_error().valid_up_to();
        ReadError::not_utf8(e.as_bytes(), valid_up_to)
    })?;
    // Notepad and Excel start UTF-8 files with a byte-order mark; it is not part of the text.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// What to do with the file a write replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Previous<'a> {
    /// Keep it beside the new one as `<name>.bak`; if that cannot be done, write nothing.
    KeepAsBackup,
    /// Keep it at this path instead (for files whose backups must match a pattern of their
    /// own, such as private notes); if that cannot be done, write nothing.
    KeepAt(&'a Path),
    /// Let the new file replace it outright.
    Replace,
}

/// Who may read a file the write creates (an existing file keeps its mode whatever this says).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewFile {
    /// Readable by its owner only: a person's profile.
    Private,
    /// As the umask says: a ladder meant for a team.
    Shared,
}

/// A write that failed: which file, doing what, and why.
#[derive(Debug)]
pub struct WriteError {
    pub path: std::path::PathBuf,
    pub action: &'static str,
    pub source: io::Error,
}

/// The action of a [`WriteError`] when the backup could not be made (and nothing was written).
pub const KEEP_BACKUP: &str = "keep the previous version as";

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cannot {} {}: {}",
            self.action,
            self.path.display(),
            self.source
        )
    }
}

impl std::error::Error for WriteError {}

/// `path` with `suffix` added to its file name: `ada.ron` → `ada.ron.bak`.
pub fn with_suffix(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(suffix);
    path.with_file_name(name)
}

fn failed(path: &Path, action: &'static str) -> impl FnOnce(io::Error) -> WriteError {
    let path = path.to_path_buf();
    move |source| WriteError {
        path,
        action,
        source,
    }
}

/// The file a write to `path` must replace: the target of a symlink (so the link stays a link
/// and the file it points at gets the change), else `path` itself.
fn real_file(path: &Path) -> Result<std::path::PathBuf, WriteError> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::canonicalize(path).map_err(failed(path, "follow the link"))
        }
        _ => Ok(path.to_path_buf()),
    }
}

/// The file-system steps of [`write_atomic`], one method each, so that a test can make any
/// one of them fail (a full disk, a refused permission, a rename that does not happen). Every
/// method does the real thing unless a test overrides it.
pub trait SaveSteps: Send + Sync + std::fmt::Debug {
    fn create(&self, path: &Path, options: &OpenOptions) -> io::Result<File> {
        options.open(path)
    }
    fn write(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }
    fn sync_file(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }
    /// Keeps `target`'s bytes as `backup` (which does not exist): a hard link where the file
    /// system allows, else a copy.
    fn keep_backup(&self, target: &Path, backup: &Path) -> io::Result<()> {
        if std::fs::hard_link(target, backup).is_err() {
            std::fs::copy(target, backup)?;
        }
        Ok(())
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }
}

/// The file system as it is.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealDisk;

impl SaveSteps for RealDisk {}

/// Writes `bytes` to `path` so that a crash at any moment leaves the old file or the new one,
/// never half of one: a temp file beside the real file (`<name>.tmp`), flushed to disk,
/// renamed over it, and the folder flushed. A symlink stays a symlink; the replaced file's mode
/// is kept. With [`Previous::KeepAsBackup`] the old bytes stay as `<path>.bak` (with
/// [`Previous::KeepAt`], where it says), or nothing is written. Callers that may race must hold a lock around it: the temp file's name is fixed.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    previous: Previous,
    new_file: NewFile,
) -> Result<(), WriteError> {
    write_atomic_with(&RealDisk, path, bytes, previous, new_file)
}

/// [`write_atomic`] through the given steps. When any step before the rename fails, the old
/// file is untouched and the temp file is removed.
pub fn write_atomic_with(
    steps: &dyn SaveSteps,
    path: &Path,
    bytes: &[u8],
    previous: Previous,
    new_file: NewFile,
) -> Result<(), WriteError> {
    let target = real_file(path)?;
    let temp = with_suffix(&target, ".tmp");
    let existing = std::fs::metadata(&target).ok();
    let backup = match previous {
        Previous::KeepAsBackup => Some(with_suffix(path, ".bak")),
        Previous::KeepAt(backup) => Some(backup.to_path_buf()),
        Previous::Replace => None,
    };
    let replaced = write_temp(steps, &temp, bytes, existing.as_ref(), new_file)
        .and_then(|()| match backup.filter(|_| existing.is_some()) {
            Some(backup) => keep_backup(steps, &target, &backup),
            None => Ok(()),
        })
        .and_then(|()| {
            steps
                .rename(&temp, &target)
                .map_err(failed(&target, "replace"))
        });
    if let Err(e) = replaced {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    // Makes the rename itself durable. Past the rename every reader sees the new file, so a
    // failure here is no failure to save (a retry would make the change twice); it is logged.
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty());
    if let Err(e) = steps.sync_dir(dir.unwrap_or(Path::new("."))) {
        tracing::warn!(path = %target.display(), error = %e, "saved, but the folder could not be flushed to disk");
    }
    Ok(())
}

fn write_temp(
    steps: &dyn SaveSteps,
    temp: &Path,
    bytes: &[u8],
    existing: Option<&std::fs::Metadata>,
    new_file: NewFile,
) -> Result<(), WriteError> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if new_file == NewFile::Private {
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    }
    let mut file = steps
        .create(temp, &options)
        .map_err(failed(temp, "create"))?;
    if let Some(meta) = existing {
        // The replaced file's mode carries over, whatever it was (0600 stays 0600).
        file.set_permissions(meta.permissions())
            .map_err(failed(temp, "set the permissions of"))?;
    } else if new_file == NewFile::Private {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            // A temp file left over by a crash may have had another mode.
            file.set_permissions(std::fs::Permissions::from_mode(0o600))
                .map_err(failed(temp, "set the permissions of"))?;
        }
    }
    steps
        .write(&mut file, bytes)
        .map_err(failed(temp, "write"))?;
    steps.sync_file(&file).map_err(failed(temp, "flush"))
}

/// Keeps the current bytes of `target` as `backup`, replacing an older backup only once the
/// new one exists: it is made beside it (`<backup>.tmp`) and renamed over it.
fn keep_backup(steps: &dyn SaveSteps, target: &Path, backup: &Path) -> Result<(), WriteError> {
    let fail = failed(backup, KEEP_BACKUP);
    if std::fs::symlink_metadata(backup).is_ok_and(|meta| meta.is_dir()) {
        return Err(fail(io::Error::new(
            io::ErrorKind::IsADirectory,
            "it is a folder",
        )));
    }
    let fresh = with_suffix(backup, ".tmp");
    match std::fs::remove_file(&fresh) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(fail(e)),
        _ => {}
    }
    let made = steps
        .keep_backup(target, &fresh)
        .and_then(|()| steps.rename(&fresh, backup));
    if let Err(e) = made {
        let _ = std::fs::remove_file(&fresh);
        return Err(fail(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_atomic_write_replaces_the_file_and_can_keep_the_old_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ladder.ron");
        write_atomic(&path, b"one", Previous::KeepAsBackup, NewFile::Shared).unwrap();
        assert!(!with_suffix(&path, ".bak").exists());
        write_atomic(&path, b"two", Previous::KeepAsBackup, NewFile::Shared).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read(with_suffix(&path, ".bak")).unwrap(), b"one");
        assert!(!with_suffix(&path, ".tmp").exists());
        let err = write_atomic(
            &dir.path().join("no/such/dir/x.ron"),
            b"",
            Previous::Replace,
            NewFile::Shared,
        )
        .unwrap_err();
        assert!(err.to_string().contains("cannot create"), "{err}");
    }
}
