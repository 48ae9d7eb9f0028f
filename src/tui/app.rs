//! The planner as a whole: the tab list, the shared context, the popup or first-run screen on
//! top, and the routing of events to whichever of them has the focus. What each tab does lives
//! in its own module; this one only lays out the screen and passes events along.

use std::path::PathBuf;
use std::time::Instant;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Tabs, Widget, Wrap};

use super::context::Ctx;
use super::first_run::{FirstRun, Progress};
use super::key_list;
use super::keymap::{self, Global, KeySection, Keymap};
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH, Screen};
use super::popups::{self, Popup, Stay, help};
use super::tab::{Outcome, Tab};
use super::tabs;
use super::theme::Theme;
use super::widgets::line;
use super::widgets::pager::Pager;
use crate::config::Config;
use crate::date::Clock;
use crate::error::Failure;
use crate::ladder::{self, Ladder};
use crate::live::ProfileSync;
use crate::profile::{Generation, Profile, ProfileError, Store, drafts};
use crate::text;

/// How the planner was asked to start.
#[derive(Debug, Clone)]
pub struct Options {
    pub data_dir: PathBuf,
    pub profile: Option<String>,
    pub ladder: Option<String>,
    pub color: bool,
    /// Key overrides and colours (the defaults when there is no config).
    pub config: Config,
    /// Where the config came from, for warnings about it.
    pub config_origin: String,
    /// What was wrong with the config, to say on screen too.
    pub config_warnings: Vec<String>,
    pub clock: Clock,
    /// Start in share-safe mode: no private notes on screen.
    pub share_safe: bool,
}

impl Options {
    /// Planner options for `data_dir` with everything else at its default.
    pub fn new(data_dir: PathBuf) -> Options {
        Options {
            data_dir,
            profile: None,
            ladder: None,
            color: true,
            config: Config::default(),
            config_origin: "config".to_string(),
            config_warnings: Vec::new(),
            clock: Clock::default(),
            share_safe: false,
        }
    }
}

pub struct App {
    ctx: Ctx,
    tabs: Vec<Box<dyn Tab>>,
    active: usize,
    popup: Option<Popup>,
    first_run: Option<FirstRun>,
    quit: bool,
}

impl App {
    /// Opens the profile `--profile` names, else the one chosen with `rungs use`, else the only
    /// one ([`Store::resolve`]), or the first-run screen when there is none.
    /// Everything that can fail on bad files fails here, before the terminal changes.
    pub fn open(options: Options) -> Result<App, Failure> {
        let store = Store::new(&options.data_dir);
        // Several profiles and none chosen is a manager with a team: the planner opens the
        // config's `me`, or else the roster with nobody open. Nothing is written as a choice.
        let mut team_only = false;
        let chosen = match store.resolve(options.profile.as_deref()) {
            Ok(id) => Some(id),
            Err(ProfileError::NoProfiles) => None,
            Err(ProfileError::NoneChosen { .. }) => {
                let me = store.me(options.config.me.as_deref()).ok().flatten();
                team_only = me.is_none();
                me
            }
            Err(e) => return Err(e.into()),
        };
        let loaded = chosen.map(|id| store.load_or_peek(&id)).transpose()?;
        let written_elsewhere = loaded.as_ref().is_some_and(|(_, peeked)| *peeked);
        let profile = loaded.map(|(loaded, _)| loaded);
        let (ladder, source) = match &profile {
            // A profile's own ladder: a relative path is taken from the profiles folder.
            Some((p, _)) if options.ladder.is_none() => {
                ladder::resolve_for_profile(&p.ladder, store.dir(), Some(&options.data_dir))?
            }
            _ => ladder::resolve(options.ladder.as_deref(), Some(&options.data_dir))?,
        };
        let reference = source.profile_reference(&ladder);
        let mut app = App::build(ladder, reference, store, profile, options.color);
        if written_elsewhere {
            app.ctx.sync.read_only_for_now(
                "another rungs is writing this profile — read-only until it is done",
            );
        }
        app.offer_draft();
        app.ctx.clock = options.clock;
        if team_only {
            app.first_run = None;
            if let Some(coaching) = app.tabs.iter().position(|t| t.digit() == '4') {
                app.show_tab(coaching);
            }
            app.ctx
                .say("several profiles and none chosen: ⏎ on a person opens their profile");
        }
        app.ctx.share_safe = options.share_safe;
        let mut warnings = options.config_warnings;
        warnings.extend(app.configure(&options.config, &options.config_origin));
        if let Some(first) = warnings.first() {
            let more = match warnings.len() {
                1 => String::new(),
                n => format!(" (and {} more; run `rungs config path`)", n - 1),
            };
            app.ctx.complain(format!("{first}{more}"));
        }
        Ok(app)
    }

