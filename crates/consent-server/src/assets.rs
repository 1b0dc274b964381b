//! The widget's content-hashed copies in `pkg/assets/` (written by
//! `scripts/hash-assets.mjs`), and the demo pages pointed at them.
//!
//! The manifest is read once, at start: the pages then name exactly the copies this
//! process checked were there, whatever a rebuild does to `pkg/` meanwhile (the build
//! keeps the previous build's copies, so one rebuild under a running server breaks no
//! page; a restart picks up the new build).

use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the copies are served.
pub const URL_PREFIX: &str = "/pkg/assets/";
/// Where pages name the widget's files by their plain names.
const PLAIN_PREFIX: &str = "/pkg/";
pub const MANIFEST: &str = "manifest.json";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    version: u32,
    assets: BTreeMap<String, Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    file: String,
    /// The modules it imports statically, transitively, by plain name.
    #[serde(default)]
    imports: Vec<String>,
}

/// The manifest of one build, checked against the files beside it.
#[derive(Debug)]
pub struct Assets {
    /// Plain name in `pkg/` (`account_link_consent.js`, `snippets/.../element.js`) to
    /// the copy's file name, and the copies of what it imports.
    entries: BTreeMap<String, (String, Vec<String>)>,
}

/// A copy's name goes into pages as is, so it may hold nothing an attribute or a path
/// would read as syntax.
fn plain_file_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

impl Assets {
    /// The directory the copies live in, for a widget package in `pkg_dir`.
    pub fn dir(pkg_dir: &Path) -> PathBuf {
        pkg_dir.join("assets")
    }

    /// `Ok(None)` when there is no manifest (a `pkg/` built without the hashing step, or
    /// none at all): pages are then served as written, naming the plain files. A manifest
    /// that cannot be read, or names a copy that is not there, is an error: serving pages
    /// that point at missing files would fail in every browser instead of here.
    pub fn load(pkg_dir: &Path) -> Result<Option<Assets>, String> {
        let dir = Self::dir(pkg_dir);
        let path = dir.join(MANIFEST);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let rebuild = "rebuild the widget (build_widget in scripts/lib.sh)";
        let manifest: Manifest = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{} is not a valid manifest ({e}); {rebuild}",
                path.display()
            )
        })?;
        if manifest.version != 1 {
            return Err(format!(
                "{} has version {}, this server reads version 1; {rebuild}",
                path.display(),
                manifest.version
            ));
        }
        let mut entries = BTreeMap::new();
        for (name, entry) in &manifest.assets {
            if !plain_file_name(&entry.file) {
                return Err(format!(
                    "{} maps {name} to {:?}, which is not a plain file name",
                    path.display(),
                    entry.file
                ));
            }
            for suffix in ["", ".gz", ".br"] {
                let file = dir.join(format!("{}{suffix}", entry.file));
                if !file.is_file() {
                    return Err(format!(
                        "{} names {}, which is missing; {rebuild}",
                        path.display(),
                        file.display()
                    ));
                }
            }
            let mut imports = Vec::with_capacity(entry.imports.len());
            for import in &entry.imports {
                let target = manifest.assets.get(import).ok_or_else(|| {
                    format!(
                        "{} says {name} imports {import}, which it does not list",
                        path.display()
                    )
                })?;
                imports.push(target.file.clone());
            }
            entries.insert(name.clone(), (entry.file.clone(), imports));
        }
        Ok(Some(Assets { entries }))
    }

    /// The URL of the copy of `name` (its plain name in `pkg/`).
    pub fn url(&self, name: &str) -> Option<String> {
        self.entries
            .get(name)
            .map(|(file, _)| format!("{URL_PREFIX}{file}"))
    }

    /// `html` with every quoted `/pkg/<name>` of a listed file replaced by its copy's
    /// URL; after a `<link rel="modulepreload">` of a module, preloads of the modules it
    /// imports follow, so the browser fetches the whole graph at once instead of one
    /// import level per round trip.
    pub fn rewrite_html(&self, html: &str) -> String {
        let mut out = String::with_capacity(html.len() + 512);
        let mut preloaded: Vec<&str> = Vec::new();
        // `html[at..]` is what is not in `out` yet.
        let mut at = 0;
        while let Some(found) = html[at..].find(PLAIN_PREFIX) {
            let start = at + found;
            let value_start = start + PLAIN_PREFIX.len();
            let listed = match html[..start].chars().next_back() {
                Some(q @ ('"' | '\'')) => html[value_start..].find(q).and_then(|len| {
                    let after = value_start + len;
                    self.entries
                        .get(&html[value_start..after])
                        .map(|(file, imports)| (after, file, imports))
                }),
                _ => None,
            };
            let Some((after, file, imports)) = listed else {
                out.push_str(&html[at..value_start]);
                at = value_start;
                continue;
            };
            out.push_str(&html[at..start]);
            out.push_str(URL_PREFIX);
            out.push_str(file);
            preloaded.push(file);
            at = after;
            // Inside a modulepreload link? Then its imports go right after the tag.
            let tag_start = html[..start].rfind('<').unwrap_or(0);
            let Some(tag_end) = html[after..].find('>').map(|i| after + i + 1) else {
                continue;
            };
            let tag = html[tag_start..tag_end].to_ascii_lowercase();
            let is_modulepreload = tag.starts_with("<link")
                && [
                    "rel=\"modulepreload\"",
                    "rel='modulepreload'",
                    "rel=modulepreload",
                ]
                .iter()
                .any(|r| tag.contains(r));
            if !is_modulepreload {
                continue;
            }
            out.push_str(&html[after..tag_end]);
            at = tag_end;
            for import in imports {
                if !preloaded.contains(&import.as_str()) {
                    preloaded.push(import);
                    out.push_str("\n<link rel=\"modulepreload\" href=\"");
                    out.push_str(URL_PREFIX);
                    out.push_str(import);
                    out.push_str("\">");
                }
            }
        }
        out.push_str(&html[at..]);
        out
    }
}

