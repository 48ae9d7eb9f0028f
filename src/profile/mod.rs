//! A person's profile: model, derived figures, the rules for changing it, and the store that
//! saves it without loss. Nothing here draws to a terminal.

mod change;
mod derive;
mod disk;
mod error;
mod model;
pub mod rules;
mod store;

pub use change::{Change, Conflict, Edit, Item};
pub use derive::{Readiness, breadth, next_level, plan_path, readiness};
pub use disk::{Generation, LockGuard, SessionLock};
pub use error::ProfileError;
pub use model::*;
pub use store::{LOCK_WAIT, MAX_ID_LEN, Store, WaitNotice, parse, profile_id, to_ron};
