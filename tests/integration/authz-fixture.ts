/**
 * What the authorization matrix and the fuzz suites share: the callers (each role, a lead on their
 * own stream and on another's, a member of another organization, signed out, an API token of each
 * role), an organization holding something of everything, and a checksum of every table's rows to
 * prove that a refused call changed nothing.
 */
import { type Role } from '@/lib/domain';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { insertMembership } from '@/db/queries/orgs';
import { rowsOf } from '@/db/rows';
import * as schema from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { can, type Permission } from '@/server/permissions';
import { makeToken } from './api-factories';
import { makeOrgWithRoles, makeUser, type TestOrg } from './harness';
import { as, devFields, makeStream, saveMap } from './stream-factories';

/** Who calls, and with what credential. */
export interface Who {
  name: string;
  /** The credential the request carries: the session cookie, an API token, or nothing. */
  via: 'session' | 'token' | 'none';
  /** The caller's role in their organization (null: signed out). */
  role: Role | null;
  /** A member of organization A (the one the calls name), of B (another), or of none. */
  org: 'a' | 'b' | null;
  /** Whether the stream a stream-scoped call targets is the caller's own. */
  ownsTarget: boolean;
}

const member = (role: Role, name: string = role, ownsTarget = false): Who => ({
  name,
  via: 'session',
  role,
  org: 'a',
  ownsTarget,
});
const token = (w: Who): Who => ({ ...w, name: `API token: ${w.name}`, via: 'token' });

const sessionCallers: Who[] = [
  member('owner'),
  member('admin'),
  member('lead', 'lead (own stream)', true),
  member('lead', 'lead (other’s stream)', false),
  member('viewer'),
  {
    name: 'member of another organization',
    via: 'session',
    role: 'owner',
    org: 'b',
    ownsTarget: false,
  },
  { name: 'signed out', via: 'none', role: null, org: null, ownsTarget: false },
];

/** Every caller of the matrix: each role in session, and an API token of each role. */
export const callers: Who[] = [
  ...sessionCallers,
  ...sessionCallers.filter((w) => w.via === 'session').map(token),
];

/**
 * The role whose member owns the stream a stream-scoped call targets: the caller's own for a
 * lead on their own stream; the owner's for a lead on another's; the lead's for everyone else.
 */
export function targetOwner(who: Who): Role {
  if (who.ownsTarget && who.role) return who.role;
  return who.role === 'lead' ? 'owner' : 'lead';
}

/** Who may do what, before any edge: `public`, any signed-in person, or a permission of the matrix. */
export type Access = 'public' | 'signed-in' | Permission;

/** The outcome classes of a call. ROW_REFUSED: accepted, but the row naming that stream refused. */
export type Outcome = 'ok' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'NOT_FOUND' | 'ROW_REFUSED';

export interface ExpectOptions {
  /** The credential the edge reads: tRPC and the import route the session, the API a token. */
  edge: 'session' | 'token';
  /** The call acts on a stream: a role without streams:edit-any may act only on their own. */
  scoped?: boolean;
  /** What acting on another's stream gives (the ingestion API and imports refuse the row). */
  otherStream?: Outcome;
  /** What another organization's member gets (an API token's organization is its own). */
  otherOrg?: Outcome;
}

/** The outcome the permission matrix (server/permissions.ts) gives `who` for `access`. */
export function expectedOutcome(access: Access, who: Who, opts: ExpectOptions): Outcome {
  if (access === 'public') return 'ok';
  if (who.via !== opts.edge) return 'UNAUTHORIZED';
  if (access === 'signed-in') return 'ok';
  if (who.org !== 'a' || !who.role) return opts.otherOrg ?? 'NOT_FOUND';
  if (!can(who.role, access)) return 'FORBIDDEN';
  if (opts.scoped && !who.ownsTarget && !can(who.role, 'streams:edit-any'))
    return opts.otherStream ?? 'FORBIDDEN';
  return 'ok';
}

// ---------------------------------------------------------------------------------------------
// The organizations

export interface Fixture {
  a: TestOrg;
  b: TestOrg;
  /** Per role of A: a stream that member owns (with a current map), and a development stream. */
  streams: Record<'owner' | 'lead', { op: string; dev: string }>;
  /** A stream of B, for ids of another organization. */
  bStream: string;
  /** API tokens acting as each member of A, and as B's owner. */
  tokens: Record<Role, string> & { b: string };
}

/** Two organizations with a member of each role, streams owned by A's owner and lead, and tokens. */
export async function makeFixture(db: Db, opts: { tokens?: boolean } = {}): Promise<Fixture> {
  const a = await makeOrgWithRoles(db);
  const b = await makeOrgWithRoles(db);
  const streams = {} as Fixture['streams'];
  for (const role of ['owner', 'lead'] as const) {
    const op = await makeStream(db, a, { ownedBy: role });
    await saveMap(db, a, op);
    const dev = await makeStream(db, a, { ownedBy: role, fields: devFields() });
    streams[role] = { op, dev };
  }
  const bStream = await makeStream(db, b, { ownedBy: 'owner' });
  const tokens = opts.tokens === false ? ({} as Fixture['tokens']) : await makeTokens(db, a, b);
  return { a, b, streams, bStream, tokens };
}

