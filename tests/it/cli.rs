//! The command line as scripts and people use it: exit codes, stdout vs stderr, --json shapes.

use std::path::PathBuf;

use crate::common;

use assert_cmd::Command;
use common::regex_escape;
use predicates::prelude::*;
use serde_json::Value;

fn rungs() -> Command {
    common::rungs_without_data()
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ladders")
        .join(name)
}

fn json_of(cmd: &mut Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).expect("stdout is JSON")
}

#[test]
fn check_accepts_the_bundled_ladder() {
    rungs()
        .args(["check", "ladders/it-leadership.ron"])
        .assert()
        .success()
        .stdout(predicate::str::contains("ok"))
        .stderr("");
}

#[test]
fn check_given_a_bundled_ladder_id_says_it_reads_files_and_how_to_see_the_ladder() {
    rungs()
        .args(["check", "it-leadership"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("id of the bundled ladder"))
        .stderr(predicate::str::contains(
            "rungs print --ladder it-leadership",
        ));
}

#[test]
fn check_rejects_each_broken_fixture_with_exit_2_and_a_position() {
    let located = [
        "misspelt-field.ron",
        "missing-field.ron",
        "dangling-level.ron",
        "unknown-corner.ron",
        "duplicate-id.ron",
        "escape-in-title.ron",
        "escaped-control.ron",
        "bidi-override.ron",
        "bad-bridge.ron",
        "level-without-role.ron",
        "malformed-id.ron",
        "unknown-competency.ron",
        "deep-nesting.ron",
        "newer-format.ron",
        "syntax-error.ron",
    ];
    for name in located {
        let path = fixture(name);
        let pattern = format!(
            "{}:[0-9]+:[0-9]+: ",
            regex_escape(&path.display().to_string())
        );
        rungs()
            .arg("check")
            .arg(&path)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::is_match(pattern).unwrap());
    }
    rungs()
        .arg("check")
        .arg(fixture("empty.ron"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("empty.ron:1:1: the file is empty"));
}

#[test]
fn check_prints_one_line_per_problem() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("many.ron");
    let src = std::fs::read_to_string(fixture("valid-small.ron"))
        .unwrap()
        .replace("corner: \"dev\")", "corner: \"data\")")
        .replace("to: \"lead\"", "to: \"nobody\"");
    std::fs::write(&path, src).unwrap();
    let out = rungs()
        .arg("check")
        .arg(&path)
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.lines().count(), 2, "{text}");
}

#[test]
fn path_from_an_ic_role_to_cio_is_short_and_broad() {
    let paths = json_of(rungs().args(["path", "--from", "sysadmin", "--to", "cio", "--json"]));
    let best = &paths[0];
    let steps = best["steps"].as_array().unwrap();
    assert!(steps.len() <= 4, "{best}");
    // Three corners, or two and the generalist track (a role across all of IT before the
    // target, which leads every corner and counts as breadth).
    let generalist_track = steps[..steps.len() - 1]
        .iter()
        .any(|s| s["corner"].is_null());
    assert!(
        best["corners"].as_array().unwrap().len() + usize::from(generalist_track) >= 3,
        "{best}"
    );
    assert_eq!(steps[0]["from"], "sysadmin");
    assert_eq!(steps.last().unwrap()["to"], "cio");
    for step in steps {
        let kind = step["kind"].as_str().unwrap();
        assert!(
            ["vertical", "lateral", "diagonal", "down", "skip"].contains(&kind),
            "{kind}"
        );
    }
    assert!(best["advice"].is_array());
}

#[test]
fn path_alternatives_are_distinct() {
    let paths = json_of(rungs().args([
        "path",
        "--from",
        "developer",
        "--to",
        "cio",
        "--alternatives",
        "3",
        "--json",
    ]));
    let paths = paths.as_array().unwrap();
    assert_eq!(paths.len(), 3);
    let routes: std::collections::HashSet<String> =
        paths.iter().map(|p| p["steps"].to_string()).collect();
    assert_eq!(routes.len(), 3);
}

