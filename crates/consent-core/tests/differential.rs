//! Differential test: our verifier against `jsonwebtoken` 9 over a seeded corpus of
//! mutated tokens.
//!
//! jsonwebtoken is set up as a careful backend would use it for these tokens: the key
//! is the header's embedded JWK (as ours does; the server binds it to the subject
//! later), the algorithm is pinned to ES256, and its claim checks are off, because our
//! tokens have no `exp` by design and `v`, `aud`, `iat`, `notice` and `flows` are
//! checked by us after the signature (DESIGN steps 8 to 11). What is compared is
//! therefore the JWS layer: does the token verify, under an allowed algorithm and key.
//! Its ECDSA is ring's, so the two sides share no signature arithmetic.
//!
//! They must agree everywhere except where a [`Why`] names the difference; a case
//! that expects a difference and gets agreement fails too, so no explanation outlives
//! the behaviour it explains.
#![cfg(feature = "verify")]

use consent_core::claims::{Claims, TOKEN_TYP};
use consent_core::jwk::EcPublicJwk;
use consent_core::token::base64url;
use consent_core::verify::{verify, Expectations, MAX_TOKEN_BYTES};
use consent_core::{catalogue, Choice};
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Validation};
use p256::ecdsa::{signature::Signer, Signature, SigningKey};
use serde_json::{json, Value};

const AUD: &str = "https://consent.example";
const NOW: i64 = 1_800_000_000;
const EXPECT: Expectations = Expectations { aud: AUD };

/// Our checks that come after the signature. A refusal by one of them means the
/// signature, algorithm and key were accepted, which is all jsonwebtoken is asked.
const AFTER_SIGNATURE: [&str; 5] = [
    "unknown-version",
    "bad-jti",
    "wrong-audience",
    "notice-mismatch",
    "flows-mismatch",
];

/// splitmix64: seeded, so every run sees the same corpus and a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        for b in &mut out {
            *b = self.next() as u8;
        }
        out
    }

    fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[self.below(from.len())]
    }
}

/// A key and the valid header and claims it signs; every case mutates one of these.
struct Fixture {
    key: SigningKey,
    jwk: EcPublicJwk,
    header: Value,
    claims: Value,
}

impl Fixture {
    fn new(rng: &mut Rng) -> Fixture {
        let key = loop {
            // Zero or not below the group order: vanishingly rare, but draw again.
            if let Ok(key) = SigningKey::from_slice(&rng.bytes::<32>()) {
                break key;
            }
        };
        let jwk = jwk_of(&key);
        let choice = *rng.pick(&[
            Choice::BothWays,
            Choice::LinkedinOnly,
            Choice::NotNow,
            Choice::Withdraw,
        ]);
        let claims = Claims::new(
            base64url(&rng.bytes::<16>()),
            NOW - 5,
            base64url(&rng.bytes::<16>()),
            AUD.into(),
            format!("sub-{}", rng.next() % 1000),
            catalogue::notice("en"),
            choice,
        );
        Fixture {
            header: json!({"typ": TOKEN_TYP, "alg": "ES256", "jwk": jwk}),
            claims: serde_json::to_value(claims).unwrap(),
            key,
            jwk,
        }
    }

    /// Signs exactly `header_b64 "." claims_b64`, whatever they hold.
    fn sign_encoded(&self, header_b64: &str, claims_b64: &str) -> String {
        let input = format!("{header_b64}.{claims_b64}");
        let sig: Signature = self.key.sign(input.as_bytes());
        format!("{input}.{}", base64url(&sig.to_bytes()))
    }

    fn sign_bytes(&self, header: &[u8], claims: &[u8]) -> String {
        self.sign_encoded(&base64url(header), &base64url(claims))
    }

    fn sign(&self, header: &Value, claims: &Value) -> String {
        self.sign_bytes(header.to_string().as_bytes(), claims.to_string().as_bytes())
    }

    fn token(&self) -> String {
        self.sign(&self.header, &self.claims)
    }

    fn header_text(&self) -> String {
        self.header.to_string()
    }

    fn claims_text(&self) -> String {
        self.claims.to_string()
    }

    /// The valid token re-signed with `edit` applied to the header.
    fn with_header(&self, edit: impl FnOnce(&mut Value)) -> String {
        let mut header = self.header.clone();
        edit(&mut header);
        self.sign(&header, &self.claims)
    }

    fn with_claims(&self, edit: impl FnOnce(&mut Value)) -> String {
        let mut claims = self.claims.clone();
        edit(&mut claims);
        self.sign(&self.header, &claims)
    }

    /// The signing input of the valid token with `signature` (raw bytes) attached.
    fn with_signature(&self, signature: &[u8]) -> String {
        let token = self.token();
        let (input, _) = token.rsplit_once('.').unwrap();
        format!("{input}.{}", base64url(signature))
    }
}

