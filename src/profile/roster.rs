//! A manager's roster: every profile in the data folder with what a manager scans before a
//! week of 1:1s — where each person is and is heading, how ready they are for the next level,
//! what is overdue, what is still open and when they last talked. `rungs roster` prints it; the
//! planner's Coaching tab lists it, reading it on a worker thread.
//!
//! Each line is worked out from the profile's [`Glance`]; glances of files that have not
//! changed come from the roster's cache, the others are read (on every core) and cached.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::date::Date;
use crate::ladder::{self, Ladder};
use crate::text;

use super::bench::Member;
use super::disk::Generation;
use super::glance::{self, Cache, Glance};
use super::model::Profile;
use super::readiness::{Progress, readiness};
use super::store::Store;

/// One person on the roster.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub name: String,
    pub current_title: String,
    pub target_title: Option<String>,
    /// The next level's name (none at the top of the ladder) and the person's readiness for
    /// it (at the top: the top level's own training).
    pub next_level: Option<String>,
    pub readiness: Option<Progress>,
    /// Milestones past their due date and not done.
    pub overdue: usize,
    pub open_actions: usize,
    /// Open talking points the person raised for the next 1:1.
    pub their_topics: usize,
    pub last_session: Option<Date>,
}

/// A roster line: a person, or a profile that could not be read and why.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Person(Entry),
    Unreadable { id: String, why: String },
}

impl Row {
    pub fn id(&self) -> &str {
        match self {
            Row::Person(e) => &e.id,
            Row::Unreadable { id, .. } => id,
        }
    }
}

/// How the roster is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// Most overdue milestones first, then most open action items, then by name.
    #[default]
    Overdue,
    Name,
    /// Least ready first: who needs the most help.
    Readiness,
    /// Longest since the last 1:1 first (never first of all).
    LastSession,
    OpenActions,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Overdue,
        Sort::Name,
        Sort::Readiness,
        Sort::LastSession,
        Sort::OpenActions,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Sort::Overdue => "overdue",
            Sort::Name => "name",
            Sort::Readiness => "readiness",
            Sort::LastSession => "last 1:1",
            Sort::OpenActions => "open actions",
        }
    }

    /// The next order in the cycle.
    pub fn next(self) -> Sort {
        let at = Sort::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Sort::ALL[(at + 1) % Sort::ALL.len()]
    }
}

/// The roster line of `profile`, whose ladder is `ladder`, as of `today`.
pub fn entry(profile: &Profile, ladder: &Ladder, today: Date) -> Entry {
    entry_of(&profile.id, &Glance::of(profile, ladder), ladder, today)
}

/// The roster line of profile `id` from its glance.
pub fn entry_of(id: &str, glance: &Glance, ladder: &Ladder, today: Date) -> Entry {
    let skeleton = glance.skeleton(id);
    let ready = readiness(&skeleton, ladder);
    Entry {
        id: id.to_string(),
        name: text::one_line(&glance.name),
        current_title: ladder.title_of(&glance.current_role),
        target_title: glance.target_role.as_deref().map(|t| ladder.title_of(t)),
        next_level: ready
            .as_ref()
            .and_then(|r| r.for_level)
            .map(|l| text::one_line(&ladder.levels()[l].name)),
        readiness: ready.map(|r| r.progress),
        overdue: glance.overdue(today),
        open_actions: glance.open_actions,
        their_topics: glance.their_topics,
        last_session: glance.last_session,
    }
}

/// A profile read in full: its place in the list, its glance (or why it could not be read),
/// and the glance to cache.
type ReadOne = (usize, Glanced, Option<(Generation, u64)>);

/// A ladder as the roster uses it, shared by every profile on it, or why it cannot be loaded.
type Resolved = Result<(Arc<Ladder>, u64), String>;

/// One profile of the data folder as the roster reads it: its glance with its ladder, or why
/// either cannot be read.
#[derive(Debug, Clone)]
pub struct Glanced {
    pub id: String,
    pub read: Result<(Glance, Arc<Ladder>), String>,
}

/// Every profile in `store`, each with its own ladder (loaded once per ladder), in the order
/// `sort` gives. A profile or ladder that cannot be read is a row saying why, never a failure
/// of the whole roster. Profiles whose files have not changed since the last roster are not
/// read again (see [`glance`]).
pub fn load(store: &Store, data_dir: &Path, today: Date, sort: Sort) -> Vec<Row> {
    let mut rows: Vec<Row> = glances(store, data_dir)
        .into_iter()
        .map(|g| match g.read {
            Ok((glance, ladder)) => Row::Person(entry_of(&g.id, &glance, &ladder, today)),
            Err(why) => Row::Unreadable { id: g.id, why },
        })
        .collect();
    order(&mut rows, sort);
    rows
}

