//! Why a profile could not be read or written, in words that say what to do next.

use std::io;
use std::path::{Path, PathBuf};

use super::model::{PRIVATE_FORMAT, PRIVATE_SUFFIX, PROFILE_FORMAT, backup_of};
use crate::text;

/// Why a profile could not be read or written.
#[derive(Debug)]
pub enum ProfileError {
    /// A name that cannot become a safe file name.
    InvalidName {
        name: String,
        why: String,
    },
    NotFound {
        id: String,
        hint: String,
    },
    NoProfiles,
    /// Several profiles, none named and none chosen with `rungs use`.
    NoneChosen {
        ids: Vec<String>,
    },
    /// A prefix that more than one profile has.
    Ambiguous {
        name: String,
        candidates: Vec<String>,
    },
    AlreadyExists {
        id: String,
        path: PathBuf,
        /// The name of the profile already there, when it could be read.
        existing: Option<String>,
    },
    /// The file does not parse; it is left exactly as it is.
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    NewerFormat {
        path: PathBuf,
        format: u32,
    },
    Unreadable {
        path: PathBuf,
        why: String,
    },
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
    /// A step of saving failed before the new file replaced the old one, which is unchanged.
    NotSaved {
        /// The profile file that was to be written.
        profile: PathBuf,
        /// The file the step was working on (the temp file, or the profile itself).
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
    /// The previous version could not be kept as a backup, so nothing was saved.
    Backup {
        path: PathBuf,
        source: io::Error,
    },
    /// The profile could not be turned into text; nothing was written.
    Serialize {
        id: String,
        why: String,
    },
    LockTimeout {
        path: PathBuf,
    },
    /// A file the save would write is not one rungs writes (a link it did not make, a FIFO, a
    /// device, a folder) or would be too big to read back; nothing was written.
    Refused(crate::fsutil::WriteError),
    /// The saved text would be over the size rungs reads back; nothing was written.
    TooBig {
        path: PathBuf,
        bytes: usize,
    },
    /// A change that makes no sense for this profile (an unknown role, say).
    Invalid(String),
    /// A mistake in rungs itself, not in anything the person did.
    Internal(String),
}

impl ProfileError {
    /// 2 for bad input or a file the user must fix, 1 for a failure at run time.
    pub fn exit_code(&self) -> u8 {
        match self {
            ProfileError::Io { .. }
            | ProfileError::NotSaved { .. }
            | ProfileError::LockTimeout { .. }
            | ProfileError::Backup { .. }
            | ProfileError::Serialize { .. }
            | ProfileError::Internal(_) => 1,
            _ => 2,
        }
    }

