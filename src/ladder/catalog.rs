//! Which ladders exist: the bundled ones, embedded in the binary; the user's own files in
//! `<data dir>/ladders/`; and a team's shared folders named by `RUNGS_LADDERS`. Resolves a
//! `--ladder FILE|ID` argument to a loaded ladder. Two ladders with the same id are reported,
//! and resolving such an id is refused: one never silently hides the other.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::load::{LadderError, load_bundled, load_file, ron_options};
use super::model::Ladder;
use crate::fsutil;
use crate::text;

/// The ladder used when none is named.
pub const DEFAULT_LADDER_ID: &str = "it-leadership";

/// The variable naming a team's shared ladder folders (a path list, `:`-separated on Unix and
/// `;`-separated on Windows). An entry may also name a single `.ron` file.
pub const SHARED_LADDERS_VAR: &str = "RUNGS_LADDERS";

/// Ladders compiled into the binary: (id, source text).
pub const BUNDLED: &[(&str, &str)] = &[(
    "it-leadership",
    include_str!("../../ladders/it-leadership.ron"),
)];

/// The same ladders as parsed, written as JSON by a test from the RON above (see
/// [`load_bundled`]); never edit these by hand.
pub(crate) const BUNDLED_PARSED: &[(&str, &str)] =
    &[("it-leadership", include_str!("bundled/it-leadership.json"))];

/// Why rungs looks in a folder for ladders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FolderKind {
    /// `<data dir>/ladders/`: the person's own ladders.
    DataDir,
    /// An entry of `RUNGS_LADDERS`: a team's shared folder.
    Shared,
}

impl FolderKind {
    /// How the listing and `--json` name it.
    pub fn label(self) -> &'static str {
        match self {
            FolderKind::DataDir => "data dir",
            FolderKind::Shared => SHARED_LADDERS_VAR,
        }
    }
}

/// A folder (or single file) rungs looks in for ladders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folder {
    pub path: PathBuf,
    pub kind: FolderKind,
}

/// Where a ladder came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LadderSource {
    Bundled,
    /// Named by its path: `--ladder path/to/file.ron`, or a profile that stores a path.
    File(PathBuf),
    /// Found in one of the ladder folders.
    Folder {
        path: PathBuf,
        kind: FolderKind,
    },
}

impl LadderSource {
    /// "bundled", "data dir /…/acme.ron", "RUNGS_LADDERS /team/acme.ron" or the path.
    pub fn describe(&self) -> String {
        match self {
            LadderSource::Bundled => "bundled".to_string(),
            LadderSource::File(path) => path.display().to_string(),
            LadderSource::Folder { path, kind } => {
                format!("{} {}", kind.label(), path.display())
            }
        }
    }

    /// The file it was read from, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            LadderSource::Bundled => None,
            LadderSource::File(path) | LadderSource::Folder { path, .. } => Some(path),
        }
    }

    /// How a profile refers to this ladder. Bundled and folder ladders are remembered by id,
    /// so a profile kept in git works on every teammate's machine whatever their folders are
    /// called; a file named by path is remembered by its absolute path, so the profile works
    /// from any folder.
    pub fn profile_reference(&self, ladder: &Ladder) -> String {
        match self {
            LadderSource::Bundled | LadderSource::Folder { .. } => ladder.id().to_string(),
            LadderSource::File(path) => std::fs::canonicalize(path)
                .unwrap_or_else(|_| path.clone())
                .display()
                .to_string(),
        }
    }
}

/// One ladder found by [`Catalog::scan`]; a file that does not load is listed with its errors.
#[derive(Debug)]
pub struct Listing {
    pub source: LadderSource,
    pub ladder: Result<Ladder, LadderError>,
    /// The other ladders that have the same id: a conflict to report, never to hide.
    pub same_id_as: Vec<LadderSource>,
}

/// Everything found, and what the person should know about it.
#[derive(Debug, Default)]
pub struct Scan {
    pub listings: Vec<Listing>,
    /// Folders that cannot be read and ids defined twice, one sentence each.
    pub warnings: Vec<String>,
}

/// The places rungs looks for ladders, in order: bundled, the data dir, the shared folders.
#[derive(Debug, Clone, Default)]
pub struct Catalog {
    folders: Vec<Folder>,
}

fn bundled(id: &str) -> Option<Result<Ladder, LadderError>> {
    BUNDLED
        .iter()
        .find(|(bundled_id, _)| *bundled_id == id)
        .map(|(id, src)| {
            let parsed = BUNDLED_PARSED
                .iter()
                .find(|(parsed_id, _)| parsed_id == id)
                .map_or("", |(_, parsed)| parsed);
            load_bundled(src, parsed, &format!("<bundled:{id}>"))
        })
}

