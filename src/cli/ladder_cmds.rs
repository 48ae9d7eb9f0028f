//! The commands that read ladders without a profile: the overview, check, ladders and path.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::json;

use super::output::{warn, write_json};
use crate::error::Failure;
use crate::ladder::{
    self, Breadth, Catalog, FolderKind, Ladder, LadderSource, PathRequest, PlanError,
    SHARED_LADDERS_VAR,
};
use crate::print;
use crate::text;

/// With no command (until the planner opens here): the ladder and how to go on.
pub(super) fn overview(data_dir: Option<&Path>, out: &mut dyn Write) -> Result<(), Failure> {
    let (ladder, _) = ladder::resolve(None, data_dir)?;
    let width = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<usize>().ok())
        .unwrap_or(120);
    out.write_all(print::render(&ladder, width).as_bytes())?;
    let example_from = ladder.roles().first().map_or("ROLE", |r| r.id.as_str());
    let example_to = ladder.roles().last().map_or("ROLE", |r| r.id.as_str());
    writeln!(
        out,
        "\nPlan a path:  rungs path --from {example_from} --to {example_to} --alternatives 3\nThe planner:  run `rungs` in a terminal\nMore:         rungs --help"
    )?;
    Ok(())
}

pub(super) fn check(files: &[PathBuf], out: &mut dyn Write) -> Result<(), Failure> {
    let mut lines = Vec::new();
    for file in files {
        match ladder::load_file(file) {
            Ok(ladder) => writeln!(
                out,
                "{}: ok — \"{}\", {}, {}, {}",
                file.display(),
                text::one_line(ladder.name()),
                text::count(ladder.levels().len(), "level"),
                text::count(ladder.corners().len(), "corner"),
                text::count(ladder.roles().len(), "role")
            )?,
            Err(_) if !file.exists() && is_bundled_id(file) => lines.push(format!(
                "{}: no such file — that is the id of the bundled ladder, and `rungs check` reads \
                 files: `rungs print --ladder {}` shows it, `rungs ladder init FILE` starts your own",
                file.display(),
                file.display()
            )),
            Err(_) if is_sheet(file) => lines.push(format!(
                "{}: this is a spreadsheet, not a ladder file — turn it into one with `rungs import-csv {}`",
                file.display(),
                file.display()
            )),
            Err(e) => lines.extend(e.lines()),
        }
    }
    if lines.is_empty() {
        Ok(())
    } else {
        Err(Failure::invalid(lines.join("\n")))
    }
}

/// Whether `file` is really the id of a bundled ladder, given where a file was wanted.
fn is_bundled_id(file: &Path) -> bool {
    ladder::BUNDLED.iter().any(|(id, _)| file == Path::new(id))
}

/// Whether `file` is named like a spreadsheet export rather than a ladder file.
fn is_sheet(file: &Path) -> bool {
    file.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        ["csv", "tsv", "xlsx", "xls", "ods"].contains(&e.to_ascii_lowercase().as_str())
    })
}

