//! Decisions that arrive late, twice, in another shape or into a busy server are
//! answered for what they are: recorded once, with their receipt, however wrong the
//! device's clock, however long the outbox held them, whichever twin of a signature
//! came first; and a server that cannot take more says so before doing any work.

use crate::support::{problem, problem_type, Backend, Client, TestServer};
use consent_core::claims::Claims;
use consent_core::Choice;
use p256::ecdsa::Signature;
use reqwest::header::{CONTENT_TYPE, RETRY_AFTER};
use reqwest::StatusCode;
use serde_json::Value;
use std::time::Duration;

/// The challenge's issue time, Unix seconds: what a widget stamps `iat` from.
fn issued_at(ch: &Value) -> i64 {
    let text = ch["issued_at"].as_str().expect("the challenge says when");
    let at = humantime::parse_rfc3339(text).unwrap();
    at.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

/// Claims answering `ch`, decided `after` seconds into its life on the server's clock.
async fn decided(c: &Client, after: i64, choice: Choice) -> (Value, Claims) {
    let ch = c.challenge().await;
    let mut claims = c.claims(&ch, choice);
    claims.iat = issued_at(&ch) + after;
    (ch, claims)
}

async fn a_device_clock_an_hour_off_still_records_inside_its_challenge(backend: Backend) {
    let mut server = TestServer::on(backend)
        .with_config(|c| c.nonce_ttl_secs = 2 * 3600)
        .start()
        .await;
    let c = server.signed_in("megan").await;
    // An hour ahead of the server's clock as it arrives, but inside its challenge.
    let (_, claims) = decided(&c, 3600, Choice::LinkedinOnly).await;
    let (status, receipt) = c.send(&c.sign(&claims)).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    // An hour before the challenge was issued cannot have answered it.
    let (_, claims) = decided(&c, -3600, Choice::NotNow).await;
    let (status, body) = c.send(&c.sign(&claims)).await;
    assert_eq!(
        (status, problem_type(&body)),
        (StatusCode::BAD_REQUEST, "iat-skew")
    );
    // And after it expired neither: the widget asks for a new challenge then.
    let (_, claims) = decided(&c, 2 * 3600 + 301, Choice::NotNow).await;
    let (status, body) = c.send(&c.sign(&claims)).await;
    assert_eq!(
        (status, problem_type(&body)),
        (StatusCode::BAD_REQUEST, "iat-skew")
    );
    assert_eq!(
        c.get("/v1/decisions/current").await["decision"]["choice"],
        "linkedin_only"
    );
    server.stop().await;
}

async fn a_decision_made_in_time_is_recorded_when_delivered_late(backend: Backend) {
    let mut server = TestServer::on(backend)
        .with_config(|c| {
            c.nonce_ttl_secs = 1;
            c.sweep_interval_secs = 1;
        })
        .start()
        .await;
    let c = server.signed_in("adele").await;
    let (_, claims) = decided(&c, 0, Choice::BothWays).await;
    let queued = c.sign(&claims);
    // The outbox was offline while the challenge expired and the sweeper ran.
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    let (status, receipt) = c.send(&queued).await;
    assert_eq!(status, StatusCode::CREATED, "{receipt}");
    server.stop().await;

    // Past the delivery grace the challenge is gone, and so is the chance.
    let mut server = TestServer::on(backend)
        .with_config(|c| {
            c.nonce_ttl_secs = 1;
            c.delivery_grace_secs = 0;
        })
        .start()
        .await;
    let c = server.signed_in("adele").await;
    let (_, claims) = decided(&c, 0, Choice::BothWays).await;
    let queued = c.sign(&claims);
    tokio::time::sleep(Duration::from_millis(2_500)).await;
    let (status, body) = c.send(&queued).await;
    assert_eq!(
        (status, problem_type(&body)),
        (StatusCode::BAD_REQUEST, "nonce-expired")
    );
    server.stop().await;
}

async fn a_recorded_token_gets_its_receipt_after_its_challenge_is_gone(backend: Backend) {
    let mut server = TestServer::on(backend)
        .with_config(|c| {
            c.nonce_ttl_secs = 1;
            c.delivery_grace_secs = 0;
            c.sweep_interval_secs = 1;
        })
        .start()
        .await;
    let c = server.signed_in("alex").await;
    let (status, first, token) = c.decide(Choice::Withdraw).await;
    assert_eq!(status, StatusCode::CREATED, "{first}");
    // The answer was lost; by the time the outbox re-sends, the challenge expired
    // and was swept.
    tokio::time::sleep(Duration::from_millis(3_500)).await;
    let (status, again) = c.send(&token).await;
    assert_eq!((status, &again), (StatusCode::OK, &first));
    // The receipt goes to the token's own subject only, from whatever session.
    let other = server.signed_in("megan").await;
    let (status, body) = other.send(&token).await;
    assert_eq!(
        (status, problem_type(&body)),
        (StatusCode::FORBIDDEN, "wrong-subject")
    );
    let alex_again = server.signed_in("alex").await;
    assert_eq!(alex_again.send(&token).await, (StatusCode::OK, first));
    server.stop().await;
}

/// The other valid signature of the same message: `(r, n - s)`.
fn twin(token: &str) -> String {
    let (input, sig) = token.rsplit_once('.').unwrap();
    let bytes = consent_core::token::base64url_decode(sig).unwrap();
    let sig = Signature::from_slice(&bytes).unwrap();
    let (r, s) = sig.split_scalars();
    let flipped = Signature::from_scalars(r, -*s).unwrap();
    format!(
        "{input}.{}",
        consent_core::token::base64url(&flipped.to_bytes())
    )
}

async fn a_signature_twin_that_lands_first_does_not_turn_the_original_away(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("lynne").await;
    let ch = c.challenge().await;
    let original = c.sign(&c.claims(&ch, Choice::NotNow));
    let copy = twin(&original);
    assert_ne!(copy, original);
    let (status, receipt) = c.send(&copy).await;
    assert_eq!(status, StatusCode::CREATED, "the twin verifies: {receipt}");
    let (status, again) = c.send(&original).await;
    assert_eq!((status, &again), (StatusCode::OK, &receipt));
    let entries = c.audit("/v1/ledger/entries?start=0").await;
    assert_eq!(entries["tree_size"], 1, "one decision, recorded once");
    server.stop().await;
}

async fn a_jti_that_is_not_128_random_bits_is_refused(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let c = server.signed_in("megan").await;
    for jti in [
        "jti-1",
        "AAECAwQFBgcICQoLDA0O",
        "AAECAwQFBgcICQoLDA0ODw\nforged",
    ] {
        let mut claims = c.claims(&c.challenge().await, Choice::NotNow);
        claims.jti = jti.into();
        let res = c
            .http
            .post(c.url("/v1/decisions"))
            .header(CONTENT_TYPE, "application/jwt")
            .body(c.sign(&claims))
            .send()
            .await
            .unwrap();
        problem(res, StatusCode::BAD_REQUEST, "bad-jti").await;
    }
    assert_eq!(server.store().count("decisions"), 0);
    server.stop().await;
}

on_both_backends!(
    a_device_clock_an_hour_off_still_records_inside_its_challenge,
    a_decision_made_in_time_is_recorded_when_delivered_late,
    a_recorded_token_gets_its_receipt_after_its_challenge_is_gone,
    a_signature_twin_that_lands_first_does_not_turn_the_original_away,
    a_jti_that_is_not_128_random_bits_is_refused,
);

/// Holds SQLite's write lock from outside the server, so that its writer waits (up to
/// its busy timeout) with whatever decision it took: a commit that takes a while,
/// deterministically.
fn hold_write_lock(server: &TestServer) -> rusqlite::Connection {
    let db = rusqlite::Connection::open(server.store().sqlite_path()).unwrap();
    db.execute_batch("BEGIN IMMEDIATE").unwrap();
    db
}

#[tokio::test]
async fn a_full_writer_queue_answers_503_with_retry_after_and_records_nothing() {
    let mut server = TestServer::sqlite()
        .with_config(|c| c.writer_queue = 1)
        .start()
        .await;
    let c = server.signed_in("megan").await;
    let a = c.sign(&c.claims(&c.challenge().await, Choice::NotNow));
    let b = c.sign(&c.claims(&c.challenge().await, Choice::LinkedinOnly));
    let lock = hold_write_lock(&server);
    let post = |token: String| {
        let c = c.clone();
        async move {
            c.http
                .post(c.url("/v1/decisions"))
                .header(CONTENT_TYPE, "application/jwt")
                .body(token)
                .send()
                .await
                .unwrap()
        }
    };
    let mut first = tokio::spawn(post(a.clone()));
    let mut second = tokio::spawn(post(b.clone()));
    // One takes the only slot and waits for the writer; the other is turned away
    // at once, so it is the one that answers first.
    let (busy, waiting, busy_token) = tokio::select! {
        r = &mut first => (r.unwrap(), second, a.clone()),
        r = &mut second => (r.unwrap(), first, b.clone()),
    };
    let retry_after = busy.headers().get(RETRY_AFTER).cloned();
    problem(busy, StatusCode::SERVICE_UNAVAILABLE, "busy").await;
    assert_eq!(retry_after.unwrap(), "1");
    drop(lock);
    assert_eq!(waiting.await.unwrap().status(), StatusCode::CREATED);
    // Nothing of the refused one was recorded: sent again, it is new.
    let (status, body) = c.send(&busy_token).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    server.stop().await;
}

#[tokio::test]
async fn a_request_that_times_out_is_recorded_once_and_its_resend_gets_the_receipt() {
    let mut server = TestServer::sqlite()
        .with_config(|c| c.request_timeout_secs = 1)
        .start()
        .await;
    let c = server.signed_in("adele").await;
    let token = c.sign(&c.claims(&c.challenge().await, Choice::BothWays));
    let lock = hold_write_lock(&server);
    let (status, body) = c.send(&token).await;
    assert_eq!(
        (status, problem_type(&body)),
        (StatusCode::REQUEST_TIMEOUT, "timeout")
    );
    // The write was queued before the timeout and commits once the lock goes.
    drop(lock);
    let (status, receipt) = c.send(&token).await;
    assert!(
        status == StatusCode::OK,
        "the re-send finds the decision the timed-out request queued: {status} {receipt}"
    );
    assert_eq!(c.send(&token).await, (StatusCode::OK, receipt));
    assert_eq!(server.store().count("decisions"), 1);
    server.stop().await;
}
