//! The ladder as written in a file (format 1), and the validated ladder the rest of rungs uses.

use std::collections::{BTreeMap, HashMap};

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// The ladder file format this version reads and writes.
pub const LADDER_FORMAT: u32 = 1;

/// A ladder file exactly as documented in the README. Field order here is the order written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderFile {
    pub format: u32,
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    pub levels: Vec<Level>,
    #[serde(default)]
    pub corners: Vec<Corner>,
    pub roles: Vec<Role>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bridges: Vec<Bridge>,
    #[serde(default)]
    pub rules: Rules,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<Competency>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Expected level (1..=5) of each competency at this level; a role may override it.
    /// Ask [`Ladder::expects_of`] for what applies to a role.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::serde_maps::unique_keys"
    )]
    pub expects: BTreeMap<String, u8>,
    /// Whether people at this level still do the craft themselves (an individual contributor,
    /// a tech lead). Omitted, it is derived: see [`Ladder::is_hands_on`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hands_on: Option<bool>,
    /// How many years people usually stay at this level before the next move, fewest and
    /// most: `typical_years: (3, 5)`. Omitted, [`DEFAULT_TYPICAL_YEARS`]; see
    /// [`Ladder::typical_years`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub typical_years: Option<(u8, u8)>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
}

/// Years people usually stay at a level whose ladder does not say (`typical_years`).
pub const DEFAULT_TYPICAL_YEARS: (u8, u8) = (2, 4);
/// The most years a level may say people usually stay.
pub const MAX_TYPICAL_YEARS: u8 = 20;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub id: String,
    pub title: String,
    pub stage: Stage,
    pub kind: MilestoneKind,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
}

/// The stage of training a milestone belongs to, after the five stages of IT management training.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Stage {
    Preliminary,
    Preparatory,
    Developmental,
    HigherLevel,
    Executive,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Preliminary,
        Stage::Preparatory,
        Stage::Developmental,
        Stage::HigherLevel,
        Stage::Executive,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Preliminary => "preliminary",
            Stage::Preparatory => "preparatory",
            Stage::Developmental => "developmental",
            Stage::HigherLevel => "higher-level",
            Stage::Executive => "executive",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MilestoneKind {
    Course,
    Certification,
    Practice,
    Mentoring,
    Reading,
    Project,
}

