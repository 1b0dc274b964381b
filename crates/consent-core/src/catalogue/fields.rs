//! A notice's canonical serialisation: the named fields, in the order the widget shows
//! them, that its digest covers; and the digest itself.

use super::links::{check_href, LinkKey};
use super::overrides::LinkOverrides;
use super::text::{Fact, Notice};
use super::NoticeRef;
use crate::digest::FieldHasher;
use crate::Digest;
use serde::Serialize;
use std::borrow::Cow;

/// The domain string that starts the serialisation of notices from version 2 on. It
/// names the layout: version 2 added every link's label and target, in place.
pub const DOMAIN: &str = "account-link-consent/notice/v2";

/// One string a notice shows, and what it is. The digest covers the texts only, in
/// order; the names tell an auditor where each text appeared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Field {
    pub name: &'static str,
    pub text: Cow<'static, str>,
}

/// Digest of `fields` under `domain`: the fields `domain`, id, version (decimal),
/// language, then each text, every one as a 4-byte big-endian byte length and its
/// UTF-8 bytes.
pub(crate) fn digest_of<'a>(
    domain: &str,
    id: &str,
    ver: u32,
    lang: &str,
    texts: impl IntoIterator<Item = &'a str>,
) -> Digest {
    let mut h = FieldHasher::new(domain);
    h.field(id);
    h.field(&ver.to_string());
    h.field(lang);
    for text in texts {
        h.field(text);
    }
    h.finish()
}

/// Why link overrides were refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkError(pub String);

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LinkError {}

impl Notice {
    /// Every string this notice can show, named, in the order it shows them: the prompt
    /// top to bottom (the change notes it shows when asking again, the choices with
    /// their points, the facts with their links, the category details, the other
    /// links), then the manage view, then the explanations of a tenant policy that
    /// leaves the user out. A link is two fields where it appears: its label, then its
    /// target. The status lines shown after a choice are not part of the notice.
    pub fn fields(&self) -> Vec<Field> {
        let mut f = FieldList {
            notice: self,
            out: Vec::with_capacity(96),
        };
        let p = &self.prompt;
        f.text("title", p.title);
        f.text("intro", p.intro);
        f.text("changes.heading", self.changes.heading);
        for (_, text) in self.changes.since {
            f.text("changes.since", text);
        }
        f.text("changes.unknown", self.changes.unknown);
        f.text("choices", p.choices_label);
        for c in &p.choices {
            f.text("choice.label", c.label);
            for point in c.points {
                f.text("choice.point", point.text);
            }
        }
        f.text("facts", p.facts_heading);
        for fact in &p.facts {
            f.fact("fact", fact);
        }
        f.text("details", p.details_heading);
        for d in &p.directions {
            f.text("direction.heading", d.heading);
            f.text("direction.when", d.when);
            for c in d.categories {
                f.text("category.name", c.name);
                f.text("category.includes", c.includes);
                for note in c.notes {
                    f.text("category.note", note);
                }
            }
        }
        f.text("links", p.links_heading);
        for key in p.learn_more {
            f.link(key);
        }
        let m = &self.manage;
        f.text("manage.title", m.title);
        f.text("manage.status_both_ways", m.status_both_ways);
        f.text("manage.status_linkedin_only", m.status_linkedin_only);
        f.text("manage.status_not_connected", m.status_not_connected);
        f.text("manage.stops_both_ways", m.stops_both_ways);
        f.text("manage.stops_linkedin_only", m.stops_linkedin_only);
        f.fact("manage.contacts_stay", &m.contacts_stay);
        for fact in &m.on_linkedin {
            f.fact("manage.on_linkedin", fact);
        }
        f.text("manage.disconnect", m.disconnect);
        f.text("manage.connect", m.connect);
        f.text("manage.close", m.close);
        f.text("unavailable.policy_off", self.unavailable.policy_off);
        f.text("unavailable.not_in_group", self.unavailable.not_in_group);
        f.out
    }

