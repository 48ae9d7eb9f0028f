//! Key bindings as data. Each screen keeps its own table (`Binding<ItsAction>`) beside the code
//! that acts on it; this module matches keys against a table, names keys for people, and holds
//! the overrides a person may set, so what a key does, the footer and the help overlay always
//! agree — overrides included.

use std::collections::HashMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::config::{Config, KeyName, KeySpec};

/// A key as a binding names it: a character (shift is in the character), Ctrl plus a
/// character, or a named key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// Any key with Ctrl and/or Alt held, as a config may name one (`alt-enter`, `ctrl-up`).
    With {
        code: KeyCode,
        ctrl: bool,
        alt: bool,
    },
}

impl Key {
    pub fn matches(self, event: &KeyEvent) -> bool {
        match self {
            Key::Char(c) => Key::Code(KeyCode::Char(c)).matches(event),
            Key::Ctrl(c) => {
                event.code == KeyCode::Char(c) && event.modifiers.contains(KeyModifiers::CONTROL)
            }
            Key::Code(code) => {
                event.code == code
                    && !event
                        .modifiers
                        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
            }
            Key::With { code, ctrl, alt } => {
                event.code == code
                    && event.modifiers.contains(KeyModifiers::CONTROL) == ctrl
                    && event.modifiers.contains(KeyModifiers::ALT) == alt
            }
        }
    }

    /// The key a config names.
    pub fn from_config(spec: &KeySpec) -> Key {
        let code = match spec.key {
            KeyName::Char(c) => KeyCode::Char(c),
            KeyName::Enter => KeyCode::Enter,
            KeyName::Esc => KeyCode::Esc,
            KeyName::Tab => KeyCode::Tab,
            KeyName::BackTab => KeyCode::BackTab,
            KeyName::Backspace => KeyCode::Backspace,
            KeyName::Delete => KeyCode::Delete,
            KeyName::Insert => KeyCode::Insert,
            KeyName::Up => KeyCode::Up,
            KeyName::Down => KeyCode::Down,
            KeyName::Left => KeyCode::Left,
            KeyName::Right => KeyCode::Right,
            KeyName::Home => KeyCode::Home,
            KeyName::End => KeyCode::End,
            KeyName::PageUp => KeyCode::PageUp,
            KeyName::PageDown => KeyCode::PageDown,
            KeyName::F(n) => KeyCode::F(n),
        };
        match (code, spec.ctrl, spec.alt) {
            (KeyCode::Char(c), false, false) => Key::Char(c),
            // Terminals report Ctrl with the lower-case letter.
            (KeyCode::Char(c), true, false) => Key::Ctrl(c.to_ascii_lowercase()),
            (code, false, false) => Key::Code(code),
            (code, ctrl, alt) => Key::With { code, ctrl, alt },
        }
    }

    /// How the help and footer write the key.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "space".to_string(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("^{}", c.to_ascii_uppercase()),
            Key::Code(code) => match code {
                KeyCode::Left => "←".to_string(),
                KeyCode::Right => "→".to_string(),
                KeyCode::Up => "↑".to_string(),
                KeyCode::Down => "↓".to_string(),
                KeyCode::Enter => "⏎".to_string(),
                KeyCode::BackTab => "⇧Tab".to_string(),
                KeyCode::PageUp => "PgUp".to_string(),
                KeyCode::PageDown => "PgDn".to_string(),
                KeyCode::Backspace => "⌫".to_string(),
                KeyCode::Delete => "Del".to_string(),
                KeyCode::Insert => "Ins".to_string(),
                // Esc, Tab, Home, End, F1… as the terminal library names them.
                other => other.to_string(),
            },
            Key::With { code, ctrl, alt } => format!(
                "{}{}{}",
                if ctrl { "^" } else { "" },
                if alt { "M-" } else { "" },
                Key::Code(code).label()
            ),
        }
    }
}

/// How a binding shows in the footer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Footer {
    Hidden,
    /// The keys in force, then this word.
    Word(&'static str),
    /// A fixed label and word standing for a group of bindings (the four arrows).
    Group(&'static str, &'static str),
}

/// One binding: its stable id (used by overrides), default keys, what it does and how the help
/// and footer name it.
#[derive(Debug, Clone, Copy)]
pub struct Binding<A> {
    pub id: &'static str,
    pub keys: &'static [Key],
    pub action: A,
    pub help: &'static str,
    pub footer: Footer,
}

/// A binding as people see it: the keys in force, what they do, and the footer's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRow {
    /// The name a config uses for it: `scope.id` (a plain `id` changes it in every scope).
    pub name: String,
    pub keys: String,
    pub help: &'static str,
    pub footer: Option<String>,
}

