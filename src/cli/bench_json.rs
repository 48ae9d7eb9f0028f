//! `rungs bench --json`, written straight from the bench by serde: a team's bench holds
//! thousands of candidacies, and a tree of `serde_json::Value` maps built for each one cost most
//! of the command's time. Fields are declared in alphabetical order, the order the
//! `serde_json::Value` maps this replaced printed them in, so the output is unchanged.

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Value, json};

use crate::date::Date;
use crate::ladder::Ladder;
use crate::profile::bench::{Band, Bench, Candidate, Reason, Seat};
use crate::text;

/// Days in a year, on average over the calendar, for years shown with one decimal.
const DAYS_PER_YEAR: f64 = 365.25;

/// Days as years with one decimal, as the text shows them.
pub fn years(days: i64) -> f64 {
    (days as f64 / DAYS_PER_YEAR * 10.0).round() / 10.0
}

#[derive(Serialize)]
pub struct BenchJson<'a> {
    as_of: String,
    reports: Vec<Value>,
    roles: Vec<SeatJson<'a>>,
    unreadable: Vec<Value>,
}

impl<'a> BenchJson<'a> {
    pub fn new(bench: &'a Bench, today: Date, unreadable: Vec<Value>) -> BenchJson<'a> {
        BenchJson {
            as_of: today.to_string(),
            reports: behind(bench),
            roles: bench
                .seats
                .iter()
                .map(|s| SeatJson::new(bench, s))
                .collect(),
            unreadable,
        }
    }
}

#[derive(Serialize)]
struct SeatJson<'a> {
    bands: BTreeMap<&'static str, usize>,
    candidates: Vec<CandidateJson<'a>>,
    corner: Option<&'a str>,
    flags: Vec<&'static str>,
    held_by: Vec<&'a str>,
    ladder: &'a str,
    level: &'a str,
    role: &'a str,
    title: String,
    why: Vec<Value>,
}

impl<'a> SeatJson<'a> {
    fn new(bench: &'a Bench, seat: &'a Seat) -> SeatJson<'a> {
        let ladder: &'a Ladder = &seat.ladder;
        let role = seat.role;
        SeatJson {
            bands: Band::ALL
                .iter()
                .map(|&b| (b.id(), seat.in_band(b).count()))
                .collect(),
            candidates: seat
                .candidates
                .iter()
                .map(|c| CandidateJson::new(bench, ladder, c))
                .collect(),
            corner: ladder.corner_id_of(role),
            flags: seat.flag().map(|f| f.id()).into_iter().collect(),
            held_by: seat
                .held_by
                .iter()
                .map(|&i| bench.members[i].id.as_str())
                .collect(),
            ladder: ladder.id(),
            level: &ladder.levels()[ladder.role_level(role)].id,
            role: &ladder.role(role).id,
            title: text::one_line(&ladder.role(role).title),
            why: seat.reasons.iter().map(|r| reason(bench, r)).collect(),
        }
    }
}

#[derive(Serialize)]
struct CandidateJson<'a> {
    band: &'static str,
    current_role: &'a str,
    in_role_since: Option<String>,
    kinds: Vec<&'static str>,
    moves: usize,
    name: String,
    path: Vec<&'a str>,
    planned: Option<PlannedJson>,
    profile: &'a str,
    /// The roster's short form of readiness.
    readiness: ReadinessJson<'a>,
    soonest_days: i64,
    soonest_years: f64,
    usual_years: UsualYears,
}

impl<'a> CandidateJson<'a> {
    fn new(bench: &'a Bench, ladder: &'a Ladder, c: &'a Candidate) -> CandidateJson<'a> {
        let m = &bench.members[c.member];
        CandidateJson {
            band: c.band.id(),
            current_role: &ladder.role(c.current).id,
            in_role_since: c.in_role_since.map(|d| d.to_string()),
            kinds: c.path.steps.iter().map(|s| s.kind.name()).collect(),
            moves: c.path.moves(),
            name: text::one_line(&m.profile.name),
            path: c.path.roles.iter().map(|&r| &*ladder.role(r).id).collect(),
            planned: c.planned.map(|(step, d)| PlannedJson {
                date: d.date.to_string(),
                date_set: d.set,
                step: step + 1,
            }),
            profile: &m.id,
            readiness: ReadinessJson {
                done: c.readiness.progress.done,
                for_level: c.readiness.for_level.map(|l| &*ladder.levels()[l].id),
                percent: c.readiness.percent(),
                total: c.readiness.progress.total,
            },
            soonest_days: c.soonest_days,
            soonest_years: years(c.soonest_days),
            usual_years: UsualYears {
                max: c.usual_years.1,
                min: c.usual_years.0,
            },
        }
    }
}

#[derive(Serialize)]
struct ReadinessJson<'a> {
    done: usize,
    for_level: Option<&'a str>,
    percent: u8,
    total: usize,
}

#[derive(Serialize)]
struct UsualYears {
    max: u32,
    min: u32,
}

#[derive(Serialize)]
struct PlannedJson {
    date: String,
    date_set: bool,
    step: usize,
}

fn reason(bench: &Bench, reason: &Reason) -> Value {
    let id = |i: usize| bench.members[i].id.clone();
    match reason {
        Reason::Yours(i) => json!({"kind": "yours", "profile": id(*i), "step": null}),
        Reason::Named => json!({"kind": "named", "profile": null, "step": null}),
        Reason::Plan { member, step } => {
            json!({"kind": "plan", "profile": id(*member), "step": step + 1})
        }
        Reason::Target(i) => json!({"kind": "target", "profile": id(*i), "step": null}),
    }
}

fn behind(bench: &Bench) -> Vec<Value> {
    bench
        .behind
        .iter()
        .map(|b| {
            let m = &bench.members[b.member];
            json!({
                "profile": m.id,
                "name": text::one_line(&m.profile.name),
                "role": m.profile.current_role,
                "behind": b.candidates.iter().map(|&(i, band)| json!({"profile": bench.members[i].id, "band": band.id()})).collect::<Vec<_>>(),
                "flags": if b.no_one() { vec!["no-one-behind"] } else { Vec::new() },
            })
        })
        .collect()
}
