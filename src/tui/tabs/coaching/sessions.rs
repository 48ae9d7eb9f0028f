//! The sessions pane: the open profile's 1:1s, newest first, with what the next one would
//! start with. `n` starts a session (its agenda built for you), Enter opens one.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{ListItem, Paragraph, Widget, Wrap};

use super::went::{Focus, Went};
use crate::profile::rules::{self, SessionStart};
use crate::profile::{Rater, agenda, recall};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::popups::coaching as forms;
use crate::tui::widgets::list::{self, Step};
use crate::tui::widgets::when;
use crate::tui::widgets::{framed, line, pane};

#[derive(Debug, Default)]
pub struct SessionsPane {
    cursor: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Open,
    New,
    Another,
    Topic,
    Agree,
    Roster,
}

use Key::{Char as C, Code};

const KEYS: &[Binding<Action>] = &[
    bind(
        "open",
        &[Code(KeyCode::Enter)],
        Action::Open,
        "open the session: agenda, notes, action items",
        Footer::Word("open"),
    ),
    bind(
        "new",
        &[C('n')],
        Action::New,
        "today's 1:1: opens it, or starts it with its agenda",
        Footer::Word("new 1:1"),
    ),
    bind(
        "another",
        &[C('N')],
        Action::Another,
        "a second 1:1 today: asks first",
        Footer::Hidden,
    ),
    bind(
        "topic",
        &[C('p')],
        Action::Topic,
        "a topic for the next 1:1 (theirs come first)",
        Footer::Word("topic"),
    ),
    bind(
        "add-action",
        &[C('a')],
        Action::Agree,
        "an action item, between sessions",
        Footer::Word("action"),
    ),
    bind(
        "roster",
        &[Code(KeyCode::Left), C('h')],
        Action::Roster,
        "the roster: open another person",
        Footer::Group("←", "roster"),
    ),
];

const SCOPE: &str = "coaching-sessions";

pub fn keys(keymap: &Keymap) -> KeySection {
    list::keys(keymap, "Coaching: sessions", SCOPE, KEYS)
}

/// Today's 1:1 with the open person: opened if there is one (a second the same day only by the
/// explicit choice `N` asks for), else started with its agenda built.
pub fn start_or_open(ctx: &mut Ctx) -> Went {
    let today = ctx.today();
    let Some(p) = ctx.profile() else {
        return Went::Handled;
    };
    if let Some(s) = p.session_on(today) {
        let id = s.id.clone();
        ctx.say(format!(
            "today's 1:1 with {} opened — N in the sessions list starts a second one",
            text::one_line(&p.name)
        ));
        return Went::Session(id);
    }
    let (change, id) = rules::start_session(p, &ctx.ladder, today, SessionStart::default());
    ctx.change(Some(change));
    ctx.profile()
        .filter(|p| p.sessions.iter().any(|s| s.id == id))
        .map_or(Went::Handled, |_| Went::Session(id))
}

