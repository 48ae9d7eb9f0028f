//! Keeping the planner's copy of the profile and the file in step: pending changes, the save
//! under way, undo, and noticing what other programs write.
//!
//! The copy on screen is always "the file as last read or saved, plus the changes not yet
//! saved". Whenever a fresh copy arrives from disk (after a save, or because the file changed),
//! the pending changes are applied to it again; one that no longer fits (the file holds another
//! value than it replaces) is dropped and reported, never forced over what is there.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use super::worker::{Disk, Done, Job};
use crate::ladder::Ladder;
use crate::profile::{Change, Conflict, Generation, Profile, SessionLock, Store};

/// How often the planner asks whether the file changed on disk.
pub const CHECK_EVERY: Duration = Duration::from_millis(250);
/// How long after a failed save the planner tries again by itself.
const RETRY_AFTER: Duration = Duration::from_secs(3);
/// How often a read-only planner asks whether the other planner has closed.
const SESSION_RETRY: Duration = Duration::from_secs(2);
/// How many changes undo remembers.
const UNDO_DEPTH: usize = 100;

/// Something the person should hear about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Saved; the words of the last change.
    Saved(String),
    /// Not saved, kept in memory; why.
    Failed(String),
    /// Changes dropped because the file changed under them.
    Conflicts(Vec<Conflict>),
    /// The file changed on disk and was read again.
    Reloaded,
    /// The file changed on disk and cannot be read.
    Unreadable(String),
    /// No other rungs holds the profile any more (another planner closed, or a write from the
    /// shell ended): changes are saved again.
    Writable,
    /// Another profile is open now; its name.
    Opened(String),
    /// The profile asked for could not be opened; why.
    NotOpened(String),
    /// An export was written, here.
    /// Where the export went, and what to do with it.
    Exported(PathBuf, &'static str),
    /// An export could not be written; why.
    ExportFailed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InFlight {
    Save(u64),
    Check,
    Open,
}

pub struct ProfileSync {
    store: Store,
    disk: Disk,
    profile: Option<Profile>,
    /// Changes not yet known to be on disk, numbered in the order they were made.
    pending: Vec<(u64, Change)>,
    next: u64,
    in_flight: Option<InFlight>,
    /// Inverses of the changes made, by the number of the change they undo.
    undo: Vec<(u64, Change)>,
    /// The generation of the file the copy is based on.
    seen: Generation,
    session: Option<SessionLock>,
    read_only: Option<String>,
    last_check: Instant,
    last_failure: Option<Instant>,
    last_session_try: Option<Instant>,
    /// The words for the last change, said once it is saved.
    saying: String,
    notices: Vec<Notice>,
    /// The profile to open once the current one is saved.
    opening: Option<String>,
    /// The ladder of a profile just opened, for the context to take.
    new_ladder: Option<Ladder>,
}

impl ProfileSync {
    /// Keeps `profile` (with the generation it was read at) in step with the file, saving
    /// inline until [`ProfileSync::save_in_background`] is called.
    pub fn new(store: Store, profile: Option<(Profile, Generation)>) -> ProfileSync {
        let mut sync = ProfileSync {
            disk: Disk::inline(store.clone()),
            store,
            profile: None,
            pending: Vec::new(),
            next: 0,
            in_flight: None,
            undo: Vec::new(),
            seen: Generation::default(),
            session: None,
            read_only: None,
            last_check: Instant::now(),
            last_failure: None,
            last_session_try: None,
            saying: String::new(),
            notices: Vec::new(),
            opening: None,
            new_ladder: None,
        };
        if let Some((profile, generation)) = profile {
            sync.adopt(profile, generation);
        }
        sync
    }

    /// Takes `profile` as the one open, marking it open so a second planner goes read-only.
    fn adopt(&mut self, profile: Profile, generation: Generation) {
        match self.store.open_session(&profile.id) {
            Ok(Some(session)) => self.session = Some(session),
            Ok(None) => {
                self.read_only = Some("another rungs has this profile open — read-only".into())
            }
            Err(e) => self.read_only = Some(format!("cannot mark the profile open: {e}")),
        }
        self.seen = generation;
        self.profile = Some(profile);
    }

    pub fn profile(&self) -> Option<&Profile> {
        self.profile.as_ref()
    }

    /// The store the profile is kept in.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Opens profile `id` instead of the one open now, once the current one's changes are
    /// saved; the outcome arrives as [`Notice::Opened`] or [`Notice::NotOpened`].
    pub fn open(&mut self, id: String) {
        if self.profile.as_ref().is_some_and(|p| p.id == id) {
            return;
        }
        self.opening = Some(id);
        self.last_failure = None;
        self.try_open();
    }

    /// Whether a switch to another profile is under way.
    pub fn is_opening(&self) -> bool {
        self.opening.is_some()
    }

    /// The ladder of the profile just opened, once.
    pub fn take_ladder(&mut self) -> Option<Ladder> {
        self.new_ladder.take()
    }

    /// Sends the open asked for when nothing is left to save and nothing else is under way.
    fn try_open(&mut self) {
        if self.in_flight.is_some() || self.opening.is_none() {
            return;
        }
        if !self.pending.is_empty() {
            if self.last_failure.is_some() {
                let id = self.opening.take().unwrap_or_default();
                self.notices.push(Notice::NotOpened(format!(
                    "{id} was not opened: the changes to this profile are not saved yet"
                )));
                return;
            }
            self.save();
            return;
        }
        let Some(id) = self.opening.clone() else {
            return;
        };
        self.in_flight = Some(InFlight::Open);
        self.disk.submit(Job::Open { id });
        self.take_outcomes();
    }

    /// Takes a profile read from disk as the open one: the previous one is let go (its
    /// session lock too, so another planner may have it), and undo starts afresh.
    fn switch_to(&mut self, profile: Profile, generation: Generation) {
        self.session = None;
        self.read_only = None;
        self.undo.clear();
        self.pending.clear();
        self.last_session_try = None;
        let name = profile.name.clone();
        self.adopt(profile, generation);
        self.notices.push(Notice::Opened(name));
    }

    /// Opens the profile read-only for now (another rungs held its lock when it was read):
    /// the planner's own mark is let go and taken again as when another planner closes, which
    /// makes it writable and says so.
    pub fn read_only_for_now(&mut self, why: &str) {
        self.session = None;
        self.read_only = Some(why.to_string());
        self.last_session_try = Some(Instant::now());
    }

    /// Why changes cannot be saved, if they cannot.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// Saves a new profile and opens it.
    pub fn create(&mut self, profile: Profile) -> Result<(), String> {
        self.store.create(&profile).map_err(|e| e.to_string())?;
        let generation = self.store.generation(&profile.id);
        self.adopt(profile, generation);
        Ok(())
    }

    /// Saves on a worker thread from now on, so the event loop never waits for the disk.
    pub fn save_in_background(&mut self) {
        let mut store = self.store.clone();
        store.lock_wait = crate::profile::LOCK_WAIT;
        self.disk = Disk::background(store);
    }

    /// Whether a save is under way or changes wait to be saved.
    pub fn saving(&self) -> bool {
        matches!(self.in_flight, Some(InFlight::Save(_))) || !self.pending.is_empty()
    }

    /// Makes `change` in memory and saves it.
    pub fn change(&mut self, change: Change) -> Result<(), String> {
        if let Some(reason) = &self.read_only {
            return Err(format!("not changed: {reason}"));
        }
        if self.opening.is_some() {
            return Err("not changed: another profile is being opened".to_string());
        }
        let Some(profile) = &mut self.profile else {
            return Err("no profile is open".to_string());
        };
        let effective = change.apply(profile).map_err(|c| c.to_string())?;
        if effective.is_empty() {
            return Err("nothing to change".to_string());
        }
        self.undo.push((self.next, effective.inverse()));
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.pend(change);
        Ok(())
    }

    /// Undoes the last change still remembered, checked against the file like any change.
    pub fn undo(&mut self) -> Result<(), String> {
        if self.read_only.is_some() {
            return Err("read-only: nothing to undo".to_string());
        }
        if self.opening.is_some() {
            return Err("another profile is being opened".to_string());
        }
        let Some((_, inverse)) = self.undo.pop() else {
            return Err("nothing to undo".to_string());
        };
        let Some(profile) = &mut self.profile else {
            return Err("no profile is open".to_string());
        };
        let effective = inverse
            .apply(profile)
            .map_err(|c| format!("cannot undo: {c}"))?;
        if effective.is_empty() {
            return Err("nothing left to undo: that change is gone from the file already".into());
        }
        self.pend(inverse);
        Ok(())
    }

    /// Numbers `change`, made in memory already, and saves it.
    fn pend(&mut self, change: Change) {
        self.saying = change.done.clone();
        self.pending.push((self.next, change));
        self.next += 1;
        self.save();
    }

    /// Sends every pending change to the disk, unless a job is under way (its outcome sends
    /// the rest).
    fn save(&mut self) {
        if self.in_flight.is_some() {
            return;
        }
        let (Some(id), Some(&(upto, _))) = (
            self.profile.as_ref().map(|p| p.id.clone()),
            self.pending.last(),
        ) else {
            return;
        };
        let changes = self.pending.clone();
        self.in_flight = Some(InFlight::Save(upto));
        self.disk.submit(Job::Save { id, upto, changes });
        self.take_outcomes();
    }

    /// Asks the disk whether the file changed, if nothing else is under way.
    pub fn check_now(&mut self) {
        let Some(id) = self.profile.as_ref().map(|p| p.id.clone()) else {
            return;
        };
        if self.in_flight.is_some() {
            return;
        }
        self.last_check = Instant::now();
        self.in_flight = Some(InFlight::Check);
        self.disk.submit(Job::Check {
            id,
            seen: self.seen,
        });
        self.take_outcomes();
    }

    /// Called on every turn of the event loop: looks for changes on disk every
    /// [`CHECK_EVERY`], whatever else is happening, and retries a failed save now and then.
    pub fn tick(&mut self, now: Instant) {
        self.take_outcomes();
        if self.in_flight.is_some() {
            return;
        }
        if self.opening.is_some() {
            return self.try_open();
        }
        let retry_due = self
            .last_failure
            .is_none_or(|failed| now.duration_since(failed) >= RETRY_AFTER);
        if !self.pending.is_empty() && retry_due {
            self.save();
        } else if now.duration_since(self.last_check) >= CHECK_EVERY {
            // Also while a save keeps failing: what others write still shows.
            self.check_now();
            self.take_the_profile_back(now);
        }
    }

    /// A planner opened read-only because another had the profile open becomes writable once
    /// the other one closes, and says so.
    fn take_the_profile_back(&mut self, now: Instant) {
        if self.session.is_some()
            || self.read_only.is_none()
            || self
                .last_session_try
                .is_some_and(|t| now.duration_since(t) < SESSION_RETRY)
        {
            return;
        }
        self.last_session_try = Some(now);
        let Some(id) = self.profile.as_ref().map(|p| p.id.clone()) else {
            return;
        };
        if let Ok(Some(session)) = self.store.open_session(&id) {
            self.session = Some(session);
            self.read_only = None;
            self.notices.push(Notice::Writable);
        }
    }

    /// What happened since the last call, for the status line.
    pub fn notices(&mut self) -> Vec<Notice> {
        self.take_outcomes();
        std::mem::take(&mut self.notices)
    }

    fn take_outcomes(&mut self) {
        while let Some(done) = self.disk.poll() {
            self.finish(done);
        }
    }

    /// Writes an export on the disk's thread; the outcome comes back as a notice.
    pub fn export(&mut self, hint: &'static str, name: String, contents: String) {
        self.disk.submit(Job::Export {
            hint,
            name,
            contents,
        });
        self.take_outcomes();
    }

    fn finish(&mut self, done: Done) {
        // An export runs beside the profile's own jobs and leaves them as they are.
        if let Done::Exported { hint, result } = done {
            self.notices.push(match result {
                Ok(path) => Notice::Exported(path, hint),
                Err(why) => Notice::ExportFailed(why),
            });
            return;
        }
        self.in_flight = None;
        self.finish_job(done);
        if self.opening.is_some() {
            self.try_open();
        }
    }

    fn finish_job(&mut self, done: Done) {
        match done {
            Done::Saved {
                upto,
                profile,
                generation,
                results,
            } => {
                self.last_failure = None;
                self.pending.retain(|(n, _)| *n > upto);
                self.seen = generation;
                let mut conflicts = self.settle(results);
                conflicts.extend(self.rebase(profile));
                if !conflicts.is_empty() {
                    self.notices.push(Notice::Conflicts(conflicts));
                } else if self.pending.is_empty() {
                    self.notices.push(Notice::Saved(self.saying.clone()));
                }
                self.save();
            }
            Done::SaveFailed { error } => {
                self.last_failure = Some(Instant::now());
                self.notices.push(Notice::Failed(error));
            }
            Done::Unchanged => self.save(),
            Done::Changed {
                profile,
                generation,
            } => {
                self.seen = generation;
                let conflicts = self.rebase(profile);
                self.notices.push(Notice::Reloaded);
                if !conflicts.is_empty() {
                    self.notices.push(Notice::Conflicts(conflicts));
                }
                self.save();
            }
            Done::Unreadable { error, generation } => {
                self.seen = generation;
                self.notices.push(Notice::Unreadable(error));
                self.save();
            }
            Done::Opened {
                profile,
                generation,
                ladder,
            } => {
                self.opening = None;
                self.new_ladder = Some(*ladder);
                self.switch_to(*profile, generation);
            }
            Done::NotOpened { error } => {
                self.opening = None;
                self.notices.push(Notice::NotOpened(error));
            }
            Done::Exported { .. } => {}
            Done::WorkerGone => {
                // Keep working: do the disk work on this thread from now on.
                let mut store = self.store.clone();
                store.lock_wait = Duration::from_millis(300);
                self.disk = Disk::inline(store);
                self.save();
            }
        }
    }

    /// Undo for each change (by number) reverses only what it really did to the file; a change
    /// that did nothing, or did not fit, leaves nothing to undo. Returns the ones that did not.
    fn settle(&mut self, results: Vec<(u64, Result<Change, Conflict>)>) -> Vec<Conflict> {
        let mut conflicts = Vec::new();
        for (n, result) in results {
            let effective = result.unwrap_or_else(|conflict| {
                conflicts.push(conflict);
                Change::new(Vec::new(), "")
            });
            if effective.is_empty() {
                self.undo.retain(|(m, _)| *m != n);
            } else if let Some(entry) = self.undo.iter_mut().find(|(m, _)| *m == n) {
                entry.1 = effective.inverse();
            }
        }
        conflicts
    }

    /// Takes `fresh` from disk as the copy, with the pending changes applied on top; drops (and
    /// returns) the ones that no longer fit, and undo reverses only what the rest still do.
    fn rebase(&mut self, mut fresh: Profile) -> Vec<Conflict> {
        let results: Vec<_> = self
            .pending
            .iter()
            .map(|(n, change)| (*n, change.apply(&mut fresh)))
            .collect();
        self.pending
            .retain(|(n, _)| results.iter().any(|(m, r)| m == n && r.is_ok()));
        self.profile = Some(fresh);
        self.settle(results)
    }

    /// Saves whatever is still pending before the planner closes; says why if it cannot.
    pub fn flush(&mut self) -> Result<(), String> {
        // Every job under way ends first, with whatever its outcome sends in turn (a check's
        // save, a save's next one). Waiting for a fixed number of outcomes is not enough: an
        // export's outcome can come between them, and a save still running on the worker
        // would then be made a second time on this thread.
        while self.in_flight.is_some() && self.disk.is_background() {
            let Some(done) = self.disk.wait() else {
                break;
            };
            self.finish(done);
        }
        if self.pending.is_empty() {
            return Ok(());
        }
        let mut store = self.store.clone();
        store.lock_wait = crate::profile::LOCK_WAIT;
        self.disk = Disk::inline(store);
        self.in_flight = None;
        self.save();
        if self.pending.is_empty() {
            return Ok(());
        }
        Err(self
            .notices
            .iter()
            .rev()
            .find_map(|n| match n {
                Notice::Failed(why) => Some(why.clone()),
                _ => None,
            })
            .unwrap_or_else(|| "changes could not be saved".to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Format;
    use crate::profile::{Action, Owner, Status, rules};

    #[test]
    fn quitting_while_an_export_and_a_save_are_under_way_saves_each_change_once() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let profile = Profile::new(
            "ada".into(),
            "Ada".into(),
            "it-leadership".into(),
            "x".into(),
        );
        store.create(&profile).unwrap();
        let generation = store.generation("ada");
        let mut sync = ProfileSync::new(store.clone(), Some((profile, generation)));
        sync.save_in_background();
        let add = |sync: &ProfileSync, text: &str| {
            let action = Action {
                id: 0,
                seq: 0,
                changed: 0,
                text: text.into(),
                owner: Owner::Own,
                due: None,
                status: Status::Todo,
                added: "2026-11-25".parse().unwrap(),
                session: None,
            };
            rules::add_action(sync.profile.as_ref().unwrap(), action).unwrap()
        };
        // The worker takes jobs in turn: the export's outcome comes before the first save's,
        // and the second change waits for that save.
        sync.export(
            Format::Markdown.how_to_open(),
            "ada".into(),
            "# Ada\n".into(),
        );
        sync.change(add(&sync, "first")).unwrap();
        sync.change(add(&sync, "second")).unwrap();
        sync.flush().unwrap();
        // Dropping waits for any save still running on the worker, so the file read next is
        // the last one written.
        drop(sync);
        let saved = store.load("ada").unwrap();
        let texts: Vec<&str> = saved.actions.iter().map(|a| a.text.as_str()).collect();
        assert_eq!(texts, ["first", "second"]);
    }
}
