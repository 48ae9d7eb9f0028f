//! Finding roles by what people type, and naming them back: one home for both, so the CLI and
//! the planner accept the same words and print the same titles.

use super::model::{Ladder, RoleIdx};
use crate::text;

impl Ladder {
    /// The role with this id, or else with this exact title (any case, surrounding spaces ignored).
    pub fn find_role(&self, id_or_title: &str) -> Option<RoleIdx> {
        self.role_index(id_or_title).or_else(|| {
            let wanted = id_or_title.trim();
            (0..self.roles().len()).find(|&r| self.role(r).title.eq_ignore_ascii_case(wanted))
        })
    }

    /// Why `wanted` names no role, with the closest ids: for an error message.
    pub fn unknown_role(&self, wanted: &str) -> String {
        let hint = text::did_you_mean(wanted, self.roles().iter().map(|r| r.id.as_str()));
        let hint = if hint.is_empty() {
            "`rungs print` shows the ladder's roles".to_string()
        } else {
            hint
        };
        format!(
            "unknown role \"{}\" in ladder \"{}\" — {hint}",
            text::one_line(wanted),
            self.id()
        )
    }

    /// The title of role `id`, safe to print; an id this ladder lacks is shown as such.
    pub fn title_of(&self, id: &str) -> String {
        self.role_index(id).map_or_else(
            || format!("{} (not in this ladder)", text::one_line(id)),
            |r| text::one_line(&self.role(r).title),
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::ladder::{BUNDLED, load_str};

    #[test]
    fn roles_are_found_by_id_or_exact_title_in_any_case() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let cio = ladder.role_index("cio");
        assert_eq!(ladder.find_role("cio"), cio);
        assert_eq!(ladder.find_role(" chief information OFFICER "), cio);
        assert_eq!(ladder.find_role("chief"), None);
        assert!(ladder.unknown_role("cioo").contains("did you mean: cio"));
        assert_eq!(ladder.title_of("nope"), "nope (not in this ladder)");
    }
}
