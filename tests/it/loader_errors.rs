//! Every kind of ladder-file problem is reported with where it is and what to do.

use std::path::PathBuf;

use rungs::ladder::{LadderError, load_file, load_str};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ladders")
        .join(name)
}

fn problems(name: &str) -> LadderError {
    load_file(&fixture(name)).expect_err(&format!("{name} should not load"))
}

/// The (line, col, message) of the first problem.
fn first(name: &str) -> (usize, usize, String) {
    let err = problems(name);
    let p = &err.problems[0];
    let pos = p
        .pos
        .unwrap_or_else(|| panic!("{name}: no position in {err}"));
    (
        pos.line,
        pos.col,
        format!("{} {}", p.message, p.hint.clone().unwrap_or_default()),
    )
}

fn col_of(name: &str, line: usize, needle: &str) -> usize {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    let l = text.lines().nth(line - 1).unwrap();
    l[..l.find(needle).unwrap()].chars().count() + 1
}

#[test]
fn valid_fixtures_and_the_bundled_ladder_load() {
    load_file(&fixture("minimal.ron")).unwrap();
    load_file(&fixture("valid-small.ron")).unwrap();
    load_file(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("ladders/it-leadership.ron"))
        .unwrap();
}

#[test]
fn a_misspelt_field_is_named_with_a_suggestion() {
    let (line, col, msg) = first("misspelt-field.ron");
    assert_eq!((line, col), (14, col_of("misspelt-field.ron", 14, "nmae")));
    assert!(
        msg.contains("nmae") && msg.contains("did you mean: name"),
        "{msg}"
    );
}

#[test]
fn a_missing_field_is_named() {
    let (line, _, msg) = first("missing-field.ron");
    assert_eq!(line, 20);
    assert!(msg.contains("title"), "{msg}");
}

#[test]
fn a_role_at_an_unknown_level_points_at_the_level_value() {
    let (line, col, msg) = first("dangling-level.ron");
    assert_eq!(
        (line, col),
        (19, col_of("dangling-level.ron", 19, "\"junor\""))
    );
    assert!(
        msg.contains("unknown level \"junor\"") && msg.contains("did you mean: junior"),
        "{msg}"
    );
}

#[test]
fn a_role_in_an_unknown_corner_points_at_the_corner_value() {
    let (line, col, msg) = first("unknown-corner.ron");
    assert_eq!(
        (line, col),
        (19, col_of("unknown-corner.ron", 19, "\"data\""))
    );
    assert!(
        msg.contains("unknown corner \"data\"") && msg.contains("dev, ops"),
        "{msg}"
    );
}

#[test]
fn a_duplicate_id_points_at_the_second_definition() {
    let (line, col, msg) = first("duplicate-id.ron");
    assert_eq!(
        (line, col),
        (19, col_of("duplicate-id.ron", 19, "\"operator\""))
    );
    assert!(
        msg.contains("duplicate role id \"operator\"") && msg.contains("line 18"),
        "{msg}"
    );
    let (line, _, msg) = first("duplicate-milestone.ron");
    assert_eq!(line, 10);
    assert!(msg.contains("duplicate milestone id \"j-course\""), "{msg}");
}

#[test]
fn a_raw_escape_character_is_located_exactly() {
    let (line, col, msg) = first("escape-in-title.ron");
    assert_eq!(
        (line, col),
        (19, col_of("escape-in-title.ron", 19, "\u{1b}"))
    );
    assert!(msg.contains("U+001B"), "{msg}");
}

#[test]
fn an_escape_written_as_an_escape_sequence_is_caught_after_parsing() {
    let (line, _, msg) = first("escaped-control.ron");
    assert_eq!(line, 19);
    assert!(
        msg.contains("role title") && msg.contains("U+001B"),
        "{msg}"
    );
}

#[test]
fn a_bidi_override_is_refused() {
    let (line, col, msg) = first("bidi-override.ron");
    assert_eq!(
        (line, col),
        (19, col_of("bidi-override.ron", 19, "\u{202e}"))
    );
    assert!(msg.contains("U+202E"), "{msg}");
}

#[test]
fn a_bridge_to_an_unknown_role_is_reported() {
    let (line, col, msg) = first("bad-bridge.ron");
    assert_eq!((line, col), (22, col_of("bad-bridge.ron", 22, "\"leed\"")));
    assert!(msg.contains("bridge to unknown role \"leed\""), "{msg}");
}

