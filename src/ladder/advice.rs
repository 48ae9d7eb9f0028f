//! Advice a path goes against, so the plan can explain itself: each kind, its words, and the
//! advice that follows from the kinds of a path's moves alone.

use super::model::{CornerIdx, Ladder, RoleIdx};
use super::moves::MoveKind;

/// More than this many moves in a row inside one corner breaks the advice.
pub const MAX_MOVES_IN_ONE_CORNER: usize = 2;

/// One move of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub from: RoleIdx,
    pub to: RoleIdx,
    pub kind: MoveKind,
}

/// Advice a path goes against, so the plan can explain itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Advice {
    /// Step `step` (from 0) moves across without moving up.
    LateralWithoutStepUp { step: usize },
    /// Steps `first..first + moves` all stay in one corner.
    TooLongInOneCorner {
        corner: CornerIdx,
        first: usize,
        moves: usize,
    },
    /// Step `step` goes down a level.
    StepDown { step: usize },
    /// Step `step` climbs past one or more levels, from role `from` to role `to`.
    Skip {
        step: usize,
        from: RoleIdx,
        to: RoleIdx,
    },
    /// Step `step` leads `corner`, a function the person has not worked in nor next to.
    UnfamiliarFunction { step: usize, corner: CornerIdx },
    /// Step `step` reaches a specialist chief's role (CTO, CISO, …) with no role in its
    /// `corner` at a leading level below the level under it before it (see
    /// [`Ladder::depth_levels`]), though the ladder has one.
    NoLeadingRoleInCorner { step: usize, corner: CornerIdx },
}

impl Advice {
    /// The step the advice is about (the first, for a run of steps).
    pub fn step(&self) -> usize {
        match *self {
            Advice::LateralWithoutStepUp { step }
            | Advice::StepDown { step }
            | Advice::Skip { step, .. }
            | Advice::UnfamiliarFunction { step, .. }
            | Advice::NoLeadingRoleInCorner { step, .. } => step,
            Advice::TooLongInOneCorner { first, .. } => first,
        }
    }

    pub fn describe(&self, ladder: &Ladder) -> String {
        match *self {
            Advice::LateralWithoutStepUp { step } => format!(
                "step {}: lateral move with no step up — aim to go up and across in one move",
                step + 1
            ),
            Advice::TooLongInOneCorner {
                corner,
                first,
                moves,
            } => format!(
                "steps {}–{}: {moves} moves in a row in {} — spend time in several corners of IT: ask HR which roles are open in others, and weigh a larger employer if yours has few",
                first + 1,
                first + moves,
                ladder.corners()[corner].name
            ),
            Advice::StepDown { step } => format!(
                "step {}: a move down — worth it only for a corner you could not enter otherwise",
                step + 1
            ),
            Advice::Skip { step, from, to } => {
                let passed: Vec<&str> = ladder
                    .levels_passed(from, to)
                    .map(|l| ladder.levels()[l].name.as_str())
                    .collect();
                let passed = passed.join(" and ");
                let why = match ladder.bridge(from, to) {
                    Some(bridge) if !bridge.skip_reason.trim().is_empty() => format!(
                        "this ladder allows it because {}; catch up on the training of {passed} (readiness counts it)",
                        bridge.skip_reason.trim().trim_end_matches('.')
                    ),
                    _ => format!(
                        "this ladder's rules allow at most {} a move — plan a step through {passed}",
                        if ladder.rules().max_step_up == 1 {
                            "one level".to_string()
                        } else {
                            format!("{} levels", ladder.rules().max_step_up)
                        }
                    ),
                };
                format!(
                    "step {}: skips {passed} and the training it carries — {why}",
                    step + 1
                )
            }
            Advice::UnfamiliarFunction { step, corner } => format!(
                "step {}: leading a function you have not worked in — {} is new to you and not next to a corner you have worked in; work in it or a neighbouring corner first",
                step + 1,
                ladder.corners()[corner].name
            ),
            Advice::NoLeadingRoleInCorner { step, corner } => {
                let top = ladder.levels().len() - 1;
                let levels = ladder.depth_levels(corner, top).map_or_else(
                    || "a leading level".to_string(),
                    |(lowest, highest)| {
                        let names: Vec<&str> = (lowest..=highest)
                            .map(|l| ladder.levels()[l].name.as_str())
                            .collect();
                        match names.as_slice() {
                            [one] => format!("{one} level"),
                            [first, last] => format!("{first} or {last} level"),
                            _ => format!("a level from {} to {}", names[0], names[names.len() - 1]),
                        }
                    },
                );
                format!(
                    "step {}: no leading role in {} before it — a chief of a function usually comes from leading a team in it; plan a role there at {levels} first",
                    step + 1,
                    ladder.corners()[corner].name
                )
            }
        }
    }
}

pub(crate) fn advice_for(ladder: &Ladder, steps: &[Step]) -> Vec<Advice> {
    let mut advice = Vec::new();
    for (i, step) in steps.iter().enumerate() {
        match step.kind {
            // At the top there is no level to go up to, so "up and across" cannot be
            // followed: a move between two top roles is advice-free.
            MoveKind::Lateral if ladder.role_level(step.to) + 1 < ladder.levels().len() => {
                advice.push(Advice::LateralWithoutStepUp { step: i })
            }
            MoveKind::Lateral => {}
            MoveKind::Down => advice.push(Advice::StepDown { step: i }),
            MoveKind::Skip => advice.push(Advice::Skip {
                step: i,
                from: step.from,
                to: step.to,
            }),
            MoveKind::Vertical | MoveKind::Diagonal => {}
        }
    }
    // Time in the target's own corner is depth, not a failure to move on.
    let target_corner = steps.last().and_then(|s| ladder.role_corner(s.to));
    let mut i = 0;
    while i < steps.len() {
        let corner = ladder.role_corner(steps[i].from);
        let stays = |s: &Step| corner.is_some() && ladder.role_corner(s.to) == corner;
        let run = steps[i..]
            .iter()
            .take_while(|s| ladder.role_corner(s.from) == corner && stays(s))
            .count();
        if run > MAX_MOVES_IN_ONE_CORNER
            && corner != target_corner
            && let Some(corner) = corner
        {
            advice.push(Advice::TooLongInOneCorner {
                corner,
                first: i,
                moves: run,
            });
        }
        i += run.max(1);
    }
    advice
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{BUNDLED, load_str};

    #[test]
    fn too_long_in_one_corner_says_how_to_get_out_of_it() {
        // Seed 004's two tactics, where they apply: HR knows what is open elsewhere, and a
        // larger employer has more corners to move into.
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let text = Advice::TooLongInOneCorner {
            corner: 0,
            first: 0,
            moves: 3,
        }
        .describe(&ladder);
        assert!(text.starts_with("steps 1–3: 3 moves in a row in"), "{text}");
        assert!(text.contains("ask HR which roles are open"), "{text}");
        assert!(text.contains("a larger employer"), "{text}");
    }
}
