//! Nothing from a file, a path or an argument reaches the terminal raw: every command, run with
//! hostile values in every field, file name, path and argument, prints no control character, no
//! C1 code and no bidirectional override on stdout or stderr.

use std::path::Path;

use assert_cmd::Command;

/// An escape sequence to clear the screen, an OSC 52 clipboard write, a C1 CSI, a bidi
/// override, a bell and a DEL — everything a terminal might act on.
const HOSTILE: &str = "\u{1b}[2J\u{1b}]52;c;aGk=\u{7}\u{9b}31m\u{202e}evil\u{7f}";

/// The same, written as RON escapes (the loader refuses raw control characters in files).
fn ron_escaped(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c.to_string()
            } else {
                format!("\\u{{{:x}}}", c as u32)
            }
        })
        .collect()
}

fn check(label: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    // A CRLF line end is a line end; only a lone CR can overwrite a line.
    let bad: Vec<String> = text
        .replace("\r\n", "\n")
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .map(|c| format!("U+{:04X}", c as u32))
        .collect();
    assert!(bad.is_empty(), "{label} printed {bad:?}:\n{text}");
}

fn run(data_dir: &Path, args: &[&str]) {
    let output = Command::cargo_bin("rungs")
        .unwrap()
        .env("RUNGS_DATA_DIR", data_dir)
        .env("RUNGS_TODAY", "2026-11-25")
        .env("RUNGS_LADDERS", data_dir.join(format!("team{HOSTILE}")))
        .env_remove("RUNGS_CONFIG")
        .args(args)
        .output()
        .unwrap();
    let label = format!("rungs {}", args.join(" "));
    check(&format!("{label} (stdout)"), &output.stdout);
    check(&format!("{label} (stderr)"), &output.stderr);
}

/// A profile whose every text field holds the hostile text (escaped in the file, as a hand
/// edit or another tool might write it), pointing at roles that do not exist.
fn hostile_profile(h: &str) -> String {
    format!(
        r#"(
    format: 1,
    id: "eve",
    name: "Eve {h}",
    ladder: "it-leadership",
    current_role: "sysadmin{h}",
    target_role: Some("cio{h}"),
    history: [(role: "dev{h}", note: "{h}")],
    plan: [(role: "cto", note: "{h}"), (role: "x{h}")],
    milestones: {{"ic-emotional-intelligence": (status: Done, changed: "2026-01-01", note: "{h}"), "nope{h}": (status: Doing, changed: "2026-01-01")}},
    evidence: [(date: "2026-11-01", text: "{h}", milestone: Some("m{h}"))],
    mentors: [(name: "{h}", note: "{h}")],
    mentees: [(name: "{h}")],
)
"#
    )
}

/// A format-2 profile whose coaching fields (sessions, agenda, action items, talking points,
/// ratings, the plan's change log) hold the hostile text, with a private file that does too.
fn hostile_coaching_profile(h: &str) -> (String, String) {
    let profile = format!(
        r#"(
    format: 2,
    id: "mallory",
    name: "Mallory {h}",
    ladder: "it-leadership",
    current_role: "dev-lead",
    target_role: Some("cio"),
    plan: [(role: "engineering-manager", target_date: Some("2027-06-01"), note: "{h}")],
    milestones: {{"ic-emotional-intelligence": (status: Doing, changed: "2026-01-01", due: Some("2026-12-01"), note: "{h}")}},
    ratings: [(competency: "leadership", by: Own, level: Below, date: "2026-10-01", note: "{h}"),
              (competency: "leadership", by: Manager, level: Exceeding, date: "2026-10-02", note: "{h}"),
              (competency: "x{h}", by: Manager, level: Meeting, date: "2026-10-02", note: "{h}")],
    sessions: [(id: "2026-10-01", date: "2026-10-01", notes: "{h}",
                agenda: [(topic: Point(Own), text: "{h}", ticked: true), (topic: Gap("x{h}"), text: "{h}")])],
    actions: [(text: "{h}", owner: Named("{h}"), due: Some("2026-11-01"), status: Todo, added: "2026-10-01", session: Some("2026-10-01")),
              (text: "{h}", owner: Manager, status: Done, added: "2026-10-01", session: Some("x{h}"))],
    talking_points: [(text: "{h}", by: Own, added: "2026-11-01")],
    plan_changes: [(date: "2026-11-02", change: Added("x{h}")), (date: "2026-11-03", change: Target(Some("{h}")))],
)
"#
    );
    let private = format!(
        "(format: 1, id: \"mallory\", sessions: {{\"2026-10-01\": \"{h}\", \"x{h}\": \"{h}\"}})\n"
    );
    (profile, private)
}

