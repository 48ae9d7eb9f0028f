//! The person's settings, `config.ron` in the platform's config folder: the default profile,
//! key bindings patched over the planner's defaults, and the colours of the things the planner
//! marks. Nothing here knows a front end: the CLI reads the default profile, the planner maps
//! key names and colours onto its terminal library.
//!
//! A config never stops rungs from starting. A file that does not parse is reported with
//! line:col and every setting falls back to its default; a value that makes no sense (an
//! unknown colour, a key nobody can press) is reported at its place and only that setting
//! falls back.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use serde::Deserialize;

use crate::fsutil::{self, ReadError};
use crate::ladder::locate::{Pos, SourceMap};
use crate::ladder::{self, parse_problem};
use crate::text;

/// The variable that names another config file (for tests, or one config per project).
pub const CONFIG_VAR: &str = "RUNGS_CONFIG";

/// The settings in force.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// The profile commands use when `--profile` is not given.
    pub default_profile: Option<String>,
    /// The manager's own profile (name or id): the roster lists it apart from the reports.
    pub me: Option<String>,
    /// Key bindings to replace, one per action named, sorted by action name.
    pub keys: Vec<KeyOverride>,
    pub colors: Palette,
}

/// New keys for one action of the planner; they replace its default keys (an empty list
/// leaves the action without a key).
#[derive(Debug, Clone, PartialEq)]
pub struct KeyOverride {
    /// The action's name as the planner's help lists it, e.g. `set-current`.
    pub action: String,
    pub keys: Vec<KeySpec>,
    /// Where the action is named in the file, for warnings about it.
    pub at: Option<Pos>,
}

/// A key as a config writes it: `q`, `K`, `ctrl-s`, `alt-enter`, `shift-tab`, `f5`, `space`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    pub key: KeyName,
    pub ctrl: bool,
    pub alt: bool,
}

/// A key without its modifiers. A character carries its own shift (`K` is shift-k).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyName {
    Char(char),
    Enter,
    Esc,
    Tab,
    /// Shift-Tab.
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    /// F1 to F24.
    F(u8),
}

const NAMED_KEYS: [(&str, KeyName); 15] = [
    ("enter", KeyName::Enter),
    ("esc", KeyName::Esc),
    ("tab", KeyName::Tab),
    ("backtab", KeyName::BackTab),
    ("backspace", KeyName::Backspace),
    ("delete", KeyName::Delete),
    ("insert", KeyName::Insert),
    ("up", KeyName::Up),
    ("down", KeyName::Down),
    ("left", KeyName::Left),
    ("right", KeyName::Right),
    ("home", KeyName::Home),
    ("end", KeyName::End),
    ("pageup", KeyName::PageUp),
    ("pagedown", KeyName::PageDown),
];

impl FromStr for KeySpec {
    type Err = String;

    fn from_str(s: &str) -> Result<KeySpec, String> {
        let mut rest = s.trim();
        let (mut ctrl, mut alt, mut shift) = (false, false, false);
        // A single character is the key itself, even `-` or `+`.
        while rest.chars().count() > 1 {
            let lower = rest.to_ascii_lowercase();
            let Some((flag, len)) = [
                ("ctrl", &mut ctrl),
                ("alt", &mut alt),
                ("shift", &mut shift),
            ]
            .into_iter()
            .find_map(|(name, flag)| {
                let after = lower.strip_prefix(name)?;
                after
                    .starts_with(['-', '+'])
                    .then_some((flag, name.len() + 1))
            }) else {
                break;
            };
            *flag = true;
            rest = &rest[len..];
        }
        let mut chars = rest.chars();
        let key = match (chars.next(), chars.next()) {
            (Some(c), None) if shift && c.is_ascii_alphabetic() => {
                KeyName::Char(c.to_ascii_uppercase())
            }
            (Some(c), None) if !c.is_control() => KeyName::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                let named = NAMED_KEYS
                    .iter()
                    .find(|(name, _)| *name == lower)
                    .map(|&(_, k)| k)
                    .or_else(|| (lower == "space").then_some(KeyName::Char(' ')))
                    .or_else(|| (lower == "escape").then_some(KeyName::Esc))
                    .or_else(|| (lower == "return").then_some(KeyName::Enter))
                    .or_else(|| {
                        lower
                            .strip_prefix('f')
                            .and_then(|n| n.parse::<u8>().ok())
                            .filter(|n| (1..=24).contains(n))
                            .map(KeyName::F)
                    });
                match named {
                    Some(KeyName::Tab) if shift => KeyName::BackTab,
                    Some(k) => k,
                    None => {
                        let names: Vec<&str> = NAMED_KEYS.iter().map(|(n, _)| *n).collect();
                        let close = text::did_you_mean(&lower, names.iter().copied());
                        return Err(format!(
                            "\"{}\" is not a key: write a character (q, K, ?), a name ({}, space, f1…f24), with ctrl-, alt- or shift- before it{}",
                            text::one_line(s),
                            names.join(", "),
                            if close.is_empty() {
                                String::new()
                            } else {
                                format!(" — {close}")
                            }
                        ));
                    }
                }
            }
        };
        Ok(KeySpec { key, ctrl, alt })
    }
}

impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.key {
            KeyName::Char(' ') => f.write_str("space"),
            KeyName::Char(c) => write!(f, "{c}"),
            KeyName::F(n) => write!(f, "f{n}"),
            KeyName::BackTab => f.write_str("shift-tab"),
            named => {
                let name = NAMED_KEYS
                    .iter()
                    .find(|(_, k)| *k == named)
                    .map_or("?", |(n, _)| n);
                f.write_str(name)
            }
        }
    }
}

/// The colours of what the planner marks. NO_COLOR still turns every colour off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// "You are here".
    pub current: Color,
    pub target: Color,
    /// The planned path.
    pub path: Color,
    /// Secondary text: legends, hints, empty cells.
    pub muted: Color,
    pub warning: Color,
    pub error: Color,
}

impl Default for Palette {
    fn default() -> Palette {
        Palette {
            current: Color::Named(NamedColor::Green),
            target: Color::Named(NamedColor::Yellow),
            path: Color::Named(NamedColor::Cyan),
            muted: Color::Named(NamedColor::DarkGray),
            warning: Color::Named(NamedColor::Yellow),
            error: Color::Named(NamedColor::Red),
        }
    }
}

/// A terminal colour as a config writes it: a name, `#rrggbb`, or 0–255 from the 256-colour
/// table; `default` is the terminal's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Color {
    Default,
    Named(NamedColor),
    Indexed(u8),
    Rgb(u8, u8, u8),
}

impl fmt::Display for Color {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Color::Default => f.write_str("default"),
            Color::Named(named) => {
                let name = COLOR_NAMES
                    .iter()
                    .find(|(_, c)| c == named)
                    .map_or("?", |(n, _)| n);
                f.write_str(name)
            }
            Color::Indexed(n) => write!(f, "{n}"),
            Color::Rgb(r, g, b) => write!(f, "#{r:02x}{g:02x}{b:02x}"),
        }
    }
}

/// The sixteen colours every terminal has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedColor {
    Black,
    Red,
    Green,
    Yellow,
    Blue,
    Magenta,
    Cyan,
    Gray,
    DarkGray,
    LightRed,
    LightGreen,
    LightYellow,
    LightBlue,
    LightMagenta,
    LightCyan,
    White,
}

const COLOR_NAMES: [(&str, NamedColor); 16] = [
    ("black", NamedColor::Black),
    ("red", NamedColor::Red),
    ("green", NamedColor::Green),
    ("yellow", NamedColor::Yellow),
    ("blue", NamedColor::Blue),
    ("magenta", NamedColor::Magenta),
    ("cyan", NamedColor::Cyan),
    ("gray", NamedColor::Gray),
    ("dark-gray", NamedColor::DarkGray),
    ("light-red", NamedColor::LightRed),
    ("light-green", NamedColor::LightGreen),
    ("light-yellow", NamedColor::LightYellow),
    ("light-blue", NamedColor::LightBlue),
    ("light-magenta", NamedColor::LightMagenta),
    ("light-cyan", NamedColor::LightCyan),
    ("white", NamedColor::White),
];

impl FromStr for Color {
    type Err = String;

    fn from_str(s: &str) -> Result<Color, String> {
        let s = s.trim();
        let squashed: String = s
            .to_ascii_lowercase()
            .replace("grey", "gray")
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '#')
            .collect();
        if squashed == "default" || squashed == "reset" {
            return Ok(Color::Default);
        }
        if let Some(hex) = squashed.strip_prefix('#')
            && hex.len() == 6
            && let Ok(n) = u32::from_str_radix(hex, 16)
        {
            return Ok(Color::Rgb((n >> 16) as u8, (n >> 8) as u8, n as u8));
        }
        if let Ok(n) = squashed.parse::<u8>() {
            return Ok(Color::Indexed(n));
        }
        COLOR_NAMES
            .iter()
            .find(|(name, _)| name.replace('-', "") == squashed)
            .map(|&(_, c)| Color::Named(c))
            .ok_or_else(|| {
                let names: Vec<&str> = COLOR_NAMES.iter().map(|(n, _)| *n).collect();
                let close = text::did_you_mean(s, names.iter().copied());
                format!(
                    "\"{}\" is not a colour: use a name ({}), #rrggbb, 0–255 or default{}",
                    text::one_line(s),
                    names.join(", "),
                    if close.is_empty() {
                        String::new()
                    } else {
                        format!(" — {close}")
                    }
                )
            })
    }
}