    /// Applies a config's key overrides and colours; returns warnings about names it does not
    /// know (each at its place in `origin`).
    pub fn configure(&mut self, config: &Config, origin: &str) -> Vec<String> {
        self.ctx.keymap = Keymap::from_config(config);
        self.ctx.theme.palette = config.colors;
        let mut warnings = key_list::config_warnings(config, origin);
        let me = self.ctx.sync.store().me(config.me.as_deref());
        self.ctx.me = me.unwrap_or_else(|why| {
            warnings.push(format!("{origin}: {why}"));
            None
        });
        warnings
    }

    /// An app over a loaded ladder and profile (or the first-run screen when `None`), saving
    /// inline: for tests and benchmarks.
    pub fn new(ladder: Ladder, store: Store, profile: Option<Profile>, color: bool) -> App {
        let profile = profile.map(|p| {
            let generation = store.generation(&p.id);
            (p, generation)
        });
        let reference = ladder.id().to_string();
        App::build(ladder, reference, store, profile, color)
    }

    fn build(
        ladder: Ladder,
        reference: String,
        mut store: Store,
        profile: Option<(Profile, Generation)>,
        color: bool,
    ) -> App {
        // Saving inline must not freeze the screen behind another writer: wait briefly, and if
        // the lock is still held keep the change and save it later.
        store.on_wait = None;
        store.lock_wait = std::time::Duration::from_millis(300);
        let first = profile.is_none();
        let sync = ProfileSync::new(store, profile);
        let ctx = Ctx::new(ladder, reference, sync, Theme::new(color));
        let mut app = App {
            ctx,
            tabs: tabs::all(),
            active: 0,
            popup: None,
            first_run: None,
            quit: false,
        };
        app.refresh_tabs();
        if first {
            app.first_run = Some(FirstRun::new(&app.ctx));
        }
        app
    }

    /// Takes "today" from `clock` from now on (tests pin a day).
    pub fn set_clock(&mut self, clock: Clock) {
        self.ctx.clock = clock;
        self.refresh_tabs();
    }

