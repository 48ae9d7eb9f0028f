//! Company ladders in and out of spreadsheets: `rungs import-csv` and `rungs export-csv`.

use crate::common;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use rungs::ladder::{Ladder, load_str, resolve, synthetic_ladder_source};
use rungs::sheet::{ImportOptions, export, import};

fn rungs() -> Command {
    common::rungs_without_data()
}

fn sheet(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sheets")
        .join(name)
}

fn options(origin: &str) -> ImportOptions {
    ImportOptions {
        origin: origin.to_string(),
        id: "imported".to_string(),
        name: "Imported".to_string(),
    }
}

/// Imports a sheet through the library and loads the result as `rungs check` would.
fn imported(text: &str) -> Ladder {
    let file = import(text, &options("sheet.csv"))
        .unwrap_or_else(|e| panic!("{e}"))
        .file;
    let ron = rungs::ladder::to_commented_ron(&file, &[]);
    load_str(&ron, "imported.ron").unwrap_or_else(|e| panic!("{e}\n{ron}"))
}

/// Everything a ladder says about its roles, levels, corners, milestones and expectations,
/// as comparable values: ids, names, order, and what each role is expected to have.
fn structure(ladder: &Ladder) -> Vec<String> {
    let mut facts = Vec::new();
    for (i, level) in ladder.levels().iter().enumerate() {
        facts.push(format!(
            "level {i} {} {:?} {:?}",
            level.id, level.name, level.summary
        ));
        for m in &level.milestones {
            facts.push(format!(
                "milestone {} of {}: {:?} {:?} {:?} {:?}",
                m.id, level.id, m.title, m.stage, m.kind, m.summary
            ));
        }
    }
    for c in ladder.corners() {
        facts.push(format!(
            "corner {} {:?} {:?} {:?} {}",
            c.id, c.name, c.short, c.summary, c.business_facing
        ));
    }
    for level in 0..ladder.levels().len() {
        for &r in ladder.roles_at_level(level) {
            let role = ladder.role(r);
            facts.push(format!(
                "role {} {:?} at {} in {:?} {:?}",
                role.id, role.title, role.level, role.corner, role.summary
            ));
            for c in ladder.competencies() {
                facts.push(format!(
                    "role {} expects {} at {:?}",
                    role.id,
                    c.id,
                    ladder.expects_of(r, &c.id)
                ));
            }
        }
    }
    for c in ladder.competencies() {
        facts.push(format!("competency {} {:?} {:?}", c.id, c.name, c.summary));
    }
    facts
}

#[test]
fn the_bundled_ladder_round_trips_through_a_spreadsheet() {
    let (bundled, _) = resolve(None, None).unwrap();
    let sheet = export(&bundled, false);
    let again = imported(&sheet.csv);
    assert_eq!(structure(&again), structure(&bundled));
    assert!(!structure(&bundled).is_empty());
}

#[test]
fn generated_ladders_round_trip_and_a_role_override_survives() {
    let source = synthetic_ladder_source(4, 3)
        .replace(
            "name: \"Synthetic\",",
            "name: \"Synthetic\", competencies: [(id: \"craft\", name: \"Craft\")],",
        )
        .replacen(
            "(id: \"l1\", name: \"Level 1\",",
            "(id: \"l1\", name: \"Level 1\", expects: {\"craft\": 3},",
            1,
        )
        .replacen(
            "level: \"l1\", corner: \"c1\"",
            "level: \"l1\", corner: \"c1\", expects: {\"craft\": 5}",
            1,
        );
    let ladder = load_str(&source, "synthetic").unwrap_or_else(|e| panic!("{e}"));
    let again = imported(&export(&ladder, true).csv);
    assert_eq!(structure(&again), structure(&ladder));
    // The roles of that level disagree, so each carries its own; the other levels agree.
    let level = again.level_index("l1").unwrap();
    assert!(again.levels()[level].expects.is_empty());
    let own: Vec<Option<u8>> = again
        .roles_at_level(level)
        .iter()
        .map(|&r| again.role(r).expects.get("craft").copied())
        .collect();
    assert!(own.contains(&Some(5)) && own.contains(&Some(3)), "{own:?}");
    assert!(own.iter().all(Option::is_some), "{own:?}");
}

#[test]
fn the_cli_round_trip_keeps_ids_so_profiles_keep_working() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("it.csv");
    let ron = dir.path().join("it.ron");
    rungs()
        .args(["export-csv", "--out"])
        .arg(&csv)
        .assert()
        .success()
        .stdout(predicate::str::contains("reads it back"));
    rungs()
        .arg("import-csv")
        .arg(&csv)
        .arg("--out")
        .arg(&ron)
        .assert()
        .success();
    rungs().arg("check").arg(&ron).assert().success();
    let (bundled, _) = resolve(None, None).unwrap();
    let again = rungs::ladder::load_file(&ron).unwrap();
    assert_eq!(structure(&again), structure(&bundled));
    // Writing over the file again needs --force, and keeps the old one.
    rungs()
        .arg("import-csv")
        .arg(&csv)
        .arg("--out")
        .arg(&ron)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("pass --force"));
}

