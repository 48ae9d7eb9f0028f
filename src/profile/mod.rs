//! A person's profile: model, derived figures, the rules for changing it, and the store that
//! saves it without loss. Nothing here draws to a terminal.

pub mod agenda;
mod change;
mod coaching;
pub mod competence;
mod derive;
mod disk;
mod error;
pub mod glance;
mod kinds;
mod migrate;
mod model;
pub mod private;
mod readiness;
pub mod roster;
pub mod rules;
mod store;

pub use change::{Change, Conflict, Edit, Item};
pub use coaching::{
    Action, AgendaItem, Moved, Owner, PlanChange, PlanEvent, Session, TalkingPoint, Topic,
};
pub use derive::{breadth, held_corners, next_level, plan_path};
pub use disk::{Generation, LockGuard, SessionLock};
pub use error::ProfileError;
pub use model::*;
pub use readiness::{Counted, Progress, Readiness, level_progress, readiness};
pub use store::{LOCK_WAIT, MAX_ID_LEN, Store, WaitNotice, parse, profile_id, to_ron};
