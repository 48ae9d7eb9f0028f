//! The planner's state and everything that changes it. Drawing only reads an `App`; keys,
//! mouse clicks and resizes come in through [`App::handle`]. File I/O goes through the
//! profile store, never straight to disk.

use std::fs::File;
use std::path::PathBuf;
use std::time::SystemTime;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Rect;

use super::change::Change;
use super::grid::{Direction, Grid};
use super::input::{Edit, TextInput};
use super::keymap::{self, Action, Scope};
use super::layout::{self, Areas};
use super::saver::{Outcome, Request, Saver};
use crate::date::{Date, DateError};
use crate::error::Failure;
use crate::ladder::{self, Ladder, PathRequest, RoleIdx};
use crate::profile::{
    Evidence, HeldRole, MilestoneProgress, Person, PlanStep, Profile, ProfileError, Status, Store,
};
use crate::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Ladder,
    Plan,
    Milestones,
    Profile,
}

impl Tab {
    /// The tabs in order, with the digit that opens each. Tab 4 (coaching) comes later.
    pub const ALL: [(Tab, usize, &'static str); 4] = [
        (Tab::Ladder, 1, "Ladder"),
        (Tab::Plan, 2, "Plan"),
        (Tab::Milestones, 3, "Milestones"),
        (Tab::Profile, 5, "Profile"),
    ];

    pub fn scope(self) -> Scope {
        match self {
            Tab::Ladder => Scope::Ladder,
            Tab::Plan => Scope::Plan,
            Tab::Milestones => Scope::Milestones,
            Tab::Profile => Scope::Profile,
        }
    }

    fn position(self) -> usize {
        Tab::ALL
            .iter()
            .position(|(t, _, _)| *t == self)
            .unwrap_or(0)
    }
}

/// The sections of the Profile tab.
pub const PROFILE_SECTIONS: [&str; 4] = ["History", "Mentors", "Mentees", "Evidence"];

/// What a form's fields are for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormPurpose {
    EditStep(usize),
    EditMilestone(String),
    AddHistory,
    AddMentor,
    AddMentee,
    AddEvidence,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub input: TextInput,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub title: String,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub purpose: FormPurpose,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    Help,
    Diff,
    Form(Form),
}

/// The first-run screen's steps: pick a role, maybe a target, type a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FirstRun {
    PickCurrent,
    PickTarget {
        current: RoleIdx,
    },
    Name {
        current: RoleIdx,
        target: Option<RoleIdx>,
        input: TextInput,
        error: Option<String>,
    },
}

/// The message under the body: what just happened, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    pub text: String,
    pub is_error: bool,
}

/// How the planner was asked to start.
#[derive(Debug, Clone)]
pub struct Options {
    pub data_dir: PathBuf,
    pub profile: Option<String>,
    pub ladder: Option<String>,
    pub color: bool,
}

pub struct App {
    pub ladder: Ladder,
    /// How a new profile refers to this ladder: a bundled id or a file's absolute path.
    pub ladder_ref: String,
    pub grid: Grid,
    store: Store,
    pub profile: Option<Profile>,
    pub first_run: Option<FirstRun>,
    pub tab: Tab,
    pub selected: RoleIdx,
    /// Top-left corner of the visible part of the ladder canvas.
    pub scroll: (u32, u32),
    /// Whether the details pane shows; `None` until toggled: shown when the screen is wide.
    pub show_details: Option<bool>,
    pub popup: Option<Popup>,
    pub search: Option<TextInput>,
    /// Planned alternatives (role sequences) and which one the plan holds.
    pub alternatives: Vec<Vec<RoleIdx>>,
    pub alternative: usize,
    pub plan_cursor: usize,
    pub milestone_cursor: usize,
    pub milestone_filter: bool,
    pub profile_section: usize,
    pub profile_cursor: usize,
    pub status: Option<StatusLine>,
    /// Why changes cannot be saved, if they cannot.
    pub read_only: Option<String>,
    pub size: (u16, u16),
    pub color: bool,
    pub quit: bool,
    undo: Vec<Change>,
    /// Changes not yet known to be on disk, numbered in the order they were made.
    pending: Vec<(u64, Change)>,
    next_change: u64,
    /// The last change number of the save under way, if one is.
    in_flight: Option<u64>,
    /// What the status line says when the latest change is saved.
    saving_what: String,
    saver: Saver,
    /// Held while this planner has the profile open, so a second one opens read-only.
    session_lock: Option<File>,
    seen_modified: Option<SystemTime>,
}