/// A titled group of rows, one screen's or one mode's keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySection {
    pub title: &'static str,
    pub rows: Vec<KeyRow>,
}

impl KeySection {
    /// This section with the rows of `more` after its own.
    pub fn then(mut self, more: KeySection) -> KeySection {
        self.rows.extend(more.rows);
        self
    }
}

/// The keys in force: the defaults of every table, with a person's overrides on top.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    /// Keys by "scope.id", replacing a binding's default keys.
    overrides: HashMap<String, Vec<Key>>,
}

impl Keymap {
    /// The overrides a config gives: a name is `scope.id` for one binding, or a plain `id` for
    /// that binding in every scope.
    pub fn from_config(config: &Config) -> Keymap {
        let overrides = config.keys.iter().map(|o| {
            let keys = o.keys.iter().map(Key::from_config).collect();
            (o.action.clone(), keys)
        });
        Keymap {
            overrides: overrides.collect(),
        }
    }

    fn keys<'a, A>(&'a self, scope: &str, binding: &'a Binding<A>) -> &'a [Key] {
        self.overrides
            .get(&format!("{scope}.{}", binding.id))
            .or_else(|| self.overrides.get(binding.id))
            .map_or(binding.keys, Vec::as_slice)
    }

    /// The action `event` asks for in `table`, if any.
    pub fn action<A: Copy>(
        &self,
        scope: &str,
        table: &[Binding<A>],
        event: &KeyEvent,
    ) -> Option<A> {
        table
            .iter()
            .find(|b| self.keys(scope, b).iter().any(|k| k.matches(event)))
            .map(|b| b.action)
    }

    /// The rows of `table` for help and footer, with the keys in force.
    pub fn section<A>(&self, title: &'static str, scope: &str, table: &[Binding<A>]) -> KeySection {
        let rows = table
            .iter()
            .map(|b| {
                let keys = self
                    .keys(scope, b)
                    .iter()
                    .map(|k| k.label())
                    .collect::<Vec<_>>()
                    .join(" ");
                let footer = match b.footer {
                    Footer::Hidden => None,
                    Footer::Word(word) => Some(format!("{keys} {word}")),
                    Footer::Group(label, word) => Some(format!("{label} {word}")),
                };
                KeyRow {
                    name: format!("{scope}.{}", b.id),
                    keys,
                    help: b.help,
                    footer,
                }
            })
            .collect();
        KeySection { title, rows }
    }
}

/// A binding with the usual fields, for compact tables.
pub const fn bind<A>(
    id: &'static str,
    keys: &'static [Key],
    action: A,
    help: &'static str,
    footer: Footer,
) -> Binding<A> {
    Binding {
        id,
        keys,
        action,
        help,
        footer,
    }
}

/// What the keys that work everywhere ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Global {
    Quit,
    Help,
    NextTab,
    PrevTab,
    Undo,
    ShareSafe,
    Export,
}

use Key::{Char as C, Code};

pub const GLOBAL: &[Binding<Global>] = &[
    bind(
        "next-tab",
        &[Code(KeyCode::Tab)],
        Global::NextTab,
        "next tab",
        Footer::Hidden,
    ),
    bind(
        "previous-tab",
        &[Code(KeyCode::BackTab)],
        Global::PrevTab,
        "previous tab",
        Footer::Hidden,
    ),
    bind(
        "undo",
        &[C('u')],
        Global::Undo,
        "undo the last change",
        Footer::Word("undo"),
    ),
    bind(
        "share-safe",
        &[C('s')],
        Global::ShareSafe,
        "share-safe: hide private notes and other people",
        Footer::Word("share-safe"),
    ),
    bind(
        "export",
        &[C('X')],
        Global::Export,
        "export the plan: Markdown, JSON, DOT, SVG or iCalendar",
        Footer::Hidden,
    ),
    bind(
        "help",
        &[C('?')],
        Global::Help,
        "every key (this help)",
        Footer::Word("help"),
    ),
    bind(
        "quit",
        &[C('q')],
        Global::Quit,
        "quit (Esc first in a popup or a field)",
        Footer::Word("quit"),
    ),
];

