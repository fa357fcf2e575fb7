/**
 * The one door of every tenant request (decision 0012). Whoever calls (a signed-in member through
 * tRPC or the import route, or a system with an API token), the door:
 *
 * 1. opens the tenant transaction;
 * 2. resolves the organization and the caller's current membership in one statement, for a person
 *    together with their live session, so a session ended anywhere is refused on its very next
 *    request (a token acts as the person who created it, with their role of today: no member, no
 *    access);
 * 3. checks the permission against the matrix (server/permissions.ts);
 * 4. runs the work with the transaction, the organization and the actor;
 * 5. rolls back if the work throws; for a write, announces the change to other processes at
 *    commit (NOTIFY) and drops this process's cached dashboard answers once committed.
 *
 * With a read replica (server/replica.ts), read-only work that asks for it (the dashboards) runs
 * on the replica, unless the replica has not yet replayed the caller's last write: then, and for
 * everything else, on the primary. After a write, the primary's WAL position is remembered for
 * the person who wrote (read-your-writes).
 *
 * Refusals are `AccessDenied` errors: UNAUTHORIZED (no live session, or no valid token), NOT_FOUND (no
 * such organization, or not a member: the same answer, so another tenant's existence is never
 * confirmed), FORBIDDEN (the role does not allow it). Each edge turns them into its own answer.
 */
import type { Db } from '@/db/client';
import { resolveToken, touchApiToken } from '@/db/queries/api-tokens';
import { resolveMember } from '@/db/queries/orgs';
import { walPosition } from '@/db/queries/replication';
import { withTenant, withUser, withUserOnReplica } from '@/db/tenant';
import { roleLabels } from '@/lib/labels';
import { announceChange, dataChanged } from './dashboard-cache';
import { AppError } from './errors';
import { log } from './log';
import { dashboardReads } from './metrics';
import { can, type Permission } from './permissions';
import {
  caughtUp,
  lastWrite,
  PRIMARY_ONLY,
  type ReadRoute,
  rememberWrite,
  replicaInUse,
} from './replica';
import { hashApiToken, parseApiToken } from './services/api-tokens';
import type { Actor } from './services/members';
import { sessionCheck, type SessionClaim, staleBefore } from './services/sessions';

/** Who is asking. */
export type Caller =
  /**
   * A person with what their session cookie claims (null: signed out, no cookie), naming the
   * organization's slug. The claim is checked here, against the sessions table.
   */
  | { kind: 'member'; session: SessionClaim | null; orgSlug: string }
  /** A system with an organization's API token (null: none sent). */
  | { kind: 'token'; token: string | null };

export interface Tenant {
  /** The tenant transaction: row-level security shows only this organization's rows. */
  db: Db;
  org: { id: string; name: string; slug: string };
  actor: Actor;
  /** The API token the request came with, when it came with one. */
  tokenId: string | null;
  /** The replica's replay position the work reads at; null on the primary (always current). */
  readAt: string | null;
}

export interface DoorOptions {
  /** What the work needs the caller's role to allow. */
  permission: Permission;
  /** The work may change the organization's data: announce it on commit. */
  write: boolean;
  /** The request's replica and the caller's cookie, when the app has a replica. */
  route?: ReadRoute | null;
  /** Read-only work that may read on the replica (the dashboards); never with `write`. */
  replica?: boolean;
}

/** The door's refusal. `code` says which: see the module's comment. */
export class AccessDenied extends AppError {
  declare readonly code: 'UNAUTHORIZED' | 'NOT_FOUND' | 'FORBIDDEN';

  constructor(code: AccessDenied['code'], message: string) {
    super(code, message);
    this.name = 'AccessDenied';
  }
}

const messages = {
  signedOut: 'Sign in to continue.',
  noOrg: 'Organization not found.',
  forbidden: 'Your role in this organization does not allow this.',
  noToken: 'Send a valid API token: Authorization: Bearer vs_…',
  badToken: 'This API token is not valid.',
  revoked: 'This API token was revoked. Ask an admin of the organization for a new one.',
  creatorLeft:
    'This API token stopped working: the person who created it is no longer a member of the organization. Ask an admin for a new token.',
} as const;

/** Runs `work` for `caller` in its organization's tenant transaction, if its role allows `permission`. */
export async function enterTenant<T>(
  db: Db,
  caller: Caller,
  options: DoorOptions,
  work: (tenant: Tenant) => Promise<T>,
): Promise<T> {
  let orgId = '';
  let userId = '';
  const run = async (tenant: Tenant) => {
    if (!can(tenant.actor.role, options.permission)) {
      throw new AccessDenied('FORBIDDEN', forbiddenMessage(caller, tenant.actor));
    }
    orgId = tenant.org.id;
    userId = tenant.actor.userId;
    const done = await work(tenant);
    if (options.write) await announceChange(tenant.db, tenant.org.id);
    return done;
  };
  const route = options.route;
  if (route && options.replica && !options.write && caller.kind === 'member') {
    const read = await onReplica(route, caller, run);
    if (read.done) return read.value;
  }
  const open = caller.kind === 'member' ? openForMember(db, caller) : openForToken(db, caller);
  const result = await open(run);
  if (options.write) {
    // Committed: this process's cached answers go now; with a replica, the WAL position the
    // write reached is remembered for its author, and marks the change for the cache.
    const position = replicaInUse() ? walPosition(db) : undefined;
    dataChanged(orgId, position);
    if (position) rememberWrite(userId, await position.catch(() => PRIMARY_ONLY), route);
  }
  return result;
}

