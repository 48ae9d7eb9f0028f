//! Every integration test in one crate, so the suite links once: a module per area.

mod common;

mod agreement;
mod any_ladder;
mod architecture;
mod career_logic;
mod cli;
mod coaching;
mod config;
mod dates;
mod faults;
mod graph;
mod ids;
mod injection;
mod invisible_text;
mod loader_errors;
mod logs;
mod mutations;
mod other_tools;
mod output_gate;
mod own_words;
mod private_exports;
mod private_files;
mod profile_crash;
mod profiles;
mod pty;
mod readiness_tui;
mod sharing;
mod sharing_tui;
mod sheets;
mod store;
mod terminal;
mod tui;
mod tui_no_panic;
mod tui_sync;
mod write_path;
