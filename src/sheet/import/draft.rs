//! The sheet as it is read, row by row: levels, corners, roles, milestones and competencies
//! found so far, each with where its values were written, so a row that disagrees with an
//! earlier one is reported at its own cell.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use csv::StringRecord;

use super::outcome::{MAX_ERRORS, SheetError};
use crate::ladder::{MilestoneKind, PROFICIENCY_WORDS, Stage, parse_expectation};
use crate::sheet::columns::{Column, squash};
use crate::text;

/// Where a cell is: the row (line in the file) and the column (field number), both from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct At {
    pub(super) row: usize,
    pub(super) col: usize,
}

/// A value written in a cell, remembered with where it was written.
pub(super) type Placed<T> = Option<(T, At)>;

pub(super) struct LevelDraft {
    pub(super) name: String,
    pub(super) id: Placed<String>,
    pub(super) rank: Placed<i64>,
    pub(super) summary: Placed<String>,
    /// The level cell of the first row naming it.
    pub(super) first: At,
    pub(super) expects: BTreeMap<usize, (u8, At)>,
}

pub(super) struct CornerDraft {
    pub(super) name: String,
    pub(super) id: Placed<String>,
    pub(super) summary: Placed<String>,
    pub(super) short: Placed<String>,
    pub(super) business_facing: Placed<bool>,
}

pub(super) struct RoleDraft {
    pub(super) title: String,
    pub(super) level: usize,
    pub(super) corner: Option<usize>,
    pub(super) id: Placed<String>,
    pub(super) summary: Placed<String>,
    pub(super) expects: BTreeMap<usize, (u8, At)>,
    pub(super) first: At,
}

pub(super) struct MilestoneDraft {
    pub(super) title: String,
    pub(super) level: usize,
    pub(super) id: Placed<String>,
    pub(super) stage: Placed<StageWord>,
    pub(super) kind: Placed<KindWord>,
    pub(super) summary: Placed<String>,
}

pub(super) struct CompetencyDraft {
    pub(super) name: String,
    pub(super) id: Placed<String>,
    pub(super) summary: Placed<String>,
}

/// The sheet read so far.
#[derive(Default)]
pub(super) struct Draft {
    pub(super) levels: Vec<LevelDraft>,
    pub(super) level_by_key: HashMap<String, usize>,
    pub(super) corners: Vec<CornerDraft>,
    pub(super) corner_by_key: HashMap<String, usize>,
    pub(super) roles: Vec<RoleDraft>,
    pub(super) role_by_key: HashMap<(usize, Option<usize>, String), usize>,
    pub(super) role_by_id: HashMap<String, usize>,
    pub(super) milestones: Vec<MilestoneDraft>,
    pub(super) milestone_by_key: HashMap<(usize, String), usize>,
    pub(super) competencies: Vec<CompetencyDraft>,
    pub(super) competency_by_key: HashMap<String, usize>,
    pub(super) has_rank_column: bool,
    pub(super) notes: Notes,
}

/// What is wrong with the sheet, and what the person should know about it.
#[derive(Default)]
pub(super) struct Notes {
    pub(super) origin: String,
    pub(super) errors: Vec<SheetError>,
    pub(super) warnings: Vec<String>,
}

/// How names are compared: spaces folded, case ignored.
pub(super) fn key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A name or title as shown: one line, spaces folded.
pub(super) fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The base of an id made from a name: ASCII transliteration, then the slug.
pub(super) fn slug_of(name: &str) -> String {
    text::id_of_name(name)
}

/// The index of the item under `key`, added with `make` if it is new.
fn intern<K: std::hash::Hash + Eq, T>(
    index: &mut HashMap<K, usize>,
    items: &mut Vec<T>,
    key: K,
    make: impl FnOnce() -> T,
) -> usize {
    *index.entry(key).or_insert_with(|| {
        items.push(make());
        items.len() - 1
    })
}

