//! How far from today the dates a person types may be. A date can hold any day of years 0001
//! to 9999 (see [`crate::date`]), but a 1:1 in the year 9999 is a slip of the keyboard, and
//! taking it would put a session at the top of every list for ever. The bounds are wide enough
//! for any real record: a session from decades back being written up, a due date years away.

use crate::date::Date;
use crate::profile::change::Refusal;

/// How far ahead a session may be dated, in years: one planned a little ahead is fine, one
/// more than a year away is not a record of a meeting.
pub const SESSION_YEARS_AHEAD: i32 = 1;

/// How far ahead an action item may be due, in years.
pub const DUE_YEARS_AHEAD: i32 = 10;

/// How far back either may go: a record older than a working life is a mistyped year.
pub const YEARS_BACK: i32 = 50;

/// `date`, the day of a session, refused when it is after the same day [`SESSION_YEARS_AHEAD`]
/// year on from `today`, or before the same day [`YEARS_BACK`] years back.
pub fn session_date(date: Date, today: Date) -> Result<(), Refusal> {
    within(
        date,
        today,
        SESSION_YEARS_AHEAD,
        "a year",
        "the day of a 1:1",
    )
}

/// `due`, an action item's due date, refused when it is after the same day
/// [`DUE_YEARS_AHEAD`] years on from `today`, or before the same day [`YEARS_BACK`] years back.
pub fn due_date(due: Date, today: Date) -> Result<(), Refusal> {
    within(
        due,
        today,
        DUE_YEARS_AHEAD,
        &format!("{DUE_YEARS_AHEAD} years"),
        "a due date",
    )
}

/// `date`, the day a person took a new role, refused when it is after `today` (a promotion is
/// recorded once it happened) or before the same day [`YEARS_BACK`] years back.
pub fn role_change_date(date: Date, today: Date) -> Result<(), Refusal> {
    if date > today {
        return Err(Refusal(format!(
            "{date} is after today ({today}): a new role is recorded from the day it began — give today or an earlier day"
        )));
    }
    within(date, today, 0, "today", "the day a role began")
}

/// The one rule for every window: by the calendar ([`Date::plus_years`]), so "10 years ahead"
/// is up to the same day ten years on, and 29 February's anniversary in a year without one is
/// 28 February.
fn within(
    date: Date,
    today: Date,
    years_ahead: i32,
    ahead: &str,
    what: &str,
) -> Result<(), Refusal> {
    // Near the ends of the calendar a bound may not exist; then that side has none.
    let latest = today.plus_years(years_ahead);
    let earliest = today.plus_years(-YEARS_BACK);
    if let Some(latest) = latest.filter(|l| date > *l) {
        return Err(Refusal(format!(
            "{date} is more than {ahead} after today ({today}), too far ahead for {what} — give a date up to {latest} (was the year mistyped?)"
        )));
    }
    if let Some(earliest) = earliest.filter(|e| date < *e) {
        return Err(Refusal(format!(
            "{date} is more than {YEARS_BACK} years before today ({today}), too far back for {what} — give a date from {earliest} on (was the year mistyped?)"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn a_session_a_year_ahead_is_taken_and_one_further_or_centuries_off_is_refused() {
        let today = date("2026-11-25");
        assert!(session_date(today, today).is_ok());
        assert!(session_date(date("2027-11-25"), today).is_ok());
        assert!(session_date(date("1990-01-01"), today).is_ok());
        let far = session_date(date("9999-12-31"), today).unwrap_err().0;
        assert!(
            far.contains("9999-12-31 is more than a year after today (2026-11-25)"),
            "{far}"
        );
        assert!(far.contains("up to 2027-11-25"), "{far}");
        // A year ahead is the same day next year, not 366 days.
        assert!(session_date(date("2027-11-26"), today).is_err());
        let old = session_date(date("0001-01-01"), today).unwrap_err().0;
        assert!(old.contains("too far back"), "{old}");
    }

    #[test]
    fn the_anniversary_of_29_february_in_a_year_without_one_is_28_february() {
        let leap = date("2028-02-29");
        assert_eq!(leap.plus_years(1), Some(date("2029-02-28")));
        assert_eq!(leap.plus_years(4), Some(date("2032-02-29")));
        assert!(session_date(date("2029-02-28"), leap).is_ok());
        assert!(session_date(date("2029-03-01"), leap).is_err());
        assert!(due_date(date("2038-02-28"), leap).is_ok());
        assert!(due_date(date("2038-03-01"), leap).is_err());
        assert_eq!(date("9999-06-01").plus_years(1), None);
    }

    #[test]
    fn a_due_date_may_be_years_ahead_but_not_ten_and_more() {
        let today = date("2026-11-25");
        assert!(due_date(date("2031-06-30"), today).is_ok());
        assert!(
            due_date(date("2020-01-01"), today).is_ok(),
            "overdue is fine"
        );
        let far = due_date(date("2040-01-01"), today).unwrap_err().0;
        assert!(far.contains("more than 10 years after today"), "{far}");
        // Ten years ahead is up to the same day ten years on, whatever the leap days between.
        assert!(due_date(date("2036-11-25"), today).is_ok());
        assert!(due_date(date("2036-11-26"), today).is_err());
        assert!(due_date(date("1976-11-25"), today).is_ok());
        assert!(due_date(date("1976-11-24"), today).is_err());
        // Near the end of the calendar there is no later bound to break.
        assert!(due_date(date("9999-12-31"), date("9999-06-01")).is_ok());
    }
}
