//! The private part of a profile: the manager's private notes of each session, kept in
//! `profiles/<id>.private.ron` beside the profile so that the profiles folder can be shared
//! (git, a synced folder) without them. The file follows the profile's rules: a `format:`,
//! refused when newer, never overwritten when it does not parse, written atomically under the
//! profile's lock with its previous version kept.
//!
//! Every file that can hold private notes ends in `.private.ron` — the file itself and its
//! backup, `<id>.bak.private.ron` — so one pattern, which the store puts in
//! `profiles/.gitignore`, keeps all of them out of a shared folder's history.

use std::collections::BTreeMap;
use std::path::Path;

use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use super::error::ProfileError;
use crate::ladder;

pub use super::model::{PRIVATE_FORMAT, PRIVATE_SUFFIX};

/// The lines the store makes sure `profiles/.gitignore` holds.
pub const GITIGNORE_LINES: [&str; 5] = ["*.private.ron", "*.bak", "*.lock", "*.session", "*.tmp"];

/// The first words of a `.gitignore` the store writes.
pub const GITIGNORE_HEADER: &str =
    "# Written by rungs: private notes and working files stay on this machine.";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivateFile {
    pub format: u32,
    pub id: String,
    /// Private notes by session id.
    #[serde(default, deserialize_with = "crate::serde_maps::unique_keys")]
    pub sessions: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct FormatProbe {
    format: u32,
}

/// Parses a private file; `path` names it in errors.
pub fn parse(source: &str, path: &Path) -> Result<PrivateFile, ProfileError> {
    let options = ladder::ron_options();
    let newer = |format: u32| ProfileError::NewerFormat {
        path: path.to_path_buf(),
        format,
    };
    match options.from_str::<PrivateFile>(source) {
        Ok(file) if file.format > PRIVATE_FORMAT => Err(newer(file.format)),
        Ok(file) => Ok(file),
        Err(e) => match options.from_str::<FormatProbe>(source) {
            Ok(probe) if probe.format > PRIVATE_FORMAT => Err(newer(probe.format)),
            _ => {
                let problem = ladder::parse_problem(&e);
                let pos = problem
                    .pos
                    .unwrap_or(ladder::locate::Pos { line: 1, col: 1 });
                Err(ProfileError::Parse {
                    path: path.to_path_buf(),
                    line: pos.line,
                    col: pos.col,
                    message: problem.message,
                })
            }
        },
    }
}

/// The private notes as the pretty, stable RON text that is saved.
pub fn to_ron(id: &str, notes: &BTreeMap<String, String>) -> Result<String, ProfileError> {
    let file = PrivateFile {
        format: PRIVATE_FORMAT,
        id: id.to_string(),
        sessions: notes.clone(),
    };
    let config = PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false);
    let mut text = ladder::ron_options()
        .to_string_pretty(&file, config)
        .map_err(|e| ProfileError::Serialize {
            id: id.to_string(),
            why: e.to_string(),
        })?;
    text.push('\n');
    Ok(text)
}

/// `existing` (a `.gitignore`'s text, if there is one) with every line of
/// [`GITIGNORE_LINES`] it lacks added; `None` when it lacks none.
pub fn gitignore_with_our_lines(existing: Option<&str>) -> Option<String> {
    let have: Vec<&str> = existing
        .map(|t| t.lines().map(str::trim).collect())
        .unwrap_or_default();
    let missing: Vec<&str> = GITIGNORE_LINES
        .iter()
        .copied()
        .filter(|line| !have.contains(line))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let mut text = existing.unwrap_or_default().to_string();
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    if !text.contains(GITIGNORE_HEADER) {
        text.push_str(GITIGNORE_HEADER);
        text.push('\n');
    }
    for line in missing {
        text.push_str(line);
        text.push('\n');
    }
    Some(text)
}

/// Makes sure `profiles/.gitignore` names the private files (and the working files), so a
/// team keeping the folder in git never commits them. A person's own lines are kept; a
/// failure to write it is logged, never a reason not to save. But a `.gitignore` that is
/// not a regular file (a link planted there, a folder) cannot be trusted to keep them out:
/// new private notes (`writes_private`) are refused until it is removed, and any other save
/// goes on with a word on stderr.
pub fn keep_out_of_git(dir: &Path, writes_private: bool) -> Result<(), ProfileError> {
    let path = dir.join(".gitignore");
    if let Ok(meta) = std::fs::symlink_metadata(&path)
        && !meta.is_file()
    {
        let what = if meta.file_type().is_symlink() {
            "a symbolic link"
        } else if meta.is_dir() {
            "a folder"
        } else {
            "not a regular file"
        };
        if writes_private {
            return Err(ProfileError::Refused(crate::fsutil::WriteError {
                path: path.clone(),
                action: "write private notes beside",
                source: std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    format!(
                        "it is {what}, so rungs cannot make sure git ignores *.private.ron — remove it (rungs writes its own on the next save) and try again"
                    ),
                ),
                refused: true,
            }));
        }
        crate::fsutil::notice(&format!(
            "{} is {what}, so rungs cannot make sure git ignores the private notes (*.private.ron) — remove it; rungs writes its own on the next save",
            path.display()
        ));
        return Ok(());
    }
    let existing = match crate::fsutil::read_limited(&path) {
        Ok(text) => Some(text),
        Err(crate::fsutil::ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            tracing::warn!(path = %path.display(), error = %e, "cannot read the .gitignore");
            return Ok(());
        }
    };
    if let Some(text) = gitignore_with_our_lines(existing.as_deref())
        && let Err(e) = crate::fsutil::write_atomic(
            &path,
            text.as_bytes(),
            crate::fsutil::Previous::Replace,
            crate::fsutil::NewFile::Shared,
        )
    {
        tracing::warn!(error = %e, "cannot write the .gitignore");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_private_file_round_trips_and_a_newer_one_is_refused() {
        let notes = BTreeMap::from([("2026-11-10".to_string(), "line one\nline \"two\"".into())]);
        let text = to_ron("ada", &notes).unwrap();
        let back = parse(&text, Path::new("ada.private.ron")).unwrap();
        assert_eq!(back.sessions, notes);
        let newer = text.replace("format: 1", "format: 9");
        assert!(matches!(
            parse(&newer, Path::new("x")),
            Err(ProfileError::NewerFormat { format: 9, .. })
        ));
        let broken = parse("(format: 1, id: \"ada\", sessions: {", Path::new("x"));
        assert!(matches!(broken, Err(ProfileError::Parse { .. })));
    }

    #[test]
    fn our_gitignore_lines_are_added_once_and_a_persons_own_lines_kept() {
        let fresh = gitignore_with_our_lines(None).unwrap();
        assert!(fresh.lines().any(|l| l == "*.private.ron"));
        assert_eq!(gitignore_with_our_lines(Some(&fresh)), None);
        let theirs = gitignore_with_our_lines(Some("notes/\n*.bak")).unwrap();
        assert!(theirs.starts_with("notes/\n*.bak\n"), "{theirs}");
        assert_eq!(theirs.matches("*.bak").count(), 1);
        assert!(theirs.contains("*.private.ron\n"));
    }
}
