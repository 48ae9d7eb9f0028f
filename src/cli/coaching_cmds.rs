//! The coaching commands: sessions, the agenda and talking points, action items, ratings and
//! the roster. Like every profile command, each change goes through the store's update (lock,
//! re-read, apply, save). Private notes are printed only when `--include-private` asks.

use std::io::Write;

use serde_json::{Value, json};

use super::args::{ActionCommand, AgendaCommand, ByArg, RatingArg, RosterSortArg, SessionCommand};
use super::output::write_json;
use super::profile_cmds::{Context, apply, or_list};
use crate::date::Date;
use crate::error::Failure;
use crate::export::{self, PrivateNotes};
use crate::ladder::Ladder;
use crate::profile::agenda::{self, Agenda};
use crate::profile::competence::{self, Standing};
use crate::profile::roster::{self, Row, Sort};
use crate::profile::rules::{self, SessionStart};
use crate::profile::{
    Action, AgendaItem, Owner, Profile, ProfileError, Rater, Rating, RatingLevel, TalkingPoint,
    Topic,
};
use crate::text;

impl From<ByArg> for Rater {
    fn from(by: ByArg) -> Rater {
        match by {
            ByArg::Own => Rater::Own,
            ByArg::Manager => Rater::Manager,
        }
    }
}

impl From<RatingArg> for RatingLevel {
    fn from(level: RatingArg) -> RatingLevel {
        match level {
            RatingArg::Below => RatingLevel::Below,
            RatingArg::WorkingTowards => RatingLevel::WorkingTowards,
            RatingArg::Meeting => RatingLevel::Meeting,
            RatingArg::Exceeding => RatingLevel::Exceeding,
        }
    }
}

impl From<RosterSortArg> for Sort {
    fn from(sort: RosterSortArg) -> Sort {
        match sort {
            RosterSortArg::Overdue => Sort::Overdue,
            RosterSortArg::Name => Sort::Name,
            RosterSortArg::Readiness => Sort::Readiness,
            RosterSortArg::Last => Sort::LastSession,
            RosterSortArg::Actions => Sort::OpenActions,
        }
    }
}

/// What `--include-private` asks of a listing or an export.
pub(super) fn private_notes(include_private: bool) -> PrivateNotes {
    if include_private {
        PrivateNotes::Included
    } else {
        PrivateNotes::LeftOut
    }
}

/// The agenda as text: each item under its heading, a tick for those discussed, and when `ids`
/// asks for them the id before a talking point (the one `agenda done` takes) and before an
/// open action item (the one `action done` takes; the heading says which list it is).
pub(super) fn agenda_lines(items: &[AgendaItem], person: &str, ids: bool) -> String {
    let mut out = String::new();
    for (heading, item) in agenda::headed(items, person) {
        if let Some(heading) = heading {
            out.push_str(&format!("{heading}\n"));
        }
        let mark = if item.ticked { "✓" } else { "•" };
        let number = item
            .point_id()
            .or(item.of.filter(|_| item.topic == Topic::Action))
            .filter(|_| ids)
            .map(|n| format!("{n}. "))
            .unwrap_or_default();
        out.push_str(&format!(
            "  {mark} {number}{}\n",
            text::one_line(&item.text)
        ));
    }
    out
}

/// The item with id `id` of `items` (each with its id), else a refusal naming the ids there
/// are (`what`: the item's name, one and many), or `none_yet` when there are none.
fn by_id<T: Clone>(
    items: &[T],
    id_of: impl Fn(&T) -> u64,
    id: u64,
    what: (&str, &str),
    none_yet: &str,
    see: &str,
) -> Result<T, Failure> {
    let (one, many) = what;
    if let Some(found) = items.iter().find(|i| id_of(i) == id) {
        return Ok(found.clone());
    }
    let ids: Vec<String> = items.iter().map(|i| id_of(i).to_string()).collect();
    Err(Failure::invalid(match ids.len() {
        0 => format!("no {one} {id}: {none_yet}"),
        _ => format!(
            "no {one} {id}: the {many} have ids {} ({see})",
            text::ranges(&items.iter().map(&id_of).collect::<Vec<_>>())
        ),
    }))
}

fn action_line(action: &Action, person: &str, today: Date) -> String {
    format!(
        "{:>3}. {} {}",
        action.id,
        action.status.mark(),
        action.words(person, today)
    )
}

