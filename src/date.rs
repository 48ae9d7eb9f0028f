//! Calendar dates, written as `YYYY-MM-DD` in every file and output, and "today" as the person
//! sees it: the calendar day in their own time zone, not in UTC.
//!
//! A [`Date`] can only hold a real day of years 0001 to 9999: its fields are private and every
//! way in (parsing, [`Date::new`], a clock) checks, so 2026-02-30 cannot exist anywhere.

use std::fmt;
use std::str::FromStr;

use jiff::Timestamp;
use jiff::civil;
use jiff::tz::TimeZone;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The variable that pins "today", for scripts and reproducible tests.
pub const TODAY_VAR: &str = "RUNGS_TODAY";

/// The first and last years a date may have: four digits in every file, and no year 0000.
pub const YEARS: std::ops::RangeInclusive<i32> = 1..=9999;

/// A day of the proleptic Gregorian calendar between 0001-01-01 and 9999-12-31.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(civil::Date);

/// Why a text or a triple of numbers is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// What was given, as it will be quoted.
    given: String,
    why: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not a date: {}", self.given, self.why)
    }
}

impl std::error::Error for DateError {}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// The date `year-month-day`, if that day exists and the year is within [`YEARS`].
    pub fn new(year: i32, month: u32, day: u32) -> Result<Date, DateError> {
        let given = format!("{year:04}-{month:02}-{day:02}");
        let fail = |why: String| DateError {
            given: given.clone(),
            why,
        };
        if !YEARS.contains(&year) {
            return Err(fail(format!(
                "year {year:04} is outside 0001 to 9999 (there is no year 0000)"
            )));
        }
        if !(1..=12).contains(&month) {
            return Err(fail(format!(
                "there is no month {month:02}; months run from 01 to 12"
            )));
        }
        // Both fit: the year is at most 9999 and the month at most 12.
        let first = civil::Date::new(year as i16, month as i8, 1)
            .map_err(|e| fail(format!("the calendar refused it ({e})")))?;
        let days = first.days_in_month();
        if day == 0 || day > days as u32 {
            return Err(fail(format!(
                "{} {year} has {days} days",
                MONTHS[month as usize - 1]
            )));
        }
        Ok(Date(first.with().day(day as i8).build().map_err(|e| {
            fail(format!("the calendar refused it ({e})"))
        })?))
    }

    pub fn year(self) -> i32 {
        i32::from(self.0.year())
    }

    /// 1 to 12.
    pub fn month(self) -> u8 {
        self.0.month() as u8
    }

    /// 1 to 31.
    pub fn day(self) -> u8 {
        self.0.day() as u8
    }

    /// Days since 1970-01-01 (negative before it): differences of these count days between
    /// dates without any time zone getting in the way.
    pub fn days_since_epoch(self) -> i64 {
        const EPOCH: civil::Date = civil::Date::constant(1970, 1, 1);
        self.0.duration_since(EPOCH).as_secs().div_euclid(86_400)
    }

    /// The date `days` later (or earlier, when negative), if it is still within [`YEARS`].
    pub fn plus_days(self, days: i64) -> Option<Date> {
        let later = self
            .0
            .checked_add(jiff::Span::new().try_days(days).ok()?)
            .ok()?;
        YEARS
            .contains(&i32::from(later.year()))
            .then_some(Date(later))
    }

    /// The same day `years` later (or earlier, when negative), if it is still within
    /// [`YEARS`]: the calendar's rule for every "N years ahead" window. 29 February, in a year
    /// without one, is 28 February (the last day of that February, so the window never runs
    /// into March).
    pub fn plus_years(self, years: i32) -> Option<Date> {
        let year = self.year().checked_add(years)?;
        let (month, day) = (u32::from(self.month()), u32::from(self.day()));
        Date::new(year, month, day)
            .or_else(|_| Date::new(year, month, day - 1))
            .ok()
    }

    /// How far `self` is from `today`, in words — the one rule for every relative date:
    /// "today", "tomorrow", "yesterday", "in 3 days", "3 days ago", then whole weeks from two
    /// weeks ("in 2 weeks", "5 weeks ago") and whole months of 30 days from ten weeks
    /// ("in 3 months", "5 months ago").
    pub fn relative_to(self, today: Date) -> String {
        let days = self.days_since_epoch() - today.days_since_epoch();
        let (n, unit) = match days.unsigned_abs() {
            0 => return "today".to_string(),
            1 if days > 0 => return "tomorrow".to_string(),
            1 => return "yesterday".to_string(),
            n @ 2..=13 => (n, "day"),
            n @ 14..=69 => (n / 7, "week"),
            n => (n / 30, "month"),
        };
        let span = format!("{n} {unit}s");
        if days > 0 {
            format!("in {span}")
        } else {
            format!("{span} ago")
        }
    }

    /// Today by the clock of the environment: [`TODAY_VAR`] if set, else the system clock in
    /// the system time zone.
    ///
    /// The binary checks [`TODAY_VAR`] once at start-up ([`Clock::from_env`]) and stops on an
    /// invalid value, so by the time anything calls this, the variable is either valid or unset.
    /// Code that has a [`Clock`] at hand should ask it instead: a test can inject one.
    pub fn today() -> Date {
        Clock::from_env().unwrap_or(Clock::System).today()
    }

    /// The calendar day of instant `now` in time zone `zone`.
    fn of(now: Timestamp, zone: &TimeZone) -> Date {
        let day = now.to_zoned_datetime(zone.clone()).date();
        // Timestamps run from year -9999 to 9999; clamp the (absurd) years before 0001.
        if YEARS.contains(&i32::from(day.year())) {
            Date(day)
        } else {
            Date(civil::Date::constant(1, 1, 1))
        }
    }
}

