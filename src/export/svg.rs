//! The ladder with the plan as an SVG picture, drawn here (no Graphviz needed) and readable in
//! any browser: levels top to bottom from the most senior, corners left to right, enterprise-wide
//! roles across the corners of their level, every title whole (wrapped, never cut: a column is
//! widened to its longest word), the plan's roles outlined and numbered with arrows between
//! them. Text is escaped for XML.

use std::fmt::Write;

use super::formats::{ExportInput, heading, label};
use crate::ladder::{Floor, Ladder, RoleIdx};
use crate::profile::PlanMarks;
use crate::text;

/// Pixels per terminal column of text at the font size used: generous, so text stays inside.
const CELL: f64 = 7.0;
const LINE: f64 = 15.0;
const PAD: f64 = 8.0;
const GAP: f64 = 10.0;
const MARGIN: f64 = 20.0;
const MIN_COLUMN: f64 = 140.0;
const MIN_LEVEL_COLUMN: f64 = 110.0;

const STYLE: &str = "\
.role rect{fill:#ffffff;stroke:#9a9a9a;stroke-width:1}\
.held rect{fill:#eeeeee}\
.plan rect{stroke:#1f6feb;stroke-width:2.5}\
.target rect{stroke:#c0392b;stroke-width:2.5}\
.current rect{fill:#fff4c2;stroke:#b8860b;stroke-width:2.5}\
.role text{text-anchor:middle;font-size:12px;fill:#1a1a1a}\
.level{font-weight:bold;font-size:12px;fill:#444444}\
.corner{font-weight:bold;font-size:12px;text-anchor:middle;fill:#444444}\
.rule{stroke:#dddddd;stroke-width:1}\
.route{stroke:#1f6feb;stroke-width:2.5;fill:none}\
.bridge{stroke:#888888;stroke-width:1.2;stroke-dasharray:5 4;fill:none}\
.heading{font-size:16px;font-weight:bold}\
.note{font-size:12px;fill:#555555}";

/// `s` as XML character data or an attribute value: one line, markup characters escaped, and
/// characters XML 1.0 does not allow left out.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in text::one_line(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\u{fffe}' | '\u{ffff}' => {}
            c if (c as u32) < 0x20 => {}
            c => out.push(c),
        }
    }
    out
}

/// A coordinate as written: whole pixels, which read well and write fast.
struct Px(f64);

impl std::fmt::Display for Px {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0.round() as i64)
    }
}

fn px(columns: usize) -> f64 {
    columns as f64 * CELL
}

