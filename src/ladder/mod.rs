//! The career ladder: model, file format, loading with located errors, moves and planning.
//! Nothing here draws to a terminal.

mod advice;
mod catalog;
mod clock;
pub mod diff;
mod expects;
mod floors;
mod load;
pub mod locate;
mod lookup;
mod model;
mod moves;
mod plan;
mod problem;
mod ron_text;
mod score;
mod search;
mod synthetic;
mod template;
mod validate;
mod write;

pub use catalog::{
    BUNDLED, Catalog, DEFAULT_LADDER_ID, Folder, FolderKind, LadderSource, Listing, ResolveError,
    SHARED_LADDERS_VAR, Scan, find_ladders, resolve, resolve_for_profile,
};
pub use clock::usual_span_words;
pub use expects::{EXPECTATION_RANGE, PROFICIENCY_WORDS, parse_expectation, proficiency_word};
pub use floors::Floor;
pub use load::{
    LadderError, MAX_FILE_BYTES, MAX_LISTED, MAX_NESTING, load_file, load_str, parse_problem,
    ron_options,
};
pub use model::*;
pub use moves::MoveKind;
pub use plan::{
    Advice, MAX_MOVES_IN_ONE_CORNER, MAX_VIA, Path, PathRequest, PlanError, Step, plan,
};
pub use problem::Problem;
pub use score::{Breadth, Score};
pub use synthetic::synthetic_ladder_source;
pub use template::template;
pub use write::to_commented_ron;
