/**
 * Several instances on this machine (issue 12): a database of its own on a Postgres server,
 * PgBouncer in transaction pooling in front of it, two app instances (`npm start` of the existing
 * build) logged in as the app's role through the bouncer, and HAProxy balancing them round robin
 * with a health check. The instances share AUTH_SECRET, LISTEN on direct connections
 * (DATABASE_LISTEN_URL) and send no named prepared statements (DATABASE_PREPARE=false).
 * `npm run stack:up` runs it (scripts/stack.ts); tests/e2e/stack.spec.ts drives it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { APP_ROLE, openDatabase } from '@/db/client';
import { insertUser } from '@/db/queries/users';
import { emptyStream } from '@/lib/validation/streams';
import { createCaller } from '@/server/routers';
import { createOrganization } from '@/server/services/orgs';
import { hashPassword } from '@/server/services/passwords';
import { signedInAs } from '@/server/services/sessions';
import { startHaproxy } from './haproxy';
import { startPgBouncer } from './pgbouncer';
import { type Started, startProcess, waitFor } from './processes';

export interface StackOptions {
  /** A superuser's postgres:// URL on the server; the stack makes (and drops) a database there. */
  serverUrl: string;
  /** The balancer's port; the instances take the next two, PgBouncer the one after. */
  port: number;
  /** PgBouncer's server connections to the database (1: every request shares one). */
  poolSize: number;
  /** Seed the demo organizations too (their published password). */
  demo?: boolean;
  log?: (line: string) => void;
}

/** An organization of the stack's own, with an owner who signs in with a password, a stream and a token. */
export interface StackAccount {
  email: string;
  password: string;
  orgSlug: string;
  orgId: string;
  streamId: string;
  token: string;
}

export interface Stack {
  balancer: string;
  instances: { name: string; url: string }[];
  pgbouncer: string;
  database: string;
  /** A superuser's URL on the stack's database, directly (for checks). */
  directUrl: string;
  accounts: StackAccount[];
  stop: () => Promise<void>;
}

export async function startStack(opts: StackOptions): Promise<Stack> {
  const log = opts.log ?? ((line: string) => console.log(line));
  if (!fs.existsSync('.next/BUILD_ID'))
    throw new Error('No build in .next: run `npm run build` first.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'valuestream-stack-'));
  const database = `vs_stack_${Date.now().toString(36)}`;
  const admin = postgres(opts.serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${database}"`);
  const urlOf = (user: string) => {
    const url = new URL(opts.serverUrl);
    url.pathname = `/${database}`;
    url.username = user;
    url.password = '';
    return url.toString();
  };
  const ownerUrl = (() => {
    const url = new URL(opts.serverUrl);
    url.pathname = `/${database}`;
    return url.toString();
  })();
  const started: Started[] = [];
  const stop = async () => {
    // The balancer first, then the instances (each stops cleanly), then the bouncer.
    for (const proc of started.splice(0).reverse()) await proc.stop();
    await admin.unsafe(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    log(`database ${database}: migrating as its owner`);
    const accounts = await prepareDatabase(urlOf(APP_ROLE), ownerUrl, opts.demo ?? false);

    const bouncer = await startPgBouncer({
      dir: path.join(dir, 'pgbouncer'),
      port: opts.port + 3,
      target: ownerUrl,
      poolSize: opts.poolSize,
      users: [APP_ROLE, 'postgres'],
    });
    started.push(bouncer);

    const secret = crypto.randomBytes(33).toString('base64');
    const names = ['a', 'b'];
    const instances = names.map((name, i) => ({
      name,
      port: opts.port + 1 + i,
      url: `http://127.0.0.1:${opts.port + 1 + i}`,
    }));
    const procs = instances.map((instance) => {
      const proc = startProcess(
        `instance ${instance.name}`,
        'node',
        ['scripts/start.mjs', '-p', String(instance.port), '-H', '127.0.0.1'],
        {
          ...process.env,
          NODE_ENV: 'production',
          NEXT_TELEMETRY_DISABLED: '1',
          DATABASE_URL: bouncer.url(APP_ROLE),
          DATABASE_LISTEN_URL: urlOf(APP_ROLE),
          DATABASE_PREPARE: 'false',
          DATABASE_MIGRATION_URL: '',
          DATABASE_POOL_SIZE: '5',
          AUTH_SECRET: secret,
          SEED_DEMO: '0',
        },
      );
      started.push(proc);
      return proc;
    });
    for (const [i, instance] of instances.entries()) {
      const proc = procs[i] as Started;
      await waitFor(proc, () => answers(`${instance.url}/api/health`), 120_000);
      // An invitation link looks its organization up: the database is open and LISTENing after it.
      await waitFor(proc, () => answers(`${instance.url}/join/stack/${'a'.repeat(40)}`), 60_000);
    }

    const balancerUrl = `http://127.0.0.1:${opts.port}`;
    const haproxy = await startHaproxy({
      dir: path.join(dir, 'haproxy'),
      port: opts.port,
      backends: instances.map((i) => ({ name: i.name, port: i.port })),
      healthPath: '/api/health',
    });
    started.push(haproxy);
    // Both instances in rotation before anyone is told the stack is up.
    const seen = new Set<string>();
    await waitFor(haproxy, async () => {
      const r = await fetch(`${balancerUrl}/api/health`);
      const by = r.headers.get('x-served-by');
      if (r.ok && by) seen.add(by);
      return seen.size === instances.length;
    });

    return {
      balancer: balancerUrl,
      instances: instances.map(({ name, url }) => ({ name, url })),
      pgbouncer: bouncer.url(APP_ROLE),
      database,
      directUrl: ownerUrl,
      accounts,
      stop,
    };
  } catch (error) {
    const outputs = started.map((p) => `--- ${p.name}\n${p.output()}`).join('\n');
    await stop().catch(() => {});
    throw new Error(`${(error as Error).message}\n${outputs}`);
  }
}

async function answers(url: string): Promise<boolean> {
  const r = await fetch(url, { redirect: 'manual' });
  return r.status < 500;
}

/** Migrates the database as its owner; two organizations (and the demo ones) through the app's own code. */
async function prepareDatabase(
  appUrl: string,
  ownerUrl: string,
  demo: boolean,
): Promise<StackAccount[]> {
  const handle = await openDatabase({ url: appUrl, migrationUrl: ownerUrl, migrate: true });
  try {
    const accounts: StackAccount[] = [];
    for (const word of ['Alpha', 'Beta']) {
      const password = crypto.randomBytes(12).toString('base64url');
      const email = `owner-${word.toLowerCase()}-${crypto.randomUUID().slice(0, 8)}@stack.example`;
      const user = await insertUser(handle.db, {
        name: `${word} Owner`,
        email,
        passwordHash: await hashPassword(password),
      });
      const org = await createOrganization(handle.db, { name: `${word} Stack`, ownerId: user.id });
      const caller = createCaller({
        db: handle.db,
        session: await signedInAs(handle.db, user.id),
        address: 'stack',
      });
      const { id: streamId } = await caller.streams.create({
        orgSlug: org.slug,
        fields: { ...emptyStream, name: `${word} fulfilment`, ownerId: user.id },
      });
      const { token } = await caller.apiTokens.create({ orgSlug: org.slug, name: 'stack' });
      accounts.push({ email, password, orgSlug: org.slug, orgId: org.id, streamId, token });
    }
    if (demo) {
      const { seed } = await import('@/server/seed');
      await seed(handle.db, () => {});
    }
    return accounts;
  } finally {
    await handle.close();
  }
}
