//! Where each role box sits on the ladder canvas: levels top (highest) to bottom, corners left
//! to right, enterprise-wide roles spanning their row. Computed once per ladder; drawing,
//! arrow-key moves and mouse clicks all read it.

use crate::ladder::{Ladder, RoleIdx};

/// A box width: two borders and fourteen columns of title.
pub const CELL_WIDTH: u32 = 16;
/// Columns between two boxes.
pub const GAP: u32 = 1;
/// A box's height: border, title, border.
pub const BOX_HEIGHT: u32 = 3;

/// A rectangle on the canvas (not the screen).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spot {
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

impl Spot {
    fn center(self) -> (i64, i64) {
        (
            i64::from(self.x) + i64::from(self.width) / 2,
            i64::from(self.y) + i64::from(self.height) / 2,
        )
    }
    fn overlaps_rows(self, other: Spot) -> bool {
        self.y < other.y + other.height && other.y < self.y + self.height
    }
    pub fn contains(self, x: u32, y: u32) -> bool {
        x >= self.x && x < self.x + self.width && y >= self.y && y < self.y + self.height
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Left,
    Right,
}

#[derive(Debug, Clone)]
pub struct Grid {
    /// One spot per role, by role index.
    pub spots: Vec<Spot>,
    /// Each level's band of rows (y, height), by level index.
    pub bands: Vec<(u32, u32)>,
    pub width: u32,
    pub height: u32,
}

impl Grid {
    pub fn new(ladder: &Ladder) -> Grid {
        let corners = ladder.corners().len() as u32;
        let column = CELL_WIDTH + GAP;
        let full_width = (corners * column).saturating_sub(GAP).max(CELL_WIDTH);
        let mut spots = vec![
            Spot {
                x: 0,
                y: 0,
                width: 0,
                height: 0,
            };
            ladder.roles().len()
        ];
        let mut bands = vec![(0, 0); ladder.levels().len()];
        let mut y = 0;
        let mut width = full_width;
        for level in (0..ladder.levels().len()).rev() {
            let top = y;
            let roles = ladder.roles_at_level(level);
            let enterprise: Vec<RoleIdx> = roles
                .iter()
                .copied()
                .filter(|&r| ladder.role_corner(r).is_none())
                .collect();
            if !enterprise.is_empty() {
                // Side by side across the whole row, each at least a box wide.
                let count = enterprise.len() as u32;
                let each = ((full_width + GAP) / count)
                    .saturating_sub(GAP)
                    .max(CELL_WIDTH);
                for (i, &r) in enterprise.iter().enumerate() {
                    spots[r] = Spot {
                        x: i as u32 * (each + GAP),
                        y,
                        width: each,
                        height: BOX_HEIGHT,
                    };
                }
                width = width.max(count * (each + GAP) - GAP);
                y += BOX_HEIGHT;
            }
            let mut stacked = vec![0u32; corners as usize];
            for &r in roles {
                if let Some(c) = ladder.role_corner(r) {
                    spots[r] = Spot {
                        x: c as u32 * column,
                        y: y + stacked[c] * BOX_HEIGHT,
                        width: CELL_WIDTH,
                        height: BOX_HEIGHT,
                    };
                    stacked[c] += 1;
                }
            }
            y += stacked.iter().max().copied().unwrap_or(0) * BOX_HEIGHT;
            bands[level] = (top, y - top);
            y += 1; // a blank row between levels
        }
        Grid {
            spots,
            bands,
            width,
            height: y.saturating_sub(1),
        }
    }

    /// The role whose box is nearest in `direction`, if any. Up and down go to the nearest
    /// level first (so a cell holding two stacked roles does not pull the selection across
    /// the screen), then the nearest column, then the nearest row; left and right stay within
    /// the same row of boxes.
    pub fn neighbour(&self, from: RoleIdx, direction: Direction) -> Option<RoleIdx> {
        let here = *self.spots.get(from)?;
        let (hx, hy) = here.center();
        let band = |spot: &Spot| {
            self.bands
                .iter()
                .position(|&(y, height)| spot.y >= y && spot.y < y + height)
                .unwrap_or(0) as i64
        };
        let here_band = band(&here);
        self.spots
            .iter()
            .enumerate()
            .filter(|&(r, _)| r != from)
            .filter_map(|(r, spot)| {
                let (x, y) = spot.center();
                let (dx, dy) = (x - hx, y - hy);
                let levels = (band(spot) - here_band).abs();
                let score = match direction {
                    Direction::Up if spot.y + spot.height <= here.y => (levels, dx.abs(), -dy),
                    Direction::Down if spot.y >= here.y + here.height => (levels, dx.abs(), dy),
                    Direction::Left if dx < 0 && spot.overlaps_rows(here) => (0, dy.abs(), -dx),
                    Direction::Right if dx > 0 && spot.overlaps_rows(here) => (0, dy.abs(), dx),
                    _ => return None,
                };
                Some((score, r))
            })
            .min()
            .map(|(_, r)| r)
    }

    /// The role whose box covers canvas point (x, y).
    pub fn role_at(&self, x: u32, y: u32) -> Option<RoleIdx> {
        self.spots.iter().position(|s| s.contains(x, y))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::{BUNDLED, load_str};

    #[test]
    fn the_top_level_is_drawn_first_and_enterprise_roles_span_the_row() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let grid = Grid::new(&ladder);
        let cio = grid.spots[ladder.role_index("cio").unwrap()];
        let digital = grid.spots[ladder.role_index("chief-digital-officer").unwrap()];
        let sysadmin = grid.spots[ladder.role_index("sysadmin").unwrap()];
        assert_eq!(cio.y, 0);
        assert_eq!((cio.x, digital.y), (0, 0), "side by side");
        assert_eq!(digital.x + digital.width, grid.width);
        assert!(sysadmin.y > cio.y);
        assert_eq!(sysadmin.x, 0);
    }

    #[test]
    fn arrows_move_to_the_nearest_box_in_that_direction() {
        let ladder = load_str(BUNDLED[0].1, "bundled").unwrap();
        let grid = Grid::new(&ladder);
        let id = |r: Option<RoleIdx>| r.map(|r| ladder.role(r).id.clone());
        let sysadmin = ladder.role_index("sysadmin").unwrap();
        assert_eq!(
            id(grid.neighbour(sysadmin, Direction::Up)).as_deref(),
            Some("infra-lead")
        );
        assert_eq!(
            id(grid.neighbour(sysadmin, Direction::Right)).as_deref(),
            Some("developer")
        );
        assert_eq!(grid.neighbour(sysadmin, Direction::Left), None);
        assert_eq!(grid.neighbour(sysadmin, Direction::Down), None);
        let lead_architect = ladder.role_index("lead-architect").unwrap();
        assert_eq!(
            id(grid.neighbour(lead_architect, Direction::Down)).as_deref(),
            Some("enterprise-architect"),
            "the role stacked below in the same cell"
        );
        let svp = ladder.role_index("svp-infra").unwrap();
        assert_eq!(
            id(grid.neighbour(svp, Direction::Up)).as_deref(),
            Some("cio")
        );
    }
}