/// Where "today" comes from. The front ends make one at start-up and ask it; tests inject a
/// fixed instant and time zone to show that an evening entry is dated that evening's day.
#[derive(Debug, Clone, Default)]
pub enum Clock {
    /// The system clock, in the system time zone (`TZ` or the platform's setting).
    #[default]
    System,
    /// A fixed instant seen from a fixed time zone.
    Fixed { now: Timestamp, zone: TimeZone },
    /// A pinned calendar day, whatever the time ([`TODAY_VAR`]).
    Pinned(Date),
}

impl Clock {
    /// The clock the environment asks for: [`TODAY_VAR`] pins the day; unset or empty means the
    /// system clock. An invalid value is an error, never silently ignored.
    pub fn from_env() -> Result<Clock, DateError> {
        Clock::from_pin(std::env::var_os(TODAY_VAR).as_deref())
    }

    /// The clock for a [`TODAY_VAR`] value (`None` when the variable is unset).
    pub fn from_pin(value: Option<&std::ffi::OsStr>) -> Result<Clock, DateError> {
        match value {
            None => Ok(Clock::System),
            Some(v) if v.is_empty() => Ok(Clock::System),
            Some(v) => match v.to_str() {
                Some(s) => s.parse().map(Clock::Pinned),
                None => Err(DateError {
                    given: v.to_string_lossy().into_owned(),
                    why: "it is not UTF-8 text; write YYYY-MM-DD".to_string(),
                }),
            },
        }
    }

    /// The calendar day it is now, where the person is.
    pub fn today(&self) -> Date {
        match self {
            Clock::System => Date::of(Timestamp::now(), &TimeZone::system()),
            Clock::Fixed { now, zone } => Date::of(*now, zone),
            Clock::Pinned(day) => *day,
        }
    }

    /// The moment it is now in UTC, in the basic form calendars stamp files with
    /// (`20261125T093000Z`). A pinned day gives that day's midnight, so a pinned run writes the
    /// same bytes every time.
    pub fn utc_stamp(&self) -> String {
        let now = match self {
            Clock::System => Timestamp::now(),
            Clock::Fixed { now, .. } => *now,
            Clock::Pinned(day) => day
                .0
                .to_zoned_datetime(TimeZone::UTC)
                .map_or(Timestamp::UNIX_EPOCH, |z| z.timestamp()),
        };
        now.strftime("%Y%m%dT%H%M%SZ").to_string()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.year(),
            self.month(),
            self.day()
        )
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Exactly `YYYY-MM-DD` with ASCII digits (surrounding spaces are forgiven): no signs, no
    /// short or long years, no other separators.
    fn from_str(s: &str) -> Result<Date, DateError> {
        let trimmed = s.trim();
        let shape = || DateError {
            given: crate::text::one_line(s),
            why: "write YYYY-MM-DD, e.g. 2026-03-09".to_string(),
        };
        let bytes = trimmed.as_bytes();
        let digits_at = |range: std::ops::Range<usize>| {
            bytes[range.clone()]
                .iter()
                .all(u8::is_ascii_digit)
                .then(|| {
                    bytes[range]
                        .iter()
                        .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
                })
        };
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(shape());
        }
        let (Some(year), Some(month), Some(day)) =
            (digits_at(0..4), digits_at(5..7), digits_at(8..10))
        else {
            return Err(shape());
        };
        // Four digits always fit an i32.
        Date::new(year as i32, month, day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let s = String::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn day_counts_follow_the_calendar() {
        assert_eq!(date("1970-01-01").days_since_epoch(), 0);
        assert_eq!(date("2025-11-23").days_since_epoch(), 20_415);
        assert_eq!(date("1969-12-31").days_since_epoch(), -1);
        assert_eq!(date("2024-02-28").plus_days(1), Some(date("2024-02-29")));
        assert_eq!(date("2023-02-28").plus_days(1), Some(date("2023-03-01")));
        assert_eq!(date("2026-01-01").plus_days(-1), Some(date("2025-12-31")));
        assert_eq!(date("9999-12-31").plus_days(1), None);
        assert_eq!(date("0001-01-01").plus_days(-1), None);
    }

    #[test]
    fn a_relative_date_reads_in_days_then_weeks_then_months_either_way() {
        let today = date("2026-11-25");
        let from_today = |days: i64| today.plus_days(days).unwrap().relative_to(today);
        assert_eq!(from_today(0), "today");
        assert_eq!(from_today(1), "tomorrow");
        assert_eq!(from_today(-1), "yesterday");
        assert_eq!(from_today(3), "in 3 days");
        assert_eq!(from_today(-13), "13 days ago");
        assert_eq!(from_today(14), "in 2 weeks");
        assert_eq!(from_today(-21), "3 weeks ago");
        assert_eq!(from_today(-69), "9 weeks ago");
        assert_eq!(from_today(70), "in 2 months");
        assert_eq!(from_today(-177), "5 months ago");
    }

    #[test]
    fn only_real_days_of_four_digit_years_parse() {
        assert_eq!(date("2024-02-29").to_string(), "2024-02-29");
        assert_eq!(date(" 2026-03-09 ").to_string(), "2026-03-09");
        for bad in [
            "2023-02-29",
            "2026-02-30",
            "2026-04-31",
            "2024-13-01",
            "2024-00-10",
            "2024-01-00",
            "0000-01-01",
            "+999-01-01",
            "-999-01-01",
            "10000-01-01",
            "24-1-1",
            "2024-1-01",
            "2024/01/01",
            "２０２４-01-01",
            "yesterday",
            "",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad:?} parsed");
        }
    }

