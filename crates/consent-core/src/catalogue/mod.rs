//! The notice catalogue: every string the prompt and the manage view show, per locale.
//!
//! The widget renders only from here, and the notice digest is computed from here, so
//! what the user saw and what the server expects cannot drift apart.
//!
//! ```
//! use consent_core::catalogue;
//! let en = catalogue::notice("en-GB");
//! assert_eq!(en.lang, "en");
//! assert_eq!(en.prompt.directions.len(), 2);
//! ```

mod en;

use crate::digest::FieldHasher;
use crate::{Category, Choice, Digest, Direction};
use serde::{Deserialize, Serialize};

/// Identifies this notice; bump [`NOTICE_VERSION`] whenever any text changes meaning.
pub const NOTICE_ID: &str = "linkedin-account-connection";
/// The version of the notice text. Users who decided on an older version are asked again.
pub const NOTICE_VERSION: u32 = 1;

/// Every notice the catalogue has, the default first.
pub static NOTICES: &[&Notice] = &[&en::NOTICE];

/// The notice for the best match of a BCP 47 language tag (`"en-US"` -> `"en"`),
/// falling back to the default locale.
pub fn notice(lang: &str) -> &'static Notice {
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    NOTICES
        .iter()
        .find(|n| n.lang == primary)
        .unwrap_or(&NOTICES[0])
}

/// Everything a user is shown about connecting the accounts, in one language.
#[derive(Debug)]
pub struct Notice {
    pub id: &'static str,
    pub ver: u32,
    pub lang: &'static str,
    pub prompt: PromptText,
    pub manage: ManageText,
    pub links: LinkLabels,
    pub unavailable: UnavailableText,
}

/// The consent prompt.
#[derive(Debug)]
pub struct PromptText {
    pub title: &'static str,
    pub intro: &'static str,
    pub choices_label: &'static str,
    pub choices: [ChoiceText; 3],
    /// Spoken/shown for a direction that flows under a choice.
    pub flows_yes: &'static str,
    /// Spoken/shown for a direction that does not flow under a choice.
    pub flows_no: &'static str,
    pub data_heading: &'static str,
    pub directions: [DirectionText; 2],
    pub retention_heading: &'static str,
    pub retention: &'static [&'static str],
    pub transfer: &'static str,
    pub change_mind: &'static str,
    pub links_heading: &'static str,
}

/// One outcome the prompt offers.
#[derive(Debug)]
pub struct ChoiceText {
    pub choice: Choice,
    pub label: &'static str,
    pub summary: &'static str,
}

/// One direction data can flow in, with its categories.
#[derive(Debug)]
pub struct DirectionText {
    pub direction: Direction,
    pub heading: &'static str,
    /// A short name used next to each choice ("From LinkedIn to Microsoft").
    pub short: &'static str,
    pub when: &'static str,
    pub categories: &'static [CategoryText],
}

/// One data category and what it covers in its direction.
#[derive(Debug)]
pub struct CategoryText {
    pub category: Category,
    pub name: &'static str,
    pub includes: &'static str,
    /// What is explicitly left out, or how the data is used.
    pub note: Option<&'static str>,
}

/// The manage view: the current connection and how to disconnect.
#[derive(Debug)]
pub struct ManageText {
    pub title: &'static str,
    pub status_both_ways: &'static str,
    pub status_linkedin_only: &'static str,
    pub status_not_connected: &'static str,
    pub disconnect_both_ways: &'static str,
    pub disconnect_linkedin_only: &'static str,
    pub imported_contacts: &'static str,
    pub disconnect: &'static str,
    pub connect: &'static str,
    pub close: &'static str,
}

/// Labels of the host-configured links.
#[derive(Debug)]
pub struct LinkLabels {
    pub microsoft_privacy: &'static str,
    pub linkedin_privacy: &'static str,
    pub eu_transfer: &'static str,
    pub help: &'static str,
    pub remove_contacts: &'static str,
}

/// Why no prompt appears; the host shows these where the LinkedIn section would be.
#[derive(Debug)]
pub struct UnavailableText {
    pub policy_off: &'static str,
    pub not_in_group: &'static str,
}

/// Names a notice and the digest of what it showed: the `notice` claim.
///
/// ```
/// let r = consent_core::catalogue::notice("en").reference();
/// assert_eq!(r.ver, consent_core::catalogue::NOTICE_VERSION);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoticeRef {
    pub id: String,
    pub ver: u32,
    pub lang: String,
    pub sha256: String,
}

impl Notice {
    /// The category texts of `direction`.
    pub fn direction(&self, direction: Direction) -> &DirectionText {
        self.prompt
            .directions
            .iter()
            .find(|d| d.direction == direction)
            .expect("every notice describes both directions")
    }

    /// The text of one offered choice.
    pub fn choice(&self, choice: Choice) -> Option<&ChoiceText> {
        self.prompt.choices.iter().find(|c| c.choice == choice)
    }

    /// Every string the widget can show for this notice, in the order it shows them:
    /// the prompt top to bottom (title, intro, choices with their flow lines, the data
    /// categories, retention, transfer, link labels), then the manage view.
    pub fn shown_strings(&self) -> Vec<&'static str> {
        let p = &self.prompt;
        let mut out = vec![p.title, p.intro, p.choices_label];
        for c in &p.choices {
            out.extend([c.label, c.summary]);
            for d in &p.directions {
                if c.choice.is_connected() {
                    out.push(d.short);
                    out.push(if c.choice.allows(d.direction) {
                        p.flows_yes
                    } else {
                        p.flows_no
                    });
                }
            }
        }
        out.push(p.data_heading);
        for d in &p.directions {
            out.extend([d.heading, d.when]);
            for c in d.categories {
                out.extend([c.name, c.includes]);
                out.extend(c.note);
            }
        }
        out.push(p.retention_heading);
        out.extend(p.retention);
        out.extend([p.transfer, p.change_mind, p.links_heading]);
        let l = &self.links;
        out.extend([
            l.microsoft_privacy,
            l.linkedin_privacy,
            l.eu_transfer,
            l.help,
            l.remove_contacts,
        ]);
        let m = &self.manage;
        out.extend([
            m.title,
            m.status_both_ways,
            m.status_linkedin_only,
            m.status_not_connected,
            m.disconnect_both_ways,
            m.disconnect_linkedin_only,
            m.imported_contacts,
            m.disconnect,
            m.connect,
            m.close,
        ]);
        out
    }

    /// SHA-256 over the canonical serialisation of this notice: the fields
    /// `"account-link-consent/notice/v1"`, id, version (decimal), lang, then every
    /// string of [`Notice::shown_strings`], each as a 4-byte big-endian byte length
    /// followed by its UTF-8 bytes.
    pub fn digest(&self) -> Digest {
        let mut h = FieldHasher::new("account-link-consent/notice/v1");
        h.field(self.id);
        h.field(&self.ver.to_string());
        h.field(self.lang);
        for s in self.shown_strings() {
            h.field(s);
        }
        h.finish()
    }

    /// The `notice` claim for this notice.
    pub fn reference(&self) -> NoticeRef {
        NoticeRef {
            id: self.id.to_owned(),
            ver: self.ver,
            lang: self.lang.to_owned(),
            sha256: self.digest().to_hex(),
        }
    }
}

#[cfg(test)]
mod tests;
