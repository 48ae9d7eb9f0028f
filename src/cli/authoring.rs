//! Commands for people who write their own ladder: a template to start from, and their
//! company's spreadsheet in and out.

use std::io::Write;
use std::path::Path;

use crate::error::Failure;
use crate::fsutil::{self, Previous};
use crate::ladder::{self, Catalog};
use crate::sheet::{self, ImportOptions};
use crate::text;

/// The id and name a new ladder file gets from its file name: `acme-eng.ron` → `acme-eng`,
/// "Acme eng". Names without ASCII letters or digits fall back to `my-ladder`.
fn id_and_name_from(path: &Path) -> (String, String) {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let id = text::slug(&stem);
    let id = if id.is_empty() {
        "my-ladder".to_string()
    } else {
        id
    };
    let words = stem.replace(['-', '_'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = words.chars();
    let name = match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "My ladder".to_string(),
    };
    (id, text::one_line(&name))
}

/// The checks before writing a file the person asked for: no silent overwrite, a folder to put
/// it in. Returns what to do with an existing file.
pub(super) fn prepare_output(path: &Path, force: bool) -> Result<Previous<'static>, Failure> {
    // A FIFO, a device or a link is refused with or without --force, and left as it is.
    if let Some(refused) = fsutil::refusal(path, fsutil::NewFile::Shared)
        && !path.is_dir()
    {
        return Err(Failure::invalid(refused.to_string()));
    }
    if path.is_dir() {
        return Err(Failure::invalid(format!(
            "{} is a folder — name a file inside it, e.g. {}",
            path.display(),
            path.join("ladder.ron").display()
        )));
    }
    let exists = path.exists();
    if exists && !force {
        return Err(Failure::invalid(format!(
            "{} already exists — pass --force to replace it (the old file is kept as {})",
            path.display(),
            fsutil::with_suffix(path, ".bak").display()
        )));
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|e| {
            Failure::runtime(format!(
                "cannot create the folder {}: {e}",
                parent.display()
            ))
        })?;
    }
    Ok(if exists {
        Previous::KeepAsBackup
    } else {
        Previous::Replace
    })
}

/// Writes `text` to `path` atomically, as [`prepare_output`] decided.
pub(super) fn write_output(
    path: &Path,
    text: &str,
    previous: Previous,
    new_file: fsutil::NewFile,
) -> Result<(), Failure> {
    fsutil::write_atomic(path, text.as_bytes(), previous, new_file).map_err(write_failure)
}

/// Writes an export (never read back, so of any size) to `path`, as [`prepare_output`] decided.
pub(super) fn write_export_output(
    path: &Path,
    text: &str,
    previous: Previous,
    new_file: fsutil::NewFile,
) -> Result<(), Failure> {
    fsutil::write_export(path, text.as_bytes(), previous, new_file).map_err(write_failure)
}

fn write_failure(e: fsutil::WriteError) -> Failure {
    if e.refused {
        Failure::invalid(e.to_string())
    } else {
        Failure::runtime(e.to_string())
    }
}

/// `rungs ladder init PATH`: a commented template that passes `rungs check`.
pub fn init(
    path: &Path,
    id: Option<&str>,
    name: Option<&str>,
    force: bool,
    data_dir: Option<&Path>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let (default_id, default_name) = id_and_name_from(path);
    let id = checked_id(id, default_id)?;
    let name = name.map_or(default_name, |n| text::one_line(n.trim()));
    let template = ladder::template(&id, &name);
    // The template is checked before it is written, so a file we write always passes.
    ladder::load_str(&template, &path.display().to_string())
        .map_err(|e| Failure::runtime(format!("internal error: the template is invalid: {e}")))?;
    let previous = prepare_output(path, force)?;
    write_output(path, &template, previous, fsutil::NewFile::Shared)?;
    writeln!(
        out,
        "wrote a template ladder \"{id}\" to {}\nnext: edit it, run `rungs check {}` after each change, and `rungs print --ladder {}` to see it",
        path.display(),
        path.display(),
        path.display()
    )?;
    let catalog = Catalog::from_env(data_dir);
    let in_a_folder = path.parent().is_some_and(|parent| {
        let parent = std::fs::canonicalize(parent).unwrap_or_else(|_| parent.to_path_buf());
        catalog
            .folders()
            .iter()
            .any(|f| std::fs::canonicalize(&f.path).unwrap_or_else(|_| f.path.clone()) == parent)
    });
    if !in_a_folder && let Some(own) = catalog.folders().first() {
        writeln!(
            out,
            "to use it by its id (`--ladder {id}`), move it into {}",
            own.path.display()
        )?;
    }
    if path.extension().is_none_or(|ext| ext != "ron") {
        writeln!(
            out,
            "note: ladder folders list only files ending in .ron; consider renaming it"
        )?;
    }
    Ok(())
}

