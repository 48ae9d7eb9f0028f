//! Every key of the planner in one list: for the help overlay, the README's key tables, and for
//! checking a person's key overrides (names the planner does not know, keys bound twice).

use std::collections::{BTreeMap, BTreeSet};

use super::first_run;
use super::keymap::{self, Key, KeyRow, KeySection, Keymap};
use super::popups;
use super::tab::Tab;
use super::tabs;
use crate::config::Config;

/// Every key of every screen: the ones that work everywhere, each tab's, then forms, reading
/// and the first run.
pub fn key_sections(keymap: &Keymap, tabs: &[Box<dyn Tab>]) -> Vec<KeySection> {
    let mut everywhere = keymap.section("Everywhere", "global", keymap::GLOBAL);
    let digits: Vec<String> = tabs.iter().map(|t| t.digit().to_string()).collect();
    everywhere.rows.insert(
        0,
        KeyRow {
            name: "global.tabs".to_string(),
            keys: digits.join(" "),
            help: "switch tab",
            footer: None,
        },
    );
    // Handled before any table is asked.
    everywhere.rows.push(KeyRow {
        name: "global.ctrl-c".to_string(),
        keys: Key::Ctrl('c').label(),
        help: "quit at once, from anywhere",
        footer: None,
    });
    let mut sections = vec![everywhere];
    for tab in tabs {
        sections.extend(tab.help(keymap));
    }
    sections.extend(overlays(keymap).into_iter().map(|(_, keys)| keys));
    sections
}

const FORM_LIST: &str = "a form's list";

/// The keys of each popup and of the first run's steps, with the screen each is on.
fn overlays(keymap: &Keymap) -> Vec<(String, KeySection)> {
    let mut overlays = vec![
        ("a form".to_string(), popups::form::keys(keymap)),
        (FORM_LIST.to_string(), popups::form::list_keys(keymap)),
        ("a text popup".to_string(), popups::read_keys(keymap)),
        ("the export menu".to_string(), popups::export::keys(keymap)),
    ];
    for section in first_run::help(keymap) {
        overlays.push((section.title.to_lowercase(), section));
    }
    overlays
}

/// What is wrong with a config's keys: names the planner does not know, and keys the
/// overrides bind to two things at once on one screen (the screen's own binding wins then).
pub fn config_warnings(config: &Config, origin: &str) -> Vec<String> {
    let keymap = Keymap::from_config(config);
    let tabs = tabs::all();
    let sections = key_sections(&keymap, &tabs);
    let mut known = BTreeSet::new();
    for row in sections
        .iter()
        .flat_map(|s| &s.rows)
        .filter(|r| !is_fixed(r))
    {
        known.extend(row.name.split_once('.').map(|(_, id)| id));
        known.insert(row.name.as_str());
    }
    let known: Vec<&str> = known.into_iter().collect();
    let mut warnings = config.unknown_actions(&known, origin);
    let overridden = |row: &KeyRow| {
        let id = row.name.split_once('.').map(|(_, id)| id);
        config
            .keys
            .iter()
            .any(|o| o.action == row.name || Some(o.action.as_str()) == id)
    };
    for (screen, rows) in screens(&keymap, &tabs) {
        let mut by_key: BTreeMap<String, Vec<&KeyRow>> = BTreeMap::new();
        for row in rows.iter().filter(|r| !is_fixed(r)) {
            for key in row.keys.split(' ').filter(|k| !k.is_empty()) {
                by_key.entry(key.to_string()).or_default().push(row);
            }
        }
        for (key, rows) in by_key {
            if rows.len() > 1 && rows.iter().any(|r| overridden(r)) {
                let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
                warnings.push(format!(
                    "{origin}: key {key} does two things on {screen}: {} — the first wins; give one of them another key",
                    names.join(" and ")
                ));
            }
        }
    }
    warnings
}

/// The tab digits and Ctrl-C cannot be changed.
fn is_fixed(row: &KeyRow) -> bool {
    row.name == "global.tabs" || row.name == "global.ctrl-c"
}

/// The keys in force on each screen, in the order they are tried: a tab's own, then the global
/// ones; a popup's or the first run's alone.
fn screens(keymap: &Keymap, tabs: &[Box<dyn Tab>]) -> Vec<(String, Vec<KeyRow>)> {
    let global = keymap.section("Everywhere", "global", keymap::GLOBAL);
    let mut screens: Vec<(String, Vec<KeyRow>)> = tabs
        .iter()
        .map(|tab| {
            let rows = tab.keys(keymap).then(global.clone()).rows;
            (format!("the {} tab", tab.name()), rows)
        })
        .collect();
    screens.extend(overlays(keymap).into_iter().map(|(on, keys)| {
        // A form's list takes the form's own keys too: a clash there is a clash.
        let keys = if on == FORM_LIST {
            keys.then(popups::form::keys(keymap))
        } else {
            keys
        };
        (on, keys.rows)
    }));
    screens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_keys_never_clash_and_an_override_that_does_is_reported() {
        assert!(config_warnings(&Config::default(), "c").is_empty());
        let (config, _) = crate::config::parse(r#"(keys: {"zoom": ["q"]})"#, "c");
        let warnings = config_warnings(&config, "c");
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("key q") && w.contains("ladder.zoom")),
            "{warnings:?}"
        );
    }
}

#[cfg(test)]
mod readme_tests {
    use super::*;

    /// The README's key tables, as the key map makes them.
    fn tables() -> String {
        let mut out = String::new();
        for section in key_sections(&Keymap::default(), &tabs::all()) {
            out.push_str(&format!(
                "**{}**\n\n| key | does | name in `config.ron` |\n|---|---|---|\n",
                section.title
            ));
            for row in &section.rows {
                let name = match row.name.as_str() {
                    "global.tabs" | "global.ctrl-c" => "—".to_string(),
                    name => format!("`{name}`"),
                };
                out.push_str(&format!("| `{}` | {} | {name} |\n", row.keys, row.help));
            }
            out.push('\n');
        }
        out
    }

    #[test]
    fn the_readme_lists_every_key_binding() {
        const START: &str =
            "<!-- keys: made by the key map; RUNGS_UPDATE_README=1 cargo test rewrites them -->\n";
        const END: &str = "<!-- end of keys -->";
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
        let readme = std::fs::read_to_string(path).unwrap();
        let (Some(a), Some(b)) = (readme.find(START), readme.find(END)) else {
            panic!("README.md lacks the key table markers");
        };
        let wanted = tables();
        let shown = &readme[a + START.len()..b];
        if shown != wanted && std::env::var_os("RUNGS_UPDATE_README").is_some() {
            let updated = format!("{}{wanted}{}", &readme[..a + START.len()], &readme[b..]);
            std::fs::write(path, updated).unwrap();
            return;
        }
        assert_eq!(
            shown, wanted,
            "README.md's key tables differ from the key map; run RUNGS_UPDATE_README=1 cargo test"
        );
    }
}
