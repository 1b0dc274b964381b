//! Who is asking: the [`Identity`] extractor.

use crate::blocking::blocking;
use crate::config::TrustedHeader;
use crate::cookie::{stored_session_id, SessionCookie};
use crate::problem::Problem;
use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::StatusCode;
use std::net::SocketAddr;
use std::sync::Arc;

/// The person behind a request. With a trusted header configured, only that header,
/// on a connection from a listed proxy, says who it is (no cookie is looked at); in
/// demo mode, the session cookie. Without either the request is refused with
/// `401 no-session`; a trusted header sent more than once, empty or not text is
/// `400 bad-identity-header`.
///
/// As a handler argument it refuses the request before the handler runs. A handler
/// that must first refuse a malformed body for what it is (415, 413, ...) takes
/// `Result<Identity, Problem>` and applies `?` where its order says.
///
/// ```
/// use consent_server::identity::Identity;
/// async fn whoami(who: Identity) -> String {
///     who.user
/// }
/// ```
pub struct Identity {
    /// What nonces are bound to: the stored (hashed) session id, or `header:<sub>` in
    /// trusted-header mode.
    pub session_id: String,
    pub user: String,
    /// Pseudonymous: an HMAC of the user name, never the name itself.
    pub sub: String,
}

impl FromRequestParts<Arc<AppState>> for Identity {
    type Rejection = Problem;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        // Our accept loop puts the peer on every request; only a router served some
        // other way could lack it, and then the trusted header cannot be judged.
        let Some(ConnectInfo(peer)) = parts.extensions.get::<ConnectInfo<SocketAddr>>() else {
            return Err(Problem::internal("a request without its peer address"));
        };
        if let Some(th) = &state.config.trusted_header {
            // A dual-stack listener sees an IPv4 proxy as ::ffff:a.b.c.d.
            if !th.proxies.contains(&peer.ip().to_canonical()) {
                return Err(unauthenticated(
                    "the request did not come through the proxy",
                ));
            }
            let user = trusted_user(parts, th)?;
            let sub = state.subjects.subject_of(&user);
            return Ok(Identity {
                session_id: format!("header:{sub}"),
                user,
                sub,
            });
        }
        if !state.config.demo_enabled() {
            return Err(unauthenticated(
                "demo sign-in is off and no trusted header is set",
            ));
        }
        let cookie = SessionCookie::new(&state.config)
            .read(&parts.headers)
            .ok_or_else(|| unauthenticated("sign in first (POST /v1/session in the demo)"))?;
        let session_id = stored_session_id(&cookie);
        let store = state.store.clone();
        let id = session_id.clone();
        let user = blocking(move || store.session_user(&id))
            .await?
            .ok_or_else(|| unauthenticated("the session has ended; sign in again"))?;
        Ok(Identity {
            sub: state.subjects.subject_of(&user),
            session_id,
            user,
        })
    }
}

/// The user the proxy named: the header exactly once, non-empty text. Absent, the
/// proxy authenticated nobody (`401`); anything else is a proxy or a client trying
/// to smuggle a second name past it (`400`).
fn trusted_user(parts: &Parts, th: &TrustedHeader) -> Result<String, Problem> {
    let mut values = parts.headers.get_all(th.name.as_str()).iter();
    let value = match (values.next(), values.next()) {
        (None, _) => return Err(unauthenticated("the proxy named no user")),
        (Some(v), None) => v,
        (Some(_), Some(_)) => {
            return Err(bad_identity_header(format!(
                "{} appears more than once",
                th.name
            )))
        }
    };
    let user = value
        .to_str()
        .map_err(|_| bad_identity_header(format!("{} is not visible ASCII", th.name)))?
        .trim();
    if user.is_empty() {
        return Err(bad_identity_header(format!("{} is empty", th.name)));
    }
    Ok(user.to_owned())
}

fn bad_identity_header(detail: String) -> Problem {
    Problem::bad_request("bad-identity-header", detail)
}

fn unauthenticated(detail: &str) -> Problem {
    Problem::new(
        StatusCode::UNAUTHORIZED,
        "no-session",
        "Not signed in",
        detail,
    )
}