#[test]
fn a_company_sheet_imports_checks_and_prints() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("company.ron");
    rungs()
        .arg("import-csv")
        .arg(sheet("company.csv"))
        .arg("--out")
        .arg(&out)
        .args(["--id", "acme", "--name", "Acme"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "wrote ladder \"acme\" (5 levels, 3 corners, 12 roles",
        ))
        .stderr(predicate::str::contains(
            "company.csv:1:11: column \"Owner\" is not one rungs reads; it is ignored",
        ));
    rungs()
        .arg("check")
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("ok — \"Acme\""));
    rungs()
        .args(["print", "--ladder"])
        .arg(&out)
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Associate product manager")
                .and(predicate::str::contains("Chief technology officer")),
        );

    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("// Imported by `rungs import-csv` from company.csv"));
    let ladder = load_str(&text, "company.ron").unwrap();
    let names: Vec<&str> = ladder.levels().iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Graduate",
            "Engineer",
            "Senior engineer",
            "Lead",
            "Head of department"
        ],
        "level_rank orders the levels, not the order rows came in"
    );
    let feedback = ladder
        .milestone("feedback-the-basics")
        .expect("a quoted title with a comma");
    assert_eq!(feedback.1.title, "Feedback, the basics");
    assert_eq!(
        ladder
            .role_index("apm")
            .map(|r| ladder.role(r).title.as_str()),
        Some("Associate product manager")
    );
    let cto = ladder.role_index("cto").unwrap();
    assert_eq!(ladder.role_corner(cto), None, "no corner: enterprise-wide");
    // Every role of the Lead level expects delivery at 4; the product track expects more of
    // stakeholder management than the other two.
    let lead = ladder.level_index("lead").unwrap();
    assert_eq!(ladder.levels()[lead].expects.get("delivery"), Some(&4));
    let stakeholders = |title: &str| {
        let r = (0..ladder.roles().len())
            .find(|&r| ladder.role(r).title == title)
            .unwrap();
        ladder.expects_of(r, "stakeholder-management")
    };
    assert_eq!(stakeholders("Product lead"), Some(5));
    assert_eq!(stakeholders("Engineering lead"), Some(4));
    assert_eq!(stakeholders("Associate product manager"), Some(3));
    assert_eq!(stakeholders("Data analyst"), Some(2));
}

#[test]
fn a_framework_sheet_with_bom_crlf_and_notes_gets_per_role_expectations_where_tracks_differ() {
    let bytes = std::fs::read(sheet("framework.csv")).unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbf") && bytes.windows(2).any(|w| w == b"\r\n"));
    let ladder = imported(std::str::from_utf8(&bytes).unwrap());
    assert_eq!(ladder.levels().len(), 6);
    assert_eq!(ladder.competencies().len(), 9);
    let tracks: Vec<usize> = (0..6).map(|l| ladder.roles_at_level(l).len()).collect();
    assert_eq!(
        tracks,
        [1, 1, 1, 2, 2, 2],
        "management starts at the fourth level"
    );
    for level in 0..6 {
        let roles = ladder.roles_at_level(level);
        for c in ladder.competencies() {
            let values: Vec<Option<u8>> =
                roles.iter().map(|&r| ladder.expects_of(r, &c.id)).collect();
            assert!(
                values.iter().all(Option::is_some),
                "every role expects {}",
                c.id
            );
            let agree = values.windows(2).all(|w| w[0] == w[1]);
            let on_level = ladder.levels()[level].expects.contains_key(&c.id);
            let on_roles = roles
                .iter()
                .any(|&r| ladder.role(r).expects.contains_key(&c.id));
            // Where the tracks agree the level says it once; where they differ each role does.
            assert_eq!(
                (on_level, on_roles),
                (agree, !agree),
                "{} at level {level}",
                c.id
            );
        }
    }
    let manager = ladder.role_index("engineering-manager").unwrap();
    let staff = ladder.role_index("staff-engineer").unwrap();
    assert_eq!(
        ladder.expects_of(manager, "people-development"),
        Some(4),
        "practitioner"
    );
    assert_eq!(
        ladder.expects_of(staff, "people-development"),
        Some(2),
        "foundational"
    );
    assert_eq!(
        ladder.expects_of(staff, "delivery"),
        Some(4),
        "Practitioner"
    );

    rungs()
        .arg("import-csv")
        .arg(sheet("framework.csv"))
        .assert()
        .success()
        .stdout(predicate::str::contains("expects: {"))
        .stderr(predicate::str::contains(
            "column \"Notes\" is not one rungs reads",
        ));
}

