//! A promotion case for one role: for every competency whose expectation rises on the way
//! there and every milestone readiness for it counts, the evidence logged against it (entries
//! tagged with that competency or milestone, dated), the latest self and manager ratings, and
//! what is still missing — in Markdown to take to a calibration, or JSON with the same
//! content. `rungs case` prints it; the planner's export menu can write it.
//!
//! What rises is the role diff's ([`profile::role_diff`]), what counts is readiness for the move
//! ([`profile::readiness_for_move`]), gaps are [`profile::competency_gaps`] and ratings
//! [`competence::latest`]: the figures `rungs diff`, compare and `rungs ratings` show.
//! Private notes of 1:1s are in it only when asked for ([`PrivateNotes::Included`]).

use std::fmt::Write;

use serde_json::{Value, json};

use super::ReadinessJson;
use super::formats::{ExportInput, PrivateNotes, cell};
use crate::date::Date;
use crate::ladder::RoleIdx;
use crate::profile::competence::latest;
use crate::profile::{self, Evidence, Rater, Rating, Readiness, Status};
use crate::text;

/// What a case is made of, for a person's move to one role.
#[derive(Debug, Clone)]
pub struct Case<'a> {
    pub target: RoleIdx,
    pub current: RoleIdx,
    pub readiness: Readiness,
    pub competencies: Vec<CompetencyCase<'a>>,
    pub milestones: Vec<MilestoneCase<'a>>,
}

/// A competency whose expectation rises, with what speaks for it.
#[derive(Debug, Clone)]
pub struct CompetencyCase<'a> {
    pub id: String,
    pub name: String,
    pub from: u8,
    pub to: u8,
    pub evidence: Vec<&'a Evidence>,
    pub own: Option<&'a Rating>,
    pub manager: Option<&'a Rating>,
    /// What is still missing, in words; empty when nothing is.
    pub missing: Vec<String>,
}

/// A milestone readiness counts, with what speaks for it.
#[derive(Debug, Clone)]
pub struct MilestoneCase<'a> {
    pub id: String,
    pub title: String,
    pub level: String,
    pub status: Status,
    /// When its status last changed and its evidence note, where it has progress.
    pub changed: Option<Date>,
    pub note: String,
    pub evidence: Vec<&'a Evidence>,
    pub missing: Vec<String>,
}

