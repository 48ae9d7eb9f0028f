//! How a picture of the ladder arranges its roles: levels top to bottom from the most senior,
//! corners left to right, a level's enterprise-wide roles across all its corners. The planner's
//! graph and the exported SVG both start from this, so they place every role alike.

use super::model::{Ladder, LevelIdx, RoleIdx};

/// One level of a picture of the ladder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Floor {
    pub level: LevelIdx,
    /// The level's enterprise-wide roles, left to right across the corners.
    pub enterprise: Vec<RoleIdx>,
    /// The level's roles in each corner, by corner index, top to bottom.
    pub cells: Vec<Vec<RoleIdx>>,
}

impl Floor {
    /// The corner roles as rows: the first role of every cell, then the second, and so on, each
    /// row left to right.
    pub fn stacked(&self) -> Vec<Vec<RoleIdx>> {
        let depth = self.cells.iter().map(Vec::len).max().unwrap_or(0);
        (0..depth)
            .map(|i| {
                self.cells
                    .iter()
                    .filter_map(|c| c.get(i).copied())
                    .collect()
            })
            .collect()
    }
}

impl Ladder {
    /// The ladder's levels as a picture shows them, the most senior first.
    pub fn floors(&self) -> Vec<Floor> {
        (0..self.levels().len())
            .rev()
            .map(|level| {
                let mut floor = Floor {
                    level,
                    enterprise: Vec::new(),
                    cells: vec![Vec::new(); self.corners().len()],
                };
                for &role in self.roles_at_level(level) {
                    match self.role_corner(role) {
                        Some(corner) => floor.cells[corner].push(role),
                        None => floor.enterprise.push(role),
                    }
                }
                floor
            })
            .collect()
    }
}
