/**
 * The one door (server/tenant.ts): every kind of caller goes through `enterTenant`, which
 * resolves the organization and the current membership, checks the permission, runs the work
 * in the tenant transaction, rolls back on failure and announces a write. An API token acts with
 * its creator's role of today, and stops when its creator leaves.
 */
import crypto from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { expect, it } from 'vitest';
import { listStreams } from '@/db/queries/streams';
import { importBody } from '@/lib/imports/wire';
import { cachedAnswer } from '@/server/dashboard-cache';
import { appRouter } from '@/server/routers';
import { createStream } from '@/server/services/streams';
import { AccessDenied, enterTenant, type Caller } from '@/server/tenant';
import { makeToken, sendOne } from './api-factories';
import { callerFor, forEachDriver, makeOrgWithRoles, makeUser, sessionOf } from './harness';
import { sendImport, weeks } from './import-factories';
import { measurement } from './measurement-factories';
import { as, makeStream, streamFields } from './stream-factories';

/** The refusal the door gives `caller`, or null when it lets the work run. */
async function refusal(
  db: Parameters<typeof enterTenant>[0],
  caller: Caller,
  permission: Parameters<typeof enterTenant>[2]['permission'],
) {
  try {
    await enterTenant(db, caller, { permission, write: false }, async () => undefined);
    return null;
  } catch (error) {
    if (error instanceof AccessDenied) return error.code;
    throw error;
  }
}

