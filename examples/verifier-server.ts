/**
 * The back end's side: the only place that knows the PESEL. It exposes the
 * three verifier operations over HTTP; the agent desktop talks to it through
 * `httpVerifier`. A real deployment adds authentication, TLS and a database.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPeselVerifier, type Verifier } from '../src/index.js';

/** Customers on file: ref → PESEL and answers. Never sent to the desktop. */
const customers: Record<string, { pesel: string; answers: Record<string, string> }> = {
  'cust-4411': { pesel: '85031583834', answers: { 'last-transfer-amount': '1250', 'account-opened-year': '2009' } },
};

export async function startVerifierServer(): Promise<{ url: string; server: Server }> {
  const verifier = createPeselVerifier(async (ref) => customers[ref]?.pesel, {
    answers: async (ref, questionId) => customers[ref]?.answers[questionId],
  });
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    try {
      const input = JSON.parse(body) as { ref: string; answers?: Record<number, string>; positions?: number[]; questionId?: string; value?: string };
      const result =
        req.url === '/verify/digits'
          ? await verifier.checkDigits(input.ref, input.answers ?? {})
          : req.url === '/verify/reveal'
            ? await verifier.revealDigits(input.ref, input.positions ?? [])
            : req.url === '/verify/answer'
              ? await verifier.checkAnswer(input.ref, input.questionId ?? '', input.value ?? '')
              : undefined;
      res.writeHead(result === undefined ? 404 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(result ?? null));
    } catch (error) {
      // Refusals and bad requests: a status, never the data.
      res.writeHead(403, { 'content-type': 'application/json' }).end(JSON.stringify({ error: (error as { code?: string }).code ?? 'ERROR' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The desktop's side: a Verifier that forwards to the back end. Any HTTP error fails closed. */
export function httpVerifier(baseUrl: string): Verifier {
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`verifier answered ${res.status}`);
    return (await res.json()) as T;
  };
  return {
    checkDigits: (ref, answers) => post('/verify/digits', { ref, answers }),
    revealDigits: (ref, positions) => post('/verify/reveal', { ref, positions }),
    checkAnswer: (ref, questionId, value) => post('/verify/answer', { ref, questionId, value }),
  };
}
