//! Keeping the planner's copy of the profile and the file in step: pending changes, the save
//! under way, undo, and noticing what other programs write.
//!
//! The copy on screen is always "the file as last read or saved, plus the changes not yet
//! saved". Whenever a fresh copy arrives from disk (after a save, or because the file changed),
//! the pending changes are applied to it again; one that no longer fits (the file holds another
//! value than it replaces) is dropped and reported, never forced over what is there.

use std::time::{Duration, Instant};

use super::worker::{Disk, Gone};
use crate::export;
use crate::ladder::{self, Ladder};
use crate::profile::{Change, Conflict, Generation, Profile, ProfileError, SessionLock, Store};
use crate::text::one_line;

/// How often the planner asks whether the file changed on disk.
pub const CHECK_EVERY: Duration = Duration::from_millis(250);
/// How long after a failed save the planner tries again by itself.
const RETRY_AFTER: Duration = Duration::from_secs(3);
/// How often a read-only planner asks whether the other planner has closed.
const SESSION_RETRY: Duration = Duration::from_secs(2);
/// How many changes undo remembers.
const UNDO_DEPTH: usize = 100;

/// Something the person should hear about, in the words the status line shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    /// Whether it says that something went wrong.
    pub is_error: bool,
    /// Whether it only confirms that changes were saved: news that gives way to anything the
    /// person was told after making them.
    pub confirms_save: bool,
}

impl Notice {
    pub fn said(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            is_error: false,
            confirms_save: false,
        }
    }

    pub fn saved(text: impl Into<String>) -> Notice {
        Notice {
            confirms_save: true,
            ..Notice::said(text)
        }
    }

    pub fn error(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            is_error: true,
            confirms_save: false,
        }
    }
}

/// What becomes of a disk job, taken in on the front end's thread.
type Outcome = Box<dyn FnOnce(&mut ProfileSync) + Send>;

/// What each change (by number) really did to the file, or why it could not: the file held
/// something it did not expect.
type Results = Vec<(u64, Result<Change, Conflict>)>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InFlight {
    Save,
    Check,
    Open,
}

pub struct ProfileSync {
    store: Store,
    disk: Disk<Outcome>,
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
    /// When the last save failed, and why; none once one succeeds.
    failed: Option<(Instant, String)>,
    last_session_try: Option<Instant>,
    /// The words for the last change, said once it is saved.
    saying: String,
    /// What to say next: the latest news only, as the status line shows one.
    notice: Option<Notice>,
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
            disk: Disk::new(store.clone(), false),
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
            failed: None,
            last_session_try: None,
            saying: String::new(),
            notice: None,
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

    fn id(&self) -> Option<String> {
        self.profile.as_ref().map(|p| p.id.clone())
    }

    /// The store the profile is kept in.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Does the disk work on a worker thread or (not `background`) on this one, waiting at
    /// most `wait` for another writer's lock.
    fn use_disk(&mut self, background: bool, wait: Duration) {
        let mut store = self.store.clone();
        store.lock_wait = wait;
        self.disk = Disk::new(store, background);
    }

    /// Opens profile `id` instead of the one open now, once the current one's changes are
    /// saved; the notice says how it went. False when `id` is the one open.
    pub fn open(&mut self, id: String) -> bool {
        if self.profile.as_ref().is_some_and(|p| p.id == id) {
            return false;
        }
        self.opening = Some(id);
        self.failed = None;
        self.try_open();
        true
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
        if self.in_flight.is_some() {
            return;
        }
        let Some(id) = self.opening.clone() else {
            return;
        };
        if !self.pending.is_empty() {
            if self.failed.is_some() {
                return self.not_opened(&format!(
                    "{id} — the changes to this profile are not saved yet"
                ));
            }
            return self.save();
        }
        self.send(InFlight::Open, move |store| {
            let read = read_to_open(store, &id);
            Box::new(move |sync: &mut ProfileSync| match read {
                Ok((profile, generation, ladder)) => {
                    sync.opening = None;
                    sync.new_ladder = Some(ladder);
                    sync.switch_to(profile, generation);
                }
                Err(why) => sync.not_opened(&why),
            })
        });
    }

    fn not_opened(&mut self, why: &str) {
        self.opening = None;
        self.tell(Notice::error(format!("not opened: {}", one_line(why))));
    }

    /// Takes a profile read from disk as the open one: the previous one is let go (its
    /// session lock too, so another planner may have it), and undo starts afresh.
    fn switch_to(&mut self, profile: Profile, generation: Generation) {
        self.session = None;
        self.read_only = None;
        self.undo.clear();
        self.pending.clear();
        self.last_session_try = None;
        let name = one_line(&profile.name);
        self.adopt(profile, generation);
        let read_only = self.read_only.as_ref().map(|r| format!(" — {r}"));
        self.tell(Notice::said(format!(
            "opened {name}{}",
            read_only.unwrap_or_default()
        )));
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
        self.use_disk(true, crate::profile::LOCK_WAIT);
    }

