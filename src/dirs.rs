//! Where rungs keeps things on this machine. Both front ends ask here, so the CLI and the
//! planner always agree on the folder.

use std::path::{Path, PathBuf};

/// The data folder: `--data-dir` (or `RUNGS_DATA_DIR`, both given by the caller), else the
/// platform's data folder for rungs; `None` when the platform has none (no home directory).
pub fn data_dir(flag: Option<&Path>) -> Option<PathBuf> {
    flag.map(Path::to_path_buf).or_else(|| {
        directories::ProjectDirs::from("", "", "rungs").map(|d| d.data_dir().to_path_buf())
    })
}
