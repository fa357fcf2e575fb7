import type { Role } from '@/lib/domain';
import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { invitations } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { MAX_FAILED_ACCEPTS } from '@/server/services/invitations';
import { expectCode, expectFieldError } from './errors';
import {
  callerFor,
  forEachDriver,
  invitationRow,
  makeOrgWithRoles,
  makeUser,
  newAddress,
  rolesIn,
  tokenOf,
  uniqueEmail,
} from './harness';

/** An organization with a fresh invitation its owner made. */
async function orgWithInvitation(db: Db, opts: { role?: Role; email?: string } = {}) {
  const org = await makeOrgWithRoles(db);
  const inv = await callerFor(db, org.users.owner.id).invitations.create({
    orgSlug: org.org.slug,
    role: opts.role ?? 'lead',
    email: opts.email,
    expiresInDays: 7,
  });
  return { ...org, inv, link: { orgSlug: org.org.slug, token: tokenOf(inv.path) } };
}

async function expireNow(db: Db, orgId: string, id: string) {
  await withTenant(db, { orgId }, (tx) =>
    tx
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id))),
  );
}

forEachDriver('invitations (preview and accept)', (t) => {
  // ---- invitations.preview ------------------------------------------------------------------

  it('preview, signed out, describes a valid link and nothing more', async () => {
    const { org, link } = await orgWithInvitation(t.db, { role: 'admin' });
    const preview = await callerFor(t.db, null).invitations.preview(link);
    expect(preview).toEqual({
      orgName: org.name,
      orgSlug: org.slug,
      role: 'admin',
      email: null,
      state: 'valid',
      message: null,
    });
  });

  it('preview reports used, revoked and expired links with a message', async () => {
    const used = await orgWithInvitation(t.db);
    await callerFor(t.db, (await makeUser(t.db)).id).invitations.accept(used.link);
    const revoked = await orgWithInvitation(t.db);
    await callerFor(t.db, revoked.users.admin.id).invitations.revoke({
      orgSlug: revoked.org.slug,
      id: revoked.inv.id,
    });
    const expired = await orgWithInvitation(t.db);
    await expireNow(t.db, expired.org.id, expired.inv.id);

    const anon = callerFor(t.db, null).invitations;
    expect(await anon.preview(used.link)).toMatchObject({
      state: 'used',
      message: expect.stringMatching(/already been used/),
    });
    expect(await anon.preview(revoked.link)).toMatchObject({
      state: 'revoked',
      message: expect.stringMatching(/withdrawn/),
    });
    expect(await anon.preview(expired.link)).toMatchObject({
      state: 'expired',
      message: expect.stringMatching(/expired/),
    });
  });

  it('preview of an unknown token or organization is NOT_FOUND; a malformed token is BAD_REQUEST', async () => {
    const { link } = await orgWithInvitation(t.db);
    const anon = callerFor(t.db, null).invitations;
    await expectCode(
      anon.preview({ ...link, token: crypto.randomBytes(24).toString('base64url') }),
      'NOT_FOUND',
    );
    await expectCode(anon.preview({ ...link, orgSlug: 'no-such-org' }), 'NOT_FOUND');
    await expectFieldError(anon.preview({ ...link, token: 'short' }), 'token');
    await expectFieldError(anon.preview({ ...link, token: `${link.token}/..` }), 'token');
  });

  it('preview with another organization’s slug (swapped) is NOT_FOUND', async () => {
    const a = await orgWithInvitation(t.db);
    const b = await makeOrgWithRoles(t.db);
    await expectCode(
      callerFor(t.db, null).invitations.preview({ orgSlug: b.org.slug, token: a.link.token }),
      'NOT_FOUND',
    );
  });

  // ---- invitations.accept -------------------------------------------------------------------

  it.each(['owner', 'admin', 'lead', 'viewer'] as const)(
    'accept joins with the invited role (%s), once',
    async (role) => {
      const { org, link, inv } = await orgWithInvitation(t.db, { role });
      const joiner = await makeUser(t.db);
      expect(await callerFor(t.db, joiner.id).invitations.accept(link)).toEqual({
        orgSlug: org.slug,
        alreadyMember: false,
      });
      expect((await rolesIn(t.db, org.id))[joiner.id]).toBe(role);
      expect((await callerFor(t.db, joiner.id).orgs.current({ orgSlug: org.slug })).role).toBe(
        role,
      );
      expect(await invitationRow(t.db, org.id, inv.id)).toMatchObject({
        acceptedBy: joiner.id,
        acceptedAt: expect.any(Date),
      });

      // The same person again: harmless. Anyone else: refused, and not let in.
      expect(await callerFor(t.db, joiner.id).invitations.accept(link)).toEqual({
        orgSlug: org.slug,
        alreadyMember: true,
      });
      const second = await makeUser(t.db);
      const error = await expectCode(
        callerFor(t.db, second.id).invitations.accept(link),
        'BAD_REQUEST',
      );
      expect(error.message).toMatch(/already been used/);
      expect(await rolesIn(t.db, org.id)).not.toHaveProperty(second.id);
    },
  );

  it('of two people accepting one link at the same moment, exactly one gets in', async () => {
    const { org, link } = await orgWithInvitation(t.db);
    const people = [await makeUser(t.db), await makeUser(t.db)];
    const results = await Promise.allSettled(
      people.map((p) => callerFor(t.db, p.id).invitations.accept(link)),
    );
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(results.find((r) => r.status === 'rejected')?.reason).toMatchObject({
      code: 'BAD_REQUEST',
    });
    const members = await rolesIn(t.db, org.id);
    expect(people.filter((p) => members[p.id] !== undefined)).toHaveLength(1);
  });

  it('an email-restricted link refuses another address (FORBIDDEN) and admits its own', async () => {
    const email = uniqueEmail('invitee');
    const { org, link, inv } = await orgWithInvitation(t.db, { email: email.toUpperCase() });
    const other = await makeUser(t.db);
    const error = await expectCode(callerFor(t.db, other.id).invitations.accept(link), 'FORBIDDEN');
    expect(error.message).toContain(email);
    expect(await rolesIn(t.db, org.id)).not.toHaveProperty(other.id);
    expect((await invitationRow(t.db, org.id, inv.id))?.acceptedAt).toBeNull();

    const invitee = await makeUser(t.db, { email });
    await callerFor(t.db, invitee.id).invitations.accept(link);
    expect((await rolesIn(t.db, org.id))[invitee.id]).toBe('lead');
  });

  it('accept refuses expired and revoked links (BAD_REQUEST) and lets no one in', async () => {
    const expired = await orgWithInvitation(t.db);
    await expireNow(t.db, expired.org.id, expired.inv.id);
    const revoked = await orgWithInvitation(t.db);
    await callerFor(t.db, revoked.users.owner.id).invitations.revoke({
      orgSlug: revoked.org.slug,
      id: revoked.inv.id,
    });
    const joiner = await makeUser(t.db);

    expect(
      (await expectCode(callerFor(t.db, joiner.id).invitations.accept(expired.link), 'BAD_REQUEST'))
        .message,
    ).toMatch(/expired/);
    expect(
      (await expectCode(callerFor(t.db, joiner.id).invitations.accept(revoked.link), 'BAD_REQUEST'))
        .message,
    ).toMatch(/withdrawn/);
    expect(await rolesIn(t.db, expired.org.id)).not.toHaveProperty(joiner.id);
    expect(await rolesIn(t.db, revoked.org.id)).not.toHaveProperty(joiner.id);
    expect((await invitationRow(t.db, expired.org.id, expired.inv.id))?.acceptedAt).toBeNull();
  });

  it('a token from organization A with B’s slug swapped in is NOT_FOUND and joins neither', async () => {
    const a = await orgWithInvitation(t.db, { role: 'admin' });
    const b = await makeOrgWithRoles(t.db);
    const joiner = await makeUser(t.db);
    await expectCode(
      callerFor(t.db, joiner.id).invitations.accept({ orgSlug: b.org.slug, token: a.link.token }),
      'NOT_FOUND',
    );
    expect(await rolesIn(t.db, a.org.id)).not.toHaveProperty(joiner.id);
    expect(await rolesIn(t.db, b.org.id)).not.toHaveProperty(joiner.id);
    expect((await callerFor(t.db, null).invitations.preview(a.link)).state).toBe('valid');
  });

  it('accept is UNAUTHORIZED signed out, NOT_FOUND for an unknown token, BAD_REQUEST on a malformed one', async () => {
    const { org, link, inv } = await orgWithInvitation(t.db);
    const joiner = await makeUser(t.db);
    await expectCode(callerFor(t.db, null).invitations.accept(link), 'UNAUTHORIZED');
    await expectCode(
      callerFor(t.db, joiner.id).invitations.accept({
        ...link,
        token: crypto.randomBytes(24).toString('base64url'),
      }),
      'NOT_FOUND',
    );
    await expectCode(
      callerFor(t.db, joiner.id).invitations.accept({ ...link, orgSlug: 'gone-org' }),
      'NOT_FOUND',
    );
    await expectFieldError(
      callerFor(t.db, joiner.id).invitations.accept({ ...link, token: 'x' }),
      'token',
    );
    expect((await invitationRow(t.db, org.id, inv.id))?.acceptedAt).toBeNull();
  });
});

