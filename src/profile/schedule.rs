//! When each planned move should happen: the date the person set, or for an undated step a date
//! spread evenly between the dated steps around it (or a typical time in a role after the last
//! one). Compare, the learning path and exports all ask here, so they suggest the same dates.

use crate::date::Date;
use crate::ladder::Ladder;

use super::model::Profile;

/// About eighteen months: the time in a role before the next move for a role the ladder does
/// not know; otherwise the ladder's typical years for the level say ([`Ladder::usual_days_in`]).
pub const DAYS_PER_MOVE: i64 = 540;

/// The usual days in the role `id` before the next move.
pub(crate) fn usual_days_in(ladder: &Ladder, id: &str) -> i64 {
    ladder
        .role_index(id)
        .map_or(DAYS_PER_MOVE, |r| ladder.usual_days_in(r))
}

/// A plan step's date and whether the person set it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepDate {
    pub date: Date,
    /// Set by the person (it wins); otherwise suggested.
    pub set: bool,
}

/// `from` moved `days` on, kept inside the calendar.
pub(crate) fn days_after(from: Date, days: i64) -> Date {
    from.plus_days(days).unwrap_or(from)
}

/// The date `k` parts of `parts` of the way from `start` to `end`.
pub(crate) fn spread(start: Date, end: Date, k: usize, parts: usize) -> Date {
    let span = end.days_since_epoch() - start.days_since_epoch();
    if span <= 0 || parts == 0 {
        return start.max(end);
    }
    days_after(start, span * k as i64 / parts as i64)
}

/// A date for every step of the plan, in plan order. A step's own date wins; undated steps
/// share the time up to the next dated step evenly, or follow the one before by the usual time
/// in the role left (the ladder's typical years for its level); nothing suggested lies before
/// `today`.
pub fn step_dates(profile: &Profile, ladder: &Ladder, today: Date) -> Vec<StepDate> {
    let plan = &profile.plan;
    let mut dates = Vec::with_capacity(plan.len());
    let mut previous = today;
    let mut i = 0;
    while i < plan.len() {
        if let Some(date) = plan[i].target_date {
            dates.push(StepDate { date, set: true });
            previous = date;
            i += 1;
            continue;
        }
        // A run of undated steps, up to the next dated one (if any).
        let run_end = (i..plan.len())
            .find(|&j| plan[j].target_date.is_some())
            .unwrap_or(plan.len());
        let start = previous.max(today);
        let count = run_end - i;
        let mut after = start;
        for k in 1..=count {
            let step = i + k - 1;
            let left = match step {
                0 => profile.current_role.as_str(),
                _ => plan[step - 1].role.as_str(),
            };
            let date = match plan.get(run_end).and_then(|s| s.target_date) {
                Some(next) => spread(start, next.max(start), k, count + 1),
                None => days_after(after, usual_days_in(ladder, left)),
            };
            after = date;
            dates.push(StepDate { date, set: false });
        }
        previous = dates.last().map_or(start, |d| d.date);
        i = run_end;
    }
    dates
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::PlanStep;

    /// A ladder that knows none of the test's roles, so each undated step follows the one
    /// before by [`DAYS_PER_MOVE`].
    fn ladder() -> Ladder {
        crate::ladder::load_str(crate::ladder::BUNDLED[0].1, "bundled").unwrap()
    }

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn profile(dates: &[Option<&str>]) -> Profile {
        let mut p = Profile::new("p".into(), "P".into(), "l".into(), "r".into());
        for (i, d) in dates.iter().enumerate() {
            p.plan.push(PlanStep {
                role: format!("r{i}"),
                target_date: d.map(date),
                note: String::new(),
            });
        }
        p
    }

    #[test]
    fn set_dates_win_and_undated_steps_share_the_time_between_them() {
        let today = date("2026-01-01");
        let p = profile(&[
            None,
            Some("2026-07-01"),
            None,
            None,
            Some("2027-07-01"),
            None,
        ]);
        let dates = step_dates(&p, &ladder(), today);
        let shown: Vec<String> = dates.iter().map(|d| d.date.to_string()).collect();
        assert_eq!(
            shown,
            [
                "2026-04-01", // half way from today to the first dated step
                "2026-07-01",
                "2026-10-30",
                "2027-03-01",
                "2027-07-01",
                "2028-12-22", // a typical time in a role after the last
            ]
        );
        let set: Vec<bool> = dates.iter().map(|d| d.set).collect();
        assert_eq!(set, [false, true, false, false, true, false]);
    }

    #[test]
    fn nothing_suggested_lies_in_the_past() {
        let today = date("2026-06-01");
        let p = profile(&[Some("2025-01-01"), None]);
        let dates = step_dates(&p, &ladder(), today);
        assert_eq!(
            dates[0].date,
            date("2025-01-01"),
            "the person's own date stays"
        );
        assert!(dates[1].date > today);
    }
}
