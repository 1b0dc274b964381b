//! Who is asking: the [`Identity`] extractor.

use crate::blocking::blocking;
use crate::problem::Problem;
use crate::state::AppState;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use std::net::SocketAddr;
use std::sync::Arc;

/// The demo session cookie.
pub const SESSION_COOKIE: &str = "alc_session";

/// The person behind a request: from the trusted header when one is configured and
/// the connection comes from a listed proxy, else from the demo session cookie.
/// Without either the request is refused with `401 no-session`.
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
    /// What nonces are bound to: the session, or `header:<sub>` in trusted-header mode.
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
            if th.proxies.contains(&peer.ip()) {
                if let Some(user) = parts.headers.get(&th.name).and_then(|v| v.to_str().ok()) {
                    let sub = state.subjects.subject_of(user);
                    return Ok(Identity {
                        session_id: format!("header:{sub}"),
                        user: user.to_owned(),
                        sub,
                    });
                }
            }
        }
        let session_id = cookie(&parts.headers, SESSION_COOKIE).ok_or_else(unauthenticated)?;
        let store = state.store.clone();
        let id = session_id.clone();
        let user = blocking(move || store.session_user(&id))
            .await?
            .ok_or_else(unauthenticated)?;
        Ok(Identity {
            sub: state.subjects.subject_of(&user),
            session_id,
            user,
        })
    }
}

fn unauthenticated() -> Problem {
    Problem::new(
        StatusCode::UNAUTHORIZED,
        "no-session",
        "Not signed in",
        "sign in first (POST /v1/session in the demo)",
    )
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}
