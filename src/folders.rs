//! rungs' own folders inside the data folder (drafts, the roster's cache, exports): made as real
//! folders and never used through a link, so that a link planted in a shared data folder cannot
//! send what rungs writes somewhere else. Files in them are written through [`crate::fsutil`].

use std::path::Path;

use crate::fsutil::WriteError;

/// Makes `folder` (and the folders leading to it) when it is not there; refuses it when it is
/// a link or anything but a folder.
pub fn own_folder(folder: &Path) -> Result<(), WriteError> {
    match std::fs::symlink_metadata(folder) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(WriteError::refused(
            folder,
            "it is a link or not a folder, and rungs keeps its own files only in a folder of \
             its own — remove it",
        )),
        Err(_) => std::fs::create_dir_all(folder).map_err(|source| WriteError {
            path: folder.to_path_buf(),
            action: "create the folder",
            source,
            refused: false,
        }),
    }
}
