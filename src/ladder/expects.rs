//! What a ladder expects of a role in each competency: its level's expectations, overridden
//! competency by competency by the role's own. Parallel tracks on one level (an individual
//! contributor and a people manager) often expect different things; every reader of
//! expectations — exports, the CLI, the planner's diff — asks here, so they cannot disagree.

use std::ops::RangeInclusive;

use super::model::{Competency, Ladder, RoleIdx};

/// The expectation scale: 1 (awareness) to 5 (expert).
pub const EXPECTATION_RANGE: RangeInclusive<u8> = 1..=5;

/// The words career frameworks and spreadsheets use for the five steps of the scale.
pub const PROFICIENCY_WORDS: [(&str, u8); 5] = [
    ("awareness", 1),
    ("foundational", 2),
    ("working knowledge", 3),
    ("practitioner", 4),
    ("expert", 5),
];

/// An expectation written as a number (`3`) or a proficiency word (`Working knowledge`);
/// case, hyphens, underscores and extra spaces do not matter. `None` if it is neither, or a
/// number outside [`EXPECTATION_RANGE`].
pub fn parse_expectation(text: &str) -> Option<u8> {
    let text = text.trim();
    if let Ok(n) = text.parse::<u8>() {
        return EXPECTATION_RANGE.contains(&n).then_some(n);
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let normal = words.join(" ");
    PROFICIENCY_WORDS
        .iter()
        .find(|(word, _)| *word == normal)
        .map(|&(_, n)| n)
}

/// The proficiency word of a step of the scale ("working knowledge" for 3).
pub fn proficiency_word(level: u8) -> Option<&'static str> {
    PROFICIENCY_WORDS
        .iter()
        .find(|&&(_, n)| n == level)
        .map(|&(word, _)| word)
}

impl Ladder {
    /// What `role` is expected to have in `competency` (an id), 1..=5: the role's own
    /// expectation where it sets one, else its level's; `None` when neither says.
    pub fn expects_of(&self, role: RoleIdx, competency: &str) -> Option<u8> {
        let own = &self.role(role).expects;
        own.get(competency).copied().or_else(|| {
            self.levels()[self.role_level(role)]
                .expects
                .get(competency)
                .copied()
        })
    }

    /// Every expectation that applies to `role`, in the order the ladder lists its
    /// competencies.
    pub fn expectations_of(&self, role: RoleIdx) -> impl Iterator<Item = (&Competency, u8)> {
        self.competencies()
            .iter()
            .filter_map(move |c| self.expects_of(role, &c.id).map(|n| (c, n)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::load_str;

    const TRACKS: &str = r#"(
        format: 1, id: "tracks", name: "Tracks",
        levels: [(id: "senior", name: "Senior", expects: {"independence": 3, "craft": 4})],
        corners: [(id: "ic", name: "Individual contributor"), (id: "people", name: "People management")],
        roles: [
            (id: "senior-engineer", title: "Senior engineer", level: "senior", corner: "ic"),
            (id: "engineering-manager", title: "Engineering manager", level: "senior", corner: "people",
             expects: {"independence": 4}),
        ],
        competencies: [(id: "craft", name: "Craft"), (id: "independence", name: "Independence"),
                       (id: "hiring", name: "Hiring")],
    )"#;

    #[test]
    fn a_role_overrides_its_level_competency_by_competency() {
        let ladder = load_str(TRACKS, "tracks").unwrap();
        let ic = ladder.role_index("senior-engineer").unwrap();
        let manager = ladder.role_index("engineering-manager").unwrap();
        assert_eq!(ladder.expects_of(ic, "independence"), Some(3));
        assert_eq!(ladder.expects_of(manager, "independence"), Some(4));
        assert_eq!(ladder.expects_of(manager, "craft"), Some(4));
        assert_eq!(ladder.expects_of(manager, "hiring"), None);
        let all: Vec<(&str, u8)> = ladder
            .expectations_of(manager)
            .map(|(c, n)| (c.id.as_str(), n))
            .collect();
        assert_eq!(all, vec![("craft", 4), ("independence", 4)]);
    }

    #[test]
    fn proficiency_words_and_numbers_map_to_the_scale() {
        assert_eq!(parse_expectation("Awareness"), Some(1));
        assert_eq!(parse_expectation("foundational"), Some(2));
        assert_eq!(parse_expectation("Working Knowledge"), Some(3));
        assert_eq!(parse_expectation(" working-knowledge "), Some(3));
        assert_eq!(parse_expectation("PRACTITIONER"), Some(4));
        assert_eq!(parse_expectation("expert"), Some(5));
        assert_eq!(parse_expectation("4"), Some(4));
        assert_eq!(parse_expectation("0"), None);
        assert_eq!(parse_expectation("6"), None);
        assert_eq!(parse_expectation("guru"), None);
        assert_eq!(proficiency_word(3), Some("working knowledge"));
        assert_eq!(proficiency_word(9), None);
    }
}
