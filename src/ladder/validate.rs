//! Validation of a parsed ladder file: everything serde cannot check (references, uniqueness,
//! ids, ranges, escaped text, skipping bridges), reported all at once, each problem resolved to
//! the line and column it comes from only once it is found.

use std::collections::{BTreeMap, HashMap};

use super::expects::EXPECTATION_RANGE;
use super::locate::{Pos, SourceMap};
use super::model::{LADDER_FORMAT, LadderFile};
use super::problem::Problem;
use crate::text;

/// Where in the source a validation problem is, resolved to a position only once a problem is
/// found, so validating a large correct file does no position look-ups at all.
#[derive(Debug, Clone, Copy)]
enum Where<'a> {
    /// A top-level field.
    Section(&'a str),
    /// The `nth` string `value` written as `key: "value"` at `depth` under `section`.
    Value {
        section: &'a str,
        depth: usize,
        key: &'a str,
        value: &'a str,
        nth: usize,
    },
    /// The `nth` map key `value` at `depth` under `section`.
    MapKey {
        section: &'a str,
        depth: usize,
        value: &'a str,
        nth: usize,
    },
}

impl Where<'_> {
    fn resolve(&self, map: &SourceMap) -> Option<Pos> {
        match *self {
            Where::Section(name) => map.section(name),
            Where::Value {
                section,
                depth,
                key,
                value,
                nth,
            } => map.value(section, depth, key, value, nth),
            Where::MapKey {
                section,
                depth,
                value,
                nth,
            } => map.map_key(section, depth, value, nth),
        }
    }
}

fn id_at<'a>(section: &'a str, depth: usize, value: &'a str, nth: usize) -> Where<'a> {
    Where::Value {
        section,
        depth,
        key: "id",
        value,
        nth,
    }
}

/// A problem found by validation, not yet given its position.
struct Found<'a> {
    at: Where<'a>,
    problem: Problem,
    /// Where the same thing was first written, for duplicates.
    first: Option<Where<'a>>,
}

/// Collects problems during validation.
#[derive(Default)]
struct Findings<'a>(Vec<Found<'a>>);

impl<'a> Findings<'a> {
    fn push(&mut self, at: Where<'a>, message: impl Into<String>, hint: impl Into<String>) {
        self.0.push(Found {
            at,
            problem: Problem::at(None, message).hint(hint),
            first: None,
        });
    }

    fn push_duplicate(&mut self, at: Where<'a>, first: Where<'a>, message: String, hint: String) {
        self.push(at, message, hint);
        if let Some(found) = self.0.last_mut() {
            found.first = Some(first);
        }
    }
}

/// Checks everything serde cannot: references, uniqueness, ids, ranges and escaped text.
/// `source` is scanned for positions only when there is a problem to place.
pub(super) fn validate(file: &LadderFile, source: &str) -> Vec<Problem> {
    let mut findings = Findings::default();
    check_file(file, &mut findings);
    if findings.0.is_empty() {
        return Vec::new();
    }
    // The depth was measured before parsing, so the scan cannot refuse it.
    let map = SourceMap::scan(source, usize::MAX).unwrap_or_default();
    let map = &map;
    let mut problems: Vec<Problem> = findings
        .0
        .into_iter()
        .map(|found| {
            let mut problem = found.problem;
            if let Some(first) = found.first.and_then(|w| w.resolve(map)) {
                problem.message =
                    format!("{} (first defined at line {})", problem.message, first.line);
            }
            problem.pos = found.at.resolve(map).or(Some(Pos { line: 1, col: 1 }));
            problem
        })
        .collect();
    problems.sort_by_key(|p| p.pos.map(|pos| (pos.line, pos.col)));
    problems
}