/// Reads the sheet to import: a file within the size limit, or standard input for `-`.
fn read_sheet(file: &Path) -> Result<String, Failure> {
    let shown = file.display();
    let result = if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin().lock(), fsutil::MAX_FILE_BYTES + 1),
            &mut bytes,
        )
        .map_err(fsutil::ReadError::Io)
        .and_then(|_| {
            if bytes.len() as u64 > fsutil::MAX_FILE_BYTES {
                return Err(fsutil::ReadError::TooLarge(bytes.len() as u64));
            }
            String::from_utf8(bytes).map_err(|e| {
                let valid_up_to = e.utf8_error().valid_up_to();
                fsutil::ReadError::not_utf8(e.as_bytes(), valid_up_to)
            })
        })
    } else {
        fsutil::read_limited(file)
    };
    result.map_err(|e| match e {
        fsutil::ReadError::NotUtf8 { line, col } => Failure::invalid(format!(
            "{shown}:{line}:{col}: is not UTF-8 text — in the spreadsheet, save it as \"CSV UTF-8\""
        )),
        fsutil::ReadError::Io(io) if io.kind() == std::io::ErrorKind::NotFound => {
            Failure::invalid(format!("{shown}: no such file — check the path"))
        }
        other => Failure::invalid(format!("{shown}: {other}")),
    })
}

/// `rungs import-csv FILE`: a company's spreadsheet becomes a commented ladder file.
pub fn import_csv(
    file: &Path,
    out_path: Option<&Path>,
    (id, name): (Option<&str>, Option<&str>),
    force: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let previous = out_path.map(|p| prepare_output(p, force)).transpose()?;
    let sheet = read_sheet(file)?;
    let from_stdin = file == Path::new("-");
    let (default_id, default_name) = id_and_name_from(if from_stdin {
        out_path.unwrap_or(Path::new("imported"))
    } else {
        file
    });
    let id = checked_id(id, default_id)?;
    let options = ImportOptions {
        origin: if from_stdin {
            "<stdin>".to_string()
        } else {
            file.display().to_string()
        },
        id,
        name: name.map_or(default_name, |n| text::one_line(n.trim())),
    };
    let started = std::time::Instant::now();
    let imported = sheet::import(&sheet, &options).map_err(|errors| {
        tracing::info!(problems = errors.errors.len(), "a sheet was refused");
        Failure::invalid(errors.lines().join("\n"))
    })?;
    tracing::info!(
        bytes = sheet.len(),
        roles = imported.file.roles.len(),
        elapsed_us = started.elapsed().as_micros() as u64,
        "imported a sheet"
    );
    for warning in &imported.warnings {
        super::output::warn(warning);
    }
    let f = &imported.file;
    let counts = format!(
        "{}, {}, {}, {}, {}",
        text::count(f.levels.len(), "level"),
        text::count(f.corners.len(), "corner"),
        text::count(f.roles.len(), "role"),
        text::count(
            f.levels.iter().map(|l| l.milestones.len()).sum(),
            "milestone"
        ),
        text::count(f.competencies.len(), "competency"),
    );
    let header = [
        format!(
            "Imported by `rungs import-csv` from {}: {counts}.",
            file.file_name().map_or_else(
                || file.display().to_string(),
                |n| n.to_string_lossy().into_owned()
            )
        ),
        "Edit it freely, then run `rungs check FILE`; the README documents every field."
            .to_string(),
    ];
    let ron = ladder::to_commented_ron(f, &header);
    // What we write must pass `rungs check`; a failure here is ours, not the sheet's.
    ladder::load_str(&ron, &options.origin).map_err(|e| {
        Failure::runtime(format!(
            "internal error: the imported ladder does not pass its own check — please report it:\n{e}"
        ))
    })?;
    match (out_path, previous) {
        (Some(path), Some(previous)) => {
            write_output(path, &ron, previous, fsutil::NewFile::Shared)?;
            writeln!(
                out,
                "wrote ladder \"{}\" ({counts}) to {} — `rungs check {}` checks it, `rungs print --ladder {}` draws it",
                options.id,
                path.display(),
                path.display(),
                path.display()
            )?;
        }
        _ => out.write_all(ron.as_bytes())?,
    }
    Ok(())
}

