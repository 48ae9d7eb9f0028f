//! A ladder written as a file a person will read and edit: the layout and comments of the
//! bundled ladder (one milestone and one role a line, roles grouped by level), every string
//! escaped by RON itself.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::model::{LadderFile, Rules};

/// A RON string literal for `s`, quotes included. Only what must be escaped is: apostrophes
/// and letters of every script stay as they are, for the person who edits the file.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn expects_inline(expects: &BTreeMap<String, u8>) -> String {
    let pairs: Vec<String> = expects
        .iter()
        .map(|(c, n)| format!("{}: {n}", quoted(c)))
        .collect();
    format!("{{{}}}", pairs.join(", "))
}

/// The start of a corner's or competency's entry: `(id: …, name: …[, summary: …]`.
fn named_entry(out: &mut String, id: &str, name: &str, summary: &str) {
    let _ = write!(out, "        (id: {}, name: {}", quoted(id), quoted(name));
    if !summary.is_empty() {
        let _ = write!(out, ", summary: {}", quoted(summary));
    }
}

/// `file` as commented RON text; `header` lines become `//` comments at the top.
pub fn to_commented_ron(file: &LadderFile, header: &[String]) -> String {
    let mut out = String::new();
    for line in header {
        let _ = writeln!(out, "// {line}");
    }
    out.push_str("(\n");
    let _ = writeln!(out, "    format: {},", file.format);
    let _ = writeln!(out, "    id: {},", quoted(&file.id));
    let _ = writeln!(out, "    name: {},", quoted(&file.name));
    if !file.summary.is_empty() {
        let _ = writeln!(out, "    summary: {},", quoted(&file.summary));
    }

    out.push_str(
        "    // Levels, most junior first, each with its training milestones and what it\n",
    );
    out.push_str("    // expects of each competency (1 awareness … 5 expert).\n");
    out.push_str("    levels: [\n");
    for level in &file.levels {
        out.push_str("        (\n");
        let _ = writeln!(out, "            id: {},", quoted(&level.id));
        let _ = writeln!(out, "            name: {},", quoted(&level.name));
        if !level.summary.is_empty() {
            let _ = writeln!(out, "            summary: {},", quoted(&level.summary));
        }
        if let Some(hands_on) = level.hands_on {
            let _ = writeln!(out, "            hands_on: {hands_on},");
        }
        if let Some((min, max)) = level.typical_years {
            let _ = writeln!(out, "            typical_years: ({min}, {max}),");
        }
        if !level.expects.is_empty() {
            out.push_str("            expects: {\n");
            for (competency, n) in &level.expects {
                let _ = writeln!(out, "                {}: {n},", quoted(competency));
            }
            out.push_str("            },\n");
        }
        if level.milestones.is_empty() {
            out.push_str("            milestones: [],\n");
        } else {
            out.push_str("            milestones: [\n");
            for m in &level.milestones {
                let _ = write!(
                    out,
                    "                (id: {}, title: {}, stage: {:?}, kind: {:?}",
                    quoted(&m.id),
                    quoted(&m.title),
                    m.stage,
                    m.kind
                );
                if !m.summary.is_empty() {
                    let _ = write!(out, ", summary: {}", quoted(&m.summary));
                }
                out.push_str("),\n");
            }
            out.push_str("            ],\n");
        }
        out.push_str("        ),\n");
    }
    out.push_str("    ],\n");

    out.push_str("    // Corners: the areas (or tracks) of the organisation, left to right.\n");
    out.push_str("    corners: [\n");
    for c in &file.corners {
        named_entry(&mut out, &c.id, &c.name, &c.summary);
        if !c.short.is_empty() {
            let _ = write!(out, ", short: {}", quoted(&c.short));
        }
        if c.business_facing {
            out.push_str(", business_facing: true");
        }
        if !c.near.is_empty() {
            let near: Vec<String> = c.near.iter().map(|n| quoted(n)).collect();
            let _ = write!(out, ", near: [{}]", near.join(", "));
        }
        out.push_str("),\n");
    }
    out.push_str("    ],\n");

    out.push_str("    // Roles, grouped by level; a role without a corner spans the organisation. A role's\n");
    out.push_str(
        "    // own `expects` overrides its level's where its track expects something else.\n",
    );
    out.push_str("    roles: [\n");
    let mut previous_level: Option<&str> = None;
    for role in &file.roles {
        if previous_level.is_some_and(|l| l != role.level) {
            out.push('\n');
        }
        previous_level = Some(&role.level);
        let _ = write!(
            out,
            "        (id: {}, title: {}, level: {}",
            quoted(&role.id),
            quoted(&role.title),
            quoted(&role.level)
        );
        if let Some(corner) = &role.corner {
            let _ = write!(out, ", corner: {}", quoted(corner));
        }
        if !role.summary.is_empty() {
            let _ = write!(out, ", summary: {}", quoted(&role.summary));
        }
        if !role.expects.is_empty() {
            let _ = write!(out, ", expects: {}", expects_inline(&role.expects));
        }
        out.push_str("),\n");
    }
    out.push_str("    ],\n");

    if !file.bridges.is_empty() {
        out.push_str("    bridges: [\n");
        for b in &file.bridges {
            let _ = write!(
                out,
                "        (from: {}, to: {}",
                quoted(&b.from),
                quoted(&b.to)
            );
            if !b.skip_reason.is_empty() {
                let _ = write!(out, ", skip_reason: {}", quoted(&b.skip_reason));
            }
            out.push_str("),\n");
        }
        out.push_str("    ],\n");
    }
    if file.rules != Rules::default() {
        let _ = writeln!(
            out,
            "    rules: (max_step_up: {}, allow_down: {}),",
            file.rules.max_step_up, file.rules.allow_down
        );
    }
    if !file.competencies.is_empty() {
        out.push_str("    competencies: [\n");
        for c in &file.competencies {
            named_entry(&mut out, &c.id, &c.name, &c.summary);
            out.push_str("),\n");
        }
        out.push_str("    ],\n");
    }
    out.push_str(")\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{BUNDLED, load_str};

    #[test]
    fn a_written_ladder_reads_back_the_same() {
        for (id, source) in BUNDLED {
            let ladder = load_str(source, id).unwrap();
            let text = to_commented_ron(ladder.file(), &["a header".to_string()]);
            assert!(text.starts_with("// a header\n("));
            let again = load_str(&text, "written").unwrap_or_else(|e| panic!("{e}\n{text}"));
            assert_eq!(again.file(), ladder.file());
        }
    }

    #[test]
    fn text_that_needs_escaping_survives() {
        let source = include_str!("../../tests/fixtures/ladders/valid-small.ron").replace(
            "\"Operator\"",
            "\"Opé \\\"quoted\\\" \\\\ it's\\n\\t工程师\"",
        );
        let ladder = load_str(&source, "small").unwrap();
        let text = to_commented_ron(ladder.file(), &[]);
        assert!(text.contains("it's"), "apostrophes stay as they are");
        let again = load_str(&text, "written").unwrap();
        assert_eq!(again.file(), ladder.file());
    }
}