/// The case for the move of `input.profile` to `target`; `Err` says why there is none (the
/// current role is not in the ladder, or it is the target).
pub fn build<'a>(input: &ExportInput<'a>, target: RoleIdx) -> Result<Case<'a>, String> {
    let (p, ladder) = (input.profile, input.ladder);
    let current = ladder.role_index(&p.current_role).ok_or_else(|| {
        format!(
            "the current role \"{}\" is not in ladder \"{}\" — set it with `rungs profile set --role ROLE`",
            text::one_line(&p.current_role),
            ladder.id()
        )
    })?;
    if current == target {
        return Err(format!(
            "{} is the role held now — name another with --target",
            text::one_line(&ladder.role(target).title)
        ));
    }
    if ladder.move_kind(current, target) == crate::ladder::MoveKind::Down {
        return Err(format!(
            "{} is a move down from {} — a promotion case names a role above the one held;              name one with --target",
            text::one_line(&ladder.role(target).title),
            text::one_line(&ladder.role(current).title)
        ));
    }
    let diff = profile::role_diff(Some(p), ladder, current, target);
    let gaps = profile::competency_gaps(p, ladder, current, target);
    let tagged = |f: &dyn Fn(&Evidence) -> bool| -> Vec<&'a Evidence> {
        let mut found: Vec<&'a Evidence> = p.evidence.iter().filter(|e| f(e)).collect();
        found.sort_by_key(|e| (e.date, e.id));
        found
    };
    let competencies = diff
        .raised
        .iter()
        .map(|r| {
            let evidence = tagged(&|e| e.competency.as_deref() == Some(r.competency.as_str()));
            let (own, manager) = (
                latest(p, &r.competency, Rater::Own),
                latest(p, &r.competency, Rater::Manager),
            );
            let mut missing = Vec::new();
            if evidence.is_empty() {
                missing.push("no evidence logged".to_string());
            }
            // Unrated, the gap would be a guess: the missing ratings say what is needed.
            let rated = own.is_some() || manager.is_some();
            if let Some(gap) = gaps.iter().find(|g| g.competency == r.competency)
                && rated
            {
                missing.push(if gap.shows >= 1 {
                    format!("shows {} of the {} expected", gap.shows, gap.expected_there)
                } else {
                    format!("rated well below the {} expected", gap.expected_there)
                });
            }
            if own.is_none() {
                missing.push("no self rating".to_string());
            }
            if manager.is_none() {
                missing.push("no manager rating".to_string());
            }
            CompetencyCase {
                id: r.competency.clone(),
                name: text::one_line(&r.name),
                from: r.from,
                to: r.to,
                evidence,
                own,
                manager,
                missing,
            }
        })
        .collect();
    let readiness = profile::readiness_for_move(p, ladder, current, target);
    let milestones = readiness
        .counted
        .iter()
        .flat_map(|c| c.milestones.iter().map(move |&i| (c.level, i)))
        .map(|(level, i)| {
            let m = &ladder.levels()[level].milestones[i];
            let progress = p.milestones.get(&m.id);
            let status = p.status_of(&m.id);
            let evidence = tagged(&|e| e.milestone.as_deref() == Some(m.id.as_str()));
            let note = progress.map_or_else(String::new, |x| text::one_line(&x.note));
            let mut missing = Vec::new();
            if status != Status::Done {
                missing.push(format!("not done ({})", status.name()));
            }
            if evidence.is_empty() && note.trim().is_empty() {
                missing.push("no evidence logged".to_string());
            }
            MilestoneCase {
                id: m.id.clone(),
                title: text::one_line(&m.title),
                level: text::one_line(&ladder.levels()[level].name),
                status,
                changed: progress.map(|x| x.changed),
                note,
                evidence,
                missing,
            }
        })
        .collect();
    Ok(Case {
        target,
        current,
        readiness,
        competencies,
        milestones,
    })
}

impl Case<'_> {
    /// How many items still miss something.
    pub fn gaps(&self) -> usize {
        self.competencies
            .iter()
            .filter(|c| !c.missing.is_empty())
            .count()
            + self
                .milestones
                .iter()
                .filter(|m| !m.missing.is_empty())
                .count()
    }
}

/// A rating as the case reads it, with its note as the JSON has it: "meeting (2026-11-10:
/// ran the offsite)".
fn rating_words(r: Option<&Rating>) -> String {
    r.map_or_else(
        || "—".to_string(),
        |r| {
            let note = text::one_line(&r.note);
            let note = if note.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", note.trim())
            };
            format!("{} ({}{note})", r.level.words(), r.date)
        },
    )
}

fn evidence_lines(out: &mut String, evidence: &[&Evidence]) {
    for e in evidence {
        let _ = writeln!(out, "- {} {} (#{})", e.date, cell(&e.text), e.id);
    }
}

fn missing_line(out: &mut String, missing: &[String]) {
    if missing.is_empty() {
        let _ = writeln!(out, "- ✓ nothing missing");
    } else {
        let _ = writeln!(out, "- ⚠ **missing:** {}", cell(&missing.join("; ")));
    }
}