#[test]
fn a_bridge_from_a_role_to_itself_points_at_that_bridge() {
    let (line, col, msg) = first("self-bridge.ron");
    assert_eq!(
        (line, col),
        (24, col_of("self-bridge.ron", 24, "\"operator\""))
    );
    assert!(msg.contains("bridge from \"operator\" to itself"), "{msg}");
}

#[test]
fn a_duplicate_level_id_is_one_problem_not_also_an_empty_level() {
    let err = problems("duplicate-level.ron");
    assert!(
        err.problems
            .iter()
            .any(|p| p.message.starts_with("duplicate level id \"junior\"")),
        "{err}"
    );
    assert!(
        !err.problems
            .iter()
            .any(|p| p.message.contains("has no role")),
        "a repeated level is not also a level without roles: {err}"
    );
}

#[test]
fn a_byte_order_mark_at_the_start_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.ron");
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(std::fs::read(fixture("minimal.ron")).unwrap());
    std::fs::write(&path, bytes).unwrap();
    let ladder = load_file(&path).expect("a ladder saved by Notepad with a BOM loads");
    assert_eq!(ladder.id(), "minimal");
}

#[test]
fn an_unknown_field_lists_each_known_field_once() {
    let (_, _, msg) = first("misspelt-field.ron");
    // `name` twice: once as the suggestion, once in the list.
    for (field, times) in [
        ("id", 1),
        ("name", 2),
        ("summary", 1),
        ("business_facing", 1),
    ] {
        let mentions = msg
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|w| *w == field)
            .count();
        assert_eq!(mentions, times, "{field} in {msg}");
    }
}

#[test]
fn an_unknown_field_with_no_close_match_lists_each_known_field_once_in_the_files_words() {
    let err = load_str(
        "(format: 1, id: \"x\", name: \"X\", levels: [(id: \"a\", name: \"A\", bogus: 1)], roles: [])",
        "bogus.ron",
    )
    .expect_err("an unknown field is refused");
    let msg = err.to_string();
    for field in ["id", "name", "summary", "milestones"] {
        let mentions = msg
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|w| *w == field)
            .count();
        assert_eq!(mentions, 1, "{field} in {msg}");
    }
    assert!(msg.contains("unknown field `bogus` in a level"), "{msg}");
    assert!(
        !msg.contains("Level`") && !msg.contains("LadderFile"),
        "{msg}"
    );
}

#[test]
fn a_level_without_roles_is_reported() {
    let err = problems("level-without-role.ron");
    assert!(
        err.problems
            .iter()
            .any(|p| p.message == "level \"senior\" has no role" && p.pos.is_some()),
        "{err}"
    );
}

#[test]
fn a_malformed_id_gets_a_slug_suggestion() {
    let (_, _, msg) = first("malformed-id.ron");
    assert!(
        msg.contains("\"Developer_1\" is not a valid id") && msg.contains("developer-1"),
        "{msg}"
    );
}

#[test]
fn an_expectation_of_an_unknown_competency_or_out_of_range_is_reported() {
    let (line, _, msg) = first("unknown-competency.ron");
    assert_eq!(line, 6);
    assert!(msg.contains("unknown competency \"leadrship\""), "{msg}");
    let (_, _, msg) = first("expectation-out-of-range.ron");
    assert!(msg.contains("outside 1..5"), "{msg}");
}

#[test]
fn a_title_or_name_of_only_invisible_characters_counts_as_empty() {
    let source = std::fs::read_to_string(fixture("valid-small.ron"))
        .unwrap()
        .replace("title: \"Operator\"", "title: \"\u{200b}\"")
        .replace("name: \"Development\"", "name: \" \\u{feff} \"");
    let err = load_str(&source, "invisible.ron").expect_err("invisible names are refused");
    let messages: Vec<&str> = err.problems.iter().map(|p| p.message.as_str()).collect();
    assert!(
        messages.contains(&"role \"operator\" has an empty title"),
        "{err}"
    );
    assert!(
        messages.contains(&"corner \"dev\" has an empty name"),
        "{err}"
    );
}

#[test]
fn an_empty_ladder_is_reported() {
    let err = problems("empty.ron");
    assert!(
        err.to_string().contains("empty.ron:1:1: the file is empty"),
        "{err}"
    );
    let err = problems("no-levels.ron");
    assert!(
        err.problems
            .iter()
            .any(|p| p.message == "the ladder has no levels"),
        "{err}"
    );
}