forEachDriver('the tenant door', (t) => {
  it('a member gets their organization and role, and a transaction that sees only that organization', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    await makeStream(t.db, a);
    await makeStream(t.db, b);
    const session = await sessionOf(t.db, a.users.lead.id);
    const caller = { kind: 'member', session, orgSlug: a.org.slug } as const;
    const seen = await enterTenant(
      t.db,
      caller,
      { permission: 'streams:read', write: false },
      async ({ db, org, actor, tokenId }) => ({
        org,
        actor,
        tokenId,
        streams: (await listStreams(db, { orgId: org.id })).length,
        // Asking for the other organization's rows inside this transaction finds none.
        others: (await listStreams(db, { orgId: b.org.id })).length,
      }),
    );
    expect(seen).toEqual({
      org: a.org,
      actor: { orgId: a.org.id, userId: a.users.lead.id, role: 'lead' },
      tokenId: null,
      streams: 1,
      others: 0,
    });
  });

  it('refuses: signed out 401, not a member or no such organization 404 alike, a role without the permission 403', async () => {
    const a = await makeOrgWithRoles(t.db);
    const outsider = await makeUser(t.db);
    const member = async (userId: string | null, orgSlug = a.org.slug): Promise<Caller> => ({
      kind: 'member',
      session: userId ? await sessionOf(t.db, userId) : null,
      orgSlug,
    });
    expect(await refusal(t.db, await member(null), 'org:read')).toBe('UNAUTHORIZED');
    expect(await refusal(t.db, await member(outsider.id), 'org:read')).toBe('NOT_FOUND');
    expect(await refusal(t.db, await member(a.users.owner.id, 'no-such-org'), 'org:read')).toBe(
      'NOT_FOUND',
    );
    expect(await refusal(t.db, await member(a.users.viewer.id), 'streams:create')).toBe(
      'FORBIDDEN',
    );
    expect(await refusal(t.db, await member(a.users.lead.id), 'streams:create')).toBeNull();
    expect(await refusal(t.db, await member(a.users.lead.id), 'tokens:manage')).toBe('FORBIDDEN');
    // A cookie whose session is not in the table (ended, or never started): 401.
    const forged: Caller = {
      kind: 'member',
      session: { userId: a.users.owner.id, secretHash: 'f'.repeat(64) },
      orgSlug: a.org.slug,
    };
    expect(await refusal(t.db, forged, 'org:read')).toBe('UNAUTHORIZED');
  });

  it('rolls back what the work wrote when it fails, and announces only a write that committed', async () => {
    const a = await makeOrgWithRoles(t.db);
    const session = await sessionOf(t.db, a.users.owner.id);
    const caller = { kind: 'member', session, orgSlug: a.org.slug } as const;
    let computed = 0;
    const answer = () => cachedAnswer(a.org.id, 'door-test', async () => ({ n: ++computed }));
    expect(await answer()).toEqual({ n: 1 });
    expect(await answer()).toEqual({ n: 1 }); // cached

    const name = `Rolled back ${crypto.randomUUID().slice(0, 8)}`;
    await expect(
      enterTenant(t.db, caller, { permission: 'streams:create', write: true }, async (tenant) => {
        await createStream(tenant.db, tenant.actor, streamFields({ name }));
        throw new Error('fails after writing');
      }),
    ).rejects.toThrow('fails after writing');
    const names = (await as(t.db, a, 'owner').streams.list({ orgSlug: a.org.slug })).map(
      (s) => s.name,
    );
    expect(names).not.toContain(name);
    expect(await answer()).toEqual({ n: 1 }); // a failed write announces nothing

    await enterTenant(t.db, caller, { permission: 'streams:create', write: true }, async () => 1);
    expect(await answer()).toEqual({ n: 2 }); // a committed write drops the cached answers
  });

  it('a token acts as its creator with their role of today: admin, then demoted to viewer (403), a lead (own streams only), then gone (401)', async () => {
    const a = await makeOrgWithRoles(t.db);
    const ownStream = await makeStream(t.db, a, { ownedBy: 'admin' });
    const otherStream = await makeStream(t.db, a, { ownedBy: 'owner' });
    const { token, id } = await makeToken(t.db, a, { by: 'admin' });
    const caller = { kind: 'token', token } as const;
    const seen = await enterTenant(
      t.db,
      caller,
      { permission: 'measurements:write', write: false },
      async ({ actor, tokenId, org }) => ({ actor, tokenId, org }),
    );
    expect(seen).toEqual({
      actor: { orgId: a.org.id, userId: a.users.admin.id, role: 'admin' },
      tokenId: id,
      org: a.org,
    });
    const week = (n: number) => measurement(ownStream, weekOf(n));
    expect((await sendOne(t.db, { token, body: week(0) })).status).toBe(201);

    const owner = as(t.db, a, 'owner');
    await owner.members.changeRole({
      orgSlug: a.org.slug,
      userId: a.users.admin.id,
      role: 'viewer',
    });
    const demoted = await sendOne(t.db, { token, body: week(1) });
    expect(demoted.status).toBe(403);
    expect(demoted.body.error?.code).toBe('forbidden');
    expect(demoted.body.error?.message).toMatch(/role of the person who created it, now viewer/);

    await owner.members.changeRole({ orgSlug: a.org.slug, userId: a.users.admin.id, role: 'lead' });
    expect((await sendOne(t.db, { token, body: week(2) })).status).toBe(201);
    const notTheirs = await sendOne(t.db, { token, body: measurement(otherStream, weekOf(2)) });
    expect(notTheirs.status).toBe(400);
    expect(notTheirs.body.error?.field).toBe('streamId');

    await owner.members.remove({ orgSlug: a.org.slug, userId: a.users.admin.id });
    const left = await sendOne(t.db, { token, body: week(3) });
    expect(left.status).toBe(401);
    expect(left.body.error?.message).toMatch(/no longer a member/);
    expect(await refusal(t.db, caller, 'measurements:read')).toBe('UNAUTHORIZED');

    // The token list says whom each token acts as, and that this one no longer works.
    const listed = await owner.apiTokens.list({ orgSlug: a.org.slug });
    expect(listed.find((x) => x.id === id)).toMatchObject({ creatorRole: null });
  });

  it('the import route goes through the same door: 401, 404, 403 before the body, then the work', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, a, { ownedBy: 'lead' });
    const body = importBody('w.csv', weeks(streamId, 2));
    expect((await sendImport(t.db, null, a.org.slug, body)).status).toBe(401);
    expect((await sendImport(t.db, b.users.owner.id, a.org.slug, body)).status).toBe(404);
    expect((await sendImport(t.db, a.users.viewer.id, a.org.slug, body)).status).toBe(403);
    const done = await sendImport(t.db, a.users.lead.id, a.org.slug, body);
    expect(done.status).toBe(200);
    expect(done.events.at(-1)).toMatchObject({ type: 'done', added: 2 });
  });

  it('every procedure that names an organization answers through the door: NOT_FOUND for a stranger, UNAUTHORIZED signed out', async () => {
    const stranger = await makeUser(t.db);
    const a = await makeOrgWithRoles(t.db);
    // Procedures that act before there is a membership to check (sign-up, creating an
    // organization, an invitation's preview and acceptance), across the caller's own (the switcher),
    // or on the person's own account (sessions.test.ts).
    const outsideTheDoor = new Set([
      'auth.signUp',
      'account.sessions',
      'account.changePassword',
      'account.signOutEverywhere',
      'orgs.mine',
      'orgs.create',
      'invitations.preview',
      'invitations.accept',
    ]);
    const paths = Object.keys(appRouter._def.procedures);
    expect(paths.length).toBeGreaterThan(30);
    for (const path of paths.filter((p) => !outsideTheDoor.has(p))) {
      for (const [userId, code] of [
        [stranger.id, 'NOT_FOUND'],
        [null, 'UNAUTHORIZED'],
      ] as const) {
        const procedure = path
          .split('.')
          .reduce<unknown>(
            (node, key) => (node as Record<string, unknown>)[key],
            callerFor(t.db, userId),
          ) as (input: unknown) => Promise<unknown>;
        const error = await procedure({ orgSlug: a.org.slug }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, path).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code, path).toBe(code);
      }
    }
  });
});

/** The n-th week after 2026-01-05, as a measurement's period. */
function weekOf(n: number) {
  const start = new Date(Date.UTC(2026, 0, 5 + 7 * n));
  const end = new Date(start.getTime() + 6 * 86_400_000);
  return {
    periodStart: start.toISOString().slice(0, 10),
    periodEnd: end.toISOString().slice(0, 10),
  };
}
