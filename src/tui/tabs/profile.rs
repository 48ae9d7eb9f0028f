//! Tab 5, Profile: the role history, mentors, mentees, the evidence log and the competencies,
//! each a section with its own list, a key to add to the one shown, one to rate a competency,
//! and keys to correct or remove an evidence entry (by its id, as `rungs evidence` does).

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Constraint, Layout};
use ratatui::style::Style;
use ratatui::widgets::{Paragraph, Tabs, Widget, Wrap};

use crate::export;
use crate::profile::competence;
use crate::profile::rules::{self, Relation};
use crate::profile::{self, Evidence, HeldRole, Person, Profile, Rater};
use crate::text;
use crate::tui::context::Ctx;
use crate::tui::keymap::{Binding, Footer, Key, KeySection, Keymap, bind};
use crate::tui::popups::Popup;
use crate::tui::popups::coaching as forms;
use crate::tui::popups::form::{Form, Input};
use crate::tui::tab::{Outcome, Tab};
use crate::tui::widgets::field::TextField;
use crate::tui::widgets::{self, competencies, list};

/// The sections of the tab, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Section {
    #[default]
    History,
    Mentors,
    Mentees,
    Evidence,
    Competencies,
}

impl Section {
    const ALL: [Section; 5] = [
        Section::History,
        Section::Mentors,
        Section::Mentees,
        Section::Evidence,
        Section::Competencies,
    ];

    fn name(self) -> &'static str {
        match self {
            Section::History => "History",
            Section::Mentors => "Mentors",
            Section::Mentees => "Mentees",
            Section::Evidence => "Evidence",
            Section::Competencies => "Competencies",
        }
    }

    fn len(self, p: &Profile, competencies: usize) -> usize {
        match self {
            Section::History => p.history.len(),
            Section::Mentors => p.mentors.len(),
            Section::Mentees => p.mentees.len(),
            Section::Evidence => p.evidence.len(),
            Section::Competencies => competencies,
        }
    }

    /// The section `by` places on (`ALL` lists the sections in their declared order).
    fn next(self, by: isize) -> Section {
        Section::ALL[(self as isize + by).rem_euclid(Section::ALL.len() as isize) as usize]
    }

    /// What an empty section says, and how to fill it.
    fn empty_hint(self) -> &'static str {
        match self {
            Section::History => {
                "no past roles yet — a adds one; corners you held count toward breadth"
            }
            Section::Mentors => {
                "no mentors yet — a adds one; being mentored is part of every level"
            }
            Section::Mentees => {
                "no mentees yet — a adds one; mentoring grows leaders and successors"
            }
            Section::Evidence => {
                "no evidence yet — a adds a win; `rungs log TEXT` adds one from the shell"
            }
            Section::Competencies => "this ladder names no competencies to rate",
        }
    }
}

#[derive(Debug, Default)]
pub struct ProfileTab {
    section: Section,
    cursor: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    PreviousSection,
    NextSection,
    Add,
    Rate,
    Edit,
    Remove,
}

use Key::{Char as C, Code};

const KEYS: &[Binding<Action>] = &[
    bind(
        "previous-section",
        &[Code(KeyCode::Left), C('h')],
        Action::PreviousSection,
        "previous section (history … competencies)",
        Footer::Group("←→", "section"),
    ),
    bind(
        "next-section",
        &[Code(KeyCode::Right), C('l')],
        Action::NextSection,
        "next section",
        Footer::Hidden,
    ),
    bind(
        "add",
        &[C('a')],
        Action::Add,
        "add a past role, mentor, mentee or evidence entry",
        Footer::Word("add"),
    ),
    bind(
        "rate",
        &[C('r')],
        Action::Rate,
        "competencies: rate the one selected (as yourself)",
        Footer::Word("rate"),
    ),
    bind(
        "edit",
        &[C('e')],
        Action::Edit,
        "evidence: correct the text of the entry selected",
        Footer::Word("edit"),
    ),
    bind(
        "remove",
        &[C('x')],
        Action::Remove,
        "evidence: remove the entry selected (u brings it back)",
        Footer::Word("remove"),
    ),
];

