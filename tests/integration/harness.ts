/**
 * Integration-test harness: a fresh, migrated database per test file on each available driver,
 * plus factories for users, organizations and tRPC callers.
 *
 *   forEachDriver('members', (t) => {
 *     it('...', async () => { const { org, users } = await makeOrgWithRoles(t.db); ... });
 *   });
 *
 * PGlite (in memory) always runs; real Postgres runs too when TEST_DATABASE_URL points at a
 * server: each file then gets its own `vs_test_<random>` database there, dropped afterwards.
 */
import { type Role, roles } from '@/lib/domain';
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe } from 'vitest';
import { APP_ROLE, type DatabaseHandle, type Db, openDatabase } from '@/db/client';
import { insertMembership } from '@/db/queries/orgs';
import { insertUser } from '@/db/queries/users';
import { invitations, memberships } from '@/db/schema';
import { rowsOf } from '@/db/rows';
import { withTenant } from '@/db/tenant';
import { createCaller } from '@/server/routers';
import { createOrganization } from '@/server/services/orgs';
import { hashPassword } from '@/server/services/passwords';
import { hashSessionSecret, type SessionClaim, startSession } from '@/server/services/sessions';

export type Driver = DatabaseHandle['driver'];

/** The drivers this run covers: PGlite always, Postgres when TEST_DATABASE_URL is set. */
export function drivers(): Driver[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase {
  readonly driver: Driver;
  /** The app's handle (queries run as the app role). Only usable inside tests and hooks. */
  readonly db: Db;
  /** The whole handle (driver, listen, close): for tests of the database layer itself. */
  readonly handle: DatabaseHandle;
}

/** Runs the suite `fn` once per driver, each with its own fresh database. */
export function forEachDriver(name: string, fn: (t: TestDatabase) => void): void {
  describe.each(drivers())(`${name} on %s`, (driver) => fn(useDatabase(driver)));
}

/** Opens a fresh database for the enclosing describe block and closes (and drops) it afterwards. */
export function useDatabase(driver: Driver): TestDatabase {
  let opened: { handle: DatabaseHandle; dispose: () => Promise<void> } | undefined;
  beforeAll(async () => {
    opened = await openTestDatabase(driver);
  });
  afterAll(async () => {
    await opened?.dispose();
    opened = undefined;
  });
  return {
    driver,
    get db(): Db {
      if (!opened)
        throw new Error('The test database is not open: use t.db inside a test or hook.');
      return opened.handle.db;
    },
    get handle(): DatabaseHandle {
      if (!opened)
        throw new Error('The test database is not open: use t.handle inside a test or hook.');
      return opened.handle;
    },
  };
}

async function openTestDatabase(driver: Driver) {
  if (driver === 'pglite') {
    const handle = await openDatabase({ migrate: true });
    return { handle, dispose: () => handle.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `vs_test_${crypto.randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, (sql) => sql.unsafe(`CREATE DATABASE "${name}"`));
  const drop = () =>
    onServer(serverUrl, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const owner = new URL(serverUrl);
  owner.pathname = `/${name}`;
  // As in production: the tables belong to the migrating user, the app logs in as its own role.
  const app = new URL(owner);
  app.username = APP_ROLE;
  app.password = '';
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase({
      url: app.toString(),
      migrationUrl: owner.toString(),
      migrate: true,
    });
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    handle,
    dispose: async () => {
      try {
        await handle.close();
      } finally {
        await drop();
      }
    },
  };
}

type AdminSql = import('postgres').Sql;

/** One short-lived connection to the server's admin database (the one TEST_DATABASE_URL names). */
async function onServer(serverUrl: string, fn: (sql: AdminSql) => Promise<unknown>): Promise<void> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await fn(sql);
  } finally {
    await sql.end();
  }
}

/** A connection of its own to the test database (Postgres only), as another process would have. */
export async function otherConnection(db: Db): Promise<AdminSql> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const [row] = await rowsOf<{ name: string }>(db, sql`select current_database() as name`);
  const url = new URL(serverUrl);
  url.pathname = `/${row?.name ?? ''}`;
  const { default: postgres } = await import('postgres');
  return postgres(url.toString(), { max: 1, onnotice: () => {} });
}

/** Ends a Postgres backend as a crash or a cut network would (as the server's superuser). */
export async function terminateBackend(pid: number): Promise<void> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  await onServer(serverUrl, (sql) => sql`select pg_terminate_backend(${pid})`);
}

// ---------------------------------------------------------------------------------------------
// Factories

export const TEST_PASSWORD = 'correct-horse-battery-staple';
let passwordHash: Promise<string> | undefined;

/** argon2 takes tens of milliseconds: every test user shares one hash of TEST_PASSWORD. */
export function testPasswordHash(): Promise<string> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
}

export function randomId(): string {
  return crypto.randomBytes(5).toString('hex');
}

export function uniqueEmail(prefix = 'user'): string {
  return `${prefix}-${randomId()}@example.test`;
}

export interface TestUser {
  id: string;
  name: string;
  email: string;
}

export async function makeUser(
  db: Db,
  opts: { name?: string; email?: string } = {},
): Promise<TestUser> {
  return insertUser(db, {
    name: opts.name ?? `User ${randomId()}`,
    email: (opts.email ?? uniqueEmail()).trim().toLowerCase(),
    passwordHash: await testPasswordHash(),
  });
}

export interface TestOrg {
  org: { id: string; name: string; slug: string };
  users: Record<Role, TestUser>;
}

/** An organization with one member of each role (the owner created it). */
export async function makeOrgWithRoles(db: Db, opts: { name?: string } = {}): Promise<TestOrg> {
  const users = {} as Record<Role, TestUser>;
  for (const role of roles)
    users[role] = await makeUser(db, { name: `${role} ${randomId()}`, email: uniqueEmail(role) });
  const org = await createOrganization(db, {
    name: opts.name ?? `Org ${randomId()}`,
    ownerId: users.owner.id,
  });
  await withTenant(db, { orgId: org.id }, async (tx) => {
    for (const role of roles)
      if (role !== 'owner')
        await insertMembership(tx, { orgId: org.id, userId: users[role].id, role });
  });
  return { org: { id: org.id, name: org.name, slug: org.slug }, users };
}

const sessionsOf = new WeakMap<Db, Map<string, Promise<SessionClaim>>>();

/**
 * A live session of `userId`, as a sign-in starts one: what its cookie claims. One per user and
 * database, started on first use (a test that ends it starts its own with `newSession`).
 */
export function sessionOf(db: Db, userId: string): Promise<SessionClaim> {
  let byUser = sessionsOf.get(db);
  if (!byUser) sessionsOf.set(db, (byUser = new Map()));
  let claim = byUser.get(userId);
  if (!claim) byUser.set(userId, (claim = newSession(db, userId)));
  return claim;
}

/** A new session of `userId` (another browser signing in), with the secret its cookie holds. */
export async function newSession(
  db: Db,
  userId: string,
  now?: Date,
): Promise<SessionClaim & { secret: string; id: string }> {
  const { id, secret } = await startSession(db, { userId, userAgent: 'vitest', now });
  return { id, secret, userId, secretHash: hashSessionSecret(secret) };
}

/** A client address of its own, so one test's rate limits never touch another's. */
export function newAddress(): string {
  return `198.51.100.${crypto.randomInt(1, 255)}-${crypto.randomBytes(3).toString('hex')}`;
}

/**
 * A tRPC caller acting as `userId` (null: signed out) with a live session, as the API route
 * would build it; or, with `session`, with exactly what a cookie claims.
 */
export function callerFor(
  db: Db,
  userId: string | null,
  opts: { address?: string; session?: SessionClaim | null } = {},
) {
  const address = opts.address ?? newAddress();
  return createCaller(async () => ({
    db,
    session:
      opts.session !== undefined ? opts.session : userId ? await sessionOf(db, userId) : null,
    address,
  }));
}

// ---------------------------------------------------------------------------------------------
// Reading tenant rows back (inside the tenant transaction, as RLS requires)

/** userId -> role of every member of the organization. */
export async function rolesIn(db: Db, orgId: string): Promise<Record<string, Role>> {
  const rows = await withTenant(db, { orgId }, (tx) =>
    tx
      .select({ userId: memberships.userId, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.orgId, orgId)),
  );
  return Object.fromEntries(rows.map((r) => [r.userId, r.role]));
}

export async function invitationRow(db: Db, orgId: string, id: string) {
  const [row] = await withTenant(db, { orgId }, (tx) =>
    tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id))),
  );
  return row;
}

/** The secret token at the end of an invitation path `/join/<slug>/<token>`. */
export function tokenOf(path: string): string {
  const token = path.split('/').at(-1);
  if (!token) throw new Error(`No token in ${path}`);
  return token;
}
