// The URLs ours.html preloads, so the modules and the wasm are the copies already in flight.
// The first challenge goes out before the glue and the wasm are awaited, as www/app.js does.
// The marks (cheap, and read only after the prompt is visible) say where the time went.
const options = { backendUrl: location.origin + "/" };
const { preloadChallenge } = await import(document.getElementById("widget-preload").href);
preloadChallenge(options);
const { default: init, mount } = await import(document.getElementById("widget-glue").href);
performance.mark("bench:glue");
await init({ module_or_path: document.getElementById("widget-wasm").href });
performance.mark("bench:init");
mount(document.getElementById("host"), options).prompt();
performance.mark("bench:mounted");