fn person_form(title: &str, relation: Relation) -> Popup {
    Popup::Form(Form::new(
        title,
        &[("Name", "", false), ("Note", "", true)],
        Box::new(move |values, ctx| {
            let Some(p) = ctx.profile() else {
                return Ok(None);
            };
            let person = Person {
                name: text::one_line(&values.text(0)),
                note: values.text(1),
            };
            rules::add_person(p, relation, person)
                .map(Some)
                .map_err(|r| r.0)
        }),
    ))
}

impl ProfileTab {
    fn add_form(&self) -> Option<Popup> {
        Some(match self.section {
            Section::Competencies => return None,
            Section::History => Popup::Form(Form::new(
                "Add a past role",
                &[
                    ("Role id or title", "", false),
                    ("From (YYYY-MM-DD, optional)", "", false),
                    ("To (YYYY-MM-DD, optional)", "", false),
                    ("Note", "", true),
                ],
                Box::new(|values, ctx| {
                    let Some(p) = ctx.profile() else {
                        return Ok(None);
                    };
                    let wanted = values.text(0);
                    let role = ctx
                        .ladder
                        .find_role(&wanted)
                        .ok_or_else(|| ctx.ladder.unknown_role(&wanted))?;
                    let entry = HeldRole {
                        role: ctx.ladder.role(role).id.to_string(),
                        from: values.date(1)?,
                        to: values.date(2)?,
                        note: values.text(3),
                    };
                    Ok(Some(rules::add_history(p, entry)))
                }),
            )),
            Section::Mentors => person_form("Add a mentor", Relation::Mentor),
            Section::Mentees => person_form("Add a mentee", Relation::Mentee),
            Section::Evidence => Self::evidence_form(None),
        })
    }

    fn entries(&self, ctx: &Ctx, p: &Profile) -> Vec<String> {
        let person =
            |m: &Person| format!("{}  {}", text::one_line(&m.name), text::one_line(&m.note));
        match self.section {
            Section::History => p
                .history
                .iter()
                .map(|h| {
                    let (title, span) = (ctx.ladder.title_of(&h.role), h.span());
                    format!("✓ {title}  {span}  {}", text::one_line(&h.note))
                })
                .collect(),
            Section::Mentors => p.mentors.iter().map(person).collect(),
            Section::Mentees => p.mentees.iter().map(person).collect(),
            // With its id and tie by title, as `rungs evidence list` shows it.
            Section::Evidence => p
                .evidence
                .iter()
                .map(|e| format!("{:>3}. {}", e.id, export::evidence_line(e, &ctx.ladder)))
                .collect(),
            // Drawn as a table of its own.
            Section::Competencies => Vec::new(),
        }
    }

    /// The evidence form: a new entry, or the text of `entry` to correct (found again by its
    /// id on saving). Its one field is a line, as `rungs log` takes it, wrapped while typed, so
    /// Enter saves it as the footer says.
    fn evidence_form(entry: Option<&Evidence>) -> Popup {
        let id = entry.map(|e| e.id);
        let text = TextField::wrapped(entry.map_or("", |e| &e.text));
        Popup::Form(Form::of(
            id.map_or("Add evidence".into(), |id| {
                format!("Correct evidence entry {id}")
            }),
            vec![("What happened", Input::text(text))],
            Box::new(move |values, ctx| {
                let Some(p) = ctx.profile() else {
                    return Ok(None);
                };
                let Some(id) = id else {
                    let entry = Evidence::new(ctx.today(), values.text(0));
                    return rules::add_evidence(p, entry).map(Some).map_err(|r| r.0);
                };
                rules::edit_evidence(p, id, values.text(0)).map_err(|r| r.0)
            }),
        ))
    }
}

