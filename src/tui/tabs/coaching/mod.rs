//! Tab 4, Coaching: the manager's side. The roster of every profile (who to see, who is behind),
//! the open profile's sessions, and a session itself: the agenda built for it, shared and
//! private notes, action items and competencies. Three panes, each in a module of its own:
//! `roster`, `sessions` and `session`; this one lays them out and passes keys to the one in
//! focus.

mod roster;
mod search;
mod session;
mod sessions;
mod team;
mod went;

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyEvent, MouseEvent};
use ratatui::layout::{Constraint, Layout, Rect};

use crate::tui::context::Ctx;
use crate::tui::keymap::{KeySection, Keymap};
use crate::tui::tab::{Outcome, Tab};
use crate::tui::widgets::list;

use roster::RosterPane;
use session::SessionView;
use sessions::SessionsPane;
use went::{Focus, Went};

/// At least this wide, the roster stays on the left while the sessions show on the right.
const SIDE_BY_SIDE: u16 = 110;

#[derive(Default)]
pub struct CoachingTab {
    focus: Focus,
    roster: RosterPane,
    sessions: SessionsPane,
    session: Option<SessionView>,
    /// The profile the panes were last showing, to notice a switch.
    showing: Option<String>,
    /// The person whose 1:1 opens once their profile is open (`n` in the roster).
    start_for: Option<String>,
    /// The Team view (`b` from the roster), over the panes while open; closed by share-safe.
    team: Option<team::TeamView>,
    share_safe: bool,
}

impl CoachingTab {
    /// Where the panes go in the body: the roster (if it shows) and the pane beside or instead
    /// of it.
    fn panes(&self, ctx: &Ctx) -> (Option<Rect>, Option<Rect>) {
        let body = ctx.body;
        if ctx.profile().is_none() {
            return (Some(body), None);
        }
        match self.focus {
            Focus::Session => (None, Some(body)),
            _ if body.width >= SIDE_BY_SIDE => {
                // The roster has the more columns; the sessions wrap in what is left.
                let [left, right] = body.layout(&Layout::horizontal([
                    Constraint::Fill(3),
                    Constraint::Fill(2),
                ]));
                (Some(left), Some(right))
            }
            Focus::Roster => (Some(body), None),
            Focus::Sessions => (None, Some(body)),
        }
    }

    /// The Team view's keys, and `b` on the roster that opens it (not under share-safe).
    fn team_key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Option<Outcome> {
        if let Some(view) = &mut self.team {
            let went = view.key(ctx, key);
            if let Went::To(_) = went {
                self.team = None;
            }
            return Some(self.went(ctx, went));
        }
        if self.focus != Focus::Roster || self.roster.typing() || !team::opens(&ctx.keymap, key) {
            return None;
        }
        if ctx.share_safe {
            ctx.say("the team view is hidden under share-safe (it shows other people)");
        } else {
            self.team = Some(team::TeamView::load(ctx));
        }
        Some(Outcome::Handled)
    }

    fn went(&mut self, ctx: &mut Ctx, went: Went) -> Outcome {
        match went {
            Went::Ignored => Outcome::Ignored,
            Went::Handled => Outcome::Handled,
            Went::Popup(popup) => Outcome::Open(popup),
            Went::To(focus) => {
                if focus != Focus::Session
                    && let Some(view) = &mut self.session
                {
                    view.leave(ctx);
                }
                if focus == Focus::Sessions {
                    self.session = None;
                }
                self.focus = focus;
                Outcome::Handled
            }
            Went::Session(id) => {
                let mut view = SessionView::default();
                view.id = id;
                self.session = Some(view);
                self.focus = Focus::Session;
                Outcome::Handled
            }
            Went::StartFor(id) => {
                // Already open and shown: at once. Otherwise (even if the open finished within
                // this key) once the app has taken in the switch, which resets the panes.
                if self.showing.as_deref() == Some(id.as_str())
                    && ctx.profile().is_some_and(|p| p.id == id)
                {
                    let went = sessions::start_or_open(ctx);
                    self.went(ctx, went)
                } else {
                    self.start_for = Some(id);
                    self.focus = Focus::Sessions;
                    Outcome::Handled
                }
            }
        }
    }
}

