//! Demo sign-in and sign-out, and challenges.

use crate::blocking::blocking;
use crate::cookie::{stored_session_id, SessionCookie};
use crate::identity::Identity;
use crate::ledger;
use crate::nonce::Binding;
use crate::problem::Problem;
use crate::state::AppState;
use crate::time::{now_secs, rfc3339};
use axum::extract::{rejection::JsonRejection, ConnectInfo, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64ct::{Base64UrlUnpadded, Encoding};
use consent_core::catalogue;
use consent_core::{Challenge, ChallengeRequest, Choice, LastDecision, NoticeRef};
use serde::Deserialize;
use serde_json::json;
use std::net::SocketAddr;
use std::sync::Arc;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignIn {
    user: String,
}

fn demo_only(state: &AppState) -> Result<(), Problem> {
    if state.config.demo_enabled() {
        return Ok(());
    }
    Err(Problem::new(
        StatusCode::NOT_FOUND,
        "not-demo",
        "Not available",
        "demo sign-in is off; authenticate through the trusted header",
    ))
}

/// `POST /v1/session`: signs in as a named demo user.
pub async fn sign_in(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    body: Result<Json<SignIn>, JsonRejection>,
) -> Result<Response, Problem> {
    // Every sign-in stores a session, so a client may not mint them without bound; the
    // per-session allowance cannot apply before there is a session.
    state.limit_address(&state.rate, "sign-in", peer.ip(), now_secs())?;
    let Json(SignIn { user }) = body.map_err(super::bad_json)?;
    demo_only(&state)?;
    if !state.config.users.contains(&user) {
        return Err(Problem::bad_request(
            "unknown-user",
            format!(
                "{user:?} is not a demo user; try one of {:?}",
                state.config.users
            ),
        ));
    }
    let id = random_b64(16);
    let store = state.store.clone();
    let (stored, u) = (stored_session_id(&id), user.clone());
    blocking(move || store.create_session(&stored, &u, now_secs())).await?;
    let cookie = SessionCookie::new(&state.config).set(&id);
    let sub = state.subjects.subject_of(&user);
    let body = json!({"user": user, "sub": sub, "policy": state.policy_for(&user)});
    Ok(([(header::SET_COOKIE, cookie)], Json(body)).into_response())
}

/// `DELETE /v1/session`: signs out. The session is deleted on the server (a copy of
/// the cookie is worthless from then on) and the browser told to forget it. `204`
/// whether or not there was a session, so signing out twice is no error.
pub async fn sign_out(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    demo_only(&state)?;
    let cookie = SessionCookie::new(&state.config);
    if let Some(value) = cookie.read(&headers) {
        let store = state.store.clone();
        let stored = stored_session_id(&value);
        blocking(move || store.delete_session(&stored)).await?;
    }
    Ok((
        StatusCode::NO_CONTENT,
        [(header::SET_COOKIE, cookie.clear())],
    )
        .into_response())
}

/// `GET /v1/session`: who is signed in.
pub async fn whoami(
    State(state): State<Arc<AppState>>,
    who: Identity,
) -> Result<Json<serde_json::Value>, Problem> {
    Ok(Json(
        json!({"user": who.user, "sub": who.sub, "policy": state.policy_for(&who.user)}),
    ))
}

/// `POST /v1/challenge`: a single-use nonce for this session, the notice to show (in
/// the first of the reader's languages it is written in, with the link targets the
/// widget says it shows, and its text when asked for), whether this user may be
/// prompted, and their latest decision.
pub async fn challenge(
    State(state): State<Arc<AppState>>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    // Who is asking is looked up before the body is read, but a refusal waits until
    // here: an oversized body is refused as such (413) even without a session.
    who: Result<Identity, Problem>,
    body: axum::body::Bytes,
) -> Result<Json<Challenge>, Problem> {
    let now = now_secs();
    // A challenge costs no write (see `crate::nonce`), but it does read the latest
    // decision: one address may not force that without bound by spreading its
    // requests over many sessions.
    state.limit_address(&state.address_rate, "challenge", peer.ip(), now)?;
    let who = who?;
    state.rate.check(&who.session_id, now)?;
    // The body is optional (widgets that do not localise send none), so it is parsed
    // here rather than by an extractor that would insist on a Content-Type.
    let request: ChallengeRequest = if body.iter().all(u8::is_ascii_whitespace) {
        ChallengeRequest::default()
    } else {
        serde_json::from_slice(&body)
            .map_err(|e| Problem::bad_request("bad-request-body", e.to_string()))?
    };
    let wanted = request
        .wanted()
        .map_err(|e| Problem::bad_request("bad-request-body", e))?;
    let localized = catalogue::notice_for(wanted);
    let text = request.text.then(|| {
        catalogue::texts(localized.lang)
            .expect("every current notice has its texts")
            .iter()
            .map(|t| (*t).to_owned())
            .collect()
    });
    let kept = state.kept_variants.get(localized, &request.links);
    let notice = match &kept {
        Some(notice) => notice.clone(),
        None => {
            let shown = localized
                .with_links(&request.links)
                .map_err(|e| Problem::bad_request("bad-request-body", e.to_string()))?;
            crate::notice_ref::reference(localized, &shown)
        }
    };
    let expires_at = now + state.config.nonce_ttl_secs;
    let nonce = state.nonces.issue(
        &Binding {
            session_id: &who.session_id,
            sub: &who.sub,
            notice: &notice,
        },
        expires_at,
    );
    let store = state.store.clone();
    // A host's own link targets make a text no catalogue lists: keep it, so that the
    // digest this challenge offers can always be read back.
    let variant = (!notice.links.is_empty() && kept.is_none())
        .then(|| catalogue::find(&notice))
        .flatten();
    let keeps = variant.is_some();
    let (sub, signer, seen) = (who.sub.clone(), state.signer.clone(), state.clone());
    let latest = blocking(move || {
        if let Some(variant) = variant {
            store.keep_notice(&variant, now)?;
        }
        ledger::latest(&*store, &signer, &seen.latest_seen, &sub)
    })
    .await?;
    if keeps {
        state.kept_variants.kept(localized, &request.links, &notice);
    }
    let decision = latest.as_ref().and_then(|row| {
        let choice = Choice::parse(&row.choice)?;
        let notice = serde_json::from_value::<NoticeRef>(row.notice.clone()).ok()?;
        Some(LastDecision::new(choice, notice))
    });
    Ok(Json(Challenge {
        nonce,
        policy: state.policy_for(&who.user),
        sub: who.sub,
        aud: state.config.audience.clone(),
        notice,
        issued_at: rfc3339(now),
        expires_at: rfc3339(expires_at),
        decision,
        text,
    }))
}

/// `bytes` random bytes, base64url: session ids.
fn random_b64(bytes: usize) -> String {
    use rand::RngCore;
    let mut buf = vec![0u8; bytes];
    rand::rngs::OsRng.fill_bytes(&mut buf);
    Base64UrlUnpadded::encode_string(&buf)
}
