//! Graphviz source of the ladder: levels as ranks (lowest at the bottom), corners as clusters,
//! enterprise-wide roles between them, bridges dashed, and the plan highlighted — its roles
//! outlined and numbered, its moves drawn as bold arrows with their kinds. `dot -Tsvg` or
//! `dot -Tpng` draws it.

use std::fmt::Write;

use super::formats::{ExportInput, heading, label};
use crate::ladder::{Ladder, RoleIdx};
use crate::profile::PlanMarks;
use crate::text;

/// The plan's colour, and the outline of the current role and the target.
const PLAN: &str = "#1f6feb";
const CURRENT: &str = "#b8860b";
const TARGET: &str = "#c0392b";

/// `s` for inside a DOT quoted string: one line, with `\` and `"` escaped. A doubled backslash
/// also keeps Graphviz from reading `\n` or `\N` in a title as a label escape.
fn escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in text::one_line(s).chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            // Graphviz reads HTML entities in every label: `&lt;` would be drawn as `<`.
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
    }
    out
}

/// `s` as a DOT quoted string.
fn quoted(s: &str) -> String {
    format!("\"{}\"", escaped(s))
}

fn role_node(ladder: &Ladder, role: RoleIdx) -> String {
    // Role ids are [a-z0-9-]; the prefix keeps them apart from the level nodes.
    quoted(&format!("role-{}", ladder.role(role).id))
}

fn level_node(level: usize) -> String {
    format!("\"level-{level}\"")
}

/// A role's node statement.
fn node(out: &mut String, ladder: &Ladder, marks: &PlanMarks, role: RoleIdx, indent: &str) {
    let mut attrs = vec![format!("label={}", quoted(&label(ladder, marks, role)))];
    if marks.current == Some(role) {
        attrs.push(format!(
            "color=\"{CURRENT}\", fillcolor=\"#fff4c2\", penwidth=2.5"
        ));
    } else if marks.target == Some(role) {
        attrs.push(format!("color=\"{TARGET}\", penwidth=2.5"));
    } else if marks.on_plan(role) {
        attrs.push(format!("color=\"{PLAN}\", penwidth=2.5"));
    } else if marks.held.contains(&role) {
        attrs.push("fillcolor=\"#eeeeee\"".to_string());
    }
    if marks.target == Some(role) && marks.on_plan(role) {
        attrs.push(format!("fontcolor=\"{TARGET}\""));
    }
    let _ = writeln!(
        out,
        "{indent}{} [{}];",
        role_node(ladder, role),
        attrs.join(", ")
    );
}

pub fn render(input: &ExportInput) -> String {
    let ladder = input.ladder;
    let marks = PlanMarks::of(input.profile, ladder);
    let mut out = String::with_capacity(128 * ladder.roles().len() + 1024);
    let _ = writeln!(
        out,
        "// {} — made by rungs; draw it with `dot -Tsvg FILE -o plan.svg`",
        text::one_line(&heading(input)).replace('\n', " ")
    );
    out.push_str("digraph \"rungs\" {\n");
    // Two lines: Graphviz reads the `\n` escape as a line break.
    let _ = writeln!(
        out,
        "    graph [rankdir=BT, newrank=true, nodesep=0.3, ranksep=0.6, fontname=\"Helvetica\", labelloc=t, fontsize=16, label=\"{}\\n● you are here  ★ target  ✓ held  ①② plan\"];",
        escaped(&heading(input)),
    );
    out.push_str(
        "    node [shape=box, style=\"rounded,filled\", fillcolor=\"white\", fontname=\"Helvetica\", fontsize=11];\n",
    );
    out.push_str("    edge [color=\"#888888\", fontname=\"Helvetica\", fontsize=10];\n\n    // levels, lowest first: one rank each\n");
    for (i, level) in ladder.levels().iter().enumerate() {
        let _ = writeln!(
            out,
            "    {} [shape=plaintext, style=\"\", fontsize=12, label={}];",
            level_node(i),
            quoted(&level.name)
        );
    }
    for i in 1..ladder.levels().len() {
        let _ = writeln!(
            out,
            "    {} -> {} [style=invis];",
            level_node(i - 1),
            level_node(i)
        );
    }
    for level in 0..ladder.levels().len() {
        let _ = write!(out, "    subgraph {{ rank=same; {};", level_node(level));
        for &role in ladder.roles_at_level(level) {
            let _ = write!(out, " {};", role_node(ladder, role));
        }
        out.push_str(" }\n");
    }
    out.push_str("\n    // corners: one cluster each\n");
    let mut in_corner: Vec<Vec<RoleIdx>> = vec![Vec::new(); ladder.corners().len()];
    let mut enterprise = Vec::new();
    for role in 0..ladder.roles().len() {
        match ladder.role_corner(role) {
            Some(c) => in_corner[c].push(role),
            None => enterprise.push(role),
        }
    }
    for (c, roles) in in_corner.iter().enumerate() {
        let corner = &ladder.corners()[c];
        let _ = writeln!(
            out,
            "    subgraph {} {{\n        label={}; labelloc=t; style=\"rounded\"; color=\"#bbbbbb\"; fontname=\"Helvetica\";",
            quoted(&format!("cluster-{}", corner.id)),
            quoted(&corner.name)
        );
        for &role in roles {
            node(&mut out, ladder, &marks, role, "        ");
        }
        out.push_str("    }\n");
    }
    if !enterprise.is_empty() {
        out.push_str("\n    // enterprise-wide roles\n");
        for &role in &enterprise {
            node(&mut out, ladder, &marks, role, "    ");
        }
    }
    if !ladder.file().bridges.is_empty() {
        out.push_str("\n    // bridges\n");
        for role in 0..ladder.roles().len() {
            for &to in ladder.bridges_from(role) {
                let _ = writeln!(
                    out,
                    "    {} -> {} [style=dashed, constraint=false, tooltip=\"bridge\"];",
                    role_node(ladder, role),
                    role_node(ladder, to)
                );
            }
        }
    }
    let route = marks.route();
    if route.len() > 1 {
        out.push_str("\n    // the plan\n");
        for (pair, &(_, step, kind)) in route.windows(2).zip(&marks.steps) {
            let _ = writeln!(
                out,
                "    {} -> {} [color=\"{PLAN}\", fontcolor=\"{PLAN}\", penwidth=2.5, constraint=false, label={}];",
                role_node(ladder, pair[0]),
                role_node(ladder, pair[1]),
                quoted(&format!("{} {kind}", text::step_number(step)))
            );
        }
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::quoted;

    #[test]
    fn quotes_and_backslashes_are_escaped_and_lines_joined() {
        assert_eq!(quoted(r#"a "b" \n c"#), r#""a \"b\" \\n c""#);
        assert_eq!(quoted("two\nlines"), "\"two lines\"");
    }

    #[test]
    fn an_ampersand_is_written_as_an_entity_so_graphviz_draws_text_as_written() {
        assert_eq!(quoted("R&D &lt;x&gt;"), "\"R&amp;D &amp;lt;x&amp;gt;\"");
    }
}
