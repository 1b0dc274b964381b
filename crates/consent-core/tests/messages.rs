//! The Fluent message sources in `messages/`: every locale says everything English
//! says, nothing more, with the same variables, and English says exactly what the
//! catalogue's current notice says (so its digest is the one decisions were made on).

use consent_core::catalogue::{self, LinkKey};
use consent_core::{Choice, Direction};
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::parser;
use std::collections::BTreeSet;

/// Every locale the product ships, English first.
const LOCALES: [&str; 13] = [
    "en", "nl", "de", "fr", "es", "it", "pt-BR", "pl", "sv", "ja", "zh-Hans", "ar", "he",
];

/// Written without spaces between words: a line break in a value would show as a
/// stray space, so their values stay on one line.
const UNSPACED: [&str; 2] = ["ja", "zh-Hans"];

/// Names no translation may change.
const PRODUCT_NAMES: [&str; 7] = [
    "Microsoft",
    "LinkedIn",
    "Outlook",
    "Skype",
    "Office 365",
    "Cortana",
    "Bing for Business",
];

/// One message as the test sees it: its id, its text with variables written as
/// `{name}`, and the variables it uses.
struct Message {
    id: String,
    text: String,
    vars: BTreeSet<String>,
}

fn source(lang: &str) -> String {
    let path = format!("{}/messages/{lang}.ftl", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn messages(lang: &str) -> Vec<Message> {
    let src = source(lang);
    let resource = parser::parse(src.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{lang}.ftl does not parse: {errors:?}"));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(m) => {
                let pattern = m.value.as_ref().unwrap_or_else(|| {
                    panic!("{lang}.ftl: {} has no value", m.id.name);
                });
                assert!(
                    m.attributes.is_empty(),
                    "{lang}.ftl: {} has attributes, which English does not use",
                    m.id.name
                );
                let mut vars = BTreeSet::new();
                let text = flatten(lang, m.id.name, pattern, &mut vars);
                Some(Message {
                    id: m.id.name.to_owned(),
                    text,
                    vars,
                })
            }
            Entry::Term(t) => panic!("{lang}.ftl: term -{} (terms are not used)", t.id.name),
            Entry::Junk { content } => panic!("{lang}.ftl: unparsed text {content:?}"),
            _ => None,
        })
        .collect()
}

fn flatten(lang: &str, id: &str, pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) -> String {
    let mut out = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id: var }),
            } => {
                vars.insert(var.name.to_owned());
                out.push('{');
                out.push_str(var.name);
                out.push('}');
            }
            other => panic!("{lang}.ftl: {id} uses {other:?}; only plain variables are allowed"),
        }
    }
    out
}

