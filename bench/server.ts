/**
 * `node --import tsx bench/server.ts`: the verification service over HTTP on
 * 127.0.0.1, with the Redis store and then the memory store as the baseline.
 *
 * The server (`verificationHandler` on `node:http` through
 * examples/verifier-server/node-adapter.ts) runs in a child process, the
 * client (`httpVerifier`, Node's fetch) in this one, Redis in a third — one
 * core each would be ideal; this machine has two. BENCH_CALLS calls are all
 * open at once: every call's next step goes to the back of one queue, and
 * BENCH_INFLIGHT requests are on the wire at any time. Each call: open →
 * checkDigits (right digits) → checkAnswer → reveal → close(verified);
 * every answer is checked, a call that goes wrong counts as an error.
 *
 *   BENCH_CALLS=10000      calls per store (measured), after BENCH_WARMUP calls not measured
 *   BENCH_WARMUP=1000
 *   BENCH_INFLIGHT=8       requests in flight; latency ≈ in-flight / throughput (Little's law)
 *   BENCH_FETCH=node       httpVerifier's fetch: `node` (over node:http, lean) or `global` (Node's fetch)
 *   BENCH_MAX_SECONDS=120  per store and run: past it no new step starts and the figures say "cut short"
 *   BENCH_STORES=redis,memory
 *   BENCH_OUT=path         also write the figures as JSON
 *   BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"   extra node flags for the server process
 *
 * Prints a markdown table (bench/server-results.md has the method and figures).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, createServer, request as httpRequest } from 'node:http';
import os from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createClient } from 'redis';
import * as z from 'zod/mini';
import { defineScript, httpVerifier, type Verifier } from '../src/index.js';
import { createVerificationService, memoryStore, redisStore, verificationHandler, type VerificationStore } from '../src/server/index.js';
import { nodeListener } from '../examples/verifier-server/node-adapter.js';
import { startRedisServer } from '../test/support/redisServer.js';
import { respCommand } from '../test/support/redisWire.js';

const PESEL = '85031583834';
const ANSWER = '2009';
const SELF = fileURLToPath(import.meta.url);

const script = defineScript({
  id: 'bench',
  version: 1,
  locale: 'en',
  institution: { name: 'Bench Bank', officialNumber: '+48 22 100 20 30', callerIdLabel: 'Bench-Bank' },
  purpose: { en: 'about your account' },
  pesel: { count: 3, minStrengthBits: 9.9, attempts: 2 },
  mutual: { enabled: true, maxPositions: 2 },
  questions: [{ id: 'account-opened-year', text: { en: 'In which year did you open the account?' }, answer: 'number', attempts: 2 }],
});

const STEPS = ['open', 'checkDigits', 'checkAnswer', 'reveal', 'close'] as const;
type Step = (typeof STEPS)[number];
type Latency = Record<Step, { p50: number; p99: number; mean: number }>;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))]!;
}

function summarize(samples: Record<Step, number[]>): Latency {
  const stats = (s: Step) => {
    const sorted = [...samples[s]].sort((a, b) => a - b);
    const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length);
    return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), mean };
  };
  return { open: stats('open'), checkDigits: stats('checkDigits'), checkAnswer: stats('checkAnswer'), reveal: stats('reveal'), close: stats('close') };
}

function operationOf(method: string, url: string): Step | undefined {
  if (method !== 'POST') return undefined;
  if (url === '/calls') return 'open';
  const action = /^\/calls\/[^/]+\/(digits|answer|reveal|close)$/.exec(url)?.[1];
  return action === 'digits' ? 'checkDigits' : action === 'answer' ? 'checkAnswer' : action === 'reveal' ? 'reveal' : action === 'close' ? 'close' : undefined;
}

// ---------------------------------------------------------------- server (child process)

async function serve(target: string): Promise<void> {
  let store: VerificationStore;
  if (target === 'memory') {
    store = memoryStore({ maxCustomers: 1_000_000, maxCalls: 1_000_000 });
  } else {
    // The client options the README recommends: fail fast, reconnect soon, and always an error listener.
    const client = createClient({ url: target, disableOfflineQueue: true, socket: { reconnectStrategy: 100 }, commandOptions: { timeout: 1000 } });
    client.on('error', (error) => console.error('redis:', error));
    await client.connect();
    store = redisStore(client, { prefix: 'bench:' });
  }
  const service = createVerificationService({
    store,
    scripts: [script],
    attestationKey: 'bench-attestation-key-0123456789abcdef',
    customers: { pesel: () => PESEL, answer: (_ref, questionId) => (questionId === 'account-opened-year' ? ANSWER : undefined) },
  });
  const listener = nodeListener(verificationHandler(service, { authorize: () => true }));
  // Time inside the server per operation: from the parsed request to the response handed to the socket.
  const timings: Record<Step, number[]> = { open: [], checkDigits: [], checkAnswer: [], reveal: [], close: [] };
  const server = createServer((req, res) => {
    if (req.url === '/__bench/stats') {
      const { user, system } = process.cpuUsage();
      const latency = summarize(timings);
      for (const s of STEPS) timings[s] = [];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ cpuUs: user + system, rssBytes: process.memoryUsage().rss, latency }));
      return;
    }
    const operation = operationOf(req.method ?? '', req.url ?? '');
    const started = performance.now();
    if (operation) res.once('finish', () => timings[operation].push(performance.now() - started));
    listener(req, res);
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
  });
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

// ---------------------------------------------------------------- client (this process)

interface Progress {
  ref: string;
  step: number;
  callId: string;
  challenge: number[];
}

interface RunFigures {
  calls: number;
  completed: number;
  errors: number;
  cutShort: boolean;
  seconds: number;
  callsPerSecond: number;
  opsPerSecond: number;
  msPerCall: number;
  /** As the client saw it: fetch, the network, the server's queue and the server. */
  client: Latency;
  /** Inside the server: from the parsed request to the response handed to the socket. */
  server: Latency;
  serverCpuUsPerCall: number;
  redisCpuUsPerCall?: number;
  serverRssMb: number;
}

