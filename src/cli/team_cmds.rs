//! The commands about a whole team and a promotion: the bench (`rungs bench`), team coverage
//! (`rungs team`) and the promotion case (`rungs case`). Each shows what one domain function
//! worked out ([`bench::bench`], [`team::coverage`], [`export::case`]).

use std::io::Write;

use serde_json::{Value, json};

use super::args::CaseFormat;
use super::bench_json::{BenchJson, years};
use super::ladder_cmds::role_arg;
use super::output::{warn, write_json};
use super::profile_cmds::Context;
use crate::error::Failure;
use crate::export::{self, ExportInput, PrivateNotes};
use crate::ladder::Ladder;
use crate::profile::bench::{self, Band, Bench, Candidate, Member, Reason, Seat};
use crate::profile::roster::{self, Unreadable};
use crate::profile::team::{self, Coverage};
use crate::text;

/// How many people of one band the text lists under a role, and how many behind a person
/// (soonest first); `--json` lists everyone.
const SHOWN_PER_BAND: usize = 6;

/// Profiles that could not be read: a warning each on stderr, and `{"profile", "error"}` for
/// the JSON.
fn unreadable_json(unreadable: &[(String, String)]) -> Vec<Value> {
    for (id, why) in unreadable {
        warn(&format!("profile \"{id}\" is left out: {why}"));
    }
    unreadable
        .iter()
        .map(|(id, why)| json!({"profile": id, "error": why}))
        .collect()
}

