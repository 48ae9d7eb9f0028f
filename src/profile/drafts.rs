//! A form the planner could not save when it was closed (SIGTERM, SIGHUP, a closed terminal
//! window) with half of it filled in: what was typed is kept in `<data dir>/drafts/<id>.ron`,
//! readable by its owner only (a draft may hold private words), and offered back the next
//! time the planner opens that profile, which then removes it.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::fsutil::{self, NewFile, Previous};

/// The folder drafts are kept in, inside the data folder.
pub const DRAFTS_FOLDER: &str = "drafts";

/// A form as it was left: its title and each field's label and text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub title: String,
    pub fields: Vec<(String, String)>,
}

fn path_of(data_dir: &Path, profile: &str) -> PathBuf {
    data_dir.join(DRAFTS_FOLDER).join(format!("{profile}.ron"))
}

/// Keeps `draft` of profile `profile` (an id) until the planner next opens it.
pub fn keep(data_dir: &Path, profile: &str, draft: &Draft) -> Result<PathBuf, String> {
    let path = path_of(data_dir, profile);
    if let Some(folder) = path.parent() {
        crate::folders::own_folder(folder).map_err(|e| e.to_string())?;
    }
    let text = ron::ser::to_string_pretty(draft, ron::ser::PrettyConfig::new())
        .map_err(|e| e.to_string())?;
    fsutil::write_atomic(&path, text.as_bytes(), Previous::Replace, NewFile::Secret)
        .map_err(|e| e.to_string())?;
    Ok(path)
}

/// The draft kept for profile `profile`, removed from disk as it is handed back; `None` when
/// there is none (or it cannot be read, which is logged and leaves the file for a person).
pub fn take(data_dir: &Path, profile: &str) -> Option<Draft> {
    let path = path_of(data_dir, profile);
    let text = fsutil::read_limited(&path).ok()?;
    match ron::from_str::<Draft>(&text) {
        Ok(draft) => {
            if let Err(e) = std::fs::remove_file(&path) {
                tracing::warn!(path = %path.display(), error = %e, "a draft offered back stays on disk");
            }
            Some(draft)
        }
        Err(e) => {
            tracing::warn!(path = %path.display(), error = %e, "a draft cannot be read");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_draft_is_handed_back_once() {
        let dir = tempfile::tempdir().unwrap();
        let draft = Draft {
            title: "New action item".into(),
            fields: vec![("Action".into(), "Book the course".into())],
        };
        keep(dir.path(), "ada", &draft).unwrap();
        assert_eq!(take(dir.path(), "ada"), Some(draft));
        assert_eq!(take(dir.path(), "ada"), None);
    }
}
