/**
 * More than one instance (issue 12): `npm run stack:up` (scripts/stack.ts) with the suite's build,
 * driven as a user would. Two instances behind HAProxy (round robin), through PgBouncer in
 * transaction pooling with ONE server connection, so every request of both instances and both
 * organizations shares it. A sign-in through the balancer holds on both instances; two
 * organizations alternating see only their own; failed sign-ins count on both instances alike; a
 * write on one instance changes the dashboard the other one answers. Needs Postgres
 * (TEST_DATABASE_URL) and Debian's pgbouncer and haproxy, as CI installs them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import postgres from 'postgres';
import type { APIRequestContext, Browser } from '@playwright/test';
import { hasProgram } from '../../scripts/infra/processes';
import type { Stack, StackAccount } from '../../scripts/infra/stack';
import { expect, signInThroughForm, test, trpcQueryInput } from './fixtures';

type Running = Omit<Stack, 'stop'>;

const runs =
  Boolean(process.env.TEST_DATABASE_URL) && hasProgram('pgbouncer') && hasProgram('haproxy');
const port = Number(process.env.E2E_PORT ?? 3100) + 80;

test.describe.configure({ mode: 'serial' });

test.describe('two instances behind HAProxy, through PgBouncer (a pool of one)', () => {
  test.skip(!runs, 'needs TEST_DATABASE_URL and Debian’s pgbouncer and haproxy');
  let child: ChildProcess | undefined;
  let output = '';
  let stack: Running;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    child = spawn('node', ['--import', 'tsx', 'scripts/stack.ts'], {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, STACK_PORT: String(port), STACK_POOL_SIZE: '1' },
    });
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    stack = await new Promise<Running>((resolve, reject) => {
      child?.stdout?.on('data', (d: Buffer) => {
        output += d.toString();
        const line = output.split('\n').find((l) => l.startsWith('STACK_READY '));
        if (line) resolve(JSON.parse(line.slice('STACK_READY '.length)) as Running);
      });
      child?.on('exit', (code) => reject(new Error(`stack exited (${code}):\n${output}`)));
    });
  });

  test.afterAll(async () => {
    if (!child?.pid || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    process.kill(child.pid, 'SIGTERM'); // it stops its processes, each by its group
    const timer = setTimeout(() => child?.pid && process.kill(-child.pid, 'SIGKILL'), 60_000);
    await exited;
    clearTimeout(timer);
    expect(output).toContain('Stack stopped.');
  });

  const account = (i: number) => stack.accounts[i] as StackAccount;

  /** A browser context signed in through the balancer's form. */
  async function signedIn(browser: Browser, who: StackAccount) {
    const context = await browser.newContext({ baseURL: stack.balancer });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await signInThroughForm(page, who);
    return { context, page, request: context.request };
  }

  /** The names of the organization's streams, through tRPC, and which instance answered. */
  async function streamNames(request: APIRequestContext, base: string, slug: string) {
    const r = await request.get(
      `${base}/api/trpc/streams.list?input=${trpcQueryInput({ orgSlug: slug })}`,
    );
    const body = (await r.json()) as { result?: { data: { json: { name: string }[] } } };
    return {
      status: r.status(),
      by: r.headers()['x-served-by'],
      names: body.result?.data.json.map((s) => s.name),
    };
  }

  test('a sign-in through the balancer holds on both instances', async ({ browser }) => {
    const alpha = account(0);
    const { context, page } = await signedIn(browser, alpha);
    await expect(page).toHaveURL(new RegExp(`/${alpha.orgSlug}$`));
    const servedBy = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const r = await context.request.get(`/${alpha.orgSlug}`, { maxRedirects: 0 });
      expect(r.status()).toBe(200);
      servedBy.add(r.headers()['x-served-by'] ?? '');
    }
    expect([...servedBy].sort()).toEqual(['a', 'b']);
    // Each instance, asked directly, knows the session too (cookies go to every port of a host).
    for (const instance of stack.instances) {
      const r = await context.request.get(`${instance.url}/${alpha.orgSlug}`, { maxRedirects: 0 });
      expect(r.status(), instance.name).toBe(200);
    }
    // Signed out, the same page sends to the sign-in form, whichever instance answers.
    const anonymous = await browser.newContext({ baseURL: stack.balancer });
    for (let i = 0; i < 2; i++) {
      const r = await anonymous.request.get(`/${alpha.orgSlug}`, { maxRedirects: 0 });
      expect(r.status()).toBeGreaterThanOrEqual(300);
      expect(r.headers()['location']).toContain('/sign-in');
    }
    await anonymous.close();
    await context.close();
  });

  test('two organizations alternating on one pooled connection see only their own streams', async ({
    browser,
  }) => {
    const alpha = await signedIn(browser, account(0));
    const sessions = [alpha, await signedIn(browser, account(1))];
    const own = [['Alpha fulfilment'], ['Beta fulfilment']];
    const servedBy = new Set<string>();
    for (let round = 0; round < 8; round++) {
      const answers = await Promise.all(
        sessions.map((s, i) => streamNames(s.request, stack.balancer, account(i).orgSlug)),
      );
      answers.forEach((a, i) => {
        expect(a.status).toBe(200);
        expect(a.names).toEqual(own[i]);
        servedBy.add(a.by ?? '');
      });
    }
    expect([...servedBy].sort()).toEqual(['a', 'b']);
    // Neither reaches the other's organization.
    const crossed = await streamNames(alpha.request, stack.balancer, account(1).orgSlug);
    expect(crossed.status).toBeGreaterThanOrEqual(400);
    expect(crossed.names).toBeUndefined();
    // All of it went through one server connection (the listeners have their own, directly).
    const sql = postgres(stack.directUrl, { max: 1, onnotice: () => {} });
    const [row] = await sql<{ n: number }[]>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and usename = 'valuestream_app'
        and application_name <> 'valuestream listen'`;
    await sql.end();
    expect(row?.n).toBe(1);
    await Promise.all(sessions.map((s) => s.context.close()));
  });

  test('a write on one instance changes the dashboard the other one answers', async ({
    browser,
  }) => {
    const alpha = account(0);
    const { context, request } = await signedIn(browser, alpha);
    const [a, b] = stack.instances as [Running['instances'][0], Running['instances'][0]];
    const week = { range: 'custom', from: '2025-03-03', to: '2025-03-09' };
    const portfolioOn = async (base: string) => {
      const r = await request.get(
        `${base}/api/trpc/dashboards.portfolio?input=${trpcQueryInput({ orgSlug: alpha.orgSlug, ...week })}`,
      );
      expect(r.status()).toBe(200);
      const body = (await r.json()) as {
        result: { data: { json: { cards: { streams: { count: number; measured: number } } } } };
      };
      return body.result.data.json.cards.streams;
    };
    expect(await portfolioOn(a.url)).toEqual({ count: 1, measured: 0 });
    expect(await portfolioOn(a.url)).toEqual({ count: 1, measured: 0 }); // A's cached answer

    const written = await request.post(`${b.url}/api/v1/measurements/batch`, {
      headers: {
        authorization: `Bearer ${alpha.token}`,
        'idempotency-key': crypto.randomUUID(),
      },
      data: {
        measurements: [
          {
            streamId: alpha.streamId,
            periodStart: '2025-03-03',
            periodEnd: '2025-03-09',
            leadTimeSeconds: 36_000,
          },
        ],
      },
    });
    expect(written.status(), await written.text()).toBe(201);
    // B's commit reaches A by NOTIFY on A's direct listening connection.
    await expect.poll(() => portfolioOn(a.url)).toEqual({ count: 1, measured: 1 });
    await context.close();
  });

  test('failed sign-ins count on both instances: the sixth attempt is refused, even with the right password', async ({
    playwright,
  }) => {
    const beta = account(1);
    const request = await playwright.request.newContext({ baseURL: stack.balancer });
    // One CSRF token (its cookie is signed with the shared secret), then one request per attempt,
    // so the attempts alternate between the instances.
    const csrf = (await (await request.get('/api/auth/csrf')).json()) as { csrfToken: string };
    const attempt = async (password: string) => {
      const r = await request.post('/api/auth/callback/credentials', {
        form: { email: beta.email, password, csrfToken: csrf.csrfToken },
        maxRedirects: 0,
      });
      return { location: r.headers()['location'] ?? '', by: r.headers()['x-served-by'] ?? '' };
    };
    const servedBy = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const r = await attempt(`wrong-password-${i}`);
      expect(r.location).toContain('error=CredentialsSignin');
      expect(r.location).not.toContain('rate_limited');
      servedBy.add(r.by);
    }
    expect([...servedBy].sort()).toEqual(['a', 'b']);
    const sixth = await attempt(beta.password);
    expect(sixth.location).toContain('code=rate_limited');
    await request.dispose();
  });
});