    /// Whether a save is under way or changes wait to be saved.
    pub fn saving(&self) -> bool {
        self.in_flight == Some(InFlight::Save) || !self.pending.is_empty()
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

    /// Hands a job on the profile to the disk; nothing else is sent until what becomes of it
    /// is taken in (an open asked for meanwhile is sent then).
    fn send(&mut self, what: InFlight, job: impl FnOnce(&Store) -> Outcome + Send + 'static) {
        self.in_flight = Some(what);
        self.disk.submit(Box::new(move |store: &Store| -> Outcome {
            let outcome = job(store);
            Box::new(move |sync: &mut ProfileSync| {
                sync.in_flight = None;
                outcome(sync);
                sync.try_open();
            })
        }));
        self.take_outcomes();
    }

    /// Sends every pending change to the disk, unless a job is under way (its outcome sends
    /// the rest).
    fn save(&mut self) {
        if self.in_flight.is_some() {
            return;
        }
        let (Some(id), Some(&(upto, _))) = (self.id(), self.pending.last()) else {
            return;
        };
        let changes = self.pending.clone();
        self.send(InFlight::Save, move |store| {
            let saved = store.update_tracked(&id, |profile| {
                let results: Results = changes
                    .iter()
                    .map(|(n, change)| (*n, change.apply(profile)))
                    .collect();
                Ok::<_, ProfileError>(results)
            });
            let saved = saved.map_err(|e| e.to_string());
            Box::new(move |sync: &mut ProfileSync| sync.saved(upto, saved))
        });
    }

    /// Takes in a save of the changes numbered up to `upto`: the file as written, or why not.
    fn saved(&mut self, upto: u64, saved: Result<(Results, Profile, Generation), String>) {
        let (results, profile, generation) = match saved {
            Ok(saved) => saved,
            Err(why) => {
                self.tell(Notice::error(format!(
                    "not saved (kept in memory, will retry): {}",
                    one_line(why.strip_prefix("not saved: ").unwrap_or(&why))
                )));
                self.failed = Some((Instant::now(), why));
                return;
            }
        };
        self.failed = None;
        self.pending.retain(|(n, _)| *n > upto);
        self.seen = generation;
        let mut conflicts = self.settle(results);
        conflicts.extend(self.rebase(profile));
        if conflicts.is_empty() && self.pending.is_empty() {
            self.tell(Notice::saved(self.saying.clone()));
        }
        self.say_dropped(conflicts);
        self.save();
    }

    /// Asks the disk whether the file changed, if nothing else is under way.
    pub fn check_now(&mut self) {
        let Some(id) = self.id() else {
            return;
        };
        if self.in_flight.is_some() {
            return;
        }
        self.last_check = Instant::now();
        let seen = self.seen;
        self.send(InFlight::Check, move |store| {
            let now = store.generation(&id);
            let read =
                (now != seen).then(|| store.load_tracked(&id).map_err(|e| (e.to_string(), now)));
            Box::new(move |sync: &mut ProfileSync| sync.checked(read))
        });
    }

    /// Takes in what a check found: nothing new, the file as it is now, or why it cannot be
    /// read (and the generation it was found at).
    fn checked(&mut self, read: Option<Result<(Profile, Generation), (String, Generation)>>) {
        match read {
            None => {}
            Some(Ok((profile, generation))) => {
                self.seen = generation;
                let conflicts = self.rebase(profile);
                self.tell(Notice::said("reloaded: the file changed on disk"));
                self.say_dropped(conflicts);
            }
            Some(Err((why, generation))) => {
                self.seen = generation;
                self.tell(Notice::error(format!(
                    "the file changed and cannot be read: {}",
                    one_line(&why)
                )));
            }
        }
        self.save();
    }

    /// Says which changes were dropped because the file changed under them, if any were.
    /// Makes `notice` the one the front end hears next; an error waiting to be heard is never
    /// replaced by news that all is well (a save finishing in the same turn, say).
    fn tell(&mut self, notice: Notice) {
        if notice.is_error || !self.notice.as_ref().is_some_and(|n| n.is_error) {
            self.notice = Some(notice);
        }
    }

    fn say_dropped(&mut self, conflicts: Vec<Conflict>) {
        if conflicts.is_empty() {
            return;
        }
        let what: Vec<String> = conflicts.iter().map(|c| c.what.clone()).collect();
        self.tell(Notice::error(format!(
            "{} changed on disk meanwhile — kept what is there, reloaded; your change to it was not applied",
            one_line(&what.join(", "))
        )));
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
            .failed
            .as_ref()
            .is_none_or(|(failed, _)| now.duration_since(*failed) >= RETRY_AFTER);
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
        let Some(id) = self.id() else {
            return;
        };
        if let Ok(Some(session)) = self.store.open_session(&id) {
            self.session = Some(session);
            self.read_only = None;
            self.tell(Notice::said(
                "no other rungs holds this profile now — your changes are saved again",
            ));
        }
    }

    /// What happened since the last call, for the status line.
    pub fn notice(&mut self) -> Option<Notice> {
        self.take_outcomes();
        self.notice.take()
    }

    fn take_outcomes(&mut self) {
        while let Some(done) = self.disk.poll(false) {
            self.finish(done);
        }
    }

    fn finish(&mut self, done: Result<Outcome, Gone>) {
        match done {
            Ok(outcome) => outcome(self),
            Err(Gone) => {
                // Keep working: do the disk work on this thread from now on.
                self.in_flight = None;
                self.use_disk(false, Duration::from_millis(300));
                self.save();
                self.try_open();
            }
        }
    }

    /// Writes an export on the disk's thread, beside the profile's own jobs and leaving them
    /// as they are; the notice says where it went and `hint`, what to do with it.
    pub fn export(&mut self, hint: &'static str, name: String, contents: String) {
        self.disk.submit(Box::new(move |store: &Store| -> Outcome {
            let written = export::write_to_exports(store.data_dir(), &name, &contents);
            Box::new(move |sync: &mut ProfileSync| {
                sync.notice = Some(match written {
                    // The folder is the data folder's `exports` (the menu says so): its name
                    // is enough, and leaves the room to the advice.
                    Ok(path) => Notice::said(format!(
                        "exported to {} — {hint}",
                        path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| format!("exports/{}", n.to_string_lossy()),
                        )
                    )),
                    Err(e) => {
                        Notice::error(format!("export not written: {}", one_line(&e.to_string())))
                    }
                })
            })
        }));
        self.take_outcomes();
    }