/// The file as written; every field is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct ConfigFile {
    format: Option<u32>,
    default_profile: Option<String>,
    me: Option<String>,
    keys: BTreeMap<String, Vec<String>>,
    colors: ColorsFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
struct ColorsFile {
    current: Option<ColorText>,
    target: Option<ColorText>,
    path: Option<ColorText>,
    muted: Option<ColorText>,
    warning: Option<ColorText>,
    error: Option<ColorText>,
}

/// A colour as written: a word or `"#rrggbb"` in quotes, or a bare number from the 256-colour
/// table (`muted: 8`), which is as natural to write as `"8"`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ColorText {
    Text(String),
    Number(i64),
}

impl ColorText {
    fn into_text(self) -> String {
        match self {
            ColorText::Text(text) => text,
            ColorText::Number(n) => n.to_string(),
        }
    }
}

/// The config format this version reads.
pub const CONFIG_FORMAT: u32 = 1;

/// Reads the config at `path`. A missing file is the defaults, silently; anything wrong is a
/// warning (`file:line:col: what — hint`) and the defaults for what it touched.
pub fn load(path: &Path) -> (Config, Vec<String>) {
    let origin = path.display().to_string();
    match fsutil::read_limited(path) {
        Ok(source) => {
            let (config, warnings) = parse(&source, &origin);
            tracing::debug!(
                path = %origin,
                key_overrides = config.keys.len(),
                warnings = warnings.len(),
                "read the config"
            );
            (config, warnings)
        }
        Err(ReadError::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            (Config::default(), Vec::new())
        }
        Err(e) => (
            Config::default(),
            vec![format!("{origin}: {e} — running on the default settings")],
        ),
    }
}

/// Reads config text; `origin` names it in warnings.
pub fn parse(source: &str, origin: &str) -> (Config, Vec<String>) {
    let mut warnings = Vec::new();
    let warn_at = |warnings: &mut Vec<String>, at: Option<Pos>, message: &str, hint: &str| {
        warnings.push(text::located(
            origin,
            at.map(|p| (p.line, p.col)),
            message,
            hint,
        ));
    };
    if source.trim().is_empty() {
        return (Config::default(), warnings);
    }
    let map = match SourceMap::scan(source, ladder::MAX_NESTING) {
        Ok(map) => map,
        Err(deep) => {
            warn_at(
                &mut warnings,
                Some(deep.pos),
                "nesting too deep",
                "running on the default settings",
            );
            return (Config::default(), warnings);
        }
    };
    let file: ConfigFile = match ladder::ron_options().from_str(source) {
        Ok(file) => file,
        Err(e) => {
            let problem = parse_problem(&e);
            let hint = match problem.hint {
                Some(h) => format!("{h}; running on the default settings"),
                None => "running on the default settings".to_string(),
            };
            warn_at(&mut warnings, problem.pos, &problem.message, &hint);
            return (Config::default(), warnings);
        }
    };
    if let Some(format) = file.format
        && format != CONFIG_FORMAT
    {
        warn_at(
            &mut warnings,
            map.section("format"),
            &format!("config format {format} is not one this version of rungs reads"),
            "write `format: 1`, or upgrade rungs; running on the default settings",
        );
        return (Config::default(), warnings);
    }

    let mut config = Config {
        default_profile: file
            .default_profile
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty()),
        me: file
            .me
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty()),
        ..Config::default()
    };
    let mut seen_keys: BTreeMap<String, usize> = BTreeMap::new();
    for (action, keys) in file.keys {
        let at = map.map_key("keys", 2, &action, 0);
        let mut specs = Vec::new();
        let mut bad = 0;
        for key in keys {
            let nth = seen_keys.entry(key.clone()).or_default();
            let key_at = map.list_item("keys", 3, &key, *nth).or(at);
            *nth += 1;
            match key.parse::<KeySpec>() {
                Ok(spec) => specs.push(spec),
                Err(why) => {
                    bad += 1;
                    warn_at(
                        &mut warnings,
                        key_at,
                        &why,
                        &format!("\"{action}\" keeps its other keys"),
                    )
                }
            }
        }
        // Only mistakes: the action keeps its default keys rather than losing them all. (An
        // empty list, written on purpose, is how a key is taken away.)
        if bad > 0 && specs.is_empty() {
            if let Some(last) = warnings.last_mut() {
                *last = last.replace("keeps its other keys", "keeps its default keys");
            }
            continue;
        }
        config.keys.push(KeyOverride {
            action,
            keys: specs,
            at,
        });
    }
    let defaults = Palette::default();
    let colors = file.colors;
    for (name, value, slot) in [
        ("current", colors.current, &mut config.colors.current),
        ("target", colors.target, &mut config.colors.target),
        ("path", colors.path, &mut config.colors.path),
        ("muted", colors.muted, &mut config.colors.muted),
        ("warning", colors.warning, &mut config.colors.warning),
        ("error", colors.error, &mut config.colors.error),
    ] {
        let Some(value) = value.map(ColorText::into_text) else {
            continue;
        };
        match value.parse::<Color>() {
            Ok(color) => *slot = color,
            Err(why) => warn_at(
                &mut warnings,
                map.value("colors", 2, name, &value, 0),
                &why,
                &format!("{name} keeps its default, {}", default_of(name, &defaults)),
            ),
        }
    }
    (config, warnings)
}

