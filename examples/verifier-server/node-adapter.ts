/**
 * Mounting a fetch-API handler (`verificationHandler`) on `node:http`:
 * IncomingMessage → `Request`, `Response` → ServerResponse. Frameworks with
 * fetch-style handlers (Hono, Next, Bun, Deno) need nothing like it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Options of {@link nodeListener}.
 *
 * @example
 * ```ts
 * const options: NodeListenerOptions = { origin: 'https://cc.bank.example', maxBodyBytes: 16_384 };
 * ```
 */
export interface NodeListenerOptions {
  /**
   * Origin of the URLs the handler sees. Fixed, not taken from the `Host`
   * header, which the client chooses. Default `'http://localhost'`.
   */
  origin?: string;
  /**
   * Most body bytes kept from a request. Beyond it the rest is dropped and the
   * handler gets one byte more than this, so its own limit answers 413. Keep
   * it at or above the handler's `maxBodyBytes`. Default 1 MiB.
   */
  maxBodyBytes?: number;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    // Past one byte over the limit (enough for the handler to refuse the body), the rest is read and dropped:
    // breaking off would destroy the socket before the 413 is sent.
    if (size <= limit) chunks.push(bytes);
    size += bytes.length;
  }
  const body = Buffer.concat(chunks);
  // A copy of its own: fetch's BodyInit wants an ArrayBuffer-backed array, not a view into Node's pool.
  return new Uint8Array(body.length > limit ? body.subarray(0, limit + 1) : body);
}

function toRequest(req: IncomingMessage, origin: string, body: Uint8Array<ArrayBuffer> | undefined): Request {
  const headers = new Headers();
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  const init: RequestInit = { method: req.method ?? 'GET', headers };
  if (body !== undefined) init.body = body;
  return new Request(new URL(req.url ?? '/', origin), init);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) res.setHeader('set-cookie', cookies);
  res.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * A `node:http` request listener that runs a fetch-API handler.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * const handle = verificationHandler(service, { authorize: (request) => isAgent(request) });
 * createServer(nodeListener(handle)).listen(8080, '127.0.0.1');
 * ```
 */
export function nodeListener(handler: (request: Request) => Promise<Response>, options: NodeListenerOptions = {}): (req: IncomingMessage, res: ServerResponse) => void {
  const origin = options.origin ?? 'http://localhost';
  const limit = options.maxBodyBytes ?? 1_048_576;
  return (req, res) => {
    const run = async () => {
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
      const request = toRequest(req, origin, hasBody ? await readBody(req, limit) : undefined);
      await send(res, await handler(request));
    };
    run().catch(() => {
      // The handler answers its own errors; this is the adapter failing (client gone, bad URL): nothing was verified.
      if (res.headersSent) res.destroy();
      else res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' }).end('{"error":{"code":"INTERNAL","message":"the server failed; nothing was verified","retryable":true}}');
    });
  };
}
