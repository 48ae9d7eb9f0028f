//! A spreadsheet (CSV) in: rows of levels, roles, milestones and competency expectations become
//! a ladder file. Every problem is reported at once as `FILE:row:column: what is wrong — hint`,
//! where the row is the line of the file the row starts on (the spreadsheet's row number) and
//! the column counts fields from 1.

mod draft;
mod finish;
mod outcome;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use csv::StringRecord;

use self::draft::{At, Draft, Notes, Row};
use super::columns::Column;
use crate::text;
pub use outcome::{ImportOptions, Imported, SheetError, SheetErrors};

/// The delimiter a sheet uses: the most frequent of `,` `;` and tab in its header row, so a
/// spreadsheet saved with a European locale (`;`) or as TSV reads too. A comma by default.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(slot) = counts.iter_mut().find(|(d, _)| *d == b) {
            slot.1 += 1;
        }
    }
    counts
        .iter()
        .max_by_key(|(d, n)| (*n, *d == b','))
        .map_or(b',', |(d, _)| *d)
}

/// Where a quoted cell opens that no quote closes, if one does (row and column from 1). A quote
/// opens a quoted cell only at the start of a cell; inside one, `""` is a quote character.
fn unclosed_quote(text: &str, delimiter: u8) -> Option<At> {
    let delimiter = char::from(delimiter);
    let (mut row, mut cell) = (1, 1);
    let mut open: Option<At> = None;
    let mut at_cell_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if open.is_some() {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => open = None,
                '\n' => row += 1,
                _ => {}
            }
            continue;
        }
        match c {
            '"' if at_cell_start => {
                open = Some(At { row, col: cell });
                at_cell_start = false;
            }
            '\n' => {
                row += 1;
                cell = 1;
                at_cell_start = true;
            }
            c if c == delimiter => {
                cell += 1;
                at_cell_start = true;
            }
            _ => at_cell_start = false,
        }
    }
    open
}

/// Reads a sheet into a ladder file, or says everything that is wrong with it.
pub fn import(text: &str, options: &ImportOptions) -> Result<Imported, SheetErrors> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A cell that spans lines in a Windows file holds CRLF; inside a cell it means a new line.
    let text = &text.replace("\r\n", "\n");
    let mut draft = Draft {
        notes: Notes {
            origin: options.origin.clone(),
            ..Notes::default()
        },
        ..Draft::default()
    };
    let fail = |draft: Draft| SheetErrors {
        origin: options.origin.clone(),
        errors: draft.notes.errors,
    };
    let delimiter = sniff_delimiter(text);
    // The csv crate reads a quote that is never closed as a cell running to the end of the
    // file, silently: find it first and say where it opened.
    if let Some(at) = unclosed_quote(text, delimiter) {
        draft.notes.error(
            at,
            "this quoted cell is never closed, so everything after it would be read into it",
            "add the closing \" (a quote inside a quoted cell is written \"\")",
        );
        return Err(fail(draft));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let mut lines = LineCounter::new(text);
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => {
            draft.notes.error(
                At { row: 1, col: 1 },
                format!("cannot read the header row: {e}"),
                "",
            );
            return Err(fail(draft));
        }
        None => {
            draft.notes.error(
                At { row: 1, col: 1 },
                "the file is empty",
                "export the sheet as CSV with a header row: level,corner,role,…",
            );
            return Err(fail(draft));
        }
    };
    let columns = read_header(&mut draft, &header);
    if !draft.notes.errors.is_empty() {
        return Err(fail(draft));
    }
    draft.has_rank_column = columns.contains_key(&Column::LevelRank);
    let mut rows = 0usize;
    for record in records {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let row = e.position().map_or(0, |p| lines.line_at(p.byte() as usize));
                draft
                    .notes
                    .error(At { row, col: 1 }, format!("cannot read this row: {e}"), "");
                continue;
            }
        };
        let row = record
            .position()
            .map_or(0, |p| lines.line_at(p.byte() as usize));
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let known_cells_empty = columns
            .values()
            .all(|&i| record.get(i).is_none_or(|cell| cell.trim().is_empty()));
        if known_cells_empty && record.len() == header.len() {
            draft.notes.warn(
                At { row, col: 1 },
                "this row has nothing in the columns rungs reads; it is skipped".to_string(),
            );
            continue;
        }
        if record.len() != header.len() {
            draft.notes.error(
                At {
                    row,
                    col: record.len().min(header.len()) + 1,
                },
                format!(
                    "this row has {} fields but the header has {}",
                    record.len(),
                    header.len()
                ),
                if record.len() > header.len() {
                    "a comma inside a cell needs the cell in double quotes"
                } else {
                    "every row needs a field for each column, even an empty one"
                },
            );
            continue;
        }
        for (i, cell) in record.iter().enumerate() {
            if let Some((offset, c)) = text::first_forbidden_char(cell) {
                draft.notes.error(
                    At { row, col: i + 1 },
                    format!(
                        "the cell contains {} at character {}",
                        text::describe_char(c),
                        offset + 1
                    ),
                    "remove it; text is shown in a terminal and must not carry control codes",
                );
            }
        }
        rows += 1;
        draft.read_row(&Row {
            record: &record,
            columns: &columns,
            row,
        });
    }
    if rows == 0 && draft.notes.errors.is_empty() {
        draft.notes.error(
            At { row: 1, col: 1 },
            "the sheet has a header but no rows",
            "add a row per role: its level, corner and title",
        );
    }
    if !draft.notes.errors.is_empty() {
        return Err(fail(draft));
    }
    let file = draft.finish(options);
    if !draft.notes.errors.is_empty() {
        draft.notes.errors.sort_by_key(|e| (e.row, e.column));
        return Err(fail(draft));
    }
    Ok(Imported {
        file,
        warnings: draft.notes.warnings,
    })
}

