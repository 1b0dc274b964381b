//! `verify` on arbitrary input: it must never panic, and whatever it accepts must be
//! a well-formed decision within every rule (see `consent_fuzz::check`).
//!
//! An input that starts with `{` is read as `header JSON \0 claims JSON \0 signature
//! bytes` and encoded by the harness, so that mutations land in the JSON rather than
//! mostly breaking the base64url around it; anything else is the token text itself.
//! Neither form can be a valid token of the other, since `{` is not base64url.
#![no_main]

use consent_core::token::base64url;
use consent_core::verify::Expectations;
use consent_fuzz::{check, own_audience, EXPECT};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let token = if data.first() == Some(&b'{') {
        let mut parts = data.splitn(3, |&b| b == 0);
        let mut next = || base64url(parts.next().unwrap_or_default());
        format!("{}.{}.{}", next(), next(), next())
    } else {
        String::from_utf8_lossy(data).into_owned()
    };
    let _ = check(&token, &EXPECT);
    if let Some(aud) = own_audience(&token) {
        let expect = Expectations { aud: &aud };
        let _ = check(&token, &expect);
    }
});
