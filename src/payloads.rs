//! The values the host page receives: `prompt()` outcomes, `state()`, and the details
//! of the `consent:*` events. Each is a typed struct whose [`ToJs`] shape is the
//! TypeScript type of the same name in `api/types.rs`.

use crate::js::{extend, object, or_null, ToJs};
use crate::state::{Policy, State, View};
use consent_core::{Choice, Direction, NoticeRef};
use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;

/// `ConsentDecision`: the outcome of `prompt()` and the detail of `consent:decision`.
///
/// ```text
/// let outcome = Decided::existing(Choice::LinkedinOnly, "nl").to_js();
/// // {status: "decided", choice: "linkedin_only", flows: {...}, lang: "nl", notice: null}
/// ```
pub struct Decided<'a> {
    choice: Choice,
    /// The locale the widget showed (for an acknowledged decision, the notice's).
    lang: &'a str,
    /// `None` for a decision the host passed in: this widget did not show its notice,
    /// and the backend has not acknowledged anything.
    acknowledged: Option<Acknowledged<'a>>,
}

/// What the backend's acknowledgement adds to a decision.
struct Acknowledged<'a> {
    notice: &'a NoticeRef,
    jti: &'a str,
    token: &'a str,
    /// Whatever JSON the backend sent, passed on untouched.
    receipt: JsValue,
}

impl<'a> Decided<'a> {
    /// A decision the backend acknowledged, made on `notice`.
    pub fn acknowledged(
        choice: Choice,
        notice: &'a NoticeRef,
        jti: &'a str,
        token: &'a str,
        receipt: JsValue,
    ) -> Self {
        let acknowledged = Acknowledged {
            notice,
            jti,
            token,
            receipt,
        };
        Decided {
            choice,
            lang: &notice.lang,
            acknowledged: Some(acknowledged),
        }
    }

    /// A decision the host passed in through the options, or the backend recalled,
    /// while the widget shows locale `lang`.
    pub fn existing(choice: Choice, lang: &'a str) -> Self {
        Decided {
            choice,
            lang,
            acknowledged: None,
        }
    }
}

impl ToJs for Decided<'_> {
    fn to_js(&self) -> JsValue {
        let acknowledged = self.acknowledged.as_ref();
        let decided = object(&[
            ("status", "decided".into()),
            ("choice", self.choice.as_str().into()),
            ("flows", flows(self.choice)),
            ("lang", self.lang.into()),
            ("notice", or_null(acknowledged.map(|a| notice(a.notice)))),
        ]);
        if let Some(a) = acknowledged {
            extend(
                &decided,
                &[
                    ("jti", a.jti.into()),
                    ("token", a.token.into()),
                    ("receipt", a.receipt.clone()),
                ],
            );
        }
        decided
    }
}

/// The `flows` of a choice: every offered category of each direction mapped to whether
/// it flows, in the order the prompt shows them.
fn flows(choice: Choice) -> JsValue {
    let out = Object::new();
    for d in Direction::ALL {
        let cats = Object::new();
        for c in d.categories() {
            let _ = Reflect::set(&cats, &c.as_str().into(), &choice.allows(d).into());
        }
        let _ = Reflect::set(&out, &d.as_str().into(), &cats);
    }
    out.into()
}

fn notice(n: &NoticeRef) -> JsValue {
    object(&[
        ("id", n.id.as_str().into()),
        ("ver", n.ver.into()),
        ("lang", n.lang.as_str().into()),
        ("sha256", n.sha256.as_str().into()),
    ])
}

/// `ConsentUnavailable`: the outcome of `prompt()` and the detail of
/// `consent:unavailable` when the tenant's policy leaves this user out.
pub struct Unavailable {
    pub reason: Policy,
    /// A sentence for the user, in the widget's language.
    pub message: &'static str,
}

impl ToJs for Unavailable {
    fn to_js(&self) -> JsValue {
        object(&[
            ("status", "unavailable".into()),
            ("reason", self.reason.as_str().into()),
            ("message", self.message.into()),
        ])
    }
}

/// `ConsentState`, what `state()` returns.
pub struct StateSnapshot<'a>(pub &'a State);

impl ToJs for StateSnapshot<'_> {
    fn to_js(&self) -> JsValue {
        let s = self.0;
        object(&[
            ("view", s.view.as_str().into()),
            ("decision", or_null(s.decision.map(Choice::as_str))),
            ("connected", s.is_connected().into()),
            ("policy", s.policy.as_str().into()),
            ("decisionNoticeVersion", or_null(s.decided_on)),
            ("upToDate", s.standing_decision().is_some().into()),
            ("lang", s.notice.lang.into()),
        ])
    }
}

/// The detail of `consent:open` and `consent:close`: the view that opened or closed.
pub struct ViewChange(pub View);

impl ToJs for ViewChange {
    fn to_js(&self) -> JsValue {
        object(&[("view", self.0.as_str().into())])
    }
}

/// The detail of `consent:pending`: a decision waits for a backend it cannot reach.
pub struct Pending<'a> {
    pub choice: Choice,
    /// `None` while the decision is not signed yet.
    pub jti: Option<&'a str>,
    pub reason: &'a str,
}

impl ToJs for Pending<'_> {
    fn to_js(&self) -> JsValue {
        object(&[
            ("choice", self.choice.as_str().into()),
            ("jti", or_null(self.jti)),
            ("reason", self.reason.into()),
        ])
    }
}

/// The detail of `consent:error`.
pub struct Problem<'a> {
    /// The backend's problem type, or the widget's own code (`signing-failed`, ...).
    pub code: &'a str,
    pub message: &'a str,
}

impl ToJs for Problem<'_> {
    fn to_js(&self) -> JsValue {
        object(&[("code", self.code.into()), ("message", self.message.into())])
    }
}
