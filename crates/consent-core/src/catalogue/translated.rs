//! The current notice in every locale, from the Fluent sources in `messages/`: each
//! translation takes the English notice's shape, string for string, so a locale can
//! say neither more nor less than English (`tests/messages.rs` holds the sources to
//! that). Built once, on first use, by whoever needs every locale: the server, which
//! must know each locale's digest; the widget's wasm leaves this out.
//!
//! ```
//! use consent_core::catalogue;
//! let nl = catalogue::notice("nl-BE");
//! assert_eq!(nl.lang, "nl");
//! assert_ne!(nl.digest(), catalogue::notice("en").digest());
//! assert!(catalogue::knows(&nl.reference()));
//! ```

use super::text::Notice;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Every locale's Fluent source, the default (English, the one translated from) first.
pub(super) const SOURCES: [(&str, &str); 13] = [
    ("en", include_str!("../../messages/en.ftl")),
    ("nl", include_str!("../../messages/nl.ftl")),
    ("de", include_str!("../../messages/de.ftl")),
    ("fr", include_str!("../../messages/fr.ftl")),
    ("es", include_str!("../../messages/es.ftl")),
    ("it", include_str!("../../messages/it.ftl")),
    ("pt-BR", include_str!("../../messages/pt-BR.ftl")),
    ("pl", include_str!("../../messages/pl.ftl")),
    ("sv", include_str!("../../messages/sv.ftl")),
    ("ja", include_str!("../../messages/ja.ftl")),
    ("zh-Hans", include_str!("../../messages/zh-Hans.ftl")),
    ("ar", include_str!("../../messages/ar.ftl")),
    ("he", include_str!("../../messages/he.ftl")),
];

static TRANSLATED: LazyLock<Vec<&'static Notice>> = LazyLock::new(|| {
    let english = messages(SOURCES[0].1).expect("en.ftl parses (tests/messages.rs)");
    let id_of: HashMap<&str, &str> = english
        .iter()
        .map(|(id, text)| (text.as_str(), id.as_str()))
        .collect();
    SOURCES[1..]
        .iter()
        .map(|(lang, source)| {
            let notice = translate(&super::v2_en::NOTICE, lang, source, &id_of)
                .unwrap_or_else(|e| panic!("{lang}.ftl: {e} (tests/messages.rs)"));
            &*Box::leak(Box::new(notice))
        })
        .collect()
});

/// The current notice in every locale but English, in [`SOURCES`] order.
pub(super) fn notices() -> &'static [&'static Notice] {
    &TRANSLATED
}

fn translate(
    english: &Notice,
    lang: &'static str,
    source: &str,
    id_of: &HashMap<&str, &str>,
) -> Result<Notice, String> {
    let ours: HashMap<String, String> = messages(source)?.into_iter().collect();
    let mut missing = None;
    let mut notice = english.map_text(
        &mut |text| match id_of.get(text).and_then(|id| ours.get(*id)) {
            Some(t) => String::leak(t.clone()),
            None => {
                missing.get_or_insert(text);
                text
            }
        },
    );
    if let Some(text) = missing {
        return Err(format!("no translation of {text:?}"));
    }
    notice.lang = lang;
    Ok(notice)
}

/// A Fluent source's messages as a page shows them: lines joined by spaces (Fluent
/// keeps a value's line breaks; a page shows them as spaces) and variables written
/// `{name}`, as the catalogue writes them.
fn messages(source: &str) -> Result<Vec<(String, String)>, String> {
    let resource = fluent_syntax::parser::parse(source).map_err(|(_, e)| format!("{e:?}"))?;
    let mut out = Vec::new();
    for entry in resource.body {
        let Entry::Message(m) = entry else { continue };
        let Some(pattern) = m.value else { continue };
        let mut text = String::new();
        for element in pattern.elements {
            match element {
                PatternElement::TextElement { value } => text.push_str(value),
                PatternElement::Placeable {
                    expression: Expression::Inline(InlineExpression::VariableReference { id }),
                } => {
                    text.push('{');
                    text.push_str(id.name);
                    text.push('}');
                }
                other => return Err(format!("{} uses {other:?}", m.id.name)),
            }
        }
        let shown = text
            .split('\n')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ");
        out.push((m.id.name.to_owned(), shown));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{self, v2_en};

    fn english_ids() -> HashMap<&'static str, &'static str> {
        let english = messages(SOURCES[0].1).unwrap();
        english
            .into_iter()
            .map(|(id, text)| (&*String::leak(text), &*String::leak(id)))
            .collect()
    }

    #[test]
    fn english_from_fluent_is_the_catalogue_s_english_field_for_field() {
        let en = translate(&v2_en::NOTICE, "en", SOURCES[0].1, &english_ids()).unwrap();
        assert_eq!(en.fields(), v2_en::NOTICE.fields());
        assert_eq!(en.digest(), v2_en::NOTICE.digest());
    }

    #[test]
    fn every_locale_builds_and_has_a_digest_of_its_own() {
        let mut digests = vec![v2_en::NOTICE.digest()];
        for (n, (lang, _)) in notices().iter().zip(&SOURCES[1..]) {
            assert_eq!(n.lang, *lang);
            assert_eq!(catalogue::notice(lang).lang, *lang);
            assert!(catalogue::knows(&n.reference()), "{lang} is published");
            assert!(!digests.contains(&n.digest()), "{lang} says something new");
            digests.push(n.digest());
        }
    }

    /// What the widget does with a challenge's text must give the digest the server
    /// offers, in every locale.
    #[test]
    fn every_locale_rebuilt_from_its_texts_has_the_server_s_digest() {
        let template = catalogue::notice("en");
        for (lang, _) in SOURCES {
            let texts: Vec<String> = catalogue::texts(lang)
                .unwrap()
                .iter()
                .map(|t| t.to_string())
                .collect();
            let rebuilt = template.with_texts(lang, &texts).unwrap();
            assert_eq!(rebuilt.digest(), catalogue::notice(lang).digest(), "{lang}");
            assert_eq!(rebuilt.fields(), catalogue::notice(lang).fields(), "{lang}");
        }
    }

    #[test]
    fn a_digest_claimed_for_another_locale_is_not_known() {
        let mut r = catalogue::notice("nl").reference();
        r.lang = "de".into();
        assert!(!catalogue::knows(&r));
        assert!(catalogue::find(&r).is_none());
    }

    #[test]
    fn a_missing_translation_is_an_error_not_english() {
        let broken = SOURCES[1].1.replace("prompt-title =", "prompt-titel =");
        let err = translate(&v2_en::NOTICE, "nl", &broken, &english_ids()).unwrap_err();
        assert!(
            err.contains("Connect your work account with LinkedIn?"),
            "{err}"
        );
    }
}