impl Tab for ProfileTab {
    fn name(&self) -> &'static str {
        "Profile"
    }

    fn digit(&self) -> char {
        '5'
    }

    fn keys(&self, keymap: &Keymap) -> KeySection {
        list::keys(keymap, "Profile", "profile", KEYS)
    }

    fn list(&mut self, ctx: &Ctx) -> Option<(&'static str, &mut usize, usize)> {
        let competencies = ctx.ladder.competencies().len();
        let rows = ctx
            .profile()
            .map_or(0, |p| self.section.len(p, competencies));
        Some(("profile", &mut self.cursor, rows))
    }

    fn act(&mut self, ctx: &mut Ctx, key: &KeyEvent) -> Outcome {
        let Some(action) = ctx.keymap.action("profile", KEYS, key) else {
            return Outcome::Ignored;
        };
        match action {
            Action::PreviousSection | Action::NextSection => {
                let by = if action == Action::NextSection { 1 } else { -1 };
                self.section = self.section.next(by);
                self.cursor = 0;
            }
            Action::Add => match self.add_form() {
                Some(form) => return Outcome::Open(form),
                None => ctx.say("r rates a competency; ratings are added, never edited"),
            },
            Action::Rate => {
                // The person rates in their own profile; a manager in a report's.
                let by = ctx.someone_elses().map_or(Rater::Own, |_| Rater::Manager);
                if self.section != Section::Competencies {
                    ctx.say("→ to the competencies section to rate one");
                } else if let Some(form) = forms::rate_at(ctx, self.cursor, by) {
                    return Outcome::Open(form);
                }
            }
            Action::Edit | Action::Remove => {
                let p = ctx.profile();
                match p.and_then(|p| p.evidence.get(self.cursor)).cloned() {
                    _ if self.section != Section::Evidence => {
                        ctx.say("←→ to the evidence section to correct or remove an entry")
                    }
                    None => ctx.say("no evidence entry selected"),
                    Some(e) if action == Action::Edit => {
                        return Outcome::Open(Self::evidence_form(Some(&e)));
                    }
                    Some(e) => match p.map(|p| rules::remove_evidence(p, e.id)).transpose() {
                        Ok(change) => ctx.change(change),
                        Err(refused) => ctx.complain(refused.0),
                    },
                }
            }
        }
        Outcome::Handled
    }

    fn draw(&self, ctx: &Ctx, buf: &mut Buffer) {
        let (ladder, theme) = (&ctx.ladder, ctx.theme);
        let inner = widgets::framed(buf, ctx.body, widgets::pane("Profile", Style::default()));
        let Some(p) = ctx.profile() else { return };
        let who = Paragraph::new(vec![
            widgets::line(
                &format!(
                    "{} ({}) · {}",
                    text::one_line(&p.name),
                    p.id,
                    text::one_line(ladder.name())
                ),
                theme.heading(),
            ),
            widgets::line(
                &format!(
                    "breadth: {}",
                    profile::breadth(p, ladder).corner_list(ladder)
                ),
                theme.muted(),
            ),
        ])
        .wrap(Wrap { trim: false });
        let who_rows = text::cells(who.line_count(inner.width)).min(inner.height / 3);
        let [top, _, tabs, rest] = Layout::vertical([
            Constraint::Length(who_rows),
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(inner);
        who.render(top, buf);
        // The section shown in brackets as well as highlighted, so it reads without colour.
        let titles = Section::ALL.iter().map(|&s| {
            let count = s.len(p, ladder.competencies().len());
            if s == self.section {
                format!("[{} {count}]", s.name())
            } else {
                format!(" {} {count} ", s.name())
            }
        });
        Tabs::new(titles)
            .select(self.section as usize)
            .divider("  ")
            .padding("", "")
            .style(theme.muted())
            .highlight_style(theme.heading())
            .render(tabs, buf);
        if self.section == Section::Competencies {
            let standings = competence::standings(p, ladder);
            competencies::draw(buf, rest, &standings, self.cursor, theme);
            return;
        }
        let entries = self.entries(ctx, p);
        if entries.is_empty() {
            Paragraph::new(widgets::line(
                &format!("  {}", self.section.empty_hint()),
                theme.muted(),
            ))
            .wrap(Wrap { trim: false })
            .render(rest, buf);
            return;
        }
        let items = entries
            .into_iter()
            .map(|entry| text::truncate(&format!("  {entry}"), usize::from(rest.width)))
            .map(|entry| widgets::line(&entry, Style::default()));
        list::render(buf, rest, ctx.body, items, Some(self.cursor), theme);
    }
}