/**
 * A `fetch` over `node:http` with a keep-alive agent, enough for httpVerifier
 * (string URL, method, headers object, string body, signal). Node's global
 * fetch costs about 1.8 ms of CPU per request on this machine (540 requests/s
 * on one core against a server that answers `{}`), which starves a server
 * sharing the same two cores; this one costs about a quarter of that.
 */
function nodeFetch(inflight: number): typeof globalThis.fetch {
  const agent = new Agent({ keepAlive: true, maxSockets: inflight });
  return (input, init = {}) =>
    new Promise<Response>((resolve, reject) => {
      if (typeof input !== 'string') throw new TypeError('nodeFetch takes a string URL');
      const headers: Record<string, string> = {};
      new Headers(init.headers).forEach((value, name) => (headers[name] = value));
      const req = httpRequest(input, { method: init.method ?? 'GET', headers, agent, signal: init.signal ?? undefined }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const responseHeaders = new Headers();
          for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) responseHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
          resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500, headers: responseHeaders }));
        });
      });
      req.on('error', reject);
      req.end(typeof init.body === 'string' ? init.body : undefined);
    });
}

/** Performs one step of a call and checks its answer; throws when the service answered something unexpected. */
async function step(verifier: Verifier, call: Progress): Promise<void> {
  switch (STEPS[call.step]) {
    case 'open': {
      const state = await verifier.open({ customerRef: call.ref, script: { id: script.id, version: script.version }, agentId: 'agent-1' });
      if (!state.challenge) throw new Error('no challenge issued');
      call.callId = state.callId;
      call.challenge = state.challenge;
      return;
    }
    case 'checkDigits': {
      const state = await verifier.checkDigits(call.callId, Object.fromEntries(call.challenge.map((p) => [p, PESEL.charAt(p - 1)])));
      if (!state.passed.pesel) throw new Error('right digits did not pass');
      return;
    }
    case 'checkAnswer': {
      const state = await verifier.checkAnswer(call.callId, 'account-opened-year', ANSWER);
      if (!state.passed.questions.includes('account-opened-year')) throw new Error('right answer did not pass');
      return;
    }
    case 'reveal': {
      const position = [10, 11, 7, 8, 9].find((p) => !call.challenge.includes(p)) ?? 10;
      const { digits } = await verifier.reveal(call.callId, [position]);
      if (digits[position] !== PESEL.charAt(position - 1)) throw new Error('wrong digit revealed');
      return;
    }
    case 'close': {
      const state = await verifier.close(call.callId, { kind: 'verified' });
      if (state.outcome?.kind !== 'verified') throw new Error('not verified');
      return;
    }
    default:
      throw new Error('no such step');
  }
}