fn check_file<'a>(file: &'a LadderFile, problems: &mut Findings<'a>) {
    let top = Where::Section;
    if file.format != LADDER_FORMAT {
        if file.format > LADDER_FORMAT {
            problems.push(
                top("format"),
                format!(
                    "this ladder is written in format {}, newer than format {LADDER_FORMAT} that this version of rungs reads",
                    file.format
                ),
                "upgrade rungs to read it",
            );
        } else {
            problems.push(
                top("format"),
                format!("format {} does not exist", file.format),
                "write `format: 1`",
            );
        }
        return;
    }

    check_id(
        problems,
        &file.id,
        Where::Value {
            section: "id",
            depth: 1,
            key: "id",
            value: &file.id,
            nth: 0,
        },
        "ladder",
    );
    check_text(problems, top("name"), "ladder name", &file.name);
    check_text(problems, top("summary"), "ladder summary", &file.summary);
    require_words(
        problems,
        top("name"),
        "the ladder has an empty name",
        "give it the name people know it by: `name: \"…\"`",
        &file.name,
    );
    if file.levels.is_empty() {
        problems.push(
            top("levels"),
            "the ladder has no levels",
            "add at least one level, lowest first",
        );
    }
    if file.roles.is_empty() {
        problems.push(
            top("roles"),
            "the ladder has no roles",
            "add at least one role: `(id: \"…\", title: \"…\", level: \"…\")`",
        );
    }
    if file.rules.max_step_up == 0 {
        problems.push(
            top("rules"),
            "rules.max_step_up is 0, so nobody could ever move up",
            "use 1 (the default) or more",
        );
    }

    let competency_ids = unique_ids(
        problems,
        "competencies",
        3,
        "competency",
        file.competencies.iter().map(|c| c.id.as_str()),
    );
    for (c, nth) in with_occurrence(&file.competencies, &competency_ids, |c| c.id.as_str()) {
        let at = id_at("competencies", 3, &c.id, nth);
        check_words(
            problems,
            at,
            Words {
                kind: "competency",
                id: &c.id,
                field: "name",
                hint: "name what it measures: `name: \"…\"`",
            },
            &c.name,
            &c.summary,
        );
    }

    let level_ids = unique_ids(
        problems,
        "levels",
        3,
        "level",
        file.levels.iter().map(|l| l.id.as_str()),
    );
    let milestone_ids = file
        .levels
        .iter()
        .flat_map(|l| l.milestones.iter().map(|m| m.id.as_str()));
    unique_ids(problems, "levels", 5, "milestone", milestone_ids);
    let mut expects_seen: HashMap<&str, usize> = HashMap::new();
    let mut milestones_seen: HashMap<&str, usize> = HashMap::new();
    for (level, nth) in with_occurrence(&file.levels, &level_ids, |l| l.id.as_str()) {
        let level_at = id_at("levels", 3, &level.id, nth);
        check_words(
            problems,
            level_at,
            Words {
                kind: "level",
                id: &level.id,
                field: "name",
                hint: "name the rung as people say it: `name: \"…\"`",
            },
            &level.name,
            &level.summary,
        );
        if let Some((min, max)) = level.typical_years
            && (min == 0 || min > max || max > super::model::MAX_TYPICAL_YEARS)
        {
            problems.push(
                level_at,
                format!(
                    "level \"{}\" has typical_years ({min}, {max}): the fewest years must be at least 1 and no more than the most, and the most at most {}",
                    level.id,
                    super::model::MAX_TYPICAL_YEARS
                ),
                "write how long people usually stay, fewest then most years: `typical_years: (3, 5)`",
            );
        }
        check_expects(
            problems,
            "levels",
            ("level", &level.id),
            &level.expects,
            &competency_ids,
            &mut expects_seen,
        );
        for m in &level.milestones {
            let at = id_at("levels", 5, &m.id, occurrence(&mut milestones_seen, &m.id));
            check_words(
                problems,
                at,
                Words {
                    kind: "milestone",
                    id: &m.id,
                    field: "title",
                    hint: "say what to do or learn: `title: \"…\"`",
                },
                &m.title,
                &m.summary,
            );
        }
    }

    let corner_ids = unique_ids(
        problems,
        "corners",
        3,
        "corner",
        file.corners.iter().map(|c| c.id.as_str()),
    );
    let mut near_seen: HashMap<&str, usize> = HashMap::new();
    for (c, nth) in with_occurrence(&file.corners, &corner_ids, |c| c.id.as_str()) {
        let at = id_at("corners", 3, &c.id, nth);
        check_words(
            problems,
            at,
            Words {
                kind: "corner",
                id: &c.id,
                field: "name",
                hint: "name the part of IT it covers: `name: \"…\"`",
            },
            &c.name,
            &c.summary,
        );
        if !c.short.is_empty() {
            check_text(problems, at, "corner short name", &c.short);
            require_words(
                problems,
                at,
                format!("corner \"{}\" has a blank short name", c.id),
                "write the shorter name the graph shows on narrow screens, `short: \"Infra & ops\"`, or leave `short` out",
                &c.short,
            );
        }
        for neighbour in &c.near {
            let at = Where::Value {
                section: "corners",
                depth: 4,
                key: "near",
                value: neighbour,
                nth: occurrence(&mut near_seen, neighbour),
            };
            if !corner_ids.contains_key(neighbour.as_str()) {
                problems.push(
                    at,
                    format!("corner \"{}\" is near unknown corner \"{neighbour}\"", c.id),
                    hint_for(neighbour, corner_ids.keys().copied(), "corners"),
                );
            } else if *neighbour == c.id {
                problems.push(
                    at,
                    format!("corner \"{}\" names itself in `near`", c.id),
                    "list only other corners whose craft carries over",
                );
            }
        }
    }

    let role_ids = unique_ids(
        problems,
        "roles",
        3,
        "role",
        file.roles.iter().map(|r| r.id.as_str()),
    );
    let mut level_has_role = vec![false; file.levels.len()];
    let mut levels_seen: HashMap<&str, usize> = HashMap::new();
    let mut corners_seen: HashMap<&str, usize> = HashMap::new();
    let mut role_expects_seen: HashMap<&str, usize> = HashMap::new();
    for (role, nth) in with_occurrence(&file.roles, &role_ids, |r| r.id.as_str()) {
        let role_at = id_at("roles", 3, &role.id, nth);
        check_words(
            problems,
            role_at,
            Words {
                kind: "role",
                id: &role.id,
                field: "title",
                hint: "write the title people know the role by: `title: \"…\"`",
            },
            &role.title,
            &role.summary,
        );
        check_expects(
            problems,
            "roles",
            ("role", &role.id),
            &role.expects,
            &competency_ids,
            &mut role_expects_seen,
        );
        let level_nth = occurrence(&mut levels_seen, &role.level);
        match level_ids.get(role.level.as_str()) {
            Some(&level) => level_has_role[level] = true,
            None => problems.push(
                Where::Value {
                    section: "roles",
                    depth: 3,
                    key: "level",
                    value: &role.level,
                    nth: level_nth,
                },
                format!(
                    "role \"{}\" is at unknown level \"{}\"",
                    role.id, role.level
                ),
                hint_for(&role.level, level_ids.keys().copied(), "levels"),
            ),
        }
        if let Some(corner) = &role.corner {
            let corner_nth = occurrence(&mut corners_seen, corner);
            if !corner_ids.contains_key(corner.as_str()) {
                problems.push(
                    Where::Value {
                        section: "roles",
                        depth: 3,
                        key: "corner",
                        value: corner,
                        nth: corner_nth,
                    },
                    format!("role \"{}\" is in unknown corner \"{corner}\"", role.id),
                    hint_for(corner, corner_ids.keys().copied(), "corners"),
                );
            }
        }
    }
    if !file.roles.is_empty() {
        // A repeated level id is reported as a duplicate; only its first entry can hold roles.
        let first_entries = file
            .levels
            .iter()
            .enumerate()
            .filter(|(i, level)| level_ids.get(level.id.as_str()) == Some(i));
        for (i, level) in first_entries {
            if !level_has_role[i] {
                problems.push(
                    id_at("levels", 3, &level.id, 0),
                    format!("level \"{}\" has no role", level.id),
                    format!(
                        "add a role with `level: \"{}\"`, or remove the level",
                        level.id
                    ),
                );
            }
        }
    }

    let mut ends_seen: HashMap<(&str, &str), usize> = HashMap::new();
    let level_of = |role: &str| {
        let &r = role_ids.get(role)?;
        level_ids.get(file.roles[r].level.as_str()).copied()
    };
    for bridge in &file.bridges {
        for (key, id) in [("from", &bridge.from), ("to", &bridge.to)] {
            let nth = *ends_seen
                .entry((key, id.as_str()))
                .and_modify(|n| *n += 1)
                .or_default();
            if !role_ids.contains_key(id.as_str()) {
                problems.push(
                    Where::Value {
                        section: "bridges",
                        depth: 3,
                        key,
                        value: id,
                        nth,
                    },
                    format!("bridge {key} unknown role \"{id}\""),
                    hint_for(id, role_ids.keys().copied(), "roles"),
                );
            }
        }
        let from_nth = ends_seen[&("from", bridge.from.as_str())];
        let from_at = Where::Value {
            section: "bridges",
            depth: 3,
            key: "from",
            value: &bridge.from,
            nth: from_nth,
        };
        check_text(problems, from_at, "bridge skip_reason", &bridge.skip_reason);
        if let (Some(from), Some(to)) = (level_of(&bridge.from), level_of(&bridge.to)) {
            let step = file.rules.max_step_up.max(1) as usize;
            if to > from + step && !text::has_content(&bridge.skip_reason) {
                let passed: Vec<&str> = file.levels[from + 1..to]
                    .iter()
                    .map(|l| l.id.as_str())
                    .collect();
                problems.push(
                    from_at,
                    format!(
                        "bridge from \"{}\" to \"{}\" skips {} ({}) without saying why",
                        bridge.from,
                        bridge.to,
                        if passed.len() == 1 { "a level" } else { "levels" },
                        passed.join(", ")
                    ),
                    format!(
                        "each level has its own training, so a skip must be explained: add `skip_reason: \"…\"`, or point the bridge at a role at most {} up",
                        text::count(step, "level")
                    ),
                );
            }
        }
        if bridge.from == bridge.to {
            let nth = from_nth;
            problems.push(
                Where::Value {
                    section: "bridges",
                    depth: 3,
                    key: "from",
                    value: &bridge.from,
                    nth,
                },
                format!("bridge from \"{}\" to itself", bridge.from),
                "remove it",
            );
        }
    }
}

