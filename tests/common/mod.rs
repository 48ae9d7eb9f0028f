//! Helpers shared by the integration tests. Each test binary uses some of them.
#![allow(dead_code)]

pub mod planner;

/// `path` as a regular expression that matches it literally.
pub fn regex_escape(path: &str) -> String {
    path.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '/' || c == '-' || c == '_' {
                c.to_string()
            } else {
                format!("\\{c}")
            }
        })
        .collect()
}
