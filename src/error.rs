//! A failure as the front ends report it: what to print on stderr and the exit code. The CLI and
//! the planner both return it, so neither imports the other to say something went wrong.

use std::io;

use crate::ladder::ResolveError;
use crate::profile::ProfileError;

/// A command that did not succeed: what to print on stderr and the exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub code: u8,
    pub message: String,
    /// The kind of the I/O error behind it, if one was: a closed pipe is recognised by its kind,
    /// never by searching the message (which may quote the user's own words).
    pub io_kind: Option<io::ErrorKind>,
}

impl Failure {
    /// Bad usage or invalid input: exit code 2.
    pub fn invalid(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
            io_kind: None,
        }
    }

    /// Something failed at run time: exit code 1.
    pub fn runtime(message: impl Into<String>) -> Failure {
        Failure {
            code: 1,
            message: message.into(),
            io_kind: None,
        }
    }

    /// Whether the reader of our output went away (`rungs print | head`): not a failure at all.
    pub fn is_closed_pipe(&self) -> bool {
        self.io_kind == Some(io::ErrorKind::BrokenPipe)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        Failure {
            code: 1,
            message: format!("cannot write output: {e}"),
            io_kind: Some(e.kind()),
        }
    }
}

impl From<ProfileError> for Failure {
    fn from(e: ProfileError) -> Self {
        Failure {
            code: e.exit_code(),
            message: e.to_string(),
            io_kind: None,
        }
    }
}

impl From<ResolveError> for Failure {
    fn from(e: ResolveError) -> Self {
        Failure::invalid(e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_pipe_is_known_by_its_kind_not_its_words() {
        let pipe = Failure::from(io::Error::from(io::ErrorKind::BrokenPipe));
        assert!(pipe.is_closed_pipe());
        let words = Failure::invalid("unknown role \"Broken pipe\"");
        assert!(!words.is_closed_pipe());
    }
}