impl Context<'_> {
    pub fn session(&self, action: SessionCommand, out: &mut dyn Write) -> Result<(), Failure> {
        match action {
            SessionCommand::Add {
                date,
                notes,
                private,
                action,
            } => {
                let (id, _, ladder) = self.load(None)?;
                let mut actions = Vec::new();
                for a in &action {
                    actions.push(text::typed(a).ok_or_else(|| {
                        Failure::invalid("--action needs the text of the action item")
                    })?);
                }
                let start = SessionStart {
                    notes: notes.as_deref().and_then(text::typed).unwrap_or_default(),
                    private_notes: private.as_deref().and_then(text::typed).unwrap_or_default(),
                    actions,
                };
                let has_private = !start.private_notes.is_empty();
                let date = date.unwrap_or_else(|| self.clock.today());
                rules::dates::session_date(date, self.clock.today())
                    .map_err(|refusal| Failure::invalid(format!("--date {}", refusal.0)))?;
                let (session, saved) = self.store.update(&id, |p| {
                    let (change, session) = rules::start_session(p, &ladder, date, start);
                    apply(&change, p)?;
                    Ok(session)
                })?;
                let Some(s) = saved.sessions.iter().find(|s| s.id == session) else {
                    return Err(Failure::runtime("the new session was not saved"));
                };
                writeln!(
                    out,
                    "{}: session {session} started — an agenda of {}{}{}",
                    saved.id,
                    text::count(s.agenda.len(), "item"),
                    match action.len() {
                        0 => String::new(),
                        n => format!(", {}", text::count(n, "action item")),
                    },
                    if has_private {
                        format!(
                            "; private notes kept in {}",
                            self.store.private_path_of(&saved.id).display()
                        )
                    } else {
                        String::new()
                    }
                )?;
                out.write_all(agenda_lines(&s.agenda, &saved.name, false).as_bytes())?;
                Ok(())
            }
            SessionCommand::Next { date, .. } => self.next_session(date, out),
            SessionCommand::Show {
                id,
                format,
                include_private,
            } => self.session_show(id.as_deref(), format, include_private, out),
            SessionCommand::List {
                json,
                include_private,
            } => {
                // Without the private notes, a private file that cannot be read does not stop
                // the list; with them, it must.
                let (_, profile, _) = if include_private {
                    self.load(None)?
                } else {
                    self.load_to_read(None)?
                };
                self.list_sessions(&profile, json, private_notes(include_private), out)
            }
        }
    }

    fn list_sessions(
        &self,
        p: &Profile,
        json: bool,
        private: PrivateNotes,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        if json {
            return write_json(out, &export::sessions_json(p, private));
        }
        if p.sessions.is_empty() {
            writeln!(
                out,
                "{}: no sessions yet — `rungs session add` starts one with its agenda built",
                p.id
            )?;
            return Ok(());
        }
        writeln!(
            out,
            "{}: {}, newest first",
            p.id,
            text::count(p.sessions.len(), "session")
        )?;
        for s in p.sessions.iter().rev() {
            let agreed = p.actions_agreed_in(&s.id).count();
            let agenda = if s.agenda.is_empty() {
                "no agenda".to_string()
            } else {
                format!("agenda {}/{} discussed", s.discussed(), s.agenda.len())
            };
            writeln!(
                out,
                "{}  {agenda} · {}",
                s.id,
                text::count(agreed, "action item")
            )?;
            for line in s.notes.lines().filter(|l| !l.trim().is_empty()) {
                writeln!(out, "    {}", text::one_line(line))?;
            }
            if private == PrivateNotes::Included
                && let Some(private) = p.private_notes.get(&s.id)
            {
                for line in private.lines().filter(|l| !l.trim().is_empty()) {
                    writeln!(out, "    private: {}", text::one_line(line))?;
                }
            }
            for a in p.actions_agreed_in(&s.id) {
                writeln!(out, "  {}", action_line(a, &p.name, self.clock.today()))?;
            }
        }
        let hidden = p
            .sessions
            .iter()
            .filter(|s| p.private_notes.contains_key(&s.id))
            .count();
        if private == PrivateNotes::LeftOut && hidden > 0 {
            super::output::note(&format!(
                "the private notes of {} are not shown; --include-private shows them",
                text::count(hidden, "session")
            ));
        }
        Ok(())
    }

    pub fn agenda(
        &self,
        action: Option<AgendaCommand>,
        json: bool,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        match action {
            None => {
                let (_, profile, ladder) = self.load_to_read(None)?;
                let today = self.clock.today();
                let agenda = agenda::build(&profile, &ladder, today);
                if json {
                    return write_json(out, &export::agenda_json(&agenda, &profile, today));
                }
                self.print_agenda(&profile, &agenda, today, out)
            }
            Some(AgendaCommand::Add { text: topic, by }) => {
                let topic = text::typed(&topic)
                    .ok_or_else(|| Failure::invalid("nothing to add — give the topic's text"))?;
                let (id, _, _) = self.load(None)?;
                let point = TalkingPoint::new(topic, by.into(), self.clock.today());
                let (new, saved) = self.store.update(&id, |p| {
                    let change = rules::add_point(p, point)
                        .map_err(|refusal| ProfileError::Invalid(refusal.0))?;
                    let new = p.next_id.topic;
                    apply(&change, p)?;
                    Ok(new)
                })?;
                writeln!(
                    out,
                    "{}: topic {new} added for the next 1:1 ({} open; the person's own come first)",
                    saved.id,
                    text::count(saved.open_points(), "topic")
                )?;
                Ok(())
            }
            Some(AgendaCommand::Done { number }) => self.close_point(number, out),
        }
    }

    /// `agenda done ID`: closes talking point ID between sessions, so it leaves the next
    /// agenda.
    fn close_point(&self, number: u64, out: &mut dyn Write) -> Result<(), Failure> {
        let (id, profile, _) = self.load(None)?;
        let seen = by_id(
            &profile.talking_points,
            |t| t.id,
            number,
            ("topic", "topics"),
            &format!(
                "{} has no topics yet — `rungs agenda add TEXT` raises one",
                profile.id
            ),
            "`rungs agenda` shows the open ones with their ids",
        )?;
        if !seen.is_open() {
            writeln!(out, "{}: topic {number} is closed already", profile.id)?;
            return Ok(());
        }
        let ((), saved) = self.store.update(&id, |p| match p.point(number) {
            None => Err(ProfileError::Invalid(format!(
                "topic {number} went meanwhile (undone in the planner?) — see `rungs agenda`"
            ))),
            // Closed meanwhile, or now: either way it leaves the agenda.
            Some(_) => match rules::close_point(p, number) {
                Some(change) => apply(&change, p),
                None => Ok(()),
            },
        })?;
        writeln!(
            out,
            "{}: ✓ {} — closed ({} still open)",
            saved.id,
            text::one_line(&seen.text),
            saved.open_points()
        )?;
        Ok(())
    }

    fn print_agenda(
        &self,
        p: &Profile,
        agenda: &Agenda,
        today: Date,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let since = agenda.since.map_or_else(
            || " · a first 1:1: nothing to compare with yet".to_string(),
            |d| format!(" · what moved since the last one on {d}"),
        );
        writeln!(
            out,
            "Agenda for the next 1:1 with {} ({today}){since}",
            text::one_line(&p.name)
        )?;
        if agenda.items.is_empty() {
            writeln!(
                out,
                "  nothing on it yet — `rungs agenda add TEXT` raises a topic"
            )?;
        }
        out.write_all(agenda_lines(&agenda.items, &p.name, true).as_bytes())?;
        Ok(())
    }

    pub fn action(&self, action: ActionCommand, out: &mut dyn Write) -> Result<(), Failure> {
        let (id, profile, _) = if matches!(action, ActionCommand::List { .. }) {
            self.load_to_read(None)?
        } else {
            self.load(None)?
        };
        let today = self.clock.today();
        match action {
            ActionCommand::List { all, json } => {
                let shown: Vec<&Action> = profile
                    .actions
                    .iter()
                    .filter(|a| all || a.is_open())
                    .collect();
                if json {
                    let rows: Vec<Value> = shown
                        .iter()
                        .map(|a| export::action_json(a, &profile.name))
                        .collect();
                    return write_json(out, &rows);
                }
                if shown.is_empty() {
                    writeln!(
                        out,
                        "{}: no {}action items — `rungs action add TEXT` adds one",
                        profile.id,
                        if all { "" } else { "open " }
                    )?;
                }
                for a in shown {
                    writeln!(out, "{}", action_line(a, &profile.name, today))?;
                }
                Ok(())
            }
            ActionCommand::Add {
                text: what,
                owner,
                due,
            } => {
                let what = text::typed(&what)
                    .ok_or_else(|| Failure::invalid("nothing to add — give the action's text"))?;
                let owner = match owner.as_deref() {
                    None => Owner::Own,
                    Some(named) => Owner::parse(
                        &text::typed(named).ok_or_else(|| {
                            Failure::invalid(
                                "--owner needs a name, \"self\" or \"manager\" (control and invisible characters do not count)",
                            )
                        })?,
                        &profile.name,
                    ),
                };
                let action = Action::new(what, owner, due, today, None);
                let (new, saved) = self.store.update(&id, |p| {
                    let change = rules::add_action(p, action)
                        .map_err(|refusal| ProfileError::Invalid(refusal.0))?;
                    let new = p.next_id.action;
                    apply(&change, p)?;
                    Ok(new)
                })?;
                if let Some(added) = saved.action(new) {
                    writeln!(out, "{}: added", saved.id)?;
                    writeln!(out, "{}", action_line(added, &saved.name, today))?;
                }
                Ok(())
            }
            ActionCommand::Done { number } => {
                let seen = by_id(
                    &profile.actions,
                    |a| a.id,
                    number,
                    ("action item", "action items"),
                    &format!("{} has no action items yet", profile.id),
                    "see `rungs action list --all`",
                )?;
                if !seen.is_open() {
                    writeln!(out, "{}: action item {number} is done already", profile.id)?;
                    return Ok(());
                }
                let ((), saved) = self.store.update(&id, |p| match p.action(number) {
                    // Done meanwhile: nothing left to do.
                    Some(a) if !a.is_open() => Ok(()),
                    Some(_) => match rules::toggle_action(p, number) {
                        Some(change) => apply(&change, p),
                        None => Ok(()),
                    },
                    None => Err(ProfileError::Invalid(format!(
                        "action item {number} went meanwhile (undone in the planner?) — see `rungs action list --all`"
                    ))),
                })?;
                let open = saved.open_actions();
                writeln!(
                    out,
                    "{}: ✓ {} — done ({} still open)",
                    saved.id,
                    text::one_line(&seen.text),
                    open
                )?;
                Ok(())
            }
        }
    }

    pub fn rate(
        &self,
        competency: &str,
        level: RatingArg,
        by: ByArg,
        note: Option<&str>,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let (id, _, ladder) = self.load(None)?;
        let known = ladder.competencies();
        let Some(found) = known.iter().find(|c| c.id == competency) else {
            let ids = known.iter().map(|c| c.id.as_str());
            let list = if known.is_empty() {
                format!("ladder \"{}\" names no competencies", ladder.id())
            } else {
                or_list(text::did_you_mean(competency, ids.clone()), ids)
            };
            return Err(Failure::invalid(format!(
                "unknown competency \"{}\" — {list}",
                text::one_line(competency)
            )));
        };
        let (level, by) = (RatingLevel::from(level), Rater::from(by));
        let note = note.and_then(text::typed).unwrap_or_default();
        let today = self.clock.today();
        let ((), saved) = self.store.update(&id, |p| {
            let change = rules::rate(p, &found.id, by, level, note, today);
            apply(&change, p)
        })?;
        let standing = competence::standings(&saved, &ladder)
            .into_iter()
            .find(|s| s.id == found.id);
        let expects = standing
            .and_then(|s| s.expects.next)
            .map(|n| format!(" · the next role expects {n}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{}: {} rated {} by {} on {today}{expects}",
            saved.id,
            text::one_line(&found.name),
            level.words(),
            by.name()
        )?;
        Ok(())
    }

    pub fn ratings(&self, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
        let (_, profile, ladder) = self.load_to_read(None)?;
        let standings = competence::standings(&profile, &ladder);
        if json {
            return write_json(
                out,
                &standings
                    .iter()
                    .map(export::standing_json)
                    .collect::<Vec<_>>(),
            );
        }
        print_standings(&profile, &ladder, &standings, out)
    }

    pub fn roster(
        &self,
        sort: RosterSortArg,
        json: bool,
        me: Option<&str>,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let today = self.clock.today();
        // A profiles folder that cannot be listed at all (a file in its place) is the
        // command's failure, not a row of the roster.
        self.store.list()?;
        let rows = roster::load(&self.store, &self.data_dir, today, sort.into());
        let team = roster::team(rows.clone(), me);
        if json {
            // The manager's own line first, marked `"me": true`; the reports as before.
            let mine = team.me.iter().map(|row| (row, true));
            let values: Vec<Value> = mine
                .chain(team.reports.iter().map(|row| (row, false)))
                .map(|(row, me)| {
                    let mut value = roster_json(row);
                    value["me"] = json!(me);
                    value
                })
                .collect();
            return write_json(out, &values);
        }
        if let Some(mine) = &team.me {
            writeln!(out, "{}", my_line(mine))?;
            if team.reports.is_empty() {
                writeln!(
                    out,
                    "no reports yet — `rungs profile new NAME --role ROLE` for each"
                )?;
                return Ok(());
            }
            writeln!(out, "your reports:")?;
            for row in &team.reports {
                writeln!(out, "{}", roster_line(row, today))?;
            }
            return Ok(());
        }
        if rows.is_empty() {
            writeln!(
                out,
                "no profiles yet — create one per person with `rungs profile new NAME --role ROLE`"
            )?;
            return Ok(());
        }
        for row in &rows {
            writeln!(out, "{}", roster_line(row, today))?;
        }
        Ok(())
    }
}

