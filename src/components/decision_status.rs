use super::notice_prop::NoticeProp;
use super::user_input::from_user;
use consent_core::Choice;
use yew::prelude::*;

/// What happened to the latest decision, as the user is told after the dialog closed.
#[derive(Clone, Debug, PartialEq)]
pub enum Record {
    /// Signed and on its way to the backend.
    Sending(Choice),
    /// Kept on this device until the backend can be reached.
    Queued(Choice),
    /// The backend acknowledged it, at `at_ms` (ms since the epoch).
    Recorded { choice: Choice, at_ms: f64 },
    /// The backend refused it, or it could not be signed; `code` is the problem's.
    NotRecorded { choice: Choice, code: AttrValue },
}

pub struct DecisionStatusProps {
    pub notice: NoticeProp,
    /// `None` shows nothing.
    pub record: Option<Record>,
    /// "Try again" after [`Record::NotRecorded`], with the choice that was not recorded.
    pub on_retry: Callback<Choice>,
    pub on_dismiss: Callback<()>,
}

/// Tells the user whether their choice was recorded, and if not, why, with a way to
/// try again. Polite while all goes well; an alert when the choice was not recorded.
/// A function rather than a component (see `consent_prompt`).
pub fn decision_status(props: &DecisionStatusProps) -> Html {
    let Some(record) = &props.record else {
        return html! {};
    };
    let s = &props.notice.status;
    let label = |c: Choice| props.notice.choice(c).map_or("", |t| t.label);
    let (state, text) = match record {
        Record::Sending(_) => ("sending", s.sending.to_owned()),
        Record::Queued(_) => ("queued", s.queued.to_owned()),
        Record::Recorded {
            choice: Choice::Withdraw,
            ..
        } => ("recorded", s.withdrawn.to_owned()),
        Record::Recorded { choice, .. } => ("recorded", fill(s.recorded, label(*choice))),
        Record::NotRecorded { code, .. } => ("not-recorded", fill(s.not_recorded, s.reason(code))),
    };
    let when = match record {
        Record::Recorded { at_ms, .. } => {
            Some(fill(s.recorded_on, &local_time(*at_ms, props.notice.lang)))
        }
        _ => None,
    };
    let failed = matches!(record, Record::NotRecorded { .. });
    let retry = {
        let on_retry = props.on_retry.clone();
        let choice = match record {
            Record::Sending(c)
            | Record::Queued(c)
            | Record::Recorded { choice: c, .. }
            | Record::NotRecorded { choice: c, .. } => *c,
        };
        move |e: MouseEvent| {
            if from_user(&e) {
                on_retry.emit(choice)
            }
        }
    };
    let dismiss = {
        let on_dismiss = props.on_dismiss.clone();
        move |e: MouseEvent| {
            if from_user(&e) {
                on_dismiss.emit(())
            }
        }
    };
    html! {
        <div class="record" data-record={state} role={if failed { "alert" } else { "status" }}>
            <p>{ text }</p>
            if let Some(when) = when {
                <p class="record-when">{ when }</p>
            }
            <div class="record-actions">
                if failed {
                    <button type="button" data-action="retry" onclick={retry}>{ s.try_again }</button>
                }
                <button type="button" data-action="dismiss" onclick={dismiss}>{ s.dismiss }</button>
            </div>
        </div>
    }
}

/// `at_ms` as a date and time the reader of `locale` writes, by the browser's `Intl`.
fn local_time(at_ms: f64, locale: &str) -> String {
    let options = crate::js::object(&[("dateStyle", "long".into()), ("timeStyle", "short".into())]);
    js_sys::Date::new(&at_ms.into())
        .to_locale_string(locale, &options)
        .into()
}

/// `template` with its one `{name}` placeholder replaced by `value`. Split on the
/// braces rather than with `str::replace`, whose substring search costs the wasm more.
fn fill(template: &str, value: &str) -> String {
    match template
        .split_once('{')
        .and_then(|(a, rest)| Some((a, rest.split_once('}')?.1)))
    {
        Some((before, after)) => format!("{before}{value}{after}"),
        None => template.to_owned(),
    }
}