/** Every call open at once, their steps interleaved through one queue, `inflight` requests at a time. */
async function drive(verifier: Verifier, label: string, calls: number, inflight: number, maxSeconds: number) {
  const queue: Progress[] = Array.from({ length: calls }, (_, i) => ({ ref: `${label}-${i}`, step: 0, callId: '', challenge: [] }));
  const latencies: Record<Step, number[]> = { open: [], checkDigits: [], checkAnswer: [], reveal: [], close: [] };
  let head = 0;
  let completed = 0;
  let errors = 0;
  let firstError: unknown;
  let cutShort = false;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;
  const worker = async () => {
    while (head < queue.length) {
      if (performance.now() > deadline) {
        cutShort = true;
        return;
      }
      const call = queue[head++]!;
      const name = STEPS[call.step]!;
      const t0 = performance.now();
      try {
        await step(verifier, call);
      } catch (error) {
        errors++;
        firstError ??= error;
        continue;
      }
      latencies[name].push(performance.now() - t0);
      if (call.step < STEPS.length - 1) {
        call.step++;
        queue.push(call);
      } else {
        completed++;
      }
    }
  };
  await Promise.all(Array.from({ length: inflight }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (firstError) console.error(`${label}: ${errors} errors, first:`, firstError);
  const ops = STEPS.reduce((sum, s) => sum + latencies[s].length, 0);
  return { latency: summarize(latencies), ops, completed, errors, cutShort, seconds };
}

const latencySchema = z.object({ p50: z.number(), p99: z.number(), mean: z.number() });
const statsSchema = z.object({
  cpuUs: z.number(),
  rssBytes: z.number(),
  latency: z.object({ open: latencySchema, checkDigits: latencySchema, checkAnswer: latencySchema, reveal: latencySchema, close: latencySchema }),
});

/** The server's CPU time, memory and per-operation timings since the last ask (which resets them). */
async function statsOf(baseUrl: string) {
  const response = await fetch(`${baseUrl}/__bench/stats`);
  return z.parse(statsSchema, await response.json());
}

async function redisCpuUs(port: number): Promise<number> {
  const info = await respCommand(port, ['INFO', 'cpu']);
  const text = typeof info === 'string' ? info : '';
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(text)?.[1] ?? 0);
  return (field('used_cpu_user') + field('used_cpu_sys')) * 1e6;
}

async function startChild(target: string): Promise<{ child: ChildProcess; baseUrl: string }> {
  const extra = process.env['BENCH_SERVER_NODE_ARGS']?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', SELF, '--serve', target], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code})`)));
    lines.on('line', (line) => {
      const match = /^listening (\d+)$/.exec(line);
      if (match) resolve(Number(match[1]));
    });
  });
  return { child, baseUrl: `http://127.0.0.1:${port}` };
}

interface RunOptions {
  calls: number;
  warmup: number;
  inflight: number;
  maxSeconds: number;
  fetch: 'node' | 'global';
}

async function runStore(name: string, target: string, redisPort: number | undefined, options: RunOptions): Promise<RunFigures> {
  const { child, baseUrl } = await startChild(target);
  try {
    const verifier = httpVerifier(baseUrl, { timeoutMs: 60_000, ...(options.fetch === 'node' ? { fetch: nodeFetch(options.inflight) } : {}) });
    await drive(verifier, `${name}-warmup`, options.warmup, options.inflight, options.maxSeconds);
    const before = await statsOf(baseUrl);
    const redisBefore = redisPort === undefined ? 0 : await redisCpuUs(redisPort);
    const run = await drive(verifier, name, options.calls, options.inflight, options.maxSeconds);
    const after = await statsOf(baseUrl);
    const redisAfter = redisPort === undefined ? 0 : await redisCpuUs(redisPort);
    const per = (x: number) => x / Math.max(1, run.completed);
    return {
      calls: options.calls,
      completed: run.completed,
      errors: run.errors,
      cutShort: run.cutShort,
      seconds: run.seconds,
      callsPerSecond: run.completed / run.seconds,
      opsPerSecond: run.ops / run.seconds,
      msPerCall: per(run.seconds * 1000),
      client: run.latency,
      server: after.latency,
      serverCpuUsPerCall: per(after.cpuUs - before.cpuUs),
      ...(redisPort === undefined ? {} : { redisCpuUsPerCall: per(redisAfter - redisBefore) }),
      serverRssMb: after.rssBytes / 1_048_576,
    };
  } finally {
    // Closing stdin lets the server exit by itself (and write a --cpu-prof profile).
    child.stdin?.end();
    await new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => resolve(clearTimeout(timer)));
    });
  }
}

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const serverMsPerCall = (r: RunFigures) => STEPS.reduce((sum, s) => sum + r.server[s].mean, 0);