fn default_of(field: &str, defaults: &Palette) -> Color {
    match field {
        "current" => defaults.current,
        "target" => defaults.target,
        "path" => defaults.path,
        "muted" => defaults.muted,
        "warning" => defaults.warning,
        _ => defaults.error,
    }
}

impl Config {
    /// Warnings for key overrides that name no action in `known` (the planner's action names),
    /// each at its place in the config file `origin`.
    pub fn unknown_actions(&self, known: &[&str], origin: &str) -> Vec<String> {
        self.keys
            .iter()
            .filter(|o| !known.contains(&o.action.as_str()))
            .map(|o| {
                let close = text::did_you_mean(&o.action, known.iter().copied());
                let hint = if close.is_empty() {
                    "the names are in the last column of the README's key tables".to_string()
                } else {
                    close
                };
                text::located(
                    origin,
                    o.at.map(|p| (p.line, p.col)),
                    &format!(
                        "\"{}\" is not an action of the planner; it is ignored",
                        o.action
                    ),
                    &hint,
                )
            })
            .collect()
    }

    /// The keys the config gives `action`, if it names it.
    pub fn keys_for(&self, action: &str) -> Option<&[KeySpec]> {
        self.keys
            .iter()
            .find(|o| o.action == action)
            .map(|o| o.keys.as_slice())
    }
}

