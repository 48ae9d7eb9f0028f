//! A change the planner makes to a profile, as the fields it sets. Saving re-reads the file
//! under the lock and applies the pending changes to it, so whatever the shell wrote meanwhile
//! (a `rungs log`, say) is kept; undo applies the inverse change the same way.

use crate::profile::{Evidence, HeldRole, MilestoneProgress, Person, PlanStep, Profile};

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// The current role and the history it moved into.
    Current {
        role: String,
        history: Vec<HeldRole>,
    },
    Target(Option<String>),
    Plan(Vec<PlanStep>),
    Milestone(String, Option<MilestoneProgress>),
    History(Vec<HeldRole>),
    Mentors(Vec<Person>),
    Mentees(Vec<Person>),
    AddEvidence(Evidence),
    RemoveEvidence(Evidence),
}

impl Change {
    pub fn apply(&self, p: &mut Profile) {
        match self {
            Change::Current { role, history } => {
                p.current_role = role.clone();
                p.history = history.clone();
            }
            Change::Target(target) => p.target_role = target.clone(),
            Change::Plan(plan) => p.plan = plan.clone(),
            Change::Milestone(id, Some(progress)) => {
                p.milestones.insert(id.clone(), progress.clone());
            }
            Change::Milestone(id, None) => {
                p.milestones.remove(id);
            }
            Change::History(history) => p.history = history.clone(),
            Change::Mentors(people) => p.mentors = people.clone(),
            Change::Mentees(people) => p.mentees = people.clone(),
            Change::AddEvidence(entry) => p.evidence.push(entry.clone()),
            Change::RemoveEvidence(entry) => {
                if let Some(i) = p.evidence.iter().rposition(|e| e == entry) {
                    p.evidence.remove(i);
                }
            }
        }
    }

    /// The change that undoes this one, given the profile before it.
    pub fn inverse(&self, before: &Profile) -> Change {
        match self {
            Change::Current { .. } => Change::Current {
                role: before.current_role.clone(),
                history: before.history.clone(),
            },
            Change::Target(_) => Change::Target(before.target_role.clone()),
            Change::Plan(_) => Change::Plan(before.plan.clone()),
            Change::Milestone(id, _) => {
                Change::Milestone(id.clone(), before.milestones.get(id).cloned())
            }
            Change::History(_) => Change::History(before.history.clone()),
            Change::Mentors(_) => Change::Mentors(before.mentors.clone()),
            Change::Mentees(_) => Change::Mentees(before.mentees.clone()),
            Change::AddEvidence(entry) => Change::RemoveEvidence(entry.clone()),
            Change::RemoveEvidence(entry) => Change::AddEvidence(entry.clone()),
        }
    }

    /// What the status line says once it is saved.
    pub fn describe(&self) -> &'static str {
        match self {
            Change::Current { .. } => "current role set",
            Change::Target(_) => "target set",
            Change::Plan(_) => "plan saved",
            Change::Milestone(..) => "milestone saved",
            Change::History(_) => "history saved",
            Change::Mentors(_) => "mentors saved",
            Change::Mentees(_) => "mentees saved",
            Change::AddEvidence(_) => "evidence added",
            Change::RemoveEvidence(_) => "evidence removed",
        }
    }
}
