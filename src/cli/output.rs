//! The one output gate: everything rungs prints on stdout and stderr passes through here and
//! through the one sanitiser, so no byte from a file, an argument or a path can move the
//! cursor, clear the screen, write the clipboard or reorder text in a terminal. Words for the
//! person that are not failures go to stderr, so stdout stays clean for scripts.

use std::io::{self, Write};

use serde::Serialize;

use crate::error::Failure;
use crate::text;

/// A problem the person should know about that does not stop the command, on stderr.
pub fn warn(message: &str) {
    to_stderr(&format!("rungs: warning: {}\n", text::one_line(message)));
}

/// Something worth knowing that is not data, on stderr so stdout stays clean for scripts.
pub fn note(message: &str) {
    to_stderr(&format!("rungs: {}\n", text::one_line(message)));
}

/// Writes to stderr, ignoring a failure: when even stderr cannot take a message (it is full or
/// closed) there is no one left to tell, and `eprint!` would panic instead.
pub fn to_stderr(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

/// A failure as the binary prints it on stderr: every line prefixed, nothing raw.
pub fn failure_text(message: &str) -> String {
    text::sanitize(message)
        .lines()
        .map(|line| format!("rungs: {line}\n"))
        .collect()
}

/// `value` as pretty JSON on `out`, with the characters a terminal could act on escaped as
/// `\uXXXX` (serde_json escapes only those below U+0020).
pub fn write_json(out: &mut dyn Write, value: &impl Serialize) -> Result<(), Failure> {
    let json = serde_json::to_string_pretty(value)
        .map_err(|e| Failure::runtime(format!("cannot write JSON: {e}")))?;
    writeln!(out, "{}", text::json_escaped(&json))?;
    Ok(())
}

/// A writer that passes text through the sanitiser on its way out. Bytes arrive in any
/// chunks, so a character split between two writes is held back until it is whole.
pub struct Gate<W: Write> {
    inner: W,
    held: Vec<u8>,
}

impl<W: Write> Gate<W> {
    pub fn new(inner: W) -> Gate<W> {
        Gate {
            inner,
            held: Vec::new(),
        }
    }

    fn pass(&mut self, final_chunk: bool) -> io::Result<()> {
        let mut start = 0;
        let mut clean = String::new();
        loop {
            match std::str::from_utf8(&self.held[start..]) {
                Ok(rest) => {
                    // A carriage return at the end may be half of a CRLF the next write ends.
                    let hold = usize::from(!final_chunk && rest.ends_with('\r'));
                    clean.push_str(&text::sanitize(&rest[..rest.len() - hold]));
                    start = self.held.len() - hold;
                    break;
                }
                Err(e) => {
                    let valid = start + e.valid_up_to();
                    // Whole characters before the problem can go out now.
                    if let Ok(part) = std::str::from_utf8(&self.held[start..valid]) {
                        clean.push_str(&text::sanitize(part));
                    }
                    match e.error_len() {
                        // Not UTF-8 at all: never passed on raw.
                        Some(bad) => {
                            clean.push('\u{fffd}');
                            start = valid + bad;
                        }
                        // A character cut by the chunk's end: wait for the rest.
                        None if !final_chunk => {
                            start = valid;
                            break;
                        }
                        None => {
                            clean.push('\u{fffd}');
                            start = self.held.len();
                            break;
                        }
                    }
                }
            }
        }
        self.held.drain(..start);
        self.inner.write_all(clean.as_bytes())
    }

    /// The writer inside, with everything held flushed through.
    pub fn into_inner(mut self) -> io::Result<W> {
        self.pass(true)?;
        Ok(self.inner)
    }
}

impl<W: Write> Write for Gate<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.held.extend_from_slice(bytes);
        self.pass(false)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass(true)?;
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_a_terminal_acts_on_passes_the_gate_even_split_across_writes() {
        let mut gate = Gate::new(Vec::new());
        let hostile = "ok \u{1b}]52;c;aGk=\u{7} \u{202e}drow\u{9b}2J é 工 👩‍💻\r\nhid\rden\n";
        for byte in hostile.as_bytes() {
            gate.write_all(&[*byte]).unwrap();
        }
        gate.write_all(&[0xff, b'\n']).unwrap();
        let out = String::from_utf8(gate.into_inner().unwrap()).unwrap();
        let lone_cr = out.replace("\r\n", "\n");
        assert!(
            !lone_cr.chars().any(|c| c.is_control() && c != '\n'),
            "{out:?}"
        );
        assert!(!out.contains('\u{202e}'));
        assert!(out.contains("é 工 👩‍💻\r\nhid\u{fffd}den"), "{out:?}");
        assert!(out.ends_with("\u{fffd}\n"), "{out:?}");
    }

    #[test]
    fn json_keeps_its_data_but_escapes_what_a_terminal_would_act_on() {
        let mut out = Vec::new();
        let value = serde_json::json!({"name": "a\u{202e}b\u{9b}c\u{200b}d\u{1b}e"});
        write_json(&mut out, &value).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("a\\u202eb\\u009bc\\u200bd\\u001be"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value, "the same data after parsing");
    }
}