forEachDriver('invitation accepts, limited', (t) => {
  it(`after ${MAX_FAILED_ACCEPTS} failed accepts from one address, even a good link is refused from it (429); others are not held back`, async () => {
    const { link, org } = await orgWithInvitation(t.db);
    const address = newAddress();
    for (let i = 0; i < MAX_FAILED_ACCEPTS; i++) {
      const guesser = await makeUser(t.db);
      await expectCode(
        callerFor(t.db, guesser.id, { address }).invitations.accept({
          orgSlug: link.orgSlug,
          token: crypto.randomBytes(24).toString('base64url'),
        }),
        'NOT_FOUND',
      );
    }
    const invitee = await makeUser(t.db);
    await expectCode(
      callerFor(t.db, invitee.id, { address }).invitations.accept(link),
      'TOO_MANY_REQUESTS',
    );
    expect((await rolesIn(t.db, org.id))[invitee.id]).toBeUndefined();
    // The same person from another address, where nothing failed.
    await callerFor(t.db, invitee.id).invitations.accept(link);
    expect((await rolesIn(t.db, org.id))[invitee.id]).toBe('lead');
  });

  it(`one person is held back after ${MAX_FAILED_ACCEPTS} failed accepts, whatever the address`, async () => {
    const { link } = await orgWithInvitation(t.db);
    const guesser = await makeUser(t.db);
    for (let i = 0; i < MAX_FAILED_ACCEPTS; i++) {
      await expectCode(
        callerFor(t.db, guesser.id).invitations.accept({ ...link, token: `x${i}`.padEnd(32, 'y') }),
        'NOT_FOUND',
      );
    }
    await expectCode(callerFor(t.db, guesser.id).invitations.accept(link), 'TOO_MANY_REQUESTS');
  });
});
