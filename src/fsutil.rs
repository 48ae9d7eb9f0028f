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

/// Reads a file of at most [`MAX_FILE_BYTES`] as UTF-8 text.
pub fn read_limited(path: &Path) -> Result<String, ReadError> {
    // Opening a FIFO blocks until a writer appears, so look before opening.
    let meta = std::fs::metadata(path).map_err(ReadError::Io)?;
    if meta.is_dir() {
        return Err(ReadError::IsFolder);
    }
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
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