/// Checks one level's or role's `expects`: known competencies, values within 1..5.
fn check_expects<'a>(
    problems: &mut Findings<'a>,
    section: &'a str,
    (owner_kind, owner_id): (&str, &str),
    expects: &'a BTreeMap<String, u8>,
    competency_ids: &HashMap<&'a str, usize>,
    seen: &mut HashMap<&'a str, usize>,
) {
    for (competency, &expected) in expects {
        let nth = occurrence(seen, competency);
        let at = Where::MapKey {
            section,
            depth: 4,
            value: competency,
            nth,
        };
        if !competency_ids.contains_key(competency.as_str()) {
            let hint = hint_for(competency, competency_ids.keys().copied(), "competencies");
            let hint = if competency_ids.is_empty() {
                format!("{hint}: add it to `competencies: [(id: \"{competency}\", name: \"…\")]`")
            } else {
                hint
            };
            problems.push(
                at,
                format!("{owner_kind} \"{owner_id}\" expects unknown competency \"{competency}\""),
                hint,
            );
        }
        if !EXPECTATION_RANGE.contains(&expected) {
            problems.push(
                at,
                format!(
                    "{owner_kind} \"{owner_id}\" expects \"{competency}\" at {expected}, outside 1..5"
                ),
                "use 1 (awareness), 2 (foundational), 3 (working knowledge), 4 (practitioner) or 5 (expert)",
            );
        }
    }
}

