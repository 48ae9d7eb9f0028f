//! A profile kept live: the working copy a front end shows and edits, kept in step with its
//! file. `sync` holds the copy (pending changes applied again onto every fresh read, undo,
//! noticing what other programs write); `worker` does the disk work behind it, off the
//! front end's thread. Nothing here draws: the planner (src/tui) shows what it reports, and
//! the store (src/profile) does every read and write.

mod sync;
mod worker;

pub use sync::{Notice, ProfileSync};
pub use worker::RosterReader;