#[test]
fn no_command_lets_a_control_character_through() {
    let dir = tempfile::tempdir().unwrap();
    // A data folder whose own path is hostile.
    let data = dir.path().join(format!("data{HOSTILE}"));
    std::fs::create_dir_all(data.join("profiles")).unwrap();
    std::fs::create_dir_all(data.join("ladders")).unwrap();
    let h = ron_escaped(HOSTILE);
    std::fs::write(data.join("profiles/eve.ron"), hostile_profile(&h)).unwrap();
    let (coaching, private) = hostile_coaching_profile(&h);
    std::fs::write(data.join("profiles/mallory.ron"), coaching).unwrap();
    std::fs::write(data.join("profiles/mallory.private.ron"), private).unwrap();
    // A ladder file whose name and content are hostile, and a broken one.
    let ladder = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ladders/valid-small.ron"),
    )
    .unwrap()
    .replace("name: \"Small\"", &format!("name: \"Small {h}\""));
    let ladder_file = data.join(format!("ladders/small{HOSTILE}.ron"));
    std::fs::write(&ladder_file, &ladder).unwrap();
    std::fs::write(
        data.join(format!("ladders/broken{HOSTILE}.ron")),
        format!("(format: 1, id: \"b{h}\", name: \"{h}\", levels: [], roles: [(id: \"{h}\")])"),
    )
    .unwrap();
    // A spreadsheet with hostile cells, and a raw escape in the file itself.
    let sheet = dir.path().join(format!("sheet{HOSTILE}.csv"));
    std::fs::write(
        &sheet,
        format!("level,corner,role,stage\nJunior{HOSTILE},Ops,Operator{HOSTILE},Bogus{HOSTILE}\n"),
    )
    .unwrap();
    let ladder_arg = ladder_file.to_string_lossy().into_owned();
    let sheet_arg = sheet.to_string_lossy().into_owned();
    let entry = format!("ok {HOSTILE}");
    let runs: Vec<Vec<&str>> = vec![
        vec![],
        vec!["ladders"],
        vec!["ladders", "--json"],
        vec!["check", &ladder_arg],
        vec!["check", &sheet_arg],
        vec!["print", "--ladder", &ladder_arg],
        vec!["print", "--ladder", HOSTILE],
        vec!["path", "--from", HOSTILE, "--to", "cio"],
        vec![
            "path", "--from", "sysadmin", "--to", "cio", "--avoid", HOSTILE,
        ],
        vec!["path", "--from", "sysadmin", "--to", "cio", "--json"],
        vec!["profile", "list"],
        vec!["profile", "list", "--json"],
        vec!["profile", "show"],
        vec!["profile", "show", "--json"],
        vec!["profile", "show", HOSTILE],
        vec!["profile", "set", "--target", "cto"],
        vec!["profile", "set", "--target", HOSTILE],
        vec!["profile", "new", HOSTILE, "--role", "sysadmin"],
        vec!["plan", "show"],
        vec!["plan", "show", "--json"],
        vec!["plan", "add", HOSTILE],
        vec!["milestone", HOSTILE, "done"],
        vec![
            "milestone",
            "ic-conflict-resolution",
            "done",
            "--note",
            HOSTILE,
        ],
        vec!["log", HOSTILE],
        vec!["log", &entry, "--milestone", HOSTILE],
        vec!["export", "--format", "markdown"],
        vec!["export", "--format", "json"],
        vec!["import-csv", &sheet_arg],
        vec!["export-csv", "--ladder", &ladder_arg],
        vec!["config", "path"],
        vec![HOSTILE],
        vec!["milestone", "x", HOSTILE],
        vec!["agenda", "add", &entry],
        vec!["action", "add", &entry, "--owner", HOSTILE],
        vec!["session", "add", "--notes", HOSTILE, "--action", &entry],
        vec!["session", "add", "--private", HOSTILE],
        vec!["session", "list"],
        vec!["session", "list", "--json", "--include-private"],
        vec!["session", "list", "--include-private"],
        vec!["agenda"],
        vec!["agenda", "--json"],
        vec!["action", "list", "--all"],
        vec!["action", "list", "--json"],
        vec!["action", "done", "99"],
        vec!["rate", HOSTILE, "meeting", "--by", "self"],
        vec![
            "rate",
            "leadership",
            "meeting",
            "--by",
            "manager",
            "--note",
            HOSTILE,
        ],
        vec!["ratings"],
        vec!["ratings", "--json"],
        vec!["roster"],
        vec!["roster", "--json"],
        vec!["--profile", HOSTILE, "profile", "show"],
        vec!["diff", HOSTILE, "cio"],
        vec!["diff", "dev-lead", "cio", "--json"],
        vec!["compare", "cio", HOSTILE],
        vec!["compare", "cio", "--json"],
        vec!["learning-path"],
        vec!["learning-path", "--json", "--accept", HOSTILE],
    ];
    for args in &runs {
        run(&data, args);
    }
    // Every command that reads a profile, on the one whose coaching fields are hostile, and
    // every export of it: the ones above left the other profile hostile in the same fields.
    let reads: Vec<Vec<&str>> = vec![
        vec!["profile", "show"],
        vec!["profile", "show", "--json"],
        vec!["plan", "show"],
        vec!["session", "list"],
        vec!["session", "list", "--include-private"],
        vec!["session", "list", "--json", "--include-private"],
        vec!["agenda"],
        vec!["agenda", "--json"],
        vec!["action", "list", "--all"],
        vec!["action", "list", "--json"],
        vec!["action", "done", "1"],
        vec!["ratings"],
        vec!["ratings", "--json"],
        vec!["compare", "cio", "engineering-manager"],
        vec!["learning-path"],
        vec!["session", "add", "--notes", "fine", "--private", HOSTILE],
        vec!["export", "--format", "markdown"],
        vec!["export", "--format", "json"],
        vec!["export", "--format", "dot"],
        vec!["export", "--format", "svg"],
        vec!["export", "--format", "ics"],
        vec!["export", "--format", "markdown", "--include-private"],
        vec!["export", "--format", "json", "--include-private"],
        vec!["export", "--format", "svg", "--include-private"],
    ];
    for args in &reads {
        let mut with_profile = vec!["--profile", "mallory"];
        with_profile.extend(args);
        run(&data, &with_profile);
    }
    for format in ["markdown", "json", "dot", "svg", "ics"] {
        run(&data, &["export", "--format", format]);
    }
    run(&data, &["roster"]);
    run(&data, &["roster", "--json"]);
}