function table(results: Record<string, RunFigures>): string {
  const names = Object.keys(results);
  const rows: string[] = [`| | ${names.join(' | ')} |`, `|---|${names.map(() => '---:').join('|')}|`];
  const row = (label: string, value: (r: RunFigures) => string) => rows.push(`| ${label} | ${names.map((n) => value(results[n]!)).join(' | ')} |`);
  row('calls completed (errors)', (r) => `${r.completed} (${r.errors})${r.cutShort ? ' cut short' : ''}`);
  row('wall time, s', (r) => f1(r.seconds));
  row('calls/s', (r) => f1(r.callsPerSecond));
  row('operations/s', (r) => f1(r.opsPerSecond));
  row('time per call, ms (wall / calls)', (r) => f2(r.msPerCall));
  row('time per call in the server, ms (Σ mean per op)', (r) => f2(serverMsPerCall(r)));
  for (const s of STEPS) row(`${s}: server p50 / p99, ms`, (r) => `${f2(r.server[s].p50)} / ${f2(r.server[s].p99)}`);
  for (const s of STEPS) row(`${s}: client p50 / p99, ms`, (r) => `${f2(r.client[s].p50)} / ${f2(r.client[s].p99)}`);
  row('server CPU per call, µs', (r) => f1(r.serverCpuUsPerCall));
  row('Redis CPU per call, µs', (r) => (r.redisCpuUsPerCall === undefined ? '–' : f1(r.redisCpuUsPerCall)));
  row('server RSS after the run, MB', (r) => f1(r.serverRssMb));
  return rows.join('\n');
}

async function main(): Promise<void> {
  const options: RunOptions = {
    calls: Number(process.env['BENCH_CALLS'] ?? 10_000),
    warmup: Number(process.env['BENCH_WARMUP'] ?? 1000),
    inflight: Number(process.env['BENCH_INFLIGHT'] ?? 8),
    maxSeconds: Number(process.env['BENCH_MAX_SECONDS'] ?? 120),
    fetch: process.env['BENCH_FETCH'] === 'global' ? 'global' : 'node',
  };
  const stores = (process.env['BENCH_STORES'] ?? 'redis,memory').split(',');
  const root = mkdtempSync(join(os.tmpdir(), 'safecall-bench-'));
  const redis = stores.includes('redis') ? await startRedisServer({ dir: join(root, 'redis') }) : undefined;
  const results: Record<string, RunFigures> = {};
  try {
    for (const name of stores) {
      if (name === 'redis' && redis) results[name] = await runStore(name, redis.url, redis.port, options);
      else if (name === 'memory') results[name] = await runStore(name, 'memory', undefined, options);
    }
  } finally {
    await redis?.stop();
    rmSync(root, { recursive: true, force: true });
  }
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ${options.calls} calls per store (after ${options.warmup} warm-up), ` +
      `${options.inflight} requests in flight, ${options.fetch === 'node' ? 'fetch over node:http' : "Node's global fetch"}\n`,
  );
  console.log(table(results));
  const { redis: onRedis, memory } = results;
  if (onRedis && memory) {
    const ratio = (a: number, b: number) => f2(a / b);
    console.log(
      `\nRedis / memory per call: wall ${ratio(onRedis.msPerCall, memory.msPerCall)}×, in the server ${ratio(serverMsPerCall(onRedis), serverMsPerCall(memory))}×, ` +
        `server CPU ${ratio(onRedis.serverCpuUsPerCall, memory.serverCpuUsPerCall)}×, server + Redis CPU ${ratio(onRedis.serverCpuUsPerCall + (onRedis.redisCpuUsPerCall ?? 0), memory.serverCpuUsPerCall)}×`,
    );
    const worst = (l: Latency) => f2(Math.max(...STEPS.map((s) => l[s].p99)));
    console.log(`Worst p99 per operation with Redis: ${worst(onRedis.server)} ms in the server, ${worst(onRedis.client)} ms at the client (target 5 ms)`);
  }
  if (process.env['BENCH_OUT']) writeFileSync(process.env['BENCH_OUT'], JSON.stringify({ options, results }, null, 2));
}

if (process.argv[2] === '--serve') {
  serve(process.argv[3] ?? 'memory').catch((error) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
