//! Commands that set rungs up in a person's terminal: where the config lives and a commented
//! one to start from.

use std::io::Write;
use std::path::Path;

use super::Failure;
use super::authoring::{prepare_output, write_output};
use crate::config;

/// `rungs config path`: the file rungs reads its settings from, whether or not it exists.
pub fn config_path(path: Option<&Path>, out: &mut dyn Write) -> Result<(), Failure> {
    let path = path.ok_or_else(no_config_folder)?;
    writeln!(out, "{}", path.display())?;
    if !path.exists() {
        super::note("it does not exist yet — `rungs config init` writes one with every setting");
    }
    Ok(())
}

/// `rungs config init`: a commented config with every setting at its default.
pub fn config_init(path: Option<&Path>, force: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let path = path.ok_or_else(no_config_folder)?;
    let previous = prepare_output(path, force)?;
    write_output(path, config::TEMPLATE, previous)?;
    writeln!(
        out,
        "wrote {} — every setting is at its default; edit what you want to change",
        path.display()
    )?;
    Ok(())
}

fn no_config_folder() -> Failure {
    Failure::invalid(format!(
        "no config folder could be found for this user — set {} to the path of a config file",
        config::CONFIG_VAR
    ))
}