    /// Undo for each change (by number) reverses only what it really did to the file; a change
    /// that did nothing, or did not fit, leaves nothing to undo. Returns the ones that did not.
    fn settle(&mut self, results: Results) -> Vec<Conflict> {
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
        let results: Results = self
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
        // would then be made a second time on this thread. (Inline, nothing is under way.)
        while self.in_flight.is_some()
            && let Some(done) = self.disk.poll(true)
        {
            self.finish(done);
        }
        if self.pending.is_empty() {
            return Ok(());
        }
        self.use_disk(false, crate::profile::LOCK_WAIT);
        self.in_flight = None;
        self.save();
        if self.pending.is_empty() {
            return Ok(());
        }
        Err(self.failed.as_ref().map_or_else(
            || "changes could not be saved".to_string(),
            |(_, why)| why.clone(),
        ))
    }
}

/// Profile `id` with its ladder, read to open it instead of the one open now; or why not.
fn read_to_open(store: &Store, id: &str) -> Result<(Profile, Generation, Ladder), String> {
    let (profile, generation) = store.load_tracked(id).map_err(|e| e.to_string())?;
    match ladder::resolve_for_profile(&profile.ladder, store.dir(), Some(store.data_dir())) {
        Ok((ladder, _)) => Ok((profile, generation, ladder)),
        Err(e) => Err(format!(
            "its ladder \"{}\" cannot be loaded: {e}",
            one_line(&profile.ladder)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::Format;
    use crate::profile::{Action, Owner, rules};

    #[test]
    fn a_profile_not_opened_for_unsaved_changes_is_said_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut sync = ProfileSync::new(Store::new(dir.path()), None);
        sync.pending.push((1, Change::new(Vec::new(), "a change")));
        sync.failed = Some((Instant::now(), "not saved: disk full".into()));
        sync.opening = Some("bob".into());
        sync.try_open();
        assert_eq!(
            sync.notice(),
            Some(Notice::error(
                "not opened: bob — the changes to this profile are not saved yet"
            ))
        );
        assert!(!sync.is_opening());
    }

    #[test]
    fn an_error_not_yet_heard_outlives_a_save_confirmed_in_the_same_turn() {
        let dir = tempfile::tempdir().unwrap();
        let mut sync = ProfileSync::new(Store::new(dir.path()), None);
        sync.tell(Notice::error("plan changed on disk meanwhile"));
        sync.tell(Notice::saved("saved: step 2 added"));
        sync.tell(Notice::said("reloaded: the file changed on disk"));
        assert_eq!(
            sync.notice(),
            Some(Notice::error("plan changed on disk meanwhile"))
        );
        sync.tell(Notice::saved("saved: step 2 added"));
        assert_eq!(sync.notice(), Some(Notice::saved("saved: step 2 added")));
    }

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
            let added = "2026-11-25".parse().unwrap();
            let action = Action::new(text.into(), Owner::Own, None, added, None);
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
