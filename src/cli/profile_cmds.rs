//! The commands that read or change a profile. Every change goes through
//! [`Store::update`], which locks, re-reads, applies and saves atomically.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;

use super::args::{PlanCommand, ProfileCommand, StatusArg};
use super::ladder_cmds::role_arg;
use super::output::{note, write_json};
use crate::date::Clock;
use crate::error::Failure;
use crate::export;
use crate::ladder::{self, Ladder};
use crate::profile::{
    self, Change, Conflict, Evidence, PlanStep, Profile, ProfileError, Status, Store, WaitNotice,
    rules,
};
use crate::text;

/// What a profile command needs: the data folder, the store and the `--profile` choice.
pub struct Context<'a> {
    pub(super) data_dir: PathBuf,
    pub(super) store: Store,
    chosen: Option<&'a str>,
    pub(super) clock: &'a Clock,
}

impl From<StatusArg> for Status {
    fn from(arg: StatusArg) -> Status {
        match arg {
            StatusArg::Todo => Status::Todo,
            StatusArg::Doing => Status::Doing,
            StatusArg::Done => Status::Done,
        }
    }
}

impl<'a> Context<'a> {
    pub fn open(
        data_dir: Option<&Path>,
        chosen: Option<&'a str>,
        clock: &'a Clock,
    ) -> Result<Context<'a>, Failure> {
        let data_dir = data_dir.ok_or_else(|| {
            Failure::invalid(
                "no data folder could be found for this user — pass --data-dir DIR or set RUNGS_DATA_DIR",
            )
        })?;
        let mut store = Store::new(data_dir);
        store.on_wait = Some(WaitNotice(Arc::new(|path: &Path| {
            note(&format!(
                "{} is being changed by another rungs; waiting…",
                path.display()
            ));
        })));
        Ok(Context {
            data_dir: data_dir.to_path_buf(),
            store,
            chosen,
            clock,
        })
    }

    /// The profile named by `name`, else `--profile`, else the one chosen with `rungs use`,
    /// else the only one (see [`Store::resolve`]).
    fn id(&self, name: Option<&str>) -> Result<String, Failure> {
        Ok(self.store.resolve(name.or(self.chosen))?)
    }

    pub(super) fn ladder_of(&self, profile: &Profile) -> Result<Ladder, Failure> {
        ladder::resolve_for_profile(&profile.ladder, self.store.dir(), Some(&self.data_dir))
            .map(|(ladder, _)| ladder)
            .map_err(|e| {
                Failure::invalid(format!(
                    "profile \"{}\" uses ladder \"{}\", which cannot be loaded: {e}",
                    profile.id,
                    text::one_line(&profile.ladder)
                ))
            })
    }

    /// Loads the chosen profile and its ladder, for a change; the change itself re-reads it
    /// under the lock, so this copy only serves to check arguments.
    pub(super) fn load(&self, name: Option<&str>) -> Result<(String, Profile, Ladder), Failure> {
        let id = self.id(name)?;
        let profile = self.store.load(&id)?;
        let ladder = self.ladder_of(&profile)?;
        Ok((id, profile, ladder))
    }

    /// Loads the chosen profile and its ladder for a read that shows no private notes: a
    /// private file that cannot be read is said on stderr, and the rest is shown without it.
    pub(super) fn load_to_read(
        &self,
        name: Option<&str>,
    ) -> Result<(String, Profile, Ladder), Failure> {
        let id = self.id(name)?;
        let (profile, private_problem) = self.store.load_shared_part(&id)?;
        if let Some(problem) = private_problem {
            super::output::warn(&format!(
                "the private notes of \"{id}\" cannot be read, so this is shown without them. {problem}. Until that file is fixed (or moved away) every change to this profile is refused, so the notes in it are never written over"
            ));
        }
        let ladder = self.ladder_of(&profile)?;
        Ok((id, profile, ladder))
    }

    pub fn profile(&self, action: ProfileCommand, out: &mut dyn Write) -> Result<(), Failure> {
        match action {
            ProfileCommand::New {
                name,
                role,
                target,
                ladder,
            } => self.new_profile(
                &name,
                &role,
                target.as_deref(),
                ladder.ladder.as_deref(),
                out,
            ),
            ProfileCommand::List { json } => self.list(json, out),
            ProfileCommand::Show { name, json } => self.show(name.as_deref(), json, out),
            ProfileCommand::Set {
                name,
                role,
                target,
                no_target,
            } => self.set(
                name.as_deref(),
                role.as_deref(),
                target.as_deref(),
                no_target,
                out,
            ),
        }
    }

    fn new_profile(
        &self,
        name: &str,
        role: &str,
        target: Option<&str>,
        ladder_spec: Option<&str>,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        // A name that cannot be used is said before anything about the ladder.
        profile::profile_id(name)?;
        let (ladder, source) = ladder::resolve(ladder_spec, Some(&self.data_dir))?;
        let current = role_arg(&ladder, role, "--role")?;
        let target = target
            .map(|t| role_arg(&ladder, t, "--target"))
            .transpose()?;
        let profile = profile::new_profile(
            name,
            source.profile_reference(&ladder),
            ladder.role(current).id.to_string(),
            target.map(|t| ladder.role(t).id.to_string()),
        )?;
        let path = self.store.create(&profile)?;
        writeln!(
            out,
            "created profile \"{}\" for {} at {}",
            profile.id,
            profile.name,
            path.display()
        )?;
        Ok(())
    }

    fn list(&self, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
        let rows: Vec<ListRow> = self
            .store
            .list()?
            .into_iter()
            .map(|id| self.list_row(id))
            .collect();
        if json {
            return write_json(out, &rows);
        }
        if rows.is_empty() {
            writeln!(
                out,
                "no profiles yet — create one with `rungs profile new \"Your Name\" --role ROLE`"
            )?;
            return Ok(());
        }
        for row in &rows {
            if let Some(error) = &row.error {
                writeln!(
                    out,
                    "{}  (cannot be read: {})",
                    row.id,
                    text::one_line(error)
                )?;
                continue;
            }
            let readiness = row
                .readiness_line
                .as_deref()
                .map(|line| format!("  · {line}"))
                .unwrap_or_default();
            let target = row
                .target_title
                .as_deref()
                .map(|t| format!(" → {}", text::one_line(t)))
                .unwrap_or_default();
            writeln!(
                out,
                "{}  {}  [{}]  {}{target}{readiness}",
                row.id,
                text::one_line(row.name.as_deref().unwrap_or_default()),
                text::one_line(row.ladder.as_deref().unwrap_or_default()),
                text::one_line(row.current_title.as_deref().unwrap_or_default()),
            )?;
        }
        Ok(())
    }

    /// One profile as `profile list` shows it; a file that cannot be read carries its error.
    fn list_row(&self, id: String) -> ListRow {
        let path = self.store.path_of(&id).display().to_string();
        let loaded = self.store.load(&id).map_err(Failure::from).and_then(|p| {
            let ladder = self.ladder_of(&p)?;
            Ok((p, ladder))
        });
        match loaded {
            Ok((p, ladder)) => {
                let next = profile::next_level(&p, &ladder);
                let readiness = profile::readiness(&p, &ladder);
                ListRow {
                    current_title: Some(ladder.title_of(&p.current_role)),
                    target_title: p.target_role.as_deref().map(|t| ladder.title_of(t)),
                    next_level: next.map(|l| ladder.levels()[l].id.clone()),
                    readiness_line: readiness
                        .as_ref()
                        .map(|r| export::readiness_line(r, &ladder)),
                    readiness: readiness
                        .as_ref()
                        .map(|r| export::ReadinessJson::new(r, &ladder)),
                    id,
                    name: Some(p.name),
                    ladder: Some(p.ladder),
                    current_role: Some(p.current_role),
                    target_role: p.target_role,
                    path,
                    error: None,
                }
            }
            Err(e) => ListRow {
                id,
                path,
                error: Some(e.message),
                ..ListRow::default()
            },
        }
    }

    fn show(&self, name: Option<&str>, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
        let (_, profile, ladder) = self.load_to_read(name)?;
        if json {
            let input = export::ExportInput::new(&profile, &ladder, self.clock);
            write_json(out, &export::json(&input))?;
        } else {
            out.write_all(export::text(&profile, &ladder).as_bytes())?;
        }
        Ok(())
    }

    fn set(
        &self,
        name: Option<&str>,
        role: Option<&str>,
        target: Option<&str>,
        no_target: bool,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        if role.is_none() && target.is_none() && !no_target {
            return Err(Failure::invalid(
                "nothing to change — give --role ROLE, --target ROLE or --no-target",
            ));
        }
        let (id, _, ladder) = self.load(name)?;
        let role = role.map(|r| role_arg(&ladder, r, "--role")).transpose()?;
        let target = target
            .map(|t| role_arg(&ladder, t, "--target"))
            .transpose()?;
        let today = self.clock.today();
        let (_, saved) = self.store.update(&id, |p| {
            if let Some(role) = role
                && let Some(change) = rules::set_current_role(p, &ladder.role(role).id, today)
            {
                apply(&change, p)?;
            }
            let target = match (target, no_target) {
                (Some(t), _) => Some(Some(ladder.role(t).id.as_str())),
                (None, true) => Some(None),
                (None, false) => None,
            };
            if let Some(change) = target.and_then(|t| rules::set_target(p, t, today)) {
                apply(&change, p)?;
            }
            Ok(())
        })?;
        let title = |id: &str| ladder.title_of(id);
        writeln!(
            out,
            "{}: now {}{}",
            saved.id,
            title(&saved.current_role),
            saved
                .target_role
                .as_deref()
                .map(|t| format!(", target {}", title(t)))
                .unwrap_or_default()
        )?;
        Ok(())
    }

    pub fn milestone(
        &self,
        milestone: &str,
        status: StatusArg,
        note: Option<&str>,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let (id, _, ladder) = self.load(None)?;
        let Some((level, m)) = ladder.milestone(milestone) else {
            return Err(unknown_milestone(&ladder, milestone));
        };
        let status = Status::from(status);
        let today = self.clock.today();
        let milestone_id = m.id.clone();
        let (_, saved) = self.store.update(&id, |p| {
            let mut progress =
                rules::milestone_progress(p.milestones.get(&milestone_id), status, today);
            if let Some(note) = note {
                progress.note = text::typed(note).unwrap_or_default();
            }
            if let Some(change) = rules::set_milestone(p, &milestone_id, progress) {
                apply(&change, p)?;
            }
            Ok(())
        })?;
        let progress = profile::level_progress(&saved, &ladder, level);
        writeln!(
            out,
            "{}: {} {} → {} · {} milestones {}/{} done",
            saved.id,
            status.mark(),
            text::one_line(&m.title),
            status.name(),
            text::one_line(&ladder.levels()[level].name),
            progress.done,
            progress.total,
        )?;
        if let Some(r) = profile::readiness(&saved, &ladder) {
            writeln!(out, "  {}", export::readiness_line(&r, &ladder))?;
            if level > r.held_level {
                writeln!(
                    out,
                    "  {} is {} training: it counts toward readiness once you hold a role at that level",
                    text::one_line(&m.title),
                    text::one_line(&ladder.levels()[level].name)
                )?;
            }
        }
        Ok(())
    }

    pub fn log(
        &self,
        entry: &str,
        milestone: Option<&str>,
        competency: Option<&str>,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let Some(entry) = text::typed(entry) else {
            return Err(Failure::invalid(
                "nothing to log — give the text of the entry (control characters do not count)",
            ));
        };
        let (id, _, ladder) = self.load(None)?;
        if let Some(m) = milestone
            && ladder.milestone(m).is_none()
        {
            return Err(unknown_milestone(&ladder, m));
        }
        if let Some(c) = competency
            && !ladder.competencies().iter().any(|x| x.id == c)
        {
            let ids = ladder.competencies().iter().map(|x| x.id.as_str());
            return Err(Failure::invalid(format!(
                "--competency: unknown competency \"{}\" — {}",
                text::one_line(c),
                or_list(text::did_you_mean(c, ids.clone()), ids)
            )));
        }
        let today = self.clock.today();
        let ((), saved) = self.store.update(&id, |p| {
            let evidence = Evidence {
                id: 0,
                seq: 0,
                date: today,
                text: entry.clone(),
                milestone: milestone.map(str::to_string),
                competency: competency.map(str::to_string),
            };
            let change = rules::add_evidence(p, evidence)
                .map_err(|refusal| ProfileError::Invalid(refusal.0))?;
            apply(&change, p)
        })?;
        writeln!(
            out,
            "{}: logged on {today} ({} in the log)",
            saved.id,
            text::count(saved.evidence.len(), "entry")
        )?;
        Ok(())
    }

    pub fn plan(&self, action: PlanCommand, out: &mut dyn Write) -> Result<(), Failure> {
        let (id, profile, ladder) = self.load(None)?;
        let today = self.clock.today();
        let saved = match action {
            PlanCommand::Show { json } => {
                if json {
                    write_json(out, &export::plan_json(&profile, &ladder))?;
                } else {
                    out.write_all(export::plan_text(&profile, &ladder).as_bytes())?;
                }
                return Ok(());
            }
            PlanCommand::Clear => {
                self.store
                    .update(&id, |p| match rules::clear_plan(p, today) {
                        Some(change) => apply(&change, p),
                        None => Ok(()),
                    })?
            }
            PlanCommand::Add { role, date, note } => {
                let role = role_arg(&ladder, &role, "ROLE")?;
                let step = PlanStep {
                    role: ladder.role(role).id.to_string(),
                    target_date: date,
                    note: note.as_deref().and_then(text::typed).unwrap_or_default(),
                };
                // Checked here first so a refusal is bad input (exit 2) with nothing locked.
                rules::append_step(&profile, &ladder, step.clone(), today)
                    .map_err(|refusal| Failure::invalid(refusal.0))?;
                self.store.update(&id, |p| {
                    let change = rules::append_step(p, &ladder, step, today)
                        .map_err(|refusal| ProfileError::Invalid(refusal.0))?;
                    apply(&change, p)
                })?
            }
            PlanCommand::Auto { alternative } => {
                let alternative = alternative as usize;
                let paths = rules::paths_to_target(&profile, &ladder, alternative)
                    .map_err(|refusal| Failure::invalid(refusal.0))?;
                let Some(path) = paths.get(alternative - 1) else {
                    return Err(Failure::invalid(format!(
                        "there are only {} to the target — choose --alternative 1 to {}",
                        text::count(paths.len(), "distinct path"),
                        paths.len()
                    )));
                };
                self.store.update(&id, |p| {
                    let change = rules::use_path(p, &ladder, path, String::new(), today);
                    apply(&change, p)
                })?
            }
        };
        out.write_all(export::plan_text(&saved.1, &ladder).as_bytes())?;
        Ok(())
    }

    pub(super) fn clock(&self) -> &Clock {
        self.clock
    }

    pub(super) fn store(&self) -> &Store {
        &self.store
    }
}

