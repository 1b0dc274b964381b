use super::*;

#[test]
fn every_direction_lists_exactly_its_categories() {
    for n in NOTICES {
        for d in Direction::ALL {
            let shown: Vec<_> = n
                .direction(d)
                .categories
                .iter()
                .map(|c| c.category)
                .collect();
            assert_eq!(shown, d.categories(), "{} {:?}", n.lang, d);
        }
    }
}

#[test]
fn calendar_excludes_meeting_content_and_contacts_note_import() {
    let n = notice("en");
    let m2l = n.direction(Direction::MicrosoftToLinkedin);
    let cal = m2l
        .categories
        .iter()
        .find(|c| c.category == Category::Calendar)
        .unwrap();
    assert!(cal.note.unwrap().contains("titles"));
    let contacts = m2l
        .categories
        .iter()
        .find(|c| c.category == Category::Contacts)
        .unwrap();
    assert!(contacts.note.unwrap().contains("imports"));
}

#[test]
fn unknown_or_regional_languages_fall_back_sensibly() {
    assert_eq!(notice("en-US").lang, "en");
    assert_eq!(notice("EN_gb").lang, "en");
    assert_eq!(notice("xx").lang, NOTICES[0].lang);
    assert_eq!(notice("").lang, NOTICES[0].lang);
}

#[test]
fn digest_is_stable_and_hex() {
    let a = notice("en").digest();
    assert_eq!(a, notice("en").digest());
    let r = notice("en").reference();
    assert_eq!(r.sha256.len(), 64);
    assert!(r
        .sha256
        .bytes()
        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
}

#[test]
fn digest_changes_when_any_shown_string_changes() {
    let base = notice("en").digest();
    let strings = notice("en").shown_strings();
    // Recompute with each string altered in turn, and with two neighbours merged, through
    // the same canonical encoding the digest uses.
    let recompute = |strings: &[&str]| {
        let n = notice("en");
        let mut h = FieldHasher::new("account-link-consent/notice/v1");
        h.field(n.id);
        h.field(&n.ver.to_string());
        h.field(n.lang);
        for s in strings {
            h.field(s);
        }
        h.finish()
    };
    assert_eq!(recompute(&strings), base);
    for i in 0..strings.len() {
        let mut changed = strings.clone();
        let edited = format!("{} ", changed[i]);
        changed[i] = &edited;
        assert_ne!(recompute(&changed), base, "string {i} not covered");
    }
    let mut merged: Vec<String> = strings.iter().map(|s| s.to_string()).collect();
    let second = merged.remove(1);
    merged[0].push_str(&second);
    let merged: Vec<&str> = merged.iter().map(String::as_str).collect();
    assert_ne!(recompute(&merged), base, "field boundaries must matter");
}

#[test]
fn digest_covers_every_category_text() {
    let n = notice("en");
    let shown = n.shown_strings();
    for d in &n.prompt.directions {
        for c in d.categories {
            assert!(shown.contains(&c.includes));
            if let Some(note) = c.note {
                assert!(shown.contains(&note));
            }
        }
    }
}
