//! The widget's state machine. Every change the user or the host asks for is an
//! [`Action`]; host events are derived from the resulting transitions.

use crate::components::NoticeProp;
use consent_core::catalogue::CURRENT_VERSION;
use consent_core::Choice;
pub use consent_core::Policy;
use std::rc::Rc;
use yew::Reducible;

/// What is on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Closed,
    Prompt,
    Manage,
}

impl View {
    pub fn as_str(self) -> &'static str {
        match self {
            View::Closed => "closed",
            View::Prompt => "prompt",
            View::Manage => "manage",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct State {
    pub view: View,
    /// The latest decision, from this session or handed in by the host.
    pub decision: Option<Choice>,
    /// The notice version `decision` was made on, when known: the backend names it, and
    /// a decision made here is on the version shown. `None` for the host's word.
    pub decided_on: Option<u32>,
    /// Counts decisions made in this widget, so each one is reported exactly once.
    pub decisions_made: u32,
    pub policy: Policy,
    /// `(decision, decided_on)` as the backend last acknowledged them (or recalled, or
    /// the host handed in): what a refused decision falls back to.
    pub settled: (Option<Choice>, Option<u32>),
    /// The notice shown, in the reader's language once the backend has sent it.
    pub notice: NoticeProp,
}

impl State {
    pub fn new(policy: Policy, decision: Option<Choice>, notice: NoticeProp) -> Self {
        State {
            notice,
            view: View::Closed,
            decision,
            decided_on: None,
            decisions_made: 0,
            policy,
            settled: (decision, None),
        }
    }

    /// The version `decision` was made on, if that is older than the one shown today:
    /// then `prompt()` asks again and says what changed.
    pub fn outdated(&self) -> Option<u32> {
        self.decided_on
            .filter(|v| self.decision.is_some() && *v != CURRENT_VERSION)
    }

    /// A decision that stands: made on the notice shown today (or handed in by the
    /// host) and not a withdrawal. `prompt()` resolves with it at once.
    pub fn standing_decision(&self) -> Option<Choice> {
        self.decision
            .filter(|c| *c != Choice::Withdraw && self.outdated().is_none())
    }

    /// Whether the accounts are connected after the latest decision.
    pub fn is_connected(&self) -> bool {
        self.decision.is_some_and(Choice::is_connected)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    OpenPrompt,
    OpenManage,
    /// A choice made in the open view. Ignored unless that view offers it, so a
    /// double Escape or a click racing a close records one decision.
    Decide(Choice),
    /// Escape or the dialog's cancel request: "not now" in the prompt, close elsewhere.
    Dismiss,
    Close,
    /// The backend's word on the tenant policy, which overrides the host's.
    SetPolicy(Policy),
    /// The backend's record of the latest decision and the notice version it was made
    /// on. Ignored once this widget has made a decision itself, which is newer.
    Recall {
        choice: Choice,
        notice_ver: u32,
    },
    /// The backend acknowledged `choice`, made here on the notice shown.
    Acknowledged(Choice),
    /// The backend refused the latest decision made here: the state goes back to
    /// what it last acknowledged, so the prompt asks again.
    Refused,
    /// The notice to show from now on: the reader's language has arrived.
    ShowNotice(NoticeProp),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            // The manage view stays open: disconnecting never needs the tenant's say.
            Action::SetPolicy(policy) if policy != self.policy => State {
                policy,
                view: if policy == Policy::Enabled || self.view == View::Manage {
                    self.view
                } else {
                    View::Closed
                },
                ..*self
            },
            Action::Recall { choice, notice_ver } if self.decisions_made == 0 => State {
                decision: Some(choice),
                decided_on: Some(notice_ver),
                settled: (Some(choice), Some(notice_ver)),
                ..*self
            },
            Action::Acknowledged(choice) => State {
                settled: (Some(choice), Some(CURRENT_VERSION)),
                ..*self
            },
            Action::Refused if (self.decision, self.decided_on) != self.settled => State {
                decision: self.settled.0,
                decided_on: self.settled.1,
                ..*self
            },
            Action::ShowNotice(notice) if notice != self.notice => State { notice, ..*self },
            Action::OpenPrompt if self.policy != Policy::Enabled => return self,
            Action::OpenPrompt if self.view != View::Prompt => State {
                view: View::Prompt,
                ..*self
            },
            Action::OpenManage if self.view != View::Manage => State {
                view: View::Manage,
                ..*self
            },
            Action::Decide(choice) if self.offers(choice) => State {
                view: View::Closed,
                decision: Some(choice),
                decided_on: Some(CURRENT_VERSION),
                decisions_made: self.decisions_made + 1,
                ..*self
            },
            Action::Dismiss if self.view == View::Prompt => {
                return self.reduce(Action::Decide(Choice::NotNow))
            }
            Action::Dismiss | Action::Close if self.view != View::Closed => State {
                view: View::Closed,
                ..*self
            },
            _ => return self,
        };
        Rc::new(next)
    }
}

impl State {
    fn offers(&self, choice: Choice) -> bool {
        if !choice.allowed_under(self.policy) {
            return false;
        }
        match self.view {
            View::Prompt => Choice::OFFERED.contains(&choice),
            View::Manage => choice == Choice::Withdraw && self.is_connected(),
            View::Closed => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> NoticeProp {
        NoticeProp(consent_core::catalogue::notice("en"))
    }

    fn run(state: State, actions: &[Action]) -> State {
        let mut s = Rc::new(state);
        for a in actions {
            s = s.reduce(*a);
        }
        (*s).clone()
    }

    #[test]
    fn escape_in_the_prompt_records_not_now_once() {
        let s = run(
            State::new(Policy::Enabled, None, en()),
            &[Action::OpenPrompt, Action::Dismiss, Action::Dismiss],
        );
        assert_eq!(s.decision, Some(Choice::NotNow));
        assert_eq!(s.decisions_made, 1);
        assert_eq!(s.view, View::Closed);
    }

    #[test]
    fn a_choice_counts_only_while_its_view_is_open() {
        let s = run(
            State::new(Policy::Enabled, None, en()),
            &[Action::Decide(Choice::BothWays)],
        );
        assert_eq!(s.decision, None);
        let s = run(
            State::new(Policy::Enabled, None, en()),
            &[
                Action::OpenPrompt,
                Action::Decide(Choice::LinkedinOnly),
                Action::Decide(Choice::BothWays),
            ],
        );
        assert_eq!(s.decision, Some(Choice::LinkedinOnly));
        assert_eq!(s.decisions_made, 1);
    }

    #[test]
    fn withdraw_only_from_manage_and_only_when_connected() {
        let s = run(
            State::new(Policy::Enabled, Some(Choice::NotNow), en()),
            &[Action::OpenManage, Action::Decide(Choice::Withdraw)],
        );
        assert_eq!(s.decision, Some(Choice::NotNow));
        assert_eq!(s.view, View::Manage);
        let s = run(
            State::new(Policy::Enabled, Some(Choice::BothWays), en()),
            &[Action::OpenPrompt, Action::Decide(Choice::Withdraw)],
        );
        assert_eq!(s.decision, Some(Choice::BothWays));
        let s = run(
            State::new(Policy::Enabled, Some(Choice::BothWays), en()),
            &[Action::OpenManage, Action::Decide(Choice::Withdraw)],
        );
        assert_eq!(s.decision, Some(Choice::Withdraw));
        assert!(!s.is_connected());
    }

    #[test]
    fn escape_in_manage_just_closes() {
        let s = run(
            State::new(Policy::Enabled, Some(Choice::BothWays), en()),
            &[Action::OpenManage, Action::Dismiss],
        );
        assert_eq!((s.view, s.decision), (View::Closed, Some(Choice::BothWays)));
    }

    #[test]
    fn a_policy_turned_off_closes_what_is_open() {
        let s = run(
            State::new(Policy::Enabled, None, en()),
            &[
                Action::OpenPrompt,
                Action::SetPolicy(Policy::Off),
                Action::OpenPrompt,
            ],
        );
        assert_eq!((s.view, s.policy), (View::Closed, Policy::Off));
        let s = run(s, &[Action::SetPolicy(Policy::Enabled), Action::OpenPrompt]);
        assert_eq!(s.view, View::Prompt);
    }

    #[test]
    fn with_the_tenant_saying_no_only_manage_opens_and_disconnecting_still_works() {
        for policy in [Policy::Off, Policy::NotInGroup] {
            let s = run(State::new(policy, None, en()), &[Action::OpenPrompt]);
            assert_eq!(s.view, View::Closed);
            let s = run(
                State::new(policy, Some(Choice::BothWays), en()),
                &[Action::OpenManage, Action::OpenPrompt],
            );
            assert_eq!(s.view, View::Manage, "{policy:?}: manage stays reachable");
            let s = run(s, &[Action::Decide(Choice::Withdraw)]);
            assert_eq!(s.decision, Some(Choice::Withdraw));
            assert_eq!(s.decisions_made, 1);
        }
        // A policy turned off while the manage view is open leaves it open.
        let s = run(
            State::new(Policy::Enabled, Some(Choice::LinkedinOnly), en()),
            &[Action::OpenManage, Action::SetPolicy(Policy::Off)],
        );
        assert_eq!(s.view, View::Manage);
    }

    #[test]
    fn a_decision_on_an_older_notice_does_not_stand() {
        let old = CURRENT_VERSION - 1;
        let s = run(
            State::new(Policy::Enabled, None, en()),
            &[Action::Recall {
                choice: Choice::BothWays,
                notice_ver: old,
            }],
        );
        assert_eq!(s.decision, Some(Choice::BothWays));
        assert_eq!((s.outdated(), s.standing_decision()), (Some(old), None));
        // Deciding again makes it current.
        let s = run(
            s,
            &[Action::OpenPrompt, Action::Decide(Choice::LinkedinOnly)],
        );
        assert_eq!(s.outdated(), None);
        assert_eq!(s.standing_decision(), Some(Choice::LinkedinOnly));
        // The backend's older record never replaces a decision made here.
        let s = run(
            s,
            &[Action::Recall {
                choice: Choice::NotNow,
                notice_ver: old,
            }],
        );
        assert_eq!(s.decision, Some(Choice::LinkedinOnly));
        let current = run(
            State::new(Policy::Enabled, None, en()),
            &[Action::Recall {
                choice: Choice::NotNow,
                notice_ver: CURRENT_VERSION,
            }],
        );
        assert_eq!(current.standing_decision(), Some(Choice::NotNow));
    }

    #[test]
    fn a_refused_decision_falls_back_to_the_acknowledged_one() {
        let s = run(
            State::new(Policy::Enabled, None, en()),
            &[
                Action::OpenPrompt,
                Action::Decide(Choice::BothWays),
                Action::Acknowledged(Choice::BothWays),
                Action::OpenManage,
                Action::Decide(Choice::Withdraw),
                Action::Refused,
            ],
        );
        // The withdrawal was not recorded: still connected, and it can be tried again.
        assert_eq!(s.decision, Some(Choice::BothWays));
        assert!(s.is_connected());
        assert_eq!(s.standing_decision(), Some(Choice::BothWays));
        // A first decision refused leaves none, so prompt() asks again.
        let s = run(
            State::new(Policy::Enabled, None, en()),
            &[
                Action::OpenPrompt,
                Action::Decide(Choice::NotNow),
                Action::Refused,
            ],
        );
        assert_eq!((s.decision, s.standing_decision()), (None, None));
        let s = run(s, &[Action::OpenPrompt]);
        assert_eq!(s.view, View::Prompt);
    }

    #[test]
    fn the_reader_s_language_replaces_the_default_without_touching_the_rest() {
        let nl: &'static consent_core::catalogue::Notice = Box::leak(Box::new(
            consent_core::catalogue::notice("en")
                .with_texts(
                    "nl",
                    &vec![String::from("x"); consent_core::catalogue::notice("en").texts().len()],
                )
                .unwrap(),
        ));
        let before = run(
            State::new(Policy::Enabled, Some(Choice::BothWays), en()),
            &[Action::OpenPrompt],
        );
        let after = run(before.clone(), &[Action::ShowNotice(NoticeProp(nl))]);
        assert_eq!(after.notice.lang, "nl");
        assert_eq!(
            State {
                notice: en(),
                ..after
            },
            before
        );
    }
}