/// The commented config `rungs config init` writes: every setting, at its default.
pub const TEMPLATE: &str = r##"// rungs settings. Every field is optional; delete what you do not change.
// A mistake here is reported when rungs starts, and that setting keeps its default.
(
    format: 1,

    // The profile commands and the planner use when neither --profile nor `rungs use`
    // chose one (default: the only profile; with several, you are asked to choose).
    // default_profile: "ada-lovelace",

    // Your own profile, if you keep one: the roster lists it apart from your reports.
    // me: "ada-lovelace",

    // Keys: an action of the planner and the keys that replace its default ones, e.g.
    //   "set-current": ["C"], "quit": ["q", "ctrl-q"], "undo": [].
    // A key is a character (q, K, ?), a name (enter, esc, tab, backspace, delete, insert,
    // up, down, left, right, home, end, pageup, pagedown, space, f1…f24), with ctrl-, alt-
    // or shift- before it. The help overlay (?) shows the keys in force.
    keys: {},

    // Colours: a name (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray,
    // light-red, light-green, light-yellow, light-blue, light-magenta, light-cyan, white),
    // "#rrggbb", a number 0–255, or "default" (the terminal's own). NO_COLOR turns them off.
    colors: (
        current: "green",    // you are here
        target: "yellow",
        path: "cyan",        // the planned path
        muted: "dark-gray",  // legends and hints
        warning: "yellow",
        error: "red",
    ),
)
"##;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_sets_the_profile_keys_and_colours() {
        let (config, warnings) = parse(
            r##"(
                default_profile: "ada",
                keys: {"set-current": ["C", "ctrl-s"], "undo": []},
                colors: (target: "#ff8800", muted: "Dark Grey", path: "33"),
            )"##,
            "config.ron",
        );
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(config.default_profile.as_deref(), Some("ada"));
        let keys: Vec<String> = config
            .keys_for("set-current")
            .unwrap()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(keys, ["C", "ctrl-s"]);
        assert_eq!(config.keys_for("undo"), Some(&[][..]));
        assert_eq!(config.keys_for("quit"), None);
        assert_eq!(config.colors.target, Color::Rgb(0xff, 0x88, 0));
        assert_eq!(config.colors.muted, Color::Named(NamedColor::DarkGray));
        assert_eq!(config.colors.path, Color::Indexed(33));
        let (bare, warnings) = parse("(colors: (muted: 8), keys: {\"quit\": [\"ctrl-qq\"]})", "c");
        assert_eq!(bare.colors.muted, Color::Indexed(8), "{warnings:?}");
        assert!(
            bare.keys.is_empty(),
            "a key that cannot be pressed leaves quit its defaults"
        );
        assert!(
            warnings[0].contains("keeps its default keys"),
            "{warnings:?}"
        );
        assert_eq!(config.colors.current, Palette::default().current);
        for color in ["default", "dark-gray", "#ff8800", "33"] {
            assert_eq!(color.parse::<Color>().unwrap().to_string(), color);
        }
    }

    #[test]
    fn a_broken_config_is_a_located_warning_and_the_defaults() {
        let (config, warnings) = parse("(\n    colors: (target: \"red\"\n", "config.ron");
        assert_eq!(config, Config::default());
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("config.ron:2:27: Expected comma"),
            "{warnings:?}"
        );
        assert!(warnings[0].contains("running on the default settings"));

        let (config, warnings) = parse("(defualt_profile: \"ada\")", "config.ron");
        assert_eq!(config, Config::default());
        assert!(
            warnings[0].starts_with("config.ron:1:2:")
                && warnings[0].contains("did you mean: default_profile"),
            "{warnings:?}"
        );
    }

    #[test]
    fn a_bad_value_keeps_only_its_own_default() {
        let source = "(\n  default_profile: \"ada\",\n  keys: {\"quit\": [\"q\", \"ctrl-\"]},\n  colors: (error: \"pruple\", target: \"blue\"),\n)";
        let (config, warnings) = parse(source, "c.ron");
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(
            warnings[0].starts_with("c.ron:3:24: \"ctrl-\" is not a key"),
            "{warnings:?}"
        );
        assert!(
            warnings[1].starts_with("c.ron:4:19: \"pruple\" is not a colour"),
            "{warnings:?}"
        );
        assert_eq!(config.keys_for("quit").unwrap().len(), 1);
        assert_eq!(config.colors.error, Palette::default().error);
        assert_eq!(config.colors.target, Color::Named(NamedColor::Blue));
        assert_eq!(config.default_profile.as_deref(), Some("ada"));
    }

    #[test]
    fn keys_read_the_way_people_write_them() {
        let key = |s: &str| s.parse::<KeySpec>().unwrap();
        assert_eq!(key("q").key, KeyName::Char('q'));
        assert_eq!(key("K").key, KeyName::Char('K'));
        assert_eq!(key("shift-k").key, KeyName::Char('K'));
        assert_eq!(key("-").key, KeyName::Char('-'));
        assert_eq!(
            key("Ctrl+S"),
            KeySpec {
                key: KeyName::Char('S'),
                ctrl: true,
                alt: false
            }
        );
        assert_eq!(key("shift-tab").key, KeyName::BackTab);
        assert_eq!(key("space").key, KeyName::Char(' '));
        assert_eq!(key("F5").key, KeyName::F(5));
        assert_eq!(
            key("alt-enter"),
            KeySpec {
                key: KeyName::Enter,
                ctrl: false,
                alt: true
            }
        );
        for bad in ["", "ctrl-", "f25", "enterr", "ctrl-shift"] {
            assert!(bad.parse::<KeySpec>().is_err(), "{bad:?}");
        }
        for spec in ["ctrl-s", "alt-enter", "shift-tab", "space", "f12", "K", "?"] {
            assert_eq!(key(spec).to_string(), spec);
        }
    }

    #[test]
    fn unknown_actions_are_named_at_their_place() {
        let (config, _) = parse(
            "(\n  keys: {\"quitt\": [\"x\"], \"help\": [\"h\"]},\n)",
            "c.ron",
        );
        let warnings = config.unknown_actions(&["quit", "help"], "c.ron");
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("c.ron:2:10: \"quitt\" is not an action"),
            "{warnings:?}"
        );
        assert!(warnings[0].contains("did you mean: quit?"));
    }

    #[test]
    fn the_template_is_a_config_without_warnings() {
        let (config, warnings) = parse(TEMPLATE, "template");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(config, Config::default());
    }
}
