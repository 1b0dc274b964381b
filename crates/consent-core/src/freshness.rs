//! When a decision may say it was made: inside the life of the challenge it answers,
//! on the server's clock (docs/DESIGN.md, Verification order).
//!
//! The server issued the nonce, so it knows when the challenge was live; a decision
//! whose `iat` falls in that window is plausible however long it then waited in an
//! outbox, and however wrong the device's own clock is. The widget therefore never
//! reads the device clock for `iat`: it takes the challenge's `issued_at` and adds
//! the time that has passed since the challenge arrived ([`iat_for`]).
//!
//! ```
//! use consent_core::freshness::{check_iat, iat_for, IatOutside};
//! let (issued, expires) = (1_800_000_000, 1_800_003_600);
//! // Clicked 90.4 s after the challenge arrived.
//! let iat = iat_for(issued, 90_400.0);
//! assert_eq!(check_iat(iat, issued, expires, 0), Ok(()));
//! assert_eq!(check_iat(expires + 60, issued, expires, 0), Err(IatOutside::After(60)));
//! ```

/// How far `iat` falls outside a challenge's window, in seconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IatOutside {
    /// This long before the challenge was issued.
    Before(i64),
    /// This long after it expired.
    After(i64),
}

impl std::fmt::Display for IatOutside {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IatOutside::Before(s) => write!(f, "iat is {s} s before its challenge was issued"),
            IatOutside::After(s) => write!(f, "iat is {s} s after its challenge expired"),
        }
    }
}

/// Whether `iat` lies in `[issued_at, expires_at]`, give or take `leeway_secs`
/// (seconds since the epoch throughout). The leeway absorbs rounding to whole
/// seconds and lets widgets that still stamp `iat` from the device clock through
/// when that clock is close. The time a token arrives plays no part: a decision made
/// while its challenge was live stays plausible when it is delivered later.
///
/// ```
/// use consent_core::freshness::{check_iat, IatOutside};
/// assert_eq!(check_iat(95, 100, 200, 5), Ok(()));
/// assert_eq!(check_iat(94, 100, 200, 5), Err(IatOutside::Before(1)));
/// assert_eq!(check_iat(206, 100, 200, 5), Err(IatOutside::After(1)));
/// ```
pub fn check_iat(
    iat: i64,
    issued_at: i64,
    expires_at: i64,
    leeway_secs: i64,
) -> Result<(), IatOutside> {
    let leeway = leeway_secs.max(0);
    let earliest = issued_at.saturating_sub(leeway);
    let latest = expires_at.saturating_add(leeway);
    if iat < earliest {
        Err(IatOutside::Before(earliest.saturating_sub(iat)))
    } else if iat > latest {
        Err(IatOutside::After(iat.saturating_sub(latest)))
    } else {
        Ok(())
    }
}

/// The `iat` for a decision made `elapsed_ms` after a challenge issued at
/// `issued_at` arrived: the server's clock, carried forward by the device's
/// monotonic clock. A negative or non-finite elapsed time counts as none.
///
/// ```
/// assert_eq!(consent_core::freshness::iat_for(1_000, 2_999.0), 1_002);
/// assert_eq!(consent_core::freshness::iat_for(1_000, f64::NAN), 1_000);
/// ```
pub fn iat_for(issued_at: i64, elapsed_ms: f64) -> i64 {
    let elapsed = if elapsed_ms.is_finite() && elapsed_ms > 0.0 {
        (elapsed_ms / 1000.0) as i64
    } else {
        0
    };
    issued_at.saturating_add(elapsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISSUED: i64 = 1_800_000_000;
    const EXPIRES: i64 = ISSUED + 3600;

    #[test]
    fn the_whole_life_of_the_challenge_is_plausible() {
        for iat in [ISSUED, ISSUED + 1, EXPIRES - 1, EXPIRES] {
            assert_eq!(check_iat(iat, ISSUED, EXPIRES, 0), Ok(()), "{iat}");
        }
    }

    #[test]
    fn outside_it_says_which_side_and_how_far() {
        assert_eq!(
            check_iat(ISSUED - 301, ISSUED, EXPIRES, 300),
            Err(IatOutside::Before(1))
        );
        assert_eq!(
            check_iat(EXPIRES + 3600, ISSUED, EXPIRES, 300),
            Err(IatOutside::After(3300))
        );
        // A device clock an hour off, stamping iat itself, is outside; the same
        // decision stamped by iat_for is inside.
        let device_clock = ISSUED + 60 - 3600;
        assert!(check_iat(device_clock, ISSUED, EXPIRES, 300).is_err());
        assert_eq!(
            check_iat(iat_for(ISSUED, 60_000.0), ISSUED, EXPIRES, 0),
            Ok(())
        );
    }

    #[test]
    fn extreme_values_never_overflow() {
        assert!(check_iat(ISSUED - 1_000_000_000_000, ISSUED, EXPIRES, i64::MAX).is_ok());
        assert!(check_iat(i64::MIN, ISSUED, EXPIRES, i64::MAX).is_err());
        assert!(matches!(
            check_iat(i64::MAX, i64::MIN, i64::MIN, 5),
            Err(IatOutside::After(_))
        ));
        assert!(matches!(
            check_iat(i64::MIN, i64::MAX, i64::MAX, -5),
            Err(IatOutside::Before(_))
        ));
        assert_eq!(iat_for(i64::MAX, 1e300), i64::MAX);
        assert_eq!(iat_for(ISSUED, -5_000.0), ISSUED);
    }

    #[test]
    fn a_decision_late_in_the_window_stays_inside_it() {
        // Clicked 59 min 59.9 s in: rounding down keeps it in.
        let iat = iat_for(ISSUED, 3_599_900.0);
        assert_eq!(check_iat(iat, ISSUED, EXPIRES, 0), Ok(()));
        assert!(check_iat(iat_for(ISSUED, 3_601_000.0), ISSUED, EXPIRES, 0).is_err());
    }
}
