//! Career ladders in and out of spreadsheets. Most companies keep their ladder in one: a CSV
//! export with a row per role, and rows for milestones and competency expectations, becomes a
//! ladder file that `rungs check` accepts; and any ladder goes back out as such a CSV.

mod columns;
mod export;
mod import;

pub mod formula;

pub use columns::Column;
pub use export::{ExportedSheet, export};
pub use import::{ImportOptions, Imported, SheetError, SheetErrors, import};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_match_whatever_their_case_and_separators() {
        assert_eq!(Column::from_header("Role ID"), Some(Column::RoleId));
        assert_eq!(Column::from_header(" level-rank "), Some(Column::LevelRank));
        assert_eq!(
            Column::from_header("EXPECTATION"),
            Some(Column::Expectation)
        );
        assert_eq!(Column::from_header("notes"), None);
        for c in Column::ALL {
            assert_eq!(Column::from_header(c.name()), Some(c));
        }
    }
}
