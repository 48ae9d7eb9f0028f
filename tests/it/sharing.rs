//! Sharing a plan from the command line: the role diff, compare, the learning path, and exports
//! read back with real parsers (iCalendar, XML, DOT).

use crate::common;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

use common::{TODAY, rungs, with_fixture};

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

fn json(cmd: &mut Command) -> Value {
    serde_json::from_str(&stdout(cmd)).expect("stdout is JSON")
}

fn ids(values: &Value) -> Vec<String> {
    values
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn diff_of_a_manager_role_against_an_ic_role_lists_the_levels_between_and_what_the_move_asks() {
    let dir = tempfile::tempdir().unwrap();
    let diff = json(rungs(dir.path()).args(["diff", "developer", "engineering-manager", "--json"]));
    assert_eq!(ids(&diff["levels"]), ["tech-lead", "manager"]);
    let due: Vec<String> = diff["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| l["open"].as_array().unwrap().iter())
        .map(|m| m["id"].as_str().unwrap().to_string())
        .collect();
    // What readiness and compare count: the training of the level held and the level passed,
    // not the manager milestones trained once a manager.
    assert!(due.iter().any(|id| id.starts_with("ic-")), "{due:?}");
    assert!(due.iter().any(|id| id.starts_with("tl-")), "{due:?}");
    assert!(
        !due.iter().any(|id| id.starts_with("mgr-")),
        "the manager's milestones are trained once there: {due:?}"
    );
    let leadership = diff["raised"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["competency"] == "leadership")
        .expect("leadership rises");
    assert_eq!(
        (leadership["from"].as_u64(), leadership["to"].as_u64()),
        (Some(2), Some(4))
    );
    assert_eq!(diff["move"]["kind"], "skip");
    assert_eq!(diff["path"]["moves"], 2);
    assert_eq!(
        diff["corner"],
        Value::Null,
        "both are in software development"
    );

    let text = stdout(rungs(dir.path()).args(["diff", "developer", "engineering-manager"]));
    assert!(
        text.starts_with("Software developer → Engineering manager\n"),
        "{text}"
    );
    assert!(
        text.contains("levels: Individual contributor → Manager (2 up)"),
        "{text}"
    );
    assert!(
        text.contains("expects more Leadership: role 2 → role 4"),
        "role against role: {text}"
    );
    assert!(
        text.contains("before the move, the Individual contributor milestones:")
            && text.contains("before the move, the Tech lead milestones:"),
        "{text}"
    );
    assert!(text.contains("Emotional intelligence (course)"), "{text}");
    assert!(!text.contains("User experience (course)"), "{text}");
}

#[test]
fn diff_leaves_out_what_the_profile_has_done_unless_asked_for_the_ladder_alone() {
    let dir = with_fixture();
    rungs(dir.path())
        .args(["milestone", "ic-find-mentor", "done"])
        .assert()
        .success();
    let personal = json(rungs(dir.path()).args(["diff", "developer", "dev-lead", "--json"]));
    assert_eq!(personal["profile"], "priya-sharma");
    assert_eq!(
        ids(&personal["milestones"][0]["done"]),
        ["ic-emotional-intelligence", "ic-find-mentor"]
    );
    let alone = json(rungs(dir.path()).args([
        "diff",
        "developer",
        "dev-lead",
        "--ladder",
        "it-leadership",
        "--json",
    ]));
    assert_eq!(alone["profile"], Value::Null);
    assert!(
        alone["milestones"][0]["done"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_unknown_role_exits_2_naming_it_and_the_closest_ids() {
    let dir = tempfile::tempdir().unwrap();
    rungs(dir.path())
        .args(["diff", "developr", "cio"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            predicate::str::contains("\"developr\"")
                .and(predicate::str::contains("did you mean: developer")),
        );
    rungs(dir.path())
        .args(["diff", "developer", "ceo"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("TO: unknown role \"ceo\""));
    rungs(dir.path())
        .args(["diff", "cio", "cio"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nothing changes"));
}

#[test]
fn compare_shows_each_target_with_path_gaps_readiness_and_a_date() {
    let dir = with_fixture();
    let compared = json(rungs(dir.path()).args([
        "compare",
        "analytics-manager",
        "cio",
        "director-engineering",
        "--json",
    ]));
    let items = compared.as_array().unwrap();
    assert_eq!(items.len(), 3);
    let manager = &items[0];
    assert_eq!(
        manager["suggested_date"], "2027-09-01",
        "the plan's own date"
    );
    assert_eq!(manager["date_from_plan"], true);
    assert_eq!(ids(&manager["kinds"]), ["diagonal"]);
    let cio = &items[1];
    // Milestones left are counted as readiness counts them, for every target.
    for item in [manager, cio] {
        let (milestones, readiness) = (&item["milestones"], &item["readiness"]);
        assert_eq!(milestones["total"], readiness["total"], "{item}");
        assert_eq!(milestones["done"], readiness["done"], "{item}");
        assert_eq!(
            milestones["left"].as_u64().unwrap(),
            readiness["total"].as_u64().unwrap() - readiness["done"].as_u64().unwrap()
        );
    }
    assert!(cio["moves"].as_u64().unwrap() >= 3, "{cio}");
    assert!(!cio["gaps"].as_array().unwrap().is_empty());
    assert!(cio["suggested_date"].as_str().unwrap() > "2027-09-01");
    assert_eq!(cio["readiness"]["percent"], 0);

    let text = stdout(rungs(dir.path()).args(["compare", "analytics-manager", "cio"]));
    for label in [
        "moves",
        "corners gained",
        "milestones left",
        "competency gaps",
        "readiness",
        "suggested date",
    ] {
        assert!(text.contains(label), "{label} in\n{text}");
    }
    assert!(text.contains("2027-09-01 (your plan)"), "{text}");

    rungs(dir.path())
        .args(["compare", "cio", "cio"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("given twice"));
    rungs(dir.path())
        .args(["compare", "cio", "cto", "cdo", "ciso"])
        .assert()
        .code(2);
    rungs(dir.path())
        .args(["compare", "cio", "chief"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown role \"chief\""));
}

#[test]
fn the_learning_path_orders_open_milestones_and_accepting_sets_their_due_dates() {
    let dir = with_fixture();
    let path = json(rungs(dir.path()).args(["learning-path", "--json"]));
    let items = path["items"].as_array().unwrap();
    assert!(!items.is_empty());
    let dues: Vec<&str> = items.iter().map(|i| i["due"].as_str().unwrap()).collect();
    assert!(
        dues.windows(2).all(|w| w[0] <= w[1]),
        "soonest first: {dues:?}"
    );
    assert!(
        items
            .iter()
            .all(|i| i["milestone"] != "ic-emotional-intelligence"),
        "done milestones are left out"
    );
    let delegation = items
        .iter()
        .find(|i| i["milestone"] == "tl-delegation")
        .expect("a milestone under way stays on the path");
    assert_eq!(
        delegation["due"], "2026-12-31",
        "the person's own date wins"
    );
    assert_eq!(delegation["due_set"], true);
    let first_step: Vec<&Value> = items.iter().filter(|i| i["step"]["number"] == 1).collect();
    assert!(
        first_step
            .iter()
            .all(|i| i["due"].as_str().unwrap() <= "2027-09-01")
    );

    let suggested = items
        .iter()
        .find(|i| i["milestone"] == "mgr-innovation")
        .unwrap()["due"]
        .as_str()
        .unwrap()
        .to_string();
    rungs(dir.path())
        .args(["learning-path", "--accept", "mgr-innovation"])
        .assert()
        .success()
        .stdout(predicate::str::contains("1 due date set"));
    let shown = json(rungs(dir.path()).args(["profile", "show", "--json"]));
    assert_eq!(
        shown["profile"]["milestones"]["mgr-innovation"]["due"],
        suggested.as_str()
    );
    rungs(dir.path())
        .args(["learning-path", "--accept", "ic-emotional-intelligence"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not on the learning path"));
    rungs(dir.path())
        .args(["learning-path", "--accept", "no-such-milestone"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown milestone"));
    rungs(dir.path())
        .args(["learning-path", "--accept-all"])
        .assert()
        .success();
    let after = json(rungs(dir.path()).args(["learning-path", "--json"]));
    assert!(
        after["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["due_set"] == true),
        "every date accepted"
    );
    assert_eq!(
        after["items"],
        {
            let mut same = path["items"].clone();
            for item in same.as_array_mut().unwrap() {
                item["due_set"] = Value::Bool(true);
            }
            same
        },
        "accepting keeps every date where it was suggested"
    );
}

/// iCalendar TEXT as written, unescaped.
fn ics_text(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn property<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    props
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
}

/// Checks the calendar's lines as RFC 5545 wants them and parses it; returns it.
fn parse_ics(ics: &str) -> ical::parser::ical::component::IcalCalendar {
    assert!(ics.ends_with("\r\n"));
    for line in ics.split_terminator("\r\n") {
        assert!(!line.contains('\n'), "a bare line feed in {line:?}");
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("the calendar parses");
    assert!(calendars.next().is_none());
    assert_eq!(property(&calendar.properties, "VERSION"), Some("2.0"));
    for props in calendar
        .todos
        .iter()
        .map(|t| &t.properties)
        .chain(calendar.events.iter().map(|e| &e.properties))
    {
        assert!(property(props, "UID").is_some());
        assert!(property(props, "DTSTAMP").is_some_and(|s| s.ends_with('Z')));
    }
    calendar
}

#[test]
fn the_calendar_parses_and_importing_it_again_updates_the_same_items() {
    let dir = with_fixture();
    let first = stdout(rungs(dir.path()).args(["export", "--format", "ics"]));
    let calendar = parse_ics(&first);
    // One milestone with a due date, one action item, one dated plan step.
    assert_eq!(calendar.todos.len(), 2);
    assert_eq!(calendar.events.len(), 1);
    let event = &calendar.events[0].properties;
    assert_eq!(property(event, "DTSTART"), Some("20270901"));
    assert_eq!(property(event, "DTEND"), Some("20270902"));
    assert!(
        property(event, "SUMMARY")
            .unwrap()
            .contains("Analytics manager")
    );
    let uids = |calendar: &ical::parser::ical::component::IcalCalendar| {
        let mut uids: Vec<String> = calendar
            .todos
            .iter()
            .map(|t| &t.properties)
            .chain(calendar.events.iter().map(|e| &e.properties))
            .map(|p| property(p, "UID").unwrap().to_string())
            .collect();
        uids.sort();
        uids
    };
    let later = stdout(
        rungs(dir.path())
            .env("RUNGS_TODAY", "2027-03-01")
            .args(["export", "--format", "ics"]),
    );
    assert_ne!(first, later, "a later export has a later stamp");
    assert_eq!(uids(&calendar), uids(&parse_ics(&later)));
    let all: Vec<String> = uids(&calendar);
    let mut distinct = all.clone();
    distinct.dedup();
    assert_eq!(all, distinct, "UIDs are unique");
}

/// The text of every `<tspan>` in a role's box, joined as the title reads.
fn box_text(group: roxmltree::Node) -> String {
    group
        .descendants()
        .filter(|n| n.has_tag_name("tspan"))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ")
}

fn svg_role<'a>(doc: &'a roxmltree::Document, id: &str) -> roxmltree::Node<'a, 'a> {
    doc.descendants()
        .find(|n| n.attribute("id") == Some(&format!("role-{id}")))
        .unwrap_or_else(|| panic!("no box for {id}"))
}

fn svg_title<'a>(group: roxmltree::Node<'a, 'a>) -> Option<&'a str> {
    group
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
}

#[test]
fn the_svg_is_xml_with_every_title_of_the_plan_whole() {
    let dir = with_fixture();
    let svg = stdout(rungs(dir.path()).args(["export", "--format", "svg"]));
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    for (id, title) in [
        ("dev-lead", "Tech lead"),
        ("analytics-manager", "Analytics manager"),
        ("director-security", "Director of IT security"),
        ("cio", "Chief Information Officer"),
    ] {
        let group = svg_role(&doc, id);
        assert_eq!(svg_title(group), Some(title));
        assert!(
            box_text(group).ends_with(title),
            "{id}: {:?}",
            box_text(group)
        );
        assert!(
            group
                .attribute("class")
                .unwrap()
                .split(' ')
                .any(|c| { ["plan", "current", "target"].contains(&c) }),
            "{id} is highlighted"
        );
    }
    let arrows = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("route"))
        .count();
    assert_eq!(arrows, 2, "one arrow per planned move");
}

#[test]
fn the_svg_key_wraps_to_fit_a_ladder_of_two_corners() {
    let dir = tempfile::tempdir().unwrap();
    let small = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/ladders/valid-small.ron");
    rungs(dir.path())
        .args(["profile", "new", "Ann", "--role", "operator", "--ladder"])
        .arg(&small)
        .assert()
        .success();
    let svg = stdout(rungs(dir.path()).args(["export", "--format", "svg"]));
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    let width: f64 = doc
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    let key: Vec<String> = doc
        .descendants()
        .rfind(|n| n.attribute("class") == Some("note"))
        .expect("a key under the picture")
        .children()
        .filter_map(|line| line.text().map(str::to_string))
        .collect();
    assert!(key.len() > 1, "{key:?}");
    assert!(key.join(" ").ends_with("dashed line: a bridge"), "{key:?}");
    // 7 px a character and 20 px of margin a side, as the picture is laid out.
    for line in &key {
        assert!(
            line.chars().count() as f64 * 7.0 <= width - 40.0,
            "{line:?} in {width}"
        );
    }
}

#[test]
fn the_dot_parses_with_levels_as_ranks_corners_as_clusters_and_the_plan_in_bold() {
    use layout::gv::parser::ast::{Graph, Stmt};
    let dir = with_fixture();
    let dot = stdout(rungs(dir.path()).args(["export", "--format", "dot"]));
    let first_statement = dot.lines().find(|l| !l.trim_start().starts_with("//"));
    assert!(
        first_statement.is_some_and(|l| l.starts_with("digraph ")),
        "a digraph:\n{dot}"
    );
    let graph = parse_dot(&dot);
    let subgraphs: Vec<&Graph> = graph
        .list
        .list
        .iter()
        .filter_map(|s| match s {
            Stmt::SubGraph(sub) => Some(sub),
            _ => None,
        })
        .collect();
    let clusters = subgraphs
        .iter()
        .filter(|s| s.name.contains("cluster-"))
        .count();
    assert_eq!(clusters, 8, "one cluster per corner");
    let ranks = subgraphs
        .iter()
        .filter(|s| format!("{:?}", s.list).contains("same"))
        .count();
    assert_eq!(ranks, 5, "one rank per level");
    let plan_edges = graph
        .list
        .list
        .iter()
        .filter(|s| matches!(s, Stmt::Edge(_)) && format!("{s:?}").contains("#1f6feb"))
        .count();
    assert_eq!(plan_edges, 2);
}

/// The DOT read by the parser of a real Graphviz renderer (layout-rs, which lays out and draws
/// DOT files itself): light enough for the test build, strict enough to refuse broken DOT.
fn parse_dot(dot: &str) -> layout::gv::parser::ast::Graph {
    layout::gv::DotParser::new(dot)
        .process()
        .unwrap_or_else(|e| panic!("the DOT parses: {e}\n{dot}"))
}

/// A ladder whose titles hold markup, quotes, a backslash and non-ASCII.
const HOSTILE: &str = r#"(
    format: 1, id: "hostile", name: "R&D <ladder> \"quoted\"",
    levels: [(id: "one", name: "Level <1> & \\ up"), (id: "two", name: "Level «2»")],
    corners: [(id: "a", name: "A & <B>"), (id: "b", name: "Ünïcödé \"corner\" 工程")],
    roles: [
        (id: "a1", title: "R&D <lead> \"quoted\" back\\slash Ünïcödé", level: "one", corner: "a"),
        (id: "b1", title: "工程师 \\n not a newline", level: "one", corner: "b"),
        (id: "a2", title: "Head of \"A\" & <B>; comma, semicolon", level: "two", corner: "a"),
        (id: "b2", title: "Chef d'équipe \\", level: "two", corner: "b"),
    ],
)"#;

#[test]
fn titles_with_markup_quotes_backslashes_and_non_ascii_export_valid_files() {
    let dir = tempfile::tempdir().unwrap();
    let ladder = dir.path().join("hostile.ron");
    std::fs::write(&ladder, HOSTILE).unwrap();
    let ladder = ladder.to_str().unwrap();
    rungs(dir.path())
        .args([
            "profile",
            "new",
            "Zoë \"Z\" <Ng>",
            "--role",
            "a1",
            "--target",
            "b2",
        ])
        .args(["--ladder", ladder])
        .assert()
        .success();
    rungs(dir.path())
        .args([
            "plan",
            "add",
            "b2",
            "--date",
            "2027-05-01",
            "--note",
            "a \"note\"; with, commas & <tags>",
        ])
        .assert()
        .success();
    let title = |id: &str| {
        let start = HOSTILE.find(&format!("(id: \"{id}\", title: \"")).unwrap();
        let rest = &HOSTILE[start..];
        let raw = &rest[rest.find("title: \"").unwrap() + 8..rest.find("\", level").unwrap()];
        raw.replace("\\\"", "\"").replace("\\\\", "\\")
    };

    let svg = stdout(rungs(dir.path()).args(["export", "--format", "svg"]));
    let doc = roxmltree::Document::parse(&svg).expect("the SVG is well-formed XML");
    for id in ["a1", "b1", "a2", "b2"] {
        let group = svg_role(&doc, id);
        assert_eq!(svg_title(group), Some(title(id).as_str()));
        assert!(
            box_text(group).ends_with(&title(id)),
            "{:?}",
            box_text(group)
        );
    }

    let dot = stdout(rungs(dir.path()).args(["export", "--format", "dot"]));
    parse_dot(&dot);
    // The parser is strict enough to catch what escaping guards against.
    for broken in [
        "digraph { a [label=\"R&D \"quoted\"\"]; }",
        "digraph { a [label=\"back\\\"]; }",
        "digraph { a -> ; }",
    ] {
        assert!(
            layout::gv::DotParser::new(broken).process().is_err(),
            "{broken}"
        );
    }
    // Every title appears as a DOT string with `\` and `"` escaped, and `&` as the entity
    // Graphviz decodes back to it.
    for id in ["a1", "b1", "a2", "b2"] {
        let escaped = title(id)
            .replace('\\', "\\\\")
            .replace('"', "\\\"")
            .replace('&', "&amp;");
        assert!(dot.contains(&escaped), "{escaped} in\n{dot}");
    }

    let ics = stdout(rungs(dir.path()).args(["export", "--format", "ics"]));
    let calendar = parse_ics(&ics);
    let event = &calendar.events[0].properties;
    assert!(
        ics_text(property(event, "SUMMARY").unwrap()).ends_with(&title("b2")),
        "{ics}"
    );
    assert!(
        ics_text(property(event, "DESCRIPTION").unwrap())
            .contains("a \"note\"; with, commas & <tags>"),
        "{ics}"
    );
}

#[test]
fn export_writes_to_out_and_replaces_it_only_when_forced() {
    let dir = with_fixture();
    let out = dir.path().join("shared/plan.svg");
    rungs(dir.path())
        .args(["export", "--format", "svg", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::contains("open it in a browser"));
    assert!(std::fs::read_to_string(&out).unwrap().contains("<svg"));
    rungs(dir.path())
        .args(["export", "--format", "svg", "--out"])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--force"));
    rungs(dir.path())
        .args(["export", "--format", "ics", "--force", "--out"])
        .arg(&out)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .starts_with("BEGIN:VCALENDAR")
    );
    assert!(dir.path().join("shared/plan.svg.bak").exists());
}

#[test]
fn markdown_lists_the_next_learning_items_and_json_leaves_private_notes_out() {
    let dir = with_fixture();
    let markdown = stdout(rungs(dir.path()).args(["export"]));
    assert!(
        markdown.starts_with("# Career plan — Priya Sharma"),
        "{markdown}"
    );
    let next = markdown
        .split("## Next on the learning path\n\n")
        .nth(1)
        .expect("the learning path's next items");
    let items: Vec<&str> = next.lines().take_while(|l| l.starts_with("- ")).collect();
    assert_eq!(items.len(), 5, "{next}");
    // The next items are the training readiness counts for the next step (the level held
    // and earlier training still open), never the next level's own.
    let open = markdown
        .split("## Open for Manager (what readiness counts)\n\n")
        .nth(1)
        .expect("the open milestones readiness counts");
    for item in &items {
        assert!(!item.contains("(Manager,"), "{item}");
        let title = item
            .split_once(['○', '◐'])
            .and_then(|(_, rest)| rest.trim().split(" (").next())
            .expect("a title");
        assert!(open.contains(&format!(" {title} (")), "{title} in: {open}");
    }
    assert!(
        items
            .iter()
            .any(|l| l.contains("Delegation") && !l.contains("suggested")),
        "the person's own date is not called a suggestion: {next}"
    );
    let exported = json(rungs(dir.path()).args(["export", "--format", "json"]));
    assert_eq!(exported["profile"]["id"], "priya-sharma");
    assert!(exported["derived"]["plan"]["steps"].is_array());
    assert!(
        !exported.to_string().contains("Possible successor"),
        "the session's private note stays out"
    );
}

#[test]
fn the_summary_quotes_the_last_session_and_lists_exactly_the_open_action_items() {
    let dir = with_fixture();
    rungs(dir.path())
        .args(["action", "done", "1"])
        .assert()
        .success();
    rungs(dir.path())
        .args([
            "session",
            "add",
            "--notes",
            "Agreed to try the data team's on-call\nfor a quarter",
            "--action",
            "Draft the on-call proposal",
        ])
        .assert()
        .success();
    let markdown = stdout(rungs(dir.path()).args(["export"]));
    let part = |heading: &str| {
        markdown
            .split(heading)
            .nth(1)
            .unwrap_or_else(|| panic!("no {heading}:\n{markdown}"))
            .split("\n## ")
            .next()
            .unwrap()
            .trim()
            .to_string()
    };
    assert_eq!(
        part("## Last 1:1 — 2026-11-25\n"),
        "> Agreed to try the data team's on-call\n> for a quarter"
    );
    assert_eq!(
        part("## Open action items\n"),
        "- [ ] 2. Draft the on-call proposal — Priya · from the 1:1 of 2026-11-25",
        "the action done (1) is not listed"
    );
    assert!(
        !markdown.contains("Talked about a move into data"),
        "only the last session's notes"
    );
}

#[test]
fn the_json_export_is_versioned_and_holds_what_each_command_prints_for_scripts() {
    let dir = with_fixture();
    let exported = json(rungs(dir.path()).args(["export", "--format", "json"]));
    assert_eq!(exported["format"], "rungs-export");
    assert_eq!(exported["version"], 1);
    assert_eq!(exported["as_of"], TODAY);
    assert_eq!(
        exported,
        json(rungs(dir.path()).args(["profile", "show", "--json"])),
        "profile show --json prints the same shape"
    );
    let derived = &exported["derived"];
    let same = [
        (
            &derived["coaching"]["sessions"],
            &["session", "list", "--json"][..],
        ),
        (
            &derived["coaching"]["actions"],
            &["action", "list", "--all", "--json"],
        ),
        (&derived["coaching"]["agenda"], &["agenda", "--json"]),
        (&derived["coaching"]["ratings"], &["ratings", "--json"]),
        (&derived["plan"], &["plan", "show", "--json"]),
    ];
    for (part, args) in same {
        assert_eq!(*part, json(rungs(dir.path()).args(args)), "{args:?}");
    }
    assert_eq!(
        derived["learning_path"],
        json(rungs(dir.path()).args(["learning-path", "--json"]))["items"]
    );
    assert_eq!(
        derived["coaching"]["sessions"][0]["notes"],
        "Talked about a move into data"
    );
    assert!(exported.get("private_notes").is_none());
    assert!(
        derived["coaching"]["sessions"][0]
            .get("private_notes")
            .is_none()
    );
}