impl App {
    /// Opens the chosen (or most recent) profile, or the first-run screen when there is none.
    pub fn open(options: Options) -> Result<App, Failure> {
        let store = Store::new(&options.data_dir);
        let chosen = match store.resolve(options.profile.as_deref()) {
            Ok(id) => Some(id),
            Err(ProfileError::NoProfiles) => None,
            Err(e) => return Err(e.into()),
        };
        let mut ladder_ref = None;
        let (profile, ladder) = match &chosen {
            Some(id) => {
                let profile = store.load(id)?;
                let spec = options.ladder.as_deref().unwrap_or(&profile.ladder);
                let (ladder, _) = ladder::resolve(Some(spec), Some(&options.data_dir))?;
                (Some(profile), ladder)
            }
            None => {
                let (ladder, source) =
                    ladder::resolve(options.ladder.as_deref(), Some(&options.data_dir))?;
                ladder_ref = Some(source.profile_reference(&ladder));
                (None, ladder)
            }
        };
        let mut app = App::new(ladder, store, profile, options.color);
        if let Some(reference) = ladder_ref {
            app.ladder_ref = reference;
        }
        if let Some(id) = chosen {
            app.take_session_lock(&id);
            app.seen_modified = app.modified_on_disk();
        }
        Ok(app)
    }

    /// An app over a loaded ladder and profile (or the first-run screen when `None`).
    pub fn new(ladder: Ladder, store: Store, profile: Option<Profile>, color: bool) -> App {
        let grid = Grid::new(&ladder);
        let selected = profile
            .as_ref()
            .and_then(|p| ladder.role_index(&p.current_role))
            .unwrap_or(0);
        let mut store = store;
        store.announce_waits = false;
        // Saving inline (as tests do) must not freeze the screen behind another writer: wait
        // briefly, and if the lock is still held keep the change and save it with the next one.
        store.lock_wait = std::time::Duration::from_millis(300);
        let saver = Saver::Inline(store.clone());
        App {
            first_run: profile.is_none().then_some(FirstRun::PickCurrent),
            ladder_ref: ladder.id().to_string(),
            ladder,
            grid,
            store,
            profile,
            tab: Tab::Ladder,
            selected,
            scroll: (0, 0),
            show_details: None,
            popup: None,
            search: None,
            alternatives: Vec::new(),
            alternative: 0,
            plan_cursor: 0,
            milestone_cursor: 0,
            milestone_filter: false,
            profile_section: 0,
            profile_cursor: 0,
            status: None,
            read_only: None,
            size: (80, 24),
            color,
            quit: false,
            undo: Vec::new(),
            pending: Vec::new(),
            next_change: 0,
            in_flight: None,
            saving_what: String::from("saved"),
            saver,
            session_lock: None,
            seen_modified: None,
        }
    }

    fn take_session_lock(&mut self, id: &str) {
        let path = self.store.dir().join(format!("{id}.session"));
        let Ok(file) = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
        else {
            return;
        };
        match file.try_lock() {
            Ok(()) => self.session_lock = Some(file),
            Err(_) => {
                self.read_only = Some("another rungs has this profile open — read-only".to_string())
            }
        }
    }

    pub fn details_shown(&self) -> bool {
        self.show_details.unwrap_or(self.size.0 >= layout::WIDE)
    }

    pub fn areas(&self) -> Areas {
        layout::areas(Rect::new(0, 0, self.size.0, self.size.1), self)
    }

    fn say(&mut self, text: impl Into<String>) {
        self.status = Some(StatusLine {
            text: text.into(),
            is_error: false,
        });
    }

    fn complain(&mut self, text: impl Into<String>) {
        self.status = Some(StatusLine {
            text: text.into(),
            is_error: true,
        });
    }

    // ----- events -----

