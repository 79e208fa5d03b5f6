/**
 * The Redis store for the demo (`REDIS_URL`): what several server processes
 * share, so attempts and the disclosure ledger hold across them.
 */
import { createClient } from 'redis';
import { redisStore, type VerificationStore } from 'safecall-pl/server';

/** A connected store and how to let go of its connection. */
export interface RedisConnection {
  store: VerificationStore;
  quit(): Promise<void>;
}

/**
 * Connects to `url` with the options a verification path wants: fail fast
 * while Redis is away (no offline queue, 1 s command timeout — checks answer
 * a retryable 503 and the desktop offers "try again"), reconnect every 100 ms.
 *
 * @example
 * ```ts
 * const { store, quit } = await connectRedisStore(process.env.REDIS_URL!);
 * ```
 */
export async function connectRedisStore(url: string, log: (message: string) => void = console.error): Promise<RedisConnection> {
  const client = createClient({ url, disableOfflineQueue: true, socket: { reconnectStrategy: 100 }, commandOptions: { timeout: 1000 } });
  let reported = false;
  // Without an error listener a dropped Redis would crash the process; with it, checks fail closed until it is back.
  client.on('error', (error: unknown) => {
    if (reported) return;
    reported = true;
    log(`redis: ${error instanceof Error ? error.message : String(error)} (checks fail closed until it is back)`);
  });
  client.on('ready', () => {
    reported = false;
  });
  await client.connect();
  return {
    store: redisStore(client),
    quit: async () => {
      await client.quit();
    },
  };
}