fn checked_id(given: Option<&str>, default: String) -> Result<String, Failure> {
    if let Some(id) = given.filter(|id| ladder::BUNDLED.iter().any(|(b, _)| b == id)) {
        return Err(Failure::invalid(format!(
            "--id \"{id}\" is the id of a ladder that comes with rungs — give yours its own, e.g. \"{id}-acme\""
        )));
    }
    match given {
        None => Ok(default),
        Some(id) if text::is_valid_id(id) => Ok(id.to_string()),
        Some(id) => {
            let slug = text::slug(id);
            let hint = if slug.is_empty() {
                String::new()
            } else {
                format!("; try \"{slug}\"")
            };
            Err(Failure::invalid(format!(
                "--id \"{}\" is not a valid id — ids use only a-z, 0-9 and -{hint}",
                text::one_line(id)
            )))
        }
    }
}

/// An id for a copy: a bundled ladder's id belongs to it, so its copy gets another.
fn own_id(id: &str) -> String {
    if ladder::BUNDLED.iter().any(|(b, _)| *b == id) {
        format!("{id}-copy")
    } else {
        id.to_string()
    }
}

/// `rungs export-csv`: a ladder as a sheet that `import-csv` reads back into the same ladder.
pub fn export_csv(
    spec: Option<&str>,
    data_dir: Option<&Path>,
    out_path: Option<&Path>,
    force: bool,
    bom: bool,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let previous = out_path.map(|p| prepare_output(p, force)).transpose()?;
    let (ladder, _) = ladder::resolve(spec, data_dir)?;
    let sheet = sheet::export(&ladder, bom);
    for note in &sheet.left_out {
        super::output::warn(note);
    }
    match (out_path, previous) {
        (Some(path), Some(previous)) => {
            write_output(path, &sheet.csv, previous, fsutil::NewFile::Shared)?;
            writeln!(
                out,
                "wrote ladder \"{}\" to {}; `rungs import-csv {} --id {} --name {}` reads it back",
                ladder.id(),
                path.display(),
                path.display(),
                own_id(ladder.id()),
                shell_quoted(&text::one_line(ladder.name()))
            )?;
        }
        _ => out.write_all(sheet.csv.as_bytes())?,
    }
    Ok(())
}

/// `s` quoted for a POSIX shell when it needs it, for commands we suggest.
fn shell_quoted(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./".contains(c))
    {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_gives_the_ladder_its_id_and_name() {
        assert_eq!(
            id_and_name_from(Path::new("ladders/acme_eng-2.ron")),
            ("acme-eng-2".to_string(), "Acme eng 2".to_string())
        );
        assert_eq!(
            id_and_name_from(Path::new("梯子.ron")),
            ("my-ladder".to_string(), "梯子".to_string())
        );
    }
}
