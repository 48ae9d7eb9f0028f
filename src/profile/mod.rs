//! A person's profile: model, derived figures, and the store that saves it without loss.
//! Nothing here draws to a terminal.

mod derive;
mod model;
mod store;

pub use derive::{Readiness, breadth, next_level, plan_path, readiness};
pub use model::*;
pub use store::{LOCK_WAIT, LockGuard, ProfileError, Store, parse, profile_id, to_ron};