/// Profiles that could not be read, each with why.
pub type Unreadable = Vec<(String, String)>;

/// The team as the bench reads it: every profile's glance with its ladder, by name, and those
/// that could not be read.
pub fn members(store: &Store, data_dir: &Path) -> (Vec<Member>, Unreadable) {
    let mut members = Vec::new();
    let mut unreadable = Vec::new();
    for g in glances(store, data_dir) {
        match g.read {
            Ok((glance, ladder)) => members.push(Member {
                profile: glance.skeleton(&g.id),
                id: g.id,
                ladder,
            }),
            Err(why) => unreadable.push((g.id, why)),
        }
    }
    members.sort_by_cached_key(|m| (m.profile.name.to_lowercase(), m.id.clone()));
    (members, unreadable)
}

/// `members` read whole, as team coverage needs them (ratings, which a glance leaves out),
/// never their private notes' file; those that cannot be read join `unreadable`.
pub fn read_whole(store: &Store, members: &[Member], unreadable: &mut Unreadable) -> Vec<Member> {
    let mut whole = Vec::new();
    for m in members {
        match store.load_shared_part(&m.id) {
            Ok((profile, _)) => whole.push(Member {
                profile,
                id: m.id.clone(),
                ladder: m.ladder.clone(),
            }),
            Err(e) => unreadable.push((m.id.clone(), e.to_string())),
        }
    }
    whole
}

/// The glance of every profile in `store`, in the store's order, each with its own ladder
/// (loaded once per ladder): the team as the roster and the bench read it. Glances of files
/// that have not changed come from the roster's cache; the others are read (on every core) and
/// cached. A folder that cannot be listed is one entry with an empty id saying why.
pub fn glances(store: &Store, data_dir: &Path) -> Vec<Glanced> {
    let ids = match store.list() {
        Ok(ids) => ids,
        Err(e) => {
            return vec![Glanced {
                id: String::new(),
                read: Err(e.to_string()),
            }];
        }
    };
    let mut cache = Cache::open(data_dir);
    let ladders: Mutex<HashMap<String, Resolved>> = Mutex::new(HashMap::new());
    // Resolved under the lock, so every profile on one ladder shares the one copy of it
    // (the bench and team coverage tell ladders apart by that copy).
    let ladder_for = |reference: &str| -> Resolved {
        let resolve = || {
            ladder::resolve_for_profile(reference, store.dir(), Some(data_dir))
                .map(|(l, _)| {
                    let print = glance::fingerprint(&l);
                    (Arc::new(l), print)
                })
                .map_err(|e| {
                    format!(
                        "its ladder \"{}\" cannot be loaded: {e}",
                        text::one_line(reference)
                    )
                })
        };
        match ladders.lock() {
            Ok(mut all) => all
                .entry(reference.to_string())
                .or_insert_with(resolve)
                .clone(),
            Err(_) => resolve(),
        }
    };
    let mut read_all: Vec<Option<Glanced>> = vec![None; ids.len()];
    let mut misses = Vec::new();
    for (i, id) in ids.iter().enumerate() {
        let generation = store.generation(id);
        let hit = cache.ladder_of(id).and_then(|reference| {
            let (ladder, print) = ladder_for(reference).ok()?;
            let glance = cache.get(id, generation, print)?;
            Some(Glanced {
                id: id.clone(),
                read: Ok((glance.clone(), ladder)),
            })
        });
        match hit {
            Some(found) => read_all[i] = Some(found),
            None => misses.push((i, generation)),
        }
    }
    // The rest are read in full, spread over the cores: each is most of the work.
    let read: Mutex<Vec<ReadOne>> = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(misses.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let at = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(&(i, generation)) = misses.get(at) else {
                        break;
                    };
                    let id = &ids[i];
                    // The roster needs no private notes and no free text: a private file
                    // that cannot be read does not hide the person (writes still refuse it).
                    let (outcome, fresh) = match store.load_for_glance(id) {
                        Err(e) => (Err(e.to_string()), None),
                        Ok(profile) => match ladder_for(&profile.ladder) {
                            Err(why) => (Err(why), None),
                            Ok((ladder, print)) => {
                                let glance = Glance::of(&profile, &ladder);
                                (Ok((glance, ladder)), Some((generation, print)))
                            }
                        },
                    };
                    let found = Glanced {
                        id: id.clone(),
                        read: outcome,
                    };
                    if let Ok(mut read) = read.lock() {
                        read.push((i, found, fresh));
                    }
                }
            });
        }
    });
    for (i, found, fresh) in read.into_inner().unwrap_or_default() {
        if let (Some((generation, print)), Ok((glance, _))) = (fresh, &found.read) {
            cache.put(&ids[i], generation, print, glance.clone());
        }
        read_all[i] = Some(found);
    }
    cache.keep_only(&ids.iter().map(String::as_str).collect::<HashSet<_>>());
    cache.save();
    read_all.into_iter().flatten().collect()
}

