/**
 * Serving the built agent desktop (`examples/agent-desktop/dist`) from the
 * same process as the API: one origin, so the page needs no CORS and its
 * Content-Security-Policy can say `connect-src 'self'`.
 */
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The page loads its own scripts and styles only and talks to its own origin only. */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  // A demo rebuilt often: always revalidate (the assets have no content hash).
  'cache-control': 'no-cache',
};

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS, ...headers }).end(text);
}

/**
 * A `node:http` listener for the files of `root`: GET and HEAD only, `/` is
 * `index.html`, nothing outside `root` (no `..`, no encoded separators).
 *
 * @example
 * ```ts
 * createServer(staticFiles('examples/agent-desktop/dist')).listen(8080, '127.0.0.1');
 * ```
 */
export function staticFiles(root: string): (req: IncomingMessage, res: ServerResponse) => void {
  const base = resolve(root);
  return (req, res) => {
    const serve = async () => {
      if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
      let path: string;
      try {
        path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      } catch {
        return plain(res, 400, 'Bad request');
      }
      if (path.includes('\0') || path.includes('\\')) return plain(res, 400, 'Bad request');
      const file = resolve(base, `.${path === '/' ? '/index.html' : path}`);
      if (file !== base && !file.startsWith(base + sep)) return plain(res, 404, 'Not found');
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) {
        if (path === '/') return plain(res, 503, 'The agent desktop is not built: run `npm run desktop` (it builds, then starts this server).');
        return plain(res, 404, 'Not found');
      }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': String(body.length), ...SECURITY_HEADERS });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    serve().catch(() => {
      if (res.headersSent) res.destroy();
      else plain(res, 500, 'Internal error');
    });
  };
}