    /// Puts `text` on the status line.
    pub fn say(&mut self, text: &str) {
        self.ctx.say(text);
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    pub fn size(&self) -> (u16, u16) {
        (self.ctx.screen.width, self.ctx.screen.height)
    }

    /// The open profile's link to the disk: why it is read-only, whether saves are pending,
    /// and the last save before the planner closes.
    pub fn sync(&mut self) -> &mut ProfileSync {
        &mut self.ctx.sync
    }

    /// Saves (and reads the roster) on worker threads from now on, so the event loop never
    /// waits for the disk.
    pub fn save_in_background(&mut self) {
        self.ctx.sync.save_in_background();
        self.ctx.read_roster_in_background();
    }

    /// Whether share-safe mode is on (private notes hidden everywhere).
    pub fn share_safe(&self) -> bool {
        self.ctx.share_safe
    }

    /// Makes tab `index` the one in view, telling the one leaving and the one coming.
    fn show_tab(&mut self, index: usize) {
        if index == self.active || index >= self.tabs.len() {
            return;
        }
        self.tabs[self.active].leave(&mut self.ctx);
        self.active = index;
        self.tabs[self.active].enter(&mut self.ctx);
        self.refresh_tabs();
    }

    /// Ends the planner as `q` would, on SIGTERM or SIGHUP: what is being typed in the tab in
    /// view becomes a change first, so the save before the planner closes takes it.
    /// A form being filled in is saved as on Ctrl-S; one that cannot be saved half-filled is
    /// kept as a draft (see [`crate::profile::drafts`]) and offered back next time.
    pub fn quit_on_signal(&mut self) {
        if self.quit {
            return;
        }
        if let Some(Popup::Form(form)) = &mut self.popup {
            if form.save(&mut self.ctx) == Stay::Closed {
                self.popup = None;
            } else if let Some(p) = self.ctx.profile() {
                match drafts::keep(self.ctx.sync.store().data_dir(), &p.id, &form.draft()) {
                    Ok(path) => {
                        tracing::info!(path = %path.display(), "a half-filled form was kept as a draft")
                    }
                    Err(e) => tracing::warn!(error = %e, "a half-filled form could not be kept"),
                }
            }
        }
        self.quit();
    }

    /// Shows the draft of a form left half-filled when the planner was last closed, if any.
    fn offer_draft(&mut self) {
        let data_dir = self.ctx.sync.store().data_dir();
        let Some(draft) = self
            .ctx
            .profile()
            .and_then(|p| drafts::take(data_dir, &p.id))
        else {
            return;
        };
        let mut lines = vec![line(
            "The planner was closed while this form was half filled in; here is what you typed, to do again:",
            self.ctx.theme.muted(),
        )];
        for (label, value) in &draft.fields {
            lines.push(Line::default());
            lines.push(line(label, self.ctx.theme.heading()));
            lines.extend(
                value
                    .lines()
                    .map(|text| line(&format!("  {text}"), Style::default())),
            );
        }
        self.popup = Some(Popup::Read(Pager::new(
            format!("Draft: {}", crate::text::one_line(&draft.title)),
            lines,
            72,
        )));
    }

    /// Ends the planner after the tab in view has turned anything typed into a change.
    fn quit(&mut self) {
        self.tabs[self.active].leave(&mut self.ctx);
        self.quit = true;
    }

    /// Called on every turn of the event loop: takes in finished disk work and looks for changes
    /// other programs made, whatever the keyboard and mouse are doing.
    pub fn tick(&mut self) {
        self.ctx.sync.tick(Instant::now());
        self.after_disk();
    }

    /// Looks at once whether the file changed on disk (tests; the event loop uses `tick`).
    pub fn check_disk(&mut self) {
        self.ctx.sync.check_now();
        self.after_disk();
    }

    fn after_disk(&mut self) {
        let heard = self.ctx.hear_from_disk();
        if self.ctx.take_switched() {
            // Another person (and maybe another ladder): the other tabs start afresh; the one
            // in view keeps its place.
            let mut fresh = tabs::all();
            std::mem::swap(&mut fresh[self.active], &mut self.tabs[self.active]);
            self.tabs = fresh;
            self.refresh_tabs();
            if let Outcome::Open(popup) = self.tabs[self.active].opened(&mut self.ctx) {
                self.popup = Some(popup);
            }
            self.ctx.hear_from_disk();
            self.refresh_tabs();
        } else if heard {
            self.refresh_tabs();
        }
    }

    fn screen(&self) -> Option<Screen> {
        let labels: Vec<(char, &str)> = self.tabs.iter().map(|t| (t.digit(), t.name())).collect();
        layout::screen(
            self.ctx.screen,
            &labels,
            self.ctx.sync.read_only().is_some(),
        )
    }

    fn refresh_tabs(&mut self) {
        self.ctx.body = self.screen().map_or(Rect::default(), |s| s.body);
        for tab in &mut self.tabs {
            tab.refresh(&self.ctx);
        }
        if let Some(first) = &mut self.first_run {
            first.refresh(&self.ctx);
        }
    }

    /// The keys of what has the focus now (a popup, the first run or the tab's pane): what the
    /// footer offers first, the rest being behind the help key.
    pub fn focused_keys(&self) -> KeySection {
        let keymap = &self.ctx.keymap;
        match (&self.popup, &self.first_run) {
            (Some(popup), _) => popup.keys(keymap),
            (None, Some(first)) => first.keys(keymap),
            (None, None) => self.tabs[self.active].keys(keymap),
        }
    }

    /// Every key of every screen, as the help overlay lists them (the keys in force).
    pub fn key_sections(&self) -> Vec<KeySection> {
        key_list::key_sections(&self.ctx.keymap, &self.tabs)
    }

    pub fn handle(&mut self, event: &Event) {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.key(key),
            Event::Paste(text) => self.paste(text),
            Event::Mouse(mouse) => self.mouse(mouse),
            Event::Resize(w, h) => {
                self.ctx.screen = Rect::new(0, 0, *w, *h);
                self.refresh_tabs();
            }
            _ => {}
        }
        self.after_disk();
    }

