//! "Today" is the person's own calendar day, and a wrong pinned day is refused, not ignored.

use assert_cmd::Command;
use clap::Parser;
use predicates::prelude::*;
use rungs::cli::{self, Cli, Surroundings};
use rungs::date::{Clock, Date};
use rungs::profile::{Status, Store};

fn run_at(clock: &Clock, args: &[&str]) -> String {
    let cli = Cli::try_parse_from(std::iter::once("rungs").chain(args.iter().copied()))
        .expect("the arguments parse");
    let surroundings = Surroundings {
        clock: clock.clone(),
        ..Surroundings::default()
    };
    let mut out = Vec::new();
    cli::run_in(cli, &surroundings, &mut out).expect("the command succeeds");
    String::from_utf8(out).unwrap()
}

#[test]
fn an_entry_made_at_2330_in_utc_minus_5_is_dated_that_local_day() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    // 23:30 on 9 March in New York's winter time (UTC−5) is 04:30 on 10 March in UTC.
    let evening = Clock::Fixed {
        now: "2026-03-10T04:30:00Z".parse().unwrap(),
        zone: jiff::tz::TimeZone::fixed(jiff::tz::offset(-5)),
    };
    run_at(
        &evening,
        &[
            "--data-dir",
            data,
            "profile",
            "new",
            "Ada Lovelace",
            "--role",
            "sysadmin",
        ],
    );
    let said = run_at(
        &evening,
        &["--data-dir", data, "log", "led the DR test late at night"],
    );
    assert!(said.contains("logged on 2026-03-09"), "{said}");
    let first_milestone = {
        let (ladder, _) = rungs::ladder::resolve(None, None).unwrap();
        ladder.levels()[0].milestones[0].id.clone()
    };
    run_at(
        &evening,
        &["--data-dir", data, "milestone", &first_milestone, "done"],
    );

    let profile = Store::new(dir.path()).load("ada-lovelace").unwrap();
    let local_day: Date = "2026-03-09".parse().unwrap();
    assert_eq!(profile.evidence[0].date, local_day);
    let progress = &profile.milestones[&first_milestone];
    assert_eq!(
        (progress.status, progress.changed),
        (Status::Done, local_day)
    );
}

#[test]
fn an_invalid_pinned_today_stops_with_exit_2_and_says_why() {
    for (value, why) in [
        ("2026-02-30", "February 2026 has 28 days"),
        ("garbage", "write YYYY-MM-DD"),
        ("0000-01-01", "no year 0000"),
    ] {
        Command::cargo_bin("rungs")
            .unwrap()
            .env("RUNGS_DATA_DIR", std::env::temp_dir().join("rungs-no-data"))
            .env(
                "RUNGS_CONFIG",
                std::env::temp_dir().join("rungs-no-config.ron"),
            )
            .env("RUNGS_TODAY", value)
            .args(["print"])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains("RUNGS_TODAY").and(predicate::str::contains(why)));
    }
}