impl Tab for CoachingTab {
    fn name(&self) -> &'static str {
        "Coaching"
    }

    fn digit(&self) -> char {
        '4'
    }

    fn shows_private_notes(&self) -> bool {
        true
    }

    fn typing(&self) -> bool {
        match self.focus {
            Focus::Roster => self.roster.typing(),
            Focus::Session => self.session.as_ref().is_some_and(SessionView::typing),
            _ => false,
        }
    }

    fn open_session(&self) -> Option<&str> {
        let view = self.session.as_ref()?;
        (self.focus == Focus::Session).then_some(&view.id)
    }

    fn keys(&self, keymap: &Keymap) -> KeySection {
        if self.team.is_some() {
            return team::keys(keymap);
        }
        match (self.focus, &self.session) {
            // A filter being typed takes `b` as a letter.
            (Focus::Roster, _) if self.roster.typing() => self.roster.keys(keymap),
            (Focus::Roster, _) => self
                .roster
                .keys(keymap)
                .then(team::open_keys(keymap, self.share_safe)),
            (Focus::Session, Some(view)) => view.keys(keymap),
            _ => sessions::keys(keymap),
        }
    }

    fn help(&self, keymap: &Keymap) -> Vec<KeySection> {
        let mut sections = Vec::from(self.roster.help(keymap));
        // The key that opens the team view, then the view's own.
        sections.push(team::open_keys(keymap, self.share_safe).then(team::keys(keymap)));
        sections.push(sessions::keys(keymap));
        sections.extend(session::help(keymap));
        sections
    }

    fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Outcome {
        if let Some(outcome) = self.team_key(ctx, key) {
            return outcome;
        }
        let went = match self.focus {
            Focus::Roster => self.roster.key(ctx, key),
            Focus::Sessions => self.sessions.key(ctx, key),
            Focus::Session => match &mut self.session {
                Some(view) => view.key(ctx, key),
                None => Went::To(Focus::Sessions),
            },
        };
        self.went(ctx, went)
    }

    fn paste(&mut self, ctx: &mut Ctx, pasted: &str) -> Outcome {
        let went = match (self.focus, &mut self.session) {
            (Focus::Roster, _) => self.roster.paste(pasted),
            (Focus::Session, Some(view)) => view.paste(pasted),
            _ => Went::Ignored,
        };
        self.went(ctx, went)
    }

    /// The wheel moves the cursor (or scrolls) where the keys go, as ↑↓ do.
    fn mouse(&mut self, ctx: &mut Ctx, mouse: &MouseEvent) -> Outcome {
        let Some(step) = list::wheel(mouse) else {
            return Outcome::Ignored;
        };
        match (&mut self.team, self.focus, &mut self.session) {
            (Some(view), _, _) => view.step(ctx, step),
            (None, Focus::Roster, _) => self.roster.step(ctx, step, 1),
            (None, Focus::Session, Some(view)) => view.wheel(ctx, step),
            _ => self.sessions.step(ctx, step, 1),
        }
        Outcome::Handled
    }

    fn draw(&self, ctx: &Ctx, buf: &mut Buffer) {
        if let Some(view) = &self.team {
            return view.draw(ctx, buf, ctx.body);
        }
        let (roster, main) = self.panes(ctx);
        if let Some(area) = roster {
            self.roster
                .draw(ctx, buf, area, self.focus == Focus::Roster);
        }
        if let Some(area) = main {
            match (&self.session, self.focus) {
                (Some(view), Focus::Session) => view.draw(ctx, buf, area),
                _ => self
                    .sessions
                    .draw(ctx, buf, area, self.focus == Focus::Sessions),
            }
        }
    }

    fn refresh(&mut self, ctx: &Ctx) {
        self.share_safe = ctx.share_safe;
        if ctx.share_safe {
            self.team = None;
        }
        let open = ctx.profile().map(|p| p.id.clone());
        if open != self.showing {
            // Another person: their sessions, from the top.
            self.showing = open;
            self.session = None;
            self.sessions = SessionsPane::default();
            if self.focus == Focus::Session {
                self.focus = Focus::Sessions;
            }
        }
        if ctx.profile().is_none() {
            self.focus = Focus::Roster;
        }
        // The open asked for did not happen (refused, or not saved): nothing starts later.
        if !ctx.sync.is_opening() && ctx.profile().map(|p| &p.id) != self.start_for.as_ref() {
            self.start_for = None;
        }
        self.roster.refresh(ctx);
        self.sessions.refresh(ctx);
        if let Some(view) = &mut self.session
            && !view.refresh(ctx)
        {
            // The session went (undone, or removed by another program).
            self.session = None;
            self.focus = Focus::Sessions;
        }
    }

    fn opened(&mut self, ctx: &mut Ctx) -> Outcome {
        match self.start_for.take() {
            Some(id) if ctx.profile().is_some_and(|p| p.id == id) => {
                let went = sessions::start_or_open(ctx);
                self.went(ctx, went)
            }
            _ => Outcome::Ignored,
        }
    }

    fn enter(&mut self, ctx: &mut Ctx) {
        ctx.request_roster();
        self.refresh(ctx);
    }

    fn leave(&mut self, ctx: &mut Ctx) {
        self.roster.leave();
        if let Some(view) = &mut self.session {
            view.leave(ctx);
        }
    }
}
