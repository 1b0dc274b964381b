//! Which of the notice's locales a user reads: the first of their preferred languages
//! the notice is written in, with the fallbacks a reader of that language accepts.
//!
//! The widget asks in order: the host's `lang` option, the host element's nearest
//! `lang`, then `navigator.languages`; the server asks the same question of a
//! challenge's `lang`. Both must land on the same locale, so the rule lives here.
//!
//! ```
//! use consent_core::locale::negotiate;
//! let offered = ["en", "nl", "pt-BR", "zh-Hans"];
//! assert_eq!(negotiate(["nl-BE"], &offered), "nl");
//! assert_eq!(negotiate(["zh-CN"], &offered), "zh-Hans");
//! assert_eq!(negotiate(["pt-PT"], &offered), "pt-BR");
//! assert_eq!(negotiate(["zh-TW", "fr", "nl"], &offered), "nl");
//! assert_eq!(negotiate(["ja"], &offered), "en");
//! ```

/// The first locale of `offered` a reader of `wanted` (most preferred first) accepts;
/// `offered[0]`, the default, when none is.
///
/// A wanted tag matches, in this order of preference within that tag:
/// - an offered locale equal to it, ignoring case (`pt-br` -> `pt-BR`);
/// - an offered locale of the same language and script (`zh-Hans-SG` -> `zh-Hans`;
///   Chinese without a script is Simplified in mainland China and Singapore, and
///   Traditional elsewhere, which no Simplified locale stands in for);
/// - the offered locale that is the language alone (`nl-BE` -> `nl`);
/// - failing that, an offered regional variant of the language (`pt-PT` -> `pt-BR`
///   when no plain `pt` is offered).
///
/// Tags that are not language tags (empty, `*`) are skipped.
///
/// # Panics
/// If `offered` is empty: a notice always has its default locale.
pub fn negotiate<'a, 'w>(
    wanted: impl IntoIterator<Item = &'w str>,
    offered: &[&'a str],
) -> &'a str {
    assert!(!offered.is_empty(), "a notice has at least one locale");
    wanted
        .into_iter()
        .find_map(|tag| best_for(tag, offered))
        .unwrap_or(offered[0])
}

/// Whether a locale is written right to left (Arabic, Hebrew and the other scripts
/// of that direction the notice may one day be written in): the widget sets `dir`
/// from it.
///
/// ```
/// use consent_core::locale::is_rtl;
/// assert!(is_rtl("ar") && is_rtl("he-IL") && is_rtl("fa"));
/// assert!(!is_rtl("en") && !is_rtl("zh-Hans") && !is_rtl("ja"));
/// ```
pub fn is_rtl(locale: &str) -> bool {
    Tag::parse(locale).is_some_and(|t| {
        matches!(
            t.script.as_deref(),
            Some("arab" | "hebr" | "thaa" | "syrc" | "nkoo")
        ) || (t.script.is_none()
            && matches!(
                t.language.as_str(),
                "ar" | "he" | "fa" | "ur" | "ps" | "yi" | "dv" | "ckb" | "sd" | "ug"
            ))
    })
}

fn best_for<'a>(tag: &str, offered: &[&'a str]) -> Option<&'a str> {
    let want = Tag::parse(tag)?;
    if let Some(exact) = offered.iter().find(|o| o.eq_ignore_ascii_case(tag)) {
        return Some(*exact);
    }
    let same_language = || {
        offered
            .iter()
            .filter_map(|o| Some((*o, Tag::parse(o)?)))
            .filter(|(_, o)| o.language == want.language)
    };
    if let Some(script) = want.script() {
        return same_language()
            .find(|(_, o)| o.script().as_deref() == Some(script.as_str()))
            .map(|(o, _)| o);
    }
    same_language()
        .find(|(_, o)| o.region.is_none() && o.script.is_none())
        .or_else(|| same_language().find(|(_, o)| o.script.is_none()))
        .map(|(o, _)| o)
}