#[test]
fn deep_nesting_is_refused_before_parsing() {
    let (line, _, msg) = first("deep-nesting.ron");
    assert_eq!(line, 1);
    assert!(msg.contains("nesting deeper than"), "{msg}");
    // Ten times deeper still fails cleanly, without overflowing the stack.
    let src = format!(
        "(format: 1, id: \"x\", name: \"X\", levels: {}{})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(load_str(&src, "deep").is_err());
}

#[test]
fn a_newer_format_is_refused_with_advice_to_upgrade() {
    let (line, _, msg) = first("newer-format.ron");
    assert_eq!(line, 2);
    assert!(
        msg.contains("format 2") && msg.contains("upgrade rungs"),
        "{msg}"
    );
}

#[test]
fn syntax_errors_and_unknown_enum_variants_carry_positions() {
    let (line, _, _) = first("syntax-error.ron");
    assert_eq!(line, 16);
    let (line, _, msg) = first("bad-stage.ron");
    assert_eq!(line, 7);
    assert!(msg.contains("did you mean: Preliminary"), "{msg}");
}

#[test]
fn an_oversize_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(17 * 1024 * 1024).unwrap();
    let err = load_file(&path).unwrap_err();
    assert!(err.to_string().contains("over the 16 MiB limit"), "{err}");
}

#[test]
fn all_problems_are_reported_at_once() {
    let src = std::fs::read_to_string(fixture("valid-small.ron"))
        .unwrap()
        .replace(
            "level: \"junior\", corner: \"dev\"",
            "level: \"junor\", corner: \"data\"",
        )
        .replace("to: \"lead\"", "to: \"nobody\"");
    let err = load_str(&src, "many.ron").unwrap_err();
    assert_eq!(err.problems.len(), 3, "{err}");
    for line in err.lines() {
        assert!(line.starts_with("many.ron:"), "{line}");
    }
}

#[test]
fn a_neighbour_that_is_not_a_corner_points_at_the_near_value() {
    let err = problems("unknown-near.ron");
    assert_eq!(err.problems.len(), 2, "{err}");
    let unknown = &err.problems[0];
    let pos = unknown.pos.unwrap();
    assert_eq!(
        (pos.line, pos.col),
        (12, col_of("unknown-near.ron", 12, "\"secuirty\""))
    );
    assert!(
        unknown.message.contains("unknown corner \"secuirty\""),
        "{err}"
    );
    assert_eq!(
        unknown.hint.as_deref(),
        Some("known corners: data, dev, ops")
    );
    let itself = &err.problems[1];
    assert_eq!(
        itself.pos.map(|p| (p.line, p.col)),
        Some((13, col_of("unknown-near.ron", 13, "[\"data\"") + 1))
    );
    assert!(itself.message.contains("names itself"), "{err}");
}

#[test]
fn a_bridge_that_skips_a_level_must_say_why() {
    let err = problems("unexplained-skip.ron");
    assert_eq!(err.problems.len(), 1, "only the unexplained skip: {err}");
    let p = &err.problems[0];
    let pos = p.pos.unwrap();
    assert_eq!(
        (pos.line, pos.col),
        (19, col_of("unexplained-skip.ron", 19, "\"operator\""))
    );
    assert!(
        p.message.contains("skips a level (senior)"),
        "{}",
        p.message
    );
    assert!(p.hint.as_deref().unwrap().contains("skip_reason"), "{err}");
}

#[test]
fn a_roles_own_expectations_are_checked_like_a_levels() {
    let err = problems("role-expects.ron");
    let lines = err.lines();
    assert_eq!(lines.len(), 2, "{err}");
    let col = col_of("role-expects.ron", 15, "\"independance\"");
    assert!(
        lines[0].starts_with(&format!(
            "{}:15:{col}:",
            fixture("role-expects.ron").display()
        )) && lines[0]
            .contains("role \"engineering-manager\" expects unknown competency \"independance\"")
            && lines[0].contains("did you mean: independence?"),
        "{}",
        lines[0]
    );
    let col = col_of("role-expects.ron", 15, "\"hiring\"");
    assert!(
        lines[1].contains(&format!(":15:{col}:"))
            && lines[1].contains("\"hiring\" at 7, outside 1..5"),
        "{}",
        lines[1]
    );
}

