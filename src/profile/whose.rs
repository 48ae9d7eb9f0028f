//! Whose profile a command reads and writes: always an explicit choice, never a file's time.
//!
//! A name given (`--profile`, `rungs use`) may be a profile's id, its display name, or any
//! prefix of either that only one profile has ("priya" → `priya-sharma`). Without a name, the
//! profile chosen with `rungs use` (kept in `<data dir>/state/profile.ron`, like a current
//! context), else the only profile; with several and none chosen the answer is an error that
//! lists them, so nothing is ever written to someone by accident.

use std::io;
use std::path::PathBuf;

use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use super::error::ProfileError;
use super::store::{Store, profile_id};
use crate::fsutil::{self, NewFile, Previous, ReadError};
use crate::{ladder, text};

/// The format of the state file that holds the choice.
const CHOICE_FORMAT: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ChoiceFile {
    format: u32,
    /// The id of the profile chosen with `rungs use`.
    profile: String,
}

/// How the profile a command uses was decided, for the words that report it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChosenBy {
    /// Named on the command line.
    Named,
    /// Chosen earlier with `rungs use`.
    Use,
    /// The only profile there is.
    Only,
}

impl Store {
    /// The state file that holds the profile chosen with `rungs use`: per data folder, outside
    /// `profiles/`, so a team sharing that folder never shares one person's choice.
    pub fn choice_path(&self) -> PathBuf {
        self.data_dir().join("state").join("profile.ron")
    }

    /// The id chosen with `rungs use`, if any. A state file that cannot be read is an error
    /// (exit 2, naming it): guessing instead could write to the wrong person.
    pub fn used(&self) -> Result<Option<String>, ProfileError> {
        let path = self.choice_path();
        let source = match fsutil::read_limited(&path) {
            Ok(source) => source,
            Err(ReadError::Io(e)) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(other) => {
                return Err(ProfileError::Unreadable {
                    path,
                    why: format!("{other} — delete it and choose again with `rungs use NAME`"),
                });
            }
        };
        let file: ChoiceFile =
            ladder::ron_options()
                .from_str(&source)
                .map_err(|e| ProfileError::Unreadable {
                    path: path.clone(),
                    why: format!(
                        "does not parse ({e}) — delete it and choose again with `rungs use NAME`"
                    ),
                })?;
        if file.format > CHOICE_FORMAT || !text::is_valid_id(&file.profile) {
            return Err(ProfileError::Unreadable {
                path,
                why: "is not a choice this rungs can read — delete it and choose again with `rungs use NAME`".to_string(),
            });
        }
        Ok(Some(file.profile))
    }

    /// Chooses the profile `name` names for the commands that name none; returns its id.
    pub fn choose(&self, name: &str) -> Result<String, ProfileError> {
        let id = self.resolve(Some(name))?;
        let path = self.choice_path();
        let file = ChoiceFile {
            format: CHOICE_FORMAT,
            profile: id.clone(),
        };
        let text = ron::ser::to_string_pretty(&file, PrettyConfig::new())
            .map_err(|e| ProfileError::Internal(e.to_string()))?;
        if let Some(folder) = path.parent() {
            crate::folders::own_folder(folder).map_err(ProfileError::Refused)?;
        }
        fsutil::write_atomic(
            &path,
            text.as_bytes(),
            Previous::Replace,
            NewFile::OwnerOnly,
        )
        .map_err(ProfileError::Refused)?;
        Ok(id)
    }

    /// The profile `name` names (an id, a name, or an unambiguous prefix of either); without a
    /// name, the one chosen with `rungs use`, else the only one.
    pub fn resolve(&self, name: Option<&str>) -> Result<String, ProfileError> {
        self.resolve_how(name).map(|(id, _)| id)
    }

    /// [`Store::resolve`], saying how the profile was decided.
    pub fn resolve_how(&self, name: Option<&str>) -> Result<(String, ChosenBy), ProfileError> {
        let mut ids = self.list()?;
        // Listing order is the folder's; the answer never depends on it (nor on file times).
        ids.sort();
        if let Some(name) = name {
            return Ok((self.resolve_name(name, &ids)?, ChosenBy::Named));
        }
        if let Some(used) = self.used()? {
            if ids.contains(&used) {
                return Ok((used, ChosenBy::Use));
            }
            return Err(ProfileError::NotFound {
                id: used,
                hint: format!(
                    "it was chosen with `rungs use` but is gone; choose another with `rungs use NAME` (profiles: {})",
                    ids.join(", ")
                ),
            });
        }
        match ids.as_slice() {
            [] => Err(ProfileError::NoProfiles),
            [only] => Ok((only.clone(), ChosenBy::Only)),
            _ => Err(ProfileError::NoneChosen { ids }),
        }
    }

