//! The public ledger: checkpoints, proofs, entries and the key that signs them.
//! Everyone sees what checking the log needs (leaf hashes, checkpoints, proofs); the
//! entries themselves, which carry each user's token, go to auditors only.
//!
//! Every read here costs O(log n) stored hashes (or one bounded page of entries), on
//! the blocking pool and through the store's read connections: none waits for the
//! ledger writer (see docs/DESIGN.md, Ledger).

use crate::auditor::LedgerReader;
use crate::blocking::blocking;
use crate::ledger::tree;
use crate::problem::Problem;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64ct::{Base64, Encoding};
use consent_core::merkle;
use serde::Deserialize;
use serde_json::json;
use std::sync::Arc;

/// The most entries one request gets: a page costs the same whatever the ledger's size.
const MAX_ENTRIES: u64 = 1000;

/// `GET /v1/ledger/checkpoint`: the signed checkpoint of the current tree.
pub async fn checkpoint(State(state): State<Arc<AppState>>) -> Result<Response, Problem> {
    let store = state.store.clone();
    let (size, root) = blocking(move || store.tree_head()).await?;
    let note = state.signer.checkpoint(size, &root);
    Ok(([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], note).into_response())
}

fn encode_all(hashes: &[merkle::Hash]) -> Vec<String> {
    hashes.iter().map(|h| Base64::encode_string(h)).collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InclusionQuery {
    index: u64,
    size: Option<u64>,
}

/// `GET /v1/ledger/proof/inclusion?index=&size=`.
pub async fn inclusion(
    State(state): State<Arc<AppState>>,
    q: Result<Query<InclusionQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<serde_json::Value>, Problem> {
    let Query(q) = q.map_err(|e| Problem::bad_request("bad-query", e.body_text()))?;
    let store = state.store.clone();
    let (size, proof) = blocking(move || {
        let now = store.tree_size()?;
        let size = q.size.unwrap_or(now);
        if size > now || q.index >= size {
            return Ok((now, None));
        }
        Ok((size, Some(tree::inclusion(&*store, q.index, size)?)))
    })
    .await?;
    let Some(p) = proof else {
        return Err(Problem::bad_request(
            "out-of-range",
            format!("need index < size <= {size}"),
        ));
    };
    Ok(Json(json!({
        "index": q.index,
        "tree_size": size,
        "leaf_hash": Base64::encode_string(&p.leaf),
        "root_hash": Base64::encode_string(&p.root),
        "inclusion_proof": encode_all(&p.proof),
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConsistencyQuery {
    from: u64,
    to: u64,
}

/// `GET /v1/ledger/proof/consistency?from=&to=`.
pub async fn consistency(
    State(state): State<Arc<AppState>>,
    q: Result<Query<ConsistencyQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<serde_json::Value>, Problem> {
    let Query(q) = q.map_err(|e| Problem::bad_request("bad-query", e.body_text()))?;
    let store = state.store.clone();
    let (now, proof) = blocking(move || {
        let now = store.tree_size()?;
        if q.from == 0 || q.from > q.to || q.to > now {
            return Ok((now, None));
        }
        Ok((now, Some(tree::consistency(&*store, q.from, q.to)?)))
    })
    .await?;
    let Some(p) = proof else {
        return Err(Problem::bad_request(
            "out-of-range",
            format!("need 0 < from <= to <= {now}"),
        ));
    };
    Ok(Json(json!({
        "from": q.from,
        "to": q.to,
        "from_root": Base64::encode_string(&p.from_root),
        "to_root": Base64::encode_string(&p.to_root),
        "consistency_proof": encode_all(&p.proof),
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntriesQuery {
    start: u64,
    end: Option<u64>,
}

/// `GET /v1/ledger/entries?start=&end=` (at most 1000 at a time):
/// `{tree_size, entries: [{index, leaf_hash}]}` for the public, and each entry's
/// `leaf` (the data exactly as hashed, token included) too for an auditor.
pub async fn entries(
    State(state): State<Arc<AppState>>,
    reader: LedgerReader,
    q: Result<Query<EntriesQuery>, axum::extract::rejection::QueryRejection>,
) -> Result<Json<serde_json::Value>, Problem> {
    let Query(q) = q.map_err(|e| Problem::bad_request("bad-query", e.body_text()))?;
    let store = state.store.clone();
    let size = blocking(move || store.tree_size()).await?;
    let end = q
        .end
        .unwrap_or(size)
        .min(size)
        .min(q.start.saturating_add(MAX_ENTRIES));
    if q.start > end {
        return Err(Problem::bad_request(
            "out-of-range",
            format!("start must be <= {size}"),
        ));
    }
    let store = state.store.clone();
    let rows = blocking(move || store.entries(q.start, end)).await?;
    let entries: Vec<_> = rows
        .into_iter()
        .map(|(index, leaf)| {
            let hash = Base64::encode_string(&merkle::leaf_hash(leaf.as_bytes()));
            if reader.auditor {
                json!({"index": index, "leaf_hash": hash, "leaf": leaf})
            } else {
                json!({"index": index, "leaf_hash": hash})
            }
        })
        .collect();
    Ok(Json(json!({"tree_size": size, "entries": entries})))
}

/// `GET /.well-known/consent-ledger-key`.
pub async fn public_key(State(state): State<Arc<AppState>>) -> Json<serde_json::Value> {
    Json(json!({
        "algorithm": "Ed25519",
        "origin": state.signer.name,
        "public_key": Base64::encode_string(state.signer.public_key().as_bytes()),
        "vkey": state.signer.vkey(),
    }))
}
