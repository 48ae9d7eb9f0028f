//! Every item a person can name — action item, talking point, evidence entry — keeps the id it
//! was given: shown and taken by the shell and the planner, never reused, never renumbered by
//! an undo or another writer; and the "since the last 1:1" digest lists what came after the
//! last session was saved, whatever the dates.

use crate::common;

use std::path::Path;

use common::planner::*;
use common::{json, rungs, rungs_on};
use ratatui::crossterm::event::KeyCode;
use rungs::profile::{Profile, Store};

fn ada(dir: &Path) {
    let mut p = Profile::new(
        "ada-lovelace".into(),
        "Ada Lovelace".into(),
        "it-leadership".into(),
        "sysadmin".into(),
    );
    p.target_role = Some("cio".into());
    Store::new(dir).create(&p).unwrap();
}

fn ids_of(rows: &serde_json::Value) -> Vec<u64> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_u64().unwrap())
        .collect()
}

#[test]
fn an_undo_in_the_planner_never_renumbers_what_the_shell_closes() {
    let dir = tempfile::tempdir().unwrap();
    ada(dir.path());
    let mut app = app_on(dir.path(), "ada-lovelace", 120, 40);
    // The planner starts a 1:1 and agrees an action item: id 1.
    keys(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "n");
    keys(&mut app, "a");
    keys(&mut app, "From the planner");
    for _ in 0..3 {
        press(&mut app, KeyCode::Enter);
    }
    // The shell adds one meanwhile: id 2, taken from the file as it is on disk.
    rungs(dir.path())
        .args(["action", "add", "From the shell"])
        .assert()
        .success()
        .stdout(predicates::str::contains("  2. "));
    // The planner undoes its own: the shell's keeps its id.
    keys(&mut app, "u");
    let list = json(rungs(dir.path()).args(["action", "list", "--all", "--json"]));
    assert_eq!(ids_of(&list), [2], "{list}");
    assert_eq!(list[0]["text"], "From the shell");
    assert_eq!(list[0]["number"], 2, "the older field is the id too");
    // The id the person saw is the item closed, and a gone id is refused naming those there are.
    rungs(dir.path())
        .args(["action", "done", "1"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no action item 1"))
        .stderr(predicates::str::contains("ids 2"));
    rungs(dir.path())
        .args(["action", "done", "2"])
        .assert()
        .success()
        .stdout(predicates::str::contains("From the shell"));
    // An id given once is never given again, not even the one the undo took back.
    rungs(dir.path())
        .args(["action", "add", "A third"])
        .assert()
        .success();
    let list = json(rungs(dir.path()).args(["action", "list", "--all", "--json"]));
    assert_eq!(ids_of(&list), [2, 3], "{list}");
    // The planner shows the same ids once it has read the file (the session shows the open
    // items; the shell's is done).
    app.check_disk();
    let shown = screen(&app);
    assert!(shown.contains("[ ] 3. A third"), "{shown}");
    assert!(!shown.contains("From the planner"), "{shown}");
}

#[test]
fn every_listing_gives_each_item_its_id_and_the_agenda_points_at_them() {
    let dir = tempfile::tempdir().unwrap();
    ada(dir.path());
    let run = |args: &[&str]| {
        rungs(dir.path()).args(args).assert().success();
    };
    run(&["agenda", "add", "Budget for the course", "--by", "manager"]);
    run(&["agenda", "add", "Can I lead the cloud migration?"]);
    run(&["action", "add", "Book the course"]);
    run(&["action", "add", "Read the board papers"]);
    run(&["agenda", "done", "1"]);
    run(&["action", "done", "1"]);
    let actions = json(rungs(dir.path()).args(["action", "list", "--json"]));
    assert_eq!(ids_of(&actions), [2]);
    let agenda = json(rungs(dir.path()).args(["agenda", "--json"]));
    let items = agenda["items"].as_array().unwrap();
    let of = |kind: &str| -> Vec<(serde_json::Value, serde_json::Value)> {
        items
            .iter()
            .filter(|i| i["kind"] == kind)
            .map(|i| (i["id"].clone(), i["number"].clone()))
            .collect()
    };
    assert_eq!(of("topic-self"), [(2.into(), 2.into())], "{agenda}");
    assert_eq!(of("topic-manager"), [], "closed by id 1: {agenda}");
    assert_eq!(
        of("action"),
        [(2.into(), serde_json::Value::Null)],
        "{agenda}"
    );
    assert!(
        items
            .iter()
            .filter(|i| !["topic-self", "action"].contains(&i["kind"].as_str().unwrap()))
            .all(|i| i["id"].is_null()),
        "{agenda}"
    );
    // The text shows the same ids: the open topic's (what `agenda done` takes) and the open
    // action item's (what `action done` takes), under their headings.
    let text = rungs(dir.path()).arg("agenda").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("• 2. Can I lead the cloud migration?"),
        "{text}"
    );
    assert!(text.contains("• 2. Read the board papers"), "{text}");
    assert!(
        !text.contains("Book the course"),
        "done, so off the agenda: {text}"
    );
    run(&["session", "add"]);
    let sessions = json(rungs(dir.path()).args(["session", "list", "--json"]));
    assert_eq!(sessions[0]["id"], common::TODAY, "{sessions}");
    let agenda = sessions[0]["agenda"].as_array().unwrap();
    assert!(
        agenda
            .iter()
            .any(|i| i["kind"] == "topic-self" && i["id"] == 2),
        "a session's agenda item names the topic it came from: {sessions}"
    );
    // Exported too: the JSON export and the calendar carry the same ids.
    let export = json(rungs(dir.path()).args(["export", "--format", "json"]));
    assert_eq!(
        ids_of(&export["derived"]["coaching"]["actions"]),
        [1, 2],
        "{export}"
    );
    let ics = rungs(dir.path())
        .args(["export", "--format", "ics"])
        .output()
        .unwrap();
    let ics = String::from_utf8(ics.stdout).unwrap();
    assert!(ics.contains("UID:ada-lovelace.action.2@rungs"), "{ics}");
}

/// The digest of the agenda on `today`, as `rungs agenda --json` gives it.
fn digest(dir: &Path, today: &str) -> Vec<String> {
    let agenda = json(rungs_on(dir, today).args(["agenda", "--json"]));
    agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"].as_str().unwrap().starts_with("since-"))
        .map(|i| i["text"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_digest_holds_what_came_after_the_last_session_whatever_the_dates() {
    let dir = tempfile::tempdir().unwrap();
    ada(dir.path());
    let on = |today: &str, args: &[&str]| {
        rungs_on(dir.path(), today).args(args).assert().success();
    };
    on("2026-11-10", &["log", "prepared the 1:1"]);
    on("2026-11-10", &["action", "add", "Book the course"]);
    on("2026-11-10", &["action", "add", "Still open"]);
    on("2026-11-10", &["session", "add"]);
    // The same day, after the meeting; a day later; and one dated before the meeting.
    on("2026-11-10", &["log", "wrote up the meeting"]);
    on("2026-11-11", &["action", "done", "1"]);
    on("2026-11-11", &["agenda", "add", "Raised and settled"]);
    on("2026-11-11", &["agenda", "done", "1"]);
    on("2026-11-09", &["log", "a late entry about the day before"]);
    on(
        "2026-11-12",
        &["rate", "leadership", "meeting", "--by", "manager"],
    );
    on(
        "2026-11-12",
        &["milestone", "ic-emotional-intelligence", "done"],
    );
    on("2026-11-12", &["profile", "set", "--target", "cto"]);
    let texts = digest(dir.path(), "2026-11-20");
    let has = |words: &str| texts.iter().any(|t| t.contains(words));
    for after in [
        "wrote up the meeting",
        "Action item 1 done: Book the course",
        "Raised and settled",
        "a late entry about the day before",
        "manager rated meeting",
        "Emotional intelligence: done",
        "target set to",
    ] {
        assert!(has(after), "{after} is missing from {texts:#?}");
    }
    for before in ["prepared the 1:1", "Still open"] {
        assert!(!has(before), "{before} came before the 1:1: {texts:#?}");
    }
    // In the order it happened.
    let at = |words: &str| texts.iter().position(|t| t.contains(words)).unwrap();
    assert!(at("wrote up the meeting") < at("Book the course"));
    assert!(at("Book the course") < at("a late entry"));
    // A second session on the same day: only what came after it.
    on("2026-11-20", &["session", "add"]);
    on("2026-11-20", &["log", "after the second"]);
    let texts = digest(dir.path(), "2026-11-20");
    assert_eq!(texts.len(), 1, "{texts:#?}");
    assert!(texts[0].contains("after the second"), "{texts:#?}");
}

/// A plan whose current role the ladder no longer has (renamed) stays visible everywhere, each
/// step flagged, with the fix said: never "no steps planned" over a file holding steps.
#[test]
fn a_plan_with_an_unknown_current_role_stays_visible_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    ada(dir.path());
    rungs(dir.path()).args(["plan", "auto"]).assert().success();
    let path = dir.path().join("profiles/ada-lovelace.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "current_role: \"sysadmin\"",
            "current_role: \"old-sysadmin\"",
        ),
    )
    .unwrap();
    let planned = Store::new(dir.path())
        .load("ada-lovelace")
        .unwrap()
        .plan
        .len();
    assert!(planned >= 2, "{text}");
    let fix = "`rungs profile set --role ROLE` sets it";
    for args in [
        &["plan", "show"][..],
        &["profile", "show"],
        &["export", "--format", "markdown"],
    ] {
        let out = rungs(dir.path()).args(args).output().unwrap();
        // The Markdown export escapes the backticks of a line that quotes the file (a viewer
        // shows them as written).
        let shown = String::from_utf8(out.stdout).unwrap().replace("\\`", "`");
        assert!(shown.contains(fix), "{args:?}: {shown}");
        assert!(!shown.contains("no steps planned"), "{args:?}: {shown}");
        assert!(
            shown.contains("Chief Information Officer"),
            "{args:?}: {shown}"
        );
        assert_eq!(
            shown.matches("? unknown").count(),
            planned,
            "{args:?}: {shown}"
        );
    }
    let plan = json(rungs(dir.path()).args(["plan", "show", "--json"]));
    assert_eq!(plan["steps"].as_array().unwrap().len(), planned, "{plan}");
    assert!(plan["steps"][0]["kind"].is_null(), "{plan}");
    assert!(plan["advice"][0].as_str().unwrap().contains(fix), "{plan}");
    // The Plan tab too.
    let mut app = app_on(dir.path(), "ada-lovelace", 160, 40);
    keys(&mut app, "2");
    let shown = screen(&app);
    assert!(shown.contains("rungs profile set --role"), "{shown}");
    assert!(shown.contains("Chief Information Officer"), "{shown}");
}

/// A profile written by the release before ids (format 2: sessions, action items, topics, a
/// private note) loads with ids given in file order — the numbers that release showed — and
/// its first write makes it format 3, keeping everything.
#[test]
fn a_format_2_profile_from_the_last_release_migrates_keeping_everything_and_its_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let profiles = dir.path().join("profiles");
    std::fs::create_dir_all(&profiles).unwrap();
    let original = include_str!("../fixtures/profiles/format-2.ron");
    let private = include_str!("../fixtures/profiles/format-2.private.ron");
    std::fs::write(profiles.join("priya-sharma.ron"), original).unwrap();
    std::fs::write(profiles.join("priya-sharma.private.ron"), private).unwrap();
    let today = "2026-10-20";
    // The numbers that release gave: `action list` 1–3, `agenda` topics 2 and 3 (1 closed).
    let list = json(rungs_on(dir.path(), today).args(["action", "list", "--all", "--json"]));
    let listed: Vec<(u64, &str)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|a| (a["id"].as_u64().unwrap(), a["text"].as_str().unwrap()))
        .collect();
    assert_eq!(
        listed,
        [
            (1, "Book the negotiation course"),
            (2, "Shadow the CIO for a day"),
            (3, "Read the board papers")
        ]
    );
    let agenda = json(rungs_on(dir.path(), today).args(["agenda", "--json"]));
    let topics: Vec<(u64, u64)> = agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"] == "topic-self")
        .map(|i| (i["id"].as_u64().unwrap(), i["number"].as_u64().unwrap()))
        .collect();
    assert_eq!(topics, [(2, 2), (3, 3)], "{agenda}");
    // Reading never rewrites.
    assert_eq!(
        std::fs::read_to_string(profiles.join("priya-sharma.ron")).unwrap(),
        original
    );
    let store = Store::new(dir.path());
    let before = store.load("priya-sharma").unwrap();
    assert_eq!(
        before.private_notes["2026-10-05"],
        "Possible successor for the platform lead"
    );
    let linked: Vec<Option<u64>> = before.sessions[0]
        .agenda
        .iter()
        .filter(|i| matches!(i.topic, rungs::profile::Topic::Point(_)))
        .map(|i| i.of)
        .collect();
    assert_eq!(
        linked,
        [Some(2), Some(3), Some(1)],
        "past agendas point at their topics"
    );
    // What came after the 1:1 of 2026-10-05 by date is in the digest; what came before is not.
    let digest: Vec<&str> = agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["kind"].as_str().unwrap().starts_with("since-"))
        .map(|i| i["text"].as_str().unwrap())
        .collect();
    assert!(
        digest.iter().any(|t| t.contains("Read the board papers")),
        "{digest:?}"
    );
    assert!(
        digest.iter().any(|t| t.contains("wrote the strategy memo")),
        "{digest:?}"
    );
    assert!(
        !digest.iter().any(|t| t.contains("led the DR test")),
        "{digest:?}"
    );

    // The first write makes it format 3 and keeps everything.
    rungs_on(dir.path(), today)
        .args(["agenda", "done", "3"])
        .assert()
        .success();
    let text = std::fs::read_to_string(profiles.join("priya-sharma.ron")).unwrap();
    assert!(text.contains("format: 4,"), "{text}");
    assert_eq!(
        std::fs::read_to_string(profiles.join("priya-sharma.ron.bak")).unwrap(),
        original,
        "the format-2 file is the backup"
    );
    let mut after = store.load("priya-sharma").unwrap();
    assert!(!after.point(3).unwrap().is_open());
    after.talking_points = before.talking_points.clone();
    after.next_id = before.next_id;
    assert_eq!(after, before, "nothing else changed or was lost");
    assert_eq!(
        std::fs::read_to_string(profiles.join("priya-sharma.private.ron")).unwrap(),
        private
    );
}

