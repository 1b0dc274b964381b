//! The shape of a notice as the widget renders it: every string it can show, grouped
//! by where it appears. Data only; the per-locale files fill it in.

use super::links::LinkKey;
use crate::{Category, Choice, Direction};
use std::borrow::Cow;

/// Everything a user can be shown about connecting the accounts, in one language and
/// one version: the prompt, the manage view, the links and their targets.
#[derive(Clone, Debug)]
pub struct Notice {
    pub id: &'static str,
    pub ver: u32,
    pub lang: &'static str,
    pub prompt: PromptText,
    pub manage: ManageText,
    /// Every link, in [`LinkKey::ALL`] order, with the target it points to.
    pub links: [LinkText; 7],
    pub unavailable: UnavailableText,
    pub changes: ChangesText,
    /// Feedback after a choice. Not part of the notice, so not in its digest.
    pub status: StatusText,
}

/// The consent prompt, top to bottom.
#[derive(Clone, Debug)]
pub struct PromptText {
    pub title: &'static str,
    pub intro: &'static str,
    pub choices_label: &'static str,
    /// The three outcomes, each with what flows where under it.
    pub choices: [ChoiceText; 3],
    /// The facts shown beside the choices, each with the link that goes with it:
    /// retention, the EU/US transfer, and the user's control.
    pub facts_heading: &'static str,
    pub facts: [Fact; 3],
    /// Above the category details, which are collapsed until opened.
    pub details_heading: &'static str,
    pub directions: [DirectionText; 2],
    pub links_heading: &'static str,
    /// The links listed under [`PromptText::links_heading`].
    pub learn_more: [LinkKey; 4],
}

/// One outcome the prompt offers and what it means, point by point.
#[derive(Clone, Debug)]
pub struct ChoiceText {
    pub choice: Choice,
    pub label: &'static str,
    pub points: &'static [Point],
}

/// One line of a choice's card.
#[derive(Clone, Copy, Debug)]
pub struct Point {
    pub mark: Mark,
    pub text: &'static str,
}

/// What a [`Point`] says about a direction, shown as a symbol beside its text (the
/// text says it in words too).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Data flows in this direction under the choice.
    Flows(Direction),
    /// No data flows in this direction under the choice.
    Stops(Direction),
    /// A fact that is not a direction (retention, what not connecting means).
    Note,
}

/// A sentence and the link that supports it.
#[derive(Clone, Copy, Debug)]
pub struct Fact {
    pub text: &'static str,
    pub link: LinkKey,
}

/// One direction data can flow in, with its categories.
#[derive(Clone, Debug)]
pub struct DirectionText {
    pub direction: Direction,
    pub heading: &'static str,
    /// Under which choices this direction flows.
    pub when: &'static str,
    pub categories: &'static [CategoryText],
}

/// One data category and what it covers in its direction.
#[derive(Clone, Debug)]
pub struct CategoryText {
    pub category: Category,
    pub name: &'static str,
    pub includes: &'static str,
    /// Whose data it is, what is left out, how it is used and kept.
    pub notes: &'static [&'static str],
}

/// The manage view: the current connection, what disconnecting stops, and what the user
/// can also do on LinkedIn.
#[derive(Clone, Debug)]
pub struct ManageText {
    pub title: &'static str,
    pub status_both_ways: &'static str,
    pub status_linkedin_only: &'static str,
    pub status_not_connected: &'static str,
    /// What the Disconnect button stops, at once, after "both ways".
    pub stops_both_ways: &'static str,
    /// What the Disconnect button stops, at once, after "LinkedIn data only".
    pub stops_linkedin_only: &'static str,
    /// Imported contacts stay on LinkedIn; shown only after "both ways".
    pub contacts_stay: Fact,
    /// What the user can do on LinkedIn's side, whatever they chose.
    pub on_linkedin: [Fact; 2],
    pub disconnect: &'static str,
    pub connect: &'static str,
    pub close: &'static str,
}

