//! The career ladder: model, file format, loading with located errors, moves and planning.
//! Nothing here draws to a terminal.

mod catalog;
mod load;
pub mod locate;
mod model;
mod moves;
mod plan;
mod score;
mod search;
mod synthetic;

pub use catalog::{
    BUNDLED, DEFAULT_LADDER_ID, LadderSource, Listing, ResolveError, find_ladders, resolve,
};
pub use load::{
    LadderError, MAX_FILE_BYTES, MAX_NESTING, Problem, load_file, load_str, parse_problem,
    ron_options,
};
pub use model::*;
pub use moves::MoveKind;
pub use plan::{
    Advice, MAX_MOVES_IN_ONE_CORNER, MAX_VIA, Path, PathRequest, PlanError, Step, plan,
};
pub use score::{Breadth, Score};
pub use synthetic::synthetic_ladder_source;
