//! Where profiles live and how they are written so that nothing is ever lost.
//!
//! - Writes are atomic: a temp file in the same folder, fsync, rename over the old file, fsync
//!   the folder. The temp file has a fixed name and is only written under the lock, so a crash
//!   leaves at most one stray temp file, which the next save overwrites.
//! - The previous version is kept as `<id>.ron.bak`.
//! - One writer at a time: `<id>.lock` is locked for the length of a read-modify-write, so two
//!   processes updating one profile both see each other's change.
//! - A file that does not parse is never overwritten: an update reads it first and stops there.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::model::{PROFILE_FORMAT, Profile};
use crate::fsutil::{self, Previous, ReadError};
use crate::ladder;
use crate::text;

/// How long a writer waits for another to finish before giving up.
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

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
    AlreadyExists {
        id: String,
        path: PathBuf,
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
    LockTimeout {
        path: PathBuf,
    },
    /// A change that makes no sense for this profile (an unknown role, say).
    Invalid(String),
}

impl ProfileError {
    /// 2 for bad input or a file the user must fix, 1 for a failure at run time.
    pub fn exit_code(&self) -> u8 {
        match self {
            ProfileError::Io { .. } | ProfileError::LockTimeout { .. } => 1,
            _ => 2,
        }
    }
}

impl std::fmt::Display for ProfileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProfileError::InvalidName { name, why } => {
                write!(
                    f,
                    "\"{}\" cannot be a profile name: {why}",
                    text::one_line(name)
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
            ProfileError::AlreadyExists { id, path } => write!(
                f,
                "profile \"{id}\" already exists ({}) — pick another name or use `rungs profile set`",
                path.display()
            ),
            ProfileError::Parse {
                path,
                line,
                col,
                message,
            } => write!(
                f,
                "{}:{line}:{col}: {} — the file was left as it is; fix it (or restore {}.bak) and try again",
                path.display(),
                text::one_line(message),
                path.display()
            ),
            ProfileError::NewerFormat { path, format } => write!(
                f,
                "{}: written in profile format {format}, newer than format {PROFILE_FORMAT} that this version reads — upgrade rungs; the file was not changed",
                path.display()
            ),
            ProfileError::Unreadable { path, why } => write!(f, "{}: {why}", path.display()),
            ProfileError::Io {
                path,
                action,
                source,
            } => write!(f, "cannot {action} {}: {source}", path.display()),
            ProfileError::LockTimeout { path } => write!(
                f,
                "{} is locked by another rungs — try again when it has finished (if none is running, delete the .lock file)",
                path.display()
            ),
            ProfileError::Invalid(message) => f.write_str(message),
        }
    }
}

impl std::error::Error for ProfileError {}

fn io_error(path: &Path, action: &'static str) -> impl FnOnce(io::Error) -> ProfileError {
    let path = path.to_path_buf();
    move |source| ProfileError::Io {
        path,
        action,
        source,
    }
}

/// The id a profile name is stored under, or why the name cannot be used.
///
/// Names are display text, never paths: anything that could reach outside the profiles folder
/// is refused outright rather than quietly slugged into something else.
pub fn profile_id(name: &str) -> Result<String, ProfileError> {
    let refuse = |why: &str| ProfileError::InvalidName {
        name: name.to_string(),
        why: why.to_string(),
    };
    if name.contains('\0') {
        return Err(refuse("it contains a NUL byte"));
    }
    if name.contains('/') || name.contains('\\') || name.contains("..") {
        return Err(refuse("names may not contain /, \\ or .."));
    }
    if text::first_forbidden_char(name).is_some() {
        return Err(refuse("it contains control characters"));
    }
    let id = text::slug(name);
    if id.is_empty() {
        return Err(refuse(
            "it needs at least one letter or digit from a-z, 0-9",
        ));
    }
    Ok(id)
}

/// Holds a profile's write lock until dropped.
#[derive(Debug)]
pub struct LockGuard {
    _file: File,
}

#[derive(Deserialize)]
struct FormatProbe {
    format: u32,
}

