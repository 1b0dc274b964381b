//! The link targets a host puts in place of a notice's defaults.

use super::links::LinkKey;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::collections::BTreeMap;
use std::iter::Map;
use std::slice;

/// Link targets a host put in place of a notice's defaults, by link. Empty when the
/// defaults are shown; it travels in the token's `notice.links` so that anyone holding
/// the token can recompute its digest.
///
/// It reads like a `BTreeMap<LinkKey, String>` and is written like one (a JSON object, its
/// keys in [`LinkKey::ALL`] order), but is a list kept in that order: the widget's wasm
/// then carries no B-tree code for a map of at most seven entries (about 2 KB gzip).
///
/// ```
/// use consent_core::catalogue::{LinkKey, LinkOverrides};
/// let mut own = LinkOverrides::from([(LinkKey::Help, "https://intranet.example/".to_owned())]);
/// own.insert(LinkKey::EuTransfer, "https://intranet.example/eu".to_owned());
/// assert_eq!(own.get(&LinkKey::Help).map(String::as_str), Some("https://intranet.example/"));
/// assert_eq!(own.iter().map(|(k, _)| *k).collect::<Vec<_>>(), [LinkKey::EuTransfer, LinkKey::Help]);
/// assert_eq!(
///     serde_json::to_string(&own).unwrap(),
///     r#"{"eu_transfer":"https://intranet.example/eu","help":"https://intranet.example/"}"#
/// );
/// ```
// Sorted by key, one entry per key: equal overrides are equal lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkOverrides(Vec<(LinkKey, String)>);

impl LinkOverrides {
    /// No overrides: every link shows its default target.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether every link shows its default target.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many links have a target of the host's.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The host's target for `key`, if it gave one.
    pub fn get(&self, key: &LinkKey) -> Option<&String> {
        let at = self.find(*key).ok()?;
        Some(&self.0[at].1)
    }

    /// Sets the host's target for `key`; returns the one it replaces.
    pub fn insert(&mut self, key: LinkKey, href: String) -> Option<String> {
        match self.find(key) {
            Ok(at) => Some(std::mem::replace(&mut self.0[at].1, href)),
            Err(at) => {
                self.0.insert(at, (key, href));
                None
            }
        }
    }

    /// The host's targets, in [`LinkKey::ALL`] order.
    pub fn iter(&self) -> Iter<'_> {
        self.0.iter().map(|(key, href)| (key, href))
    }

    fn find(&self, key: LinkKey) -> Result<usize, usize> {
        self.0.binary_search_by_key(&key, |(k, _)| *k)
    }
}

/// The host's targets of a [`LinkOverrides`], in [`LinkKey::ALL`] order.
pub type Iter<'a> =
    Map<slice::Iter<'a, (LinkKey, String)>, fn(&'a (LinkKey, String)) -> (&'a LinkKey, &'a String)>;

impl FromIterator<(LinkKey, String)> for LinkOverrides {
    /// A later target for the same link replaces an earlier one, as in a map.
    fn from_iter<I: IntoIterator<Item = (LinkKey, String)>>(targets: I) -> Self {
        let mut out = Self::new();
        for (key, href) in targets {
            out.insert(key, href);
        }
        out
    }
}

impl<const N: usize> From<[(LinkKey, String); N]> for LinkOverrides {
    fn from(targets: [(LinkKey, String); N]) -> Self {
        targets.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a LinkOverrides {
    type Item = (&'a LinkKey, &'a String);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl Serialize for LinkOverrides {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

// Read through a map, so that what is accepted (and which of two same keys wins) is what
// it was when this was a map; only the backend reads these.
impl<'de> Deserialize<'de> for LinkOverrides {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(BTreeMap::<LinkKey, String>::deserialize(deserializer)?
            .into_iter()
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HREF: &str = "https://intranet.example/";

    // What this type replaced, as the reference for what goes over the wire.
    fn as_map(o: &LinkOverrides) -> BTreeMap<LinkKey, String> {
        o.iter().map(|(k, v)| (*k, v.clone())).collect()
    }

    #[test]
    fn equal_whatever_order_the_targets_were_given_in() {
        let a = LinkOverrides::from([
            (LinkKey::Help, HREF.into()),
            (LinkKey::EuTransfer, HREF.into()),
        ]);
        let b = LinkOverrides::from([
            (LinkKey::EuTransfer, HREF.into()),
            (LinkKey::Help, HREF.into()),
        ]);
        assert_eq!(a, b);
        assert_eq!(a.len(), 2);
        assert_ne!(a, LinkOverrides::from([(LinkKey::Help, HREF.into())]));
    }

    #[test]
    fn a_later_target_replaces_an_earlier_one() {
        let mut o = LinkOverrides::from([(LinkKey::Help, "https://a.example/".into())]);
        assert_eq!(
            o.insert(LinkKey::Help, HREF.into()).as_deref(),
            Some("https://a.example/")
        );
        assert_eq!(o.len(), 1);
        assert_eq!(o.get(&LinkKey::Help).map(String::as_str), Some(HREF));
        assert_eq!(o.get(&LinkKey::EuTransfer), None);
    }

    #[test]
    fn written_and_read_as_the_map_was() {
        for keys in [
            &LinkKey::ALL[..],
            &[LinkKey::Help, LinkKey::MicrosoftPrivacy],
            &[],
        ] {
            let o: LinkOverrides = keys
                .iter()
                .rev()
                .map(|k| (*k, format!("{HREF}{}", k.as_str())))
                .collect();
            let json = serde_json::to_string(&o).unwrap();
            assert_eq!(json, serde_json::to_string(&as_map(&o)).unwrap());
            assert_eq!(serde_json::from_str::<LinkOverrides>(&json).unwrap(), o);
            assert_eq!(o.is_empty(), keys.is_empty());
        }
        // The same key twice: the map kept the last, and so does this.
        let twice = r#"{"help":"https://a.example/","help":"https://b.example/"}"#;
        let read: LinkOverrides = serde_json::from_str(twice).unwrap();
        assert_eq!(
            as_map(&read),
            serde_json::from_str::<BTreeMap<LinkKey, String>>(twice).unwrap()
        );
        assert!(
            serde_json::from_str::<LinkOverrides>(r#"{"elsewhere":"https://a.example/"}"#).is_err()
        );
        assert!(serde_json::from_str::<LinkOverrides>(r#"["help"]"#).is_err());
    }
}
