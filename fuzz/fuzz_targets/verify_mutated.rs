//! Structure-aware: a valid token from a fixture key, mutated in its JSON, its JSON
//! text, its base64url text and its signature, then re-signed with the same key or
//! not. Beyond never panicking:
//! - the untouched token (or its high-S twin) is accepted;
//! - an accepted token is signed by the fixture key, with one of the two valid
//!   signatures over exactly what it carries;
//! - without re-signing, no change to the signed text is ever accepted.
#![no_main]

use arbitrary::Arbitrary;
use consent_core::claims::{Claims, TOKEN_TYP};
use consent_core::jwk::EcPublicJwk;
use consent_core::token::{base64url, base64url_decode};
use consent_core::{catalogue, Choice};
use consent_fuzz::{check, AUD, EXPECT, NOW};
use libfuzzer_sys::fuzz_target;
use p256::ecdsa::{signature::Signer, Signature, SigningKey};
use serde_json::{json, Value};
use std::sync::OnceLock;

struct Fixture {
    key: SigningKey,
    jwk: EcPublicJwk,
    header: Value,
    claims: Value,
    /// The valid token's signing input and signature, made once: signing is most of
    /// what a run costs.
    signing_input: String,
    signature: Signature,
}

fn fixtures() -> &'static [Fixture] {
    static FIXTURES: OnceLock<Vec<Fixture>> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let choices = [
            Choice::BothWays,
            Choice::LinkedinOnly,
            Choice::NotNow,
            Choice::Withdraw,
        ];
        choices
            .iter()
            .enumerate()
            .map(|(i, choice)| {
                let key = SigningKey::from_slice(&[i as u8 + 1; 32]).unwrap();
                let point = key.verifying_key().to_encoded_point(false);
                let jwk = EcPublicJwk {
                    kty: "EC".into(),
                    crv: "P-256".into(),
                    x: base64url(point.x().unwrap()),
                    y: base64url(point.y().unwrap()),
                };
                let claims = Claims::new(
                    // 16 bytes, as the widget makes them: an id the schema accepts.
                    base64url(&[i as u8 + 1; 16]),
                    NOW,
                    format!("nonce-{i}"),
                    AUD.into(),
                    format!("sub-{i}"),
                    catalogue::notice("en"),
                    *choice,
                );
                let header = json!({"typ": TOKEN_TYP, "alg": "ES256", "jwk": jwk});
                let claims = serde_json::to_value(claims).unwrap();
                let signing_input = format!(
                    "{}.{}",
                    base64url(header.to_string().as_bytes()),
                    base64url(claims.to_string().as_bytes())
                );
                Fixture {
                    signature: key.sign(signing_input.as_bytes()),
                    signing_input,
                    header,
                    claims,
                    key,
                    jwk,
                }
            })
            .collect()
    })
}

#[derive(Arbitrary, Debug)]
struct Input {
    fixture: u8,
    json_edits: Vec<JsonEdit>,
    text_edits: Vec<TextEdit>,
    encoded_edits: Vec<Splice<String>>,
    resign: bool,
    signature: SigEdit,
}

#[derive(Arbitrary, Debug, Clone, Copy, PartialEq)]
enum Part {
    Header,
    Claims,
}

/// A member name: mostly ones the verifier knows, so that edits hit real paths.
#[derive(Arbitrary, Debug)]
enum Name {
    Known(u8),
    Other(String),
}

const NAMES: &[&str] = &[
    "typ",
    "alg",
    "jwk",
    "kty",
    "crv",
    "x",
    "y",
    "d",
    "kid",
    "use",
    "crit",
    "jku",
    "x5u",
    "x5c",
    "b64",
    "cty",
    "v",
    "jti",
    "iat",
    "nonce",
    "aud",
    "sub",
    "notice",
    "id",
    "ver",
    "lang",
    "sha256",
    "choice",
    "flows",
    "linkedin_to_microsoft",
    "microsoft_to_linkedin",
    "profile",
    "interests",
    "subscriptions",
    "connections",
    "calendar",
    "contacts",
    "exp",
    "nbf",
    "iss",
];

impl Name {
    fn as_str(&self) -> &str {
        match self {
            Name::Known(i) => NAMES[*i as usize % NAMES.len()],
            Name::Other(s) => s,
        }
    }
}

/// A JSON value, one level deep: enough for every member of the schema, and it keeps
/// the input's decoding from recursing.
#[derive(Arbitrary, Debug)]
enum Json {
    Scalar(Scalar),
    Array(Vec<Scalar>),
    Object(Vec<(Name, Scalar)>),
}

#[derive(Arbitrary, Debug)]
enum Scalar {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    /// A string the verifier compares against, or another fixture's coordinate.
    Known(u8),
}

const STRINGS: &[&str] = &[
    "ES256",
    "es256",
    "HS256",
    "none",
    "EC",
    "P-256",
    "P-384",
    TOKEN_TYP,
    "JWT",
    AUD,
    "en",
    "both_ways",
    "linkedin_only",
    "not_now",
    "withdraw",
    "",
];

impl Scalar {
    fn value(&self) -> Value {
        match self {
            Scalar::Null => Value::Null,
            Scalar::Bool(b) => json!(b),
            Scalar::Int(i) => json!(i),
            Scalar::UInt(u) => json!(u),
            Scalar::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::from),
            Scalar::Str(s) => json!(s),
            Scalar::Known(i) => {
                let i = *i as usize;
                let all = fixtures();
                match i % (STRINGS.len() + 2) {
                    k if k < STRINGS.len() => json!(STRINGS[k]),
                    k if k == STRINGS.len() => json!(all[i % all.len()].jwk.x),
                    _ => json!(all[i % all.len()].jwk.y),
                }
            }
        }
    }
}

