//! A person's profile: model, derived figures, the rules for changing it, and the store that
//! saves it without loss. Nothing here draws to a terminal.

pub mod agenda;
pub mod bench;
mod change;
mod coaching;
mod compare;
pub mod competence;
mod derive;
mod disk;
pub mod drafts;
mod error;
mod gaps;
pub mod glance;
mod kinds;
mod lean;
mod learning;
mod marks;
mod migrate;
mod model;
pub mod private;
mod readiness;
pub mod recall;
pub mod roster;
pub mod rules;
mod schedule;
mod store;
pub mod team;
mod whose;

pub use change::{Change, Conflict, Edit, Item};
pub use coaching::{
    Action, AgendaItem, Moved, Owner, PlanChange, PlanEvent, Session, TalkingPoint, Topic,
};
pub use compare::{CompareRow, Comparison, MAX_TARGETS, compare, compare_table};
pub use competence::Gap;
pub use derive::{
    PlannedStep, breadth, corners_worked_in, held_corners, next_level, plan_path, plan_problems,
    planned_steps,
};
pub use disk::{Generation, LockGuard, SessionLock};
pub use error::ProfileError;
pub use gaps::{competency_gaps, trains};
pub use learning::{LearningItem, learning_path};
pub use marks::{PlanMarks, StepMark, labelled};
pub use migrate::settled;
pub use model::*;
pub use readiness::{
    Counted, Progress, Readiness, level_progress, readiness, readiness_for, readiness_for_move,
    readiness_from, readiness_toward, role_diff,
};
pub use schedule::{DAYS_PER_MOVE, StepDate, step_dates};
pub use store::{LOCK_WAIT, MAX_ID_LEN, Store, WaitNotice, new_profile, parse, profile_id, to_ron};
pub use whose::ChosenBy;