#[test]
fn path_honours_avoid_and_via() {
    let paths = json_of(rungs().args([
        "path", "--from", "sysadmin", "--to", "cio", "--avoid", "dev", "--via", "security",
        "--json",
    ]));
    let corners: Vec<&str> = paths[0]["corners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(!corners.contains(&"dev"), "{corners:?}");
    assert!(corners.contains(&"security"), "{corners:?}");
}

#[test]
fn path_text_numbers_steps_and_names_move_kinds() {
    rungs()
        .args(["path", "--from", "sysadmin", "--to", "cio"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("1. ↑ vertical")
                .and(predicate::str::contains("2. ↗ diagonal"))
                .and(predicate::str::contains("corners:")),
        );
}

#[test]
fn a_move_between_two_top_level_roles_is_not_said_to_go_up() {
    rungs()
        .args(["path", "--from", "chief-digital-officer", "--to", "cio"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("every move goes up")
                .not()
                .and(predicate::str::contains("no level above"))
                .and(predicate::str::contains("⚠").not()),
        );
}

#[test]
fn empty_corner_lists_are_said_not_left_blank() {
    // The generalist track holds no corner role.
    rungs()
        .args(["path", "--from", "it-manager", "--to", "cio"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains(
                "2 moves · usually 7–11 years · no single corner: every role spans all of IT",
            )
            .and(predicate::str::contains("corners: \n").not())
            .and(predicate::str::contains("0 of 6").not()),
        );
    let data = tempfile::tempdir().unwrap();
    let with_data = || {
        let mut cmd = rungs();
        cmd.arg("--data-dir").arg(data.path());
        cmd
    };
    with_data()
        .args(["profile", "new", "Gene", "--role", "it-manager"])
        .assert()
        .success();
    with_data()
        .args(["profile", "show", "Gene"])
        .assert()
        .success()
        .stdout(
            predicate::str::contains("Breadth: no corners yet")
                .and(predicate::str::contains("0 corners —").not()),
        );
}

#[test]
fn unknown_ids_get_did_you_mean_and_exit_2() {
    rungs()
        .args(["path", "--from", "sysadmn", "--to", "cio"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("did you mean: sysadmin"));
    rungs()
        .args([
            "path", "--from", "sysadmin", "--to", "cio", "--avoid", "secrity",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean: security"));
    rungs()
        .args(["print", "--ladder", "it-leadershp"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean: it-leadership"));
}

#[test]
fn an_unreachable_target_says_why_with_exit_2() {
    rungs()
        .args(["path", "--from", "cio", "--to", "sysadmin", "--ladder"])
        .arg(fixture("valid-small.ron"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no path").not()); // moving down is allowed here
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-down.ron");
    let src = std::fs::read_to_string(fixture("valid-small.ron"))
        .unwrap()
        .replace(
            "competencies:",
            "rules: (allow_down: false),\n    competencies:",
        );
    std::fs::write(&path, src).unwrap();
    rungs()
        .args(["path", "--from", "lead", "--to", "operator", "--ladder"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("do not allow moving down"));
}

#[test]
fn print_fits_the_width_and_shows_titles_in_full_when_there_is_room() {
    for width in [20u16, 40, 80, 120, 200] {
        let out = rungs()
            .args(["print", "--width", &width.to_string()])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let text = String::from_utf8(out).unwrap();
        for line in text.lines() {
            assert!(
                unicode_width(line) <= width as usize,
                "line wider than {width}: {line:?}"
            );
        }
        // The enterprise-wide CIO spans its row; only the narrowest widths wrap its title.
        let expected = if width >= 40 {
            "Chief Information Officer"
        } else {
            "Chief"
        };
        assert!(text.contains(expected), "width {width}:\n{text}");
    }
    let wide = rungs()
        .args(["print", "--width", "400"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let wide = String::from_utf8(wide).unwrap();
    assert!(
        wide.contains("Director of infrastructure & operations"),
        "{wide}"
    );
    assert!(
        !wide.contains('…'),
        "nothing is cut at 400 columns:\n{wide}"
    );
    rungs().args(["print", "--width", "5"]).assert().code(2);
}

fn unicode_width(s: &str) -> usize {
    rungs::text::width(s)
}

#[test]
fn print_shows_levels_top_down_from_executive_to_ic() {
    let out = rungs()
        .arg("print")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let exec = text.find("Executive").unwrap();
    let ic = text.find("Individual").unwrap();
    assert!(exec < ic, "the top level is printed first");
}

#[test]
fn ladders_lists_bundled_and_user_ladders_with_their_source() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("ladders")).unwrap();
    std::fs::copy(
        fixture("valid-small.ron"),
        dir.path().join("ladders/small.ron"),
    )
    .unwrap();
    std::fs::copy(
        fixture("duplicate-id.ron"),
        dir.path().join("ladders/broken.ron"),
    )
    .unwrap();
    let list = json_of(
        rungs()
            .arg("--data-dir")
            .arg(dir.path())
            .args(["ladders", "--json"]),
    );
    let list = list.as_array().unwrap();
    assert_eq!(list[0]["id"], "it-leadership");
    assert_eq!(list[0]["source"], "bundled");
    let small = list
        .iter()
        .find(|l| l["id"] == "small")
        .expect("user ladder listed");
    assert_eq!(small["source"], "file");
    assert!(small["path"].as_str().unwrap().ends_with("small.ron"));
    let broken = list
        .iter()
        .find(|l| l["valid"] == false)
        .expect("broken ladder listed");
    assert!(
        broken["errors"][0]
            .as_str()
            .unwrap()
            .contains("duplicate role id")
    );

    // A user ladder is usable by its id.
    rungs()
        .arg("--data-dir")
        .arg(dir.path())
        .args([
            "path", "--ladder", "small", "--from", "operator", "--to", "lead",
        ])
        .assert()
        .success();
    // The environment variable names the data dir too, and the flag wins over it.
    rungs()
        .env("RUNGS_DATA_DIR", dir.path())
        .args(["ladders"])
        .assert()
        .success()
        .stdout(predicate::str::contains("small"));
}

#[test]
fn no_command_prints_the_ladder_and_how_to_plan() {
    rungs().assert().success().stdout(
        predicate::str::contains("Chief Information Officer")
            .and(predicate::str::contains("rungs path --from")),
    );
}

#[test]
fn every_command_has_help() {
    for cmd in ["check", "ladders", "print", "path"] {
        rungs()
            .args([cmd, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage"));
    }
    rungs().arg("frobnicate").assert().code(2);
    rungs()
        .args(["--ladder", "it-leadership", "print"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("put it after the command"));
}

#[test]
fn a_role_named_broken_pipe_is_an_error_not_a_closed_pipe() {
    rungs()
        .args(["path", "--from", "Broken pipe", "--to", "cio"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown role \"Broken pipe\""));
}

#[test]
fn a_reader_that_stops_early_is_not_a_failure() {
    // `rungs print | head -1`: the reader closes the pipe before rungs has written it all.
    let bin = assert_cmd::cargo::cargo_bin("rungs");
    let mut child = std::process::Command::new(&bin)
        .arg("print")
        .env(
            "RUNGS_DATA_DIR",
            std::env::temp_dir().join("rungs-tests-empty-data-dir"),
        )
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "exit {:?}, stderr {}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn a_teams_shared_folder_is_listed_with_its_origin_and_clashing_ids_are_reported() {
    let data = tempfile::tempdir().unwrap();
    let team = tempfile::tempdir().unwrap();
    std::fs::create_dir(data.path().join("ladders")).unwrap();
    let small = std::fs::read_to_string(fixture("valid-small.ron")).unwrap();
    std::fs::write(data.path().join("ladders/small.ron"), &small).unwrap();
    std::fs::write(team.path().join("small-copy.ron"), &small).unwrap();
    std::fs::write(
        team.path().join("acme.ron"),
        small.replace("id: \"small\"", "id: \"acme\""),
    )
    .unwrap();
    let shared = std::env::join_paths([team.path()]).unwrap();
    let with_team = || {
        let mut cmd = rungs();
        cmd.arg("--data-dir")
            .arg(data.path())
            .env("RUNGS_LADDERS", &shared);
        cmd
    };

    let list = json_of(with_team().args(["ladders", "--json"]));
    let acme = list
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["id"] == "acme")
        .expect("the shared ladder is listed");
    assert_eq!(acme["origin"], "RUNGS_LADDERS");
    assert_eq!(acme["source"], "file");
    assert_eq!(acme["same_id_as"], serde_json::json!([]));
    let clashing: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["id"] == "small")
        .collect();
    assert_eq!(clashing.len(), 2);
    assert_eq!(clashing[0]["origin"], "data dir");
    assert!(
        clashing[0]["same_id_as"][0]
            .as_str()
            .unwrap()
            .ends_with("small-copy.ron")
    );

    with_team()
        .arg("ladders")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("⚠ same id as RUNGS_LADDERS")
                .and(predicate::str::contains("A shared folder (RUNGS_LADDERS)")),
        )
        .stderr(predicate::str::contains(
            "warning: 2 ladders have the id \"small\"",
        ));
    with_team()
        .args(["print", "--ladder", "small"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("\"small\" is ambiguous"));

    // A profile on a shared ladder names it by id, so teammates' profiles work anywhere.
    with_team()
        .args([
            "profile", "new", "Ada", "--role", "operator", "--ladder", "acme",
        ])
        .assert()
        .success();
    let saved = std::fs::read_to_string(data.path().join("profiles/ada.ron")).unwrap();
    assert!(saved.contains("ladder: \"acme\""), "{saved}");
}

#[test]
fn ladder_init_writes_a_template_that_checks_and_never_overwrites_by_surprise() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("company/acme-eng.ron");
    rungs()
        .args(["ladder", "init"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "wrote a template ladder \"acme-eng\"",
        ));
    rungs()
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("ok — \"Acme eng\""));

    std::fs::write(&path, "my edits").unwrap();
    rungs()
        .args(["ladder", "init"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists — pass --force"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my edits");
    rungs()
        .args([
            "ladder", "init", "--force", "--id", "acme", "--name", "Acme",
        ])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("company/acme-eng.ron.bak")).unwrap(),
        "my edits"
    );
    rungs()
        .args(["ladder", "init", "--id", "Not An Id"])
        .arg(dir.path().join("other.ron"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("try \"not-an-id\""));
}

#[cfg(target_os = "linux")]
#[test]
fn help_and_errors_into_a_full_stream_exit_with_a_code_not_a_panic() {
    use std::process::Stdio;
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let run = |args: &[&str], full_stdout: bool| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_rungs"));
        cmd.args(args).env(
            "RUNGS_DATA_DIR",
            std::env::temp_dir().join("rungs-tests-empty-data-dir"),
        );
        if full_stdout {
            cmd.stdout(full()).stderr(Stdio::null());
        } else {
            cmd.stdout(Stdio::null()).stderr(full());
        }
        cmd.status().unwrap().code()
    };
    assert_eq!(run(&["--help"], true), Some(1), "help into a full stdout");
    assert_eq!(
        run(&["--version"], true),
        Some(1),
        "version into a full stdout"
    );
    assert_eq!(
        run(&["bogus"], false),
        Some(2),
        "a usage error into a full stderr"
    );
    assert_eq!(
        run(&["milestone", "nope", "done"], false),
        Some(2),
        "a failure into a full stderr"
    );
}

#[test]
fn a_data_dir_that_is_a_file_is_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not-a-folder");
    std::fs::write(&file, "x").unwrap();
    common::rungs_alone()
        .arg("--data-dir")
        .arg(&file)
        .arg("ladders")
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("is a file, not a folder"));
}

#[cfg(target_os = "linux")]
#[test]
fn a_log_entry_whose_output_cannot_be_written_is_saved_once_and_says_not_to_run_it_again() {
    let dir = tempfile::tempdir().unwrap();
    common::rungs(dir.path())
        .args(["profile", "new", "Ann", "--role", "sysadmin"])
        .assert()
        .success();
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rungs"))
        .args(["log", "shipped the migration"])
        .env("RUNGS_DATA_DIR", dir.path())
        .stdout(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("running it again would make its change twice"),
        "{stderr}"
    );
    let saved = std::fs::read_to_string(dir.path().join("profiles").join("ann.ron")).unwrap();
    assert_eq!(saved.matches("shipped the migration").count(), 1, "{saved}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_whose_output_cannot_be_written_says_so_without_a_warning_about_running_it_again() {
    let dir = tempfile::tempdir().unwrap();
    common::rungs(dir.path())
        .args(["profile", "new", "Ann", "--role", "sysadmin"])
        .assert()
        .success();
    for args in [&["profile", "show"][..], &["roster"], &["print"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rungs"))
            .args(args)
            .env("RUNGS_DATA_DIR", dir.path())
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("No space left"), "{args:?}: {stderr}");
        assert!(!stderr.contains("running it again"), "{args:?}: {stderr}");
    }
}

#[test]
fn roster_on_a_profiles_path_that_is_not_a_folder_exits_2_saying_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("profiles"), "not a folder").unwrap();
    for args in [&["roster"][..], &["roster", "--json"], &["profile", "list"]] {
        common::rungs(dir.path())
            .args(args)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("is not a folder"));
    }
}

#[test]
fn a_session_or_due_date_years_off_is_refused_with_the_range_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| common::rungs(dir.path()).args(args).assert();
    run(&["profile", "new", "Ada", "--role", "sysadmin"]).success();
    let before = std::fs::read(dir.path().join("profiles/ada.ron")).unwrap();
    // Today is pinned to common::TODAY, 2026-11-25.
    run(&["session", "add", "--date", "9999-12-31"])
        .code(2)
        .stderr(predicate::str::contains(
            "--date 9999-12-31 is more than a year after today (2026-11-25)",
        ))
        .stderr(predicate::str::contains("up to 2027-11-25"));
    run(&["session", "add", "--date", "1900-01-01"])
        .code(2)
        .stderr(predicate::str::contains("too far back"));
    run(&["action", "add", "Renew the cert", "--due", "2099-01-01"])
        .code(2)
        .stderr(predicate::str::contains("more than 10 years after today"));
    assert_eq!(
        std::fs::read(dir.path().join("profiles/ada.ron")).unwrap(),
        before
    );
    // The windows are counted by the calendar: the same day a year on, ten years on.
    run(&["session", "add", "--date", "2027-11-26"]).code(2);
    run(&["action", "add", "Renew the cert", "--due", "2036-11-26"])
        .code(2)
        .stderr(predicate::str::contains("up to 2036-11-25"));
    // Within the bounds both are taken, up to the last day.
    run(&["session", "add", "--date", "2027-11-25"]).success();
    run(&["action", "add", "Renew the cert", "--due", "2036-11-25"]).success();
}

#[test]
fn the_roster_cache_never_shows_a_profile_as_it_was_before_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| common::rungs(dir.path()).args(args).assert().success();
    run(&["profile", "new", "Ada", "--role", "sysadmin"]);
    let roster = || common::json(common::rungs(dir.path()).args(["roster", "--json"]));
    assert_eq!(roster()[0]["open_actions"], 0);
    assert!(dir.path().join("cache/roster.ron").exists(), "cached");
    // A change through rungs.
    run(&["action", "add", "Book the course"]);
    assert_eq!(roster()[0]["open_actions"], 1);
    // A hand edit, which takes no lock: same length, so only the file's time and inode differ.
    let path = dir.path().join("profiles/ada.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&path, text.replace("name: \"Ada\"", "name: \"Bea\"")).unwrap();
    assert_eq!(roster()[0]["name"], "Bea");
}