/// One row, with its cells looked up by column.
pub(super) struct Row<'a> {
    pub(super) record: &'a StringRecord,
    pub(super) columns: &'a HashMap<Column, usize>,
    pub(super) row: usize,
}

impl Row<'_> {
    /// The trimmed, non-empty value of `column` in this row, with where it is; the apostrophe
    /// that keeps a spreadsheet from running a cell as a formula is taken off.
    pub(super) fn get(&self, column: Column) -> Option<(&str, At)> {
        let &i = self.columns.get(&column)?;
        let value = crate::sheet::formula::from_text(self.record.get(i)?.trim());
        (!value.is_empty()).then_some((
            value,
            At {
                row: self.row,
                col: i + 1,
            },
        ))
    }
}

impl Notes {
    pub(super) fn error(&mut self, at: At, message: impl Into<String>, hint: impl Into<String>) {
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(SheetError {
                row: at.row,
                column: at.col,
                message: message.into(),
                hint: hint.into(),
            });
        }
    }

    pub(super) fn warn(&mut self, at: At, message: String) {
        self.warnings
            .push(format!("{}:{}:{}: {message}", self.origin, at.row, at.col));
    }

    /// Sets `slot` from a cell, or reports a cell that disagrees with an earlier row.
    pub(super) fn settle<T: PartialEq + fmt::Display>(
        &mut self,
        slot: &mut Placed<T>,
        value: T,
        at: At,
        what: &str,
    ) {
        match slot {
            None => *slot = Some((value, at)),
            Some((old, first)) if *old != value => {
                let message = format!(
                    "{what} \"{value}\" here, but \"{old}\" on row {}",
                    first.row
                );
                self.error(at, message, "one thing has one value: make the rows agree");
            }
            Some(_) => {}
        }
    }

    /// Like [`Notes::settle`] for free text: the first wins, a different one is a warning.
    pub(super) fn settle_text(
        &mut self,
        slot: &mut Placed<String>,
        value: &str,
        at: At,
        what: &str,
    ) {
        match slot {
            None => *slot = Some((value.to_string(), at)),
            Some((old, first)) if old != value => {
                let row = first.row;
                self.warn(
                    at,
                    format!("{what} differs from row {row}'s; keeping row {row}'s"),
                );
            }
            Some(_) => {}
        }
    }
}

impl Draft {
    pub(super) fn read_row(&mut self, row: &Row) {
        let Some((level_name, level_at)) = row.get(Column::Level) else {
            let at = row.columns.get(&Column::Level).map_or(
                At {
                    row: row.row,
                    col: 1,
                },
                |&i| At {
                    row: row.row,
                    col: i + 1,
                },
            );
            self.notes.error(
                at,
                "the level is empty",
                "every row names the level it belongs to",
            );
            return;
        };
        let level = self.level(row, level_name, level_at);
        let corner = row
            .get(Column::Corner)
            .map(|(name, _)| self.corner(row, name));
        let role = row
            .get(Column::Role)
            .and_then(|(title, at)| self.role(row, level, corner, title, at));
        let milestone = self.milestone(row, level);
        let competency = self.competency(row, level, role);
        // A row that only names a role defines it; a second such row is a duplicate.
        if let (Some((role, is_new)), false, false) = (role, milestone, competency)
            && !is_new
            && let Some((title, at)) = row.get(Column::Role)
        {
            let first = self.roles[role].first.row;
            let where_ = self.place_of(role);
            self.notes.error(
                at,
                format!("duplicate role \"{title}\" {where_} (first on row {first})"),
                "a role has one row of its own; rows that repeat it must add a milestone or a competency",
            );
        }
    }

