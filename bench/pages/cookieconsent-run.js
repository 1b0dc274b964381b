// vanilla-cookieconsent 3.1.0, configured like its documentation's basic example, with
// a consent modal comparable to this widget's prompt.
window.CookieConsent.run({
  // It hides itself from automated browsers by default; the benchmark is one.
  hideFromBots: false,
  categories: { necessary: { enabled: true, readOnly: true }, linkedin: {} },
  language: {
    default: "en",
    translations: {
      en: {
        consentModal: {
          title: "Connect your work account with LinkedIn?",
          description: "Choose how your accounts share data.",
          acceptAllBtn: "Connect both ways",
          acceptNecessaryBtn: "Not now",
          showPreferencesBtn: "Choose",
        },
        preferencesModal: {
          title: "What is shared",
          acceptAllBtn: "Connect both ways",
          acceptNecessaryBtn: "Not now",
          savePreferencesBtn: "Save",
          closeIconLabel: "Close",
          sections: [
            { title: "Necessary", description: "Always on.", linkedCategory: "necessary" },
            { title: "LinkedIn", description: "Profile, interests, subscriptions, connections.", linkedCategory: "linkedin" },
          ],
        },
      },
    },
  },
}).catch((e) => console.error("cookieconsent:", e));