    #[test]
    fn errors_say_what_is_wrong_with_the_date() {
        let err = |s: &str| s.parse::<Date>().unwrap_err().to_string();
        assert_eq!(
            err("2026-02-30"),
            "\"2026-02-30\" is not a date: February 2026 has 28 days"
        );
        assert!(
            err("0000-05-01").contains("no year 0000"),
            "{}",
            err("0000-05-01")
        );
        assert!(err("2026-13-01").contains("no month 13"));
        assert!(err("garbage").contains("write YYYY-MM-DD"));
    }

    #[test]
    fn new_refuses_impossible_days_and_years() {
        assert!(Date::new(2026, 2, 30).is_err());
        assert!(Date::new(0, 1, 1).is_err());
        assert!(Date::new(10_000, 1, 1).is_err());
        assert!(Date::new(2026, 0, 1).is_err());
        let d = Date::new(2024, 2, 29).unwrap();
        assert_eq!((d.year(), d.month(), d.day()), (2024, 2, 29));
    }

    #[test]
    fn dates_round_trip_through_ron_and_bad_ones_are_refused() {
        let d = date("2026-03-09");
        let text = ron::to_string(&d).unwrap();
        assert_eq!(text, "\"2026-03-09\"");
        assert_eq!(ron::from_str::<Date>(&text).unwrap(), d);
        assert!(ron::from_str::<Date>("\"2026-02-30\"").is_err());
    }

    #[test]
    fn an_evening_entry_in_utc_minus_5_is_dated_that_local_day() {
        // 23:30 on 9 March in UTC−5 is already 04:30 on 10 March in UTC.
        let now: Timestamp = "2026-03-10T04:30:00Z".parse().unwrap();
        let zone = TimeZone::fixed(jiff::tz::offset(-5));
        let clock = Clock::Fixed { now, zone };
        assert_eq!(clock.today(), date("2026-03-09"));
        let utc = Clock::Fixed {
            now,
            zone: TimeZone::UTC,
        };
        assert_eq!(utc.today(), date("2026-03-10"));
    }

    #[test]
    fn a_stamp_is_utc_whatever_the_zone_and_a_pinned_day_is_its_midnight() {
        let now: Timestamp = "2026-03-10T04:30:07Z".parse().unwrap();
        let zone = TimeZone::fixed(jiff::tz::offset(-5));
        assert_eq!(Clock::Fixed { now, zone }.utc_stamp(), "20260310T043007Z");
        let pinned = Clock::Pinned(date("2026-11-25"));
        assert_eq!(pinned.utc_stamp(), "20261125T000000Z");
    }

    #[test]
    fn a_pinned_today_must_be_a_real_date() {
        use std::ffi::OsStr;
        assert!(matches!(Clock::from_pin(None), Ok(Clock::System)));
        assert!(matches!(
            Clock::from_pin(Some(OsStr::new(""))),
            Ok(Clock::System)
        ));
        let pinned = Clock::from_pin(Some(OsStr::new("2026-11-23"))).unwrap();
        assert_eq!(pinned.today(), date("2026-11-23"));
        for bad in ["2026-02-30", "garbage", "0000-01-01"] {
            assert!(Clock::from_pin(Some(OsStr::new(bad))).is_err(), "{bad}");
        }
    }
}