/// The case in Markdown.
pub fn markdown(input: &ExportInput, case: &Case) -> String {
    let (p, ladder) = (input.profile, input.ladder);
    let mut out = String::new();
    let title = |r: RoleIdx| cell(&ladder.role(r).title);
    let _ = writeln!(
        out,
        "# Promotion case — {} → {}\n",
        cell(&p.name),
        title(case.target)
    );
    let _ = writeln!(
        out,
        "*{} · {} · from {} · a conversation guide for a calibration, not a verdict*\n",
        cell(ladder.name()),
        input.today,
        title(case.current)
    );
    let r = &case.readiness;
    if r.progress.total == 0 {
        let _ = writeln!(out, "**Readiness:** the move asks for no new training.");
    } else {
        let _ = writeln!(
            out,
            "**{}: {} %** ({} of {}) — counts {}.",
            cell(&super::capitalised(&r.label(ladder))),
            r.percent(),
            r.progress.done,
            r.progress.total,
            cell(&r.counts(ladder))
        );
    }
    let gaps = case.gaps();
    let _ = writeln!(
        out,
        "\n{}",
        if gaps == 0 {
            "✓ Every item below has its evidence.".to_string()
        } else {
            format!(
                "⚠ **{} still missing something** (marked ⚠ below).",
                text::count(gaps, "item")
            )
        }
    );

    let _ = writeln!(out, "\n## Competencies whose expectation rises");
    if case.competencies.is_empty() {
        let _ = writeln!(out, "\nNone: the move raises no expectation.");
    }
    for c in &case.competencies {
        let mark = if c.missing.is_empty() { "✓" } else { "⚠" };
        let _ = writeln!(
            out,
            "\n### {mark} {} — expected {} → {}\n",
            cell(&c.name),
            c.from,
            c.to
        );
        let _ = writeln!(
            out,
            "- Self: {} · Manager: {}",
            rating_words(c.own),
            rating_words(c.manager)
        );
        missing_line(&mut out, &c.missing);
        if c.evidence.is_empty() {
            let _ = writeln!(out, "\nNo evidence logged against it yet.");
        } else {
            let _ = writeln!(out, "\nEvidence:\n");
            evidence_lines(&mut out, &c.evidence);
        }
    }

    let _ = writeln!(out, "\n## Milestones readiness counts");
    if case.milestones.is_empty() {
        let _ = writeln!(out, "\nNone: the move asks for no new training.");
    }
    for m in &case.milestones {
        let mark = if m.missing.is_empty() { "✓" } else { "⚠" };
        let _ = writeln!(
            out,
            "\n### {mark} {} {} ({})\n",
            m.status.mark(),
            cell(&m.title),
            cell(&m.level)
        );
        if let Some(changed) = m.changed {
            let note = if m.note.trim().is_empty() {
                String::new()
            } else {
                format!(" — {}", cell(&m.note))
            };
            let _ = writeln!(out, "- {} since {changed}{note}", m.status.name());
        }
        missing_line(&mut out, &m.missing);
        if !m.evidence.is_empty() {
            let _ = writeln!(out, "\nEvidence:\n");
            evidence_lines(&mut out, &m.evidence);
        }
    }

    if input.private == PrivateNotes::Included {
        let _ = writeln!(
            out,
            "\n## Private notes of 1:1s\n\n**Asked for with --include-private; take them out before you share this case.**\n"
        );
        let mut any = false;
        for s in &p.sessions {
            if let Some(note) = p.private_notes.get(&s.id).filter(|n| text::has_content(n)) {
                any = true;
                for line in note.lines().filter(|l| text::has_content(l)) {
                    let _ = writeln!(out, "> {} {}", s.date, cell(line));
                }
            }
        }
        if !any {
            let _ = writeln!(out, "*None were written.*");
        }
    }
    out
}

fn evidence_json(evidence: &[&Evidence]) -> Vec<Value> {
    evidence
        .iter()
        .map(|e| json!({"id": e.id, "date": e.date.to_string(), "text": text::one_line(&e.text)}))
        .collect()
}

fn rating_json(r: Option<&Rating>) -> Value {
    r.map_or(Value::Null, |r| {
        json!({"level": r.level.words().replace(' ', "-"), "date": r.date.to_string(), "note": text::one_line(&r.note)})
    })
}

