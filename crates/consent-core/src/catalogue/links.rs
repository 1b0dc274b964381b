//! The links a notice shows: which ones there are, and which targets a host may put
//! in place of the defaults.

use serde::{Deserialize, Serialize};

/// One link the notice shows. Every notice carries a default target for each; a host
/// may replace any of them with an `https:` URL of its own, and the digest then covers
/// that target instead (see [`super::Notice::with_links`]).
///
/// ```
/// use consent_core::catalogue::LinkKey;
/// assert_eq!(LinkKey::parse("eu_transfer"), Some(LinkKey::EuTransfer));
/// assert_eq!(LinkKey::EuTransfer.option_name(), "euTransfer");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKey {
    /// Microsoft's use of personal data.
    MicrosoftPrivacy,
    /// LinkedIn's use of personal data.
    LinkedinPrivacy,
    /// How LinkedIn describes the protection of data moving between the EU and the US.
    EuTransfer,
    /// Deleting contacts LinkedIn has imported.
    RemoveContacts,
    /// Controlling how one's own LinkedIn profile is viewed.
    ProfileVisibility,
    /// LinkedIn's help page on its side of the connection (LinkedIn in Microsoft apps
    /// with a work or school account).
    LinkedinHelp,
    /// The FAQ about LinkedIn information in Microsoft apps and services.
    Help,
}

impl LinkKey {
    /// Every link, in the order a notice lists their defaults.
    pub const ALL: [LinkKey; 7] = [
        LinkKey::MicrosoftPrivacy,
        LinkKey::LinkedinPrivacy,
        LinkKey::EuTransfer,
        LinkKey::RemoveContacts,
        LinkKey::ProfileVisibility,
        LinkKey::LinkedinHelp,
        LinkKey::Help,
    ];

    /// The wire name (the token's `notice.links` keys, the challenge request's).
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKey::MicrosoftPrivacy => "microsoft_privacy",
            LinkKey::LinkedinPrivacy => "linkedin_privacy",
            LinkKey::EuTransfer => "eu_transfer",
            LinkKey::RemoveContacts => "remove_contacts",
            LinkKey::ProfileVisibility => "profile_visibility",
            LinkKey::LinkedinHelp => "linkedin_help",
            LinkKey::Help => "help",
        }
    }

    /// The key in the widget's `links` option (camelCase, as JavaScript spells it).
    pub fn option_name(self) -> &'static str {
        match self {
            LinkKey::MicrosoftPrivacy => "microsoftPrivacy",
            LinkKey::LinkedinPrivacy => "linkedinPrivacy",
            LinkKey::EuTransfer => "euTransfer",
            LinkKey::RemoveContacts => "removeContacts",
            LinkKey::ProfileVisibility => "profileVisibility",
            LinkKey::LinkedinHelp => "linkedinHelp",
            LinkKey::Help => "help",
        }
    }

    /// Parses a wire name; `None` for anything else.
    pub fn parse(s: &str) -> Option<LinkKey> {
        LinkKey::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The field names this link's label and target have in a notice's canonical
    /// serialisation (see [`super::Field`]).
    pub(crate) fn field_names(self) -> (&'static str, &'static str) {
        match self {
            LinkKey::MicrosoftPrivacy => ("link.microsoft_privacy", "href.microsoft_privacy"),
            LinkKey::LinkedinPrivacy => ("link.linkedin_privacy", "href.linkedin_privacy"),
            LinkKey::EuTransfer => ("link.eu_transfer", "href.eu_transfer"),
            LinkKey::RemoveContacts => ("link.remove_contacts", "href.remove_contacts"),
            LinkKey::ProfileVisibility => ("link.profile_visibility", "href.profile_visibility"),
            LinkKey::LinkedinHelp => ("link.linkedin_help", "href.linkedin_help"),
            LinkKey::Help => ("link.help", "href.help"),
        }
    }
}

/// URLs longer than this are refused: a link target is shown and signed, and has no
/// business being kilobytes long.
pub const MAX_HREF_LEN: usize = 2048;

/// Whether `href` may be shown as a link target: an absolute `https:` URL without
/// credentials, whitespace or control characters, at most [`MAX_HREF_LEN`] bytes. The
/// widget parses URLs with the browser first; this is the rule both sides share.
///
/// ```
/// use consent_core::catalogue::check_href;
/// assert!(check_href("https://www.linkedin.com/help/linkedin/answer/83").is_ok());
/// assert!(check_href("http://example.com/").is_err());
/// assert!(check_href("https://user:pw@example.com/").is_err());
/// ```
pub fn check_href(href: &str) -> Result<(), &'static str> {
    let Some(rest) = href.strip_prefix("https://") else {
        return Err("must be an https: URL");
    };
    if href.len() > MAX_HREF_LEN {
        return Err("is too long");
    }
    if href.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("must not contain spaces or control characters");
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.is_empty() {
        return Err("has no host");
    }
    if authority.contains('@') {
        return Err("must not carry a user name or password");
    }
    Ok(())
}
