/**
 * The apiTokens router: owners and admins list, create and revoke the organization's tokens;
 * leads and viewers are FORBIDDEN; another organization's members and ids get NOT_FOUND.
 * The secret is returned once by create and stored only as a SHA-256.
 */
import { type Role, roles } from '@/lib/domain';
import { expect, it } from 'vitest';
import { hashApiToken, parseApiToken } from '@/server/services/api-tokens';
import { makeToken, sendOne, tokenRow } from './api-factories';
import { expectCode, expectFieldError } from './errors';
import { forEachDriver, makeOrgWithRoles, makeUser, callerFor } from './harness';
import { measurement } from './measurement-factories';
import { as, makeStream } from './stream-factories';

const managers = new Set<Role>(['owner', 'admin']);

forEachDriver('apiTokens router', (t) => {
  it.each(roles.map((role) => ({ role, ok: managers.has(role) })))(
    'a $role may manage tokens: $ok',
    async ({ role, ok }) => {
      const org = await makeOrgWithRoles(t.db);
      const slug = org.org.slug;
      const caller = as(t.db, org, role).apiTokens;
      if (!ok) {
        const existing = await makeToken(t.db, org, { name: 'Existing' });
        await expectCode(caller.list({ orgSlug: slug }), 'FORBIDDEN');
        await expectCode(caller.create({ orgSlug: slug, name: 'Mine' }), 'FORBIDDEN');
        await expectCode(caller.revoke({ orgSlug: slug, id: existing.id }), 'FORBIDDEN');
        const list = await as(t.db, org, 'owner').apiTokens.list({ orgSlug: slug });
        expect(list.map((r) => [r.name, r.revokedAt])).toEqual([['Existing', null]]);
        return;
      }
      const created = await caller.create({ orgSlug: slug, name: '  Warehouse system  ' });
      expect(created).toMatchObject({ name: 'Warehouse system', hint: created.token.slice(-4) });
      expect(created.token).toMatch(
        new RegExp(`^vs_${org.org.id.replaceAll('-', '')}_[A-Za-z0-9_-]{43}$`),
      );
      expect(parseApiToken(created.token)).toEqual({ orgId: org.org.id });
      const row = await tokenRow(t.db, org, created.id);
      expect(row).toMatchObject({
        tokenHash: hashApiToken(created.token),
        createdBy: org.users[role].id,
        lastUsedAt: null,
        revokedAt: null,
      });
      expect(JSON.stringify(row)).not.toContain(created.token.slice(3 + 32 + 1));

      const list = await caller.list({ orgSlug: slug });
      expect(list).toEqual([
        {
          id: created.id,
          name: 'Warehouse system',
          hint: created.hint,
          createdByName: org.users[role].name,
          creatorRole: role,
          createdAt: expect.any(Date),
          lastUsedAt: null,
          revokedAt: null,
        },
      ]);
      expect(JSON.stringify(list)).not.toContain(created.token);

      await caller.revoke({ orgSlug: slug, id: created.id });
      const [revoked] = await caller.list({ orgSlug: slug });
      expect(revoked?.revokedAt).toBeInstanceOf(Date);
      // Revoking twice changes nothing.
      await caller.revoke({ orgSlug: slug, id: created.id });
      expect((await caller.list({ orgSlug: slug }))[0]?.revokedAt).toEqual(revoked?.revokedAt);
    },
  );

  it('names are 1–80 characters and unique among active tokens (in any case); a revoked name is free again', async () => {
    const org = await makeOrgWithRoles(t.db);
    const caller = as(t.db, org, 'admin').apiTokens;
    const slug = org.org.slug;
    await expectFieldError(caller.create({ orgSlug: slug, name: '   ' }), 'name');
    await expectFieldError(caller.create({ orgSlug: slug, name: 'x'.repeat(81) }), 'name');
    const first = await caller.create({ orgSlug: slug, name: 'ERP' });
    expect(
      await expectFieldError(caller.create({ orgSlug: slug, name: 'erp' }), 'name', 'CONFLICT'),
    ).toEqual(['Another active token already has this name.']);
    await caller.revoke({ orgSlug: slug, id: first.id });
    const second = await caller.create({ orgSlug: slug, name: 'ERP' });
    expect(second.id).not.toBe(first.id);
    const list = await caller.list({ orgSlug: slug });
    expect(list.map((r) => [r.name, r.revokedAt === null])).toEqual([
      ['ERP', true],
      ['ERP', false],
    ]); // active first
  });

  it('another organization: its members and outsiders get NOT_FOUND, and ids of its tokens are NOT_FOUND here', async () => {
    const a = await makeOrgWithRoles(t.db);
    const b = await makeOrgWithRoles(t.db);
    const aToken = await makeToken(t.db, a);
    const outsider = callerFor(t.db, (await makeUser(t.db)).id).apiTokens;
    for (const caller of [as(t.db, b, 'owner').apiTokens, outsider]) {
      await expectCode(caller.list({ orgSlug: a.org.slug }), 'NOT_FOUND');
      await expectCode(caller.create({ orgSlug: a.org.slug, name: 'Sneaky' }), 'NOT_FOUND');
      await expectCode(caller.revoke({ orgSlug: a.org.slug, id: aToken.id }), 'NOT_FOUND');
    }
    // B's owner, in B, naming A's token: not found, and A's token still works.
    await expectCode(
      as(t.db, b, 'owner').apiTokens.revoke({ orgSlug: b.org.slug, id: aToken.id }),
      'NOT_FOUND',
    );
    expect(await as(t.db, b, 'owner').apiTokens.list({ orgSlug: b.org.slug })).toEqual([]);
    const streamId = await makeStream(t.db, a);
    expect((await sendOne(t.db, { token: aToken.token, body: measurement(streamId) })).status).toBe(
      201,
    );
  });

  it('signed out: UNAUTHORIZED', async () => {
    const org = await makeOrgWithRoles(t.db);
    await expectCode(
      callerFor(t.db, null).apiTokens.list({ orgSlug: org.org.slug }),
      'UNAUTHORIZED',
    );
  });
});
