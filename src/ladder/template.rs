//! The commented ladder `rungs ladder init` writes: a small, valid ladder that shows every
//! field once, so a company can start from it rather than from a blank page.

use super::write::quoted;

/// The template, with `id` and `name` filled in. `id` must already be a valid id; `name` is
/// escaped here.
pub fn template(id: &str, name: &str) -> String {
    TEMPLATE
        .replace("{ID}", &quoted(id))
        .replace("{NAME}", &quoted(name))
}

const TEMPLATE: &str = r#"// A career ladder for rungs (format 1). Edit it, then run `rungs check FILE` after each change:
// it reports every problem with line:column and a hint. `rungs print --ladder FILE` draws it.
// Put the file in <data dir>/ladders/ (see `rungs ladders`), or in a folder named by
// RUNGS_LADDERS, to use it by its id. The README documents every field.
//
// Ids use only a-z, 0-9 and '-', and are unique within their kind (levels, corners, roles,
// milestones, competencies). Text fields may hold any language; ids stay ASCII.
(
    format: 1,                       // the file format; leave it at 1
    id: {ID},                        // how commands and profiles name this ladder
    name: {NAME},
    summary: "Who this ladder is for, in a sentence.",   // optional

    // Levels, most junior first. Each carries the training (milestones) of that level and,
    // optionally, what it expects of each competency on a scale of 1 to 5:
    // 1 awareness, 2 foundational, 3 working knowledge, 4 practitioner, 5 expert.
    levels: [
        (
            id: "associate",
            name: "Associate",
            summary: "Learning the craft with support.",
            expects: {"delivery": 2, "collaboration": 2},
            milestones: [
                // stage: Preliminary, Preparatory, Developmental, HigherLevel or Executive
                // kind: Course, Certification, Practice, Mentoring, Reading or Project
                (id: "associate-feedback", title: "Giving and receiving feedback", stage: Preliminary, kind: Course,
                 summary: "Learn to ask for feedback and to give it kindly and clearly."),
                (id: "associate-mentor", title: "Find a mentor", stage: Preliminary, kind: Mentoring),
            ],
        ),
        (
            id: "senior",
            name: "Senior",
            // Optional: whether people here still do the craft themselves. Left out, a level is
            // hands-on when its milestones are all Preliminary or Preparatory. The planner warns
            // before it has someone lead hands-on work in a corner they have no tie to.
            hands_on: true,
            // Optional: how many years people usually stay here, fewest then most (default
            // (2, 4)). Suggested dates and a path's usual span follow it.
            typical_years: (2, 4),
            expects: {"delivery": 3, "collaboration": 3},
            milestones: [
                (id: "senior-delegation", title: "Delegation", stage: Preparatory, kind: Practice),
                (id: "senior-mentor-someone", title: "Mentor a newer colleague", stage: Preparatory, kind: Mentoring),
            ],
        ),
        (
            id: "lead",
            name: "Lead",
            expects: {"delivery": 4, "collaboration": 4},
            milestones: [
                (id: "lead-influence", title: "Leading through influence", stage: Developmental, kind: Practice),
            ],
        ),
        (
            id: "head",
            name: "Head of department",
            milestones: [],          // a level may have no milestones (or omit the field)
        ),
    ],

    // Corners: the areas (or tracks) of the organisation, shown left to right.
    corners: [
        (id: "engineering", name: "Engineering", summary: "Builds the products.", business_facing: false,
         short: "Eng"),            // optional: a shorter name for narrow screens
        (id: "operations", name: "Operations", business_facing: true,   // business_facing: optional, false by default
         near: ["engineering"]),   // optional: corners whose craft carries over; read both ways
    ],

    // Roles: one level each, and a corner unless the role spans the whole organisation.
    roles: [
        (id: "engineer", title: "Engineer", level: "associate", corner: "engineering"),
        (id: "analyst", title: "Operations analyst", level: "associate", corner: "operations"),
        (id: "senior-engineer", title: "Senior engineer", level: "senior", corner: "engineering"),
        (id: "senior-analyst", title: "Senior operations analyst", level: "senior", corner: "operations"),
        (id: "tech-lead", title: "Tech lead", level: "lead", corner: "engineering"),
        // A role may expect something else than its level, competency by competency:
        (id: "operations-manager", title: "Operations manager", level: "lead", corner: "operations",
         expects: {"collaboration": 5}),
        (id: "head-of-technology", title: "Head of technology", level: "head",
         summary: "Enterprise-wide: no corner."),
    ],

    // Optional: extra moves the rules would not allow. One that climbs past a level must say
    // why in `skip_reason`; the planner flags it and prefers any route through the level.
    bridges: [
        (from: "engineer", to: "tech-lead",
         skip_reason: "our smallest teams promote their strongest engineer straight to lead"),
    ],

    // Optional; these are the defaults. max_step_up: how many levels one move may climb
    // without a bridge. allow_down: whether moving to a lower level is allowed.
    rules: (max_step_up: 1, allow_down: true),

    // Optional: the abilities the levels and roles expect.
    competencies: [
        (id: "delivery", name: "Delivery", summary: "Gets the right work done, well."),
        (id: "collaboration", name: "Collaboration", summary: "Works with and through others."),
    ],
)
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::load_str;

    #[test]
    fn the_template_is_a_valid_ladder_that_shows_every_field() {
        let text = template("acme", "Acme \"engineering\"");
        let ladder = load_str(&text, "template").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(ladder.id(), "acme");
        assert_eq!(ladder.name(), "Acme \"engineering\"");
        for field in [
            "format:",
            "summary:",
            "levels:",
            "expects:",
            "milestones:",
            "stage:",
            "kind:",
            "corners:",
            "business_facing:",
            "roles:",
            "corner:",
            "bridges:",
            "skip_reason:",
            "near:",
            "hands_on:",
            "rules:",
            "max_step_up:",
            "allow_down:",
            "competencies:",
        ] {
            assert!(text.contains(field), "the template never shows {field}");
        }
        let manager = ladder.role_index("operations-manager").unwrap();
        assert_eq!(ladder.expects_of(manager, "collaboration"), Some(5));
        assert_eq!(ladder.expects_of(manager, "delivery"), Some(4));
    }
}