fn jwk_of(key: &SigningKey) -> EcPublicJwk {
    let point = key.verifying_key().to_encoded_point(false);
    EcPublicJwk {
        kty: "EC".into(),
        crv: "P-256".into(),
        x: base64url(point.x().unwrap()),
        y: base64url(point.y().unwrap()),
    }
}

/// Our verdict: past the signature (`Ok`), or the code of the check that refused.
/// The corpus's claims are valid, so `Ok` here is in practice a verified token.
fn ours(token: &str) -> Result<(), &'static str> {
    match verify(token, &EXPECT) {
        Ok(_) => Ok(()),
        Err(e) if AFTER_SIGNATURE.contains(&e.code()) => Ok(()),
        Err(e) => Err(e.code()),
    }
}

/// jsonwebtoken's verdict, its errors grouped by what they are about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Theirs {
    Accepts,
    /// Not three base64url parts of JSON of the shape it parses.
    Malformed,
    /// An algorithm other than the pinned ES256, or one the key cannot do.
    BadAlg,
    /// No usable key in the header.
    NoKey,
    /// The signature does not verify.
    BadSignature,
}

fn theirs(token: &str) -> Theirs {
    let outcome = (|| {
        let header = jsonwebtoken::decode_header(token)?;
        let jwk = header.jwk.ok_or(ErrorKind::InvalidKeyFormat)?;
        let key = DecodingKey::from_jwk(&jwk)?;
        let mut validation = Validation::new(Algorithm::ES256);
        validation.required_spec_claims.clear();
        validation.validate_exp = false;
        validation.validate_aud = false;
        jsonwebtoken::decode::<Value>(token, &key, &validation)
    })();
    match outcome {
        Ok(_) => Theirs::Accepts,
        Err(e) => match e.kind() {
            ErrorKind::InvalidToken | ErrorKind::Base64(_) | ErrorKind::Json(_) => {
                Theirs::Malformed
            }
            ErrorKind::Utf8(_) => Theirs::Malformed,
            ErrorKind::InvalidAlgorithm
            | ErrorKind::InvalidAlgorithmName
            | ErrorKind::MissingAlgorithm => Theirs::BadAlg,
            ErrorKind::InvalidEcdsaKey | ErrorKind::InvalidKeyFormat => Theirs::NoKey,
            ErrorKind::InvalidSignature | ErrorKind::Crypto(_) => Theirs::BadSignature,
            other => panic!("jsonwebtoken refused for a reason this test turned off: {other:?}"),
        },
    }
}

/// Every way the two are expected to disagree, and why that is right. In each, ours
/// is the stricter: ours never accepts what jsonwebtoken refuses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Why {
    /// RFC 7515 lets a header carry more parameters, and jsonwebtoken ignores those it
    /// does not use (`kid`, `jku`, `x5u`, `cty`, `b64`, anything unknown). Ours refuses
    /// every parameter but `typ`, `alg` and `jwk` (DESIGN "Decision token"), so nothing
    /// in a decision can steer another verifier that does use them.
    ExtraHeaderParameter,
    /// `crit` names extensions a recipient must understand or else refuse the token
    /// (RFC 7515 section 4.1.11); jsonwebtoken 9 has no such field and ignores it,
    /// which is its gap, not ours. Ours refuses it like any other extra parameter.
    CritIgnored,
    /// jsonwebtoken does not look at `typ`. Ours requires exactly
    /// `consent-decision+jwt` (RFC 8725 section 3.11, explicit typing), so a JWT the
    /// same key signed for another purpose cannot pass for a decision.
    TypNotChecked,
    /// jsonwebtoken's JWK type drops members it does not know, `d` among them. Ours
    /// refuses a header key with a private part: a client that sent it has leaked
    /// its key, and a decision signed with a leaked key proves nothing.
    PrivateKeyInJwk,
    /// Members besides `kty`, `crv`, `x`, `y` (`kid`, `use`, `alg`, `key_ops`, ...) are
    /// kept or dropped by jsonwebtoken without effect on verification. Ours refuses
    /// them, so the RFC 7638 thumbprint the ledger records covers the whole key sent.
    ExtraJwkMember,
    /// jsonwebtoken builds an EC key from `x` and `y` alone and never reads `crv`, so
    /// a P-256 point labelled P-384 or P-521 verifies as ES256. Ours refuses a key
    /// whose curve does not match the algorithm (DESIGN step 5).
    CurveLabelIgnored,
    /// Here jsonwebtoken decodes the claims as any JSON value: no schema, and the last
    /// of duplicate keys wins (but for the registered claims it reads itself, whose
    /// duplicates it refuses). Ours parses the claims strictly before the signature
    /// (DESIGN step 3): no duplicate key at any depth, no unknown or missing member,
    /// exact types.
    ClaimsSchema,
    /// jsonwebtoken has no size limit; ours refuses tokens over 8 KiB before parsing
    /// anything (DESIGN step 1).
    SizeCap,
}

