//! What every screen of the planner shares, and the only thing a tab or popup may touch: the
//! ladder, the profile (through [`ProfileSync`]), the status line, the theme and the keys in
//! force. Defined below the tabs, so tabs never reach back into the app.

use ratatui::layout::Rect;

use super::keymap::Keymap;
use super::theme::Theme;
use crate::date::{Clock, Date};
use crate::ladder::{Ladder, Path};
use crate::live::{Notice, ProfileSync, RosterReader};
use crate::profile::roster::{self, Row};
use crate::profile::{Change, Profile, rules};

/// The paths found to the target, kept so `n` on the Ladder tab steps on from the one shown or
/// planned last.
#[derive(Debug)]
struct Alternatives {
    /// (profile, current role, target) they were planned for.
    between: (String, String, Option<String>),
    /// Never empty.
    paths: Vec<Path>,
    index: usize,
    /// Whether the path at `index` is on the graph, looked at and not yet planned.
    shown: bool,
}

/// What the alternatives were planned for: they hold for this person, role and target only.
fn between(p: &Profile) -> (String, String, Option<String>) {
    (p.id.clone(), p.current_role.clone(), p.target_role.clone())
}

pub struct Ctx {
    pub ladder: Ladder,
    /// How a new profile refers to this ladder: a bundled id or a file's absolute path.
    pub ladder_ref: String,
    pub sync: ProfileSync,
    /// The message under the body: what just happened, or what went wrong.
    pub status: Option<Notice>,
    /// The status was set by the planner after the last change was made: that change's save
    /// confirmation, arriving later from the disk, must not replace it.
    told_since_change: bool,
    pub theme: Theme,
    pub keymap: Keymap,
    /// The whole terminal.
    pub screen: Rect,
    /// Where "today" comes from.
    pub clock: Clock,
    /// Where the current tab draws, as the app laid the screen out.
    pub body: Rect,
    /// The screen may be seen by others: private notes show nowhere.
    pub share_safe: bool,
    /// Every profile, as last read from disk (the open one as it is now in memory); `None`
    /// until the first read ends.
    pub roster: Option<Vec<Row>>,
    /// The manager's own profile (the config's `me`): the roster shows it apart.
    pub me: Option<String>,
    roster_reader: RosterReader,
    /// Another profile was opened since the app last asked.
    switched: bool,
    alternatives: Option<Alternatives>,
}

impl Ctx {
    pub fn new(ladder: Ladder, ladder_ref: String, sync: ProfileSync, theme: Theme) -> Ctx {
        Ctx {
            ladder,
            ladder_ref,
            sync,
            status: None,
            told_since_change: false,
            theme,
            keymap: Keymap::default(),
            screen: Rect::new(0, 0, 80, 24),
            clock: Clock::from_env().unwrap_or_default(),
            body: Rect::default(),
            share_safe: false,
            roster: None,
            me: None,
            roster_reader: RosterReader::new(false),
            switched: false,
            alternatives: None,
        }
    }

    /// Reads the roster on a worker thread from now on.
    pub fn read_roster_in_background(&mut self) {
        self.roster_reader = RosterReader::new(true);
    }

    /// Asks for a fresh roster; it arrives with [`Ctx::hear_from_disk`].
    pub fn request_roster(&mut self) {
        let today = self.today();
        self.roster_reader.request(self.sync.store(), today);
        self.take_roster();
    }

    /// Whether a roster read is under way.
    pub fn roster_loading(&self) -> bool {
        self.roster_reader.is_busy()
    }

    fn take_roster(&mut self) -> bool {
        let Some(rows) = self.roster_reader.poll() else {
            return false;
        };
        self.roster = Some(rows);
        true
    }

    /// The roster line of the profile open now, as it is in memory (with changes not yet
    /// saved), rather than as the last read found it.
    pub fn live_entry(&self) -> Option<roster::Entry> {
        self.profile()
            .map(|p| roster::entry(p, &self.ladder, self.today()))
    }

    /// Whether another profile was opened since the last call.
    pub fn take_switched(&mut self) -> bool {
        std::mem::take(&mut self.switched)
    }

    /// Opens profile `id` instead of the current one, once the current one is saved.
    pub fn open_profile(&mut self, id: String) {
        // What comes of it is heard by the app, which lays out the screen for the new profile.
        if self.sync.open(id.clone()) {
            self.say(format!("opening {id}…"));
        }
    }

    pub fn profile(&self) -> Option<&Profile> {
        self.sync.profile()
    }

    /// The open profile when it is someone else's: the config names another person as `me`
    /// (a manager looking at a report's profile).
    pub fn someone_elses(&self) -> Option<&Profile> {
        self.profile()
            .filter(|p| self.me.as_ref().is_some_and(|me| *me != p.id))
    }

    /// Where a popup may go: the terminal but its last row, so the footer naming the popup's
    /// keys stays in sight.
    pub fn popup_room(&self) -> Rect {
        Rect::new(
            0,
            0,
            self.screen.width,
            self.screen.height.saturating_sub(1),
        )
    }

