//! The importer's rules, one sheet at a time.

use super::*;
use crate::ladder::{MilestoneKind, Stage};

fn run(text: &str) -> Result<Imported, SheetErrors> {
    import(
        text,
        &ImportOptions {
            origin: "s.csv".into(),
            id: "s".into(),
            name: "S".into(),
        },
    )
}

/// The `row:column: message` of every problem.
fn problems(text: &str) -> Vec<String> {
    run(text)
        .expect_err("the sheet should be refused")
        .errors
        .iter()
        .map(|e| format!("{}:{}: {}", e.row, e.column, e.message))
        .collect()
}

#[test]
fn ids_are_slugged_transliterated_and_made_unique() {
    let sheet = "level,corner,role,milestone\n\
                 Junior,Infra,Manager,Mentoring\n\
                 Junior,Data,Manager,\n\
                 Junior,Data,Développeur,\n\
                 Senior,Data,工程师,Mentoring\n";
    let file = run(sheet).unwrap().file;
    let roles: Vec<&str> = file.roles.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        roles,
        ["manager", "manager-data", "developpeur", "gong-cheng-shi"]
    );
    let milestones: Vec<&str> = file
        .levels
        .iter()
        .flat_map(|l| l.milestones.iter().map(|m| m.id.as_str()))
        .collect();
    assert_eq!(milestones, ["mentoring", "mentoring-senior"]);
}

#[test]
fn levels_follow_level_rank_and_every_level_needs_one() {
    let file = run("level,level_rank,corner,role\nSenior,2,Ops,Lead\nJunior,1,Ops,Operator\n")
        .unwrap()
        .file;
    let order: Vec<&str> = file.levels.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(order, ["junior", "senior"]);
    assert_eq!(file.roles[0].id, "operator", "roles follow their levels");
    assert_eq!(
        problems(
            "level,level_rank,corner,role\nSenior,2,Ops,Lead\nJunior,,Ops,Operator\nMid,2,Ops,Analyst\n"
        ),
        [
            "3:1: level \"Junior\" has no level_rank",
            "4:2: levels \"Senior\" and \"Mid\" both have level_rank 2"
        ]
    );
    assert_eq!(
        problems("level,level_rank,corner,role\nSenior,two,Ops,Lead\n"),
        ["2:2: level_rank \"two\" is not a whole number"]
    );
}

#[test]
fn rows_that_disagree_are_located() {
    let sheet = "level,corner,role,role_id,competency,expectation\n\
                 Junior,Ops,Operator,op,Craft,2\n\
                 Junior,Ops,Operator,op,Craft,expert\n\
                 Junior,Dev,Developer,op,,\n\
                 Junior,Dev,Developer,,,guru\n\
                 Junior,Dev,Developer,,Craft,guru\n";
    let found = problems(sheet);
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(
        found[0].starts_with("3:6: expectation 5 for \"Craft\" here, but 2"),
        "{found:?}"
    );
    assert!(
        found[1].starts_with("4:4: role_id \"op\" was given on row 2 to \"Operator\""),
        "{found:?}"
    );
    assert!(
        found[2].starts_with("5:6: an expectation but no competency"),
        "{found:?}"
    );
    assert!(
        found[3].starts_with("6:6: expectation \"guru\" is neither"),
        "{found:?}"
    );
}

#[test]
fn a_level_without_a_role_and_a_stage_without_a_milestone_are_reported() {
    assert_eq!(
        problems("level,corner,role,milestone\nJunior,Ops,Operator,\nSenior,,,Mentoring\n"),
        ["3:1: level \"Senior\" has no role"]
    );
    assert_eq!(
        problems("level,corner,role,stage\nJunior,Ops,Operator,preliminary\n"),
        ["2:4: a stage but no milestone"]
    );
}

#[test]
fn rows_are_counted_as_the_file_shows_them_whatever_the_line_endings() {
    let sheet = "level,corner,role,milestone,stage\r\n\
                 Junior,Ops,Operator,\"Two\r\nlines\",preliminary\r\n\
                 \r\n\
                 Junior,Ops,Operator,Three,Prelim\r\n";
    assert_eq!(problems(sheet), ["5:5: unknown stage \"Prelim\""]);
}

#[test]
fn empty_rows_are_skipped_and_rows_of_ignored_columns_say_so() {
    let imported =
        run("level,corner,role,notes\nJunior,Ops,Operator,\n,,,\n,,,a remark\n").unwrap();
    assert_eq!(imported.file.roles.len(), 1);
    assert_eq!(imported.warnings.len(), 2, "{:?}", imported.warnings);
    assert!(imported.warnings[1].starts_with("s.csv:4:1: this row has nothing"));
}

#[test]
fn control_characters_in_a_cell_are_refused() {
    assert_eq!(
        problems("level,corner,role\nJunior,Ops,Op\u{1b}[2Jerator\n"),
        ["2:3: the cell contains an escape character (U+001B) at character 3"]
    );
}

#[test]
fn semicolons_and_tabs_work_as_separators() {
    assert_eq!(sniff_delimiter("level;corner;role\n"), b';');
    assert_eq!(sniff_delimiter("level\tcorner\trole\n"), b'\t');
    assert_eq!(sniff_delimiter("\"a;b\",corner,role\n"), b',');
    assert_eq!(sniff_delimiter("level\n"), b',');
}

#[test]
fn milestones_without_stage_or_kind_get_sensible_defaults() {
    let file = run("level,corner,role,milestone\nA,X,R1,m1\nB,X,R2,\nC,X,R3,m3\n")
        .unwrap()
        .file;
    assert_eq!(file.levels[0].milestones[0].stage, Stage::Preliminary);
    assert_eq!(file.levels[0].milestones[0].kind, MilestoneKind::Practice);
    assert_eq!(file.levels[2].milestones[0].stage, Stage::HigherLevel);
}
