//! One thing wrong with a ladder file: what, where, and what to do about it.

use super::locate::Pos;

/// One thing wrong with a ladder file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub pos: Option<Pos>,
    pub message: String,
    /// What to do about it, when there is something more specific than "fix it".
    pub hint: Option<String>,
}

impl Problem {
    pub(super) fn at(pos: Option<Pos>, message: impl Into<String>) -> Problem {
        Problem {
            pos,
            message: message.into(),
            hint: None,
        }
    }
    pub(super) fn hint(mut self, hint: impl Into<String>) -> Problem {
        let hint = hint.into();
        if !hint.is_empty() {
            self.hint = Some(hint);
        }
        self
    }
}