fn print_standings(
    p: &Profile,
    ladder: &Ladder,
    standings: &[Standing],
    out: &mut dyn Write,
) -> Result<(), Failure> {
    if standings.is_empty() {
        writeln!(
            out,
            "ladder \"{}\" names no competencies to rate",
            ladder.id()
        )?;
        return Ok(());
    }
    let next = competence::next_role(p, ladder).map(|r| text::one_line(&ladder.role(r).title));
    writeln!(
        out,
        "{} · now {}{}{}",
        text::one_line(&p.name),
        ladder.title_of(&p.current_role),
        next.map(|n| format!(" · next {n}")).unwrap_or_default(),
        p.target_role
            .as_deref()
            .map(|t| format!(" · target {}", ladder.title_of(t)))
            .unwrap_or_default()
    )?;
    let width = standings
        .iter()
        .map(|s| text::width(&text::one_line(&s.name)))
        .max()
        .unwrap_or(0)
        .min(28);
    for s in standings {
        let rating = |r: &Option<Rating>| r.as_ref().map_or("—", |r| r.level.words());
        let gap = s
            .gap
            .as_ref()
            .map(|g| format!("gap {} {}", g.words(), g.mark()))
            .unwrap_or_default();
        let differ = if s.differ { "  ⚠ ratings differ" } else { "" };
        writeln!(
            out,
            "  {}  self {:<15}  manager {:<15}  expects {}  {gap}{differ}",
            text::fit(&text::one_line(&s.name), width),
            rating(&s.own),
            rating(&s.manager),
            s.expects.words(" → "),
        )?;
    }
    writeln!(
        out,
        "expects: what the current → next → target role asks, 1 (awareness) to 5 (expert)"
    )?;
    Ok(())
}

