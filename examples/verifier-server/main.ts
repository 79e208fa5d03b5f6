/**
 * `npm run desktop`: the whole demo in one process and one URL — the
 * verification service, its HTTP API and the built agent desktop — on
 * 127.0.0.1.
 *
 *   --port N     (or PORT)               default 5180
 *   --seed N     (or SAFECALL_DEMO_SEED)  seeded challenges: the first call is asked 5, 8, 9 like the article (demo only)
 *   REDIS_URL                            the Redis store instead of the in-memory one
 *   SAFECALL_DEMO_TOKEN                  the agent's bearer token (default: random per start)
 *   SAFECALL_BACKOFFICE_TOKEN            a token for `status` / `attestation` (default: none, they answer 401)
 *   SAFECALL_ATTESTATION_KEY             HMAC key (≥ 32 characters) of attestations and store keys; servers sharing a Redis need the same
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RandomSource } from 'safecall-pl';
import { DESKTOP_DIR } from './app.js';
import { DEMO_CUSTOMERS } from './customers.js';
import { startDemoServer } from './server.js';

function integer(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be an integer from ${min} to ${max}`);
  return n;
}

async function seeded(seed: number): Promise<RandomSource> {
  const { seededRandom } = await import('safecall-pl/testing');
  return seededRandom(seed);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, seed: { type: 'string' } }, strict: true });
  const port = integer(values.port ?? process.env['PORT'], 'port', 0, 65535) ?? 5180;
  const seed = integer(values.seed ?? process.env['SAFECALL_DEMO_SEED'], 'seed', 0, 2 ** 31 - 1);
  if (!existsSync(`${DESKTOP_DIR}/index.html`)) console.warn('The agent desktop is not built (`npm run desktop` builds it first): the page answers 503 until it is.');

  const redisUrl = process.env['REDIS_URL'];
  // Loaded only when asked for: `redis` is an optional peer dependency of safecall.
  const redis = redisUrl ? await (await import('./redis.js')).connectRedisStore(redisUrl) : undefined;
  const token = process.env['SAFECALL_DEMO_TOKEN'];
  const backOfficeToken = process.env['SAFECALL_BACKOFFICE_TOKEN'];
  // Store keys and attestations are keyed by it: servers sharing a Redis must share it too.
  const attestationKey = process.env['SAFECALL_ATTESTATION_KEY'];
  if (redis && !attestationKey) console.warn('REDIS_URL without SAFECALL_ATTESTATION_KEY: this process keys its calls with a key of its own, so other servers on the same Redis will not see them.');
  const demo = await startDemoServer({
    port,
    ...(redis ? { store: redis.store } : {}),
    ...(token ? { token } : {}),
    ...(backOfficeToken ? { backOfficeToken } : {}),
    ...(attestationKey ? { attestationKey } : {}),
    ...(seed === undefined ? {} : { random: await seeded(seed) }),
    onEvent: (event) => {
      // Positions, counts and outcomes only: the service's events carry no digit and no customer.
      const { type, callId, at: _at, ...rest } = event;
      console.log(`  service: ${type} ${callId.slice(0, 8)}… ${JSON.stringify(rest)}`);
    },
  });

  console.log('\nsafecall demo: agent desktop + verification service');
  console.log(`  open  ${demo.url}`);
  console.log(`  store ${redis && redisUrl ? `Redis (${new URL(redisUrl).host})` : 'in memory (set REDIS_URL for Redis)'}`);
  if (seed !== undefined) console.log(`  challenges seeded (--seed ${seed}): demo only, never in production`);
  console.log('\nDemo customers (what they would answer on the phone; the desktop never receives this):');
  for (const c of DEMO_CUSTOMERS) {
    console.log(`  ${c.name.padEnd(20)} PESEL ${c.pesel}  ${Object.entries(c.answers).map(([q, a]) => `${q}: ${a}`).join(', ')}`);
  }
  console.log('\nCtrl+C stops it.');

  const shutdown = () => {
    void demo
      .stop()
      .then(() => redis?.quit())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  console.error(code === 'EADDRINUSE' ? 'That port is in use: pass --port N (or PORT=N).' : error instanceof Error ? error.message : String(error));
  process.exit(1);
});