/// The profiles folder of a data directory.
#[derive(Debug, Clone)]
pub struct Store {
    dir: PathBuf,
    /// Whether to say on stderr that we are waiting for another writer.
    pub announce_waits: bool,
    /// How long to wait for another writer's lock.
    pub lock_wait: Duration,
}

impl Store {
    pub fn new(data_dir: &Path) -> Store {
        Store {
            dir: data_dir.join("profiles"),
            announce_waits: true,
            lock_wait: LOCK_WAIT,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path_of(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.ron"))
    }

    fn sibling(&self, id: &str, suffix: &str) -> PathBuf {
        self.dir.join(format!("{id}.{suffix}"))
    }

    /// The ids of all profiles, most recently changed first.
    pub fn list(&self) -> Result<Vec<String>, ProfileError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io_error(&self.dir, "read the folder")(e)),
        };
        let mut found: Vec<(SystemTime, String)> = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let Some(id) = name.strip_suffix(".ron") else {
                continue;
            };
            if !text::is_valid_id(id) {
                continue;
            }
            let modified = entry
                .metadata()
                .and_then(|m| m.modified())
                .unwrap_or(SystemTime::UNIX_EPOCH);
            found.push((modified, id.to_string()));
        }
        found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        Ok(found.into_iter().map(|(_, id)| id).collect())
    }

    /// The profile `name` names (by id or display name), or the only or most recent profile.
    pub fn resolve(&self, name: Option<&str>) -> Result<String, ProfileError> {
        let ids = self.list()?;
        let Some(name) = name else {
            return ids.into_iter().next().ok_or(ProfileError::NoProfiles);
        };
        let id = profile_id(name)?;
        if ids.contains(&id) {
            return Ok(id);
        }
        let hint = text::did_you_mean(&id, ids.iter().map(String::as_str));
        let hint = if !hint.is_empty() {
            hint
        } else if ids.is_empty() {
            "no profiles exist yet; create one with `rungs profile new`".to_string()
        } else {
            format!("profiles: {}", ids.join(", "))
        };
        Err(ProfileError::NotFound { id, hint })
    }

    /// Reads and parses a profile, migrating older formats and refusing newer ones.
    pub fn load(&self, id: &str) -> Result<Profile, ProfileError> {
        let started = Instant::now();
        let loaded = self.load_unlogged(id);
        let elapsed_us = started.elapsed().as_micros() as u64;
        match &loaded {
            Ok(_) => tracing::debug!(profile = id, elapsed_us, "loaded a profile"),
            Err(e) => tracing::debug!(profile = id, error = %e, "a profile did not load"),
        }
        loaded
    }

    fn load_unlogged(&self, id: &str) -> Result<Profile, ProfileError> {
        let path = self.path_of(id);
        let source = fsutil::read_limited(&path).map_err(|e| match e {
            ReadError::Io(e) if e.kind() == io::ErrorKind::NotFound => ProfileError::NotFound {
                id: id.to_string(),
                hint: String::new(),
            },
            ReadError::Io(source) => ProfileError::Io {
                path: path.clone(),
                action: "read",
                source,
            },
            other => ProfileError::Unreadable {
                path: path.clone(),
                why: other.to_string(),
            },
        })?;
        let mut profile = parse(&source, &path)?;
        // The file name is the profile's identity; a hand-edited id inside must not move it.
        profile.id = id.to_string();
        Ok(profile)
    }

    /// Takes the profile's write lock, waiting up to [`LOCK_WAIT`] for another writer.
    pub fn lock(&self, id: &str) -> Result<LockGuard, ProfileError> {
        fs::create_dir_all(&self.dir).map_err(io_error(&self.dir, "create the folder"))?;
        let path = self.sibling(id, "lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io_error(&path, "open the lock file"))?;
        let started = Instant::now();
        let mut announced = false;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(LockGuard { _file: file }),
                Err(std::fs::TryLockError::WouldBlock) => {
                    if started.elapsed() >= self.lock_wait {
                        return Err(ProfileError::LockTimeout {
                            path: self.path_of(id),
                        });
                    }
                    if self.announce_waits && !announced {
                        eprintln!(
                            "rungs: {} is being changed by another rungs; waiting…",
                            self.path_of(id).display()
                        );
                        announced = true;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(io_error(&path, "lock")(e));
                }
            }
        }
    }

    /// Saves a new profile; refuses to replace an existing one.
    pub fn create(&self, profile: &Profile) -> Result<PathBuf, ProfileError> {
        let lock = self.lock(&profile.id)?;
        let path = self.path_of(&profile.id);
        if path.exists() {
            return Err(ProfileError::AlreadyExists {
                id: profile.id.clone(),
                path,
            });
        }
        self.save(profile, &lock)?;
        Ok(path)
    }

    /// Re-reads the profile under its lock, applies `change` and saves the result, so that
    /// concurrent writers never lose each other's changes. Nothing is written if the file does
    /// not parse or `change` fails.
    pub fn update<T>(
        &self,
        id: &str,
        change: impl FnOnce(&mut Profile) -> Result<T, ProfileError>,
    ) -> Result<(T, Profile), ProfileError> {
        let lock = self.lock(id)?;
        let mut profile = self.load(id)?;
        let result = change(&mut profile)?;
        self.save(&profile, &lock)?;
        Ok((result, profile))
    }

    /// Writes a profile atomically, keeping the previous version as `.bak`. The guard is the
    /// proof that the caller holds this profile's lock.
    pub fn save(&self, profile: &Profile, _lock: &LockGuard) -> Result<(), ProfileError> {
        let started = Instant::now();
        let path = self.path_of(&profile.id);
        let text = to_ron(profile);
        fsutil::write_atomic(&path, text.as_bytes(), Previous::KeepAsBackup).map_err(|e| {
            tracing::warn!(profile = %profile.id, error = %e, "a profile was not saved");
            ProfileError::Io {
                path: e.path,
                action: e.action,
                source: e.source,
            }
        })?;
        tracing::debug!(
            profile = %profile.id,
            bytes = text.len(),
            elapsed_us = started.elapsed().as_micros() as u64,
            "saved a profile"
        );
        Ok(())
    }
}

