//! Where things are in a RON source text.
//!
//! serde tells us *what* is wrong with a ladder (a duplicate id, a dangling reference) but not
//! *where*: the parsed values carry no spans. This scanner walks the text once, recording every
//! string literal with its line, column, nesting depth, the top-level field it sits under and the
//! key it is the value of, so a validation problem can point at the exact spot in the file.
//! It also measures nesting, so absurdly deep input is refused before the parser recurses.

use std::collections::HashMap;

/// A line and column, both counted from 1; the column counts characters, not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone)]
struct StringLiteral {
    value: String,
    pos: Pos,
    depth: usize,
    section: Option<String>,
    /// The field name this literal is the value of (`id` in `id: "cio"`).
    key: Option<String>,
    /// Whether the literal is itself a map key (`"leadership"` in `{"leadership": 3}`).
    is_map_key: bool,
}

/// What a literal is looked up by: section, depth, key (or `None` for a map key), value.
type LookupKey = (Option<String>, usize, Option<String>, bool, String);

/// The string literals of a source text, for looking up where a value was written.
#[derive(Debug, Default)]
pub struct SourceMap {
    literals: Vec<StringLiteral>,
    sections: Vec<(String, Pos)>,
    /// Built on the first look-up, so a file that needs none pays nothing for it.
    index: std::sync::OnceLock<HashMap<LookupKey, Vec<Pos>>>,
}

/// The nesting was deeper than allowed at this position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooDeep {
    pub pos: Pos,
    pub limit: usize,
}

struct Cursor<'a> {
    source: &'a str,
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    pos: Pos,
    offset: usize,
}

impl Cursor<'_> {
    fn next(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        self.offset += c.len_utf8();
        if c == '\n' {
            self.pos.line += 1;
            self.pos.col = 1;
        } else {
            self.pos.col += 1;
        }
        Some(c)
    }
    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }
    fn rest(&self) -> &str {
        &self.source[self.offset..]
    }
}

impl SourceMap {
    /// Scans `source`, refusing nesting deeper than `max_depth`.
    pub fn scan(source: &str, max_depth: usize) -> Result<SourceMap, TooDeep> {
        let mut map = SourceMap::default();
        let mut cur = Cursor {
            source,
            chars: source.chars().peekable(),
            pos: Pos { line: 1, col: 1 },
            offset: 0,
        };
        let mut depth = 0usize;
        let mut section: Option<String> = None;
        // The last identifier or string seen, kept until we learn whether a ':' follows it.
        let mut pending_ident: Option<(String, Pos)> = None;
        let mut pending_literal: Option<usize> = None;
        let mut current_key: Option<String> = None;
        // For each open bracket, the key it is the value of: the items of `near: ["a", "b"]`
        // are found under the key `near`.
        let mut open: Vec<(char, Option<String>)> = Vec::new();

        while let Some(c) = cur.peek() {
            let start = cur.pos;
            match c {
                '/' => {
                    cur.next();
                    match cur.peek() {
                        Some('/') => {
                            while let Some(c) = cur.next() {
                                if c == '\n' {
                                    break;
                                }
                            }
                        }
                        Some('*') => {
                            cur.next();
                            skip_block_comment(&mut cur);
                        }
                        _ => {}
                    }
                }
                '"' => {
                    cur.next();
                    let value = read_string(&mut cur);
                    let list_key = match open.last() {
                        Some(('[', key)) => key.clone(),
                        _ => None,
                    };
                    map.literals.push(StringLiteral {
                        value,
                        pos: start,
                        depth,
                        section: section.clone(),
                        key: current_key.take().or(list_key),
                        is_map_key: false,
                    });
                    pending_literal = Some(map.literals.len() - 1);
                    pending_ident = None;
                }
                'r' | 'b' if is_raw_or_byte_string_start(cur.rest()) => {
                    // Raw and byte strings: skipped as values; ids are never written this way.
                    skip_raw_or_byte_string(&mut cur);
                    pending_ident = None;
                    pending_literal = None;
                    current_key = None;
                }
                '\'' => {
                    cur.next();
                    while let Some(c) = cur.next() {
                        if c == '\\' {
                            cur.next();
                        } else if c == '\'' {
                            break;
                        }
                    }
                    current_key = None;
                }
                '(' | '[' | '{' => {
                    cur.next();
                    depth += 1;
                    open.push((c, current_key.clone()));
                    if depth > max_depth {
                        return Err(TooDeep {
                            pos: start,
                            limit: max_depth,
                        });
                    }
                    pending_ident = None;
                    pending_literal = None;
                    current_key = None;
                }
                ')' | ']' | '}' => {
                    cur.next();
                    depth = depth.saturating_sub(1);
                    open.pop();
                    pending_ident = None;
                    pending_literal = None;
                    current_key = None;
                }
                ':' => {
                    cur.next();
                    if let Some((ident, ident_pos)) = pending_ident.take() {
                        if depth == 1 {
                            section = Some(ident.clone());
                            map.sections.push((ident.clone(), ident_pos));
                        }
                        current_key = Some(ident);
                    } else if let Some(i) = pending_literal.take() {
                        map.literals[i].is_map_key = true;
                        current_key = None;
                    }
                }
                ',' => {
                    cur.next();
                    pending_ident = None;
                    pending_literal = None;
                    current_key = None;
                }
                c if c.is_alphanumeric() || c == '_' => {
                    let mut ident = String::new();
                    while let Some(c) = cur.peek() {
                        if c.is_alphanumeric() || c == '_' || c == '.' {
                            ident.push(c);
                            cur.next();
                        } else {
                            break;
                        }
                    }
                    // A value such as `Some` or `true` is not a key; only `name:` is.
                    pending_ident = Some((ident, start));
                    pending_literal = None;
                }
                _ => {
                    cur.next();
                }
            }
        }
        Ok(map)
    }