impl Why {
    /// Whether this explanation fits the disagreement seen: jsonwebtoken accepts and
    /// ours refuses at the check the explanation is about.
    fn fits(self, ours: Result<(), &str>, theirs: Theirs) -> bool {
        let codes: &[&str] = match self {
            Why::ExtraHeaderParameter | Why::CritIgnored | Why::ClaimsSchema => &["bad-json"],
            // A missing `typ` is a missing member, so a shape error for us.
            Why::TypNotChecked => &["bad-typ", "bad-json"],
            Why::PrivateKeyInJwk | Why::ExtraJwkMember => &["bad-key"],
            Why::CurveLabelIgnored => &["bad-alg"],
            Why::SizeCap => &["too-large"],
        };
        theirs == Theirs::Accepts && ours.is_err_and(|code| codes.contains(&code))
    }
}

struct Case {
    what: String,
    token: String,
    ours: Result<(), &'static str>,
    theirs: Theirs,
    why: Option<Why>,
}

/// The corpus under construction, and the check that runs on each case.
#[derive(Default)]
struct Corpus {
    cases: Vec<Case>,
}

impl Corpus {
    /// Both must come to these verdicts, and they agree on accept or refuse.
    fn agree(
        &mut self,
        what: impl Into<String>,
        token: String,
        ours: Result<(), &'static str>,
        theirs: Theirs,
    ) {
        self.cases.push(Case {
            what: what.into(),
            token,
            ours,
            theirs,
            why: None,
        });
    }

    /// Both must refuse, at these checks.
    fn refused(
        &mut self,
        what: impl Into<String>,
        token: String,
        ours: &'static str,
        theirs: Theirs,
    ) {
        self.agree(what, token, Err(ours), theirs);
    }

    /// jsonwebtoken must accept and ours must refuse with `code`, for reason `why`.
    fn differ(&mut self, what: impl Into<String>, token: String, code: &'static str, why: Why) {
        self.cases.push(Case {
            what: what.into(),
            token,
            ours: Err(code),
            theirs: Theirs::Accepts,
            why: Some(why),
        });
    }

    /// Runs every case and reports every miss at once, so one run shows them all.
    fn check(&self) {
        let mut misses = Vec::new();
        for case in &self.cases {
            let (o, t) = (ours(&case.token), theirs(&case.token));
            let agree = o.is_ok() == (t == Theirs::Accepts);
            if (o, t) != (case.ours, case.theirs) {
                misses.push(format!(
                    "{}: (ours, jsonwebtoken) = {:?}, expected {:?}",
                    case.what,
                    (o, t),
                    (case.ours, case.theirs)
                ));
            } else if let Some(why) = case.why {
                if !why.fits(o, t) {
                    misses.push(format!("{}: {why:?} does not fit {:?}", case.what, (o, t)));
                }
            } else if !agree {
                misses.push(format!("{}: they differ without a reason", case.what));
            }
        }
        assert!(misses.is_empty(), "{}", misses.join("\n"));
    }
}

/// Flips the unused low bits of the last character of an unpadded base64url string,
/// giving a second spelling of the same bytes that strict decoders refuse.
fn non_canonical(b64: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    assert_ne!(b64.len() % 4, 0, "a whole quantum has no unused bits");
    let last = *b64.as_bytes().last().unwrap();
    let index = ALPHABET.iter().position(|&c| c == last).unwrap();
    assert_eq!(index & 1, 0, "canonical: the unused bits are zero");
    format!("{}{}", &b64[..b64.len() - 1], ALPHABET[index | 1] as char)
}

/// Pads `json` with trailing spaces (still the same JSON to any parser) until its
/// base64url form ends in a partial quantum, so that it has unused bits to set.
fn with_unused_bits(json: &str) -> String {
    let mut json = json.to_owned();
    while json.len() % 3 == 0 {
        json.push(' ');
    }
    json
}

