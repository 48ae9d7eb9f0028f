//! The coaching forms: an action item (new or edited), a topic for the next 1:1, and a rating.
//! The Coaching and Profile tabs open them; each turns its values into a change through the
//! profile's rules.

use super::Popup;
use super::form::{Form, Values};
use crate::profile::competence;
use crate::profile::{Action, Owner, Rater, RatingLevel, Status, TalkingPoint, rules};

/// The owner typed in a form: `self`, `manager` or a name.
fn owner(values: &Values, field: usize, person: &str) -> Owner {
    Owner::parse(&values.text(field), person)
}

/// The owner field's label: the person is named as the manager would say it.
const OWNER: &str = "Owner: their name (or self), manager or another name";

/// A form for a new action item for `person`, agreed in `session` (or between sessions when
/// `None`); the owner starts as the person, by name.
pub fn new_action(session: Option<String>, person: &str) -> Popup {
    let owner_typed = Owner::Own.typed_for(person);
    Popup::Form(Form::new(
        "New action item",
        &[
            ("What is to be done", "", false),
            (OWNER, &owner_typed, false),
            ("Due (YYYY-MM-DD, optional)", "", false),
        ],
        Box::new(move |values, ctx| {
            let Some(p) = ctx.profile() else {
                return Ok(None);
            };
            let action = Action {
                id: 0,
                seq: 0,
                changed: 0,
                text: values.text(0),
                owner: owner(values, 1, &p.name),
                due: values.date(2)?,
                status: Status::Todo,
                added: ctx.today(),
                session: session.clone(),
            };
            rules::add_action(p, action).map(Some).map_err(|r| r.0)
        }),
    ))
}

/// A form to edit `seen`, the action item at `index` of `person`'s as they saw it.
pub fn edit_action(seen: Action, index: usize, person: &str) -> Popup {
    let due = seen.due.map(|d| d.to_string()).unwrap_or_default();
    let typed_owner = seen.owner.typed_for(person);
    let what = seen.text.clone();
    Popup::Form(Form::new(
        "Action item",
        &[
            ("What is to be done", &what, false),
            (OWNER, &typed_owner, false),
            ("Due (YYYY-MM-DD, optional)", &due, false),
        ],
        Box::new(move |values, ctx| {
            let Some(p) = ctx.profile() else {
                return Ok(None);
            };
            rules::edit_action(
                &seen,
                index,
                values.text(0),
                owner(values, 1, &p.name),
                values.date(2)?,
                ctx.today(),
            )
            .map_err(|r| r.0)
        }),
    ))
}

/// Asks before a second 1:1 with `name` on `today`: `n` opens the one already held.
pub fn another_session(name: &str, today: crate::date::Date) -> Popup {
    Popup::Form(Form::new(
        format!(
            "A 1:1 with {} is already held today",
            crate::text::one_line(name)
        ),
        &[("Start a second one today? Type yes (Esc: no)", "", false)],
        Box::new(move |values, ctx| {
            if !values.text(0).eq_ignore_ascii_case("yes") {
                return Err("type yes to start a second 1:1 today, or Esc".to_string());
            }
            let Some(p) = ctx.profile() else {
                return Ok(None);
            };
            let start = rules::SessionStart::default();
            Ok(Some(rules::start_session(p, &ctx.ladder, today, start).0))
        }),
    ))
}

/// A form for a topic the manager wants to raise at the next 1:1.
pub fn new_topic() -> Popup {
    Popup::Form(Form::new(
        "A topic for the next 1:1",
        &[(
            "Topic (theirs, raised from the shell, come first)",
            "",
            false,
        )],
        Box::new(|values, ctx| {
            let Some(p) = ctx.profile() else {
                return Ok(None);
            };
            let point = TalkingPoint {
                id: 0,
                seq: 0,
                text: values.text(0),
                by: Rater::Manager,
                added: ctx.today(),
                closed_in: None,
            };
            rules::add_point(p, point).map(Some).map_err(|r| r.0)
        }),
    ))
}

/// Who a form says is rating: `self` or `manager`, or the start of either.
fn rater(typed: &str) -> Result<Rater, String> {
    let typed = typed.trim().to_lowercase();
    if !typed.is_empty() && "self".starts_with(&typed) {
        Ok(Rater::Own)
    } else if !typed.is_empty() && "manager".starts_with(&typed) {
        Ok(Rater::Manager)
    } else {
        Err("who is rating? type self or manager".to_string())
    }
}

/// A form to rate competency `id` (named `name`), as `by` unless the person types the other.
pub fn rate(id: String, name: &str, by: Rater, latest: Option<RatingLevel>) -> Popup {
    let level = latest.map(RatingLevel::words).unwrap_or_default();
    Popup::Form(Form::new(
        format!("Rate {}", crate::text::one_line(name)),
        &[
            ("Below, working towards, meeting or exceeding", level, false),
            ("By: self or manager", by.name(), false),
            ("Note (optional)", "", true),
        ],
        Box::new(move |values, ctx| {
            let Some(p) = ctx.profile() else {
                return Ok(None);
            };
            let level = RatingLevel::parse(&values.text(0)).ok_or_else(|| {
                "how is it going? type below, working towards, meeting or exceeding (the start of one will do)".to_string()
            })?;
            let by = rater(&values.text(1))?;
            Ok(Some(rules::rate(
                p,
                &id,
                by,
                level,
                values.text(2),
                ctx.today(),
            )))
        }),
    ))
}

/// The rating form for the competency at `cursor` of `p`'s standings, as `by` by default.
pub fn rate_at(ctx: &crate::tui::context::Ctx, cursor: usize, by: Rater) -> Option<Popup> {
    let p = ctx.profile()?;
    let standings = competence::standings(p, &ctx.ladder);
    let s = standings.get(cursor)?;
    let latest = match by {
        Rater::Own => s.own.as_ref(),
        Rater::Manager => s.manager.as_ref(),
    }
    .map(|r| r.level);
    Some(rate(s.id.clone(), &s.name, by, latest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rater_is_self_or_manager_or_the_start_of_either() {
        assert_eq!(rater("Self"), Ok(Rater::Own));
        assert_eq!(rater(" m "), Ok(Rater::Manager));
        assert!(rater("").is_err());
        assert!(rater("boss").is_err());
    }
}