    fn key(&mut self, key: &KeyEvent) {
        if key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL) {
            self.quit();
            return;
        }
        match (&mut self.popup, &mut self.first_run) {
            (Some(popup), _) => {
                if popup.key(&mut self.ctx, key) == Stay::Closed {
                    self.popup = None;
                    self.refresh_tabs();
                }
            }
            (None, Some(first)) => match first.key(&mut self.ctx, key) {
                Progress::Stay => {}
                Progress::Quit => self.quit = true,
                Progress::Done => {
                    self.first_run = None;
                    self.refresh_tabs();
                }
            },
            (None, None) => match self.tabs[self.active].key(&mut self.ctx, key) {
                Outcome::Handled => {}
                Outcome::Open(popup) => self.popup = Some(popup),
                Outcome::Ignored => self.global_key(key),
            },
        }
    }

    fn global_key(&mut self, key: &KeyEvent) {
        if let KeyCode::Char(c) = key.code
            && key.modifiers.difference(KeyModifiers::SHIFT).is_empty()
            && let Some(i) = self.tabs.iter().position(|t| t.digit() == c)
        {
            self.show_tab(i);
            return;
        }
        let Some(action) = self.ctx.keymap.action("global", keymap::GLOBAL, key) else {
            return;
        };
        let count = self.tabs.len();
        match action {
            Global::Quit => self.quit(),
            Global::Help => {
                self.popup = Some(Popup::Read(help::pager(
                    &self.key_sections(),
                    self.ctx.theme,
                )));
            }
            Global::NextTab => self.show_tab((self.active + 1) % count),
            Global::PrevTab => self.show_tab((self.active + count - 1) % count),
            Global::Undo => {
                self.ctx.undo();
                self.refresh_tabs();
            }
            Global::ShareSafe => {
                self.ctx.share_safe = !self.ctx.share_safe;
                self.refresh_tabs();
                self.ctx.say(if self.ctx.share_safe {
                    "share-safe: private notes and other people are hidden until s again"
                } else {
                    "share-safe off: private notes and the team show again"
                });
            }
            Global::Export => {
                if self.ctx.profile().is_some() {
                    let open = self.tabs.iter().find_map(|t| t.open_session());
                    self.popup = Some(Popup::Export(popups::export::ExportMenu::new(open)));
                } else {
                    self.ctx.complain("no profile to export yet");
                }
            }
        }
    }

    fn paste(&mut self, text: &str) {
        match (&mut self.popup, &mut self.first_run) {
            (Some(popup), _) => popup.paste(text),
            (None, Some(first)) => first.paste(text),
            (None, None) => _ = self.tabs[self.active].paste(&mut self.ctx, text),
        }
    }

    fn mouse(&mut self, mouse: &MouseEvent) {
        let at = (mouse.column, mouse.row).into();
        let on_tab = (mouse.kind == MouseEventKind::Down(MouseButton::Left))
            .then(|| self.screen()?.tabs.iter().position(|r| r.contains(at)))
            .flatten();
        match (&mut self.popup, &mut self.first_run, on_tab) {
            (Some(popup), _, _) => popup.mouse(&mut self.ctx, mouse),
            (None, Some(first), _) => first.mouse(&mut self.ctx, mouse),
            (None, None, Some(i)) => self.show_tab(i),
            (None, None, None) => _ = self.tabs[self.active].mouse(&mut self.ctx, mouse),
        }
    }

    pub fn draw(&self, frame: &mut Frame) {
        self.render(frame.area(), frame.buffer_mut());
    }

    /// Draws the whole screen into `buf`; used by the terminal, tests and benchmarks alike.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        let theme = self.ctx.theme;
        let Some(screen) = self.screen() else {
            let message = format!(
                "terminal too small (need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{})",
                area.width, area.height
            );
            Paragraph::new(line(&message, theme.warning()))
                .wrap(Wrap { trim: true })
                .render(area, buf);
            return;
        };
        self.draw_header(buf, &screen);
        if let (Some(banner), Some(reason)) = (screen.banner, self.ctx.sync.read_only()) {
            line(
                &format!(" READ-ONLY · {reason}"),
                theme.warning().add_modifier(Modifier::REVERSED),
            )
            .render(banner, buf);
        }
        match &self.first_run {
            Some(first) => first.draw(&self.ctx, buf),
            None => self.tabs[self.active].draw(&self.ctx, buf),
        }
        self.draw_status_and_footer(buf, &screen);
        if let Some(popup) = &self.popup {
            popup.draw(&self.ctx, buf);
        }
    }

    fn draw_header(&self, buf: &mut Buffer, screen: &Screen) {
        let ctx = &self.ctx;
        let name = match (ctx.profile(), &self.first_run) {
            (Some(p), _) => p.name.as_str(),
            (None, Some(_)) => "new profile",
            // A team opened with nobody chosen: the roster opens someone.
            (None, None) => "nobody open",
        };
        let mut header = format!(" rungs · {name} · {}", ctx.ladder.name());
        if let Some(p) = ctx.profile() {
            header.push_str(&format!(
                "   now ● {}",
                ctx.ladder.title_of(&p.current_role)
            ));
            if let Some(t) = &p.target_role {
                header.push_str(&format!("   target ★ {}", ctx.ladder.title_of(t)));
            }
        }
        // Share-safe shows as a badge at the right, a column clear of the title.
        let badge = line(
            " SHARE-SAFE ",
            ctx.theme.warning().add_modifier(Modifier::REVERSED),
        );
        let badge_width = if ctx.share_safe { badge.width() + 1 } else { 0 };
        let [title, right] = screen.header.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(text::cells(badge_width)),
        ]));
        let header = text::truncate(&header, usize::from(title.width));
        line(&header, ctx.theme.heading()).render(title, buf);
        if ctx.share_safe {
            badge.right_aligned().render(right, buf);
        }
        if self.first_run.is_some() {
            return;
        }
        // Laid out as layout::screen measures the labels, so a click lands on the tab drawn.
        let titles = self.tabs.iter().enumerate().map(|(i, tab)| {
            line(
                &layout::tab_label(tab.digit(), tab.name(), i == self.active),
                Style::default(),
            )
        });
        Tabs::new(titles)
            .select(self.active)
            .divider(" ")
            .padding("", "")
            .highlight_style(ctx.theme.heading().add_modifier(Modifier::REVERSED))
            .render(screen.tab_bar, buf);
    }

    fn draw_status_and_footer(&self, buf: &mut Buffer, screen: &Screen) {
        let theme = self.ctx.theme;
        if let Some(status) = &self.ctx.status {
            let style = if status.is_error {
                theme.error()
            } else {
                theme.muted()
            };
            line(&format!(" {}", status.text), style).render(screen.status, buf);
        }
        let local = self.focused_keys().rows;
        // While a field is typed into, the keys that work everywhere are letters typed.
        let on_a_tab = self.popup.is_none() && self.first_run.is_none();
        let global = if on_a_tab && !self.tabs[self.active].typing() {
            self.ctx.keymap.section("", "global", keymap::GLOBAL).rows
        } else {
            Vec::new()
        };
        // Share-safe earns its room where private notes can show, and while it is on; on other
        // tabs the room goes to their own keys (help lists it everywhere).
        let offer_share_safe = self.ctx.share_safe
            || self.first_run.is_none() && self.tabs[self.active].shows_private_notes();
        let help = global.iter().find(|r| r.name == "global.help");
        let own: Vec<String> = local.iter().filter_map(|r| r.footer.clone()).collect();
        let everywhere: Vec<String> = global
            .iter()
            .filter(|r| r.name != "global.help")
            .filter(|r| offer_share_safe || r.name != "global.share-safe")
            .filter_map(|r| r.footer.clone())
            .collect();
        // Keys with no hint of their own are behind the help key (`? more`), as any left out.
        let unlisted =
            own.len() + everywhere.len() + usize::from(help.is_some()) < local.len() + global.len();
        let help = help.and_then(|r| r.keys.split(' ').next());
        let width = usize::from(screen.footer.width);
        let footer = keymap::footer(&own, &everywhere, help, unlisted, width);
        line(&footer, theme.muted()).render(screen.footer, buf);
    }
}