    pub fn handle(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.key(key),
            Event::Mouse(mouse) => self.mouse(mouse),
            Event::Resize(w, h) => {
                self.size = (*w, *h);
                self.keep_selection_visible();
            }
            _ => {}
        }
    }

    fn key(&mut self, key: &KeyEvent) {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit = true;
            return;
        }
        if self.first_run.is_some() {
            self.first_run_key(key);
            return;
        }
        if let Some(popup) = self.popup.take() {
            self.popup_key(popup, key);
            return;
        }
        if let Some(mut search) = self.search.take() {
            match key.code {
                KeyCode::Esc => self.say("search closed"),
                KeyCode::Enter => {
                    self.find_next(&search.value(), true);
                    self.search = Some(search);
                }
                _ => {
                    if search.handle(key) == Edit::Changed {
                        self.find_next(&search.value(), false);
                    }
                    self.search = Some(search);
                }
            }
            return;
        }
        let Some(action) = keymap::action_for(self.tab.scope(), key) else {
            return;
        };
        self.act(action);
    }

    fn act(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.popup = Some(Popup::Help),
            Action::NextTab => self.tab = Tab::ALL[(self.tab.position() + 1) % Tab::ALL.len()].0,
            Action::PrevTab => {
                self.tab = Tab::ALL[(self.tab.position() + Tab::ALL.len() - 1) % Tab::ALL.len()].0
            }
            Action::GoTab(n) => {
                if let Some((tab, _, _)) = Tab::ALL.iter().find(|(_, digit, _)| *digit == n) {
                    self.tab = *tab;
                }
            }
            Action::Undo => self.undo(),
            _ => match self.tab {
                Tab::Ladder => self.ladder_action(action),
                Tab::Plan => self.plan_action(action),
                Tab::Milestones => self.milestone_action(action),
                Tab::Profile => self.profile_action(action),
            },
        }
    }

    fn mouse(&mut self, mouse: &MouseEvent) {
        if mouse.kind != MouseEventKind::Down(MouseButton::Left) || self.popup.is_some() {
            return;
        }
        let areas = self.areas();
        let (x, y) = (mouse.column, mouse.row);
        if let Some(tab) = areas
            .tabs
            .iter()
            .find(|(_, rect)| rect.contains((x, y).into()))
            .map(|(tab, _)| *tab)
            && self.first_run.is_none()
        {
            self.tab = tab;
            return;
        }
        let on_ladder = self.first_run.is_some() || self.tab == Tab::Ladder;
        if on_ladder && areas.graph.contains((x, y).into()) {
            let canvas_x = u32::from(x - areas.graph.x) + self.scroll.0;
            let canvas_y = u32::from(y - areas.graph.y) + self.scroll.1;
            if let Some(role) = self.grid.role_at(canvas_x, canvas_y) {
                self.select(role);
            }
        }
    }

    // ----- ladder -----

    pub fn select(&mut self, role: RoleIdx) {
        if role < self.ladder.roles().len() {
            self.selected = role;
            self.keep_selection_visible();
        }
    }

    /// Scrolls the canvas so the selected box is inside the graph area.
    pub fn keep_selection_visible(&mut self) {
        let graph = self.areas().graph;
        let Some(spot) = self.grid.spots.get(self.selected).copied() else {
            return;
        };
        let (view_w, view_h) = (u32::from(graph.width), u32::from(graph.height));
        let column = super::grid::CELL_WIDTH + super::grid::GAP;
        let (mut sx, mut sy) = self.scroll;
        if spot.x < sx {
            sx = spot.x - spot.x % column;
        } else if spot.x + spot.width.min(view_w) > sx + view_w {
            let wanted = (spot.x + spot.width.min(view_w)).saturating_sub(view_w);
            sx = wanted.div_ceil(column) * column;
        }
        if spot.y < sy {
            sy = spot.y;
        } else if spot.y + spot.height > sy + view_h {
            sy = (spot.y + spot.height).saturating_sub(view_h);
        }
        self.scroll = (sx, sy);
    }

    fn move_selection(&mut self, direction: Direction) {
        if let Some(next) = self.grid.neighbour(self.selected, direction) {
            self.select(next);
        }
    }

    fn find_next(&mut self, wanted: &str, skip_current: bool) {
        let wanted = wanted.trim().to_lowercase();
        if wanted.is_empty() {
            return;
        }
        let count = self.ladder.roles().len();
        let start = if skip_current {
            self.selected + 1
        } else {
            self.selected
        };
        let found = (0..count)
            .map(|i| (start + i) % count)
            .find(|&r| self.ladder.role(r).title.to_lowercase().contains(&wanted));
        match found {
            Some(r) => {
                self.select(r);
                self.status = None;
            }
            None => self.complain(format!(
                "no role title contains \"{}\"",
                text::one_line(&wanted)
            )),
        }
    }

    fn ladder_action(&mut self, action: Action) {
        match action {
            Action::Up => self.move_selection(Direction::Up),
            Action::Down => self.move_selection(Direction::Down),
            Action::Left => self.move_selection(Direction::Left),
            Action::Right => self.move_selection(Direction::Right),
            Action::Details => self.show_details = Some(!self.details_shown()),
            Action::Search => self.search = Some(TextInput::new("", false)),
            Action::Diff => self.popup = Some(Popup::Diff),
            Action::SetCurrent => {
                let Some(p) = &self.profile else { return };
                let role = self.ladder.role(self.selected).id.clone();
                if role == p.current_role {
                    return self.say("that is already your current role");
                }
                let mut history = p.history.clone();
                history.push(HeldRole {
                    role: p.current_role.clone(),
                    from: None,
                    to: Some(Date::today()),
                    note: String::new(),
                });
                self.change(Change::Current { role, history });
            }
            Action::SetTarget => {
                let role = self.ladder.role(self.selected).id.clone();
                self.change(Change::Target(Some(role)));
            }
            Action::AddToPlan => {
                let Some(p) = &self.profile else { return };
                let role = self.ladder.role(self.selected).id.clone();
                let last = p.plan.last().map_or(&p.current_role, |s| &s.role);
                if *last == role {
                    return self.complain("the plan already ends at that role");
                }
                let mut plan = p.plan.clone();
                plan.push(PlanStep {
                    role,
                    target_date: None,
                    note: String::new(),
                });
                self.change(Change::Plan(plan));
            }
            Action::AutoPlan => self.auto_plan(),
            Action::NextAlternative => self.next_alternative(),
            _ => {}
        }
    }

    fn auto_plan(&mut self) {
        let Some(p) = &self.profile else { return };
        let Some(target) = p.target_role.as_deref() else {
            return self.complain("no target yet — select a role and press t");
        };
        let (Some(from), Some(to)) = (
            self.ladder.role_index(&p.current_role),
            self.ladder.role_index(target),
        ) else {
            return self.complain("the current or target role is not in this ladder");
        };
        let request = PathRequest {
            from,
            to,
            count: 5,
            ..PathRequest::default()
        };
        match ladder::plan(&self.ladder, &request) {
            Ok(paths) => {
                self.alternatives = paths.into_iter().map(|p| p.roles).collect();
                self.alternative = 0;
                self.use_alternative();
            }
            Err(e) => self.complain(e.to_string()),
        }
    }

    fn next_alternative(&mut self) {
        if self.alternatives.is_empty() {
            return self.auto_plan();
        }
        self.alternative = (self.alternative + 1) % self.alternatives.len();
        self.use_alternative();
    }

    fn use_alternative(&mut self) {
        let Some(p) = &self.profile else { return };
        let Some(roles) = self.alternatives.get(self.alternative) else {
            return;
        };
        let plan: Vec<PlanStep> = roles[1..]
            .iter()
            .map(|&r| {
                let id = &self.ladder.role(r).id;
                p.plan
                    .iter()
                    .find(|s| &s.role == id)
                    .cloned()
                    .unwrap_or(PlanStep {
                        role: id.clone(),
                        target_date: None,
                        note: String::new(),
                    })
            })
            .collect();
        let message = format!(
            "path {} of {} planned — n for the next",
            self.alternative + 1,
            self.alternatives.len()
        );
        self.change_saying(Change::Plan(plan), message);
    }

    // ----- plan -----

    fn plan_len(&self) -> usize {
        self.profile.as_ref().map_or(0, |p| p.plan.len())
    }

    fn plan_action(&mut self, action: Action) {
        let len = self.plan_len();
        match action {
            Action::Up => self.plan_cursor = self.plan_cursor.saturating_sub(1),
            Action::Down => self.plan_cursor = (self.plan_cursor + 1).min(len.saturating_sub(1)),
            Action::AutoPlan => self.auto_plan(),
            Action::MoveStepUp | Action::MoveStepDown | Action::DeleteStep if len > 0 => {
                let Some(p) = &self.profile else { return };
                let mut plan = p.plan.clone();
                let i = self.plan_cursor.min(len - 1);
                match action {
                    Action::MoveStepUp if i > 0 => {
                        plan.swap(i, i - 1);
                        self.plan_cursor = i - 1;
                    }
                    Action::MoveStepDown if i + 1 < len => {
                        plan.swap(i, i + 1);
                        self.plan_cursor = i + 1;
                    }
                    Action::DeleteStep => {
                        plan.remove(i);
                        self.plan_cursor = i.min(plan.len().saturating_sub(1));
                    }
                    _ => return,
                }
                self.change(Change::Plan(plan));
            }
            Action::Edit if len > 0 => {
                let Some(p) = &self.profile else { return };
                let i = self.plan_cursor.min(len - 1);
                let step = &p.plan[i];
                let title = self.title_of(&step.role);
                self.popup = Some(Popup::Form(Form {
                    title: format!("Step {}: {title}", i + 1),
                    fields: vec![
                        field(
                            "Target date (YYYY-MM-DD)",
                            &step.target_date.map(|d| d.to_string()).unwrap_or_default(),
                            false,
                        ),
                        field("Note", &step.note, true),
                    ],
                    focus: 0,
                    purpose: FormPurpose::EditStep(i),
                    error: None,
                }));
            }
            _ => {}
        }
    }

    pub fn title_of(&self, role: &str) -> String {
        self.ladder.role_index(role).map_or_else(
            || format!("{} (not in this ladder)", text::one_line(role)),
            |r| text::one_line(&self.ladder.role(r).title),
        )
    }

    // ----- milestones -----

    /// The milestones the tab lists, in order: (level, index within the level).
    pub fn visible_milestones(&self) -> Vec<(usize, usize)> {
        let current_level = self
            .profile
            .as_ref()
            .and_then(|p| self.ladder.role_index(&p.current_role))
            .map(|r| self.ladder.role_level(r));
        let mut rows = Vec::new();
        for (level, def) in self.ladder.levels().iter().enumerate() {
            if self.milestone_filter
                && let Some(current) = current_level
                && level != current
                && level != current + 1
            {
                continue;
            }
            let mut order: Vec<usize> = (0..def.milestones.len()).collect();
            order.sort_by_key(|&i| def.milestones[i].stage);
            rows.extend(order.into_iter().map(|i| (level, i)));
        }
        rows
    }

    fn milestone_action(&mut self, action: Action) {
        let rows = self.visible_milestones();
        match action {
            Action::Up => self.milestone_cursor = self.milestone_cursor.saturating_sub(1),
            Action::Down => {
                self.milestone_cursor =
                    (self.milestone_cursor + 1).min(rows.len().saturating_sub(1))
            }
            Action::ToggleFilter => {
                self.milestone_filter = !self.milestone_filter;
                self.milestone_cursor = 0;
                self.say(if self.milestone_filter {
                    "showing your current and next level"
                } else {
                    "showing every level"
                });
            }
            Action::CycleStatus | Action::Edit => {
                let Some(&(level, i)) = rows.get(self.milestone_cursor) else {
                    return;
                };
                let Some(p) = &self.profile else { return };
                let id = self.ladder.levels()[level].milestones[i].id.clone();
                let existing = p.milestones.get(&id).cloned();
                if action == Action::Edit {
                    let title = text::one_line(&self.ladder.levels()[level].milestones[i].title);
                    let note = existing.as_ref().map_or(String::new(), |e| e.note.clone());
                    let due = existing
                        .as_ref()
                        .and_then(|e| e.due)
                        .map(|d| d.to_string())
                        .unwrap_or_default();
                    self.popup = Some(Popup::Form(Form {
                        title: format!("Evidence: {title}"),
                        fields: vec![
                            field("Evidence note", &note, true),
                            field("Due date (YYYY-MM-DD)", &due, false),
                        ],
                        focus: 0,
                        purpose: FormPurpose::EditMilestone(id),
                        error: None,
                    }));
                    return;
                }
                let status = match existing.as_ref().map_or(Status::Todo, |e| e.status) {
                    Status::Todo => Status::Doing,
                    Status::Doing => Status::Done,
                    Status::Done => Status::Todo,
                };
                let progress = MilestoneProgress {
                    status,
                    changed: Date::today(),
                    due: existing.as_ref().and_then(|e| e.due),
                    note: existing.map(|e| e.note).unwrap_or_default(),
                };
                self.change(Change::Milestone(id, Some(progress)));
            }
            _ => {}
        }
    }

    // ----- profile tab -----

    pub fn profile_rows(&self, section: usize) -> usize {
        self.profile.as_ref().map_or(0, |p| match section {
            0 => p.history.len(),
            1 => p.mentors.len(),
            2 => p.mentees.len(),
            _ => p.evidence.len(),
        })
    }

    fn profile_action(&mut self, action: Action) {
        match action {
            Action::Left => {
                self.profile_section =
                    (self.profile_section + PROFILE_SECTIONS.len() - 1) % PROFILE_SECTIONS.len();
                self.profile_cursor = 0;
            }
            Action::Right => {
                self.profile_section = (self.profile_section + 1) % PROFILE_SECTIONS.len();
                self.profile_cursor = 0;
            }
            Action::Up => self.profile_cursor = self.profile_cursor.saturating_sub(1),
            Action::Down => {
                let rows = self.profile_rows(self.profile_section);
                self.profile_cursor = (self.profile_cursor + 1).min(rows.saturating_sub(1));
            }
            Action::Add => {
                let (title, fields, purpose) = match self.profile_section {
                    0 => (
                        "Add a past role",
                        vec![
                            field("Role id or title", "", false),
                            field("From (YYYY-MM-DD, optional)", "", false),
                            field("To (YYYY-MM-DD, optional)", "", false),
                            field("Note", "", true),
                        ],
                        FormPurpose::AddHistory,
                    ),
                    1 => (
                        "Add a mentor",
                        vec![field("Name", "", false), field("Note", "", true)],
                        FormPurpose::AddMentor,
                    ),
                    2 => (
                        "Add a mentee",
                        vec![field("Name", "", false), field("Note", "", true)],
                        FormPurpose::AddMentee,
                    ),
                    _ => (
                        "Add evidence",
                        vec![field("What happened", "", true)],
                        FormPurpose::AddEvidence,
                    ),
                };
                self.popup = Some(Popup::Form(Form {
                    title: title.to_string(),
                    fields,
                    focus: 0,
                    purpose,
                    error: None,
                }));
            }
            _ => {}
        }
    }

    // ----- popups and forms -----

    fn popup_key(&mut self, popup: Popup, key: &KeyEvent) {
        match popup {
            Popup::Help | Popup::Diff => {
                let closes = matches!(
                    key.code,
                    KeyCode::Esc | KeyCode::Char('?') | KeyCode::Char('q') | KeyCode::Enter
                ) || (popup == Popup::Diff && key.code == KeyCode::Char('d'));
                if !closes {
                    self.popup = Some(popup);
                }
            }
            Popup::Form(mut form) => {
                let submit_all = key.code == KeyCode::Enter
                    && key.modifiers.contains(KeyModifiers::CONTROL)
                    || key.code == KeyCode::Char('s')
                        && key.modifiers.contains(KeyModifiers::CONTROL);
                match key.code {
                    KeyCode::Esc => self.say("nothing changed"),
                    KeyCode::Tab | KeyCode::Down
                        if !submit_all
                            && (key.code == KeyCode::Tab
                                || !form.fields[form.focus].input.multiline) =>
                    {
                        form.focus = (form.focus + 1) % form.fields.len();
                        self.popup = Some(Popup::Form(form));
                    }
                    KeyCode::BackTab | KeyCode::Up
                        if key.code == KeyCode::BackTab
                            || !form.fields[form.focus].input.multiline =>
                    {
                        form.focus = (form.focus + form.fields.len() - 1) % form.fields.len();
                        self.popup = Some(Popup::Form(form));
                    }
                    _ if submit_all => self.submit(form),
                    _ => {
                        let focus = form.focus;
                        if form.fields[focus].input.handle(key) == Edit::Submit {
                            // Enter on a one-line field goes to the next field, or saves on the last.
                            if focus + 1 < form.fields.len() {
                                form.focus += 1;
                            } else {
                                return self.submit(form);
                            }
                        }
                        self.popup = Some(Popup::Form(form));
                    }
                }
            }
        }
    }

    fn submit(&mut self, mut form: Form) {
        match self.change_from_form(&form) {
            Ok(Some(change)) => self.change(change),
            Ok(None) => {}
            Err(message) => {
                form.error = Some(message);
                self.popup = Some(Popup::Form(form));
            }
        }
    }

    fn change_from_form(&self, form: &Form) -> Result<Option<Change>, String> {
        let Some(p) = &self.profile else {
            return Ok(None);
        };
        let value = |i: usize| text::sanitize(form.fields[i].input.value().trim());
        let date = |i: usize| -> Result<Option<Date>, String> {
            let v = value(i);
            if v.is_empty() {
                Ok(None)
            } else {
                v.parse().map(Some).map_err(|e: DateError| e.to_string())
            }
        };
        Ok(Some(match &form.purpose {
            FormPurpose::EditStep(i) => {
                let mut plan = p.plan.clone();
                let Some(step) = plan.get_mut(*i) else {
                    return Ok(None);
                };
                step.target_date = date(0)?;
                step.note = value(1);
                Change::Plan(plan)
            }
            FormPurpose::EditMilestone(id) => {
                let existing = p.milestones.get(id);
                Change::Milestone(
                    id.clone(),
                    Some(MilestoneProgress {
                        status: existing.map_or(Status::Todo, |e| e.status),
                        changed: existing.map_or_else(Date::today, |e| e.changed),
                        due: date(1)?,
                        note: value(0),
                    }),
                )
            }
            FormPurpose::AddHistory => {
                let wanted = value(0);
                let role = self
                    .ladder
                    .role_index(&wanted)
                    .or_else(|| {
                        (0..self.ladder.roles().len())
                            .find(|&r| self.ladder.role(r).title.eq_ignore_ascii_case(&wanted))
                    })
                    .ok_or_else(|| {
                        let hint = text::did_you_mean(
                            &wanted,
                            self.ladder.roles().iter().map(|r| r.id.as_str()),
                        );
                        format!("unknown role \"{}\" — {hint}", text::one_line(&wanted))
                    })?;
                let mut history = p.history.clone();
                history.push(HeldRole {
                    role: self.ladder.role(role).id.clone(),
                    from: date(1)?,
                    to: date(2)?,
                    note: value(3),
                });
                history.sort_by_key(|h| h.from.or(h.to));
                Change::History(history)
            }
            FormPurpose::AddMentor | FormPurpose::AddMentee => {
                let name = text::one_line(&value(0));
                if name.is_empty() {
                    return Err("a name, please".to_string());
                }
                let person = Person {
                    name,
                    note: value(1),
                };
                if form.purpose == FormPurpose::AddMentor {
                    let mut people = p.mentors.clone();
                    people.push(person);
                    Change::Mentors(people)
                } else {
                    let mut people = p.mentees.clone();
                    people.push(person);
                    Change::Mentees(people)
                }
            }
            FormPurpose::AddEvidence => {
                let entry = value(0);
                if entry.is_empty() {
                    return Err("what happened? one sentence will do".to_string());
                }
                Change::AddEvidence(Evidence {
                    date: Date::today(),
                    text: entry,
                    milestone: None,
                    competency: None,
                })
            }
        }))
    }

    // ----- first run -----

    fn first_run_key(&mut self, key: &KeyEvent) {
        let Some(step) = self.first_run.take() else {
            return;
        };
        let direction = match key.code {
            KeyCode::Up | KeyCode::Char('k') => Some(Direction::Up),
            KeyCode::Down | KeyCode::Char('j') => Some(Direction::Down),
            KeyCode::Left | KeyCode::Char('h') => Some(Direction::Left),
            KeyCode::Right | KeyCode::Char('l') => Some(Direction::Right),
            _ => None,
        };
        self.first_run = Some(match step {
            FirstRun::Name {
                current,
                target,
                mut input,
                ..
            } => match key.code {
                KeyCode::Esc => FirstRun::PickTarget { current },
                _ => match input.handle(key) {
                    Edit::Submit => match self.create_profile(current, target, &input.value()) {
                        Ok(()) => return,
                        Err(message) => FirstRun::Name {
                            current,
                            target,
                            input,
                            error: Some(message),
                        },
                    },
                    _ => FirstRun::Name {
                        current,
                        target,
                        input,
                        error: None,
                    },
                },
            },
            step if direction.is_some() => {
                if let Some(d) = direction {
                    self.move_selection(d);
                }
                step
            }
            FirstRun::PickCurrent => match key.code {
                KeyCode::Enter => FirstRun::PickTarget {
                    current: self.selected,
                },
                KeyCode::Char('q') | KeyCode::Esc => {
                    self.quit = true;
                    FirstRun::PickCurrent
                }
                _ => FirstRun::PickCurrent,
            },
            FirstRun::PickTarget { current } => match key.code {
                KeyCode::Enter if self.selected != current => FirstRun::Name {
                    current,
                    target: Some(self.selected),
                    input: TextInput::new("", false),
                    error: None,
                },
                KeyCode::Char('s') => FirstRun::Name {
                    current,
                    target: None,
                    input: TextInput::new("", false),
                    error: None,
                },
                KeyCode::Esc => {
                    self.select(current);
                    FirstRun::PickCurrent
                }
                KeyCode::Char('q') => {
                    self.quit = true;
                    FirstRun::PickTarget { current }
                }
                _ => FirstRun::PickTarget { current },
            },
        });
    }

    fn create_profile(
        &mut self,
        current: RoleIdx,
        target: Option<RoleIdx>,
        name: &str,
    ) -> Result<(), String> {
        let id = crate::profile::profile_id(name.trim()).map_err(|e| e.to_string())?;
        let mut profile = Profile::new(
            id.clone(),
            text::one_line(name.trim()),
            self.ladder_ref.clone(),
            self.ladder.role(current).id.clone(),
        );
        profile.target_role = target.map(|t| self.ladder.role(t).id.clone());
        self.store.create(&profile).map_err(|e| e.to_string())?;
        self.take_session_lock(&id);
        self.profile = Some(profile);
        self.first_run = None;
        self.select(current);
        self.seen_modified = self.modified_on_disk();
        self.say(format!(
            "welcome — your plan is saved as {id}; press ? for every key"
        ));
        Ok(())
    }

    // ----- saving and undo -----

    /// Saves on a worker thread from now on, so the event loop never waits for the disk.
    pub fn save_in_background(&mut self) {
        let mut store = self.store.clone();
        store.lock_wait = crate::profile::LOCK_WAIT;
        self.saver = Saver::background(store);
    }

    /// Whether a save is under way or changes wait to be saved.
    pub fn saving(&self) -> bool {
        self.in_flight.is_some() || !self.pending.is_empty()
    }

    /// Applies a change in memory and saves it; a failed save keeps it in memory and retries
    /// with the next change.
    fn change(&mut self, change: Change) {
        let message = change.describe().to_string();
        self.change_saying(change, message);
    }

    /// Like [`App::change`], with the status line's words for when it is saved.
    fn change_saying(&mut self, change: Change, message: String) {
        if let Some(reason) = &self.read_only {
            let reason = reason.clone();
            return self.complain(format!("not changed: {reason}"));
        }
        let Some(p) = &mut self.profile else { return };
        self.undo.push(change.inverse(p));
        if self.undo.len() > 100 {
            self.undo.remove(0);
        }
        change.apply(p);
        self.saving_what = message;
        self.pending.push((self.next_change, change));
        self.next_change += 1;
        self.save();
    }

    /// Sends every pending change to the saver, unless a save is already under way (its
    /// outcome sends the rest).
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
        let changes = self.pending.iter().map(|(_, c)| c.clone()).collect();
        self.in_flight = Some(upto);
        if let Some(outcome) = self.saver.submit(Request { id, upto, changes }) {
            self.finish_save(outcome);
        }
    }

    fn finish_save(&mut self, outcome: Outcome) {
        self.in_flight = None;
        match outcome.result {
            Ok(mut saved) => {
                self.pending.retain(|(n, _)| *n > outcome.upto);
                // Changes made while this save was under way stay on top of what was saved.
                for (_, change) in &self.pending {
                    change.apply(&mut saved);
                }
                self.profile = Some(saved);
                self.seen_modified = self.modified_on_disk();
                if self.pending.is_empty() {
                    self.say(self.saving_what.clone());
                } else {
                    self.save();
                }
            }
            Err(e) => self.complain(format!("not saved (kept in memory): {e}")),
        }
    }

    /// Takes in the outcomes of saves that finished since the last call.
    pub fn poll_saves(&mut self) {
        while let Some(outcome) = self.saver.poll() {
            let worker_gone = outcome.upto == u64::MAX;
            self.finish_save(outcome);
            if worker_gone {
                // Keep working: save on this thread from now on.
                self.saver = Saver::Inline(self.store.clone());
                break;
            }
        }
    }

    /// Saves whatever is still pending before the planner closes; says why if it cannot.
    pub fn flush(&mut self) -> Result<(), String> {
        if self.in_flight.is_some()
            && let Some(outcome) = self.saver.wait()
        {
            self.finish_save(outcome);
        }
        if self.pending.is_empty() {
            return Ok(());
        }
        let mut store = self.store.clone();
        store.lock_wait = crate::profile::LOCK_WAIT;
        self.saver = Saver::Inline(store);
        self.in_flight = None;
        self.save();
        if self.pending.is_empty() {
            Ok(())
        } else {
            Err(self.status.as_ref().map_or_else(
                || "changes could not be saved".to_string(),
                |s| s.text.clone(),
            ))
        }
    }

    fn undo(&mut self) {
        if self.read_only.is_some() {
            return self.complain("read-only: nothing to undo");
        }
        let Some(inverse) = self.undo.pop() else {
            return self.say("nothing to undo");
        };
        let Some(p) = &mut self.profile else { return };
        inverse.apply(p);
        self.saving_what = String::from("undone");
        self.pending.push((self.next_change, inverse));
        self.next_change += 1;
        self.save();
    }

    fn modified_on_disk(&self) -> Option<SystemTime> {
        let id = &self.profile.as_ref()?.id;
        std::fs::metadata(self.store.path_of(id))
            .and_then(|m| m.modified())
            .ok()
    }

    /// Reloads the profile if another program changed its file and nothing here is unsaved.
    pub fn reload_if_changed(&mut self) {
        if self.saving() {
            return;
        }
        let modified = self.modified_on_disk();
        if modified.is_none() || modified == self.seen_modified {
            return;
        }
        let Some(id) = self.profile.as_ref().map(|p| p.id.clone()) else {
            return;
        };
        match self.store.load(&id) {
            Ok(profile) => {
                self.profile = Some(profile);
                self.seen_modified = modified;
                self.say("reloaded: the file changed on disk");
            }
            Err(e) => {
                self.seen_modified = modified;
                self.complain(format!("the file changed and cannot be read: {e}"));
            }
        }
    }
}

fn field(label: &'static str, value: &str, multiline: bool) -> Field {
    Field {
        label,
        input: TextInput::new(value, multiline),
    }
}
