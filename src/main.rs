//! The `rungs` binary: parse args, start logging, run the command or the planner, report
//! failures with an exit code.

use std::io::{self, Write};
use std::process::ExitCode;
use std::time::Instant;

use rungs::{cli, logging};

fn main() -> ExitCode {
    let (cli, command) = cli::parse();
    let level = std::env::var_os(logging::LOG_VAR).map(|v| v.to_string_lossy().into_owned());
    if let Some(warning) = logging::init(level.as_deref(), logging::log_file().as_deref()) {
        cli::warn(&warning);
    }
    let started = Instant::now();
    tracing::info!(command, "running");
    let stdout = io::stdout();
    // Everything on stdout passes the gate; buffered before it, so the sanitiser sees big chunks.
    let mut out = io::BufWriter::new(cli::Gate::new(stdout.lock()));
    let result = cli::run(cli, &mut out)
        .and_then(|()| out.flush().map_err(rungs::error::Failure::from))
        .map_err(|mut failure| {
            if failure.io_kind.is_some()
                && !failure.is_closed_pipe()
                && rungs::fsutil::wrote_anything()
            {
                // Only writing the output failed: the command did its work (a change is
                // saved). A script that retries on failure must not do it twice.
                failure.message = format!(
                    "the command was carried out (any change it made is saved), but its output could not be written ({}) — running it again would make its change twice",
                    failure.message.trim_start_matches("cannot write output: ")
                );
            }
            failure
        });
    let code = match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`rungs print | head`) means the reader has what it wanted.
        Err(failure) if failure.is_closed_pipe() => ExitCode::SUCCESS,
        Err(failure) => {
            drop(out);
            tracing::warn!(command, code = failure.code, "failed");
            cli::to_stderr(&cli::failure_text(&failure.message));
            ExitCode::from(failure.code)
        }
    };
    tracing::debug!(
        command,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "finished"
    );
    code
}
