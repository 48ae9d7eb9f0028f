//! The role diff popup: what changes from the current role to the selected one, as the domain
//! works it out.

use ratatui::style::Style;

use crate::ladder::RoleIdx;
use crate::profile::role_diff;
use crate::tui::context::Ctx;
use crate::tui::widgets::line;
use crate::tui::widgets::pager::Pager;

const WIDTH: u16 = 70;

/// What changes from the current role to `to`, to read.
pub fn pager(ctx: &Ctx, to: RoleIdx) -> Pager {
    let profile = ctx.profile();
    let from = profile
        .and_then(|p| ctx.ladder.role_index(&p.current_role))
        .unwrap_or(to);
    let lines = role_diff(profile, &ctx.ladder, from, to)
        .describe(&ctx.ladder)
        .into_iter()
        .map(|text| line(&text, Style::default()))
        .collect();
    Pager::new("What changes (Esc closes)", lines, WIDTH)
}
