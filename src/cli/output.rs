//! Words for the person on stderr that are not failures, so stdout stays clean for scripts.

use crate::text;

/// A problem the person should know about that does not stop the command, on stderr.
pub fn warn(message: &str) {
    eprintln!("rungs: warning: {}", text::one_line(message));
}

/// Something worth knowing that is not data, on stderr so stdout stays clean for scripts.
pub fn note(message: &str) {
    eprintln!("rungs: {}", text::one_line(message));
}
