//! The columns of a ladder spreadsheet and how headers name them.

/// The columns rungs reads and writes. Header names are matched without regard to case,
/// spaces, hyphens or underscores (`Role ID` is `role_id`), in any order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    LevelRank,
    LevelId,
    Level,
    LevelSummary,
    CornerId,
    Corner,
    CornerSummary,
    CornerShort,
    BusinessFacing,
    RoleId,
    Role,
    RoleSummary,
    MilestoneId,
    Milestone,
    Stage,
    Kind,
    MilestoneSummary,
    CompetencyId,
    Competency,
    CompetencySummary,
    Expectation,
}

impl Column {
    /// Every column, in the order `export-csv` writes them.
    pub const ALL: [Column; 21] = [
        Column::LevelRank,
        Column::LevelId,
        Column::Level,
        Column::LevelSummary,
        Column::CornerId,
        Column::Corner,
        Column::CornerSummary,
        Column::CornerShort,
        Column::BusinessFacing,
        Column::RoleId,
        Column::Role,
        Column::RoleSummary,
        Column::MilestoneId,
        Column::Milestone,
        Column::Stage,
        Column::Kind,
        Column::MilestoneSummary,
        Column::CompetencyId,
        Column::Competency,
        Column::CompetencySummary,
        Column::Expectation,
    ];

    /// The columns every sheet must have (a cell may still be empty: a role without a corner
    /// spans the organisation).
    pub const REQUIRED: [Column; 3] = [Column::Level, Column::Corner, Column::Role];

    pub fn name(self) -> &'static str {
        match self {
            Column::LevelRank => "level_rank",
            Column::LevelId => "level_id",
            Column::Level => "level",
            Column::LevelSummary => "level_summary",
            Column::CornerId => "corner_id",
            Column::Corner => "corner",
            Column::CornerSummary => "corner_summary",
            Column::CornerShort => "corner_short",
            Column::BusinessFacing => "business_facing",
            Column::RoleId => "role_id",
            Column::Role => "role",
            Column::RoleSummary => "role_summary",
            Column::MilestoneId => "milestone_id",
            Column::Milestone => "milestone",
            Column::Stage => "stage",
            Column::Kind => "kind",
            Column::MilestoneSummary => "milestone_summary",
            Column::CompetencyId => "competency_id",
            Column::Competency => "competency",
            Column::CompetencySummary => "competency_summary",
            Column::Expectation => "expectation",
        }
    }

    /// The column a header names, if rungs reads it.
    pub fn from_header(header: &str) -> Option<Column> {
        let wanted = squash(header);
        Column::ALL.into_iter().find(|c| squash(c.name()) == wanted)
    }
}

/// Lower-case letters and digits only: how headers and enum words are compared.
pub(super) fn squash(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}