/// What the user reads: Fluent keeps a value's line breaks, and the page shows them as
/// spaces.
fn shown(text: &str) -> String {
    text.split('\n')
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn every_locale_has_exactly_the_english_messages_and_variables() {
    let en = messages("en");
    for lang in &LOCALES[1..] {
        let ours = messages(lang);
        let en_ids: Vec<_> = en.iter().map(|m| m.id.as_str()).collect();
        let our_ids: Vec<_> = ours.iter().map(|m| m.id.as_str()).collect();
        let missing: Vec<_> = en_ids.iter().filter(|id| !our_ids.contains(id)).collect();
        let stray: Vec<_> = our_ids.iter().filter(|id| !en_ids.contains(id)).collect();
        assert!(missing.is_empty(), "{lang}.ftl lacks {missing:?}");
        assert!(stray.is_empty(), "{lang}.ftl has stray messages {stray:?}");
        assert_eq!(our_ids, en_ids, "{lang}.ftl: messages in another order");
        for (m, e) in ours.iter().zip(&en) {
            assert_eq!(
                m.vars, e.vars,
                "{lang}.ftl: {} uses other variables than English",
                m.id
            );
        }
    }
}

#[test]
fn every_message_is_translated_and_keeps_the_product_names() {
    let en = messages("en");
    for lang in LOCALES {
        for (m, e) in messages(lang).iter().zip(&en) {
            assert!(!m.text.trim().is_empty(), "{lang}.ftl: {} is empty", m.id);
            if lang != "en" && e.text.len() > 24 {
                assert_ne!(m.text, e.text, "{lang}.ftl: {} is still English", m.id);
            }
            for name in PRODUCT_NAMES {
                if e.text.contains(name) {
                    assert!(
                        m.text.contains(name),
                        "{lang}.ftl: {} drops or translates {name:?}",
                        m.id
                    );
                }
            }
            if UNSPACED.contains(&lang) {
                assert!(
                    !m.text.contains('\n'),
                    "{lang}.ftl: {} breaks a line, which would show as a stray space",
                    m.id
                );
            }
        }
    }
}

#[test]
fn english_says_what_the_current_notice_says() {
    let n = catalogue::notice("en");
    let choice = |c| n.choice(c).expect("every choice has text");
    let point = |c, i: usize| choice(c).points[i].text;
    let li = n.direction(Direction::LinkedinToMicrosoft);
    let ms = n.direction(Direction::MicrosoftToLinkedin);
    let s = &n.status;
    let expected: Vec<(&str, &str)> = vec![
        ("prompt-title", n.prompt.title),
        ("prompt-intro", n.prompt.intro),
        ("prompt-choices-label", n.prompt.choices_label),
        ("choice-both-ways", choice(Choice::BothWays).label),
        ("choice-linkedin-only", choice(Choice::LinkedinOnly).label),
        ("choice-not-now", choice(Choice::NotNow).label),
        ("point-linkedin-to-microsoft", point(Choice::BothWays, 0)),
        ("point-microsoft-to-linkedin", point(Choice::BothWays, 1)),
        ("point-contacts-kept", point(Choice::BothWays, 2)),
        ("point-no-microsoft-data", point(Choice::LinkedinOnly, 1)),
        ("point-not-now", point(Choice::NotNow, 0)),
        ("facts-heading", n.prompt.facts_heading),
        ("fact-retention", n.prompt.facts[0].text),
        ("fact-transfer", n.prompt.facts[1].text),
        ("fact-control", n.prompt.facts[2].text),
        ("details-heading", n.prompt.details_heading),
        ("direction-linkedin-to-microsoft", li.heading),
        ("direction-linkedin-to-microsoft-when", li.when),
        ("direction-microsoft-to-linkedin", ms.heading),
        ("direction-microsoft-to-linkedin-when", ms.when),
        ("category-profile", li.categories[0].name),
        ("category-interests", li.categories[1].name),
        ("category-subscriptions", li.categories[2].name),
        ("category-connections", li.categories[3].name),
        ("category-calendar", ms.categories[1].name),
        ("category-contacts", ms.categories[4].name),
        ("linkedin-profile-includes", li.categories[0].includes),
        ("linkedin-interests-includes", li.categories[1].includes),
        ("linkedin-subscriptions-includes", li.categories[2].includes),
        ("linkedin-connections-includes", li.categories[3].includes),
        ("linkedin-connections-others", li.categories[3].notes[0]),
        ("microsoft-profile-includes", ms.categories[0].includes),
        ("microsoft-calendar-includes", ms.categories[1].includes),
        ("microsoft-calendar-others", ms.categories[1].notes[0]),
        ("microsoft-calendar-excluded", ms.categories[1].notes[1]),
        ("microsoft-interests-includes", ms.categories[2].includes),
        (
            "microsoft-subscriptions-includes",
            ms.categories[3].includes,
        ),
        ("microsoft-contacts-includes", ms.categories[4].includes),
        ("microsoft-contacts-others", ms.categories[4].notes[0]),
        ("microsoft-contacts-imported", ms.categories[4].notes[1]),
        ("links-heading", n.prompt.links_heading),
        ("manage-title", n.manage.title),
        ("manage-status-both-ways", n.manage.status_both_ways),
        ("manage-status-linkedin-only", n.manage.status_linkedin_only),
        ("manage-status-not-connected", n.manage.status_not_connected),
        ("manage-stops-both-ways", n.manage.stops_both_ways),
        ("manage-stops-linkedin-only", n.manage.stops_linkedin_only),
        ("manage-contacts-stay", n.manage.contacts_stay.text),
        ("manage-profile-visibility", n.manage.on_linkedin[0].text),
        ("manage-linkedin-help", n.manage.on_linkedin[1].text),
        ("manage-disconnect", n.manage.disconnect),
        ("manage-connect", n.manage.connect),
        ("manage-close", n.manage.close),
        (
            "link-microsoft-privacy",
            n.link(LinkKey::MicrosoftPrivacy).label,
        ),
        (
            "link-linkedin-privacy",
            n.link(LinkKey::LinkedinPrivacy).label,
        ),
        ("link-eu-transfer", n.link(LinkKey::EuTransfer).label),
        (
            "link-remove-contacts",
            n.link(LinkKey::RemoveContacts).label,
        ),
        (
            "link-profile-visibility",
            n.link(LinkKey::ProfileVisibility).label,
        ),
        ("link-linkedin-help", n.link(LinkKey::LinkedinHelp).label),
        ("link-help", n.link(LinkKey::Help).label),
        ("unavailable-policy-off", n.unavailable.policy_off),
        ("unavailable-not-in-group", n.unavailable.not_in_group),
        ("changes-heading", n.changes.heading),
        ("changes-since-1", n.changed_since(1)),
        ("changes-unknown", n.changes.unknown),
        ("status-sending", s.sending),
        ("status-queued", s.queued),
        ("status-recorded", s.recorded),
        ("status-withdrawn", s.withdrawn),
        ("status-not-recorded", s.not_recorded),
        ("status-try-again", s.try_again),
        ("status-dismiss", s.dismiss),
    ];
    // Messages the widget will need once it renders from Fluent, which the
    // catalogue's English has no field for yet.
    let new_in_fluent = [
        "status-recorded-on",
        "reason-unreachable",
        "reason-refused",
        "reason-notice-changed",
        "reason-signing",
        "reason-expired",
    ];
    let en = messages("en");
    for m in &en {
        if new_in_fluent.contains(&m.id.as_str()) {
            continue;
        }
        let (_, text) = expected
            .iter()
            .find(|(id, _)| *id == m.id)
            .unwrap_or_else(|| panic!("en.ftl: {} says nothing the catalogue says", m.id));
        assert_eq!(
            shown(&m.text),
            *text,
            "en.ftl: {} differs from the catalogue",
            m.id
        );
    }
    for (id, _) in &expected {
        assert!(en.iter().any(|m| m.id == *id), "en.ftl lacks {id}");
    }
}
