// @ts-check
/**
 * `npm start`: the production server, with a clean stop (issue 12, decision 0018).
 *
 * `next start` answers SIGTERM by waiting for the requests in flight and exiting 143 without
 * closing the database. This launcher serves the same build through Next's request handler and,
 * on SIGTERM or SIGINT: says it is not ready (/api/ready → 503, so a load balancer stops sending),
 * stops accepting connections, lets the requests in flight finish (up to SHUTDOWN_TIMEOUT_MS,
 * then cuts them), closes Next and the database (PGlite shut down and its folder unlocked, the
 * Postgres pool drained), and exits 0. A second signal exits at once (1).
 *
 * Plain JavaScript so that production needs no TypeScript loader; `next start`'s -p/-H work.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import next from 'next';
import pino from 'pino';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

const args = process.argv.slice(2);
/** @param {string[]} names */
function option(names) {
  const i = args.findIndex((a) => names.includes(a));
  return i >= 0 ? args[i + 1] : undefined;
}

const port = Number(option(['-p', '--port']) ?? process.env.PORT ?? 3000);
const hostname = option(['-H', '--hostname']) ?? process.env.HOSTNAME ?? '0.0.0.0';
const shutdownMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 20_000);

/** What the app's code reads (server/lifecycle.ts); the launcher and the app share one process. */
const lifecycle = /** @type {{ draining: boolean, close?: () => Promise<void> }} */ (
  /** @type {any} */ (globalThis).__valuestreamLifecycle ??= { draining: false }
);

const log = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'valuestream', pid: process.pid },
});

/** The process's metrics registry, shared with the app (server/metrics.ts) through one global. */
const scope = /** @type {any} */ (globalThis);
if (!scope.__valuestreamMetrics) {
  scope.__valuestreamMetrics = new Registry();
  collectDefaultMetrics({ register: scope.__valuestreamMetrics });
}
const requestSeconds = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Requests by method, route group and status class, and how long they took',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [scope.__valuestreamMetrics],
});

/**
 * A closed set of route names for labels (never ids): a tRPC call by its procedure, an API route
 * by its path, everything else as a page or a static file.
 * @param {string} url
 */
function routeOf(url) {
  const path = url.split('?')[0] ?? '';
  if (path.startsWith('/_next/')) return 'static';
  const trpc = /^\/api\/trpc\/([\w.,]+)$/.exec(path);
  if (trpc) return trpc[1]?.includes(',') ? 'trpc:batch' : `trpc:${trpc[1]}`;
  if (path.startsWith('/api/auth/')) return '/api/auth';
  if (/^\/api\/(v1\/measurements(\/batch)?|imports|health|ready|metrics)$/.test(path)) return path;
  if (path.startsWith('/api/')) return 'api:other';
  return 'page';
}

const app = next({ dev: false, hostname, port, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();

let inFlight = 0;
const server = http.createServer((req, res) => {
  inFlight++;
  const started = process.hrtime.bigint();
  // One id per request, in the app's logs, the response and the reference a person is shown.
  const sent = req.headers['x-request-id'];
  const requestId =
    typeof sent === 'string' && /^[A-Za-z0-9_.-]{8,64}$/.test(sent) ? sent : crypto.randomUUID();
  req.headers['x-request-id'] = requestId;
  // The connection's own address, for rate limits when no proxy of ours stands in front
  // (lib/auth/client-address.ts); whatever a client sent under this name is replaced.
  req.headers['x-valuestream-peer'] = req.socket.remoteAddress ?? 'unknown';
  res.setHeader('x-request-id', requestId);
  res.on('close', () => {
    inFlight--;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = routeOf(req.url ?? '/');
    const status = res.writableFinished ? res.statusCode : 499; // 499: the client went away
    requestSeconds.observe(
      { method: req.method ?? '?', route, status: `${Math.floor(status / 100)}xx` },
      seconds,
    );
    if (route !== 'static')
      log.info(
        { requestId, method: req.method, route, status, ms: Math.round(seconds * 1000) },
        'request',
      );
  });
  // While stopping, every answer closes its connection so keep-alive clients reconnect elsewhere.
  if (lifecycle.draining) res.setHeader('connection', 'close');
  handle(req, res).catch((/** @type {unknown} */ error) => {
    log.error({ err: error }, 'request failed');
    if (!res.headersSent) res.writeHead(500).end();
  });
});
server.listen(port, hostname, () => {
  log.info({ url: `http://${hostname}:${port}` }, 'listening');
});

let stopping = false;
/** @param {NodeJS.Signals} signal */
async function stop(signal) {
  if (stopping) {
    log.error({ signal }, 'signal again: exiting without waiting');
    process.exit(1);
  }
  stopping = true;
  lifecycle.draining = true;
  log.info({ signal, inFlight, waitMs: shutdownMs }, 'stopping');
  const cut = setTimeout(() => {
    log.warn(
      { inFlight, waitMs: shutdownMs },
      'requests still in flight: closing their connections',
    );
    server.closeAllConnections();
  }, shutdownMs);
  cut.unref();
  const closed = new Promise((resolve) => server.close(resolve));
  // Connections whose request has just finished go idle: close them as they do.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  await closed;
  clearInterval(idle);
  clearTimeout(cut);
  try {
    await app.close();
    await lifecycle.close?.();
    log.info('stopped cleanly');
    process.exit(0);
  } catch (error) {
    log.error({ err: error }, 'stopping failed');
    process.exit(1);
  }
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
