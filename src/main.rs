//! The `rungs` binary: parse the command line, run it, report failures with an exit code.

use std::io::{self, Write};
use std::process::ExitCode;

use clap::Parser;
use rungs::cli::{self, Cli};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result =
        cli::run(cli, &mut out).and_then(|()| out.flush().map_err(rungs::error::Failure::from));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`rungs print | head`) means the reader has what it wanted.
        Err(failure) if failure.is_closed_pipe() => ExitCode::SUCCESS,
        Err(failure) => {
            drop(out);
            eprintln!("rungs: {}", failure.message.replace('\n', "\nrungs: "));
            ExitCode::from(failure.code)
        }
    }
}