/// The ids of the sessions in the file, oldest first.
fn session_ids(dir: &Path) -> Vec<String> {
    json(rungs(dir).args(["session", "list", "--json"]))
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_session_id_is_given_once_never_again_after_an_undo_or_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    ada(dir.path());
    let mut app = app_on(dir.path(), "ada-lovelace", 120, 40);
    keys(&mut app, "4");
    press(&mut app, KeyCode::Enter);
    keys(&mut app, "n");
    let first = session_ids(dir.path());
    assert_eq!(first, [common::TODAY]);
    // The undo takes the session back; a new one the same day gets an id of its own.
    keys(&mut app, "u");
    assert!(session_ids(dir.path()).is_empty());
    press(&mut app, KeyCode::Esc);
    keys(&mut app, "n");
    let second = session_ids(dir.path());
    assert_eq!(second.len(), 1, "{second:?}");
    assert_ne!(
        second[0], first[0],
        "the undone session's id is not given again"
    );
    // After a restart (a new process reads the file), still never the undone one.
    drop(app);
    rungs(dir.path())
        .args(["session", "add"])
        .assert()
        .success();
    let all = session_ids(dir.path());
    assert_eq!(all.len(), 2, "{all:?}");
    assert!(!all.contains(&first[0]), "{all:?}");
    assert_ne!(all[0], all[1]);
    let p = Store::new(dir.path()).load("ada-lovelace").unwrap();
    assert_eq!(p.retired_sessions, [first[0].clone()], "kept in the file");
}