/// The cases every fixture goes through: one or a few per kind of mutation.
fn structured_cases(f: &Fixture, other: &Fixture, corpus: &mut Corpus) {
    use Theirs::*;
    let token = f.token();
    corpus.agree("the valid token", token.clone(), Ok(()), Accepts);

    // alg: none, with no signature and with the valid one left on.
    let none = f.with_header(|h| h["alg"] = "none".into());
    let (unsigned, _) = none.rsplit_once('.').unwrap();
    // jsonwebtoken's algorithm list has no "none": its header does not parse.
    corpus.refused(
        "alg none, no signature",
        format!("{unsigned}."),
        "bad-alg",
        Malformed,
    );
    corpus.refused("alg none, signed", none, "bad-alg", Malformed);

    // HS256 with the public key as the HMAC secret, in the spellings a confused
    // verifier might use as "the key": the SEC1 point, the JWK JSON, x||y, the
    // thumbprint. Signed by jsonwebtoken itself, as an attacker would.
    let point = f.key.verifying_key().to_encoded_point(false);
    let jwk_json = serde_json::to_string(&f.jwk).unwrap();
    let secrets: [(&str, Vec<u8>); 4] = [
        ("SEC1 point", point.as_bytes().to_vec()),
        ("JWK JSON", jwk_json.into_bytes()),
        ("x||y", point.as_bytes()[1..].to_vec()),
        ("thumbprint", f.jwk.thumbprint().into_bytes()),
    ];
    for (name, secret) in secrets {
        let forged = hs256_forgery(f, &secret);
        corpus.refused(
            format!("HS256 keyed with the {name}"),
            forged,
            "bad-alg",
            BadAlg,
        );
    }

    for alg in ["ES384", "RS256", "PS256", "EdDSA", "HS512"] {
        let t = f.with_header(|h| h["alg"] = alg.into());
        corpus.refused(format!("alg {alg}, signed ES256"), t, "bad-alg", BadAlg);
    }
    for alg in ["es256", "ES256 ", "", "ES256K", "ES512"] {
        let t = f.with_header(|h| h["alg"] = alg.into());
        corpus.refused(format!("alg {alg:?}"), t, "bad-alg", Malformed);
    }
    let t = f.with_header(|h| h["alg"] = json!(["ES256"]));
    corpus.refused("alg as an array", t, "bad-json", Malformed);
    // The same string spelled with escapes is the same string to both.
    let escaped = f
        .header_text()
        .replace(r#""ES256""#, r#""ES\u0032\u0035\u0036""#);
    assert_ne!(escaped, f.header_text());
    let t = f.sign_bytes(escaped.as_bytes(), f.claims_text().as_bytes());
    corpus.agree("alg ES256 spelled with \\u escapes", t, Ok(()), Accepts);

    // The header key.
    let t = f.with_header(|h| h["jwk"]["d"] = base64url(&f.key.to_bytes()).into());
    corpus.differ("jwk with its private d", t, "bad-key", Why::PrivateKeyInJwk);
    let t = f.with_header(|h| h["jwk"]["d"] = base64url(&other.key.to_bytes()).into());
    corpus.differ("jwk with someone's d", t, "bad-key", Why::PrivateKeyInJwk);
    for (member, value) in [
        ("kid", json!("k1")),
        ("use", json!("sig")),
        ("alg", json!("ES256")),
        ("key_ops", json!(["verify"])),
    ] {
        let t = f.with_header(|h| h["jwk"][member] = value);
        corpus.differ(
            format!("jwk with {member}"),
            t,
            "bad-key",
            Why::ExtraJwkMember,
        );
    }
    for crv in ["P-384", "P-521"] {
        let t = f.with_header(|h| h["jwk"]["crv"] = crv.into());
        corpus.differ(
            format!("crv {crv} on a P-256 point"),
            t,
            "bad-alg",
            Why::CurveLabelIgnored,
        );
    }
    let t = f.with_header(|h| h["jwk"]["crv"] = "secp256k1".into());
    corpus.refused("crv secp256k1", t, "bad-alg", Malformed);
    let t = f.with_header(|h| h["jwk"]["kty"] = "RSA".into());
    corpus.refused("kty RSA with x and y", t, "bad-alg", Malformed);
    let t = f.with_header(|h| {
        h["jwk"] = json!({"kty": "RSA", "n": base64url(&[0xc5; 256]), "e": "AQAB"});
    });
    corpus.refused("an RSA key", t, "bad-alg", BadAlg);
    let t = f.with_header(|h| h["jwk"] = json!({"kty": "oct", "k": base64url(b"secret")}));
    corpus.refused("a symmetric key", t, "bad-alg", BadAlg);
    let t = f.with_header(|h| h["jwk"] = serde_json::to_value(&other.jwk).unwrap());
    corpus.refused("another valid key", t, "bad-signature", BadSignature);
    let t = f.with_header(|h| h["jwk"]["x"] = base64url(&[7u8; 32]).into());
    corpus.refused("a point off the curve", t, "bad-key", BadSignature);
    let t = f.with_header(|h| h["jwk"]["x"] = base64url(&[1u8; 31]).into());
    corpus.refused("a 31-byte x", t, "bad-key", BadSignature);
    let x = [&[0u8][..], &point.x().unwrap()[..]].concat();
    let t = f.with_header(|h| h["jwk"]["x"] = base64url(&x).into());
    corpus.refused("x with a leading zero byte", t, "bad-key", BadSignature);
    let t = f.with_header(|h| {
        h.as_object_mut().unwrap().remove("jwk");
    });
    corpus.refused("no key", t, "bad-json", NoKey);
    let t = f.with_header(|h| h["jwk"] = "a key".into());
    corpus.refused("the key as a string", t, "bad-json", Malformed);

    // Parameters besides typ, alg and jwk.
    let t = f.with_header(|h| h["crit"] = json!(["exp"]));
    corpus.differ("crit [exp]", t, "bad-json", Why::CritIgnored);
    let t = f.with_header(|h| h["crit"] = json!(["b64"]));
    corpus.differ("crit [b64]", t, "bad-json", Why::CritIgnored);
    for (name, value) in [
        ("kid", json!("k1")),
        ("jku", json!("https://attacker.example/keys")),
        ("x5u", json!("https://attacker.example/cert")),
        ("cty", json!("JWT")),
        ("b64", json!(false)),
        ("zip", json!("DEF")),
        ("nonsense", json!({"a": [1, 2]})),
    ] {
        let t = f.with_header(|h| h[name] = value);
        corpus.differ(
            format!("header with {name}"),
            t,
            "bad-json",
            Why::ExtraHeaderParameter,
        );
    }

    // typ. RFC 7515 section 4.1.9 would read the last two as our media type (types
    // are case-insensitive, "application/" may be left off); ours takes only the
    // spelling the widget writes, which refuses more, never less.
    for typ in [
        "JWT",
        "jwt",
        "Consent-Decision+JWT",
        "application/consent-decision+jwt",
    ] {
        let t = f.with_header(|h| h["typ"] = typ.into());
        corpus.differ(format!("typ {typ}"), t, "bad-typ", Why::TypNotChecked);
    }
    let t = f.with_header(|h| {
        h.as_object_mut().unwrap().remove("typ");
    });
    corpus.differ("no typ", t, "bad-json", Why::TypNotChecked);
    let t = f.with_header(|h| h["typ"] = 1.into());
    corpus.refused("typ a number", t, "bad-json", Malformed);

    // High-S: (r, n - s) verifies exactly when (r, s) does. WebCrypto does not
    // normalise s, so ours accepts both on purpose; ring does not normalise either.
    let sig: Signature = f.key.sign(token.rsplit_once('.').unwrap().0.as_bytes());
    let low = sig.normalize_s().unwrap_or(sig);
    let (r, s) = low.split_scalars();
    let high = Signature::from_scalars(r.to_bytes(), (-*s).to_bytes()).unwrap();
    assert!(high.normalize_s().is_some(), "really high-S");
    corpus.agree("low-S", f.with_signature(&low.to_bytes()), Ok(()), Accepts);
    corpus.agree(
        "high-S",
        f.with_signature(&high.to_bytes()),
        Ok(()),
        Accepts,
    );

    // Other signatures.
    let n = hex32("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
    let (r, s) = (r.to_bytes(), low.split_scalars().1.to_bytes());
    corpus.refused(
        "s = 0",
        f.with_signature(&[&r[..], &[0; 32]].concat()),
        "bad-signature",
        BadSignature,
    );
    corpus.refused(
        "r = 0",
        f.with_signature(&[&[0; 32], &s[..]].concat()),
        "bad-signature",
        BadSignature,
    );
    corpus.refused(
        "r = n",
        f.with_signature(&[&n[..], &s[..]].concat()),
        "bad-signature",
        BadSignature,
    );
    corpus.refused(
        "s + n",
        f.with_signature(&[&r[..], &add(&s, &n)[..]].concat()),
        "bad-signature",
        BadSignature,
    );
    let der = low.to_der();
    corpus.refused(
        "DER signature",
        f.with_signature(der.as_bytes()),
        "bad-signature",
        BadSignature,
    );
    corpus.refused(
        "63-byte signature",
        f.with_signature(&low.to_bytes()[..63]),
        "bad-signature",
        BadSignature,
    );
    corpus.refused(
        "empty signature",
        f.with_signature(&[]),
        "bad-signature",
        BadSignature,
    );
    let other_sig: Signature = other.key.sign(token.rsplit_once('.').unwrap().0.as_bytes());
    corpus.refused(
        "signed by another key",
        f.with_signature(&other_sig.to_bytes()),
        "bad-signature",
        BadSignature,
    );

    // Duplicate keys: in the header both refuse (serde refuses duplicate struct fields
    // in jsonwebtoken's header type too); in the claims only ours does.
    let header = f.header_text();
    for (from, to) in [
        (r#""alg":"ES256""#, r#""alg":"ES256","alg":"ES256""#),
        (r#""alg":"ES256""#, r#""alg":"HS256","alg":"ES256""#),
        (r#""kty":"EC""#, r#""kty":"EC","kty":"EC""#),
        (r#""x":""#, r#""x":"AA","x":""#),
    ] {
        let dup = header.replacen(from, to, 1);
        assert_ne!(dup, header);
        let t = f.sign_bytes(dup.as_bytes(), f.claims_text().as_bytes());
        corpus.refused(format!("header with {to}"), t, "bad-json", Malformed);
    }
    // jsonwebtoken reads the registered claims it validates (sub, aud, iss, exp, nbf)
    // with a struct of its own, which refuses their duplicates; others it leaves to
    // the caller's type, here a JSON value that keeps the last.
    let claims = f.claims_text();
    for (from, to, theirs) in [
        (r#""sub":"#, r#""sub":"someone-else","sub":"#, Malformed),
        (
            r#""aud":"#,
            r#""aud":"https://other.example","aud":"#,
            Malformed,
        ),
        (r#""jti":"#, r#""jti":"another","jti":"#, Accepts),
        (r#""profile":"#, r#""profile":true,"profile":"#, Accepts),
    ] {
        let dup = claims.replacen(from, to, 1);
        assert_ne!(dup, claims);
        let t = f.sign_bytes(header.as_bytes(), dup.as_bytes());
        let what = format!("claims with {to}");
        if theirs == Accepts {
            corpus.differ(what, t, "bad-json", Why::ClaimsSchema);
        } else {
            corpus.refused(what, t, "bad-json", theirs);
        }
    }

    // Claims outside the schema.
    let t = f.with_claims(|c| c["exp"] = (NOW - 3600).into());
    corpus.differ("an expired exp claim", t, "bad-json", Why::ClaimsSchema);
    let t = f.with_claims(|c| c["role"] = "admin".into());
    corpus.differ("an unknown claim", t, "bad-json", Why::ClaimsSchema);
    let t = f.with_claims(|c| {
        c.as_object_mut().unwrap().remove("nonce");
    });
    corpus.differ("no nonce", t, "bad-json", Why::ClaimsSchema);
    let t = f.with_claims(|c| c["v"] = "1".into());
    corpus.differ("v as a string", t, "bad-json", Why::ClaimsSchema);
    let t = f.with_claims(|c| *c = json!({}));
    corpus.differ("empty claims", t, "bad-json", Why::ClaimsSchema);
    let t = f.sign_bytes(header.as_bytes(), br#"{"sub":"\ud800"}"#);
    corpus.refused("a lone surrogate", t, "bad-json", Malformed);
    let t = f.sign_bytes(header.as_bytes(), b"{\"sub\":\"\xff\"}");
    corpus.refused("claims not UTF-8", t, "bad-json", Malformed);
    let t = f.with_claims(|c| c["sub"] = "s".repeat(MAX_TOKEN_BYTES).into());
    corpus.differ("a token over 8 KiB", t, "too-large", Why::SizeCap);

    // Whitespace. Inside the JSON it is JSON's business and both accept it; in the
    // compact serialisation it is not base64url and both refuse.
    let pretty_h = serde_json::to_string_pretty(&f.header).unwrap();
    let pretty_c = serde_json::to_string_pretty(&f.claims).unwrap();
    let t = f.sign_bytes(pretty_h.as_bytes(), pretty_c.as_bytes());
    corpus.agree("pretty-printed JSON", t, Ok(()), Accepts);
    let t = f.sign_bytes(format!(" {header}\n").as_bytes(), claims.as_bytes());
    corpus.agree("whitespace around the header JSON", t, Ok(()), Accepts);
    let dot = token.find('.').unwrap();
    let sig_dot = token.rfind('.').unwrap();
    for (what, t) in [
        ("leading space", format!(" {token}")),
        ("trailing newline", format!("{token}\n")),
        (
            "space before a dot",
            format!("{} {}", &token[..dot], &token[dot..]),
        ),
        (
            "tab in the signature",
            format!("{}\t{}", &token[..sig_dot + 3], &token[sig_dot + 3..]),
        ),
    ] {
        corpus.refused(what, t, "malformed", Malformed);
    }
    // jsonwebtoken checks the signature over the text before it decodes the claims.
    let t = format!("{}\n{}", &token[..dot + 5], &token[dot + 5..]);
    corpus.refused("newline in the claims", t, "malformed", BadSignature);

    // Trailing data.
    corpus.refused(
        "a fourth part",
        format!("{token}.AAAA"),
        "malformed",
        Malformed,
    );
    corpus.refused(
        "a trailing dot",
        format!("{token}."),
        "malformed",
        Malformed,
    );
    corpus.refused(
        "bytes after the signature",
        format!("{token}AAAA"),
        "bad-signature",
        BadSignature,
    );
    let t = f.sign_bytes(format!("{header}x").as_bytes(), claims.as_bytes());
    corpus.refused("text after the header JSON", t, "bad-json", Malformed);
    let t = f.sign_bytes(header.as_bytes(), format!("{claims}{{}}").as_bytes());
    corpus.refused(
        "a second JSON value after the claims",
        t,
        "bad-json",
        Malformed,
    );

    // Non-canonical base64url: padding, the standard alphabet, unused bits set.
    let (h64, rest) = token.split_once('.').unwrap();
    let (c64, s64) = rest.split_once('.').unwrap();
    let padded = |part: &str| format!("{part}{}", "=".repeat((4 - part.len() % 4) % 4));
    assert_eq!(s64.len() % 4, 2, "64 bytes are 86 characters");
    corpus.refused(
        "padded signature",
        format!("{h64}.{c64}.{}", padded(s64)),
        "malformed",
        Malformed,
    );
    let standard = token.replace('-', "+").replace('_', "/");
    if standard != token {
        corpus.refused("standard base64 alphabet", standard, "malformed", Malformed);
    }
    let t = format!("{h64}.{c64}.{}", non_canonical(s64));
    corpus.refused("signature with unused bits set", t, "malformed", Malformed);
    let h_odd = base64url(with_unused_bits(&header).as_bytes());
    let c_odd = base64url(with_unused_bits(&claims).as_bytes());
    let t = f.sign_encoded(&h_odd, &c_odd);
    corpus.agree("canonical base64 of padded JSON", t, Ok(()), Accepts);
    let t = f.sign_encoded(&non_canonical(&h_odd), &c_odd);
    corpus.refused("header with unused bits set", t, "malformed", Malformed);
    let t = f.sign_encoded(&h_odd, &non_canonical(&c_odd));
    corpus.refused("claims with unused bits set", t, "malformed", Malformed);
    let t = f.sign_encoded(&padded(&h_odd), &c_odd);
    corpus.refused("padded header, signed as such", t, "malformed", Malformed);
}

/// `a + b` as 33 big-endian bytes trimmed to the low 32: s + n overflows 256 bits for
/// most s, and either way it is out of range.
fn add(a: &[u8], b: &[u8; 32]) -> [u8; 32] {
    let mut out = [0u8; 32];
    let mut carry = 0u16;
    for i in (0..32).rev() {
        let sum = a[i] as u16 + b[i] as u16 + carry;
        out[i] = sum as u8;
        carry = sum >> 8;
    }
    out
}

fn hex32(hex: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap();
    }
    out
}

/// A token whose header says HS256 and carries the real public key, MACed with
/// `secret` by jsonwebtoken's own encoder: the classic algorithm-confusion forgery.
fn hs256_forgery(f: &Fixture, secret: &[u8]) -> String {
    let mut header = jsonwebtoken::Header::new(Algorithm::HS256);
    header.typ = Some(TOKEN_TYP.into());
    header.jwk = Some(serde_json::from_value(serde_json::to_value(&f.jwk).unwrap()).unwrap());
    let forged =
        jsonwebtoken::encode(&header, &f.claims, &EncodingKey::from_secret(secret)).unwrap();
    // Not a strawman: a verifier that takes the algorithm from the token and the key
    // as bytes would accept it.
    let mut naive = Validation::new(Algorithm::HS256);
    naive.required_spec_claims.clear();
    naive.validate_exp = false;
    naive.validate_aud = false;
    let key = DecodingKey::from_secret(secret);
    assert!(jsonwebtoken::decode::<Value>(&forged, &key, &naive).is_ok());
    forged
}

#[test]
fn structured_mutations_agree_or_differ_for_a_stated_reason() {
    let mut rng = Rng(0x5eed_0001);
    let fixtures: Vec<Fixture> = (0..3).map(|_| Fixture::new(&mut rng)).collect();
    let mut corpus = Corpus::default();
    for (i, f) in fixtures.iter().enumerate() {
        structured_cases(f, &fixtures[(i + 1) % fixtures.len()], &mut corpus);
    }
    corpus.check();
    assert!(corpus.cases.len() > 250, "{} cases", corpus.cases.len());
}

#[test]
fn bit_flips_are_refused_by_both_for_the_same_reason() {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut rng = Rng(0x5eed_0002);
    let mut compared = 0;
    for _ in 0..3 {
        let f = Fixture::new(&mut rng);
        let token = f.token();
        let sig_start = token.rfind('.').unwrap() + 1;
        for _ in 0..400 {
            let mut bytes = token.clone().into_bytes();
            let flips = 1 + rng.below(3);
            let mut in_signature_only = true;
            for _ in 0..flips {
                let at = rng.below(bytes.len());
                // Bits 0 to 6 only: the token stays ASCII, so it is still a &str.
                bytes[at] ^= 1 << rng.below(7);
                in_signature_only &= at >= sig_start;
            }
            let flipped = String::from_utf8(bytes).unwrap();
            if flipped == token {
                continue; // the same bit twice
            }
            let (o, t) = (ours(&flipped), theirs(&flipped));
            assert!(
                o.is_err() && t != Theirs::Accepts,
                "{flipped}: {:?}",
                (o, t)
            );
            // With the signed parts intact, both must fail for the same reason: the
            // signature's text is not base64url, or it does not verify.
            let sig = &flipped[sig_start..];
            if in_signature_only && sig.chars().all(|c| ALPHABET.contains(c)) {
                let same = matches!(
                    (o, t),
                    (Err("malformed"), Theirs::Malformed)
                        | (Err("bad-signature"), Theirs::BadSignature)
                );
                assert!(same, "{flipped}: {:?}", (o, t));
            }
            compared += 1;
        }
    }
    assert!(compared > 1100, "{compared}");
}

/// Where a re-signed edit may make the two disagree: the one reason that fits the
/// member edited, if any. `None` means they must agree.
fn why_for(path: &[&str]) -> Option<Why> {
    match path {
        ["header", "typ"] => Some(Why::TypNotChecked),
        ["header", "crit"] => Some(Why::CritIgnored),
        ["header", "alg"] | ["header", "jwk"] => None,
        ["header", "jwk", "crv"] => Some(Why::CurveLabelIgnored),
        ["header", "jwk", "d"] => Some(Why::PrivateKeyInJwk),
        ["header", "jwk", "kty" | "x" | "y"] => None,
        ["header", "jwk", _] => Some(Why::ExtraJwkMember),
        ["header", _] => Some(Why::ExtraHeaderParameter),
        ["claims", ..] => Some(Why::ClaimsSchema),
        _ => unreachable!("{path:?}"),
    }
}

#[test]
fn random_resigned_edits_differ_only_where_the_edited_member_explains_it() {
    let mut rng = Rng(0x5eed_0003);
    let fixtures: Vec<Fixture> = (0..2).map(|_| Fixture::new(&mut rng)).collect();
    let other = Fixture::new(&mut rng);
    let paths: &[&[&str]] = &[
        &["header", "typ"],
        &["header", "alg"],
        &["header", "jwk"],
        &["header", "crit"],
        &["header", "kid"],
        &["header", "jku"],
        &["header", "x5c"],
        &["header", "b64"],
        &["header", "jwk", "kty"],
        &["header", "jwk", "crv"],
        &["header", "jwk", "x"],
        &["header", "jwk", "y"],
        &["header", "jwk", "d"],
        &["header", "jwk", "kid"],
        &["header", "jwk", "use"],
        &["claims", "v"],
        &["claims", "jti"],
        &["claims", "iat"],
        &["claims", "aud"],
        &["claims", "sub"],
        &["claims", "exp"],
        &["claims", "nbf"],
        &["claims", "iss"],
        &["claims", "choice"],
        &["claims", "flows"],
        &["claims", "notice", "lang"],
        &["claims", "flows", "linkedin_to_microsoft", "profile"],
    ];
    let values = [
        Value::Null,
        json!(true),
        json!(0),
        json!(-1),
        json!(1.5),
        json!(1e300),
        json!(u64::MAX),
        json!(""),
        json!("ES256"),
        json!("HS256"),
        json!("none"),
        json!("EC"),
        json!("P-256"),
        json!("P-384"),
        json!("JWT"),
        json!(TOKEN_TYP),
        json!(AUD),
        json!([]),
        json!(["exp"]),
        json!({}),
        json!(other.jwk.x),
        json!(other.jwk.y),
        serde_json::to_value(&other.jwk).unwrap(),
        json!(base64url(&[0u8; 32])),
        json!("linkedin_only"),
        json!(NOW - 100_000),
    ];
    let mut differences = std::collections::BTreeMap::<String, usize>::new();
    for _ in 0..250 {
        let f = rng.pick(&fixtures);
        let path = *rng.pick(paths);
        let remove = rng.below(4) == 0;
        let value = rng.pick(&values).clone();
        let (mut header, mut claims) = (f.header.clone(), f.claims.clone());
        let root = if path[0] == "header" {
            &mut header
        } else {
            &mut claims
        };
        let (parent, last) = path[1..].split_at(path.len() - 2);
        let mut node = root;
        for name in parent {
            node = &mut node[*name];
        }
        let Some(object) = node.as_object_mut() else {
            continue; // an earlier step replaced the parent; nothing to edit
        };
        if remove {
            object.remove(last[0]);
        } else {
            object.insert(last[0].to_owned(), value.clone());
        }
        let token = f.sign(&header, &claims);
        let (o, t) = (ours(&token), theirs(&token));
        let what = format!("{} {path:?} {value}", if remove { "remove" } else { "set" });
        if o.is_ok() != (t == Theirs::Accepts) {
            let why = why_for(path).filter(|why| why.fits(o, t));
            let Some(why) = why else {
                panic!("{what}: {:?} differ, unexplained", (o, t));
            };
            *differences.entry(format!("{why:?}")).or_default() += 1;
        }
    }
    // The corpus must reach the explained differences, or it checks little.
    assert!(differences.len() >= 5, "{differences:?}");
}
