//! From the sheet as read to a ladder file: levels in order, every id unique, each
//! expectation said once — on the level where its roles agree, on each role otherwise.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::draft::{At, Draft, Placed, slug_of};
use super::outcome::ImportOptions;
use crate::ladder::{
    Competency, Corner, LADDER_FORMAT, LadderFile, Level, Milestone, MilestoneKind, Role, Rules,
    Stage,
};
use crate::text;

impl Draft {
    /// Orders the levels, gives everything an id, settles where expectations live, and builds
    /// the ladder file.
    pub(super) fn finish(&mut self, options: &ImportOptions) -> LadderFile {
        let order = self.level_order();
        let wanted: Vec<_> = self
            .levels
            .iter()
            .map(|l| (l.id.clone(), l.name.clone(), Vec::new()))
            .collect();
        let level_ids = assign_ids(self, "level", &wanted);
        for (i, l) in self.levels.iter().enumerate() {
            if !self.roles.iter().any(|r| r.level == i) {
                let (at, name) = (l.first, l.name.clone());
                self.notes.error(
                    at,
                    format!("level \"{name}\" has no role"),
                    "add a row with a role at this level, or remove the level's rows",
                );
            }
        }
        let wanted: Vec<_> = self
            .corners
            .iter()
            .map(|c| (c.id.clone(), c.name.clone(), Vec::new()))
            .collect();
        let corner_ids = assign_ids(self, "corner", &wanted);
        let wanted: Vec<_> = self
            .roles
            .iter()
            .map(|r| {
                let mut qualifiers = Vec::new();
                if let Some(c) = r.corner {
                    qualifiers.push(corner_ids[c].clone());
                }
                qualifiers.push(level_ids[r.level].clone());
                (r.id.clone(), r.title.clone(), qualifiers)
            })
            .collect();
        let role_ids = assign_ids(self, "role", &wanted);
        let wanted: Vec<_> = self
            .milestones
            .iter()
            .map(|m| {
                (
                    m.id.clone(),
                    m.title.clone(),
                    vec![level_ids[m.level].clone()],
                )
            })
            .collect();
        let milestone_ids = assign_ids(self, "milestone", &wanted);
        let wanted: Vec<_> = self
            .competencies
            .iter()
            .map(|c| (c.id.clone(), c.name.clone(), Vec::new()))
            .collect();
        let competency_ids = assign_ids(self, "competency", &wanted);
        self.settle_expectations();

        let position: HashMap<usize, usize> =
            order.iter().enumerate().map(|(pos, &l)| (l, pos)).collect();
        let expects_of = |expects: &BTreeMap<usize, (u8, At)>| -> BTreeMap<String, u8> {
            expects
                .iter()
                .map(|(&c, &(n, _))| (competency_ids[c].clone(), n))
                .collect()
        };
        let text_of =
            |slot: &Placed<String>| slot.as_ref().map_or(String::new(), |(s, _)| s.clone());
        let levels = order
            .iter()
            .map(|&l| {
                let level = &self.levels[l];
                Level {
                    id: level_ids[l].clone(),
                    name: level.name.clone(),
                    summary: text_of(&level.summary),
                    expects: expects_of(&level.expects),
                    hands_on: None,
                    typical_years: None,
                    milestones: self
                        .milestones
                        .iter()
                        .enumerate()
                        .filter(|(_, m)| m.level == l)
                        .map(|(i, m)| Milestone {
                            id: milestone_ids[i].clone(),
                            title: m.title.clone(),
                            stage: m.stage.map_or_else(
                                || default_stage(position[&l], order.len()),
                                |(s, _)| s.0,
                            ),
                            kind: m.kind.map_or(MilestoneKind::Practice, |(k, _)| k.0),
                            summary: text_of(&m.summary),
                        })
                        .collect(),
                }
            })
            .collect();
        let mut roles: Vec<(usize, Role)> = self
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| {
                (
                    position[&r.level],
                    Role {
                        id: role_ids[i].as_str().into(),
                        title: r.title.as_str().into(),
                        level: level_ids[r.level].as_str().into(),
                        corner: r.corner.map(|c| corner_ids[c].as_str().into()),
                        summary: text_of(&r.summary),
                        expects: expects_of(&r.expects),
                    },
                )
            })
            .collect();
        // Grouped by level, most junior first; within a level, in the sheet's order.
        roles.sort_by_key(|(pos, _)| *pos);
        LadderFile {
            format: LADDER_FORMAT,
            id: options.id.clone(),
            name: options.name.clone(),
            summary: String::new(),
            levels,
            corners: self
                .corners
                .iter()
                .enumerate()
                .map(|(i, c)| Corner {
                    id: corner_ids[i].clone(),
                    name: c.name.clone(),
                    short: text_of(&c.short),
                    summary: text_of(&c.summary),
                    business_facing: c.business_facing.is_some_and(|(b, _)| b),
                    near: Vec::new(),
                })
                .collect(),
            roles: roles.into_iter().map(|(_, r)| r).collect(),
            bridges: Vec::new(),
            rules: Rules::default(),
            competencies: self
                .competencies
                .iter()
                .enumerate()
                .map(|(i, c)| Competency {
                    id: competency_ids[i].clone(),
                    name: c.name.clone(),
                    summary: text_of(&c.summary),
                })
                .collect(),
        }
    }

    /// The levels, most junior first: by `level_rank` when the sheet has the column, else in
    /// the order they first appear.
    fn level_order(&mut self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.levels.len()).collect();
        if !self.has_rank_column {
            return order;
        }
        let mut by_rank: HashMap<i64, usize> = HashMap::new();
        for i in 0..self.levels.len() {
            let (name, first, rank) = {
                let l = &self.levels[i];
                (l.name.clone(), l.first, l.rank)
            };
            match rank {
                None => self.notes.error(
                    first,
                    format!("level \"{name}\" has no level_rank"),
                    "give every level its rank in at least one of its rows (1 for the most junior)",
                ),
                Some((rank, at)) => {
                    if let Some(&other) = by_rank.get(&rank) {
                        let other = self.levels[other].name.clone();
                        self.notes.error(
                            at,
                            format!(
                                "levels \"{other}\" and \"{name}\" both have level_rank {rank}"
                            ),
                            "each level needs its own rank",
                        );
                    } else {
                        by_rank.insert(rank, i);
                    }
                }
            }
        }
        order.sort_by_key(|&l| self.levels[l].rank.map(|(r, _)| r));
        order
    }

    /// Puts an expectation on the level when every role of the level agrees on it, and on each
    /// role otherwise, so the file says each thing once.
    fn settle_expectations(&mut self) {
        for level in 0..self.levels.len() {
            let roles: Vec<usize> = (0..self.roles.len())
                .filter(|&r| self.roles[r].level == level)
                .collect();
            let competencies: BTreeSet<usize> = roles
                .iter()
                .flat_map(|&r| self.roles[r].expects.keys().copied())
                .collect();
            for c in competencies {
                let level_value = self.levels[level].expects.get(&c).copied();
                let values: Vec<Option<(u8, At)>> = roles
                    .iter()
                    .map(|&r| self.roles[r].expects.get(&c).copied().or(level_value))
                    .collect();
                let first = values[0];
                let all_agree = values
                    .iter()
                    .all(|v| v.map(|(n, _)| n) == first.map(|(n, _)| n));
                if let (true, Some(agreed)) = (all_agree, first) {
                    self.levels[level].expects.insert(c, agreed);
                    for &r in &roles {
                        self.roles[r].expects.remove(&c);
                    }
                } else {
                    // Keep only what differs from the level's own.
                    for &r in &roles {
                        if let (Some((own, _)), Some((from_level, _))) =
                            (self.roles[r].expects.get(&c), level_value)
                            && *own == from_level
                        {
                            self.roles[r].expects.remove(&c);
                        }
                    }
                }
            }
        }
    }
}

