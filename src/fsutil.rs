//! Reading user files safely: a size limit before and during the read, UTF-8 checked.

use std::io::{self, Read};
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
    NotUtf8 {
        offset: usize,
    },
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
            ReadError::NotUtf8 { offset } => {
                write!(f, "is not UTF-8 text (bad byte at offset {offset})")
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
    let mut bytes = Vec::new();
    // The metadata can lie (a pipe, a growing file), so the read itself is bounded too.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    let mut text = String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
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

/// Writes `bytes` to `path` so that a crash at any moment leaves the old file or the new one,
/// never half of one: a temp file beside the real file (`<name>.tmp`), flushed to disk,
/// renamed over it, and the folder flushed. A symlink stays a symlink; the replaced file's mode
/// is kept. With [`Previous::KeepAsBackup`] the old bytes stay as `<path>.bak`, or nothing is
/// written. Callers that may race must hold a lock around it: the temp file's name is fixed.
pub fn write_atomic(
    path: &Path,
    bytes: &[u8],
    previous: Previous,
    new_file: NewFile,
) -> Result<(), WriteError> {
    let target = real_file(path)?;
    let temp = with_suffix(&target, ".tmp");
    let existing = std::fs::metadata(&target).ok();
    write_temp(&temp, bytes, existing.as_ref(), new_file)?;
    let backup = match previous {
        Previous::KeepAsBackup => Some(with_suffix(path, ".bak")),
        Previous::KeepAt(backup) => Some(backup.to_path_buf()),
        Previous::Replace => None,
    };
    if let Some(backup) = backup.filter(|_| existing.is_some())
        && let Err(e) = keep_backup(&target, &backup)
    {
        let _ = std::fs::remove_file(&temp);
        return Err(e);
    }
    std::fs::rename(&temp, &target).map_err(failed(&target, "replace"))?;
    // Make the rename itself durable; not every platform can open a folder for this.
    let dir = target.parent().filter(|d| !d.as_os_str().is_empty());
    if let Ok(dir) = std::fs::File::open(dir.unwrap_or(Path::new("."))) {
        let _ = dir.sync_all();
    }
    Ok(())
}

fn write_temp(
    temp: &Path,
    bytes: &[u8],
    existing: Option<&std::fs::Metadata>,
    new_file: NewFile,
) -> Result<(), WriteError> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if new_file == NewFile::Private {
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    }
    let mut file = options.open(temp).map_err(failed(temp, "create"))?;
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
    file.write_all(bytes).map_err(failed(temp, "write"))?;
    file.sync_all().map_err(failed(temp, "flush"))
}

/// Keeps the current bytes of `target` as `backup`: a hard link where the file system allows,
/// else a copy.
fn keep_backup(target: &Path, backup: &Path) -> Result<(), WriteError> {
    let fail = failed(backup, KEEP_BACKUP);
    match std::fs::symlink_metadata(backup) {
        Ok(meta) if meta.is_dir() => return Err(fail(io::Error::other("it is a folder"))),
        Ok(_) => std::fs::remove_file(backup).map_err(failed(backup, KEEP_BACKUP))?,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(fail(e)),
    }
    if std::fs::hard_link(target, backup).is_err() {
        std::fs::copy(target, backup).map_err(fail)?;
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
