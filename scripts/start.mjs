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
import http from 'node:http';
import next from 'next';

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

const app = next({ dev: false, hostname, port, dir: process.cwd() });
await app.prepare();
const handle = app.getRequestHandler();

let inFlight = 0;
const server = http.createServer((req, res) => {
  inFlight++;
  res.on('close', () => inFlight--);
  // While stopping, every answer closes its connection so keep-alive clients reconnect elsewhere.
  if (lifecycle.draining) res.setHeader('connection', 'close');
  handle(req, res).catch((/** @type {unknown} */ error) => {
    console.error('request failed', error);
    if (!res.headersSent) res.writeHead(500).end();
  });
});
server.listen(port, hostname, () => {
  console.log(`Valuestream listening on http://${hostname}:${port} (pid ${process.pid})`);
});

let stopping = false;
/** @param {NodeJS.Signals} signal */
async function stop(signal) {
  if (stopping) {
    console.error(`${signal} again: exiting without waiting.`);
    process.exit(1);
  }
  stopping = true;
  lifecycle.draining = true;
  console.log(
    `${signal}: stopping; ${inFlight} request(s) in flight, waiting up to ${shutdownMs} ms.`,
  );
  const cut = setTimeout(() => {
    console.warn(`Still ${inFlight} request(s) after ${shutdownMs} ms: closing their connections.`);
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
    console.log('Stopped cleanly.');
    process.exit(0);
  } catch (error) {
    console.error('Stopping failed:', error);
    process.exit(1);
  }
}
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