    fn level(&mut self, row: &Row, name: &str, at: At) -> usize {
        let k = key(name);
        let level = intern(&mut self.level_by_key, &mut self.levels, k, || LevelDraft {
            name: clean(name),
            id: None,
            rank: None,
            summary: None,
            first: at,
            expects: BTreeMap::new(),
        });
        if let Some((id, at)) = row.get(Column::LevelId) {
            self.notes
                .settle(&mut self.levels[level].id, id.to_string(), at, "level_id");
        }
        if let Some((rank, at)) = row.get(Column::LevelRank) {
            match rank.parse::<i64>() {
                Ok(n) => {
                    self.notes
                        .settle(&mut self.levels[level].rank, n, at, "level_rank");
                }
                Err(_) => self.notes.error(
                    at,
                    format!("level_rank \"{rank}\" is not a whole number"),
                    "write 1 for the most junior level, 2 for the next, and so on",
                ),
            }
        }
        if let Some((summary, at)) = row.get(Column::LevelSummary) {
            self.notes.settle_text(
                &mut self.levels[level].summary,
                summary,
                at,
                "level_summary",
            );
        }
        level
    }

    fn corner(&mut self, row: &Row, name: &str) -> usize {
        let k = key(name);
        let corner = intern(&mut self.corner_by_key, &mut self.corners, k, || {
            CornerDraft {
                name: clean(name),
                id: None,
                summary: None,
                short: None,
                business_facing: None,
            }
        });
        if let Some((id, at)) = row.get(Column::CornerId) {
            self.notes.settle(
                &mut self.corners[corner].id,
                id.to_string(),
                at,
                "corner_id",
            );
        }
        if let Some((summary, at)) = row.get(Column::CornerSummary) {
            self.notes.settle_text(
                &mut self.corners[corner].summary,
                summary,
                at,
                "corner_summary",
            );
        }
        if let Some((short, at)) = row.get(Column::CornerShort) {
            self.notes
                .settle_text(&mut self.corners[corner].short, short, at, "corner_short");
        }
        if let Some((flag, at)) = row.get(Column::BusinessFacing) {
            match parse_yes_no(flag) {
                Some(b) => {
                    self.notes.settle(
                        &mut self.corners[corner].business_facing,
                        b,
                        at,
                        "business_facing",
                    );
                }
                None => self.notes.error(
                    at,
                    format!("business_facing \"{flag}\" is neither yes nor no"),
                    "write yes or no (true/false, 1/0 work too), or leave it empty",
                ),
            }
        }
        corner
    }

    /// "at level "Senior" in corner "Engineering"", for messages.
    fn place_of(&self, role: usize) -> String {
        let r = &self.roles[role];
        let level = &self.levels[r.level].name;
        match r.corner {
            Some(c) => format!(
                "at level \"{level}\" in corner \"{}\"",
                self.corners[c].name
            ),
            None => format!("at level \"{level}\" with no corner"),
        }
    }

