/**
 * Starting and stopping the demo on `node:http`, bound to 127.0.0.1. Stopping
 * keeps the app (its service and store), so a test can take the server down
 * in the middle of a call and bring it back on the same port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDemoApp, type DemoApp, type DemoAppOptions } from './app.js';

/** Options of {@link startDemoServer}. */
export interface DemoServerOptions extends DemoAppOptions {
  /** TCP port; 0 picks a free one. Default 5180. */
  port?: number;
}

/** A running demo server. */
export interface DemoServer {
  app: DemoApp;
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The URL to open: the desktop, signed in by the token in the fragment (never sent to the server). */
  url: string;
  /** Closes the listener and every open connection; the app and its store stay. */
  stop(): Promise<void>;
  /** Listens again on the same port with the same app. */
  restart(): Promise<void>;
}

const HOST = '127.0.0.1';

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen(port, HOST, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Builds the demo app and listens on 127.0.0.1.
 *
 * @example
 * ```ts
 * const demo = await startDemoServer({ port: 0 });
 * console.log(demo.url);
 * await demo.stop();
 * ```
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const { port: wanted = 5180, ...appOptions } = options;
  const app = createDemoApp(appOptions);
  let server = createServer(app.listener);
  const port = await listen(server, wanted);
  let running = true;
  const origin = `http://${HOST}:${port}`;
  return {
    app,
    port,
    origin,
    url: `${origin}/#token=${encodeURIComponent(app.token)}`,
    async stop() {
      if (!running) return;
      running = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
    async restart() {
      if (running) return;
      server = createServer(app.listener);
      await listen(server, port);
      running = true;
    },
  };
}
