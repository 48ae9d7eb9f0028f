//! Any ladder out as a spreadsheet (CSV) that `import-csv` reads back into the same ladder:
//! the same levels, corners, roles, milestones and expectations, with their ids, so profiles
//! made on the ladder keep working after a round trip through a spreadsheet.

use std::collections::HashMap;

use super::columns::Column;
use super::formula;
use crate::ladder::{Ladder, LevelIdx, RoleIdx, Rules};

/// A sheet, and what a sheet cannot hold.
#[derive(Debug, Clone)]
pub struct ExportedSheet {
    pub csv: String,
    /// What was left out (bridges, neighbouring corners, hands_on, rules), one sentence each.
    pub left_out: Vec<String>,
}

/// The rows of the sheet, one map from column to value each.
struct Rows {
    rows: Vec<HashMap<Column, String>>,
}

impl Rows {
    fn push(&mut self, cells: Vec<(Column, String)>) {
        self.rows.push(cells.into_iter().collect());
    }
}

fn level_cells(ladder: &Ladder, level: LevelIdx, with_summary: bool) -> Vec<(Column, String)> {
    let l = &ladder.levels()[level];
    let mut cells = vec![
        (Column::LevelRank, (level + 1).to_string()),
        (Column::LevelId, l.id.clone()),
        (Column::Level, l.name.clone()),
    ];
    if with_summary {
        cells.push((Column::LevelSummary, l.summary.clone()));
    }
    cells
}

fn role_cells(ladder: &Ladder, role: RoleIdx) -> Vec<(Column, String)> {
    let r = ladder.role(role);
    let mut cells = vec![
        (Column::RoleId, r.id.to_string()),
        (Column::Role, r.title.to_string()),
    ];
    if let Some(c) = ladder.role_corner(role) {
        let corner = &ladder.corners()[c];
        cells.push((Column::CornerId, corner.id.clone()));
        cells.push((Column::Corner, corner.name.clone()));
    }
    cells
}

/// The ladder as CSV with every column `import-csv` reads, in [`Column::ALL`] order. `bom`
/// starts it with a UTF-8 byte-order mark, which Excel needs to read accented letters right.
pub fn export(ladder: &Ladder, bom: bool) -> ExportedSheet {
    let mut rows = Rows { rows: Vec::new() };
    let first_level = 0;
    // Corners and competencies first, each on a row of its own, so the sheet keeps their order
    // and their descriptions even where no role or expectation names them.
    for corner in ladder.corners() {
        let mut cells = level_cells(ladder, first_level, false);
        cells.extend([
            (Column::CornerId, corner.id.clone()),
            (Column::Corner, corner.name.clone()),
            (Column::CornerSummary, corner.summary.clone()),
            (Column::CornerShort, corner.short.clone()),
            (
                Column::BusinessFacing,
                if corner.business_facing { "yes" } else { "no" }.to_string(),
            ),
        ]);
        rows.push(cells);
    }
    for competency in ladder.competencies() {
        let mut cells = level_cells(ladder, first_level, false);
        cells.extend([
            (Column::CompetencyId, competency.id.clone()),
            (Column::Competency, competency.name.clone()),
            (Column::CompetencySummary, competency.summary.clone()),
        ]);
        rows.push(cells);
    }
    for level in 0..ladder.levels().len() {
        let mut with_summary = true;
        let mut level_row = |extra: Vec<(Column, String)>| {
            let mut cells = level_cells(ladder, level, with_summary);
            with_summary = false;
            cells.extend(extra);
            cells
        };
        for &role in ladder.roles_at_level(level) {
            let mut cells = role_cells(ladder, role);
            cells.push((Column::RoleSummary, ladder.role(role).summary.clone()));
            rows.push(level_row(cells));
        }
        for m in &ladder.levels()[level].milestones {
            rows.push(level_row(vec![
                (Column::MilestoneId, m.id.clone()),
                (Column::Milestone, m.title.clone()),
                (Column::Stage, m.stage.label().to_string()),
                (Column::Kind, m.kind.label().to_string()),
                (Column::MilestoneSummary, m.summary.clone()),
            ]));
        }
        // What applies to each role, whether its level or the role itself says so: the
        // importer puts it back on the level where every role of the level agrees.
        for &role in ladder.roles_at_level(level) {
            for (competency, expected) in ladder.expectations_of(role) {
                let mut cells = role_cells(ladder, role);
                cells.extend([
                    (Column::CompetencyId, competency.id.clone()),
                    (Column::Competency, competency.name.clone()),
                    (Column::Expectation, expected.to_string()),
                ]);
                rows.push(level_row(cells));
            }
        }
    }

    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to a Vec cannot fail; a failure would only lose rows, never panic.
    let _ = writer.write_record(Column::ALL.iter().map(|c| c.name()));
    for row in &rows.rows {
        // A cell a spreadsheet would run as a formula is written as text (see `formula`).
        let _ = writer.write_record(
            Column::ALL
                .iter()
                .map(|c| formula::as_text(row.get(c).map_or("", String::as_str)).into_owned()),
        );
    }
    let bytes = writer.into_inner().unwrap_or_default();
    let mut csv = String::from_utf8(bytes).unwrap_or_default();
    if bom {
        csv.insert(0, '\u{feff}');
    }

    let mut left_out = Vec::new();
    let bridges = &ladder.file().bridges;
    if !bridges.is_empty() {
        let list: Vec<String> = bridges
            .iter()
            .map(|b| format!("{} → {}", b.from, b.to))
            .collect();
        left_out.push(format!(
            "a sheet has no place for bridges; add them to the imported file again: {}",
            list.join(", ")
        ));
    }
    let near: Vec<String> = ladder
        .corners()
        .iter()
        .filter(|c| !c.near.is_empty())
        .map(|c| format!("{} near [{}]", c.id, c.near.join(", ")))
        .collect();
    if !near.is_empty() {
        left_out.push(format!(
            "a sheet has no place for neighbouring corners; add `near` to these corners of the imported file again: {}",
            near.join("; ")
        ));
    }
    let hands_on: Vec<String> = ladder
        .levels()
        .iter()
        .filter_map(|l| l.hands_on.map(|h| format!("{}: {h}", l.id)))
        .collect();
    if !hands_on.is_empty() {
        left_out.push(format!(
            "a sheet has no place for hands_on; add it to these levels of the imported file again (or rely on the default): {}",
            hands_on.join(", ")
        ));
    }
    if *ladder.rules() != Rules::default() {
        left_out.push(format!(
            "a sheet has no place for rules; add `rules: (max_step_up: {}, allow_down: {})` to the imported file again",
            ladder.rules().max_step_up,
            ladder.rules().allow_down
        ));
    }
    ExportedSheet { csv, left_out }
}
