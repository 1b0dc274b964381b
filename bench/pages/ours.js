import init, { mount } from "/pkg/account_link_consent.js";
await init();
const host = document.getElementById("host");
mount(host, { backendUrl: location.origin + "/" }).prompt();
