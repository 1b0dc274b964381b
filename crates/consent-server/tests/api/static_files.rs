//! The demo page and the widget over real HTTP: content types, compression, cache
//! validators, and the start-up errors an operator sees instead of a panic. The
//! harness's client does not decompress (reqwest is built without it): these tests see
//! the bytes on the wire.

use crate::support::{Client, TestServer};
use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE,
    IF_NONE_MATCH, LAST_MODIFIED,
};
use reqwest::StatusCode;
use std::io::Read;
use std::path::Path;

/// Compressible but not trivially so, and large enough for the compressor to bother.
fn payload(tag: &str) -> Vec<u8> {
    (0..4000u32)
        .flat_map(|i| format!("{tag}-{}-{}\n", i % 97, i % 13).into_bytes())
        .collect()
}

/// A server with the demo page in `www/` and a widget package in `pkg/`.
async fn site() -> (TestServer, Client) {
    let server = TestServer::sqlite()
        .with_file("www/index.html", "<!doctype html><title>demo</title>")
        .with_file("www/app.js", payload("app"))
        .with_file("www/demo.css", payload("css"))
        .with_file(
            "pkg/widget_bg.wasm",
            [b"\0asm\x01\0\0\0".to_vec(), payload("wasm")].concat(),
        )
        .with_file("pkg/widget.js", payload("glue"))
        .with_file("pkg/widget.d.ts", payload("types"))
        .start()
        .await;
    let client = server.client();
    (server, client)
}

fn on_disk(server: &TestServer, path: &str) -> Vec<u8> {
    std::fs::read(server.store().root().join(path)).unwrap()
}

#[tokio::test]
async fn files_have_the_right_content_type() {
    let (mut s, c) = site().await;
    for (url, expected) in [
        ("/", "text/html"),
        ("/index.html", "text/html"),
        ("/app.js", "text/javascript"),
        ("/demo.css", "text/css"),
        ("/pkg/widget_bg.wasm", "application/wasm"),
        ("/pkg/widget.js", "text/javascript"),
        ("/pkg/widget.d.ts", "application/typescript"),
    ] {
        let res = c.fetch(url).await;
        assert_eq!(res.status(), StatusCode::OK, "{url}");
        let ct = res.headers()[CONTENT_TYPE].to_str().unwrap().to_owned();
        assert_eq!(
            ct.split(';').next().unwrap().trim(),
            expected,
            "{url} was served as {ct}"
        );
        assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    }
    let res = c.fetch("/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.text().await.unwrap(), "ok");
    let res = c.fetch("/pkg/missing.wasm").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    s.stop().await;
}

#[tokio::test]
async fn gzip_and_brotli_give_back_the_file_byte_for_byte() {
    let (mut s, c) = site().await;
    for (url, file) in [
        ("/pkg/widget_bg.wasm", "pkg/widget_bg.wasm"),
        ("/pkg/widget.js", "pkg/widget.js"),
        ("/app.js", "www/app.js"),
        ("/demo.css", "www/demo.css"),
    ] {
        let original = on_disk(&s, file);
        for encoding in ["gzip", "br"] {
            let res = c
                .http
                .get(c.url(url))
                .header(ACCEPT_ENCODING, encoding)
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            assert_eq!(
                res.headers()
                    .get(CONTENT_ENCODING)
                    .map(|v| v.to_str().unwrap()),
                Some(encoding),
                "{url} with {encoding}"
            );
            let wire = res.bytes().await.unwrap();
            assert!(
                wire.len() < original.len() / 2,
                "{url} {encoding}: {} of {} bytes",
                wire.len(),
                original.len()
            );
            let mut decoded = Vec::new();
            match encoding {
                "gzip" => flate2::read::GzDecoder::new(&wire[..])
                    .read_to_end(&mut decoded)
                    .unwrap(),
                _ => brotli_decompressor::Decompressor::new(&wire[..], 4096)
                    .read_to_end(&mut decoded)
                    .unwrap(),
            };
            assert!(
                decoded == original,
                "{url} {encoding} decodes to other bytes"
            );
        }
        // Without Accept-Encoding: the plain file.
        let res = c.fetch(url).await;
        assert!(res.headers().get(CONTENT_ENCODING).is_none());
        assert!(res.bytes().await.unwrap() == original);
    }
    s.stop().await;
}

#[tokio::test]
async fn html_is_revalidated_and_the_rest_has_validators() {
    let (mut s, c) = site().await;
    let res = c.fetch("/").await;
    assert_eq!(res.headers()[CACHE_CONTROL], "no-cache");
    assert!(res.headers().contains_key("content-security-policy"));
    for url in ["/pkg/widget_bg.wasm", "/pkg/widget.js", "/demo.css"] {
        let res = c.fetch(url).await;
        assert_eq!(res.status(), StatusCode::OK);
        let cache = res.headers()[CACHE_CONTROL].to_str().unwrap().to_owned();
        assert!(!cache.contains("no-store"), "{url}: {cache}");
        let last_modified = res.headers().get(LAST_MODIFIED).cloned();
        let etag = res.headers().get(ETAG).cloned();
        assert!(
            last_modified.is_some() || etag.is_some(),
            "{url} has no validator"
        );
        let mut again = c.http.get(c.url(url));
        if let Some(v) = last_modified {
            again = again.header(IF_MODIFIED_SINCE, v);
        }
        if let Some(v) = etag {
            again = again.header(IF_NONE_MATCH, v);
        }
        let res = again.send().await.unwrap();
        assert_eq!(res.status(), StatusCode::NOT_MODIFIED, "{url}");
    }
    // The API is never cached.
    let res = c.fetch("/healthz").await;
    assert_eq!(res.headers()[CACHE_CONTROL], "no-store");
    s.stop().await;
}

#[tokio::test]
async fn paths_cannot_climb_out_of_the_served_directories() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let (mut s, _) = site().await;
    std::fs::write(s.store().root().join("secret.txt"), "do not serve").unwrap();
    for path in [
        "/pkg/../../secret.txt",
        "/../secret.txt",
        "/pkg/%2e%2e/%2e%2e/secret.txt",
    ] {
        // Raw HTTP: a client library would normalise the dots away.
        let mut conn = tokio::net::TcpStream::connect(s.addr).await.unwrap();
        conn.write_all(
            format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        )
        .await
        .unwrap();
        let mut answer = String::new();
        conn.read_to_string(&mut answer).await.unwrap();
        assert!(!answer.contains("do not serve"), "{path} escaped: {answer}");
        assert!(!answer.starts_with("HTTP/1.1 200"), "{path}: {answer}");
    }
    s.stop().await;
}

#[tokio::test]
async fn a_port_in_use_is_a_clear_error() {
    let (mut s, _) = site().await;
    let port = s.addr.port();
    let err = TestServer::sqlite()
        .with_config(move |c| c.port = port)
        .try_start()
        .await
        .err()
        .expect("second bind must fail");
    assert!(err.contains("in use"), "{err}");
    assert!(err.contains(&port.to_string()), "{err}");
    s.stop().await;
}

#[tokio::test]
async fn an_unusable_data_directory_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the directory should be: fails even for root, unlike permissions.
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, "x").unwrap();
    let data_dir = blocker.join("data");
    let err = TestServer::sqlite()
        .with_config(move |c| c.data_dir = data_dir)
        .try_start()
        .await
        .err()
        .expect("must fail");
    assert!(err.contains("data directory"), "{err}");
    assert!(Path::new(&blocker).is_file());
}