#[test]
fn every_problem_in_every_broken_fixture_comes_with_a_hint() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ladders");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Err(err) = load_file(&path) else { continue };
        for p in &err.problems {
            assert!(
                p.hint.is_some(),
                "{}: no hint for \"{}\"",
                path.display(),
                p.message
            );
            checked += 1;
        }
    }
    assert!(checked >= 15, "only {checked} problems checked");
}

#[test]
fn a_competency_expected_twice_in_one_map_is_refused_on_the_line_of_the_second() {
    let source = rungs::ladder::BUNDLED[0].1;
    let map = source
        .find("expects: {")
        .expect("the bundled ladder sets expectations");
    // Right after the map's first entry, on a line of its own, that entry again.
    let start = map + source[map..].find('\n').expect("a line") + 1;
    let at = start + source[start..].find('\n').expect("an entry") + 1;
    let twice = format!("{}{}", &source[..at], &source[start..]);
    let err = load_str(&twice, "twice.ron").expect_err("a repeated key is refused");
    let p = &err.problems[0];
    assert!(p.message.contains("is listed twice"), "{err}");
    let line = source[..at].lines().count() + 1;
    assert_eq!(p.pos.map(|p| p.line), Some(line), "{err}");
}

#[test]
fn a_byte_that_is_not_utf8_is_located_by_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.ron");
    // "Café" saved as Latin-1 on line 3: é is the single byte 0xE9.
    std::fs::write(&path, b"(\n  format: 1,\n  name: \"Caf\xe9\",\n)").unwrap();
    let err = load_file(&path).expect_err("a Latin-1 file is refused");
    let p = &err.problems[0];
    let pos = p.pos.unwrap_or_else(|| panic!("no position in {err}"));
    assert_eq!((pos.line, pos.col), (3, 13), "{err}");
    assert!(
        p.message.contains("UTF-8") && p.hint.as_deref().unwrap_or("").contains("UTF-8"),
        "{err}"
    );

    let profiles = dir.path().join("profiles");
    std::fs::create_dir(&profiles).unwrap();
    std::fs::write(
        profiles.join("ada.ron"),
        b"(\n  format: 2,\n  name: \"Ad\xe0\",\n)",
    )
    .unwrap();
    let err = rungs::profile::Store::new(dir.path())
        .load("ada")
        .expect_err("a Latin-1 profile is refused");
    assert!(
        err.to_string().contains("ada.ron:3:12: is not UTF-8"),
        "{err}"
    );
}

#[test]
fn a_ladder_broken_in_hundreds_of_places_lists_the_first_fifty_and_counts_the_rest() {
    let source = rungs::ladder::synthetic_ladder_source(30, 30).replace("level: \"l", "level: \"x");
    let err = load_str(&source, "big.ron").expect_err("every role is at an unknown level");
    assert!(err.problems.len() > 800, "{}", err.problems.len());
    let lines = err.lines();
    assert_eq!(lines.len(), rungs::ladder::MAX_LISTED + 1);
    let more = err.problems.len() - rungs::ladder::MAX_LISTED;
    assert!(
        lines[rungs::ladder::MAX_LISTED].contains(&format!("and {more} more problems")),
        "{}",
        lines[rungs::ladder::MAX_LISTED]
    );
}

/// A ladder with one corner whose fields are `corner` (after its id and name).
fn with_corner(corner: &str) -> String {
    format!(
        "(format: 1, id: \"c\", name: \"C\", levels: [(id: \"l\", name: \"L\")], \
         corners: [(id: \"infra\", name: \"Infrastructure & operations\"{corner})], \
         roles: [(id: \"r\", title: \"R\", level: \"l\", corner: \"infra\")])"
    )
}

#[test]
fn a_corner_short_name_is_optional_and_checked_like_its_name() {
    // Left out (every ladder written before it existed) or given: both load.
    let ladder = load_str(&with_corner(""), "old").unwrap();
    assert_eq!(ladder.corners()[0].short, "");
    let ladder = load_str(&with_corner(", short: \"Infra & ops\""), "short").unwrap();
    assert_eq!(ladder.corners()[0].short, "Infra & ops");
    // Blank, or carrying an escape: refused, saying which corner and what to do.
    let err = load_str(&with_corner(", short: \"  \""), "blank").unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("corner \"infra\" has a blank short name")
            && text.contains("leave `short` out"),
        "{text}"
    );
    let err = load_str(&with_corner(", short: \"Infra\\u{1b}[31m\""), "escape").unwrap_err();
    let text = err.to_string();
    assert!(
        text.contains("corner short name") && text.contains("U+001B"),
        "{text}"
    );
}
