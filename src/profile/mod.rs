//! A person's profile: model, derived figures, and the store that saves it without loss.
//! Nothing here draws to a terminal.

mod derive;
mod model;
mod readiness;
mod store;

pub use derive::{breadth, held_corners, next_level, plan_path};
pub use model::*;
pub use readiness::{Counted, Progress, Readiness, level_progress, readiness};
pub use store::{LOCK_WAIT, LockGuard, ProfileError, Store, parse, profile_id, to_ron};