    pub(crate) fn io(path: &Path, action: &'static str) -> impl FnOnce(io::Error) -> ProfileError {
        let path = path.to_path_buf();
        move |source| ProfileError::Io {
            path,
            action,
            source,
        }
    }
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProfileError::InvalidName { name, why } => {
                // The reason first: a long name would push it out of a one-line field.
                write!(
                    f,
                    "{why}, so it cannot be a profile name: \"{}\"",
                    text::truncate(&text::one_line(name), 60)
                )
            }
            ProfileError::NotFound { id, hint } => {
                write!(f, "no profile \"{}\"", text::one_line(id))?;
                if !hint.is_empty() {
                    write!(f, " — {hint}")?;
                }
                Ok(())
            }
            ProfileError::NoProfiles => f.write_str(
                "no profile yet — create one with `rungs profile new \"Your Name\" --role ROLE`",
            ),
            ProfileError::NoneChosen { ids } => write!(
                f,
                "several profiles and none chosen: {} — choose whose profile commands use with `rungs use NAME`, or pass --profile NAME",
                ids.join(", ")
            ),
            ProfileError::Ambiguous { name, candidates } => write!(
                f,
                "\"{}\" could be any of {} — give more of the name or id",
                text::one_line(name),
                candidates.join(", ")
            ),
            ProfileError::AlreadyExists { id, path, existing } => match existing {
                Some(name) => write!(
                    f,
                    "a profile whose name reads the same already exists: \"{}\" (id \"{id}\", {}) — pick another name or use `rungs profile set`",
                    text::one_line(name),
                    path.display()
                ),
                None => write!(
                    f,
                    "profile \"{id}\" already exists ({}) — pick another name or use `rungs profile set`",
                    path.display()
                ),
            },
            ProfileError::Parse {
                path,
                line,
                col,
                message,
            } => {
                write!(
                    f,
                    "{}:{line}:{col}: {} — the file was left as it is; fix it",
                    path.display(),
                    text::one_line(message),
                )?;
                // Only a backup that is there is worth naming: a file saved once has none.
                let backup = backup_of(path);
                if backup.is_file() {
                    write!(f, " (or restore {})", backup.display())?;
                }
                f.write_str(" and try again")
            }
            ProfileError::NewerFormat { path, format } if is_private(path) => write!(
                f,
                "{}: written in private-notes format {format}, newer than format {PRIVATE_FORMAT} that this version reads — upgrade rungs; the file was not changed",
                path.display()
            ),
            ProfileError::NewerFormat { path, format } => write!(
                f,
                "{}: written in profile format {format}, newer than format {PROFILE_FORMAT} that this version reads — upgrade rungs; the file was not changed",
                path.display()
            ),
            ProfileError::Unreadable { path, why } => {
                write!(f, "{}: {why}", path.display())?;
                // A file too big to read was most likely grown by hand or by an older rungs;
                // the backup holds the version before.
                let backup = backup_of(path);
                if backup.is_file() {
                    write!(
                        f,
                        " — the previous version is kept as {}; restore it, or move it aside and make the file smaller",
                        backup.display()
                    )?;
                }
                Ok(())
            }
            ProfileError::TooBig { path, bytes } => write!(
                f,
                "not saved: this change would make {} {bytes} bytes, over the {} bytes (16 MiB) that rungs reads back — the file is unchanged and still loads; make the change smaller, or move long notes and old log entries out of the profile (into a file of their own) first",
                path.display(),
                crate::fsutil::MAX_FILE_BYTES
            ),
            ProfileError::Refused(e) => write!(f, "{e} — nothing was written"),
            ProfileError::Io {
                path,
                action,
                source,
            } => {
                write!(f, "cannot {action} {}: {source}", path.display())?;
                if *action == "create the folder" {
                    write!(f, " — {}", advice(source.kind(), &path.join("profile")))?;
                }
                Ok(())
            }
            ProfileError::NotSaved {
                profile,
                path,
                action,
                source,
            } => write!(
                f,
                // The cause and the remedy first: a status line may show only the start.
                "not saved: {source} — {} (could not {action} {}; {} is as it was)",
                advice(source.kind(), profile),
                path.display(),
                profile.display()
            ),
            ProfileError::Backup { path, source } => write!(
                f,
                "not saved: cannot keep the previous version as {}: {source} — {}",
                path.display(),
                advice(source.kind(), path)
            ),
            ProfileError::Serialize { id, why } => write!(
                f,
                "profile \"{id}\" could not be written as text ({why}); nothing was saved"
            ),
            ProfileError::LockTimeout { path } => write!(
                f,
                "{} is being changed by another rungs that has not finished — try again in a moment",
                path.display()
            ),
            ProfileError::Invalid(message) => f.write_str(message),
            ProfileError::Internal(message) => {
                write!(f, "internal error: {message} — please report this")
            }
        }
    }
}

impl std::error::Error for ProfileError {}

fn is_private(path: &Path) -> bool {
    path.to_string_lossy().ends_with(PRIVATE_SUFFIX)
}

/// What the person can do about a failed save, by its cause.
fn advice(kind: io::ErrorKind, profile: &Path) -> String {
    let folder = profile.parent().unwrap_or(Path::new(".")).display();
    match kind {
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => {
            "free some disk space and try again".to_string()
        }
        io::ErrorKind::PermissionDenied => format!("check that you may write in {folder}"),
        io::ErrorKind::NotFound | io::ErrorKind::NotADirectory => {
            "check the path, or pass --data-dir (or set RUNGS_DATA_DIR) to a folder you can write"
                .to_string()
        }
        io::ErrorKind::IsADirectory => "move that folder out of the way and try again".to_string(),
        io::ErrorKind::ReadOnlyFilesystem => {
            format!("{folder} is on a read-only disk; point --data-dir elsewhere")
        }
        _ => "try again; if it keeps failing, check the disk".to_string(),
    }
}
