//! Commands for people who write their own ladder: a template to start from, and (later in
//! this file) spreadsheets in and out.

use std::io::Write;
use std::path::Path;

use super::Failure;
use crate::fsutil::{self, Previous};
use crate::ladder::{self, Catalog};
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
pub(super) fn prepare_output(path: &Path, force: bool) -> Result<Previous, Failure> {
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
pub(super) fn write_output(path: &Path, text: &str, previous: Previous) -> Result<(), Failure> {
    fsutil::write_atomic(path, text.as_bytes(), previous)
        .map_err(|e| Failure::runtime(e.to_string()))
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
    let id = match id {
        Some(id) if text::is_valid_id(id) => id.to_string(),
        Some(id) => {
            let slug = text::slug(id);
            let hint = if slug.is_empty() {
                String::new()
            } else {
                format!("; try \"{slug}\"")
            };
            return Err(Failure::invalid(format!(
                "--id \"{}\" is not a valid id — ids use only a-z, 0-9 and -{hint}",
                text::one_line(id)
            )));
        }
        None => default_id,
    };
    let name = name.map_or(default_name, |n| text::one_line(n.trim()));
    let template = ladder::template(&id, &name);
    // The template is checked before it is written, so a file we write always passes.
    ladder::load_str(&template, &path.display().to_string())
        .map_err(|e| Failure::runtime(format!("internal error: the template is invalid: {e}")))?;
    let previous = prepare_output(path, force)?;
    write_output(path, &template, previous)?;
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
