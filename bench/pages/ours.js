// The URLs ours.html preloads, so the modules and the wasm are the copies already in flight.
// The first challenge goes out before the glue and the wasm are awaited, as www/app.js does.
const options = { backendUrl: location.origin + "/" };
const { preloadChallenge } = await import(document.getElementById("widget-preload").href);
preloadChallenge(options);
const { default: init, mount } = await import(document.getElementById("widget-glue").href);
await init({ module_or_path: document.getElementById("widget-wasm").href });
mount(document.getElementById("host"), options).prompt();
