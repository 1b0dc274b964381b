//! The demo's tenant-admin switch. Off unless the server runs in demo mode (or
//! `admin_api` says otherwise), and never with a trusted header.

use crate::config::Policy;
use crate::problem::Problem;
use crate::state::AppState;
use axum::extract::{rejection::JsonRejection, State};
use axum::http::StatusCode;
use axum::Json;
use serde_json::json;
use std::sync::Arc;

fn demo_only(state: &AppState) -> Result<(), Problem> {
    if state.config.admin_api_enabled() {
        Ok(())
    } else {
        Err(Problem::new(
            StatusCode::NOT_FOUND,
            "not-demo",
            "Not available",
            "the policy switch is off (admin_api); the policy comes from the config file",
        ))
    }
}

pub async fn get_policy(
    State(state): State<Arc<AppState>>,
) -> Result<Json<serde_json::Value>, Problem> {
    demo_only(&state)?;
    let p = state
        .policy
        .read()
        .unwrap_or_else(|p| p.into_inner())
        .clone();
    Ok(Json(
        json!({"mode": p.mode, "group": p.group, "users": state.config.users}),
    ))
}

pub async fn set_policy(
    State(state): State<Arc<AppState>>,
    body: Result<Json<Policy>, JsonRejection>,
) -> Result<Json<serde_json::Value>, Problem> {
    demo_only(&state)?;
    let Json(policy) = body.map_err(super::bad_json)?;
    tracing::info!(?policy, "tenant policy changed (demo)");
    *state.policy.write().unwrap_or_else(|p| p.into_inner()) = policy.clone();
    Ok(Json(json!({"mode": policy.mode, "group": policy.group})))
}
