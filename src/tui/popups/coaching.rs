//! The coaching forms: an action item (new or edited), a topic for the next 1:1, and a rating.
//! The Coaching and Profile tabs open them; each turns its values into a change through the
//! profile's rules.

use super::Popup;
use super::form::{Form, Input};
use crate::profile::competence;
use crate::profile::{Action, Owner, Rater, RatingLevel, TalkingPoint, rules};
use crate::tui::widgets::field::TextField;

/// The owner field's label: the person is named as the manager would say it.
const OWNER: &str = "Owner: their name (or self), manager or another name";

/// The action-item form for `person`: with `editing`, the item at that index as they saw it;
/// else a new one, agreed in `session` (or between sessions when `None`), its owner the
/// person, by name. The owner is typed as `self`, `manager` or a name.
pub fn action_item(
    editing: Option<(Action, usize)>,
    session: Option<String>,
    person: &str,
) -> Popup {
    let seen = editing.as_ref().map(|(seen, _)| seen);
    let what = seen.map(|a| a.text.clone()).unwrap_or_default();
    let owner_typed = seen.map_or(Owner::Own.typed_for(person), |a| a.owner.typed_for(person));
    let due = seen.and_then(|a| a.due).map(|d| d.to_string());
    Popup::Form(Form::new(
        if editing.is_some() {
            "Action item"
        } else {
            "New action item"
        },
        &[
            ("What is to be done", &what, false),
            (OWNER, &owner_typed, false),
            (
                "Due (YYYY-MM-DD, optional)",
                &due.unwrap_or_default(),
                false,
            ),
        ],
        Box::new(move |values, ctx| {
            let Some(p) = ctx.profile() else {
                return Ok(None);
            };
            let (text, due) = (values.text(0), values.date(2)?);
            let owner = Owner::parse(&values.text(1), &p.name);
            if let Some((seen, index)) = &editing {
                return rules::edit_action(seen, *index, text, owner, due, ctx.today())
                    .map_err(|r| r.0);
            }
            let action = Action::new(text, owner, due, ctx.today(), session.clone());
            rules::add_action(p, action).map(Some).map_err(|r| r.0)
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
            let point = TalkingPoint::new(values.text(0), Rater::Manager, ctx.today());
            rules::add_point(p, point).map(Some).map_err(|r| r.0)
        }),
    ))
}

/// A form to rate competency `id` (named `name`): the level chosen from a list (`latest`
/// chosen at first), a note, and who rates — `by` unless the other is chosen.
pub fn rate(id: String, name: &str, by: Rater, latest: Option<RatingLevel>) -> Popup {
    const RATERS: [Rater; 2] = [Rater::Own, Rater::Manager];
    let levels = RatingLevel::ALL.map(RatingLevel::words).to_vec();
    let chosen = latest.and_then(|l| RatingLevel::ALL.iter().position(|&a| a == l));
    let rater = RATERS.iter().position(|&r| r == by);
    Popup::Form(Form::of(
        format!("Rate {}", crate::text::one_line(name)),
        vec![
            ("How is it going?", Input::choice(levels, chosen)),
            ("Note (optional)", Input::text(TextField::wrapped(""))),
            (
                "Rated by",
                Input::choice(RATERS.map(Rater::name).to_vec(), rater),
            ),
        ],
        Box::new(move |values, ctx| {
            let Some(p) = ctx.profile() else {
                return Ok(None);
            };
            let level = RatingLevel::ALL
                .into_iter()
                .find(|l| l.words() == values.text(0))
                .ok_or("choose how it is going with ↑↓, then ⏎ saves")?;
            let by = RATERS
                .into_iter()
                .find(|r| r.name() == values.text(2))
                .unwrap_or(by);
            let note = values.text(1);
            Ok(Some(rules::rate(p, &id, by, level, note, ctx.today())))
        }),
    ))
}

/// The rating form for the competency at `cursor` of `p`'s standings, as `by` by default.
pub fn rate_at(ctx: &crate::tui::context::Ctx, cursor: usize, by: Rater) -> Option<Popup> {
    let p = ctx.profile()?;
    let s = competence::standings(p, &ctx.ladder)
        .into_iter()
        .nth(cursor)?;
    let latest = competence::latest(p, &s.id, by).map(|r| r.level);
    Some(rate(s.id, &s.name, by, latest))
}
