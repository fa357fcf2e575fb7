/**
 * The portfolio's answers are kept per organization until its data changes (server/dashboard-cache.ts):
 * unchanged data gives the very same answer; a change through the app, through the HTTP API, or
 * announced by another process (NOTIFY, on Postgres) gives a fresh one; and the cache never
 * answers for an organization its caller is not a member of.
 */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { withTenant } from '@/db/tenant';
import {
  announceChange,
  DATA_CHANNEL,
  dataChanged,
  everythingChanged,
} from '@/server/dashboard-cache';
import { makeToken, sendOne } from './api-factories';
import { expectCode } from './errors';
import { forEachDriver, makeOrgWithRoles, type TestOrg } from './harness';
import { as, makeStream } from './stream-factories';

const H = 3600;
const week = { range: 'custom' as const, from: '2025-03-03', to: '2025-03-09' };
const measured = (db: Parameters<typeof as>[0], t: TestOrg) =>
  as(db, t, 'viewer').dashboards.portfolio({ orgSlug: t.org.slug, ...week });

forEachDriver('dashboard cache', (t) => {
  it('serves the same answer until the organization’s data changes through the app', async () => {
    const org = await makeOrgWithRoles(t.db);
    const a = await makeStream(t.db, org, { fields: { name: 'A orders' } });
    const first = await measured(t.db, org);
    expect(await measured(t.db, org)).toBe(first); // from the cache
    expect(first.cards.streams).toEqual({ count: 1, measured: 0 });

    await as(t.db, org, 'admin').measurements.save({
      orgSlug: org.org.slug,
      measurement: {
        streamId: a,
        periodStart: '2025-03-03',
        periodEnd: '2025-03-09',
        leadTimeSeconds: 10 * H,
      },
    });
    const after = await measured(t.db, org);
    expect(after).not.toBe(first);
    expect(after.cards.streams).toEqual({ count: 1, measured: 1 });
    expect(after.cards.medianLead.value).toBe(10 * H);

    // A refused change commits nothing and leaves the answer as it was.
    await expectCode(
      as(t.db, org, 'viewer').measurements.save({
        orgSlug: org.org.slug,
        measurement: {
          streamId: a,
          periodStart: '2025-03-10',
          periodEnd: '2025-03-16',
          leadTimeSeconds: H,
        },
      }),
      'FORBIDDEN',
    );
    expect(await measured(t.db, org)).toBe(after);
  });

  it('a measurement sent through the HTTP API shows at once', async () => {
    const org = await makeOrgWithRoles(t.db);
    const a = await makeStream(t.db, org);
    const before = await measured(t.db, org);
    expect(before.cards.streams.measured).toBe(0);
    const { token } = await makeToken(t.db, org);
    const sent = await sendOne(t.db, {
      token,
      body: {
        streamId: a,
        periodStart: '2025-03-03',
        periodEnd: '2025-03-09',
        leadTimeSeconds: 5 * H,
      },
    });
    expect(sent.status).toBe(201);
    expect((await measured(t.db, org)).cards.medianLead.value).toBe(5 * H);
  });

  it('one organization’s answers never reach another’s members, and its changes leave the others’ answers', async () => {
    const mine = await makeOrgWithRoles(t.db);
    const theirs = await makeOrgWithRoles(t.db);
    await makeStream(t.db, theirs, { fields: { name: 'Their secret stream' } });
    const theirAnswer = await measured(t.db, theirs);
    expect(theirAnswer.streams.map((s) => s.name)).toEqual(['Their secret stream']);
    // Cached for their organization: asked by my owner with their slug, still NOT_FOUND.
    await expectCode(
      as(t.db, mine, 'owner').dashboards.portfolio({ orgSlug: theirs.org.slug, ...week }),
      'NOT_FOUND',
    );
    const mineAnswer = await measured(t.db, mine);
    expect(mineAnswer.streams).toEqual([]);
    await makeStream(t.db, mine, { fields: { name: 'My stream' } });
    expect(await measured(t.db, theirs)).toBe(theirAnswer);
    expect((await measured(t.db, mine)).streams.map((s) => s.name)).toEqual(['My stream']);
  });

  it('a change announced by another process, or a lost notifications connection, gives a fresh answer', async () => {
    const org = await makeOrgWithRoles(t.db);
    const first = await measured(t.db, org);
    dataChanged(org.org.id);
    const second = await measured(t.db, org);
    expect(second).not.toBe(first);
    everythingChanged();
    expect(await measured(t.db, org)).not.toBe(second);
  });

  // The embedded database has one process (a lock file guards it): there is nothing to hear.
  it.skipIf(t.driver !== 'postgres')(
    'on Postgres, another process’s write, announced with NOTIFY, reaches this one’s answers',
    async () => {
      const org = await makeOrgWithRoles(t.db);
      const a = await makeStream(t.db, org);
      let connects = 0;
      // What server/db.ts does when it opens the app's database.
      await t.handle.listen?.(DATA_CHANNEL, dataChanged, () => {
        connects += 1;
        everythingChanged();
      });
      expect(connects).toBe(1);
      const before = await measured(t.db, org);
      expect(before.cards.streams.measured).toBe(0);
      // "Another process": a write in its own transaction that only announces itself, no local signal.
      await withTenant(t.db, { orgId: org.org.id }, async (tx) => {
        await tx.execute(sql`insert into measurements (org_id, stream_id, period_start, period_end, lead_time_seconds, entered_by, source, method)
        values (${org.org.id}, ${a}, '2025-03-03', '2025-03-09', ${7 * H}, ${org.users.owner.id}, 'form', 'estimated')`);
        await announceChange(tx, org.org.id);
      });
      await expect.poll(async () => (await measured(t.db, org)).cards.medianLead.value).toBe(7 * H);
    },
  );
});