impl Context<'_> {
    /// Every profile of the data folder as the roster reads it (its glance, which holds all
    /// the bench needs), and those that could not be read with why.
    fn team_glances(&self) -> Result<(Vec<Member>, Unreadable), Failure> {
        self.store.list()?;
        Ok(roster::members(&self.store, &self.data_dir))
    }

    /// `rungs bench [ROLE…]`.
    pub fn bench(
        &self,
        roles: &[String],
        chosen: Option<&str>,
        json: bool,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let today = self.clock.today();
        let (members, unreadable) = self.team_glances()?;
        let yours = match chosen {
            Some(name) => {
                let id = self.store.resolve(Some(name))?;
                members.iter().position(|m| m.id == id)
            }
            None => None,
        };
        // A role no ladder of the team has is a mistake, said with the closest ids (from the
        // default ladder when there is no one yet).
        for name in roles {
            if !members.iter().any(|m| m.ladder.find_role(name).is_some()) {
                match members.first() {
                    Some(first) => role_arg(&first.ladder, name, "ROLE")?,
                    None => role_arg(
                        &crate::ladder::resolve(None, Some(&self.data_dir))?.0,
                        name,
                        "ROLE",
                    )?,
                };
            }
        }
        let bench = bench::bench(members, roles, yours, today);
        if json {
            let unreadable = unreadable_json(&unreadable);
            return write_json(out, &BenchJson::new(&bench, today, unreadable));
        }
        unreadable_json(&unreadable);
        if bench.members.is_empty() {
            writeln!(
                out,
                "no profiles yet — create one per person with `rungs profile new NAME --role ROLE`"
            )?;
            return Ok(());
        }
        writeln!(
            out,
            "Bench · {today} · {}\n",
            text::count(bench.members.len(), "person")
        )?;
        if bench.seats.is_empty() {
            writeln!(
                out,
                "No plan or target names a role yet — name roles: `rungs bench ROLE…`"
            )?;
        }
        for seat in &bench.seats {
            seat_text(&bench, seat, out)?;
        }
        writeln!(out, "Who stands behind each person")?;
        for b in &bench.behind {
            let m = &bench.members[b.member];
            let mut who = if b.candidates.is_empty() {
                "⚠ no one behind".to_string()
            } else {
                b.candidates
                    .iter()
                    .take(SHOWN_PER_BAND)
                    .map(|&(i, band)| {
                        format!(
                            "{} ({})",
                            text::one_line(&bench.members[i].profile.name),
                            band.words()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            if b.no_one() && !b.candidates.is_empty() {
                who = format!("⚠ no one within two years: {who}");
            }
            if b.candidates.len() > SHOWN_PER_BAND {
                who.push_str(&format!(
                    " … and {} more",
                    b.candidates.len() - SHOWN_PER_BAND
                ));
            }
            writeln!(
                out,
                "  {} · {}: {who}",
                text::one_line(&m.profile.name),
                m.ladder.title_of(&m.profile.current_role)
            )?;
        }
        writeln!(
            out,
            "\nready now: readiness complete and past the fewest usual years in the role. Otherwise the soonest usual time — what is left of the fewest usual years in each role on the way, or the training left at that pace, whichever is longer — up to two years is 1–2 years, more is 3+ years."
        )?;
        Ok(())
    }

    /// `rungs team`.
    pub fn team(&self, json: bool, out: &mut dyn Write) -> Result<(), Failure> {
        let today = self.clock.today();
        let (glanced, mut unreadable) = self.team_glances()?;
        // Coverage reads ratings, which a glance leaves out: each profile is read (never its
        // private notes' file).
        let members = roster::read_whole(&self.store, &glanced, &mut unreadable);
        let all = team::coverage(&members);
        if json {
            let value = json!({
                "as_of": today.to_string(),
                "ladders": all.iter().map(|c| coverage_json(c, &members)).collect::<Vec<_>>(),
                "unreadable": unreadable_json(&unreadable),
            });
            return write_json(out, &value);
        }
        unreadable_json(&unreadable);
        if members.is_empty() {
            writeln!(
                out,
                "no profiles yet — create one per person with `rungs profile new NAME --role ROLE`"
            )?;
            return Ok(());
        }
        for c in &all {
            coverage_text(c, &members, today, out)?;
        }
        Ok(())
    }

    /// `rungs case`.
    pub fn case(
        &self,
        target: Option<&str>,
        format: CaseFormat,
        private: PrivateNotes,
        out: &mut dyn Write,
    ) -> Result<(), Failure> {
        let (_, profile, ladder) = match private {
            PrivateNotes::Included => self.load(None)?,
            PrivateNotes::LeftOut => self.load_to_read(None)?,
        };
        let input = ExportInput::new(&profile, &ladder, self.clock).with_private_notes(private);
        let target = match target {
            Some(role) => role_arg(&ladder, role, "--target")?,
            None => export::case::default_target(&input).ok_or_else(|| {
                Failure::invalid(format!(
                    "{} holds a role at the top of the ladder (or one it lacks): there is no next role — name one with --target ROLE",
                    text::one_line(&profile.name)
                ))
            })?,
        };
        let case = export::case::build(&input, target).map_err(Failure::invalid)?;
        match format {
            CaseFormat::Markdown => {
                out.write_all(export::case::markdown(&input, &case).as_bytes())?
            }
            CaseFormat::Json => write_json(out, &export::case::json(&input, &case))?,
        }
        if private == PrivateNotes::Included {
            warn(
                "this case holds private notes of 1:1s — keep it out of shared folders and documents",
            );
        }
        Ok(())
    }
}

fn reason_words(bench: &Bench, reason: &Reason) -> String {
    let name = |i: usize| text::one_line(&bench.members[i].profile.name);
    match reason {
        Reason::Yours(i) => format!("your role ({})", name(*i)),
        Reason::Named => "named".to_string(),
        Reason::Plan { member, step } => format!("on {}'s plan (step {})", name(*member), step + 1),
        Reason::Target(i) => format!("{}'s target", name(*i)),
    }
}

fn candidate_words(bench: &Bench, ladder: &Ladder, c: &Candidate) -> String {
    let m = &bench.members[c.member];
    let readiness = if c.readiness.progress.total == 0 {
        "no new training".to_string()
    } else {
        format!("readiness {} %", c.readiness.percent())
    };
    let kinds: String = c.path.steps.iter().map(|s| s.kind.arrow()).collect();
    let soon = match c.band {
        Band::ReadyNow => String::new(),
        _ => format!(" · soonest ~{} years", years(c.soonest_days)),
    };
    let in_role = match c.in_role_since {
        Some(d) => format!(" · in role since {d}"),
        None => " · start in role not recorded (counted from today)".to_string(),
    };
    let planned = c
        .planned
        .map(|(step, d)| format!(" · their plan: step {} by {}", step + 1, d.date))
        .unwrap_or_default();
    format!(
        "{} ({}) — {readiness} · {} {kinds}{soon}{in_role}{planned}",
        text::one_line(&m.profile.name),
        text::one_line(&ladder.role(c.current).title),
        text::count(c.path.moves(), "move"),
    )
}

fn seat_text(bench: &Bench, seat: &Seat, out: &mut dyn Write) -> Result<(), Failure> {
    let ladder = &*seat.ladder;
    let role = ladder.role(seat.role);
    let why: Vec<String> = seat
        .reasons
        .iter()
        .map(|r| reason_words(bench, r))
        .collect();
    writeln!(
        out,
        "{}  [{}, {}] — {}",
        text::one_line(&role.title),
        text::one_line(&ladder.levels()[ladder.role_level(seat.role)].name),
        text::one_line(ladder.corner_name_of(seat.role)),
        why.join("; ")
    )?;
    if !seat.held_by.is_empty() {
        let holders: Vec<String> = seat
            .held_by
            .iter()
            .map(|&i| text::one_line(&bench.members[i].profile.name))
            .collect();
        writeln!(out, "  held by {}", holders.join(", "))?;
    }
    for band in Band::ALL {
        let all: Vec<&Candidate> = seat.in_band(band).collect();
        for (k, c) in all.iter().take(SHOWN_PER_BAND).enumerate() {
            let label = if k == 0 { band.words() } else { "" };
            writeln!(out, "  {label:<10} {}", candidate_words(bench, ladder, c))?;
        }
        if all.len() > SHOWN_PER_BAND {
            writeln!(
                out,
                "  {:<10} … and {} more (--json lists everyone)",
                "",
                all.len() - SHOWN_PER_BAND
            )?;
        }
    }
    if let Some(flag) = seat.flag() {
        writeln!(out, "  ⚠ {}", flag.words())?;
    }
    writeln!(out)?;
    Ok(())
}

fn coverage_json(c: &Coverage, members: &[Member]) -> Value {
    let ladder = &*c.ladder;
    let comps = ladder.competencies();
    json!({
        "ladder": ladder.id(),
        "competencies": comps.iter().map(|k| json!({"id": k.id, "name": text::one_line(&k.name)})).collect::<Vec<_>>(),
        "people": c.lines.iter().map(|l| {
            let m = &members[l.member];
            json!({
                "profile": m.id,
                "name": text::one_line(&m.profile.name),
                "current_role": m.profile.current_role,
                "next_role": l.next.map(|r| ladder.role(r).id.clone()),
                "cells": l.cells.iter().zip(comps).map(|(cell, k)| json!({
                    "competency": k.id,
                    "rating": cell.rating.map(|(level, _)| level.words().replace(' ', "-")),
                    "rated_by": cell.rating.map(|(_, by)| by.name()),
                    "expected": cell.expected,
                    "gap": cell.gap,
                })).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
        "shared": c.shared.iter().map(|s| json!({
            "competency": comps[s.competency].id,
            "name": text::one_line(&comps[s.competency].name),
            "profiles": s.members.iter().map(|&i| members[i].id.clone()).collect::<Vec<_>>(),
            "training": s.training.iter().map(|&(level, i)| {
                let m = &ladder.levels()[level].milestones[i];
                json!({"milestone": m.id, "title": text::one_line(&m.title), "level": ladder.levels()[level].id})
            }).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// One cell of the grid, five wide: its rating and gap marks ([`team::Cell::marks`]).
fn cell_text(cell: &team::Cell) -> String {
    let (rating, gap) = cell.marks();
    format!("{rating} {gap}")
}

fn coverage_text(
    c: &Coverage,
    members: &[Member],
    today: crate::date::Date,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let ladder = &*c.ladder;
    let comps = ladder.competencies();
    writeln!(
        out,
        "Team coverage · {} · {today} — the rating each competency is judged by, against what the person's next role expects\n",
        text::one_line(ladder.name())
    )?;
    if comps.is_empty() {
        writeln!(out, "ladder \"{}\" names no competencies\n", ladder.id())?;
        return Ok(());
    }
    let label = |l: &team::Line| {
        let m = &members[l.member];
        let next = l
            .next
            .map(|r| format!(" → {}", text::one_line(&ladder.role(r).title)))
            .unwrap_or_default();
        format!("{}{next}", text::one_line(&m.profile.name))
    };
    let width = c
        .lines
        .iter()
        .map(|l| text::width(&label(l)))
        .max()
        .unwrap_or(0)
        .clamp(10, 40);
    let mut header = format!("{:width$}", "");
    for k in 1..=comps.len() {
        header.push_str(&format!("  {k:<5}"));
    }
    writeln!(out, "{}", header.trim_end())?;
    for l in &c.lines {
        let mut line = text::fit(&label(l), width);
        for cell in &l.cells {
            let shown = cell_text(cell);
            let pad = 5usize.saturating_sub(text::width(&shown));
            line.push_str(&format!("  {shown}{}", " ".repeat(pad)));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out)?;
    for (k, comp) in comps.iter().enumerate() {
        writeln!(out, "  {} {}", k + 1, text::one_line(&comp.name))?;
    }
    writeln!(
        out,
        "  rating: B below · W working towards · M meeting · E exceeding · · none; gap to the next role: ✓ none · △1 one step · ▲n more · – not expected\n"
    )?;
    if c.shared.is_empty() {
        writeln!(out, "No gap is shared by two people or more.\n")?;
        return Ok(());
    }
    writeln!(
        out,
        "Gaps the team shares — training to arrange once for several people"
    )?;
    for s in &c.shared {
        let names: Vec<String> = s
            .members
            .iter()
            .map(|&i| text::one_line(&members[i].profile.name))
            .collect();
        writeln!(
            out,
            "  ⚠ {} — {}: {}",
            text::one_line(&comps[s.competency].name),
            text::count(s.members.len(), "person"),
            names.join(", ")
        )?;
        if !s.training.is_empty() {
            let titles: Vec<String> = s
                .training
                .iter()
                .map(|&(level, i)| {
                    let m = &ladder.levels()[level].milestones[i];
                    format!("{} ({})", text::one_line(&m.title), m.id)
                })
                .collect();
            writeln!(out, "    trained by: {}", titles.join(", "))?;
        }
    }
    writeln!(out)?;
    Ok(())
}