#[test]
fn malformed_sheets_exit_2_with_row_and_column() {
    for (name, place, what) in [
        (
            "missing-column.csv",
            "1:4",
            "missing required column \"corner\"",
        ),
        (
            "ragged.csv",
            "3:5",
            "this row has 5 fields but the header has 4",
        ),
        ("unknown-stage.csv", "3:5", "unknown stage \"Prelim\""),
        ("duplicate-role.csv", "4:3", "duplicate role \"engineer\""),
        (
            "unclosed-quote.csv",
            "2:3",
            "this quoted cell is never closed",
        ),
    ] {
        let path = sheet(name);
        rungs()
            .arg("import-csv")
            .arg(&path)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(format!(
                "{}:{place}: {what}",
                path.display()
            )));
    }
}

#[test]
fn a_sheet_that_is_not_utf8_or_missing_is_refused_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.csv");
    std::fs::write(
        &latin1,
        b"level,corner,role\nJunior,Op\xe9rations,Analyst\n",
    )
    .unwrap();
    rungs()
        .arg("import-csv")
        .arg(&latin1)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("save it as \"CSV UTF-8\""));
    rungs()
        .args(["import-csv", "no-such.csv"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file"));
}

#[test]
fn a_sheet_can_come_from_standard_input() {
    rungs()
        .args(["import-csv", "-", "--id", "piped"])
        .write_stdin("level;corner;role\nJunior;Ops;Operator\n")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("id: \"piped\"").and(predicate::str::contains("Operator")),
        );
}

#[test]
fn checking_a_spreadsheet_points_at_import_csv() {
    rungs()
        .arg("check")
        .arg(sheet("company.csv"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "this is a spreadsheet, not a ladder file — turn it into one with `rungs import-csv",
        ));
    rungs()
        .args(["import-csv", "-"])
        .write_stdin("level,corner,role,stage\nJunior,Ops,Operator,early\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "<stdin>:2:4: a stage but no milestone",
        ));
}

/// A ladder whose titles a spreadsheet would run as formulas if written as they are.
const FORMULA_TITLES: [&str; 5] = [
    "=HYPERLINK(\"http://evil.example\",\"click\")",
    "+1 lead",
    "-ops engineer",
    "@SUM(A1:A9)",
    "'=already quoted",
];

#[test]
fn cells_a_spreadsheet_would_run_open_as_text_and_import_back_unchanged() {
    let roles: Vec<String> = FORMULA_TITLES
        .iter()
        .enumerate()
        .map(|(i, title)| {
            format!(
                "(id: \"r{i}\", title: {}, level: \"ic\", corner: \"infra\"),",
                serde_json::to_string(title).unwrap()
            )
        })
        .collect();
    let source = format!(
        "(format: 1, id: \"formulas\", name: \"=cmd|' /C calc'!A0\",\n\
         levels: [(id: \"ic\", name: \"-IC\", summary: \"@everyone\", milestones: [\n\
           (id: \"m\", title: \"=1+1\", stage: Preliminary, kind: Course, summary: \"+x\"),\n\
         ])],\n\
         corners: [(id: \"infra\", name: \"=Infra\", summary: \"\\tlead\")],\n\
         roles: [{}])",
        roles.join("\n")
    );
    let original = load_str(&source, "formulas.ron").unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("formulas.ron");
    std::fs::write(&file, &source).unwrap();
    let output = rungs()
        .args(["export-csv", "--ladder"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    // A real parser that evaluates nothing: every cell it reads starts with no formula
    // character, and the ones that held such a title start with the apostrophe.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(&output.stdout[..]);
    let mut quoted = 0;
    for record in reader.records() {
        for cell in record.unwrap().iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a cell a spreadsheet would run: {cell:?}"
            );
            quoted += usize::from(cell.starts_with('\''));
        }
    }
    assert!(quoted >= FORMULA_TITLES.len(), "{quoted}");
    for title in FORMULA_TITLES {
        let written = format!("'{title}");
        let csv_cell = if written.contains(['"', ',']) {
            format!("\"{}\"", written.replace('"', "\"\""))
        } else {
            written
        };
        assert!(
            String::from_utf8_lossy(&output.stdout).contains(&csv_cell),
            "{title:?} not written as text"
        );
    }
    // import-csv gives back the very titles.
    let back = rungs()
        .args(["import-csv", "-", "--id", "formulas", "--name", "x"])
        .write_stdin(output.stdout)
        .output()
        .unwrap();
    assert!(back.status.success(), "{back:?}");
    let ron = String::from_utf8(back.stdout).unwrap();
    let imported = load_str(&ron, "imported.ron").unwrap_or_else(|e| panic!("{e}\n{ron}"));
    let titles =
        |l: &Ladder| -> Vec<String> { l.roles().iter().map(|r| r.title.to_string()).collect() };
    assert_eq!(titles(&imported), titles(&original));
    assert_eq!(structure(&imported), structure(&original));
}
