//! The demo page and the widget over real HTTP: content types, compression, cache
//! validators, and the start-up errors an operator sees instead of a panic.

use consent_server::config::Config;
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

struct Site {
    _dir: tempfile::TempDir,
    server: consent_server::Server,
    base: String,
    http: reqwest::Client,
}

async fn site() -> Site {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let files: [(&str, Vec<u8>); 6] = [
        (
            "www/index.html",
            b"<!doctype html><title>demo</title>".to_vec(),
        ),
        ("www/app.js", payload("app")),
        ("www/demo.css", payload("css")),
        (
            "pkg/widget_bg.wasm",
            [b"\0asm\x01\0\0\0".to_vec(), payload("wasm")].concat(),
        ),
        ("pkg/widget.js", payload("glue")),
        ("pkg/widget.d.ts", payload("types")),
    ];
    for (path, bytes) in &files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    let config = Config {
        port: 0,
        data_dir: root.join("data"),
        www_dir: root.join("www"),
        pkg_dir: root.join("pkg"),
        ..Config::default()
    };
    let server = consent_server::start(config).await.unwrap();
    let base = format!("http://{}", server.addr);
    // No automatic decompression (reqwest is built without it): the test sees the
    // bytes on the wire.
    let http = reqwest::Client::new();
    Site {
        _dir: dir,
        server,
        base,
        http,
    }
}

fn on_disk(site: &Site, path: &str) -> Vec<u8> {
    std::fs::read(site._dir.path().join(path)).unwrap()
}

#[tokio::test]
async fn files_have_the_right_content_type() {
    let s = site().await;
    for (url, expected) in [
        ("/", "text/html"),
        ("/index.html", "text/html"),
        ("/app.js", "text/javascript"),
        ("/demo.css", "text/css"),
        ("/pkg/widget_bg.wasm", "application/wasm"),
        ("/pkg/widget.js", "text/javascript"),
        ("/pkg/widget.d.ts", "application/typescript"),
    ] {
        let res = s.http.get(format!("{}{url}", s.base)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{url}");
        let ct = res.headers()[CONTENT_TYPE].to_str().unwrap().to_owned();
        assert_eq!(
            ct.split(';').next().unwrap().trim(),
            expected,
            "{url} was served as {ct}"
        );
        assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    }
    let res = s
        .http
        .get(format!("{}/healthz", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.text().await.unwrap(), "ok");
    let res = s
        .http
        .get(format!("{}/pkg/missing.wasm", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    s.server.stop().await;
}

#[tokio::test]
async fn gzip_and_brotli_give_back_the_file_byte_for_byte() {
    let s = site().await;
    for (url, file) in [
        ("/pkg/widget_bg.wasm", "pkg/widget_bg.wasm"),
        ("/pkg/widget.js", "pkg/widget.js"),
        ("/app.js", "www/app.js"),
        ("/demo.css", "www/demo.css"),
    ] {
        let original = on_disk(&s, file);
        for encoding in ["gzip", "br"] {
            let res = s
                .http
                .get(format!("{}{url}", s.base))
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
        let res = s.http.get(format!("{}{url}", s.base)).send().await.unwrap();
        assert!(res.headers().get(CONTENT_ENCODING).is_none());
        assert!(res.bytes().await.unwrap() == original);
    }
    s.server.stop().await;
}

#[tokio::test]
async fn html_is_revalidated_and_the_rest_has_validators() {
    let s = site().await;
    let res = s.http.get(format!("{}/", s.base)).send().await.unwrap();
    assert_eq!(res.headers()[CACHE_CONTROL], "no-cache");
    assert!(res.headers().contains_key("content-security-policy"));
    for url in ["/pkg/widget_bg.wasm", "/pkg/widget.js", "/demo.css"] {
        let res = s.http.get(format!("{}{url}", s.base)).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK);
        let cache = res.headers()[CACHE_CONTROL].to_str().unwrap().to_owned();
        assert!(!cache.contains("no-store"), "{url}: {cache}");
        let last_modified = res.headers().get(LAST_MODIFIED).cloned();
        let etag = res.headers().get(ETAG).cloned();
        assert!(
            last_modified.is_some() || etag.is_some(),
            "{url} has no validator"
        );
        let mut again = s.http.get(format!("{}{url}", s.base));
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
    let res = s
        .http
        .get(format!("{}/healthz", s.base))
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()[CACHE_CONTROL], "no-store");
    s.server.stop().await;
}

#[tokio::test]
async fn paths_cannot_climb_out_of_the_served_directories() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let s = site().await;
    std::fs::write(s._dir.path().join("secret.txt"), "do not serve").unwrap();
    for path in [
        "/pkg/../../secret.txt",
        "/../secret.txt",
        "/pkg/%2e%2e/%2e%2e/secret.txt",
    ] {
        // Raw HTTP: a client library would normalise the dots away.
        let mut conn = tokio::net::TcpStream::connect(s.server.addr).await.unwrap();
        conn.write_all(
            format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes(),
        )
        .await
        .unwrap();
        let mut answer = String::new();
        conn.read_to_string(&mut answer).await.unwrap();
        assert!(!answer.contains("do not serve"), "{path} escaped: {answer}");
        assert!(!answer.starts_with("HTTP/1.1 200"), "{path}: {answer}");
    }
    s.server.stop().await;
}

#[tokio::test]
async fn a_port_in_use_is_a_clear_error() {
    let s = site().await;
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        port: s.server.addr.port(),
        data_dir: dir.path().join("data"),
        ..Config::default()
    };
    let err = consent_server::start(config)
        .await
        .err()
        .expect("second bind must fail");
    assert!(err.contains("in use"), "{err}");
    assert!(err.contains(&s.server.addr.port().to_string()), "{err}");
    s.server.stop().await;
}

#[tokio::test]
async fn an_unusable_data_directory_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the directory should be: fails even for root, unlike permissions.
    let blocker = dir.path().join("not-a-dir");
    std::fs::write(&blocker, "x").unwrap();
    let config = Config {
        port: 0,
        data_dir: blocker.join("data"),
        ..Config::default()
    };
    let err = consent_server::start(config)
        .await
        .err()
        .expect("must fail");
    assert!(err.contains("data directory"), "{err}");
    assert!(Path::new(&blocker).is_file());
}
