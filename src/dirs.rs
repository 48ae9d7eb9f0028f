//! Where rungs keeps things on this machine. Both front ends ask here, so the CLI and the
//! planner always agree on the folder.

use std::path::{Path, PathBuf};

use crate::config::CONFIG_VAR;

fn project() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "rungs")
}

/// The data folder: `--data-dir` (or `RUNGS_DATA_DIR`, both given by the caller), else the
/// platform's data folder for rungs; `None` when the platform has none (no home directory).
pub fn data_dir(flag: Option<&Path>) -> Option<PathBuf> {
    flag.map(Path::to_path_buf)
        .or_else(|| project().map(|d| d.data_dir().to_path_buf()))
}

/// The config file: `RUNGS_CONFIG` if set, else `config.ron` in the platform's config folder
/// for rungs (`~/.config/rungs/config.ron` on Linux).
pub fn config_file() -> Option<PathBuf> {
    match std::env::var_os(CONFIG_VAR) {
        Some(path) if !path.is_empty() => Some(PathBuf::from(path)),
        _ => project().map(|d| d.config_dir().join("config.ron")),
    }
}