    fn lookup(&self, key: LookupKey, nth: usize) -> Option<Pos> {
        let index = self.index.get_or_init(|| {
            let mut index: HashMap<LookupKey, Vec<Pos>> = HashMap::new();
            for l in &self.literals {
                let key = if l.is_map_key { None } else { l.key.clone() };
                index
                    .entry((
                        l.section.clone(),
                        l.depth,
                        key,
                        l.is_map_key,
                        l.value.clone(),
                    ))
                    .or_default()
                    .push(l.pos);
            }
            index
        });
        index
            .get(&key)
            .and_then(|positions| positions.get(nth))
            .copied()
    }

    /// Where the `nth` (from 0) string `value` written as `key: "value"` at `depth` under the
    /// top-level field `section` is.
    pub fn value(
        &self,
        section: &str,
        depth: usize,
        key: &str,
        value: &str,
        nth: usize,
    ) -> Option<Pos> {
        let key = (
            Some(section.to_string()),
            depth,
            Some(key.to_string()),
            false,
            value.to_string(),
        );
        self.lookup(key, nth)
    }

    /// Where the `nth` map key `value` at `depth` under `section` is.
    pub fn map_key(&self, section: &str, depth: usize, value: &str, nth: usize) -> Option<Pos> {
        self.lookup(
            (
                Some(section.to_string()),
                depth,
                None,
                true,
                value.to_string(),
            ),
            nth,
        )
    }

    /// Where the `nth` string `value` written as an item of a list (`["a", "b"]`) at `depth`
    /// under `section` is.
    pub fn list_item(&self, section: &str, depth: usize, value: &str, nth: usize) -> Option<Pos> {
        self.lookup(
            (
                Some(section.to_string()),
                depth,
                None,
                false,
                value.to_string(),
            ),
            nth,
        )
    }

    /// Where the top-level field `name` is written.
    pub fn section(&self, name: &str) -> Option<Pos> {
        self.sections
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| *p)
    }
}

fn skip_block_comment(cur: &mut Cursor) {
    // RON block comments nest.
    let mut level = 1;
    while let Some(c) = cur.next() {
        match c {
            '*' if cur.peek() == Some('/') => {
                cur.next();
                level -= 1;
                if level == 0 {
                    return;
                }
            }
            '/' if cur.peek() == Some('*') => {
                cur.next();
                level += 1;
            }
            _ => {}
        }
    }
}

/// Reads a string body after its opening quote, resolving the simple escapes.
fn read_string(cur: &mut Cursor) -> String {
    let mut value = String::new();
    while let Some(c) = cur.next() {
        match c {
            '"' => break,
            // Escapes are decoded as RON decodes them, so a value the validator names (an id
            // written with `\u{1b}`, say) is found where it was written.
            '\\' => match cur.next() {
                Some('n') => value.push('\n'),
                Some('r') => value.push('\r'),
                Some('t') => value.push('\t'),
                Some('0') => value.push('\0'),
                Some('u') => value.extend(read_unicode_escape(cur)),
                Some('x') => value.extend(read_byte_escapes(cur)),
                Some(other) => value.push(other),
                None => break,
            },
            c => value.push(c),
        }
    }
    value
}