/// The footer line for `width` cells: the screen's own key hints `own`, then those that work
/// everywhere `everywhere`, each whole. When not all fit, those that work everywhere are kept
/// first (how to quit, undo or leave share-safe is never hidden) and the screen's own fill the
/// rest in their table's order. With a `help` key (where help opens), it ends with `? help`
/// when every key shows and with `? more` when some were left out or have no hint
/// (`unlisted`: keys only the help lists), so no key is ever cut off unseen.
pub fn footer(
    own: &[String],
    everywhere: &[String],
    help: Option<&str>,
    unlisted: bool,
    width: usize,
) -> String {
    let join = |hints: Vec<&str>| format!(" {}", hints.join("  "));
    let all: Vec<&str> = own.iter().chain(everywhere).map(String::as_str).collect();
    let last = |word| help.map(|k| format!("{k} {word}"));
    let whole = last(if unlisted { "more" } else { "help" });
    let everything = join(all.iter().copied().chain(whole.as_deref()).collect());
    if crate::text::width(&everything) <= width {
        return everything;
    }
    let more = last("more");
    // A hint takes its width and the two spaces before it; the line starts with one space
    // (and ends with `? more`, after two).
    let mut room = match &more {
        Some(more) => width.saturating_sub(1 + crate::text::width(more)),
        None => width + 1,
    };
    let mut keep = vec![false; all.len()];
    // Those that work everywhere first, then the screen's own, each where it fits.
    for i in (own.len()..all.len()).chain(0..own.len()) {
        let cells = crate::text::width(all[i]) + 2;
        if cells <= room {
            keep[i] = true;
            room -= cells;
        }
    }
    let kept = all.iter().zip(&keep).filter(|(_, k)| **k).map(|(h, _)| *h);
    join(kept.chain(more.as_deref()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Act {
        Up,
        Save,
    }

    const TABLE: &[Binding<Act>] = &[
        bind(
            "up",
            &[Code(KeyCode::Up), C('k')],
            Act::Up,
            "up",
            Footer::Word("up"),
        ),
        bind("save", &[Key::Ctrl('s')], Act::Save, "save", Footer::Hidden),
    ];

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn keys_match_with_their_modifiers_only() {
        let map = Keymap::default();
        let none = KeyModifiers::NONE;
        assert_eq!(
            map.action("t", TABLE, &key(KeyCode::Char('k'), none)),
            Some(Act::Up)
        );
        assert_eq!(
            map.action("t", TABLE, &key(KeyCode::Up, none)),
            Some(Act::Up)
        );
        assert_eq!(map.action("t", TABLE, &key(KeyCode::Char('s'), none)), None);
        assert_eq!(
            map.action("t", TABLE, &key(KeyCode::Char('s'), KeyModifiers::CONTROL)),
            Some(Act::Save)
        );
        assert_eq!(
            map.action("t", TABLE, &key(KeyCode::Char('k'), KeyModifiers::CONTROL)),
            None
        );
    }

    #[test]
    fn a_footer_shows_whole_hints_in_order_and_ends_with_more_when_some_are_left_out() {
        let own: Vec<String> = ["↑↓ select", "e write", "a action", "c competencies"]
            .map(String::from)
            .to_vec();
        let everywhere = vec!["q quit".to_string()];
        assert_eq!(
            footer(&own, &everywhere, Some("?"), false, 80),
            " ↑↓ select  e write  a action  c competencies  q quit  ? help"
        );
        for width in 16..60 {
            let shown = footer(&own, &everywhere, Some("?"), false, width);
            assert!(shown.ends_with("q quit  ? more"), "{width}: {shown}");
            assert!(!shown.contains('…'), "{width}: {shown}");
            assert!(crate::text::width(&shown) <= width, "{width}: {shown}");
            // Whatever shows is whole, and in the order given.
            let all: Vec<&String> = own.iter().chain(&everywhere).collect();
            let mut at = 0;
            for hint in shown.trim_start().split("  ") {
                if hint == "? more" {
                    continue;
                }
                let found = all[at..].iter().position(|w| *w == hint);
                assert!(found.is_some(), "{width}: {hint:?} in {shown}");
                at += found.unwrap_or(0) + 1;
            }
        }
        assert_eq!(
            footer(&own, &everywhere, Some("?"), false, 45),
            " ↑↓ select  e write  a action  q quit  ? more"
        );
        // Where no help key works (a popup), the hints that fit and nothing cut.
        assert_eq!(footer(&own, &[], None, false, 22), " ↑↓ select  e write");
        // Keys with no hint of their own are behind `? more` even when every hint fits.
        assert!(footer(&own, &everywhere, Some("?"), true, 80).ends_with("q quit  ? more"));
    }

    #[test]
    fn an_override_replaces_the_keys_and_the_help_shows_it() {
        let overrides = HashMap::from([("t.up".to_string(), vec![C('w')])]);
        let map = Keymap { overrides };
        let none = KeyModifiers::NONE;
        assert_eq!(
            map.action("t", TABLE, &key(KeyCode::Char('w'), none)),
            Some(Act::Up)
        );
        assert_eq!(map.action("t", TABLE, &key(KeyCode::Char('k'), none)), None);
        let section = map.section("T", "t", TABLE);
        assert_eq!(section.rows[0].keys, "w");
        assert_eq!(section.rows[0].footer.as_deref(), Some("w up"));
        assert_eq!(section.rows[1].keys, "^S");
    }
}