/// Counts an occurrence of `id` and returns how many came before it.
fn occurrence<'a>(seen: &mut HashMap<&'a str, usize>, id: &'a str) -> usize {
    let count = seen.entry(id).or_default();
    *count += 1;
    *count - 1
}

/// Each item with the number of earlier items that share its id: which occurrence in the file it
/// is. `first` (from [`unique_ids`]) already knows each id's first item, so only the repeats
/// are counted: a large ladder without duplicates needs no second map.
fn with_occurrence<'a, T>(
    items: &'a [T],
    first: &HashMap<&'a str, usize>,
    id: impl Fn(&'a T) -> &'a str,
) -> impl Iterator<Item = (&'a T, usize)> {
    let mut repeats: HashMap<&'a str, usize> = HashMap::new();
    items.iter().enumerate().map(move |(i, item)| {
        let id = id(item);
        let nth = if first.get(id) == Some(&i) {
            0
        } else {
            1 + occurrence(&mut repeats, id)
        };
        (item, nth)
    })
}

fn hint_for<'a>(wanted: &str, known: impl Iterator<Item = &'a str>, kind: &str) -> String {
    let known: Vec<&str> = known.collect();
    let close = text::did_you_mean(wanted, known.iter().copied());
    if !close.is_empty() {
        return close;
    }
    let mut sorted = known;
    sorted.sort_unstable();
    if sorted.is_empty() {
        format!("the ladder defines no {kind}")
    } else if sorted.len() <= 8 {
        format!("known {kind}: {}", sorted.join(", "))
    } else {
        format!(
            "it must be one of the {} {kind} the ladder defines",
            sorted.len()
        )
    }
}