/// Line numbers of byte offsets, counted forwards once however many rows ask.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            bytes: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line a record starting at `byte` is on. The reader may place the start on the line
    /// break that ended the previous record (CRLF), so breaks at the start are skipped.
    fn line_at(&mut self, byte: usize) -> usize {
        let mut start = byte.min(self.bytes.len());
        while start < self.bytes.len() && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start < self.offset {
            return self.line;
        }
        self.line += self.bytes[self.offset..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = start;
        self.line
    }
}

/// The columns of the header row; missing required ones and repeated ones are errors, unknown
/// ones are warnings.
fn read_header(draft: &mut Draft, header: &StringRecord) -> HashMap<Column, usize> {
    let mut columns = HashMap::new();
    for (i, name) in header.iter().enumerate() {
        let at = At { row: 1, col: i + 1 };
        match Column::from_header(name) {
            Some(column) => {
                if let Some(first) = columns.insert(column, i) {
                    draft.notes.error(
                        at,
                        format!(
                            "column \"{}\" appears twice (also column {})",
                            column.name(),
                            first + 1
                        ),
                        "keep one of them",
                    );
                }
            }
            None if name.trim().is_empty() => draft
                .notes
                .warn(at, "a column without a header is ignored".to_string()),
            None => {
                let known: Vec<&str> = Column::ALL.iter().map(|c| c.name()).collect();
                let close = text::did_you_mean(name, known.iter().copied());
                let close = if close.is_empty() {
                    String::new()
                } else {
                    format!(" ({close})")
                };
                draft.notes.warn(
                    at,
                    format!(
                        "column \"{}\" is not one rungs reads; it is ignored{close}",
                        text::one_line(name.trim())
                    ),
                );
            }
        }
    }
    for required in Column::REQUIRED {
        if !columns.contains_key(&required) {
            let found: Vec<String> = header.iter().map(|h| text::one_line(h.trim())).collect();
            draft.notes.error(
                At {
                    row: 1,
                    col: header.len() + 1,
                },
                format!("missing required column \"{}\"", required.name()),
                format!(
                    "the header row needs level, corner and role (any order, any case; a cell may be empty); it has: {}",
                    found.join(", ")
                ),
            );
        }
    }
    columns
}