    /// The role this row names, and whether this row is the first to name it.
    fn role(
        &mut self,
        row: &Row,
        level: usize,
        corner: Option<usize>,
        title: &str,
        at: At,
    ) -> Option<(usize, bool)> {
        let place_key = (level, corner, key(title));
        let given_id = row.get(Column::RoleId);
        let by_id = given_id.and_then(|(id, _)| self.role_by_id.get(id).copied());
        let by_place = self.role_by_key.get(&place_key).copied();
        let existing = match (by_id, by_place) {
            (Some(role), _) => {
                let r = &self.roles[role];
                if (r.level, r.corner, key(&r.title)) != place_key {
                    let (first, other_title) = (r.first.row, r.title.clone());
                    let where_ = self.place_of(role);
                    let (id, id_at) = given_id.unwrap_or(("", at));
                    self.notes.error(
                        id_at,
                        format!(
                            "role_id \"{id}\" was given on row {first} to \"{other_title}\" {where_}"
                        ),
                        "a role id names one role: use another id, or the same level, corner and title",
                    );
                    return None;
                }
                Some(role)
            }
            (None, Some(role)) => match (given_id, self.roles[role].id.clone()) {
                (Some((id, id_at)), Some((other_id, _))) => {
                    let first = self.roles[role].first.row;
                    let where_ = self.place_of(role);
                    self.notes.error(
                        id_at,
                        format!(
                            "duplicate role \"{title}\" {where_}: row {first} has it already as role_id \"{other_id}\", and this row gives it role_id \"{id}\""
                        ),
                        "one role per title in a level and corner: drop one row, or give the roles different titles",
                    );
                    return None;
                }
                (Some((id, id_at)), None) => {
                    self.roles[role].id = Some((id.to_string(), id_at));
                    self.role_by_id.insert(id.to_string(), role);
                    Some(role)
                }
                (None, _) => Some(role),
            },
            (None, None) => None,
        };
        if let Some(role) = existing {
            if let Some((summary, at)) = row.get(Column::RoleSummary) {
                self.notes
                    .settle_text(&mut self.roles[role].summary, summary, at, "role_summary");
            }
            return Some((role, false));
        }
        self.roles.push(RoleDraft {
            title: clean(title),
            level,
            corner,
            id: given_id.map(|(id, at)| (id.to_string(), at)),
            summary: row
                .get(Column::RoleSummary)
                .map(|(s, at)| (s.to_string(), at)),
            expects: BTreeMap::new(),
            first: at,
        });
        let role = self.roles.len() - 1;
        self.role_by_key.insert(place_key, role);
        if let Some((id, _)) = given_id {
            self.role_by_id.insert(id.to_string(), role);
        }
        Some((role, true))
    }

    /// The milestone this row adds to its level, if any; reports stage and kind without one.
    fn milestone(&mut self, row: &Row, level: usize) -> bool {
        let stage = row.get(Column::Stage);
        let kind = row.get(Column::Kind);
        let Some((title, _)) = row.get(Column::Milestone) else {
            for (cell, what) in [(stage, "stage"), (kind, "kind")] {
                if let Some((_, at)) = cell {
                    self.notes.error(
                        at,
                        format!("a {what} but no milestone"),
                        "name the milestone in the same row, or clear the cell",
                    );
                }
            }
            return false;
        };
        let given_id = row.get(Column::MilestoneId);
        let k = (level, key(title));
        let milestone = intern(&mut self.milestone_by_key, &mut self.milestones, k, || {
            MilestoneDraft {
                title: clean(title),
                level,
                id: None,
                stage: None,
                kind: None,
                summary: None,
            }
        });
        if let Some((id, at)) = given_id {
            self.notes.settle(
                &mut self.milestones[milestone].id,
                id.to_string(),
                at,
                "milestone_id",
            );
        }
        if let Some((word, at)) = stage {
            match parse_stage(word) {
                Ok(stage) => {
                    self.notes.settle(
                        &mut self.milestones[milestone].stage,
                        StageWord(stage),
                        at,
                        "stage",
                    );
                }
                Err(hint) => self
                    .notes
                    .error(at, format!("unknown stage \"{word}\""), hint),
            }
        }
        if let Some((word, at)) = kind {
            match parse_kind(word) {
                Ok(kind) => {
                    self.notes.settle(
                        &mut self.milestones[milestone].kind,
                        KindWord(kind),
                        at,
                        "kind",
                    );
                }
                Err(hint) => self
                    .notes
                    .error(at, format!("unknown kind \"{word}\""), hint),
            }
        }
        if let Some((summary, at)) = row.get(Column::MilestoneSummary) {
            self.notes.settle_text(
                &mut self.milestones[milestone].summary,
                summary,
                at,
                "milestone_summary",
            );
        }
        true
    }

