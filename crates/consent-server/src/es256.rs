//! ES256 signature arithmetic for decision tokens, on ring's assembly.
//!
//! The signature is most of the CPU a decision costs: measured on this project's
//! 2-core EPYC machines, pure-Rust `p256` takes about 450 µs per verification and
//! ring about 75 µs. Every other check stays in `consent_core::verify`.

use consent_core::verify::Es256;
use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_FIXED};

/// [`Es256`] backed by ring.
///
/// ```
/// use consent_core::verify::Es256;
/// use consent_server::es256::Ring;
/// let mut point = [0u8; 65];
/// point[0] = 4;
/// assert!(!Ring.verify(&point, b"message", &[1u8; 64]));
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Ring;

impl Es256 for Ring {
    fn verify(&self, point: &[u8; 65], message: &[u8], signature: &[u8; 64]) -> bool {
        UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, point)
            .verify(message, signature)
            .is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use consent_core::verify::PureRust;
    use p256::ecdsa::{signature::Signer, Signature, SigningKey};

    fn point(key: &SigningKey) -> [u8; 65] {
        let encoded = key.verifying_key().to_encoded_point(false);
        encoded.as_bytes().try_into().unwrap()
    }

    /// Both implementations must give the same answer, or which tokens the ledger
    /// accepts would depend on the build.
    fn both(point: &[u8; 65], message: &[u8], sig: &[u8; 64]) -> bool {
        let (ring, pure) = (
            Ring.verify(point, message, sig),
            PureRust.verify(point, message, sig),
        );
        assert_eq!(ring, pure, "ring and p256 disagree");
        ring
    }

    #[test]
    fn agrees_with_pure_rust_on_good_and_bad_signatures() {
        for _ in 0..50 {
            let key = SigningKey::random(&mut rand_core::OsRng);
            let other = SigningKey::random(&mut rand_core::OsRng);
            let message = b"eyJhbGciOiJFUzI1NiJ9.eyJ2IjoxfQ";
            let sig: Signature = key.sign(message);
            let low = sig.normalize_s().unwrap_or(sig);
            let (r, s) = low.split_scalars();
            let high = Signature::from_scalars(r.to_bytes(), (-*s).to_bytes()).unwrap();
            let bytes = |s: Signature| -> [u8; 64] { s.to_bytes().into() };

            assert!(both(&point(&key), message, &bytes(low)));
            // WebCrypto does not normalise s: a high-S signature is just as valid.
            assert!(both(&point(&key), message, &bytes(high)));
            assert!(!both(&point(&other), message, &bytes(low)));
            assert!(!both(
                &point(&key),
                b"eyJhbGciOiJFUzI1NiJ9.eyJ2IjoyfQ",
                &bytes(low)
            ));
            let mut flipped = bytes(low);
            flipped[40] ^= 1;
            assert!(!both(&point(&key), message, &flipped));
        }
    }
}
