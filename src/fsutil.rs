//! Reading user files safely: a size limit before and during the read, UTF-8 checked.

use std::io::{self, Read};
use std::path::Path;

/// Files larger than this are refused before they are read into memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    IsFolder,
    TooLarge(u64),
    NotUtf8 { offset: usize },
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "cannot read: {e}"),
            ReadError::IsFolder => f.write_str("is a folder, not a file"),
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

/// Reads a file of at most [`MAX_FILE_BYTES`] as UTF-8 text.
pub fn read_limited(path: &Path) -> Result<String, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    if let Ok(meta) = file.metadata() {
        if meta.is_dir() {
            return Err(ReadError::IsFolder);
        }
        if meta.len() > MAX_FILE_BYTES {
            return Err(ReadError::TooLarge(meta.len()));
        }
    }
    let mut bytes = Vec::new();
    // The metadata can lie (a pipe, a growing file), so the read itself is bounded too.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// What to do with the file a write replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Previous {
    /// Keep it beside the new one as `<name>.bak`.
    KeepAsBackup,
    /// Let the new file replace it outright.
    Replace,
}

/// A write that failed: which file, doing what, and why.
#[derive(Debug)]
pub struct WriteError {
    pub path: std::path::PathBuf,
    pub action: &'static str,
    pub source: io::Error,
}

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

/// Writes `bytes` to `path` so that a crash at any moment leaves the old file or the new one,
/// never half of one: a temp file beside it (`<name>.tmp`), flushed to disk, renamed over the
/// old file, and the folder flushed. Callers that may race must hold a lock around it: the
/// temp file's name is fixed.
pub fn write_atomic(path: &Path, bytes: &[u8], previous: Previous) -> Result<(), WriteError> {
    use std::io::Write;
    let fail = |path: &Path, action| {
        let path = path.to_path_buf();
        move |source| WriteError {
            path,
            action,
            source,
        }
    };
    let temp = with_suffix(path, ".tmp");
    {
        let mut file = std::fs::File::create(&temp).map_err(fail(&temp, "create"))?;
        file.write_all(bytes).map_err(fail(&temp, "write"))?;
        file.sync_all().map_err(fail(&temp, "flush"))?;
    }
    if previous == Previous::KeepAsBackup && path.exists() {
        // A hard link keeps the old bytes without copying them; some file systems have no
        // links, and then a copy will do. The backup is a convenience: failing to make it
        // must not stop the write.
        let backup = with_suffix(path, ".bak");
        let _ = std::fs::remove_file(&backup);
        if std::fs::hard_link(path, &backup).is_err() {
            let _ = std::fs::copy(path, &backup);
        }
    }
    std::fs::rename(&temp, path).map_err(fail(path, "replace"))?;
    // Make the rename itself durable; not every platform can open a folder for this.
    if let Some(dir) = path.parent()
        && let Ok(dir) = std::fs::File::open(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
    {
        let _ = dir.sync_all();
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
        write_atomic(&path, b"one", Previous::KeepAsBackup).unwrap();
        assert!(!with_suffix(&path, ".bak").exists());
        write_atomic(&path, b"two", Previous::KeepAsBackup).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(std::fs::read(with_suffix(&path, ".bak")).unwrap(), b"one");
        assert!(!with_suffix(&path, ".tmp").exists());
        let err = write_atomic(
            &dir.path().join("no/such/dir/x.ron"),
            b"",
            Previous::Replace,
        )
        .unwrap_err();
        assert!(err.to_string().contains("cannot create"), "{err}");
    }
}
