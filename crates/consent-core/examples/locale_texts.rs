//! Prints, as one JSON object, the text the backend sends a widget for each locale
//! (`catalogue::texts`, the `text` of a challenge response), the default locale
//! first: `{"en":[...],"nl":[...],...}`. `bash scripts/bench locales` measures it.
//!
//!     cargo run -q --release -p consent-core --example locale_texts --features locales

use consent_core::catalogue;

fn main() {
    let mut out = String::from("{");
    for (i, notice) in catalogue::current().enumerate() {
        let texts = catalogue::texts(notice.lang).expect("every current notice has its texts");
        if i > 0 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(notice.lang).expect("a string serialises"));
        out.push(':');
        out.push_str(&serde_json::to_string(texts).expect("strings serialise"));
    }
    out.push('}');
    println!("{out}");
}