    /// The competency this row names and the expectation it sets, on the role or, in a row
    /// without a role, on the level.
    fn competency(&mut self, row: &Row, level: usize, role: Option<(usize, bool)>) -> bool {
        let expectation = row.get(Column::Expectation);
        let Some((name, _)) = row.get(Column::Competency) else {
            if let Some((_, at)) = expectation {
                self.notes.error(
                    at,
                    "an expectation but no competency",
                    "name the competency in the same row, or clear the cell",
                );
            }
            return false;
        };
        let k = key(name);
        let competency = intern(
            &mut self.competency_by_key,
            &mut self.competencies,
            k,
            || CompetencyDraft {
                name: clean(name),
                id: None,
                summary: None,
            },
        );
        if let Some((id, at)) = row.get(Column::CompetencyId) {
            self.notes.settle(
                &mut self.competencies[competency].id,
                id.to_string(),
                at,
                "competency_id",
            );
        }
        if let Some((summary, at)) = row.get(Column::CompetencySummary) {
            self.notes.settle_text(
                &mut self.competencies[competency].summary,
                summary,
                at,
                "competency_summary",
            );
        }
        let Some((word, at)) = expectation else {
            return true;
        };
        let Some(value) = parse_expectation(word) else {
            let words: Vec<String> = PROFICIENCY_WORDS
                .iter()
                .map(|(w, n)| format!("{n} {w}"))
                .collect();
            self.notes.error(
                at,
                format!("expectation \"{word}\" is neither 1 to 5 nor a proficiency word"),
                format!("use one of: {}", words.join(", ")),
            );
            return true;
        };
        let (expects, owner) = match role {
            Some((r, _)) => (&mut self.roles[r].expects, "this role"),
            None => (&mut self.levels[level].expects, "this level"),
        };
        match expects.get(&competency) {
            Some(&(old, first)) if old != value => {
                let name = self.competencies[competency].name.clone();
                self.notes.error(
                    at,
                    format!(
                        "expectation {value} for \"{name}\" here, but {old} for {owner} on row {}",
                        first.row
                    ),
                    "one expectation per competency for a role (or a level): make the rows agree",
                );
            }
            Some(_) => {}
            None => {
                expects.insert(competency, (value, at));
            }
        }
        true
    }
}

/// Stages and kinds compared as words, for [`Draft::settle`].
#[derive(Clone, Copy, PartialEq)]
pub(super) struct StageWord(pub(super) Stage);
impl fmt::Display for StageWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.label())
    }
}
#[derive(Clone, Copy, PartialEq)]
pub(super) struct KindWord(pub(super) MilestoneKind);
impl fmt::Display for KindWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.label())
    }
}

const KINDS: [MilestoneKind; 6] = [
    MilestoneKind::Course,
    MilestoneKind::Certification,
    MilestoneKind::Practice,
    MilestoneKind::Mentoring,
    MilestoneKind::Reading,
    MilestoneKind::Project,
];

/// One of `all` as a sheet writes it, whatever its case and separators (`Higher level`,
/// `higher-level` and `HigherLevel` are one stage); else a hint naming what is close.
fn parse_word<T: Copy>(word: &str, all: &[T], label: fn(T) -> &'static str) -> Result<T, String> {
    let wanted = squash(word);
    all.iter()
        .copied()
        .find(|&t| squash(label(t)) == wanted)
        .ok_or_else(|| {
            let labels: Vec<&str> = all.iter().map(|&t| label(t)).collect();
            let close = text::did_you_mean(word, labels.iter().copied());
            if close.is_empty() {
                format!("one of: {}", labels.join(", "))
            } else {
                close
            }
        })
}

pub(super) fn parse_stage(word: &str) -> Result<Stage, String> {
    parse_word(word, &Stage::ALL, Stage::label)
}

pub(super) fn parse_kind(word: &str) -> Result<MilestoneKind, String> {
    parse_word(word, &KINDS, MilestoneKind::label)
}

pub(super) fn parse_yes_no(word: &str) -> Option<bool> {
    match squash(word).as_str() {
        "yes" | "y" | "true" | "1" | "x" => Some(true),
        "no" | "n" | "false" | "0" => Some(false),
        _ => None,
    }
}