/// `s` wrapped in lines at most `columns` wide, breaking only between words: a longer word gets
/// a line of its own, whole.
fn wrap(s: &str, columns: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut width = 0;
    for word in s.split_whitespace() {
        let w = text::width(word);
        match lines.last_mut() {
            Some(line) if width + 1 + w <= columns => {
                line.push(' ');
                line.push_str(word);
                width += 1 + w;
            }
            _ => {
                lines.push(word.to_string());
                width = w;
            }
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

fn longest_word(s: &str) -> usize {
    s.split_whitespace().map(text::width).max().unwrap_or(0)
}

/// Where a box goes.
#[derive(Debug, Clone, Copy, Default)]
struct Place {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
}

impl Place {
    fn centre(self) -> (f64, f64) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// How far along `(dx, dy)` from a box's centre its border lies, as a share of the vector.
fn border(place: Place, dx: f64, dy: f64) -> f64 {
    let along = |half: f64, d: f64| {
        if d.abs() < 1e-9 {
            f64::INFINITY
        } else {
            half / d.abs()
        }
    };
    along(place.w / 2.0, dx).min(along(place.h / 2.0, dy))
}

struct Picture<'a> {
    ladder: &'a Ladder,
    marks: PlanMarks,
    labels: Vec<String>,
    level_width: f64,
    columns: Vec<(f64, f64)>,
    /// The levels, most senior first, as every picture of the ladder arranges them.
    floors: Vec<Floor>,
}

impl<'a> Picture<'a> {
    fn new(input: &ExportInput<'a>) -> Picture<'a> {
        let ladder = input.ladder;
        let marks = PlanMarks::of(input.profile, ladder);
        let labels: Vec<String> = (0..ladder.roles().len())
            .map(|r| label(ladder, &marks, r))
            .collect();
        let corners = ladder.corners().len();
        let mut widest = vec![0usize; corners];
        let mut widest_enterprise = 0;
        for (role, label) in labels.iter().enumerate() {
            let widest = match ladder.role_corner(role) {
                Some(c) => &mut widest[c],
                None => &mut widest_enterprise,
            };
            *widest = (*widest).max(longest_word(label));
        }
        let mut x = MARGIN;
        let level_width = ladder
            .levels()
            .iter()
            .map(|l| px(longest_word(&l.name)) + PAD)
            .fold(MIN_LEVEL_COLUMN, f64::max);
        x += level_width;
        let mut columns: Vec<(f64, f64)> = Vec::with_capacity(corners);
        for (c, corner) in ladder.corners().iter().enumerate() {
            let w =
                (px(widest[c].max(longest_word(&corner.name))) + 2.0 * PAD + GAP).max(MIN_COLUMN);
            columns.push((x, w));
            x += w;
        }
        // The enterprise-wide roles span the corners: widen the last column if a word needs it.
        let span: f64 = columns.iter().map(|c| c.1).sum();
        let wanted = px(widest_enterprise) + 2.0 * PAD + GAP;
        if wanted > span {
            match columns.last_mut() {
                Some(last) => last.1 += wanted - span,
                None => columns.push((x, wanted.max(MIN_COLUMN))),
            }
        }
        Picture {
            ladder,
            marks,
            labels,
            level_width,
            columns,
            floors: ladder.floors(),
        }
    }

    fn span(&self) -> (f64, f64) {
        let left = self
            .columns
            .first()
            .map_or(MARGIN + self.level_width, |c| c.0);
        let right = self.columns.last().map_or(left, |c| c.0 + c.1);
        (left, right)
    }

    fn lines_of(&self, role: RoleIdx, width: f64) -> Vec<String> {
        let columns = ((width - 2.0 * PAD) / CELL).floor().max(1.0) as usize;
        wrap(&self.labels[role], columns)
    }

    fn box_height(lines: usize) -> f64 {
        lines as f64 * LINE + 2.0 * PAD
    }

    /// How many columns of text a level's name gets.
    fn level_columns(&self) -> usize {
        (((self.level_width - PAD) / CELL) as usize).max(1)
    }

    /// Where every role goes with its lines of text, and the top and bottom of each level's
    /// row, most senior first.
    fn layout(&self, top: f64) -> Layout {
        let roles = self.ladder.roles().len();
        let mut places = vec![Place::default(); roles];
        let mut lines: Vec<Vec<String>> = vec![Vec::new(); roles];
        let mut rows = Vec::new();
        let (left, right) = self.span();
        let mut y = top;
        for floor in &self.floors {
            let row_top = y;
            y += GAP;
            for &role in &floor.enterprise {
                let w = right - left - GAP;
                lines[role] = self.lines_of(role, w);
                let h = Picture::box_height(lines[role].len());
                places[role] = Place {
                    x: left + GAP / 2.0,
                    y,
                    w,
                    h,
                };
                y += h + GAP;
            }
            let mut tallest_box = 0;
            for (&(_, width), cell) in self.columns.iter().zip(&floor.cells) {
                for &role in cell {
                    lines[role] = self.lines_of(role, width - GAP);
                    tallest_box = tallest_box.max(lines[role].len());
                }
            }
            // One height for every corner box of the level, so a row reads as a row.
            let h = Picture::box_height(tallest_box);
            let mut tallest: f64 = 0.0;
            for (&(x, width), cell) in self.columns.iter().zip(&floor.cells) {
                let mut cell_y = y;
                for &role in cell {
                    places[role] = Place {
                        x: x + GAP / 2.0,
                        y: cell_y,
                        w: width - GAP,
                        h,
                    };
                    cell_y += h + GAP;
                }
                tallest = tallest.max(cell_y - y);
            }
            y += tallest;
            let name = wrap(
                &self.ladder.levels()[floor.level].name,
                self.level_columns(),
            );
            y = y.max(row_top + GAP + name.len() as f64 * LINE + PAD);
            rows.push((floor.level, row_top, y));
        }
        Layout {
            places,
            lines,
            rows,
        }
    }
}

/// Where everything goes.
struct Layout {
    places: Vec<Place>,
    /// Each role's title, wrapped to its box.
    lines: Vec<Vec<String>>,
    /// (level, top, bottom) of each level's row, most senior first.
    rows: Vec<(usize, f64, f64)>,
}

fn text_lines(out: &mut String, class: Option<&str>, x: f64, top: f64, lines: &[String]) {
    let class = class.map(|c| format!(" class=\"{c}\"")).unwrap_or_default();
    let _ = write!(out, "<text{class} x=\"{}\" y=\"{}\">", Px(x), Px(top));
    for (i, line) in lines.iter().enumerate() {
        let y = top + (i as f64 + 1.0) * LINE - 3.5;
        let _ = write!(
            out,
            "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
            Px(x),
            Px(y),
            xml(line)
        );
    }
    out.push_str("</text>");
}

/// The key under the picture.
const LEGEND: &str = "● you are here · ★ target · ✓ held · ①② your plan, in order (blue arrows) · dashed line: a bridge";

pub fn render(input: &ExportInput) -> String {
    let picture = Picture::new(input);
    let ladder = input.ladder;
    let (_, right) = picture.span();
    let header_lines = ladder
        .corners()
        .iter()
        .zip(&picture.columns)
        .map(|(c, &(_, w))| wrap(&c.name, ((w - PAD) / CELL) as usize).len())
        .max()
        .unwrap_or(0);
    let title_height = 2.0 * LINE + 2.0 * PAD + 8.0;
    let header_top = MARGIN + title_height;
    let rows_top = header_top + header_lines as f64 * LINE + PAD;
    let Layout {
        places,
        lines,
        rows,
    } = picture.layout(rows_top);
    let bottom = rows.last().map_or(rows_top, |r| r.2);
    let width = right + MARGIN;
    // Wrapped to the picture, so a ladder of two corners does not cut the key off.
    let legend = wrap(LEGEND, ((width - 2.0 * MARGIN) / CELL).max(1.0) as usize);
    let height = bottom + (legend.len() as f64 + 1.0) * LINE + MARGIN;

    let mut out = String::with_capacity(400 * ladder.roles().len() + 4096);
    let _ = writeln!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:.0}\" height=\"{height:.0}\" viewBox=\"0 0 {width:.0} {height:.0}\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"12\">"
    );
    let _ = writeln!(out, "<title>{}</title>", xml(&heading(input)));
    let _ = writeln!(
        out,
        "<defs><style>{STYLE}</style><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#1f6feb\"/></marker></defs>"
    );
    let _ = writeln!(
        out,
        "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
    );
    let _ = writeln!(
        out,
        "<text class=\"heading\" x=\"{MARGIN:.1}\" y=\"{:.1}\">{}</text>",
        MARGIN + LINE,
        xml(&heading(input))
    );
    let _ = writeln!(
        out,
        "<text class=\"note\" x=\"{MARGIN:.1}\" y=\"{:.1}\">A conversation guide, not a promotion checklist.</text>",
        MARGIN + 2.0 * LINE + 4.0
    );
    for (corner, &(x, w)) in ladder.corners().iter().zip(&picture.columns) {
        let lines = wrap(&corner.name, ((w - PAD) / CELL) as usize);
        text_lines(&mut out, Some("corner"), x + w / 2.0, header_top, &lines);
        out.push('\n');
    }
    for &(level, top, _) in &rows {
        let _ = writeln!(
            out,
            "<line class=\"rule\" x1=\"{MARGIN:.1}\" y1=\"{top:.1}\" x2=\"{right:.1}\" y2=\"{top:.1}\"/>"
        );
        let name = wrap(&ladder.levels()[level].name, picture.level_columns());
        text_lines(&mut out, Some("level"), MARGIN, top + GAP, &name);
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "<line class=\"rule\" x1=\"{MARGIN:.1}\" y1=\"{bottom:.1}\" x2=\"{right:.1}\" y2=\"{bottom:.1}\"/>"
    );
    // Bridges under the boxes, the plan over them.
    for from in 0..ladder.roles().len() {
        for &to in ladder.bridges_from(from) {
            arrow(&mut out, "bridge", places[from], places[to], false);
        }
    }
    for (role, place) in places.iter().enumerate() {
        role_box(&mut out, &picture, role, *place, &lines[role]);
    }
    for pair in picture.marks.route().windows(2) {
        arrow(&mut out, "route", places[pair[0]], places[pair[1]], true);
    }
    text_lines(&mut out, Some("note"), MARGIN, bottom + 4.0, &legend);
    out.push_str("\n</svg>\n");
    out
}

fn role_box(out: &mut String, picture: &Picture, role: RoleIdx, place: Place, lines: &[String]) {
    let marks = &picture.marks;
    let mut class = String::from("role");
    if marks.held.contains(&role) {
        class.push_str(" held");
    }
    if marks.on_plan(role) {
        class.push_str(" plan");
    }
    if marks.target == Some(role) {
        class.push_str(" target");
    }
    if marks.current == Some(role) {
        class.push_str(" current");
    }
    let def = picture.ladder.role(role);
    let _ = write!(
        out,
        "<g class=\"{class}\" id=\"role-{}\"><title>{}</title><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\"/>",
        xml(&def.id),
        xml(&def.title),
        Px(place.x),
        Px(place.y),
        Px(place.w),
        Px(place.h)
    );
    let (cx, cy) = place.centre();
    text_lines(out, None, cx, cy - lines.len() as f64 * LINE / 2.0, lines);
    out.push_str("</g>\n");
}

/// A line from one box's border to the other's, with an arrowhead if `head`.
fn arrow(out: &mut String, class: &str, from: Place, to: Place, head: bool) {
    let ((x1, y1), (x2, y2)) = (from.centre(), to.centre());
    let (dx, dy) = (x2 - x1, y2 - y1);
    let start = border(from, dx, dy);
    let end = 1.0 - border(to, -dx, -dy);
    if start >= end {
        return;
    }
    let marker = if head {
        " marker-end=\"url(#arrow)\""
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "<line class=\"{class}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"{marker}/>",
        Px(x1 + dx * start),
        Px(y1 + dy * start),
        Px(x1 + dx * end),
        Px(y1 + dy * end)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_escaped_and_forbidden_characters_left_out() {
        assert_eq!(
            xml("R&D <lead> \"x\" 'y'"),
            "R&amp;D &lt;lead&gt; &quot;x&quot; &apos;y&apos;"
        );
        assert_eq!(xml("a\u{ffff}b"), "ab");
    }

    #[test]
    fn wrapping_never_cuts_a_word() {
        assert_eq!(
            wrap("Chief Information Officer", 10),
            ["Chief", "Information", "Officer"]
        );
        assert_eq!(
            wrap("Überverantwortlicher x", 5),
            ["Überverantwortlicher", "x"]
        );
    }
}
