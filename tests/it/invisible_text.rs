//! Text typed on the command line that is made only of control or invisible characters says
//! nothing: a required text (entry, topic, action, owner) is refused as bad input, and an
//! optional note is left empty — never stored as "�".

use crate::common;

use common::rungs;

const CONTROLS_ONLY: &str = "\u{1}\u{7}\u{1b}";

fn with_ann() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    rungs(dir.path())
        .args(["profile", "new", "Ann", "--role", "sysadmin"])
        .assert()
        .success();
    dir
}

/// Every profile file in the data dir, as text.
fn stored(dir: &std::path::Path) -> String {
    let mut all = String::new();
    for entry in walk(dir) {
        all.push_str(&std::fs::read_to_string(entry).unwrap_or_default());
    }
    all
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "ron") {
            files.push(path);
        }
    }
    files
}

fn first_milestone() -> String {
    let (ladder, _) = rungs::ladder::resolve(None, None).unwrap();
    ladder.levels()[0].milestones[0].id.clone()
}

#[test]
fn an_optional_note_of_only_controls_is_stored_as_no_note() {
    let dir = with_ann();
    let milestone = first_milestone();
    let commands: Vec<Vec<&str>> = vec![
        vec!["session", "add", "--notes", CONTROLS_ONLY],
        vec!["session", "add", "--private", CONTROLS_ONLY],
        vec![
            "rate",
            "leadership",
            "meeting",
            "--by",
            "self",
            "--note",
            CONTROLS_ONLY,
        ],
        vec!["milestone", &milestone, "doing", "--note", CONTROLS_ONLY],
        vec!["plan", "add", "cio", "--note", "\u{ad}\u{7}"],
    ];
    for args in &commands {
        rungs(dir.path()).args(args).assert().success();
        let text = stored(dir.path());
        assert!(!text.contains('\u{fffd}'), "{args:?} stored {text}");
    }
}

#[test]
fn a_required_text_of_only_controls_or_invisible_characters_is_refused() {
    let dir = with_ann();
    let before = stored(dir.path());
    let refused: &[(&[&str], &str)] = &[
        (&["log", CONTROLS_ONLY], "nothing to log"),
        (&["agenda", "add", "\u{ad}"], "nothing to add"),
        (&["agenda", "add", "\u{200b}\u{7}"], "nothing to add"),
        (&["action", "add", CONTROLS_ONLY], "nothing to add"),
        (&["action", "add", "ok", "--owner", "\u{7}"], "--owner"),
        (&["session", "add", "--action", CONTROLS_ONLY], "--action"),
    ];
    for (args, says) in refused {
        let out = rungs(dir.path()).args(*args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?} said {err}");
        assert_eq!(stored(dir.path()), before, "{args:?} changed the profile");
    }
}

/// A name with a zero-width space, a joiner, a byte-order mark or a direction mark reads the
/// same as the name without: it is stored without them, and a second profile whose name reads
/// like an existing one is refused, naming the one there is.
#[test]
fn a_name_that_reads_like_an_existing_one_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    rungs(dir.path())
        .args([
            "profile",
            "new",
            "\u{feff}Ana\u{200d}",
            "--role",
            "sysadmin",
        ])
        .assert()
        .success()
        .stdout(predicates::str::contains("ana"));
    let saved = std::fs::read_to_string(dir.path().join("profiles/ana.ron")).unwrap();
    assert!(saved.contains("name: \"Ana\","), "{saved}");
    for same in [
        "A\u{200b}na",
        "An\u{200f}a",
        "ANA",
        "Ana 🙂",
        "\u{2067}Ana\u{2069}",
    ] {
        rungs(dir.path())
            .args(["profile", "new", same, "--role", "sysadmin"])
            .assert()
            .code(2)
            .stderr(predicates::str::contains(
                "a profile whose name reads the same already exists: \"Ana\"",
            ));
    }
    // And the invisible spelling finds her.
    rungs(dir.path())
        .args(["--profile", "A\u{200b}na", "profile", "show"])
        .assert()
        .success()
        .stdout(predicates::str::contains("Ana"));
    let listed: Vec<_> = std::fs::read_dir(dir.path().join("profiles"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.ends_with(".ron").then_some(name)
        })
        .collect();
    assert_eq!(listed, ["ana.ron"]);
}
