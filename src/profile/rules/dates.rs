//! How far from today the dates a person types may be. A date can hold any day of years 0001
//! to 9999 (see [`crate::date`]), but a 1:1 in the year 9999 is a slip of the keyboard, and
//! taking it would put a session at the top of every list for ever. The bounds are wide enough
//! for any real record: a session from decades back being written up, a due date years away.

use crate::date::Date;
use crate::profile::change::Refusal;

/// How far ahead a session may be dated: one planned a little ahead is fine, one a year and
/// more away is not a record of a meeting.
pub const SESSION_DAYS_AHEAD: i64 = 366;

/// How far ahead an action item may be due.
pub const DUE_YEARS_AHEAD: i64 = 10;

/// How far back either may go: a record older than a working life is a mistyped year.
pub const YEARS_BACK: i64 = 50;

const DAYS_A_YEAR: i64 = 365;

/// `date`, the day of a session, refused when it is more than [`SESSION_DAYS_AHEAD`] days after
/// `today` or more than [`YEARS_BACK`] years before it.
pub fn session_date(date: Date, today: Date) -> Result<(), Refusal> {
    within(
        date,
        today,
        SESSION_DAYS_AHEAD,
        "a year",
        "the day of a 1:1",
    )
}

/// `due`, an action item's due date, refused when it is more than [`DUE_YEARS_AHEAD`] years
/// after `today` or more than [`YEARS_BACK`] years before it.
pub fn due_date(due: Date, today: Date) -> Result<(), Refusal> {
    within(
        due,
        today,
        DUE_YEARS_AHEAD * DAYS_A_YEAR,
        &format!("{DUE_YEARS_AHEAD} years"),
        "a due date",
    )
}

fn within(
    date: Date,
    today: Date,
    days_ahead: i64,
    ahead: &str,
    what: &str,
) -> Result<(), Refusal> {
    // Near the ends of the calendar a bound may not exist; then that side has none.
    let latest = today.plus_days(days_ahead);
    let earliest = today.plus_days(-YEARS_BACK * DAYS_A_YEAR);
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
        assert!(far.contains("up to 2027-11-26"), "{far}");
        assert!(session_date(date("2027-12-01"), today).is_err());
        let old = session_date(date("0001-01-01"), today).unwrap_err().0;
        assert!(old.contains("too far back"), "{old}");
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
        // Near the end of the calendar there is no later bound to break.
        assert!(due_date(date("9999-12-31"), date("9999-06-01")).is_ok());
    }
}