class Behind {}

/**
 * Runs read-only work on the replica when it has replayed the caller's last write. `done: false`
 * when it has not, or when the replica cannot be reached: the door then reads on the primary.
 */
async function onReplica<T>(
  route: ReadRoute,
  caller: Extract<Caller, { kind: 'member' }>,
  run: (tenant: Tenant) => Promise<T>,
): Promise<{ done: true; value: T } | { done: false }> {
  const { session, orgSlug } = caller;
  if (!session) throw new AccessDenied('UNAUTHORIZED', messages.signedOut);
  const { userId } = session;
  const wroteAt = lastWrite(userId, route.cookie);
  let opened = false;
  try {
    const value = await withUserOnReplica(route.db, userId, async (tx, replayed) => {
      opened = true;
      if (!caughtUp(replayed, wroteAt)) throw new Behind(); // rolled back: nothing was read
      // Read-only: the session is checked but not marked seen (the primary does that).
      const found = await resolveMember(tx, {
        slug: orgSlug,
        session: sessionCheck(session, new Date()),
        staleBefore: null,
      });
      if (!found) throw new AccessDenied('UNAUTHORIZED', messages.signedOut);
      if (!found.org) throw new AccessDenied('NOT_FOUND', messages.noOrg);
      const { role, ...org } = found.org;
      const actor = { orgId: org.id, userId, role };
      return run({ db: tx, org, actor, tokenId: null, readAt: replayed });
    });
    dashboardReads.inc({ on: 'replica' });
    return { done: true, value };
  } catch (error) {
    if (error instanceof Behind) {
      dashboardReads.inc({ on: 'primary' });
      return { done: false };
    }
    if (!opened) {
      dashboardReads.inc({ on: 'unreachable' });
      log.warn({ err: error }, 'The read replica could not be reached; reading on the primary');
      return { done: false };
    }
    throw error;
  }
}

type Opener = <T>(fn: (tenant: Tenant) => Promise<T>) => Promise<T>;

/**
 * What the door checks before it opens a transaction: a session, or a token shaped like one.
 * Exported so an edge can refuse before it reads a request's body; the door checks again.
 */
export function checkCaller(caller: Caller): void {
  if (caller.kind === 'member' && !caller.session) {
    throw new AccessDenied('UNAUTHORIZED', messages.signedOut);
  }
  if (caller.kind === 'token') {
    if (!caller.token) throw new AccessDenied('UNAUTHORIZED', messages.noToken);
    if (!parseApiToken(caller.token)) throw new AccessDenied('UNAUTHORIZED', messages.badToken);
  }
}

function openForMember(db: Db, caller: Extract<Caller, { kind: 'member' }>): Opener {
  const { session, orgSlug } = caller;
  if (!session) throw new AccessDenied('UNAUTHORIZED', messages.signedOut);
  const { userId } = session;
  return (fn) =>
    withUser(db, userId, async (tx) => {
      const now = new Date();
      const found = await resolveMember(tx, {
        slug: orgSlug,
        session: sessionCheck(session, now),
        staleBefore: staleBefore(now),
      });
      if (!found) throw new AccessDenied('UNAUTHORIZED', messages.signedOut);
      if (!found.org) throw new AccessDenied('NOT_FOUND', messages.noOrg);
      const { role, ...org } = found.org;
      return fn({
        db: tx,
        org,
        actor: { orgId: org.id, userId, role },
        tokenId: null,
        readAt: null,
      });
    });
}

function openForToken(db: Db, caller: Extract<Caller, { kind: 'token' }>): Opener {
  const { token } = caller;
  if (!token) throw new AccessDenied('UNAUTHORIZED', messages.noToken);
  // The organization id in the token opens its tenant transaction; the hash is then looked up there.
  const claimed = parseApiToken(token);
  if (!claimed) throw new AccessDenied('UNAUTHORIZED', messages.badToken);
  return (fn) =>
    withTenant(db, { orgId: claimed.orgId }, async (tx) => {
      const found = await resolveToken(tx, {
        orgId: claimed.orgId,
        tokenHash: hashApiToken(token),
      });
      if (!found) throw new AccessDenied('UNAUTHORIZED', messages.badToken);
      if (found.revoked) throw new AccessDenied('UNAUTHORIZED', messages.revoked);
      if (!found.role) throw new AccessDenied('UNAUTHORIZED', messages.creatorLeft);
      await touchApiToken(tx, { orgId: found.id, id: found.tokenId });
      return fn({
        db: tx,
        org: { id: found.id, name: found.name, slug: found.slug },
        actor: { orgId: found.id, userId: found.createdBy, role: found.role },
        tokenId: found.tokenId,
        readAt: null,
      });
    });
}

function forbiddenMessage(caller: Caller, actor: Actor): string {
  if (caller.kind === 'member') return messages.forbidden;
  const role = roleLabels[actor.role].toLowerCase();
  return `This API token acts with the role of the person who created it, now ${role}, which does not allow this.`;
}