/// The parts of a BCP 47 tag negotiation looks at, lower-cased.
struct Tag {
    language: String,
    script: Option<String>,
    region: Option<String>,
}

impl Tag {
    fn parse(tag: &str) -> Option<Tag> {
        let mut parts = tag.split(['-', '_']).map(str::to_ascii_lowercase);
        let language = parts
            .next()
            .filter(|l| (2..=3).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_alphabetic()))?;
        let (mut script, mut region) = (None, None);
        for part in parts {
            match part.len() {
                4 if script.is_none() && region.is_none() => script = Some(part),
                2 | 3 if region.is_none() => region = Some(part),
                _ => break,
            }
        }
        // Hebrew's tag before 1989.
        let language = if language == "iw" {
            "he".into()
        } else {
            language
        };
        Some(Tag {
            language,
            script,
            region,
        })
    }

    /// The script written, or implied for Chinese by the region.
    fn script(&self) -> Option<String> {
        if self.script.is_some() || self.language != "zh" {
            return self.script.clone();
        }
        Some(match self.region.as_deref() {
            None | Some("cn") | Some("sg") => "hans".into(),
            Some(_) => "hant".into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::negotiate;

    /// The locales the notice is written in.
    const OFFERED: [&str; 13] = [
        "en", "nl", "de", "fr", "es", "it", "pt-BR", "pl", "sv", "ja", "zh-Hans", "ar", "he",
    ];

    fn pick(wanted: &[&str]) -> &'static str {
        negotiate(wanted.iter().copied(), &OFFERED)
    }

    #[test]
    fn every_offered_locale_is_its_own_best_match_in_any_case() {
        for lang in OFFERED {
            assert_eq!(pick(&[lang]), lang);
            assert_eq!(pick(&[&lang.to_ascii_uppercase()]), lang);
            assert_eq!(pick(&[&lang.replace('-', "_")]), lang);
        }
    }

    #[test]
    fn a_regional_tag_falls_back_to_its_language() {
        assert_eq!(pick(&["nl-BE"]), "nl");
        assert_eq!(pick(&["de-AT"]), "de");
        assert_eq!(pick(&["de-CH-1996"]), "de");
        assert_eq!(pick(&["fr-CA"]), "fr");
        assert_eq!(pick(&["es-419"]), "es");
        assert_eq!(pick(&["ar-EG"]), "ar");
        assert_eq!(pick(&["en-GB"]), "en");
        assert_eq!(pick(&["sv-FI"]), "sv");
    }

    #[test]
    fn portuguese_takes_brazilian_only_when_no_plain_portuguese_is_offered() {
        assert_eq!(pick(&["pt-PT"]), "pt-BR");
        assert_eq!(pick(&["pt"]), "pt-BR");
        assert_eq!(negotiate(["pt-PT"], &["en", "pt-BR", "pt"]), "pt");
    }

    #[test]
    fn chinese_takes_simplified_only_where_simplified_is_written() {
        assert_eq!(pick(&["zh-CN"]), "zh-Hans");
        assert_eq!(pick(&["zh-SG"]), "zh-Hans");
        assert_eq!(pick(&["zh"]), "zh-Hans");
        assert_eq!(pick(&["zh-Hans-HK"]), "zh-Hans");
        // Traditional readers go on to their next language, or the default.
        assert_eq!(pick(&["zh-TW"]), "en");
        assert_eq!(pick(&["zh-HK", "ja"]), "ja");
        assert_eq!(pick(&["zh-Hant"]), "en");
    }

    #[test]
    fn the_first_wanted_language_offered_wins() {
        assert_eq!(pick(&["ko", "fi", "he", "ar"]), "he");
        assert_eq!(pick(&["iw-IL"]), "he");
        assert_eq!(pick(&["", "*", "x", "it-IT"]), "it");
    }

    #[test]
    fn nothing_offered_means_the_default() {
        assert_eq!(pick(&[]), "en");
        assert_eq!(pick(&["ko", "tr-TR"]), "en");
        assert_eq!(negotiate(["ko"], &["nl", "en"]), "nl");
    }
}
