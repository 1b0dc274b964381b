window.klaroConfig = {
  mustConsent: true,
  acceptAll: true,
  services: [{ name: "linkedin", title: "LinkedIn", purposes: ["profile"] }],
};
