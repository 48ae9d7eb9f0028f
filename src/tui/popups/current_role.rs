//! Setting the current role is a promotion (or a move) on the record: the Ladder tab's `c`
//! asks first, with the day it happened (today unless typed), and writes only once saved.

use super::Popup;
use super::form::Form;
use crate::profile::rules;

/// A form that makes `role` (titled `title`) the current role from the day typed; `whose`
/// says whose ("your", or "Priya Sharma's" for a manager looking at a report).
pub fn confirm(role: String, title: &str, whose: &str, today: crate::date::Date) -> Popup {
    let today = today.to_string();
    Popup::Form(Form::new(
        format!(
            "Make {} {whose} current role?",
            crate::text::one_line(title)
        ),
        &[(
            "Since (YYYY-MM-DD) — Enter sets it, Esc leaves it as it is",
            &today,
            false,
        )],
        Box::new(move |values, ctx| {
            let Some(p) = ctx.profile() else {
                return Ok(None);
            };
            let since = values.date(0)?.unwrap_or_else(|| ctx.today());
            rules::dates::role_change_date(since, ctx.today()).map_err(|r| r.0)?;
            match rules::set_current_role(p, &role, since) {
                Some(change) => Ok(Some(change)),
                None => Err("that is already the current role — Esc to close".to_string()),
            }
        }),
    ))
}