/// Just enough of a ladder file to learn its id without validating it all.
#[derive(Deserialize)]
struct IdProbe {
    id: String,
}

fn probe_id(path: &Path) -> Option<String> {
    let source = fsutil::read_limited(path).ok()?;
    ron_options()
        .from_str::<IdProbe>(&source)
        .ok()
        .map(|probe| probe.id)
}

impl Catalog {
    /// The data dir's `ladders/` folder (if there is a data dir), then each entry of `shared`
    /// (a value of [`SHARED_LADDERS_VAR`]).
    pub fn new(data_dir: Option<&Path>, shared: Option<&OsStr>) -> Catalog {
        let mut folders = Vec::new();
        if let Some(dir) = data_dir {
            folders.push(Folder {
                path: dir.join("ladders"),
                kind: FolderKind::DataDir,
            });
        }
        if let Some(shared) = shared {
            folders.extend(
                std::env::split_paths(shared)
                    .filter(|p| !p.as_os_str().is_empty())
                    .map(|path| Folder {
                        path,
                        kind: FolderKind::Shared,
                    }),
            );
        }
        Catalog { folders }
    }

    /// The catalog of this process: the data dir given and `RUNGS_LADDERS`.
    pub fn from_env(data_dir: Option<&Path>) -> Catalog {
        Catalog::new(data_dir, std::env::var_os(SHARED_LADDERS_VAR).as_deref())
    }

    pub fn folders(&self) -> &[Folder] {
        &self.folders
    }

    /// The ladder files of every folder, each once (a file reachable from two folders belongs
    /// to the first), with a warning for each shared folder that cannot be read.
    fn files(&self) -> (Vec<LadderSource>, Vec<String>) {
        let mut seen: HashSet<PathBuf> = HashSet::new();
        let mut files = Vec::new();
        let mut warnings = Vec::new();
        for folder in &self.folders {
            let paths = if folder.path.is_file() {
                vec![folder.path.clone()]
            } else {
                match std::fs::read_dir(&folder.path) {
                    Ok(entries) => {
                        let mut paths: Vec<PathBuf> = entries
                            .filter_map(|e| e.ok().map(|e| e.path()))
                            .filter(|p| {
                                p.extension().is_some_and(|ext| ext == "ron") && p.is_file()
                            })
                            .collect();
                        paths.sort();
                        paths
                    }
                    // The data dir's folder exists only once someone adds a ladder to it.
                    Err(_) if folder.kind == FolderKind::DataDir => Vec::new(),
                    Err(e) => {
                        warnings.push(format!(
                            "{SHARED_LADDERS_VAR} names {}, which cannot be read ({e}) — check the path",
                            folder.path.display()
                        ));
                        Vec::new()
                    }
                }
            };
            for path in paths {
                let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                if seen.insert(key) {
                    files.push(LadderSource::Folder {
                        path,
                        kind: folder.kind,
                    });
                }
            }
        }
        (files, warnings)
    }

    /// Every ladder rungs can use, bundled first, each with the others that share its id.
    pub fn scan(&self) -> Scan {
        let started = std::time::Instant::now();
        let (files, mut warnings) = self.files();
        let mut listings: Vec<Listing> = BUNDLED
            .iter()
            .filter_map(|(id, _)| bundled(id))
            .map(|ladder| Listing {
                source: LadderSource::Bundled,
                ladder,
                same_id_as: Vec::new(),
            })
            .collect();
        listings.extend(files.into_iter().map(|source| Listing {
            ladder: load_file(source.path().unwrap_or(Path::new(""))),
            source,
            same_id_as: Vec::new(),
        }));
        let ids: Vec<Option<String>> = listings
            .iter()
            .map(|l| l.ladder.as_ref().ok().map(|l| l.id().to_string()))
            .collect();
        for (i, id) in ids.iter().enumerate() {
            let Some(id) = id else { continue };
            let others: Vec<LadderSource> = ids
                .iter()
                .enumerate()
                .filter(|&(j, other)| j != i && other.as_ref() == Some(id))
                .map(|(j, _)| listings[j].source.clone())
                .collect();
            if !others.is_empty() && ids[..i].iter().all(|earlier| earlier.as_ref() != Some(id)) {
                let all: Vec<String> = std::iter::once(listings[i].source.describe())
                    .chain(others.iter().map(LadderSource::describe))
                    .collect();
                warnings.push(format!(
                    "{} ladders have the id \"{id}\": {} — `--ladder {id}` is refused until one gets another id (or name the file by its path)",
                    all.len(),
                    all.join("; ")
                ));
            }
            listings[i].same_id_as = others;
        }
        tracing::debug!(
            folders = self.folders.len(),
            ladders = listings.len(),
            warnings = warnings.len(),
            elapsed_us = started.elapsed().as_micros() as u64,
            "scanned the ladder folders"
        );
        Scan { listings, warnings }
    }

