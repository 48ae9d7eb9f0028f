//! What the roster needs to know of a profile, small enough to keep for a whole team: who, on
//! which ladder, where and heading where, the progress of the milestones their ladder lists
//! (all that readiness counts), when open milestones are due, how many action items and topics
//! are open, and when the last 1:1 was.
//!
//! Reading 200 busy profiles takes seconds (a profile with 1,000 milestone records and 100
//! sessions is most of a megabyte of RON), so the roster keeps each profile's glance in
//! `<data dir>/cache/roster.ron`, under the profile's generation (see [`super::Generation`]): a
//! profile whose file has not changed since is not read again. The figures shown — readiness,
//! overdue counts — are always worked out afresh from the glance by the same domain functions
//! that read a whole profile; the cache never holds an answer, only what the answers are
//! computed from. Private notes are never in a glance. A cache that is missing, unreadable or
//! from another version is simply rebuilt.

use std::collections::{BTreeMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};

use super::disk::Generation;
use super::model::{HeldRole, MilestoneProgress, PlanStep, Profile, Rater, Status};
use crate::date::Date;
use crate::fsutil;
use crate::ladder::{self, Ladder};

/// The cache's format; a cache in any other is rebuilt.
const CACHE_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Glance {
    pub name: String,
    pub ladder: String,
    pub current_role: String,
    pub target_role: Option<String>,
    pub history: Vec<HeldRole>,
    pub plan: Vec<PlanStep>,
    /// The progress of the milestones the profile's ladder lists, notes left out.
    pub milestones: BTreeMap<String, MilestoneProgress>,
    /// The due dates of every milestone not done, with how many fall due that day.
    pub open_dues: Vec<(Date, usize)>,
    pub open_actions: usize,
    /// Open talking points the person raised.
    pub their_topics: usize,
    pub last_session: Option<Date>,
}

impl Glance {
    /// The glance of `profile`, whose ladder is `ladder`.
    pub fn of(profile: &Profile, ladder: &Ladder) -> Glance {
        let milestones = profile
            .milestones
            .iter()
            .filter(|(id, _)| ladder.milestone(id).is_some())
            .map(|(id, p)| {
                let progress = MilestoneProgress {
                    note: String::new(),
                    ..p.clone()
                };
                (id.clone(), progress)
            })
            .collect();
        let mut dues: BTreeMap<Date, usize> = BTreeMap::new();
        for due in profile
            .milestones
            .values()
            .filter(|m| m.status != Status::Done)
            .filter_map(|m| m.due)
        {
            *dues.entry(due).or_default() += 1;
        }
        Glance {
            name: profile.name.clone(),
            ladder: profile.ladder.clone(),
            current_role: profile.current_role.clone(),
            target_role: profile.target_role.clone(),
            history: profile.history.clone(),
            plan: profile.plan.clone(),
            milestones,
            open_dues: dues.into_iter().collect(),
            open_actions: profile.open_actions(),
            their_topics: profile.open_points_by(Rater::Own),
            last_session: profile.sessions.iter().map(|s| s.date).max(),
        }
    }

    /// A profile holding what the glance keeps, for the domain's derived figures (readiness,
    /// the next level), which read nothing else.
    pub fn skeleton(&self, id: &str) -> Profile {
        let mut p = Profile::new(
            id.to_string(),
            self.name.clone(),
            self.ladder.clone(),
            self.current_role.clone(),
        );
        p.target_role = self.target_role.clone();
        p.history = self.history.clone();
        p.plan = self.plan.clone();
        p.milestones = self.milestones.clone();
        p
    }

    /// Milestones not done whose due date is before `today`.
    pub fn overdue(&self, today: Date) -> usize {
        self.open_dues
            .iter()
            .take_while(|(due, _)| *due < today)
            .map(|(_, n)| n)
            .sum()
    }
}

/// What a ladder's milestones are, as a number: a glance made with one ladder is kept for
/// another only if the two list the same milestones.
pub fn fingerprint(ladder: &Ladder) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    ladder.id().hash(&mut hasher);
    for level in ladder.levels() {
        for m in &level.milestones {
            m.id.hash(&mut hasher);
        }
        0xFFu8.hash(&mut hasher);
    }
    hasher.finish()
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Cached {
    generation: Generation,
    ladder: u64,
    glance: Glance,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct CacheFile {
    format: u32,
    /// The rungs that wrote it: another version rebuilds it.
    version: String,
    entries: BTreeMap<String, Cached>,
}

/// The roster's cache of glances, by profile id.
#[derive(Debug, Default)]
pub struct Cache {
    path: PathBuf,
    entries: BTreeMap<String, Cached>,
    changed: bool,
}

impl Cache {
    /// The cache of the data folder `data_dir`; empty when there is none or it cannot be read.
    pub fn open(data_dir: &Path) -> Cache {
        let path = data_dir.join("cache").join("roster.ron");
        let entries = fsutil::read_limited(&path)
            .ok()
            .and_then(|text| ladder::ron_options().from_str::<CacheFile>(&text).ok())
            .filter(|file| file.format == CACHE_FORMAT && file.version == env!("CARGO_PKG_VERSION"))
            .map(|file| file.entries)
            .unwrap_or_default();
        Cache {
            path,
            entries,
            changed: false,
        }
    }

    /// The glance of profile `id` if it is still the file's (same generation) and was made
    /// with a ladder listing the same milestones as `ladder` does.
    pub fn get(&self, id: &str, generation: Generation, ladder: u64) -> Option<&Glance> {
        self.entries
            .get(id)
            .filter(|c| c.generation == generation && c.ladder == ladder)
            .map(|c| &c.glance)
    }

    /// The ladder a cached glance of `id` names, if there is one, whatever its generation.
    pub fn ladder_of(&self, id: &str) -> Option<&str> {
        self.entries.get(id).map(|c| c.glance.ladder.as_str())
    }

    pub fn put(&mut self, id: &str, generation: Generation, ladder: u64, glance: Glance) {
        self.entries.insert(
            id.to_string(),
            Cached {
                generation,
                ladder,
                glance,
            },
        );
        self.changed = true;
    }

    /// Forgets the profiles not in `ids` (deleted or renamed).
    pub fn keep_only(&mut self, ids: &HashSet<&str>) {
        let before = self.entries.len();
        self.entries.retain(|id, _| ids.contains(id.as_str()));
        self.changed |= self.entries.len() != before;
    }

    /// Writes the cache back if it changed. A cache that cannot be written is only slower next
    /// time, never a failure: the problem is logged.
    pub fn save(self) {
        if !self.changed {
            return;
        }
        let file = CacheFile {
            format: CACHE_FORMAT,
            version: env!("CARGO_PKG_VERSION").to_string(),
            entries: self.entries,
        };
        let config = PrettyConfig::new().depth_limit(2).struct_names(false);
        let written = ladder::ron_options()
            .to_string_pretty(&file, config)
            .map_err(|e| e.to_string())
            .and_then(|text| {
                if let Some(dir) = self.path.parent() {
                    crate::folders::own_folder(dir).map_err(|e| e.to_string())?;
                }
                fsutil::write_cache(&self.path, text.as_bytes()).map_err(|e| e.to_string())
            });
        if let Err(e) = written {
            tracing::warn!(path = %self.path.display(), error = %e, "the roster cache was not saved");
        }
    }
}