    /// SHA-256 over this notice's canonical serialisation: the fields [`DOMAIN`], id,
    /// version (decimal) and language, then the text of every field of
    /// [`Notice::fields`] (link targets included), each as a 4-byte big-endian byte
    /// length followed by its UTF-8 bytes.
    ///
    /// ```
    /// let n = consent_core::catalogue::notice("en");
    /// assert_eq!(n.digest(), n.digest());
    /// ```
    pub fn digest(&self) -> Digest {
        let fields = self.fields();
        digest_of(
            DOMAIN,
            self.id,
            self.ver,
            self.lang,
            fields.iter().map(|f| f.text.as_ref()),
        )
    }

    /// The link targets of this notice that differ from its defaults.
    pub fn overrides(&self) -> LinkOverrides {
        // Inserted one by one rather than collected: collecting sorts, and the sort
        // costs the widget's wasm more than this loop.
        let mut out = LinkOverrides::new();
        for link in &self.links {
            if let Cow::Owned(href) = &link.href {
                out.insert(link.key, href.clone());
            }
        }
        out
    }

    /// This notice with some link targets replaced. Targets equal to the default change
    /// nothing; any other must pass [`check_href`].
    ///
    /// ```
    /// use consent_core::catalogue::{notice, LinkKey, LinkOverrides};
    /// let own = LinkOverrides::from([(LinkKey::Help, "https://intranet.contoso.example/linkedin".into())]);
    /// let shown = notice("en").with_links(&own).unwrap();
    /// assert_ne!(shown.digest(), notice("en").digest());
    /// assert_eq!(shown.reference().links, own);
    /// ```
    pub fn with_links(&self, overrides: &LinkOverrides) -> Result<Notice, LinkError> {
        let mut shown = self.clone();
        for (key, href) in overrides {
            let link = &mut shown.links[LinkKey::ALL
                .iter()
                .position(|k| k == key)
                .expect("LinkKey::ALL lists every key")];
            if link.href == href.as_str() {
                continue;
            }
            // Quoted as it is, not with `{:?}`: the widget's wasm then carries no Debug
            // formatting of strings. The message is text (an Error's, a problem's detail).
            check_href(href)
                .map_err(|why| LinkError(format!("links.{}: \"{href}\" {why}", key.as_str())))?;
            link.href = Cow::Owned(href.clone());
        }
        Ok(shown)
    }

    /// The `notice` claim for this notice: names it, carries the digest of exactly
    /// what it shows, and the link targets that are not the defaults.
    ///
    /// ```
    /// let r = consent_core::catalogue::notice("en").reference();
    /// assert_eq!(r.ver, consent_core::catalogue::CURRENT_VERSION);
    /// assert!(r.links.is_empty());
    /// ```
    pub fn reference(&self) -> NoticeRef {
        NoticeRef {
            id: self.id.to_owned(),
            ver: self.ver,
            lang: self.lang.to_owned(),
            sha256: self.digest().to_hex(),
            links: self.overrides(),
        }
    }
}

/// [`Notice::fields`] as it collects them.
struct FieldList<'n> {
    notice: &'n Notice,
    out: Vec<Field>,
}

impl FieldList<'_> {
    fn text(&mut self, name: &'static str, text: &'static str) {
        self.out.push(Field {
            name,
            text: Cow::Borrowed(text),
        });
    }

    /// A link: its label, then its target.
    fn link(&mut self, key: LinkKey) {
        let link = self.notice.link(key);
        let (label_name, href_name) = key.field_names();
        self.text(label_name, link.label);
        self.out.push(Field {
            name: href_name,
            text: link.href.clone(),
        });
    }

    /// A sentence, then the link that supports it.
    fn fact(&mut self, name: &'static str, fact: &Fact) {
        self.text(name, fact.text);
        self.link(fact.link);
    }
}
