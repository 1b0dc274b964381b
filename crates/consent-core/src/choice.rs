//! The outcomes a user can choose and the data flows each one allows.

use crate::Policy;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the user decided. The wire names are the `choice` claim's values.
///
/// ```
/// use consent_core::Choice;
/// assert_eq!(Choice::parse("both_ways"), Some(Choice::BothWays));
/// assert_eq!(Choice::BothWays.as_str(), "both_ways");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// Both accounts may read each other's data.
    BothWays,
    /// The Microsoft account may read LinkedIn data; nothing flows to LinkedIn.
    LinkedinOnly,
    /// Nothing is connected. Recorded like any other decision.
    NotNow,
    /// An earlier connection is withdrawn.
    Withdraw,
}

impl Choice {
    /// The three outcomes the prompt offers, in the order it shows them.
    pub const OFFERED: [Choice; 3] = [Choice::BothWays, Choice::LinkedinOnly, Choice::NotNow];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Choice::BothWays => "both_ways",
            Choice::LinkedinOnly => "linkedin_only",
            Choice::NotNow => "not_now",
            Choice::Withdraw => "withdraw",
        }
    }

    /// Parses a wire name; `None` for anything else.
    pub fn parse(s: &str) -> Option<Choice> {
        [
            Choice::BothWays,
            Choice::LinkedinOnly,
            Choice::NotNow,
            Choice::Withdraw,
        ]
        .into_iter()
        .find(|c| c.as_str() == s)
    }

    /// Whether this outcome leaves the accounts connected.
    pub fn is_connected(self) -> bool {
        matches!(self, Choice::BothWays | Choice::LinkedinOnly)
    }

    /// Whether a user under `policy` may make this decision. Connecting needs the
    /// tenant's consent; refusing and withdrawing never do, so a user who connected can
    /// always disconnect.
    ///
    /// ```
    /// use consent_core::{Choice, Policy};
    /// assert!(Choice::Withdraw.allowed_under(Policy::Off));
    /// assert!(Choice::NotNow.allowed_under(Policy::NotInGroup));
    /// assert!(!Choice::BothWays.allowed_under(Policy::Off));
    /// ```
    pub fn allowed_under(self, policy: Policy) -> bool {
        !self.is_connected() || policy == Policy::Enabled
    }

    /// Whether data flows in `direction` under this outcome.
    pub fn allows(self, direction: Direction) -> bool {
        match direction {
            Direction::LinkedinToMicrosoft => self.is_connected(),
            Direction::MicrosoftToLinkedin => self == Choice::BothWays,
        }
    }

    /// Every offered category of each direction mapped to whether it flows.
    pub fn flows(self) -> Flows {
        // Inserted one by one rather than collected: collecting into a BTreeMap sorts,
        // and the two sorts it instantiates cost the widget's wasm 4.4 KB gzip.
        let mut flows = BTreeMap::new();
        for d in Direction::ALL {
            let on = self.allows(d);
            let mut cats = BTreeMap::new();
            for c in d.categories() {
                cats.insert(*c, on);
            }
            flows.insert(d, cats);
        }
        Flows(flows)
    }
}

/// One direction in which data can move between the two accounts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// LinkedIn data read by Microsoft apps and services.
    LinkedinToMicrosoft,
    /// Microsoft data read by LinkedIn.
    MicrosoftToLinkedin,
}

impl Direction {
    /// Both directions, in the order the prompt shows them.
    pub const ALL: [Direction; 2] = [
        Direction::LinkedinToMicrosoft,
        Direction::MicrosoftToLinkedin,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::LinkedinToMicrosoft => "linkedin_to_microsoft",
            Direction::MicrosoftToLinkedin => "microsoft_to_linkedin",
        }
    }

    /// The categories offered in this direction, in display order.
    pub fn categories(self) -> &'static [Category] {
        match self {
            Direction::LinkedinToMicrosoft => &[
                Category::Profile,
                Category::Interests,
                Category::Subscriptions,
                Category::Connections,
            ],
            Direction::MicrosoftToLinkedin => &[
                Category::Profile,
                Category::Calendar,
                Category::Interests,
                Category::Subscriptions,
                Category::Contacts,
            ],
        }
    }
}

