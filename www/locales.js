// The locales the widget ships (the Fluent sources in crates/consent-core/messages/),
// each named in its own language. Shared by the demo's language switcher and the
// audit page's Language column.
export const LOCALES = [
  ["en", "English"],
  ["nl", "Nederlands"],
  ["de", "Deutsch"],
  ["fr", "Français"],
  ["es", "Español"],
  ["it", "Italiano"],
  ["pt-BR", "Português (Brasil)"],
  ["pl", "Polski"],
  ["sv", "Svenska"],
  ["ja", "日本語"],
  ["zh-Hans", "简体中文"],
  ["ar", "العربية"],
  ["he", "עברית"],
];

/** The locale `tag` names, as spelled above (matched case-insensitively), or undefined. */
export function knownLocale(tag) {
  const asked = String(tag ?? "").toLowerCase();
  return LOCALES.find(([t]) => t.toLowerCase() === asked);
}