/// A strong validator for a page as served: it changes whenever the page or the copies
/// it names change, which the file's own modification time would not show.
pub fn etag(page: &[u8]) -> String {
    let digest = Sha256::digest(page);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assets() -> Assets {
        let mut entries = BTreeMap::new();
        entries.insert(
            "glue.js".to_owned(),
            (
                "glue.1111.js".to_owned(),
                vec!["a.2222.js".to_owned(), "b.3333.js".to_owned()],
            ),
        );
        entries.insert("w.wasm".to_owned(), ("w.4444.wasm".to_owned(), vec![]));
        entries.insert(
            "snippets/x/a.js".to_owned(),
            ("a.2222.js".to_owned(), vec![]),
        );
        Assets { entries }
    }

    #[test]
    fn listed_names_are_replaced_and_their_imports_preloaded() {
        let page = concat!(
            "<link rel=\"modulepreload\" href=\"/pkg/glue.js\">\n",
            "<link rel=preload as=fetch crossorigin href='/pkg/w.wasm'>\n",
            "<script type=module src=\"/pkg/snippets/x/a.js\"></script>\n",
            "<a href=\"/pkg/other.js\">/pkg/glue.js</a> \"/pkg/",
        );
        let out = assets().rewrite_html(page);
        assert_eq!(
            out,
            concat!(
                "<link rel=\"modulepreload\" href=\"/pkg/assets/glue.1111.js\">\n",
                "<link rel=\"modulepreload\" href=\"/pkg/assets/a.2222.js\">\n",
                "<link rel=\"modulepreload\" href=\"/pkg/assets/b.3333.js\">\n",
                "<link rel=preload as=fetch crossorigin href='/pkg/assets/w.4444.wasm'>\n",
                // Already preloaded above: named, but not preloaded twice.
                "<script type=module src=\"/pkg/assets/a.2222.js\"></script>\n",
                // Unlisted, unquoted and unterminated names stay as they were.
                "<a href=\"/pkg/other.js\">/pkg/glue.js</a> \"/pkg/",
            )
        );
    }

    #[test]
    fn a_page_without_references_is_unchanged() {
        let page = "<!doctype html><title>x</title><p>pkg/ and /pkg</p>";
        assert_eq!(assets().rewrite_html(page), page);
    }

    #[test]
    fn file_names_with_syntax_are_refused() {
        for bad in ["", ".hidden", "a/b.js", "a\".js", "a b.js", "..", "x<y"] {
            assert!(!plain_file_name(bad), "{bad:?}");
        }
        assert!(plain_file_name(
            "account_link_consent_bg.3f043226691c87c5.wasm"
        ));
    }
}