/// Parses profile text; `path` names the file in errors.
pub fn parse(source: &str, path: &Path) -> Result<Profile, ProfileError> {
    let parse_error = |e: &ron::error::SpannedError| {
        let problem = ladder::parse_problem(e);
        let pos = problem
            .pos
            .unwrap_or(ladder::locate::Pos { line: 1, col: 1 });
        let mut message = problem.message;
        if let Some(hint) = problem.hint {
            message = format!("{message} ({hint})");
        }
        ProfileError::Parse {
            path: path.to_path_buf(),
            line: pos.line,
            col: pos.col,
            message,
        }
    };
    if source.trim().is_empty() {
        return Err(ProfileError::Parse {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            message: "the file is empty".to_string(),
        });
    }
    let options = ladder::ron_options();
    let newer = |format: u32| ProfileError::NewerFormat {
        path: path.to_path_buf(),
        format,
    };
    // Format 1 is the first; later formats add a migration step here, oldest first.
    match options.from_str::<Profile>(source) {
        Ok(profile) if profile.format > PROFILE_FORMAT => Err(newer(profile.format)),
        Ok(profile) if profile.format == 0 => Err(ProfileError::Parse {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            message: "format 0 does not exist; write `format: 1`".to_string(),
        }),
        Ok(profile) => Ok(profile),
        Err(e) => {
            // A newer file fails on fields this version does not know: say it is newer,
            // rather than point at the first unknown field.
            match options.from_str::<FormatProbe>(source) {
                Ok(probe) if probe.format > PROFILE_FORMAT => Err(newer(probe.format)),
                _ => Err(parse_error(&e)),
            }
        }
    }
}

/// A profile as the pretty, stable RON text that is saved.
pub fn to_ron(profile: &Profile) -> String {
    let config = PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false);
    match ladder::ron_options().to_string_pretty(profile, config) {
        Ok(mut text) => {
            text.push('\n');
            text
        }
        // Serialising plain data to a String has no failure mode; keep a readable fallback
        // rather than a panic all the same.
        Err(e) => format!("// could not serialise: {e}\n"),
    }
}
