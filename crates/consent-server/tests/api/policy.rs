//! The tenant admin's policy: who gets prompted, as each challenge tells the widget,
//! and who may switch it over HTTP.

use crate::support::{problem, Backend, TestServer};
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

#[tokio::test]
async fn the_policy_switch_follows_demo_mode_unless_configured() {
    let policy = |server: &TestServer| {
        let c = server.client();
        async move {
            c.post_json(
                "/v1/admin/policy",
                json!({"mode": "group", "group": ["megan"]}),
            )
            .await
        }
    };
    // Demo mode, switch left at its default: on.
    let mut server = TestServer::sqlite().start().await;
    assert_eq!(policy(&server).await.status(), StatusCode::OK);
    server.stop().await;
    // Demo mode, switch turned off explicitly.
    let mut server = TestServer::sqlite()
        .with_config(|c| c.admin_api = Some(false))
        .start()
        .await;
    problem(policy(&server).await, StatusCode::NOT_FOUND, "not-demo").await;
    server.stop().await;
    // Outside demo mode but asked for.
    let mut server = TestServer::sqlite()
        .with_config(|c| {
            c.demo = false;
            c.admin_api = Some(true);
        })
        .start()
        .await;
    assert_eq!(policy(&server).await.status(), StatusCode::OK);
    let now = server.client().get("/v1/admin/policy").await;
    assert_eq!(now["mode"], "group");
    assert_eq!(now["group"], json!(["megan"]));
    server.stop().await;
}