fn roster_json(row: &Row) -> Value {
    match row {
        Row::Person(e) => json!({
            "id": e.id,
            "name": e.name,
            "current": e.current_title,
            "target": e.target_title,
            "next_level": e.next_level,
            "readiness": e.readiness.map(|r| json!({"done": r.done, "total": r.total, "percent": r.percent()})),
            "overdue": e.overdue,
            "open_actions": e.open_actions,
            "their_topics": e.their_topics,
            "last_session": e.last_session.map(|d| d.to_string()),
            "error": Value::Null,
        }),
        Row::Unreadable { id, why } => json!({"id": id, "error": why}),
    }
}

/// The manager's own line: where they are and how ready, never a "last 1:1" with themselves.
fn my_line(row: &Row) -> String {
    match row {
        Row::Person(e) => {
            let readiness = match (&e.next_level, e.readiness) {
                (Some(level), Some(r)) => format!(" · {level} {} {} %", r.gauge(10), r.percent()),
                _ => String::new(),
            };
            format!(
                "you: {}  {}{}{readiness} · {} overdue (`me` in config.ron)",
                text::one_line(&e.name),
                e.current_title,
                e.target_title
                    .as_deref()
                    .map(|t| format!(" → {t}"))
                    .unwrap_or_default(),
                e.overdue
            )
        }
        Row::Unreadable { id, why } => {
            format!("you: {id}  (cannot be read: {})", text::one_line(why))
        }
    }
}

fn roster_line(row: &Row, today: Date) -> String {
    match row {
        Row::Person(e) => {
            let target = e
                .target_title
                .as_deref()
                .map(|t| format!(" → {t}"))
                .unwrap_or_default();
            let readiness = match (&e.next_level, e.readiness) {
                (Some(level), Some(r)) => format!("{level} {} {} %", r.gauge(10), r.percent()),
                _ => String::new(),
            };
            let last = e.last_session.map_or_else(
                || "no 1:1 yet".to_string(),
                |d| format!("last 1:1 {d} ({})", d.relative_to(today)),
            );
            format!(
                "{}  {}{target}  · {readiness} · {} overdue · {} · {last}",
                text::one_line(&e.name),
                e.current_title,
                e.overdue,
                text::count(e.open_actions, "open action"),
            )
        }
        Row::Unreadable { id, why } => {
            format!("{id}  (cannot be read: {})", text::one_line(why))
        }
    }
}