/** A token acting as each member of A: only owners and admins make tokens, so the others are promoted for the moment. */
async function makeTokens(db: Db, a: TestOrg, b: TestOrg): Promise<Fixture['tokens']> {
  const owner = as(db, a, 'owner');
  const tokens = { b: (await makeToken(db, b, { by: 'owner' })).token } as Fixture['tokens'];
  for (const role of ['owner', 'admin', 'lead', 'viewer'] as const) {
    const userId = a.users[role].id;
    const promote = role === 'lead' || role === 'viewer';
    if (promote) await owner.members.changeRole({ orgSlug: a.org.slug, userId, role: 'admin' });
    tokens[role] = (await makeToken(db, a, { by: role })).token;
    if (promote) await owner.members.changeRole({ orgSlug: a.org.slug, userId, role });
  }
  return tokens;
}

/** A new member of A with `role`, to be removed or changed. */
export async function freshMember(db: Db, f: Fixture, role: Role = 'viewer') {
  const user = await makeUser(db);
  await withTenant(db, { orgId: f.a.org.id }, (tx) =>
    insertMembership(tx, { orgId: f.a.org.id, userId: user.id, role }),
  );
  return user;
}

// ---------------------------------------------------------------------------------------------
// Nothing changed

const tableNames = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => is(v, PgTable))
  .map((t) => getTableConfig(t).name)
  .sort();

/** One statement: every table's row count and a hash of its rows, as row-level security shows them. */
function checksumQuery(tables: string[]) {
  return sql.raw(
    `select ${tables
      .map(
        (t) =>
          `(select count(*) || ':' || coalesce(md5(string_agg(x::text, ',' order by x::text)), '') from "${t}" x)`,
      )
      .join(` || ' ' || `)} as sum`,
  );
}
const everyTable = checksumQuery(tableNames);

/** Every row of every table that organizations A and B (and no organization) show: one transaction. */
export async function checksum(
  db: Db,
  f: Pick<Fixture, 'a' | 'b'>,
  opts: { except?: string[] } = {},
): Promise<string> {
  const query = opts.except
    ? checksumQuery(tableNames.filter((t) => !opts.except?.includes(t)))
    : everyTable;
  return db.transaction(async (tx) => {
    const sums: string[] = [];
    for (const org of [f.a.org, f.b.org]) {
      await tx.execute(sql`select set_config('app.org_id', ${org.id}, true)`);
      const [row] = await rowsOf<{ sum: string }>(tx as unknown as Db, query);
      sums.push(row?.sum ?? '');
    }
    return sums.join(' / ');
  });
}

/** A fresh development and operational stream of A owned by `owner`, for a call that changes them. */
export async function freshStreams(db: Db, f: Fixture, owner: Role) {
  const op = await makeStream(db, f.a, { ownedBy: owner });
  const dev = await makeStream(db, f.a, { ownedBy: owner, fields: devFields() });
  return { op, dev };
}

/** A caller of A as its owner, for setting things up. */
export const setup = (db: Db, f: Fixture) => as(db, f.a, 'owner');

/**
 * Whether any transaction committed since the last look: a refused call must commit nothing.
 * One cheap statement, where a checksum of every table is a dozen: transaction ids are handed out
 * only to transactions that write (or lock), and a refused call's transaction rolls back. PGlite
 * only: on a Postgres server other databases' transactions share the counter.
 */
export async function commitWatch(db: Db) {
  const read = async (since: string | null) => {
    const [row] = await rowsOf<{ next: string; committed: number }>(
      db,
      sql`select pg_snapshot_xmax(pg_current_snapshot())::text as next,
            (select count(*)::int from generate_series(
               coalesce(${since}::bigint, pg_snapshot_xmax(pg_current_snapshot())::text::bigint),
               pg_snapshot_xmax(pg_current_snapshot())::text::bigint - 1) as x
             where pg_xact_status(x::text::xid8) = 'committed') as committed`,
    );
    if (!row) throw new Error('No snapshot');
    return row;
  };
  let since = (await read(null)).next;
  return {
    /** How many transactions committed since the last call (or since the watch began). */
    async committed(): Promise<number> {
      const row = await read(since);
      since = row.next;
      return row.committed;
    },
  };
}

/**
 * Tells whether a refused call changed anything, cheaply: on PGlite by the transactions committed
 * (`commitWatch`), on Postgres by the checksum of every table. Call `accepted` after a call that
 * succeeded (its changes are the new normal) and `unchanged` after one that was refused.
 */
export async function changeDetector(
  db: Db,
  f: Pick<Fixture, 'a' | 'b'>,
  driver: string,
  opts: { except?: string[] } = {},
) {
  if (driver === 'pglite' && !opts.except) {
    const watch = await commitWatch(db);
    return {
      accepted: async () => void (await watch.committed()),
      unchanged: async () => (await watch.committed()) === 0,
    };
  }
  let last = await checksum(db, f, opts);
  return {
    accepted: async () => void (last = await checksum(db, f, opts)),
    unchanged: async () => (await checksum(db, f, opts)) === last,
  };
}