/// One link: its label and where it points.
#[derive(Clone, Debug)]
pub struct LinkText {
    pub key: LinkKey,
    pub label: &'static str,
    /// The default target, or (an owned string) the one a host put in its place.
    pub href: Cow<'static, str>,
}

/// Why no prompt appears, and who decides: shown by the host, and in the manage view.
#[derive(Clone, Debug)]
pub struct UnavailableText {
    pub policy_off: &'static str,
    pub not_in_group: &'static str,
}

/// What the prompt says when it asks again because the notice changed.
#[derive(Clone, Debug)]
pub struct ChangesText {
    pub heading: &'static str,
    /// `(version, sentence)`: what changed since that earlier version, in one sentence.
    pub since: &'static [(u32, &'static str)],
    /// For an earlier version this list does not name.
    pub unknown: &'static str,
}

/// What the user sees after a choice, about whether it was recorded.
#[derive(Clone, Debug)]
pub struct StatusText {
    pub sending: &'static str,
    /// The choice waits on this device for the backend.
    pub queued: &'static str,
    /// `{choice}` stands for the chosen outcome's label.
    pub recorded: &'static str,
    pub withdrawn: &'static str,
    /// `{reason}` stands for why, as the backend or the widget put it.
    pub not_recorded: &'static str,
    pub try_again: &'static str,
    pub dismiss: &'static str,
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

    /// The link for `key`.
    pub fn link(&self, key: LinkKey) -> &LinkText {
        &self.links[LinkKey::ALL
            .iter()
            .position(|k| *k == key)
            .expect("LinkKey::ALL lists every key")]
    }

    /// What changed since version `ver`, in one sentence: the catalogue's sentence for
    /// that version, or a general one when it has none.
    ///
    /// ```
    /// let n = consent_core::catalogue::notice("en");
    /// assert_ne!(n.changed_since(1), n.changes.unknown);
    /// assert_eq!(n.changed_since(0), n.changes.unknown);
    /// ```
    pub fn changed_since(&self, ver: u32) -> &'static str {
        self.changes
            .since
            .iter()
            .find(|(v, _)| *v == ver)
            .map_or(self.changes.unknown, |(_, text)| text)
    }
}

/// Why [`Notice::with_texts`] could not fill a notice in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextCountError {
    pub expected: usize,
    pub got: usize,
}

impl std::fmt::Display for TextCountError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the notice has {} strings, the text sent has {}",
            self.expected, self.got
        )
    }
}

impl std::error::Error for TextCountError {}

impl Notice {
    /// Every string this notice shows, in a fixed order (the same for every locale of a
    /// version): what a backend sends a widget that carries the notice's shape but not
    /// its language.
    /// Builds and leaks the notice's slices once per call, so call it once per locale.
    ///
    /// ```
    /// let en = consent_core::catalogue::notice("en");
    /// let texts = en.texts();
    /// assert!(texts.contains(&en.prompt.title));
    /// ```
    pub fn texts(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        self.map_text(&mut |s| {
            out.push(s);
            s
        });
        out
    }

    /// This notice's shape in locale `lang`, saying `texts` (in [`Notice::texts`]
    /// order) where it says its own strings; the link targets stay. The strings are
    /// leaked, so build each locale once. Whether the result is the text a backend
    /// meant is for its digest to show, not for this.
    ///
    /// ```
    /// use consent_core::catalogue;
    /// let en = catalogue::notice("en");
    /// let texts: Vec<String> = en.texts().iter().map(|s| s.to_uppercase()).collect();
    /// let loud = en.with_texts("en", &texts).unwrap();
    /// assert_eq!(loud.prompt.title, en.prompt.title.to_uppercase());
    /// assert_ne!(loud.digest(), en.digest());
    /// assert!(en.with_texts("en", &texts[1..]).is_err());
    /// ```
    pub fn with_texts(
        &self,
        lang: &'static str,
        texts: &[String],
    ) -> Result<Notice, TextCountError> {
        let mut next = texts.iter();
        let mut count = 0;
        let mut notice = self.map_text(&mut |_| {
            count += 1;
            next.next().map_or("", |t| String::leak(t.clone()))
        });
        if count != texts.len() {
            return Err(TextCountError {
                expected: count,
                got: texts.len(),
            });
        }
        notice.lang = lang;
        Ok(notice)
    }

