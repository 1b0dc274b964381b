//! The tenant admin's setting for one user, as the challenge carries it.

use serde::{Deserialize, Serialize};

/// Whether the tenant lets this user connect accounts. The wire names are what the
/// challenge's `policy` field, the widget's `policy` option and `consent:unavailable`
/// use.
///
/// ```
/// use consent_core::Policy;
/// assert_eq!(Policy::parse("not_in_group"), Some(Policy::NotInGroup));
/// assert_eq!(Policy::Off.as_str(), "off");
/// assert_eq!(serde_json::to_string(&Policy::Enabled).unwrap(), "\"enabled\"");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Policy {
    /// The user may be asked.
    #[default]
    Enabled,
    /// The tenant turned the feature off for everybody.
    Off,
    /// The tenant turned it on for a group this user is not in.
    NotInGroup,
}

impl Policy {
    /// Every policy, in the order the documentation lists them.
    pub const ALL: [Policy; 3] = [Policy::Enabled, Policy::Off, Policy::NotInGroup];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Policy::Enabled => "enabled",
            Policy::Off => "off",
            Policy::NotInGroup => "not_in_group",
        }
    }

    /// Parses a wire name; `None` for anything else.
    pub fn parse(s: &str) -> Option<Policy> {
        Policy::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_and_as_str_agree_on_every_name() {
        for p in Policy::ALL {
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(json, format!("\"{}\"", p.as_str()));
            assert_eq!(serde_json::from_str::<Policy>(&json).unwrap(), p);
            assert_eq!(Policy::parse(p.as_str()), Some(p));
        }
        assert_eq!(Policy::parse("Enabled"), None);
    }
}