    pub fn today(&self) -> Date {
        self.clock.today()
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Notice::said(text));
        self.told_since_change = true;
    }

    pub fn complain(&mut self, text: impl Into<String>) {
        self.status = Some(Notice::error(text));
        self.told_since_change = true;
    }

    /// Makes a change (if there is one) and saves it; the status line says how it went.
    pub fn change(&mut self, change: Option<Change>) {
        if let Some(change) = change {
            let made = self.sync.change(change);
            self.made(made);
        }
    }

    pub fn undo(&mut self) {
        let made = self.sync.undo();
        self.made(made);
    }

    fn made(&mut self, made: Result<(), String>) {
        self.told_since_change = false;
        match made {
            Ok(()) => _ = self.hear_from_disk(),
            Err(why) => self.complain(why),
        }
    }

    /// Puts what the disk reported on the status line; says whether there was anything.
    pub fn hear_from_disk(&mut self) -> bool {
        let notice = self.sync.notice();
        let mut heard = notice.is_some();
        if let Some(ladder) = self.sync.take_ladder() {
            // Another profile is open: the previous one's roster line is read again, now that
            // it is saved.
            self.ladder_ref = ladder.id().to_string();
            self.ladder = ladder;
            self.alternatives = None;
            self.switched = true;
            self.request_roster();
        }
        // Paths found for another person, role or target are done with, however the profile
        // changed (here, an undo, another writer): going back to them must not bring back a
        // path shown before.
        if let Some(a) = &self.alternatives
            && self.sync.profile().map(between).as_ref() != Some(&a.between)
        {
            self.alternatives = None;
        }
        heard |= self.take_roster();
        if let Some(notice) = notice
            && !(notice.confirms_save && self.told_since_change)
        {
            self.told_since_change = false;
            self.status = Some(notice);
        }
        heard
    }

    /// Plans the best path to the target (or, with `next`, the next of the paths shown) and
    /// puts it in the plan.
    pub fn auto_plan(&mut self, next: bool) {
        if self.find_paths(next).is_some() {
            self.use_path_found();
        }
    }

    /// Finds the paths from the current role to the target (or, with `next`, steps to the
    /// next of those shown): the index of the one to show and how many there are, if any.
    fn find_paths(&mut self, next: bool) -> Option<(usize, usize)> {
        let p = self.sync.profile()?;
        let between = between(p);
        match &mut self.alternatives {
            Some(a) if next && a.between == between => a.index = (a.index + 1) % a.paths.len(),
            _ => match rules::paths_to_target(p, &self.ladder, 5) {
                Ok(paths) => {
                    self.alternatives = (!paths.is_empty()).then_some(Alternatives {
                        between,
                        paths,
                        index: 0,
                        shown: false,
                    })
                }
                Err(refusal) => {
                    self.complain(refusal.0);
                    return None;
                }
            },
        }
        self.alternatives.as_ref().map(|a| (a.index, a.paths.len()))
    }

    /// Makes the path found at the index the plan.
    fn use_path_found(&mut self) {
        let today = self.today();
        let (Some(p), Some(alternatives)) = (self.sync.profile(), self.alternatives.as_mut())
        else {
            return;
        };
        alternatives.shown = false;
        let Some(path) = alternatives.paths.get(alternatives.index) else {
            return;
        };
        // `n` steps through the paths on the Ladder tab only (the Plan tab's `p` plans the best).
        let words = match alternatives.paths.len() {
            1 => "the one path found planned".to_string(),
            count => format!(
                "path {} of {count} planned — n on the Ladder tab shows the next",
                alternatives.index + 1
            ),
        };
        let change = rules::use_path(p, &self.ladder, path, words, today);
        self.change(Some(change));
    }

    /// Shows the best path (or, with `next`, the next one) on the graph without touching the
    /// plan: looking never writes; [`Ctx::use_previewed_path`] does.
    pub fn preview_path(&mut self, next: bool, use_key: &str) {
        let Some((index, count)) = self.find_paths(next) else {
            return;
        };
        if let Some(a) = &mut self.alternatives {
            a.shown = true;
        }
        self.say(format!(
            "path {} of {count} shown, your plan unchanged — {use_key} uses this path, n the next",
            index + 1
        ));
    }

    /// Makes the path being shown the plan.
    pub fn use_previewed_path(&mut self) {
        if self.previewed_plan().is_none() {
            self.complain("no path is shown — p shows the best path, n the next one");
            return;
        }
        self.use_path_found();
    }

    /// The open profile as it would be with the path shown as its plan, while one is shown
    /// and still holds for the person, their current role and target.
    pub fn previewed_plan(&self) -> Option<Profile> {
        let (a, p) = (self.alternatives.as_ref()?, self.sync.profile()?);
        if !a.shown || a.between != between(p) {
            return None;
        }
        let mut shown = p.clone();
        shown.plan = rules::plan_of_path(p, &self.ladder, a.paths.get(a.index)?).1;
        Some(shown)
    }
}