/// Orders `rows` by `sort`; unreadable profiles go last, by id.
/// The roster as a manager reads it: their own profile (the config's `me`) apart, the others
/// as reports, each part in the order given. The manager is nobody's report: their line never
/// says "no 1:1 yet".
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Team {
    pub me: Option<Row>,
    pub reports: Vec<Row>,
}

/// Splits `rows` into the manager's own (profile id `me`) and the reports.
pub fn team(rows: Vec<Row>, me: Option<&str>) -> Team {
    let mut team = Team::default();
    for row in rows {
        if team.me.is_none() && me == Some(row.id()) {
            team.me = Some(row);
        } else {
            team.reports.push(row);
        }
    }
    team
}

pub fn order(rows: &mut [Row], sort: Sort) {
    rows.sort_by(|a, b| match (a, b) {
        (Row::Person(a), Row::Person(b)) => compare(a, b, sort),
        (Row::Person(_), Row::Unreadable { .. }) => std::cmp::Ordering::Less,
        (Row::Unreadable { .. }, Row::Person(_)) => std::cmp::Ordering::Greater,
        (a, b) => a.id().cmp(b.id()),
    });
}

fn compare(a: &Entry, b: &Entry, sort: Sort) -> std::cmp::Ordering {
    use std::cmp::Reverse;
    let name = |e: &Entry| (e.name.to_lowercase(), e.id.clone());
    let ratio = |e: &Entry| e.readiness.map_or(0, |r| r.percent());
    match sort {
        Sort::Overdue => (Reverse(a.overdue), Reverse(a.open_actions), name(a)).cmp(&(
            Reverse(b.overdue),
            Reverse(b.open_actions),
            name(b),
        )),
        Sort::Name => name(a).cmp(&name(b)),
        Sort::Readiness => (ratio(a), name(a)).cmp(&(ratio(b), name(b))),
        Sort::LastSession => (a.last_session, name(a)).cmp(&(b.last_session, name(b))),
        Sort::OpenActions => {
            (Reverse(a.open_actions), name(a)).cmp(&(Reverse(b.open_actions), name(b)))
        }
    }
}

/// Whether `entry` matches what the person typed in the filter: any word of it found in the
/// name, id, current or target role, ignoring case.
pub fn matches(row: &Row, filter: &str) -> bool {
    let filter = filter.trim().to_lowercase();
    if filter.is_empty() {
        return true;
    }
    let haystack = match row {
        Row::Person(e) => format!(
            "{} {} {} {}",
            e.name,
            e.id,
            e.current_title,
            e.target_title.as_deref().unwrap_or_default()
        ),
        Row::Unreadable { id, .. } => id.clone(),
    }
    .to_lowercase();
    filter
        .split_whitespace()
        .all(|word| haystack.contains(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, overdue: usize, actions: usize) -> Row {
        Row::Person(Entry {
            id: text::slug(name),
            name: name.into(),
            current_title: String::new(),
            target_title: None,
            next_level: None,
            readiness: None,
            overdue,
            open_actions: actions,
            their_topics: 0,
            last_session: None,
        })
    }

    #[test]
    fn overdue_first_then_open_actions_then_name_and_unreadable_last() {
        let mut rows = vec![
            Row::Unreadable {
                id: "broken".into(),
                why: "x".into(),
            },
            person("Zoe", 0, 0),
            person("Ada", 0, 2),
            person("Bo", 3, 0),
        ];
        order(&mut rows, Sort::Overdue);
        let ids: Vec<&str> = rows.iter().map(Row::id).collect();
        assert_eq!(ids, ["bo", "ada", "zoe", "broken"]);
        order(&mut rows, Sort::Name);
        let ids: Vec<&str> = rows.iter().map(Row::id).collect();
        assert_eq!(ids, ["ada", "bo", "zoe", "broken"]);
        assert!(matches(&rows[0], "AD"));
        assert!(!matches(&rows[0], "zo"));
    }
}
