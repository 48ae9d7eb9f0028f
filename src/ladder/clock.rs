//! The planner's clock: how long people usually stay at a level, so suggested dates and a
//! path's usual span follow the ladder instead of a flat time per move. Every date the
//! program suggests for a move asks here.

use super::model::{DEFAULT_TYPICAL_YEARS, Ladder, LevelIdx, RoleIdx};

/// Days in a year, on average over the calendar.
const DAYS_PER_YEAR: f64 = 365.25;

impl Ladder {
    /// How many years people usually stay at `level`, fewest and most: the level's own
    /// `typical_years`, else [`DEFAULT_TYPICAL_YEARS`].
    pub fn typical_years(&self, level: LevelIdx) -> (u8, u8) {
        self.levels()
            .get(level)
            .and_then(|l| l.typical_years)
            .unwrap_or(DEFAULT_TYPICAL_YEARS)
    }

    /// The usual time in `role` before the next move, in days: the middle of its level's
    /// typical years.
    pub fn usual_days_in(&self, role: RoleIdx) -> i64 {
        let (min, max) = self.typical_years(self.role_level(role));
        ((f64::from(min) + f64::from(max)) / 2.0 * DAYS_PER_YEAR).round() as i64
    }

    /// The fewest days people usually stay in `role` before the next move: the low end of its
    /// level's typical years. The bench counts time in a role against it.
    pub fn fewest_days_in(&self, role: RoleIdx) -> i64 {
        let (min, _) = self.typical_years(self.role_level(role));
        (f64::from(min) * DAYS_PER_YEAR).round() as i64
    }

    /// The usual time a path takes, in days: the usual time in each role it leaves (every
    /// role but the last).
    pub fn usual_days_of(&self, roles: &[RoleIdx]) -> i64 {
        let left = roles.len().saturating_sub(1);
        roles[..left].iter().map(|&r| self.usual_days_in(r)).sum()
    }

    /// The fewest and most years a path usually takes: the typical years of each role it
    /// leaves, added up.
    pub fn usual_span(&self, roles: &[RoleIdx]) -> (u32, u32) {
        let left = roles.len().saturating_sub(1);
        roles[..left].iter().fold((0, 0), |(min, max), &r| {
            let (a, b) = self.typical_years(self.role_level(r));
            (min + u32::from(a), max + u32::from(b))
        })
    }
}

/// "usually 14–22 years", or "usually 3 years" when both ends agree.
pub fn usual_span_words((min, max): (u32, u32)) -> String {
    if min == max {
        format!("usually {}", crate::text::count(min as usize, "year"))
    } else {
        format!("usually {min}–{max} years")
    }
}

#[cfg(test)]
mod tests {
    use crate::ladder::load_str;

    #[test]
    fn levels_say_how_long_people_stay_and_others_take_the_default() {
        let src = r#"(format: 1, id: "t", name: "T",
            levels: [(id: "a", name: "A", typical_years: (3, 5)), (id: "b", name: "B"), (id: "c", name: "C")],
            roles: [(id: "r", title: "R", level: "a"), (id: "s", title: "S", level: "b"),
                    (id: "t", title: "T", level: "c")])"#;
        let ladder = load_str(src, "t").unwrap();
        assert_eq!(ladder.typical_years(0), (3, 5));
        assert_eq!(ladder.typical_years(1), super::DEFAULT_TYPICAL_YEARS);
        assert_eq!(
            ladder.usual_span(&[0, 1, 2]),
            (5, 9),
            "the last role is not left"
        );
        assert_eq!(ladder.usual_days_in(0), 1461, "four years");
        assert_eq!(ladder.fewest_days_in(0), 1096, "three years, the low end");
        assert_eq!(ladder.usual_days_of(&[0, 1, 2]), 1461 + 1096);
        assert_eq!(super::usual_span_words((5, 9)), "usually 5–9 years");
        assert_eq!(super::usual_span_words((1, 1)), "usually 1 year");
    }

    #[test]
    fn typical_years_must_be_a_sensible_range() {
        for bad in ["(0, 2)", "(5, 3)", "(2, 21)"] {
            let src = format!(
                r#"(format: 1, id: "t", name: "T",
                levels: [(id: "a", name: "A", typical_years: {bad})],
                roles: [(id: "r", title: "R", level: "a")])"#
            );
            let err = load_str(&src, "t").unwrap_err().to_string();
            assert!(err.contains("typical_years"), "{bad}: {err}");
        }
    }
}
