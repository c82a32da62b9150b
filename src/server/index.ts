/**
 * `crosscheck serve`: the API and the web app on @hono/node-server.
 * Loopback by default; any other address needs CROSSCHECK_TOKEN, which every
 * POST must then carry.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createPoolAnalyzer, type Analyzer } from './analyzer.ts';
import { createApp, type AppOptions } from './app.ts';
import type { Limits } from './schemas.ts';
import type { Store } from '../store/index.ts';

export {
  createApp,
  ApiError,
  appCsp,
  defaultExample,
  type AppOptions,
  type ExampleJob,
} from './app.ts';
export { createPoolAnalyzer, createInlineAnalyzer, BusyError, type Analyzer } from './analyzer.ts';
export { DEFAULT_LIMITS, type Limits } from './schemas.ts';

export interface ServeOptions {
  port?: number;
  host?: string;
  /** Required when `host` is not a loopback address. */
  token?: string;
  threads?: number;
  limits?: Partial<Limits>;
  analyzer?: Analyzer;
  renderMarkdown?: AppOptions['renderMarkdown'];
  example?: AppOptions['example'];
  store?: AppOptions['store'];
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  close(): Promise<void>;
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** Start listening; resolves once the port is bound. Throws (API misuse) for an exposed host without a token. */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const exposed = !isLoopback(host);
  if (exposed && !options.token) {
    throw new Error(
      `serve: --host ${host} exposes the server beyond this machine; set CROSSCHECK_TOKEN so writes need a token`,
    );
  }
  const analyzer = options.analyzer ?? createPoolAnalyzer({ threads: options.threads });
  // Remember the store the routes open, to close it with the server.
  let opened: Promise<Store> | undefined;
  const openStore = options.store;
  const storeFactory = openStore ? () => (opened = openStore()) : undefined;
  const app = createApp({
    analyzer,
    limits: options.limits,
    // On loopback a token is still honoured when given.
    token: options.token,
    renderMarkdown: options.renderMarkdown,
    example: options.example,
    store: storeFactory,
  });
  const server = await new Promise<ServerType>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 8080, hostname: host }, () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    port: address.port,
    host: address.address,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.analyzer) await analyzer.close();
      const store = await opened?.catch(() => undefined);
      await store?.close();
    },
  };
}