/// A data category. Its meaning depends on the direction it flows in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Identity and profile details (both directions).
    Profile,
    /// Followed people and topics, or interests derived from use (both directions).
    Interests,
    /// Subscriptions to services and their data (both directions).
    Subscriptions,
    /// The LinkedIn network (LinkedIn to Microsoft only).
    Connections,
    /// Meetings without their titles or content (Microsoft to LinkedIn only).
    Calendar,
    /// Contact lists, kept by LinkedIn until removed (Microsoft to LinkedIn only).
    Contacts,
}

impl Category {
    /// Every category, in the order `Ord` sorts them (declaration order).
    pub(crate) const ALL: [Category; 6] = [
        Category::Profile,
        Category::Interests,
        Category::Subscriptions,
        Category::Connections,
        Category::Calendar,
        Category::Contacts,
    ];

    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Profile => "profile",
            Category::Interests => "interests",
            Category::Subscriptions => "subscriptions",
            Category::Connections => "connections",
            Category::Calendar => "calendar",
            Category::Contacts => "contacts",
        }
    }
}

/// Every offered category of each direction mapped to whether it flows: the `flows`
/// claim of a decision.
///
/// ```
/// use consent_core::{Category, Choice, Direction};
/// let flows = Choice::BothWays.flows();
/// assert_eq!(flows.get(Direction::MicrosoftToLinkedin, Category::Contacts), Some(true));
/// assert_eq!(flows.get(Direction::LinkedinToMicrosoft, Category::Calendar), None);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Flows(pub BTreeMap<Direction, BTreeMap<Category, bool>>);

impl Flows {
    /// Whether `category` flows in `direction`; `None` when it is not offered there.
    pub fn get(&self, direction: Direction, category: Category) -> Option<bool> {
        self.0.get(&direction)?.get(&category).copied()
    }

    /// Whether any category flows in `direction`.
    pub fn is_flowing(&self, direction: Direction) -> bool {
        self.0
            .get(&direction)
            .is_some_and(|cats| cats.values().any(|on| *on))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_names_round_trip() {
        for c in [
            Choice::BothWays,
            Choice::LinkedinOnly,
            Choice::NotNow,
            Choice::Withdraw,
        ] {
            assert_eq!(Choice::parse(c.as_str()), Some(c));
        }
        assert_eq!(Choice::parse("BOTH_WAYS"), None);
    }

    #[test]
    fn linkedin_only_sends_nothing_to_linkedin() {
        let f = Choice::LinkedinOnly.flows();
        for c in Direction::MicrosoftToLinkedin.categories() {
            assert_eq!(f.get(Direction::MicrosoftToLinkedin, *c), Some(false));
        }
        for c in Direction::LinkedinToMicrosoft.categories() {
            assert_eq!(f.get(Direction::LinkedinToMicrosoft, *c), Some(true));
        }
    }

    #[test]
    fn only_connecting_depends_on_the_policy() {
        for policy in Policy::ALL {
            for choice in [Choice::NotNow, Choice::Withdraw] {
                assert!(choice.allowed_under(policy), "{choice:?} under {policy:?}");
            }
            for choice in [Choice::BothWays, Choice::LinkedinOnly] {
                assert_eq!(choice.allowed_under(policy), policy == Policy::Enabled);
            }
        }
    }

    #[test]
    fn category_all_is_every_category_in_ord_order() {
        let mut sorted = Category::ALL;
        sorted.sort();
        assert_eq!(sorted, Category::ALL);
        for d in Direction::ALL {
            assert!(d.categories().iter().all(|c| Category::ALL.contains(c)));
        }
    }

    #[test]
    fn refusals_flow_nothing_but_list_every_category() {
        for choice in [Choice::NotNow, Choice::Withdraw] {
            let f = choice.flows();
            assert_eq!(f.0[&Direction::LinkedinToMicrosoft].len(), 4);
            assert_eq!(f.0[&Direction::MicrosoftToLinkedin].len(), 5);
            assert!(!f.is_flowing(Direction::LinkedinToMicrosoft));
            assert!(!f.is_flowing(Direction::MicrosoftToLinkedin));
        }
    }
}
