//! The widget's hashed copies as the build makes them (`scripts/hash-assets.mjs`, run
//! here with node on a small package) and as the server serves them: immutable, each
//! encoding the build's own bytes, and pages that name them. The client does not
//! decompress, so these tests see the bytes on the wire.

use crate::support::{Client, TestServer};
use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE,
    IF_NONE_MATCH, LAST_MODIFIED, VARY,
};
use reqwest::StatusCode;
use serde_json::Value;
use std::io::Read;
use std::path::{Path, PathBuf};

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
const SNIPPET: &str = "snippets/widget-0123/js/element.js";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// preload.js as build_widget leaves it twice: for pages, and as the glue's snippet.
const PRELOAD: &[u8] =
    b"export function preloadChallenge() {}\nexport function takePreloaded() {}\n";
const SNIPPET_PRELOAD: &str = "snippets/widget-0123/js/preload.js";

/// What wasm-pack and build_widget leave in `pkg/`, in miniature: a glue that imports a
/// snippet and finds its wasm beside itself, register.js on top, and preload.js beside
/// its byte-identical snippet twin.
fn write_package(pkg: &Path, wasm: &[u8]) {
    let files: [(&str, Vec<u8>); 7] = [
        (
            "account_link_consent.js",
            format!(
                "import {{ defineConsentElement }} from './{SNIPPET}';\n\
                 /** e.g. import init from \"./pkg/account_link_consent.js\"; */\n\
                 export default async function init() {{\n  \
                 return fetch(new URL('account_link_consent_bg.wasm', import.meta.url));\n}}\n\
                 export const mount = () => defineConsentElement;\n{}",
                "// padding, so there is something to compress\n".repeat(200)
            )
            .into_bytes(),
        ),
        ("account_link_consent_bg.wasm", wasm.to_vec()),
        (
            "register.js",
            b"import init from \"./account_link_consent.js\";\nexport * from \"./account_link_consent.js\";\nawait init();\n".to_vec(),
        ),
        (SNIPPET, b"export function defineConsentElement() {}\n".to_vec()),
        ("preload.js", PRELOAD.to_vec()),
        (SNIPPET_PRELOAD, PRELOAD.to_vec()),
        ("package.json", b"{}".to_vec()),
    ];
    for (name, bytes) in files {
        let path = pkg.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
}

fn wasm(tag: &str) -> Vec<u8> {
    let body: Vec<u8> = (0..6000u32)
        .flat_map(|i| format!("{tag}{}", i % 251).into_bytes())
        .collect();
    [b"\0asm\x01\0\0\0".to_vec(), body].concat()
}

/// Runs the build's hashing step on `pkg`, as build_widget does.
fn hash(pkg: &Path) {
    let out = std::process::Command::new("node")
        .arg(repo().join("scripts/hash-assets.mjs"))
        .arg(pkg)
        .output()
        .expect("node must be installed to run scripts/hash-assets.mjs");
    assert!(
        out.status.success(),
        "hash-assets failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn manifest(pkg: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(pkg.join("assets/manifest.json")).unwrap()).unwrap()
}

fn copy_of(pkg: &Path, name: &str) -> String {
    manifest(pkg)["assets"][name]["file"]
        .as_str()
        .unwrap_or_else(|| panic!("{name} is not in the manifest"))
        .to_owned()
}

const PAGE: &str = "<!doctype html><title>demo</title>\n\
<link rel=\"modulepreload\" id=\"widget-glue\" href=\"/pkg/account_link_consent.js\">\n\
<link rel=\"preload\" id=\"widget-wasm\" href=\"/pkg/account_link_consent_bg.wasm\" as=\"fetch\" type=\"application/wasm\" crossorigin>\n\
<script type=\"module\" src=\"app.js\"></script>\n";

/// A demo site whose widget package went through the build's hashing step.
async fn site(wasm_bytes: Vec<u8>) -> (TestServer, Client) {
    let server = TestServer::sqlite()
        .with_file("www/index.html", PAGE)
        .with_file("www/app.js", "console.log('app');\n".repeat(100))
        .with_store(move |store| {
            let pkg = store.root().join("pkg");
            write_package(&pkg, &wasm_bytes);
            hash(&pkg);
        })
        .start()
        .await;
    let client = server.client();
    (server, client)
}

fn pkg_of(server: &TestServer) -> PathBuf {
    server.store().root().join("pkg")
}

async fn get(c: &Client, url: &str, accept: Option<&str>) -> reqwest::Response {
    let mut req = c.http.get(c.url(url));
    if let Some(a) = accept {
        req = req.header(ACCEPT_ENCODING, a);
    }
    req.send().await.unwrap()
}

fn decode(encoding: Option<&str>, wire: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    match encoding {
        None => out.extend_from_slice(wire),
        Some("gzip") => {
            flate2::read::GzDecoder::new(wire)
                .read_to_end(&mut out)
                .unwrap();
        }
        Some("br") => {
            brotli_decompressor::Decompressor::new(wire, 4096)
                .read_to_end(&mut out)
                .unwrap();
        }
        Some(other) => panic!("unexpected encoding {other}"),
    }
    out
}

#[tokio::test]
async fn a_hashed_wasm_is_immutable_wasm_in_the_encoding_asked_for() {
    let (mut s, c) = site(wasm("a")).await;
    let pkg = pkg_of(&s);
    let file = copy_of(&pkg, "account_link_consent_bg.wasm");
    assert!(
        file.starts_with("account_link_consent_bg.") && file.ends_with(".wasm"),
        "{file}"
    );
    let original = std::fs::read(pkg.join("account_link_consent_bg.wasm")).unwrap();
    let url = format!("/pkg/assets/{file}");
    for (accept, expected, sibling) in [
        (Some("br"), Some("br"), Some(".br")),
        (Some("gzip"), Some("gzip"), Some(".gz")),
        // What browsers send: brotli wins.
        (Some("gzip, deflate, br, zstd"), Some("br"), Some(".br")),
        (Some("br;q=0.5, gzip"), Some("gzip"), Some(".gz")),
        // Neither encoding the build made: the plain file, not compressed on the fly.
        (Some("deflate"), None, None),
        (None, None, None),
    ] {
        let res = get(&c, &url, accept).await;
        assert_eq!(res.status(), StatusCode::OK, "{accept:?}");
        let h = res.headers().clone();
        assert_eq!(h[CONTENT_TYPE], "application/wasm", "{accept:?}");
        assert_eq!(h[CACHE_CONTROL], IMMUTABLE, "{accept:?}");
        assert!(
            h.get_all(VARY)
                .iter()
                .any(|v| v.to_str().unwrap().contains("accept-encoding")),
            "{accept:?}: no Vary: accept-encoding"
        );
        let encoding = h.get(CONTENT_ENCODING).map(|v| v.to_str().unwrap());
        assert_eq!(encoding, expected, "{accept:?}");
        let wire = res.bytes().await.unwrap();
        // The build's bytes exactly: served from the sibling, not compressed per request.
        let on_disk = std::fs::read(
            pkg.join("assets")
                .join(format!("{file}{}", sibling.unwrap_or(""))),
        )
        .unwrap();
        assert!(wire == on_disk, "{accept:?}: not the build's file");
        assert!(
            decode(encoding, &wire) == original,
            "{accept:?}: decodes to other bytes than pkg's wasm"
        );
    }
    s.stop().await;
}

#[tokio::test]
async fn the_hashed_glue_names_the_hashed_files_it_loads() {
    let (mut s, c) = site(wasm("a")).await;
    let pkg = pkg_of(&s);
    let glue = copy_of(&pkg, "account_link_consent.js");
    let res = get(&c, &format!("/pkg/assets/{glue}"), Some("br")).await;
    assert_eq!(res.headers()[CONTENT_TYPE], "text/javascript");
    assert_eq!(res.headers()[CACHE_CONTROL], IMMUTABLE);
    let text = String::from_utf8(decode(Some("br"), &res.bytes().await.unwrap())).unwrap();
    let wasm = copy_of(&pkg, "account_link_consent_bg.wasm");
    let snippet = copy_of(&pkg, SNIPPET);
    assert!(text.contains(&format!("from './{snippet}'")), "{text}");
    assert!(text.contains(&format!("new URL('./{wasm}', import.meta.url)")));
    // The usage example in a comment is not an import.
    assert!(text.contains("\"./pkg/account_link_consent.js\""));
    let res = get(&c, &format!("/pkg/assets/{snippet}"), None).await;
    assert_eq!(res.status(), StatusCode::OK);
    s.stop().await;
}

#[tokio::test]
async fn files_without_a_hash_are_still_revalidated() {
    let (mut s, c) = site(wasm("a")).await;
    for url in [
        "/pkg/account_link_consent.js",
        "/pkg/account_link_consent_bg.wasm",
        "/app.js",
        "/",
        "/pkg/assets/manifest.json",
    ] {
        let res = get(&c, url, Some("gzip")).await;
        assert_eq!(res.status(), StatusCode::OK, "{url}");
        assert_eq!(res.headers()[CACHE_CONTROL], "no-cache", "{url}");
    }
    // A name that is not there is not cached for a year.
    let res = get(&c, "/pkg/assets/account_link_consent_bg.0000.wasm", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(res.headers()[CACHE_CONTROL], "no-store");
    s.stop().await;
}

#[tokio::test]
async fn the_page_names_the_copies_and_preloads_what_the_glue_imports() {
    let (mut s, c) = site(wasm("a")).await;
    let pkg = pkg_of(&s);
    let url = |name| format!("/pkg/assets/{}", copy_of(&pkg, name));
    for path in ["/", "/index.html"] {
        let res = get(&c, path, None).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert!(res.headers().get(LAST_MODIFIED).is_none(), "{path}");
        let page = res.text().await.unwrap();
        assert!(!page.contains("\"/pkg/account_link_consent"), "{page}");
        assert!(
            page.contains(&format!(
                "<link rel=\"modulepreload\" id=\"widget-glue\" href=\"{}\">\n<link rel=\"modulepreload\" href=\"{}\">",
                url("account_link_consent.js"),
                url(SNIPPET)
            )),
            "{page}"
        );
        assert!(
            page.contains(&format!(
                "href=\"{}\" as=\"fetch\" type=\"application/wasm\" crossorigin>",
                url("account_link_consent_bg.wasm")
            )),
            "{page}"
        );
    }
    s.stop().await;
}

#[tokio::test]
async fn a_rebuilt_asset_gets_a_new_name_and_the_page_follows_it() {
    let (mut s, c) = site(wasm("a")).await;
    let pkg = pkg_of(&s);
    let before = manifest(&pkg);
    let first = get(&c, "/", None).await;
    let etag = first.headers()[ETAG].clone();
    let first_page = first.text().await.unwrap();
    // Unchanged: the same validator answers 304, whatever the file's date says.
    let res = c
        .http
        .get(c.url("/"))
        .header(IF_NONE_MATCH, etag.clone())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::NOT_MODIFIED);

    // Rebuilt with another wasm; index.html itself is untouched.
    std::fs::write(pkg.join("account_link_consent_bg.wasm"), wasm("b")).unwrap();
    hash(&pkg);
    let after = manifest(&pkg);
    let name = |m: &Value, k: &str| m["assets"][k]["file"].as_str().unwrap().to_owned();
    for changed in [
        "account_link_consent_bg.wasm",
        // It names the wasm, so its bytes changed with it.
        "account_link_consent.js",
        "register.js",
    ] {
        assert_ne!(name(&before, changed), name(&after, changed), "{changed}");
    }
    assert_eq!(name(&before, SNIPPET), name(&after, SNIPPET));
    // The previous build's copies stay for a server still naming them.
    let assets = pkg.join("assets");
    assert!(assets
        .join(name(&before, "account_link_consent_bg.wasm"))
        .is_file());

    // This process read its manifest at start: its page still names the first build,
    // whose files are all still served.
    let res = get(&c, "/", None).await;
    assert_eq!(res.text().await.unwrap(), first_page);
    let old = format!(
        "/pkg/assets/{}",
        name(&before, "account_link_consent_bg.wasm")
    );
    assert_eq!(get(&c, &old, None).await.status(), StatusCode::OK);

    // Restarted: the new names, and the old validator no longer matches (a browser's
    // copy of the page with the first build's names is replaced), even when the browser
    // revalidates by date.
    s.restart().await;
    let c = s.client();
    let res = c
        .http
        .get(c.url("/"))
        .header(IF_NONE_MATCH, etag.clone())
        .header(IF_MODIFIED_SINCE, "Sun, 01 Jan 2090 00:00:00 GMT")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_ne!(res.headers()[ETAG], etag);
    let page = res.text().await.unwrap();
    assert!(page.contains(&name(&after, "account_link_consent_bg.wasm")));

    // A third build: the first build's copies go, the second's stay.
    std::fs::write(pkg.join("account_link_consent_bg.wasm"), wasm("c")).unwrap();
    hash(&pkg);
    assert!(!assets
        .join(name(&before, "account_link_consent_bg.wasm"))
        .exists());
    assert!(assets
        .join(name(&after, "account_link_consent_bg.wasm"))
        .is_file());
    s.stop().await;
}

#[tokio::test]
async fn a_manifest_naming_missing_files_stops_the_start_with_a_clear_error() {
    for (what, broken) in [
        (
            "missing copy",
            r#"{"version":1,"assets":{"a.js":{"file":"a.1234.js"}}}"#,
        ),
        ("not JSON", "{"),
        ("other version", r#"{"version":2,"assets":{}}"#),
        (
            "path in a name",
            r#"{"version":1,"assets":{"a.js":{"file":"../a.js"}}}"#,
        ),
    ] {
        let err = TestServer::sqlite()
            .with_file("pkg/assets/manifest.json", broken)
            .try_start()
            .await
            .err()
            .unwrap_or_else(|| panic!("{what}: the server started"));
        assert!(err.contains("manifest.json"), "{what}: {err}");
    }
    let err = TestServer::sqlite()
        .with_file(
            "pkg/assets/manifest.json",
            r#"{"version":1,"assets":{"a.js":{"file":"a.1234.js"}}}"#,
        )
        .try_start()
        .await
        .err()
        .unwrap();
    assert!(
        err.contains("a.1234.js") && err.contains("rebuild the widget"),
        "{err}"
    );
}

#[test]
fn a_page_module_and_its_identical_snippet_twin_are_one_copy() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path();
    write_package(pkg, &wasm("a"));
    hash(pkg);
    let copy = copy_of(pkg, "preload.js");
    assert_eq!(
        copy,
        copy_of(pkg, SNIPPET_PRELOAD),
        "one URL, so one module"
    );
    assert_eq!(
        std::fs::read(pkg.join("assets").join(copy)).unwrap(),
        PRELOAD
    );
}

#[test]
fn the_build_refuses_a_module_it_cannot_rename() {
    let dir = tempfile::tempdir().unwrap();
    let pkg = dir.path();
    write_package(pkg, &wasm("a"));
    std::fs::write(
        pkg.join("register.js"),
        "import init from \"./account_link_consent.js\";\nimport \"./not-built.js\";\n",
    )
    .unwrap();
    let out = std::process::Command::new("node")
        .arg(repo().join("scripts/hash-assets.mjs"))
        .arg(pkg)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("not-built.js"), "{err}");
    assert!(!pkg.join("assets/manifest.json").exists());
}