/// The case as JSON: the same content as [`markdown`].
pub fn json(input: &ExportInput, case: &Case) -> Value {
    let (p, ladder) = (input.profile, input.ladder);
    let mut value = json!({
        "profile": p.id,
        "name": text::one_line(&p.name),
        "as_of": input.today.to_string(),
        "from": ladder.role(case.current).id,
        "target": ladder.role(case.target).id,
        "target_title": text::one_line(&ladder.role(case.target).title),
        "readiness": ReadinessJson::new(&case.readiness, ladder),
        "missing": case.gaps(),
        "competencies": case.competencies.iter().map(|c| json!({
            "competency": c.id,
            "name": c.name,
            "from": c.from,
            "to": c.to,
            "self": rating_json(c.own),
            "manager": rating_json(c.manager),
            "evidence": evidence_json(&c.evidence),
            "missing": c.missing,
        })).collect::<Vec<_>>(),
        "milestones": case.milestones.iter().map(|m| json!({
            "milestone": m.id,
            "title": m.title,
            "level": m.level,
            "status": m.status.name(),
            "changed": m.changed.map(|d| d.to_string()),
            "note": m.note,
            "evidence": evidence_json(&m.evidence),
            "missing": m.missing,
        })).collect::<Vec<_>>(),
    });
    if input.private == PrivateNotes::Included {
        value["private_notes"] = p
            .sessions
            .iter()
            .filter_map(|s| {
                p.private_notes
                    .get(&s.id)
                    .filter(|n| text::has_content(n))
                    .map(|n| json!({"session": s.id, "date": s.date.to_string(), "text": n}))
            })
            .collect();
    }
    value
}

/// The ladder's role a case is for by default: the person's next role, as `rungs ratings`
/// names it.
pub fn default_target(input: &ExportInput) -> Option<RoleIdx> {
    profile::competence::next_role(input.profile, input.ladder)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Clock;
    use crate::ladder::{BUNDLED, Ladder, load_str};
    use crate::profile::{MilestoneProgress, Profile};

    fn entry(id: u64, text: &str, milestone: Option<&str>, competency: Option<&str>) -> Evidence {
        Evidence {
            id,
            seq: 0,
            date: "2026-03-01".parse().unwrap(),
            text: text.into(),
            milestone: milestone.map(String::from),
            competency: competency.map(String::from),
        }
    }

    #[test]
    fn each_rising_competency_has_its_evidence_and_the_ones_without_are_marked() {
        let ladder: Ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let mut p = Profile::new(
            "p".into(),
            "P".into(),
            "it-leadership".into(),
            "dev-lead".into(),
        );
        p.evidence = vec![
            entry(1, "mentored two juniors", None, Some("leadership")),
            entry(2, "delegated the release", Some("tl-delegation"), None),
            entry(3, "unrelated", None, None),
        ];
        p.milestones.insert(
            "tl-delegation".into(),
            MilestoneProgress {
                seq: 0,
                status: Status::Done,
                changed: "2026-02-01".parse().unwrap(),
                due: None,
                note: String::new(),
            },
        );
        let clock = Clock::Pinned("2026-11-25".parse().unwrap());
        let input = ExportInput::new(&p, &ladder, &clock);
        let target = ladder.role_index("engineering-manager").unwrap();
        let case = build(&input, target).unwrap();
        let leadership = case
            .competencies
            .iter()
            .find(|c| c.id == "leadership")
            .unwrap();
        assert_eq!(leadership.evidence.len(), 1);
        assert!(!leadership.missing.iter().any(|m| m.contains("evidence")));
        assert!(
            case.competencies
                .iter()
                .filter(|c| c.id != "leadership")
                .all(|c| c.missing.contains(&"no evidence logged".to_string()))
        );
        let delegation = case
            .milestones
            .iter()
            .find(|m| m.id == "tl-delegation")
            .unwrap();
        assert!(delegation.missing.is_empty());
        let md = markdown(&input, &case);
        assert!(md.contains("mentored two juniors"));
        assert!(!md.contains("unrelated"));
        assert!(md.contains("⚠ **missing:** no evidence logged"));
        let value = json(&input, &case);
        assert_eq!(
            value["competencies"].as_array().unwrap().len(),
            case.competencies.len()
        );
        assert!(value.get("private_notes").is_none());
    }
}
