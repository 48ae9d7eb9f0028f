//! Logs for finding out what rungs did: with `RUNGS_LOG=debug` (or another level) events go to
//! `rungs.log` in the state folder (the cache folder where a platform has none), never to the
//! terminal — the planner owns the screen, and scripts own stdout and stderr.
//!
//! Nothing personal is logged: commands by name, files by path, counts and timings; never the
//! text of a profile, a note or an argument.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tracing::level_filters::LevelFilter;

/// The variable that turns logging on, with a level: error, warn, info, debug or trace.
pub const LOG_VAR: &str = "RUNGS_LOG";

/// A log bigger than this is moved aside (`rungs.log.1`) when rungs starts, so it never grows
/// without end.
const ROTATE_AT_BYTES: u64 = 1024 * 1024;

/// Where the log goes, if the platform has a folder for it.
pub fn log_file() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "rungs")?;
    let folder = dirs
        .state_dir()
        .map_or_else(|| dirs.cache_dir().to_path_buf(), Path::to_path_buf);
    Some(folder.join("rungs.log"))
}

/// The level a `RUNGS_LOG` value asks for; `None` (off) for an unset or empty value.
pub fn parse_level(value: &str) -> Result<Option<LevelFilter>, String> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "off" | "0" | "false" => Ok(None),
        "error" => Ok(Some(LevelFilter::ERROR)),
        "warn" | "warning" => Ok(Some(LevelFilter::WARN)),
        "info" | "1" | "true" | "on" => Ok(Some(LevelFilter::INFO)),
        "debug" => Ok(Some(LevelFilter::DEBUG)),
        "trace" => Ok(Some(LevelFilter::TRACE)),
        other => Err(format!(
            "{LOG_VAR}=\"{}\" is not a log level — use error, warn, info, debug or trace; logging stays off",
            crate::text::one_line(other)
        )),
    }
}

fn open_log(path: &Path) -> std::io::Result<File> {
    if let Some(folder) = path.parent() {
        std::fs::create_dir_all(folder)?;
    }
    if std::fs::metadata(path).is_ok_and(|m| m.len() > ROTATE_AT_BYTES) {
        let _ = crate::fsutil::move_file(path, &crate::fsutil::with_suffix(path, ".1"));
    }
    // Through the one write path: never through a link planted at the log's name.
    crate::fsutil::open_append(path).map_err(|e| std::io::Error::new(e.source.kind(), e))
}

/// Starts logging as `RUNGS_LOG` asks, to `path`. Returns a warning to show (on stderr, before
/// any screen is drawn) when the level or the file is wrong; rungs runs on without logs then.
pub fn init(level: Option<&str>, path: Option<&Path>) -> Option<String> {
    let level = match parse_level(level.unwrap_or_default()) {
        Ok(Some(level)) => level,
        Ok(None) => return None,
        Err(why) => return Some(why),
    };
    let Some(path) = path else {
        return Some(format!(
            "{LOG_VAR} is set, but this platform has no folder for a log; logging stays off"
        ));
    };
    let file = match open_log(path) {
        Ok(file) => file,
        Err(e) => {
            return Some(format!(
                "cannot open the log {}: {e}; logging stays off",
                path.display()
            ));
        }
    };
    let installed = tracing_subscriber::fmt()
        .with_writer(Mutex::new(file))
        .with_ansi(false)
        .with_max_level(level)
        .with_target(false)
        .try_init();
    match installed {
        Ok(()) => {
            tracing::info!(version = env!("CARGO_PKG_VERSION"), "rungs started");
            None
        }
        Err(e) => Some(format!("cannot start logging: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_are_read_leniently_and_nonsense_is_refused() {
        assert_eq!(parse_level(""), Ok(None));
        assert_eq!(parse_level("off"), Ok(None));
        assert_eq!(parse_level("DEBUG"), Ok(Some(LevelFilter::DEBUG)));
        assert_eq!(parse_level("warning"), Ok(Some(LevelFilter::WARN)));
        assert!(
            parse_level("loud")
                .unwrap_err()
                .contains("is not a log level")
        );
    }
}