/// The stage a milestone without one gets from its level's place in the ladder: the five
/// stages spread over the levels, most junior first.
fn default_stage(position: usize, levels: usize) -> Stage {
    Stage::ALL[(position * Stage::ALL.len() / levels.max(1)).min(Stage::ALL.len() - 1)]
}

/// Gives each item an id: the one the sheet gave (checked), else the slug of its name, made
/// unique with its qualifiers (`manager-infra`), then a number (`manager-2`).
fn assign_ids(
    draft: &mut Draft,
    kind: &str,
    items: &[(Placed<String>, String, Vec<String>)],
) -> Vec<String> {
    let mut taken: HashMap<String, At> = HashMap::new();
    for (given, _, _) in items {
        let Some((id, at)) = given else { continue };
        if !text::is_valid_id(id) {
            let slug = slug_of(id);
            draft.notes.error(
                *at,
                format!("{kind} id \"{id}\" is not a valid id"),
                if slug.is_empty() {
                    "ids use only a-z, 0-9 and -".to_string()
                } else {
                    format!("ids use only a-z, 0-9 and -; try \"{slug}\"")
                },
            );
        } else if let Some(first) = taken.get(id) {
            let row = first.row;
            draft.notes.error(
                *at,
                format!("{kind} id \"{id}\" is also given to another {kind} on row {row}"),
                format!("every {kind} needs its own id"),
            );
        } else {
            taken.insert(id.clone(), *at);
        }
    }
    let nowhere = At { row: 0, col: 0 };
    items
        .iter()
        .map(|(given, name, qualifiers)| {
            if let Some((id, _)) = given {
                return id.clone();
            }
            let base = slug_of(name);
            let base = if base.is_empty() {
                kind.to_string()
            } else {
                base
            };
            let mut candidates = vec![base.clone()];
            candidates.extend(
                qualifiers
                    .iter()
                    .filter(|q| !q.is_empty() && !base.ends_with(q.as_str()))
                    .map(|q| format!("{base}-{q}")),
            );
            let id = candidates
                .into_iter()
                .find(|c| !taken.contains_key(c))
                .unwrap_or_else(|| {
                    (2..)
                        .map(|n| format!("{base}-{n}"))
                        .find(|c| !taken.contains_key(c))
                        .unwrap_or_default()
                });
            taken.insert(id.clone(), nowhere);
            id
        })
        .collect()
}