impl MilestoneKind {
    pub fn label(self) -> &'static str {
        match self {
            MilestoneKind::Course => "course",
            MilestoneKind::Certification => "certification",
            MilestoneKind::Practice => "practice",
            MilestoneKind::Mentoring => "mentoring",
            MilestoneKind::Reading => "reading",
            MilestoneKind::Project => "project",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corner {
    pub id: String,
    pub name: String,
    /// A shorter name for where room is scarce ("Infra & ops"): the ladder graph's header shows
    /// it when the whole name would not fit. Empty when the ladder gives none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    #[serde(default)]
    pub business_facing: bool,
    /// Neighbouring corners, whose craft carries over: the planner prefers moves into them, and
    /// a hands-on role in one of them counts as tied to this corner. Read both ways.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub near: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    // Inline strings: a company ladder can hold tens of thousands of roles, and their ids,
    // titles and references are short, so each stays in the role instead of on the heap.
    pub id: CompactString,
    pub title: CompactString,
    pub level: CompactString,
    /// `None` for an enterprise-wide role such as the CIO.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub corner: Option<CompactString>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Expected level (1..=5) of competencies where this role differs from its level, as
    /// parallel tracks on one level often do. Ask [`Ladder::expects_of`], never this map alone.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "crate::serde_maps::unique_keys"
    )]
    pub expects: BTreeMap<String, u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bridge {
    pub from: String,
    pub to: String,
    /// Why people may climb more levels than the rules allow along this bridge. Required when
    /// the bridge skips a level, so a skip is always a decision the ladder's author explains.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub skip_reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// How many levels one move may climb without a bridge.
    #[serde(default = "default_max_step_up")]
    pub max_step_up: u32,
    #[serde(default = "default_allow_down")]
    pub allow_down: bool,
}

fn default_max_step_up() -> u32 {
    1
}

fn default_allow_down() -> bool {
    true
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            max_step_up: default_max_step_up(),
            allow_down: default_allow_down(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
}

/// Index of a level in [`Ladder::levels`]; lower is more junior.
pub type LevelIdx = usize;
/// Index of a corner in [`Ladder::corners`].
pub type CornerIdx = usize;
/// Index of a role in [`Ladder::roles`].
pub type RoleIdx = usize;

/// A ladder that passed validation: every reference resolves, so lookups by index cannot fail.
#[derive(Debug, Clone)]
pub struct Ladder {
    file: LadderFile,
    role_level: Vec<LevelIdx>,
    role_corner: Vec<Option<CornerIdx>>,
    level_hands_on: Vec<bool>,
    /// Each corner's neighbours, both the ones it names and the ones naming it.
    near: Vec<Vec<CornerIdx>>,
    /// Whether any corner names a neighbour.
    marks_near: bool,
    /// The lowest level that is not hands-on.
    first_leading: Option<LevelIdx>,
    roles_by_level: Vec<Vec<RoleIdx>>,
    bridges_from: Vec<Vec<RoleIdx>>,
    level_by_id: HashMap<String, LevelIdx>,
    corner_by_id: HashMap<String, CornerIdx>,
    role_by_id: HashMap<CompactString, RoleIdx>,
    milestone_by_id: HashMap<String, (LevelIdx, usize)>,
}

impl Ladder {
    /// Builds the indexes of a file whose references were already checked by the loader.
    /// Returns `None` if a reference does not resolve, so a caller that skipped validation
    /// gets no ladder rather than a panic later.
    pub(crate) fn index(file: LadderFile) -> Option<Ladder> {
        let level_by_id: HashMap<String, LevelIdx> = file
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.clone(), i))
            .collect();
        let corner_by_id: HashMap<String, CornerIdx> = file
            .corners
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let role_by_id: HashMap<CompactString, RoleIdx> = file
            .roles
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let mut milestone_by_id = HashMap::new();
        for (level_idx, level) in file.levels.iter().enumerate() {
            for (i, m) in level.milestones.iter().enumerate() {
                milestone_by_id.insert(m.id.clone(), (level_idx, i));
            }
        }
        let mut role_level = Vec::with_capacity(file.roles.len());
        let mut role_corner = Vec::with_capacity(file.roles.len());
        let mut roles_by_level = vec![Vec::new(); file.levels.len()];
        for (i, role) in file.roles.iter().enumerate() {
            let level = *level_by_id.get(role.level.as_str())?;
            let corner = match &role.corner {
                Some(c) => Some(*corner_by_id.get(c.as_str())?),
                None => None,
            };
            role_level.push(level);
            role_corner.push(corner);
            roles_by_level[level].push(i);
        }
        let mut near = vec![Vec::new(); file.corners.len()];
        for (c, corner) in file.corners.iter().enumerate() {
            for id in &corner.near {
                let other = *corner_by_id.get(id)?;
                for (a, b) in [(c, other), (other, c)] {
                    if a != b && !near[a].contains(&b) {
                        near[a].push(b);
                    }
                }
            }
        }
        let level_hands_on = hands_on_levels(&file.levels);
        let marks_near = near.iter().any(|n| !n.is_empty());
        let first_leading = level_hands_on.iter().position(|&h| !h);
        let mut bridges_from = vec![Vec::new(); file.roles.len()];
        for bridge in &file.bridges {
            let from = *role_by_id.get(bridge.from.as_str())?;
            let to = *role_by_id.get(bridge.to.as_str())?;
            if !bridges_from[from].contains(&to) {
                bridges_from[from].push(to);
            }
        }
        Some(Ladder {
            file,
            role_level,
            role_corner,
            level_hands_on,
            near,
            marks_near,
            first_leading,
            roles_by_level,
            bridges_from,
            level_by_id,
            corner_by_id,
            role_by_id,
            milestone_by_id,
        })
    }

