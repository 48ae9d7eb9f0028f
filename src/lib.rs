//! rungs: a terminal career-ladder planner for IT.
//!
//! The library holds everything the binary does, so tests and benchmarks drive the same code.

pub mod cli;
pub mod config;
pub mod date;
pub mod dirs;
pub mod error;
pub mod export;
pub mod folders;
pub mod fsutil;
pub mod ladder;
pub mod live;
pub mod logging;
pub mod print;
pub mod profile;
pub mod serde_maps;
pub mod sheet;
pub mod text;
pub mod tui;