/// The `{1b}` of `\u{1b}`; `None` when it is malformed (the parser reports that).
fn read_unicode_escape(cur: &mut Cursor) -> Option<char> {
    if cur.peek() != Some('{') {
        return None;
    }
    cur.next();
    let mut code = 0u32;
    for _ in 0..6 {
        match cur.peek() {
            Some('}') => break,
            Some(c) => {
                code = code * 16 + c.to_digit(16)?;
                cur.next();
            }
            None => return None,
        }
    }
    if cur.next() != Some('}') {
        return None;
    }
    char::from_u32(code)
}

/// `\xHH`, continued by up to three more `\xHH` when they spell one UTF-8 character.
fn read_byte_escapes(cur: &mut Cursor) -> Option<char> {
    let mut bytes = Vec::with_capacity(4);
    loop {
        let high = cur.next()?.to_digit(16)?;
        let low = cur.next()?.to_digit(16)?;
        bytes.push((high * 16 + low) as u8);
        if let Ok(text) = std::str::from_utf8(&bytes) {
            return text.chars().next();
        }
        if bytes.len() == 4 || !cur.rest().starts_with("\\x") {
            return None;
        }
        cur.next();
        cur.next();
    }
}

fn is_raw_or_byte_string_start(rest: &str) -> bool {
    // r"…", r#"…"#, b"…", br"…"
    rest.starts_with("r\"")
        || rest.starts_with("r#")
        || rest.starts_with("b\"")
        || rest.starts_with("br\"")
        || rest.starts_with("br#")
}

fn skip_raw_or_byte_string(cur: &mut Cursor) {
    let mut raw = false;
    let mut hashes = 0;
    while let Some(c) = cur.peek() {
        match c {
            'b' => {}
            'r' => raw = true,
            '#' => hashes += 1,
            '"' => break,
            _ => return,
        }
        cur.next();
    }
    cur.next(); // the opening quote
    if !raw {
        read_string(cur);
        return;
    }
    while let Some(c) = cur.next() {
        if c == '"' {
            let mut closing = 0;
            while closing < hashes && cur.peek() == Some('#') {
                cur.next();
                closing += 1;
            }
            if closing == hashes {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"(
    format: 1,
    levels: [
        (id: "ic", name: "IC", expects: {"lead": 2}, milestones: [
            (id: "m1", title: "x"), // "m1" in a comment is not a literal
        ]),
    ],
    roles: [
        (id: "dev", title: "Developer", level: "ic", corner: "dev"),
        (id: "dev", title: "Again", level: "ic"),
    ],
)"#;

    #[test]
    fn finds_values_by_section_depth_and_key() {
        let map = SourceMap::scan(SAMPLE, 32).unwrap();
        assert_eq!(
            map.value("levels", 3, "id", "ic", 0),
            Some(Pos { line: 4, col: 14 })
        );
        assert_eq!(
            map.value("levels", 5, "id", "m1", 0),
            Some(Pos { line: 5, col: 18 })
        );
        assert_eq!(map.value("levels", 5, "id", "m1", 1), None);
        assert_eq!(
            map.value("roles", 3, "id", "dev", 1),
            Some(Pos { line: 10, col: 14 })
        );
        assert_eq!(
            map.value("roles", 3, "corner", "dev", 0),
            Some(Pos { line: 9, col: 62 })
        );
        assert_eq!(
            map.map_key("levels", 4, "lead", 0),
            Some(Pos { line: 4, col: 42 })
        );
        assert_eq!(map.section("roles"), Some(Pos { line: 8, col: 5 }));
    }

    #[test]
    fn items_of_a_list_are_found_under_the_list_key() {
        let src = "(\n    corners: [(id: \"a\", near: [\"b\", \"c\"])],\n)";
        let map = SourceMap::scan(src, 32).unwrap();
        assert_eq!(
            map.value("corners", 4, "near", "c", 0),
            Some(Pos { line: 2, col: 37 })
        );
        assert_eq!(
            map.value("corners", 3, "id", "a", 0),
            Some(Pos { line: 2, col: 20 })
        );
    }

    #[test]
    fn deep_nesting_is_refused_with_its_position() {
        let deep = "(".repeat(10_000);
        let err = SourceMap::scan(&deep, 32).unwrap_err();
        assert_eq!(err.pos, Pos { line: 1, col: 33 });
    }

    #[test]
    fn raw_strings_and_block_comments_do_not_confuse_the_scanner() {
        let src = "(a: r#\"x\"(\"#, /* ( /* ( */ */ b: \"y\")";
        let map = SourceMap::scan(src, 2).unwrap();
        assert_eq!(
            map.value("b", 1, "b", "y", 0),
            Some(Pos { line: 1, col: 34 })
        );
    }
}