    /// Loads the ladder named by `spec` (a file path or a ladder id), or the default ladder.
    ///
    /// A spec that looks like a path (has a separator, ends in `.ron`, or names an existing
    /// file) is read as a file. Otherwise it is an id, looked for among the bundled ladders
    /// and in every folder; an id found more than once is refused, naming each.
    pub fn resolve(&self, spec: Option<&str>) -> Result<(Ladder, LadderSource), ResolveError> {
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
        let (files, _) = self.files();
        // Only ladders that load can clash: a broken file is listed with its problems, and
        // reported here only when nothing else has the id.
        let mut found: Vec<(Ladder, LadderSource)> = Vec::new();
        let mut broken: Option<LadderError> = None;
        match bundled(spec) {
            Some(Ok(ladder)) => found.push((ladder, LadderSource::Bundled)),
            Some(Err(e)) => broken = Some(e),
            None => {}
        }
        let mut known: Vec<String> = BUNDLED.iter().map(|(id, _)| id.to_string()).collect();
        for source in files {
            let Some(path) = source.path() else { continue };
            let name_matches = path.file_stem().is_some_and(|stem| stem == spec);
            // A file that does not parse but is named after the id is surely the one meant.
            match probe_id(path) {
                Some(id) if id != spec => known.push(id),
                Some(_) => match load_file(path) {
                    Ok(ladder) => found.push((ladder, source)),
                    Err(e) => broken = broken.or(Some(e)),
                },
                None if name_matches => broken = broken.or(load_file(path).err()),
                None => {}
            }
        }
        // A bundled ladder's id belongs to it: a file that copies the id (an exported and
        // re-imported bundled ladder, say) is listed and warned about, never in the way.
        if let Some(at) = found
            .iter()
            .position(|(_, source)| *source == LadderSource::Bundled)
        {
            return Ok(found.swap_remove(at));
        }
        if found.len() > 1 {
            return Err(ResolveError::Ambiguous {
                id: spec.to_string(),
                sources: found.into_iter().map(|(_, source)| source).collect(),
            });
        }
        match found.pop() {
            Some(hit) => Ok(hit),
            None => {
                if let Some(error) = broken {
                    return Err(ResolveError::Invalid(error));
                }
                known.sort();
                known.dedup();
                let hint = text::did_you_mean(spec, known.iter().map(String::as_str));
                let hint = if hint.is_empty() {
                    format!(
                        "known ladders: {}; `rungs ladders` lists them, or give a path to a .ron file",
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
        }
    }
}

/// Every ladder rungs can use with this data dir and `RUNGS_LADDERS`.
pub fn find_ladders(data_dir: Option<&Path>) -> Scan {
    Catalog::from_env(data_dir).scan()
}

/// Why a `--ladder` argument could not be turned into a ladder.
#[derive(Debug)]
pub enum ResolveError {
    /// The file or bundled ladder has problems.
    Invalid(LadderError),
    /// No ladder has this id; the string says what is close.
    Unknown { spec: String, hint: String },
    /// More than one ladder has this id.
    Ambiguous {
        id: String,
        sources: Vec<LadderSource>,
    },
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
            ResolveError::Ambiguous { id, sources } => {
                let all: Vec<String> = sources.iter().map(LadderSource::describe).collect();
                write!(
                    f,
                    "ladder id \"{id}\" is ambiguous: {} ladders have it ({}) — give one of them another id, or pass --ladder with the file's path",
                    sources.len(),
                    all.join("; ")
                )
            }
        }
    }
}

impl std::error::Error for ResolveError {}

/// Loads the ladder named by `spec` (a path or an id), or the default ladder, looking in the
/// data dir and `RUNGS_LADDERS`; see [`Catalog::resolve`].
pub fn resolve(
    spec: Option<&str>,
    data_dir: Option<&Path>,
) -> Result<(Ladder, LadderSource), ResolveError> {
    Catalog::from_env(data_dir).resolve(spec)
}

/// Loads the ladder a profile names: a ladder id, or a path. A relative path is taken from the
/// folder the profile file is in (`profiles_dir`), never from wherever the command happens to
/// run, so the profile means the same ladder from every folder.
pub fn resolve_for_profile(
    reference: &str,
    profiles_dir: &Path,
    data_dir: Option<&Path>,
) -> Result<(Ladder, LadderSource), ResolveError> {
    let looks_like_path = reference.contains('/')
        || reference.contains(std::path::MAIN_SEPARATOR)
        || reference.ends_with(".ron");
    if looks_like_path && Path::new(reference).is_relative() {
        let anchored = profiles_dir.join(reference);
        return resolve(Some(&anchored.to_string_lossy()), data_dir);
    }
    resolve(Some(reference), data_dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = include_str!("../../tests/fixtures/ladders/valid-small.ron");

    fn folder_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    #[test]
    fn shared_folders_are_searched_after_the_data_dir_and_say_where_they_came_from() {
        let data = tempfile::tempdir().unwrap();
        std::fs::create_dir(data.path().join("ladders")).unwrap();
        std::fs::write(
            data.path().join("ladders/mine.ron"),
            SMALL.replace("\"small\"", "\"mine\""),
        )
        .unwrap();
        let team = folder_with(&[("acme.ron", &SMALL.replace("\"small\"", "\"acme\""))]);
        let catalog = Catalog::new(Some(data.path()), Some(team.path().as_os_str()));
        let scan = catalog.scan();
        assert!(scan.warnings.is_empty(), "{:?}", scan.warnings);
        let origins: Vec<(String, String)> = scan
            .listings
            .iter()
            .map(|l| {
                let id = l.ladder.as_ref().unwrap().id().to_string();
                let kind = match &l.source {
                    LadderSource::Bundled => "bundled",
                    LadderSource::Folder { kind, .. } => kind.label(),
                    LadderSource::File(_) => "file",
                };
                (id, kind.to_string())
            })
            .collect();
        assert_eq!(
            origins,
            [
                ("it-leadership".to_string(), "bundled".to_string()),
                ("mine".to_string(), "data dir".to_string()),
                ("acme".to_string(), "RUNGS_LADDERS".to_string()),
            ]
        );
        let (ladder, source) = catalog.resolve(Some("acme")).unwrap();
        assert_eq!(ladder.id(), "acme");
        assert_eq!(source.profile_reference(&ladder), "acme");
    }

    #[test]
    fn two_ladders_with_one_id_are_reported_and_the_id_is_refused() {
        let data = tempfile::tempdir().unwrap();
        std::fs::create_dir(data.path().join("ladders")).unwrap();
        std::fs::write(data.path().join("ladders/small.ron"), SMALL).unwrap();
        let team = folder_with(&[("copy.ron", SMALL)]);
        let catalog = Catalog::new(Some(data.path()), Some(team.path().as_os_str()));
        let scan = catalog.scan();
        assert_eq!(scan.warnings.len(), 1, "{:?}", scan.warnings);
        assert!(scan.warnings[0].contains("2 ladders have the id \"small\""));
        let flagged: Vec<usize> = scan.listings.iter().map(|l| l.same_id_as.len()).collect();
        assert_eq!(flagged, [0, 1, 1]);
        let err = catalog.resolve(Some("small")).unwrap_err().to_string();
        assert!(err.contains("\"small\" is ambiguous"), "{err}");
        assert!(
            err.contains("small.ron") && err.contains("copy.ron"),
            "{err}"
        );
        // Naming the file by its path still works.
        let path = team.path().join("copy.ron");
        assert!(catalog.resolve(path.to_str()).is_ok());
    }

    #[test]
    fn a_user_ladder_with_a_bundled_id_does_not_hide_the_bundled_one() {
        let team = folder_with(&[(
            "mine.ron",
            &SMALL.replace("\"small\"", &format!("\"{DEFAULT_LADDER_ID}\"")),
        )]);
        let catalog = Catalog::new(None, Some(team.path().as_os_str()));
        let (ladder, source) = catalog.resolve(None).unwrap();
        assert_eq!(
            source,
            LadderSource::Bundled,
            "the bundled ladder keeps its id"
        );
        assert_ne!(ladder.name(), "Small");
        let scan = catalog.scan();
        assert!(
            scan.listings.iter().any(|l| !l.same_id_as.is_empty()),
            "the copy is still flagged in the listing"
        );
    }

    #[test]
    fn a_missing_shared_folder_is_a_warning_and_one_folder_given_twice_counts_once() {
        let team = folder_with(&[("acme.ron", &SMALL.replace("\"small\"", "\"acme\""))]);
        let list = std::env::join_paths([
            team.path().to_path_buf(),
            team.path().join("no-such-folder"),
            team.path().to_path_buf(),
        ])
        .unwrap();
        let scan = Catalog::new(None, Some(&list)).scan();
        assert_eq!(scan.listings.len(), 2);
        assert_eq!(scan.warnings.len(), 1, "{:?}", scan.warnings);
        assert!(scan.warnings[0].contains("no-such-folder"));
    }
}
