// What a host deploys around the widget, reduced to what the e2e tests need: a plain
// static server (any would do, which is the point) and the host's gateway that turns a
// bearer token into the user header the backend's trusted-header mode reads.

import { createServer, request as forward } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

/** The header the gateway sets and the backend trusts from it (CONSENT_TRUSTED_HEADER). */
export const USER_HEADER = "X-Authenticated-User";

const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
};

/**
 * A static server: each of `pages` (path -> HTML) as given, otherwise the file under
 * `dir` (`/` is its index.html) if its path starts with `under`; 404 for anything else,
 * and for paths that climb out of `dir`. `headers` go on the HTML answers (a CSP).
 */
export function staticServer({ pages = {}, dir, under = "/", headers = {} }) {
  return createServer(async (req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    if (pages[path] !== undefined) {
      res.writeHead(200, { "Content-Type": "text/html", ...headers });
      return res.end(pages[path]);
    }
    const file = dir && normalize(join(dir, path === "/" ? "index.html" : path));
    if (!file || !path.startsWith(under) || !file.startsWith(normalize(join(dir, under)))) {
      res.writeHead(404);
      return res.end();
    }
    try {
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      res.writeHead(200, { "Content-Type": type, ...(type === "text/html" ? headers : {}) });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
}

/**
 * The host's gateway in front of the backend on `backendPort`: a bearer token that
 * `userOf` knows becomes the user header; a copy of that header sent by the browser is
 * dropped, as the trusted-header mode requires; the rest passes through.
 */
export function gateway(backendPort, userOf) {
  return createServer((req, res) => {
    const headers = { ...req.headers };
    delete headers[USER_HEADER.toLowerCase()];
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    const user = token === undefined ? undefined : userOf(token);
    if (user) headers[USER_HEADER.toLowerCase()] = user;
    delete headers.authorization;
    const upstream = forward({ host: "127.0.0.1", port: backendPort, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
}

export const listen = (server, port) => new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));

/** Closes at once: a browser's idle keep-alive connection would otherwise hold the port
 * the next test listens on again. */
export const close = (server) =>
  new Promise((resolve) => {
    server.close(resolve);
    server.closeAllConnections();
  });