    /// This notice with every string it shows passed through `tr` (link targets, which
    /// are not text, stay): how a translation takes the English notice's shape.
    /// Slices are built anew and leaked, so call it once per locale, not per use.
    pub(crate) fn map_text(&self, tr: &mut impl FnMut(&'static str) -> &'static str) -> Notice {
        fn leak<T>(items: Vec<T>) -> &'static [T] {
            Vec::leak(items)
        }
        let fact = |f: &Fact, tr: &mut dyn FnMut(&'static str) -> &'static str| Fact {
            text: tr(f.text),
            link: f.link,
        };
        let mut tr_dyn = |s: &'static str| tr(s);
        let tr: &mut dyn FnMut(&'static str) -> &'static str = &mut tr_dyn;
        let p = &self.prompt;
        let choices = p.choices.clone().map(|c| ChoiceText {
            choice: c.choice,
            label: tr(c.label),
            points: leak(
                c.points
                    .iter()
                    .map(|pt| Point {
                        mark: pt.mark,
                        text: tr(pt.text),
                    })
                    .collect(),
            ),
        });
        let facts = p.facts.map(|f| fact(&f, tr));
        let directions = p.directions.clone().map(|d| DirectionText {
            direction: d.direction,
            heading: tr(d.heading),
            when: tr(d.when),
            categories: leak(
                d.categories
                    .iter()
                    .map(|c| CategoryText {
                        category: c.category,
                        name: tr(c.name),
                        includes: tr(c.includes),
                        notes: leak(c.notes.iter().map(|n| tr(n)).collect()),
                    })
                    .collect(),
            ),
        });
        let m = &self.manage;
        Notice {
            id: self.id,
            ver: self.ver,
            lang: self.lang,
            prompt: PromptText {
                title: tr(p.title),
                intro: tr(p.intro),
                choices_label: tr(p.choices_label),
                choices,
                facts_heading: tr(p.facts_heading),
                facts,
                details_heading: tr(p.details_heading),
                directions,
                links_heading: tr(p.links_heading),
                learn_more: p.learn_more,
            },
            manage: ManageText {
                title: tr(m.title),
                status_both_ways: tr(m.status_both_ways),
                status_linkedin_only: tr(m.status_linkedin_only),
                status_not_connected: tr(m.status_not_connected),
                stops_both_ways: tr(m.stops_both_ways),
                stops_linkedin_only: tr(m.stops_linkedin_only),
                contacts_stay: fact(&m.contacts_stay, tr),
                on_linkedin: m.on_linkedin.map(|f| fact(&f, tr)),
                disconnect: tr(m.disconnect),
                connect: tr(m.connect),
                close: tr(m.close),
            },
            links: self.links.clone().map(|l| LinkText {
                key: l.key,
                label: tr(l.label),
                href: l.href,
            }),
            unavailable: UnavailableText {
                policy_off: tr(self.unavailable.policy_off),
                not_in_group: tr(self.unavailable.not_in_group),
            },
            changes: ChangesText {
                heading: tr(self.changes.heading),
                since: leak(
                    self.changes
                        .since
                        .iter()
                        .map(|(v, t)| (*v, tr(t)))
                        .collect(),
                ),
                unknown: tr(self.changes.unknown),
            },
            status: StatusText {
                sending: tr(self.status.sending),
                queued: tr(self.status.queued),
                recorded: tr(self.status.recorded),
                withdrawn: tr(self.status.withdrawn),
                not_recorded: tr(self.status.not_recorded),
                try_again: tr(self.status.try_again),
                dismiss: tr(self.status.dismiss),
            },
        }
    }
}