    pub fn file(&self) -> &LadderFile {
        &self.file
    }
    pub fn id(&self) -> &str {
        &self.file.id
    }
    pub fn name(&self) -> &str {
        &self.file.name
    }
    pub fn levels(&self) -> &[Level] {
        &self.file.levels
    }
    pub fn corners(&self) -> &[Corner] {
        &self.file.corners
    }
    pub fn roles(&self) -> &[Role] {
        &self.file.roles
    }
    pub fn rules(&self) -> &Rules {
        &self.file.rules
    }
    pub fn competencies(&self) -> &[Competency] {
        &self.file.competencies
    }
    pub fn role(&self, role: RoleIdx) -> &Role {
        &self.file.roles[role]
    }
    pub fn role_level(&self, role: RoleIdx) -> LevelIdx {
        self.role_level[role]
    }
    pub fn role_corner(&self, role: RoleIdx) -> Option<CornerIdx> {
        self.role_corner[role]
    }
    pub fn roles_at_level(&self, level: LevelIdx) -> &[RoleIdx] {
        &self.roles_by_level[level]
    }
    pub fn bridges_from(&self, role: RoleIdx) -> &[RoleIdx] {
        &self.bridges_from[role]
    }
    pub fn role_index(&self, id: &str) -> Option<RoleIdx> {
        self.role_by_id.get(id).copied()
    }
    pub fn corner_index(&self, id: &str) -> Option<CornerIdx> {
        self.corner_by_id.get(id).copied()
    }
    pub fn level_index(&self, id: &str) -> Option<LevelIdx> {
        self.level_by_id.get(id).copied()
    }
    /// The level a milestone belongs to, and the milestone itself.
    pub fn milestone(&self, id: &str) -> Option<(LevelIdx, &Milestone)> {
        let &(level, i) = self.milestone_by_id.get(id)?;
        Some((level, &self.file.levels[level].milestones[i]))
    }
    /// The corner's name, or "enterprise-wide" for a role without one.
    pub fn corner_name_of(&self, role: RoleIdx) -> &str {
        match self.role_corner(role) {
            Some(c) => &self.file.corners[c].name,
            None => "enterprise-wide",
        }
    }
    pub fn corner_id_of(&self, role: RoleIdx) -> Option<&str> {
        self.role_corner(role)
            .map(|c| self.file.corners[c].id.as_str())
    }

    /// The corners next to `corner`: named in its `near` or naming it in theirs.
    pub fn near(&self, corner: CornerIdx) -> &[CornerIdx] {
        &self.near[corner]
    }

    pub fn are_near(&self, a: CornerIdx, b: CornerIdx) -> bool {
        self.near[a].contains(&b)
    }

    /// Whether the ladder names any neighbouring corners at all (see
    /// [`Ladder::leads_unfamiliar_function`] for what changes without them).
    pub fn marks_near(&self) -> bool {
        self.marks_near
    }

    /// The lowest level that is not hands-on: where people lead a function rather than
    /// practise it (managers, on most ladders). `None` when every level is hands-on.
    pub fn first_leading_level(&self) -> Option<LevelIdx> {
        self.first_leading
    }

    /// Whether people at `level` still practise the craft themselves, so leading there means
    /// leading work one must know how to do. A level says so with `hands_on`; one that does not
    /// is hands-on when its training is all preliminary or preparatory (what seed 002 places
    /// before anyone manages people), or, without milestones, when it is in the lower half of
    /// the ladder.
    pub fn is_hands_on(&self, level: LevelIdx) -> bool {
        self.level_hands_on[level]
    }

    /// How many corners the ladder marks `business_facing`.
    pub fn business_facing_corners(&self) -> usize {
        self.file
            .corners
            .iter()
            .filter(|c| c.business_facing)
            .count()
    }

    /// The bridge from one role to another, if the ladder has one.
    pub fn bridge(&self, from: RoleIdx, to: RoleIdx) -> Option<&Bridge> {
        let (from, to) = (&self.file.roles[from].id, &self.file.roles[to].id);
        self.file
            .bridges
            .iter()
            .find(|b| b.from == *from && b.to == *to)
    }
}

/// Which levels are hands-on, for [`Ladder::is_hands_on`].
fn hands_on_levels(levels: &[Level]) -> Vec<bool> {
    let lower_half = levels.len() / 2;
    levels
        .iter()
        .enumerate()
        .map(|(i, level)| {
            level.hands_on.unwrap_or_else(|| {
                if level.milestones.is_empty() {
                    i < lower_half
                } else {
                    level
                        .milestones
                        .iter()
                        .all(|m| m.stage <= Stage::Preparatory)
                }
            })
        })
        .collect()
}
