//! Recording decisions, and a subject's view of their own.

use crate::admission::WriterSlot;
use crate::blocking::blocking;
use crate::es256::Ring;
use crate::identity::Identity;
use crate::ledger::{self, ChallengeTiming, Decision};
use crate::nonce::Binding;
use crate::problem::Problem;
use crate::state::AppState;
use crate::time::now_secs;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use consent_core::verify::{self, Expectations};
use serde_json::json;
use std::sync::Arc;

/// `POST /v1/decisions` with a compact token (`application/jwt`): every check of
/// docs/DESIGN.md, Verification order, in that order, then the ledger append. `201`
/// with the receipt; `200` with the same receipt for a re-sent token; `503` with
/// `Retry-After`, before anything else, when the writer's queue is full.
pub async fn record(
    State(state): State<Arc<AppState>>,
    // First: a full queue is answered before the session is looked up.
    slot: WriterSlot,
    // Refused only after the body checks below: a malformed request is refused for
    // what it is, whoever sent it.
    who: Result<Identity, Problem>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, Problem> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.split(';').next().map(str::trim) != Some("application/jwt") {
        return Err(Problem::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "Send the token as application/jwt",
            format!("Content-Type was {content_type:?}"),
        ));
    }
    if body.len() > verify::MAX_TOKEN_BYTES {
        return Err(Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
            "The token is too large",
            format!("at most {} bytes", verify::MAX_TOKEN_BYTES),
        ));
    }
    let token = std::str::from_utf8(&body)
        .map_err(|_| Problem::bad_request("malformed", "the body is not UTF-8"))?
        .trim()
        .to_owned();
    let who = who?;
    let now = now_secs();
    state.rate.check(&who.session_id, now)?;

    let expect = Expectations {
        aud: &state.config.audience,
    };
    let verified = verify::verify_with(&token, &expect, &Ring)?;
    // Connecting needs the tenant's consent; refusing and withdrawing never do.
    let policy = state.policy_for(&who.user);
    if !verified.claims.choice.allowed_under(policy) {
        return Err(Problem::new(
            StatusCode::FORBIDDEN,
            "choice-not-allowed",
            "The tenant policy does not allow this choice",
            format!(
                "{} needs the tenant to allow connecting; the policy for this user is {}",
                verified.claims.choice.as_str(),
                policy.as_str()
            ),
        ));
    }
    let sub = verified.claims.sub.clone();
    // The MACs are checked here, off the writer's thread; what they say is judged
    // there, in the order of the verification steps.
    let nonce = state.nonces.open(
        &verified.claims.nonce,
        &Binding {
            session_id: &who.session_id,
            sub: &verified.claims.sub,
            notice: &verified.claims.notice,
        },
    );
    let decision = Decision {
        verified,
        token,
        session_id: who.session_id,
        sender_sub: who.sub,
        nonce,
        now,
        timing: ChallengeTiming {
            ttl_secs: state.config.nonce_ttl_secs,
            leeway_secs: state.config.max_skew_secs,
            grace_secs: state.config.delivery_grace_secs,
        },
        slot,
    };
    let outcome = ledger::record(&*state.store, state.signer.clone(), decision).await?;
    let recorded = outcome?;
    // Committed: reads of this subject's latest decision must now find at least it.
    state.latest_seen.raise(&sub, recorded.receipt.index);
    let status = if recorded.created {
        StatusCode::CREATED
    } else {
        StatusCode::OK
    };
    Ok((status, Json(recorded.receipt)).into_response())
}

/// `GET /v1/decisions/current`: the latest decision by ledger order (not client time),
/// and whether it was made on the notice version shown today. Read from the ledger
/// entry and proved against the signed head (`crate::ledger::history`).
pub async fn current(
    State(state): State<Arc<AppState>>,
    who: Identity,
) -> Result<Json<serde_json::Value>, Problem> {
    let (store, signer) = (state.store.clone(), state.signer.clone());
    let sub = who.sub.clone();
    let state_ = state.clone();
    let latest =
        blocking(move || ledger::latest(&*store, &signer, &state_.latest_seen, &sub)).await?;
    let latest = latest.map(|d| {
        let current_ver = serde_json::from_value(d.notice.clone())
            .is_ok_and(|n| consent_core::catalogue::is_current(&n));
        json!({
            "choice": d.choice,
            "jti": d.jti,
            "index": d.index,
            "received_at": d.received_at,
            "notice": d.notice,
            "notice_is_current": current_ver,
        })
    });
    Ok(Json(json!({
        "sub": who.sub,
        "policy": state.policy_for(&who.user),
        "decision": latest,
    })))
}

/// `GET /v1/decisions/export`: every record of the subject, one JSON object per line,
/// each read from its ledger entry and proved against the signed head.
pub async fn export(
    State(state): State<Arc<AppState>>,
    who: Identity,
) -> Result<Response, Problem> {
    let (store, signer) = (state.store.clone(), state.signer.clone());
    let history = blocking(move || ledger::history(&*store, &signer, &who.sub)).await?;
    let mut ndjson = String::new();
    for row in history {
        ndjson.push_str(&serde_json::to_string(&row).map_err(Problem::internal)?);
        ndjson.push('\n');
    }
    Ok(([(header::CONTENT_TYPE, "application/x-ndjson")], ndjson).into_response())
}