/// Checks the ids of one kind for form and uniqueness; returns the map from id to first index.
fn unique_ids<'a>(
    problems: &mut Findings<'a>,
    section: &'a str,
    depth: usize,
    kind: &str,
    ids: impl Iterator<Item = &'a str>,
) -> HashMap<&'a str, usize> {
    let mut first: HashMap<&'a str, usize> = HashMap::new();
    let mut repeats: HashMap<&'a str, usize> = HashMap::new();
    for (i, id) in ids.enumerate() {
        let repeated = first.contains_key(id);
        let nth = if repeated {
            1 + occurrence(&mut repeats, id)
        } else {
            0
        };
        let at = id_at(section, depth, id, nth);
        check_id(problems, id, at, kind);
        if repeated {
            problems.push_duplicate(
                at,
                id_at(section, depth, id, 0),
                format!("duplicate {kind} id \"{id}\""),
                format!("every {kind} needs its own id"),
            );
        } else {
            first.insert(id, i);
        }
    }
    first
}

/// What names a thing of some `kind`: its name (or title, the `field`) and the hint for an empty one.
struct Words<'s> {
    kind: &'s str,
    id: &'s str,
    field: &'s str,
    hint: &'s str,
}

/// A thing's name must say something, and neither it nor its summary may carry escaped control
/// text. The messages are made only for a problem found: this runs for every role of a ladder.
fn check_words<'a>(
    problems: &mut Findings<'a>,
    at: Where<'a>,
    words: Words,
    name: &str,
    summary: &str,
) {
    for (field, value) in [(words.field, name), ("summary", summary)] {
        if text::first_forbidden_char(value).is_some() {
            check_text(problems, at, &format!("{} {field}", words.kind), value);
        }
    }
    if !text::has_content(name) {
        problems.push(
            at,
            format!(
                "{} \"{}\" has an empty {}",
                words.kind, words.id, words.field
            ),
            words.hint,
        );
    }
}

/// A name or title that must say something: blank, or only invisible characters, is refused.
fn require_words<'a>(
    problems: &mut Findings<'a>,
    at: Where<'a>,
    message: impl Into<String>,
    hint: &str,
    value: &str,
) {
    if !text::has_content(value) {
        problems.push(at, message, hint);
    }
}

fn check_id<'a>(problems: &mut Findings<'a>, id: &str, at: Where<'a>, kind: &str) {
    if !text::is_valid_id(id) {
        let suggestion = text::slug(id);
        let hint = if suggestion.is_empty() {
            "ids use only a-z, 0-9 and -".to_string()
        } else {
            format!("ids use only a-z, 0-9 and -; try \"{suggestion}\"")
        };
        problems.push(
            at,
            format!("{kind} id \"{}\" is not a valid id", text::one_line(id)),
            hint,
        );
    }
}

/// Text that reached a string through an escape (`\u{1b}`) is caught here, after parsing.
fn check_text<'a>(problems: &mut Findings<'a>, at: Where<'a>, what: &str, value: &str) {
    if let Some((offset, c)) = text::first_forbidden_char(value) {
        problems.push(
            at,
            format!(
                "{what} contains {} at character {}",
                text::describe_char(c),
                offset + 1
            ),
            "remove the escape; text is shown in a terminal and must not carry control codes",
        );
    }
}
