/**
 * `npm run stack:up` (issue 12): two instances of the built app behind HAProxy, through PgBouncer
 * in transaction pooling, on a database of their own on this machine's Postgres
 * (scripts/infra/stack.ts). Prints the URLs and two accounts to sign in with, then runs until
 * Ctrl-C or SIGTERM, when it stops everything (each process by its group) and drops the database.
 *
 *   STACK_DATABASE_URL  a superuser on the server (default TEST_DATABASE_URL, else
 *                       postgres://postgres@127.0.0.1:5432/postgres)
 *   STACK_PORT          the balancer's port (3300); the instances take the next two, PgBouncer the next
 *   STACK_POOL_SIZE     PgBouncer's server connections (4; 1 makes every request share one)
 *   STACK_DEMO=1        also the demo organizations (password in the README)
 *
 * Needs a build (`npm run build`) and Debian's pgbouncer and haproxy (`apt-get install pgbouncer haproxy`).
 * Its last line before running is `STACK_READY {json}`, for tests/e2e/stack.spec.ts.
 */
import { startStack } from './infra/stack';

const serverUrl =
  process.env.STACK_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/postgres';
const port = Number(process.env.STACK_PORT ?? 3300);

const started = Date.now();
const stack = await startStack({
  serverUrl,
  port,
  poolSize: Number(process.env.STACK_POOL_SIZE ?? 4),
  demo: process.env.STACK_DEMO === '1',
});

console.log(`
Valuestream, two instances (up in ${((Date.now() - started) / 1000).toFixed(1)} s):
  balancer   ${stack.balancer}   (HAProxy, round robin, health check /api/health)
${stack.instances.map((i) => `  instance ${i.name} ${i.url}`).join('\n')}
  pgbouncer  ${stack.pgbouncer}   (transaction pooling)
  database   ${stack.database}
Sign in at ${stack.balancer}/sign-in as:
${stack.accounts.map((a) => `  ${a.email}  ${a.password}  (/${a.orgSlug})`).join('\n')}
Ctrl-C stops everything.`);
console.log(`STACK_READY ${JSON.stringify({ ...stack, stop: undefined })}`);

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: stopping the stack`);
  try {
    await stack.stop();
    console.log('Stack stopped.');
    process.exit(0);
  } catch (error) {
    console.error('Stopping failed:', error);
    process.exit(1);
  }
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
