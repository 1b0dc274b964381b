// The URLs ours.html preloads, so the glue and the wasm are the copies already in flight.
const { default: init, mount } = await import(document.getElementById("widget-glue").href);
await init({ module_or_path: document.getElementById("widget-wasm").href });
const host = document.getElementById("host");
mount(host, { backendUrl: location.origin + "/" }).prompt();
