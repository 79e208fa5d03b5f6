/**
 * A redis-server process of the tests' own: on a free 127.0.0.1 port, with
 * its own directory, no persistence unless asked. The global setup starts
 * the shared ones with it; fault tests start a dedicated one, because the
 * process is what they kill.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { respCommand } from './redisWire.js';

/**
 * Why the Redis tests cannot run here, said plainly (they fail with it; they never skip).
 *
 * @example
 * ```ts
 * throw new Error(REDIS_MISSING);
 * ```
 */
export const REDIS_MISSING =
  'redis-server was not found on PATH. The Redis store tests start their own Redis: install it (Debian: `apt-get install -y redis-server`; `.ci/run` does this) and run the tests again.';

/**
 * `undefined` when redis-server can run here, else the reason.
 *
 * @example
 * ```ts
 * const missing = redisServerMissing();
 * if (missing) throw new Error(missing);
 * ```
 */
export function redisServerMissing(): string | undefined {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return REDIS_MISSING;
  const cli = spawnSync('redis-cli', ['--version'], { encoding: 'utf8' });
  if (cli.error || cli.status !== 0) return REDIS_MISSING.replace('redis-server was', 'redis-cli was');
  return undefined;
}

/**
 * A free TCP port on 127.0.0.1 (and, for cluster nodes, its bus port + 10000 too).
 *
 * @example
 * ```ts
 * const port = await freePort({ withBus: true });
 * ```
 */
export async function freePort(options: { withBus?: boolean } = {}): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const port = await listenOnce(0);
    if (!options.withBus) return port;
    if (port + 10_000 <= 65_535 && (await isFree(port + 10_000))) return port;
  }
  throw new Error('no free port pair found on 127.0.0.1');
}

function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const chosen = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(chosen));
    });
  });
}

async function isFree(port: number): Promise<boolean> {
  try {
    await listenOnce(port);
    return true;
  } catch {
    return false;
  }
}

/**
 * @example
 * ```ts
 * const options: RedisServerOptions = { dir: '/tmp/r1', persist: true };
 * ```
 */
export interface RedisServerOptions {
  /** Where the server keeps its files (AOF, nodes.conf, log). Created if missing. */
  dir: string;
  /** A fixed port (restarts use the same one); default: a free one. */
  port?: number;
  /** Append-only file, fsynced on every write: survives SIGKILL (fault tests). Default: no persistence. */
  persist?: boolean;
  /** A Redis Cluster node. */
  cluster?: boolean;
}

/**
 * @example
 * ```ts
 * await server.kill('SIGKILL');
 * await server.restart({ dir: emptyDir });
 * ```
 */
export interface RedisServerProcess {
  readonly port: number;
  readonly url: string;
  /** The directory of the running process (changes when restarted elsewhere). */
  readonly dir: string;
  /** Sends `signal` (default SIGKILL: no goodbye, no save) and waits for the process to end. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same port: with the same directory (its data, if persisted), or another (empty). */
  restart(options?: { dir?: string }): Promise<void>;
  /** Stops the server (SIGTERM; SIGKILL if it lingers). */
  stop(): Promise<void>;
}

// Every process this module started, so none outlives the test run even when it ends abruptly.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function argsOf(port: number, options: RedisServerOptions): string[] {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', options.dir, '--logfile', 'redis.log', '--save', ''];
  args.push('--appendonly', options.persist ? 'yes' : 'no');
  if (options.persist) args.push('--appendfsync', 'always');
  if (options.cluster) args.push('--cluster-enabled', 'yes', '--cluster-config-file', `nodes-${port}.conf`, '--cluster-node-timeout', '5000');
  return args;
}

function logTail(dir: string): string {
  try {
    return readFileSync(join(dir, 'redis.log'), 'utf8').trim().split('\n').slice(-8).join('\n');
  } catch {
    return '(no log)';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spawns redis-server and waits (generously) until it answers PING; rejects with its log if it exits first. */
async function spawnReady(port: number, options: RedisServerOptions): Promise<ChildProcess> {
  mkdirSync(options.dir, { recursive: true });
  const child = spawn('redis-server', argsOf(port, options), { stdio: 'ignore' });
  running.add(child);
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    running.delete(child);
    exited = `redis-server on port ${port} exited (${signal ?? code}) before it was ready:\n${logTail(options.dir)}`;
  });
  child.once('error', (error) => {
    running.delete(child);
    exited = error.message.includes('ENOENT') ? REDIS_MISSING : error.message;
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(exited);
    try {
      if ((await respCommand(port, ['PING'])) === 'PONG') return child;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server on port ${port} did not answer PING within a minute:\n${logTail(options.dir)}`);
}

function ended(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

// A free port can be taken between the check and the bind: try a few others unless one was asked for.
async function spawnOnFreePort(options: RedisServerOptions): Promise<{ port: number; child: ChildProcess }> {
  for (let attempt = 0; ; attempt++) {
    const port = options.port ?? (await freePort({ withBus: options.cluster ?? false }));
    try {
      return { port, child: await spawnReady(port, options) };
    } catch (error) {
      if (options.port !== undefined || attempt >= 4 || (error instanceof Error && error.message === REDIS_MISSING)) throw error;
    }
  }
}

/**
 * Starts a redis-server of the tests' own and waits until it answers.
 *
 * @example
 * ```ts
 * const server = await startRedisServer({ dir: mkdtempSync(join(tmpdir(), 'r-')), persist: true });
 * await server.kill(); await server.restart();
 * ```
 */
export async function startRedisServer(options: RedisServerOptions): Promise<RedisServerProcess> {
  let current = { ...options };
  const started = await spawnOnFreePort(options);
  const port = started.port;
  let proc = started.child;
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    get dir() {
      return current.dir;
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      proc.kill(signal);
      await ended(proc);
    },
    async restart(restart = {}) {
      await ended(proc);
      current = { ...current, ...(restart.dir ? { dir: restart.dir } : {}) };
      proc = await spawnReady(port, current);
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await ended(proc);
      clearTimeout(timer);
    },
  };
}
