//! The stylesheet as the wasm carries it: src/style.css without its comments and
//! indentation, which explain the sheet to its readers but cost every download.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo::rerun-if-changed=src/style.css");
    let css = fs::read_to_string("src/style.css").expect("src/style.css is readable");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("style.min.css");
    fs::write(out, minify(&css)).expect("OUT_DIR is writable");
}

/// Drops comments, turns each run of whitespace into one space and drops that space
/// next to `{`, `}` and `;`, where CSS gives it no meaning; quoted strings are kept as
/// written. Spaces by `:` and `>` stay, since in a selector (`.a :hover`) they matter,
/// and so do those after commas, which a custom property's value keeps as written.
/// tests/style.rs holds the browser's reading of the result to its reading of the source.
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            '"' | '\'' => {
                push_space(&mut out, &mut space, c);
                out.push(c);
                for s in chars.by_ref() {
                    out.push(s);
                    if s == c {
                        break;
                    }
                }
            }
            c => {
                push_space(&mut out, &mut space, c);
                out.push(c);
            }
        }
    }
    out
}

/// Writes the pending space before `next`, unless a neighbour makes it meaningless.
fn push_space(out: &mut String, space: &mut bool, next: char) {
    let tight = |c: char| matches!(c, '{' | '}' | ';');
    if *space && !out.is_empty() && !tight(next) && !out.ends_with(tight) {
        out.push(' ');
    }
    *space = false;
}