    fn resolve_name(&self, name: &str, ids: &[String]) -> Result<String, ProfileError> {
        let id = profile_id(name)?;
        if ids.contains(&id) {
            return Ok(id);
        }
        // Before ids were spelt in Latin letters, letters beyond a-z were dropped ("Zoë" → zo);
        // such a file is hers only if it holds her name — "Zo" may be someone else.
        let wanted_name = text::visible(&text::one_line(name.trim()));
        let dropped = text::slug(name);
        if ids.contains(&dropped) && self.load(&dropped).is_ok_and(|p| p.name == wanted_name) {
            return Ok(dropped);
        }
        // A prefix of an id or of a name, when only one profile has it.
        let lowered = wanted_name.to_lowercase();
        let candidates: Vec<&String> = ids
            .iter()
            .filter(|candidate| {
                candidate.starts_with(&id)
                    || self
                        .load_for_glance(candidate)
                        .is_ok_and(|p| p.name.to_lowercase().starts_with(&lowered))
            })
            .collect();
        match candidates.as_slice() {
            [one] => return Ok((*one).clone()),
            [] => {}
            _ => {
                return Err(ProfileError::Ambiguous {
                    name: name.to_string(),
                    candidates: candidates.into_iter().cloned().collect(),
                });
            }
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

    /// The manager's own profile, as config.ron's `me` names it (`None` when it is not set).
    /// A `me` that names no profile is a warning to show, never a failure: with no `me`, the
    /// roster lists everyone as a report.
    pub fn me(&self, me: Option<&str>) -> Result<Option<String>, String> {
        let Some(me) = me else { return Ok(None) };
        self.resolve(Some(me)).map(Some).map_err(|e| {
            let me = text::one_line(me);
            format!("me \"{me}\" cannot be used ({e}); the roster lists everyone as a report")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profile;

    fn store_with(names: &[&str]) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        for name in names {
            let id = profile_id(name).unwrap();
            let profile = Profile::new(
                id,
                name.to_string(),
                "it-leadership".into(),
                "sysadmin".into(),
            );
            store.create(&profile).unwrap();
        }
        (dir, store)
    }

    #[test]
    fn a_prefix_of_an_id_or_a_name_names_the_one_profile_that_has_it() {
        let (_dir, store) = store_with(&["Priya Sharma", "Sam Okafor", "Sami Lee"]);
        assert_eq!(store.resolve(Some("priya")).unwrap(), "priya-sharma");
        assert_eq!(store.resolve(Some("Priya Sh")).unwrap(), "priya-sharma");
        assert_eq!(store.resolve(Some("sam-o")).unwrap(), "sam-okafor");
        match store.resolve(Some("sam")) {
            Err(ProfileError::Ambiguous { candidates, .. }) => {
                assert_eq!(candidates, ["sam-okafor", "sami-lee"]);
            }
            other => panic!("expected an ambiguous prefix, got {other:?}"),
        }
        assert!(matches!(
            store.resolve(Some("zed")),
            Err(ProfileError::NotFound { .. })
        ));
    }

    #[test]
    fn without_a_name_only_a_choice_or_a_single_profile_decides() {
        let (_dir, store) = store_with(&["Priya Sharma"]);
        assert_eq!(store.resolve_how(None).unwrap().1, ChosenBy::Only);
        let (_dir, store) = store_with(&["Priya Sharma", "Sam Okafor"]);
        assert!(matches!(
            store.resolve(None),
            Err(ProfileError::NoneChosen { ids }) if ids == ["priya-sharma", "sam-okafor"]
        ));
        assert_eq!(store.choose("sam").unwrap(), "sam-okafor");
        assert_eq!(
            store.resolve_how(None).unwrap(),
            ("sam-okafor".to_string(), ChosenBy::Use)
        );
        assert_eq!(store.used().unwrap().as_deref(), Some("sam-okafor"));
    }
}