pub(super) fn ladders(
    data_dir: Option<&Path>,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let catalog = Catalog::from_env(data_dir);
    let scan = catalog.scan();
    for warning in &scan.warnings {
        warn(warning);
    }
    if json {
        let items: Vec<serde_json::Value> = scan.listings.iter().map(listing_json).collect();
        write_json(out, &items)?;
        return Ok(());
    }
    let rows: Vec<[String; 4]> = scan
        .listings
        .iter()
        .map(|listing| {
            let mut from = listing.source.describe();
            if !listing.same_id_as.is_empty() {
                let others: Vec<String> = listing
                    .same_id_as
                    .iter()
                    .map(LadderSource::describe)
                    .collect();
                from.push_str(&format!("  ⚠ same id as {}", others.join("; ")));
            }
            match &listing.ladder {
                Ok(l) => [
                    l.id().to_string(),
                    text::one_line(l.name()),
                    text::count(l.roles().len(), "role"),
                    from,
                ],
                Err(e) => [
                    "(invalid)".to_string(),
                    e.lines().first().cloned().unwrap_or_default(),
                    String::new(),
                    from,
                ],
            }
        })
        .collect();
    let widths: Vec<usize> = (0..3)
        .map(|i| {
            rows.iter()
                .map(|r| text::width(&r[i]))
                .max()
                .unwrap_or(0)
                .min(48)
        })
        .collect();
    for row in &rows {
        let line = format!(
            "{}  {}  {}  {}",
            text::fit(&row[0], widths[0]),
            text::fit(&row[1], widths[1]),
            text::fit(&row[2], widths[2]),
            row[3]
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out)?;
    for folder in catalog.folders() {
        match folder.kind {
            FolderKind::DataDir => writeln!(
                out,
                "Your own ladders go in {} (`rungs ladder init PATH` starts one).",
                folder.path.display()
            )?,
            FolderKind::Shared => writeln!(
                out,
                "A shared folder ({SHARED_LADDERS_VAR}): {}",
                folder.path.display()
            )?,
        }
    }
    if !catalog
        .folders()
        .iter()
        .any(|f| f.kind == FolderKind::Shared)
    {
        writeln!(
            out,
            "A team can share ladders from one folder: set {SHARED_LADDERS_VAR} to its path."
        )?;
    }
    Ok(())
}

/// One ladder for `rungs ladders --json`: the documented keys, then where it came from.
fn listing_json(listing: &ladder::Listing) -> serde_json::Value {
    let source = match listing.source {
        LadderSource::Bundled => "bundled",
        LadderSource::File(_) | LadderSource::Folder { .. } => "file",
    };
    let origin = match &listing.source {
        LadderSource::Bundled => "bundled",
        LadderSource::File(_) => "path",
        LadderSource::Folder { kind, .. } => kind.label(),
    };
    let path = listing.source.path().map(|p| p.display().to_string());
    let same_id_as: Vec<serde_json::Value> = listing
        .same_id_as
        .iter()
        .map(|other| match other.path() {
            Some(p) => json!(p.display().to_string()),
            None => json!("bundled"),
        })
        .collect();
    match &listing.ladder {
        Ok(l) => json!({
            "id": l.id(), "name": text::one_line(l.name()), "source": source, "path": path,
            "levels": l.levels().len(), "corners": l.corners().len(), "roles": l.roles().len(),
            "valid": true, "errors": [],
            "origin": origin, "same_id_as": same_id_as,
        }),
        Err(e) => json!({
            "id": null, "name": null, "source": source, "path": path,
            "levels": null, "corners": null, "roles": null,
            "valid": false, "errors": e.lines(),
            "origin": origin, "same_id_as": same_id_as,
        }),
    }
}

/// A role id from the command line; an exact title (any case) is accepted too.
pub fn role_arg(ladder: &Ladder, arg: &str, flag: &str) -> Result<usize, Failure> {
    ladder
        .find_role(arg)
        .ok_or_else(|| Failure::invalid(format!("{flag}: {}", ladder.unknown_role(arg))))
}

pub(super) fn corner_args(
    ladder: &Ladder,
    args: &[String],
    flag: &str,
) -> Result<Vec<usize>, Failure> {
    args.iter()
        .map(|arg| {
            ladder.corner_index(arg).ok_or_else(|| {
                let ids: Vec<&str> = ladder.corners().iter().map(|c| c.id.as_str()).collect();
                let hint = text::did_you_mean(arg, ids.iter().copied());
                let hint = if hint.is_empty() {
                    format!("corners: {}", ids.join(", "))
                } else {
                    hint
                };
                Failure::invalid(format!(
                    "{flag}: unknown corner \"{}\" — {hint}",
                    text::one_line(arg)
                ))
            })
        })
        .collect()
}

pub(super) fn path(
    ladder: &Ladder,
    request: &PathRequest,
    json: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let paths = ladder::plan(ladder, request).map_err(|e| match e {
        PlanError::AlreadyThere => Failure::invalid(format!(
            "--from and --to are both \"{}\": nothing to plan",
            ladder.role(request.from).id
        )),
        other => Failure::invalid(other.to_string()),
    })?;
    let title = |r: usize| text::one_line(&ladder.role(r).title);
    let corner_id = |c: usize| ladder.corners()[c].id.clone();
    if json {
        let items: Vec<serde_json::Value> = paths
            .iter()
            .map(|p| {
                json!({
                    "moves": p.moves(),
                    "usual_years": {
                        "min": ladder.usual_span(&p.roles).0,
                        "max": ladder.usual_span(&p.roles).1,
                    },
                    "steps": p.steps.iter().map(|s| json!({
                        "from": ladder.role(s.from).id,
                        "to": ladder.role(s.to).id,
                        "kind": s.kind.name(),
                        "from_title": title(s.from),
                        "to_title": title(s.to),
                        "corner": ladder.corner_id_of(s.to),
                    })).collect::<Vec<_>>(),
                    "corners": p.corners.iter().map(|&c| corner_id(c)).collect::<Vec<_>>(),
                    "business_facing_corners": crate::export::business_facing_json(&Breadth::of(ladder, &p.corners)),
                    "advice": p.advice.iter().map(|a| a.describe(ladder)).collect::<Vec<_>>(),
                })
            })
            .collect();
        write_json(out, &items)?;
        return Ok(());
    }
    writeln!(
        out,
        "{} → {}  ({})",
        title(request.from),
        title(request.to),
        text::one_line(ladder.name())
    )?;
    if paths.len() < request.count {
        writeln!(
            out,
            "only {} under these constraints",
            text::count(paths.len(), "distinct path")
        )?;
    }
    for (i, p) in paths.iter().enumerate() {
        let label = if i == 0 {
            "best".to_string()
        } else {
            format!("alternative {i}")
        };
        writeln!(
            out,
            "\nPath {} ({label}): {} · {} · {}",
            i + 1,
            text::count(p.moves(), "move"),
            crate::ladder::usual_span_words(ladder.usual_span(&p.roles)),
            Breadth::of(ladder, &p.corners).summary()
        )?;
        for (n, step) in p.steps.iter().enumerate() {
            writeln!(
                out,
                "  {}. {:<10}  {} → {}  [{}]",
                n + 1,
                step.kind,
                title(step.from),
                title(step.to),
                text::one_line(ladder.corner_name_of(step.to))
            )?;
        }
        let corners: Vec<String> = p
            .corners
            .iter()
            .map(|&c| text::one_line(&ladder.corners()[c].name))
            .collect();
        // A path in no corner says so in its heading (Breadth::summary).
        if !corners.is_empty() {
            writeln!(out, "  corners: {}", corners.join(" → "))?;
        }
        if let Some(praise) = p.praise(ladder) {
            writeln!(out, "  advice: {praise}")?;
        }
        for advice in &p.advice {
            writeln!(out, "  ⚠ {}", advice.describe(ladder))?;
        }
    }
    Ok(())
}
