// Types of the challenge preloader: a page calls it before loading the widget's wasm.

/** The options `mount()` takes; `backendUrl`, `lang`, `links` and `getHeaders` shape the request. */
export interface PreloadOptions {
  backendUrl: string;
  lang?: string;
  links?: Record<string, string>;
  getHeaders?: () => Record<string, string> | Promise<Record<string, string>>;
  [option: string]: unknown;
}

/**
 * Sends the first challenge request of the widget that `mount(el, options)` will show, so
 * that its answer is there when the wasm has loaded. Resolves when the answer arrived or
 * failed (the widget then asks itself); never rejects. Used once, within 30 s.
 */
export function preloadChallenge(options: PreloadOptions): Promise<void>;
