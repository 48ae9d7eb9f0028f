//! Commands that set rungs up in a person's terminal: where the config lives and a commented
//! one to start from, shell completions and the manual page.

use std::io::Write;

use clap::CommandFactory;
use std::path::Path;

use super::authoring::{prepare_output, write_output};
use crate::config;
use crate::error::Failure;
use crate::fsutil;

/// `rungs config path`: the file rungs reads its settings from, whether or not it exists.
pub fn config_path(
    path: Option<&Path>,
    config: &config::Config,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let path = path.ok_or_else(no_config_folder)?;
    writeln!(out, "{}", path.display())?;
    if !path.exists() {
        super::output::note(
            "it does not exist yet — `rungs config init` writes one with every setting",
        );
    }
    // What only the planner would notice: key names it does not know, keys bound twice.
    for warning in crate::tui::config_warnings(config, &path.display().to_string()) {
        super::output::warn(&warning);
    }
    Ok(())
}

/// `rungs config init`: a commented config with every setting at its default.
pub fn config_init(path: Option<&Path>, force: bool, out: &mut dyn Write) -> Result<(), Failure> {
    let path = path.ok_or_else(no_config_folder)?;
    let previous = prepare_output(path, force)?;
    write_output(path, config::TEMPLATE, previous, fsutil::NewFile::Shared)?;
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

/// `rungs completions SHELL`: the completion script, generated from the clap definitions so
/// it always knows every command and flag.
pub fn completions(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<(), Failure> {
    let mut command = super::args::Cli::command();
    // clap_complete panics when its writer fails (a closed pipe: `| head -c 1`), so the script
    // is made in memory and written here, where a failure is an error like any other.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut command, "rungs", &mut script);
    out.write_all(&script)?;
    Ok(())
}

/// What the manual says beyond the commands and flags: variables, files, exit codes.
const MAN_SECTIONS: &[(&str, &[(&str, &str)])] = &[
    (
        "ENVIRONMENT",
        &[
            (
                "RUNGS_DATA_DIR",
                "The data folder (profiles, your own ladders); --data-dir wins.",
            ),
            (
                "RUNGS_LADDERS",
                "A path list (':'-separated; ';' on Windows) of a team's shared ladder folders or .ron files.",
            ),
            (
                "RUNGS_CONFIG",
                "Another config file instead of config.ron in the config folder.",
            ),
            (
                "RUNGS_TODAY",
                "Pins today as YYYY-MM-DD, for scripts and tests; an invalid value stops rungs with exit status 2.",
            ),
            (
                "RUNGS_LOG",
                "A log level (error, warn, info, debug, trace): rungs logs to rungs.log in its state folder, never to the terminal. rungs --help shows the file.",
            ),
            ("NO_COLOR", "Turns colour off in the planner."),
            ("TZ", "The time zone of \"today\"; the system's by default."),
        ],
    ),
    (
        "FILES",
        &[
            (
                "<data dir>/profiles/<id>.ron",
                "One profile per person; <id>.ron.bak is the previous version.",
            ),
            (
                "<data dir>/ladders/*.ron",
                "Your own ladders, listed by rungs ladders and usable by id.",
            ),
            (
                "<config dir>/config.ron",
                "Settings: default profile, key overrides, colours (rungs config path).",
            ),
        ],
    ),
    (
        "EXIT STATUS",
        &[
            ("0", "Success."),
            (
                "1",
                "A failure at run time (a file could not be written, the terminal failed).",
            ),
            (
                "2",
                "Bad usage or invalid input: an unknown role, a ladder or sheet with problems (reported as file:line:column).",
            ),
        ],
    ),
];

/// `rungs man`: the manual page as roff, generated from the clap definitions, with the
/// variables, files and exit codes added.
pub fn man(out: &mut dyn Write) -> Result<(), Failure> {
    use clap_mangen::roff::{Roff, bold, roman};
    let mut page = Vec::new();
    clap_mangen::Man::new(super::args::Cli::command())
        .manual("rungs manual")
        .render(&mut page)?;
    let page = String::from_utf8_lossy(&page).into_owned();
    let mut roff = Roff::default();
    roff.text([roman(
        "Every command has --help with its own options; the README documents the file formats.",
    )]);
    for (heading, entries) in MAN_SECTIONS {
        roff.control("SH", [*heading]);
        for (term, text) in *entries {
            roff.control("TP", []);
            roff.text([bold(*term)]);
            roff.text([roman(*text)]);
        }
    }
    // Each rendering starts with the same preamble; the page has it once already.
    let preamble = Roff::default().render();
    let ours = roff.render();
    let ours = ours.strip_prefix(preamble.as_str()).unwrap_or(&ours);
    // The help's closing words ("EXTRA") say less than these sections, and go.
    let without_extra = match (page.find(".SH EXTRA"), page.find(".SH VERSION")) {
        (Some(extra), Some(version)) if extra < version => {
            format!("{}{}", &page[..extra], &page[version..])
        }
        _ => page.clone(),
    };
    let at = without_extra
        .find(".SH VERSION")
        .unwrap_or(without_extra.len());
    out.write_all(&without_extra.as_bytes()[..at])?;
    out.write_all(ours.as_bytes())?;
    out.write_all(&without_extra.as_bytes()[at..])?;
    Ok(())
}
