//! What an import gives back: the ladder and its notes, or every problem found, located.

use std::fmt;

use crate::ladder::LadderFile;
use crate::text;

/// Stop collecting problems after this many: the first ones are what to fix.
pub(in crate::sheet) const MAX_ERRORS: usize = 50;

/// The ladder's own id and name (a sheet has no place for them), and how to name the file.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The file as the person named it, for messages.
    pub origin: String,
    pub id: String,
    pub name: String,
}

/// A sheet turned into a ladder, and what the person should know about it.
#[derive(Debug)]
pub struct Imported {
    pub file: LadderFile,
    /// Ignored columns and conflicting summaries, one sentence each, located.
    pub warnings: Vec<String>,
}

/// One problem with one cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError {
    pub row: usize,
    pub column: usize,
    pub message: String,
    pub hint: String,
}

/// Everything wrong with a sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetErrors {
    pub origin: String,
    pub errors: Vec<SheetError>,
}

impl SheetErrors {
    /// One line per problem: `FILE:row:column: message — hint`.
    pub fn lines(&self) -> Vec<String> {
        self.errors
            .iter()
            .map(|e| text::located(&self.origin, Some((e.row, e.column)), &e.message, &e.hint))
            .collect()
    }
}

impl fmt::Display for SheetErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for SheetErrors {}
