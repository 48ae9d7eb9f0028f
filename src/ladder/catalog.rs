//! Which ladders exist: the bundled ones, embedded in the binary, and the user's own files in
//! `<data dir>/ladders/`. Resolves a `--ladder FILE|ID` argument to a loaded ladder.

use std::path::{Path, PathBuf};

use super::load::{LadderError, load_file, load_str};
use super::model::Ladder;
use crate::text;

/// The ladder used when none is named.
pub const DEFAULT_LADDER_ID: &str = "it-leadership";

/// Ladders compiled into the binary: (id, source text).
pub const BUNDLED: &[(&str, &str)] = &[(
    "it-leadership",
    include_str!("../../ladders/it-leadership.ron"),
)];

/// Where a ladder came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LadderSource {
    Bundled,
    File(PathBuf),
}

impl LadderSource {
    /// How a profile refers to this ladder: a bundled ladder by its id, a file by its absolute
    /// path, so the profile works from any folder.
    pub fn reference(&self, ladder: &Ladder) -> String {
        match self {
            LadderSource::Bundled => ladder.id().to_string(),
            LadderSource::File(path) => std::fs::canonicalize(path)
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string(),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            LadderSource::Bundled => "bundled".to_string(),
            LadderSource::File(path) => path.display().to_string(),
        }
    }
}

/// One ladder found by [`find_ladders`]; a user file that does not load is listed with its errors.
#[derive(Debug)]
pub struct Listing {
    pub source: LadderSource,
    pub ladder: Result<Ladder, LadderError>,
}

fn bundled(id: &str) -> Option<Result<Ladder, LadderError>> {
    BUNDLED
        .iter()
        .find(|(bundled_id, _)| *bundled_id == id)
        .map(|(id, src)| load_str(src, &format!("<bundled:{id}>")))
}

/// The user's ladder files, sorted by path. A missing folder is simply no files.
fn user_ladder_files(data_dir: Option<&Path>) -> Vec<PathBuf> {
    let Some(dir) = data_dir.map(|d| d.join("ladders")) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|ext| ext == "ron") && p.is_file())
        .collect();
    files.sort();
    files
}

/// Every ladder rungs can use: bundled first, then the user's files.
pub fn find_ladders(data_dir: Option<&Path>) -> Vec<Listing> {
    let mut listings: Vec<Listing> = BUNDLED
        .iter()
        .filter_map(|(id, _)| {
            bundled(id).map(|ladder| Listing {
                source: LadderSource::Bundled,
                ladder,
            })
        })
        .collect();
    for path in user_ladder_files(data_dir) {
        listings.push(Listing {
            ladder: load_file(&path),
            source: LadderSource::File(path),
        });
    }
    listings
}

/// Why a `--ladder` argument could not be turned into a ladder.
#[derive(Debug)]
pub enum ResolveError {
    /// The file or bundled ladder has problems.
    Invalid(LadderError),
    /// No ladder has this id; the string says what is close.
    Unknown { spec: String, hint: String },
}

impl std::fmt::Display for ResolveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ResolveError::Invalid(e) => write!(f, "{e}"),
            ResolveError::Unknown { spec, hint } => {
                write!(f, "no ladder with id \"{}\"", text::one_line(spec))?;
                if !hint.is_empty() {
                    write!(f, " — {hint}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for ResolveError {}

/// Loads the ladder named by `spec` (a file path or a ladder id), or the default ladder.
///
/// A spec that looks like a path (has a separator, ends in `.ron`, or names an existing file) is
/// read as a file; otherwise it is an id, looked up among bundled ladders and then the user's.
pub fn resolve(
    spec: Option<&str>,
    data_dir: Option<&Path>,
) -> Result<(Ladder, LadderSource), ResolveError> {
    let spec = spec.unwrap_or(DEFAULT_LADDER_ID);
    let looks_like_path = spec.contains('/')
        || spec.contains(std::path::MAIN_SEPARATOR)
        || spec.ends_with(".ron")
        || Path::new(spec).is_file();
    if looks_like_path {
        let path = PathBuf::from(spec);
        return load_file(&path)
            .map(|ladder| (ladder, LadderSource::File(path)))
            .map_err(ResolveError::Invalid);
    }
    if let Some(result) = bundled(spec) {
        return result
            .map(|ladder| (ladder, LadderSource::Bundled))
            .map_err(ResolveError::Invalid);
    }
    let mut known: Vec<String> = BUNDLED.iter().map(|(id, _)| id.to_string()).collect();
    for path in user_ladder_files(data_dir) {
        match load_file(&path) {
            Ok(ladder) if ladder.id() == spec => return Ok((ladder, LadderSource::File(path))),
            Ok(ladder) => known.push(ladder.id().to_string()),
            Err(e) => {
                // A broken file whose name matches is surely the one meant: say what is wrong.
                if path.file_stem().is_some_and(|stem| stem == spec) {
                    return Err(ResolveError::Invalid(e));
                }
            }
        }
    }
    let hint = text::did_you_mean(spec, known.iter().map(String::as_str));
    let hint = if hint.is_empty() {
        format!(
            "known ladders: {}; or give a path to a .ron file",
            known.join(", ")
        )
    } else {
        hint
    };
    Err(ResolveError::Unknown {
        spec: spec.to_string(),
        hint,
    })
}
