//! The tenant admin's policy: who gets prompted, as each challenge tells the widget.

use crate::support::{Backend, TestServer};
use reqwest::StatusCode;
use serde_json::json;

async fn the_tenant_policy_reaches_the_challenge(backend: Backend) {
    let mut server = TestServer::on(backend).start().await;
    let megan = server.signed_in("megan").await;
    let alex = server.signed_in("alex").await;
    assert_eq!(alex.challenge().await["policy"], "enabled");
    for (mode, megan_sees, alex_sees) in [
        ("group", "enabled", "not_in_group"),
        ("off", "off", "off"),
        ("all", "enabled", "enabled"),
    ] {
        let res = megan
            .post_json(
                "/v1/admin/policy",
                json!({"mode": mode, "group": ["megan"]}),
            )
            .await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(megan.challenge().await["policy"], megan_sees, "{mode}");
        assert_eq!(alex.challenge().await["policy"], alex_sees, "{mode}");
    }
    let bad = megan
        .post_json("/v1/admin/policy", json!({"mode": "sometimes"}))
        .await;
    assert_eq!(bad.status(), StatusCode::BAD_REQUEST);
    assert_eq!(bad.headers()["content-type"], "application/problem+json");
    server.stop().await;
}

on_both_backends!(the_tenant_policy_reaches_the_challenge);