/// Applies a rule's change to the profile re-read under the lock. The change was computed
/// from that same copy, so a conflict means a bug, reported rather than saved.
pub(super) fn apply(change: &Change, p: &mut Profile) -> Result<(), ProfileError> {
    change.apply(p).map(|_| ()).map_err(|Conflict { what }| {
        ProfileError::Invalid(format!(
            "internal error: {what} changed while it was being changed"
        ))
    })
}

pub(super) fn unknown_milestone(ladder: &Ladder, wanted: &str) -> Failure {
    let ids: Vec<&str> = ladder
        .levels()
        .iter()
        .flat_map(|l| l.milestones.iter().map(|m| m.id.as_str()))
        .collect();
    // An id keeps the level prefix it was first written under, so progress recorded on it
    // still counts after the milestone moves level (the bundled ladder's `exec-strategic-planning`
    // is a director's): `dir-strategic-planning` points at it before any near miss.
    let tail = |id: &str| id.split_once('-').map_or(id, |(_, rest)| rest).to_string();
    let moved: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| tail(id) == tail(wanted))
        .collect();
    let hint = if moved.is_empty() {
        text::did_you_mean(wanted, ids.iter().copied())
    } else {
        format!("did you mean: {}?", moved.join(", "))
    };
    let hint = if hint.is_empty() {
        "`rungs profile show` lists the milestones of every level".to_string()
    } else {
        hint
    };
    Failure::invalid(format!(
        "unknown milestone \"{}\" in ladder \"{}\" — {hint}",
        text::one_line(wanted),
        ladder.id()
    ))
}

pub(super) fn or_list<'a>(suggestion: String, all: impl Iterator<Item = &'a str>) -> String {
    if suggestion.is_empty() {
        format!("known: {}", all.collect::<Vec<_>>().join(", "))
    } else {
        suggestion
    }
}

/// A row of `profile list`; the fields the JSON leaves out serve the text view.
#[derive(Debug, Default, Serialize)]
struct ListRow {
    id: String,
    name: Option<String>,
    ladder: Option<String>,
    current_role: Option<String>,
    target_role: Option<String>,
    next_level: Option<String>,
    readiness: Option<export::ReadinessJson>,
    path: String,
    error: Option<String>,
    #[serde(skip)]
    current_title: Option<String>,
    #[serde(skip)]
    target_title: Option<String>,
    #[serde(skip)]
    readiness_line: Option<String>,
}