impl Json {
    fn value(&self) -> Value {
        match self {
            Json::Scalar(s) => s.value(),
            Json::Array(items) => items.iter().map(Scalar::value).collect(),
            Json::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(n, s)| (n.as_str().to_owned(), s.value()))
                    .collect(),
            ),
        }
    }
}

#[derive(Arbitrary, Debug)]
enum JsonEdit {
    Set {
        part: Part,
        path: Vec<Name>,
        value: Json,
    },
    Remove {
        part: Part,
        path: Vec<Name>,
    },
}

/// Replaces `delete` bytes at `at` (both wrapped into range) with `insert`.
#[derive(Arbitrary, Debug)]
struct Splice<T> {
    at: u16,
    delete: u8,
    insert: T,
}

impl<T: AsRef<[u8]>> Splice<T> {
    fn apply(&self, bytes: &mut Vec<u8>) {
        let at = self.at as usize % (bytes.len() + 1);
        let end = (at + self.delete as usize).min(bytes.len());
        bytes.splice(at..end, self.insert.as_ref().iter().copied());
    }
}

#[derive(Arbitrary, Debug)]
enum TextEdit {
    Splice {
        part: Part,
        splice: Splice<Vec<u8>>,
    },
    /// `"name":` becomes `"name":<value>,"name":`: a duplicate key, first or nested.
    Duplicate {
        part: Part,
        name: Name,
        value: Scalar,
    },
}

#[derive(Arbitrary, Debug)]
enum SigEdit {
    Keep,
    /// (r, n - s): the other valid signature, which verify accepts on purpose.
    NegateS,
    Flip {
        at: u8,
        bit: u8,
    },
    Bytes(Splice<Vec<u8>>),
    Text(String),
}

fn edit_json(root: &mut Value, path: &[Name], value: Option<Value>) {
    let Some((last, parents)) = path.split_last() else {
        if let Some(v) = value {
            *root = v;
        }
        return;
    };
    let mut node = root;
    for name in parents {
        let Some(next) = node.as_object_mut().and_then(|o| o.get_mut(name.as_str())) else {
            return;
        };
        node = next;
    }
    if let Some(object) = node.as_object_mut() {
        match value {
            Some(v) => object.insert(last.as_str().to_owned(), v),
            None => object.remove(last.as_str()),
        };
    }
}

fn twin(sig: &Signature) -> Signature {
    let (r, s) = sig.split_scalars();
    Signature::from_scalars(r.to_bytes(), (-*s).to_bytes()).unwrap()
}

fuzz_target!(|input: Input| {
    let all = fixtures();
    let f = &all[input.fixture as usize % all.len()];
    let original_input = &f.signing_input;

    let (mut header, mut claims) = (f.header.clone(), f.claims.clone());
    for edit in &input.json_edits {
        let (part, path, value) = match edit {
            JsonEdit::Set { part, path, value } => (part, path, Some(value.value())),
            JsonEdit::Remove { part, path } => (part, path, None),
        };
        let root = if *part == Part::Header {
            &mut header
        } else {
            &mut claims
        };
        edit_json(root, path, value);
    }
    let mut texts = [
        header.to_string().into_bytes(),
        claims.to_string().into_bytes(),
    ];
    for edit in &input.text_edits {
        match edit {
            TextEdit::Splice { part, splice } => splice.apply(&mut texts[*part as usize]),
            TextEdit::Duplicate { part, name, value } => {
                let text = &mut texts[*part as usize];
                let key = serde_json::to_string(name.as_str()).unwrap() + ":";
                let s = String::from_utf8_lossy(text).into_owned();
                let dup = format!("{key}{},{key}", value.value());
                *text = s.replacen(&key, &dup, 1).into_bytes();
            }
        }
    }
    let mut signing_input =
        format!("{}.{}", base64url(&texts[0]), base64url(&texts[1])).into_bytes();
    for splice in &input.encoded_edits {
        splice.apply(&mut signing_input);
    }
    let signing_input = String::from_utf8_lossy(&signing_input).into_owned();

    let sig: Signature = if input.resign && signing_input != *original_input {
        f.key.sign(signing_input.as_bytes())
    } else {
        f.signature
    };
    let sig_text = match &input.signature {
        SigEdit::Keep => base64url(&sig.to_bytes()),
        SigEdit::NegateS => base64url(&twin(&sig).to_bytes()),
        SigEdit::Flip { at, bit } => {
            let mut bytes = sig.to_bytes().to_vec();
            bytes[*at as usize % 64] ^= 1 << (bit % 8);
            base64url(&bytes)
        }
        SigEdit::Bytes(splice) => {
            let mut bytes = sig.to_bytes().to_vec();
            splice.apply(&mut bytes);
            base64url(&bytes)
        }
        SigEdit::Text(text) => text.clone(),
    };
    let token = format!("{signing_input}.{sig_text}");

    let result = check(&token, &EXPECT);
    let untouched = signing_input == *original_input
        && matches!(input.signature, SigEdit::Keep | SigEdit::NegateS);
    if untouched {
        assert!(result.is_ok(), "the valid token was refused: {result:?}");
    }
    if let Ok(v) = result {
        assert_eq!(
            v.header_jwk, f.jwk,
            "accepted under a key that did not sign"
        );
        assert!(
            input.resign || signing_input == *original_input,
            "a changed token passed with the old signature"
        );
        let good: Signature = f.key.sign(signing_input.as_bytes());
        let accepted = base64url_decode(&sig_text).unwrap();
        assert!(
            accepted == good.to_bytes()[..] || accepted == twin(&good).to_bytes()[..],
            "a signature other than the two valid ones"
        );
    }
});
