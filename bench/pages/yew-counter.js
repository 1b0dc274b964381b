// The counter renders itself into <body> when its wasm starts.
const { default: init } = await import(document.getElementById("counter-glue").href);
await init({ module_or_path: document.getElementById("counter-wasm").href });