impl SessionsPane {
    pub fn key(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Went {
        if let Some(step) = ctx.keymap.action(SCOPE, list::CURSOR_KEYS, key) {
            self.step(ctx, step, list::page(ctx.body));
            return Went::Handled;
        }
        let Some(action) = ctx.keymap.action(SCOPE, KEYS, key) else {
            return Went::Ignored;
        };
        if ctx.sync.is_opening() && action != Action::Roster {
            ctx.say("opening another profile — a moment");
            return Went::Handled;
        }
        match action {
            Action::Open => {
                let id = ctx
                    .profile()
                    .and_then(|p| Some(recall::newest_first(p).get(self.cursor)?.id.clone()));
                if let Some(id) = id {
                    return Went::Session(id);
                }
            }
            Action::New => return start_or_open(ctx),
            Action::Another => {
                if let Some(p) = ctx.profile() {
                    return Went::Popup(forms::another_session(&p.name, ctx.today()));
                }
            }
            Action::Topic => return Went::Popup(forms::new_topic()),
            Action::Agree => {
                let name = ctx.profile().map(|p| p.name.clone()).unwrap_or_default();
                return Went::Popup(forms::action_item(None, None, &name));
            }
            Action::Roster => return Went::To(Focus::Roster),
        }
        Went::Handled
    }

    /// Moves the cursor `step`, `page` sessions a page.
    pub fn step(&mut self, ctx: &Ctx, step: Step, page: usize) {
        let count = ctx.profile().map_or(0, |p| p.sessions.len());
        self.cursor = list::step(self.cursor, count, step, page);
    }

    pub fn refresh(&mut self, ctx: &Ctx) {
        let count = ctx.profile().map_or(0, |p| p.sessions.len());
        self.cursor = self.cursor.min(count.saturating_sub(1));
    }

    pub fn draw(&self, ctx: &Ctx, buf: &mut Buffer, area: Rect, focused: bool) {
        let theme = ctx.theme;
        let style = when(focused, theme.heading());
        let Some(p) = ctx.profile() else {
            pane("Sessions", style).render(area, buf);
            return;
        };
        let mut title = format!("Sessions · {}", p.name);
        if ctx.sync.is_opening() {
            title.push_str(" · opening another…");
        }
        let inner = framed(buf, area, pane(&title, style));
        let next = agenda::build(p, &ctx.ladder, ctx.today());
        let first_name = p.name.split_whitespace().next().unwrap_or("them");
        let theirs = match p.open_points_by(Rater::Own) {
            0 => format!("no topics from {first_name} yet"),
            n => format!("{} from {first_name} first", text::count(n, "topic")),
        };
        let since = next
            .since
            .map_or_else(|| "a first 1:1".to_string(), |d| format!("since {d}"));
        let open = text::count(p.open_actions(), "open action item");
        let items = text::count(next.items.len(), "item");
        let listed = recall::newest_first(p);
        let mut about = vec![
            line(
                &format!("Next 1:1 — n starts it: {items} on the agenda"),
                theme.heading(),
            ),
            line(&format!("{theirs} · {open} · {since}"), theme.muted()),
        ];
        if listed.is_empty() {
            about.push(Line::default());
            about.push(line(
                "No sessions yet. n starts the first, with an agenda built from the plan.",
                theme.muted(),
            ));
        }
        let about = Paragraph::new(about).wrap(Wrap { trim: true });
        let about_rows = text::cells(about.line_count(inner.width)).min(inner.height);
        let [top, list_area] = inner.layout(&Layout::vertical([
            Constraint::Length(about_rows + 1),
            Constraint::Fill(1),
        ]));
        about.render(top, buf);
        let width = usize::from(list_area.width);
        let items: Vec<ListItem<'static>> = listed
            .iter()
            .map(|s| {
                let agreed = p.actions_agreed_in(&s.id).count();
                let agenda = if s.agenda.is_empty() {
                    "no agenda".to_string()
                } else {
                    format!("{}/{} discussed", s.discussed(), s.agenda.len())
                };
                let notes = s
                    .notes
                    .lines()
                    .find(|l| !l.trim().is_empty())
                    .map(|l| format!(" · {l}"))
                    .unwrap_or_default();
                let entry = format!(
                    "{}  {agenda} · {}{notes}",
                    s.id,
                    text::count(agreed, "action")
                );
                hanging("", 2, &text::one_line(&entry), width, 3, Style::default())
            })
            .collect();
        list::render(
            buf,
            list_area,
            area,
            items,
            focused.then_some(self.cursor),
            theme,
        );
    }
}

/// A list item in `style`: `text` wrapped to `width` less `indent` in at most `most` lines,
/// `lead` before the first line and `indent` spaces before the others.
pub fn hanging(
    lead: &str,
    indent: usize,
    text: &str,
    width: usize,
    most: usize,
    style: Style,
) -> ListItem<'static> {
    let pad = " ".repeat(indent);
    let wrapped = text::wrap_hyphenated(text, width.saturating_sub(indent).max(1), most);
    let lines = wrapped.iter().enumerate().map(|(n, l)| {
        let lead = if n == 0 { lead } else { &pad };
        line(&format!("{lead}{l}"), style)
    });
    ListItem::new(lines.collect::<Vec<_>>())
}
