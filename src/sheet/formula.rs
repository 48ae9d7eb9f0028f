//! Cells a spreadsheet would run as a formula, written so it shows them as text.
//!
//! Excel, LibreOffice and Google Sheets treat a cell that starts with `=`, `+`, `-` or `@` (and,
//! in some, a tab or carriage return before one) as a formula: a ladder from a shared folder
//! titled `=HYPERLINK("http://…")` would open as a live link. As OWASP's *CSV Injection* page
//! advises, such a cell is written with a leading apostrophe, which a spreadsheet takes as
//! "this is text" and does not show. A cell that starts with an apostrophe itself gets one
//! more, so reading back (strip one apostrophe before any of these) is exact.

use std::borrow::Cow;

/// The first characters that make a spreadsheet evaluate a cell, and the apostrophe itself.
const NEEDS_QUOTE: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// `cell` as written to a sheet: with a leading `'` when a spreadsheet would evaluate it.
pub fn as_text(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(NEEDS_QUOTE) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell as read from a sheet: the apostrophe [`as_text`] (or a person in a spreadsheet) put
/// before a formula character is taken off again.
pub fn from_text(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(NEEDS_QUOTE) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_formula_cell_is_quoted_and_reads_back_unchanged() {
        for cell in [
            "=HYPERLINK(\"http://x\",\"y\")",
            "+1 lead",
            "-2",
            "@SUM(A1)",
            "\t=1",
            "\r=1",
            "'=already quoted",
            "''",
            "'tis",
        ] {
            let written = as_text(cell);
            assert!(written.starts_with('\''), "{cell:?} → {written:?}");
            assert_eq!(from_text(&written), cell);
        }
        for cell in ["Engineer", "", "a = b", "'tis the season"] {
            assert_eq!(from_text(&as_text(cell)), cell);
        }
        assert_eq!(as_text("Engineer"), "Engineer");
        assert_eq!(
            from_text("'tis"),
            "'tis",
            "an apostrophe before a letter is text"
        );
    }
}
