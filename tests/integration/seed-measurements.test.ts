/**
 * The demo seed's measurements (server/seed/measurements.ts): 130 weeks for each demo stream, each
 * entered by a member, stored exactly as generated, and added only once.
 */
import { count, countDistinct, eq, max } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { findOrgBySlug, listMembers } from '@/db/queries/orgs';
import { improvements, measurements, valueStreams } from '@/db/schema';
import { seed } from '@/server/seed';
import { demoMeasurements, DEMO_WEEKS } from '@/server/seed/data/measurements';
import { seedDemoMeasurements } from '@/server/seed/measurements';
import { demoStreams } from '@/server/seed/streams';
import { withTenant } from '@/db/tenant';
import { forEachDriver } from './harness';

const orgs = [
  { slug: 'northwind-retail', streams: 6 },
  { slug: 'acme-motors', streams: 5 },
];

forEachDriver('demo measurements seed', (t) => {
  async function orgOf(slug: string) {
    const org = await findOrgBySlug(t.db, slug);
    if (!org) throw new Error(`The seed did not add ${slug}.`);
    return org;
  }

  async function perStream(orgId: string) {
    return withTenant(t.db, { orgId }, (tx) =>
      tx
        .select({
          name: valueStreams.name,
          weeks: count(),
          periods: countDistinct(measurements.periodStart),
          last: max(measurements.periodEnd),
        })
        .from(measurements)
        .innerJoin(valueStreams, eq(valueStreams.id, measurements.streamId))
        .groupBy(valueStreams.name)
        .orderBy(valueStreams.name),
    );
  }

  it('adds a weekly series to every demo stream, entered by members, and nothing the second time', async () => {
    await seed(t.db, () => {});
    for (const { slug, streams } of orgs) {
      const org = await orgOf(slug);
      const rows = await perStream(org.id);
      expect(rows).toHaveLength(streams);
      for (const r of rows) expect(r).toMatchObject({ weeks: DEMO_WEEKS, periods: DEMO_WEEKS });
      expect(new Set(rows.map((r) => r.last)).size).toBe(1);

      const members = new Set(
        (await withTenant(t.db, { orgId: org.id }, (tx) => listMembers(tx, org.id))).map(
          (m) => m.userId,
        ),
      );
      const authors = await withTenant(t.db, { orgId: org.id }, (tx) =>
        tx.selectDistinct({ id: measurements.enteredBy }).from(measurements),
      );
      expect(authors.length).toBeGreaterThan(0);
      for (const a of authors) expect(members.has(a.id)).toBe(true);
    }

    // Each stream's kaizen events are recorded as closed improvements, judged on lead time.
    const northwindId = (await orgOf('northwind-retail')).id;
    const kaizen = await withTenant(t.db, { orgId: northwindId }, (tx) =>
      tx.select().from(improvements),
    );
    const events = demoMeasurements(demoStreams['northwind-retail'] ?? []).flatMap((s) =>
      s.events.filter((e) => e.kind === 'improvement'),
    );
    expect(kaizen).toHaveLength(events.length);
    expect(
      kaizen.every(
        (k) => k.completedOn !== null && k.completedOn >= k.startedOn && k.metric === 'lead_time',
      ),
    ).toBe(true);
    expect(kaizen.map((k) => k.startedOn).sort()).toEqual(events.map((e) => e.periodStart).sort());

    const before = await Promise.all(
      orgs.map(async ({ slug }) => perStream((await orgOf(slug)).id)),
    );
    await seed(t.db, () => {});
    const northwind = await orgOf('northwind-retail');
    expect(await seedDemoMeasurements(t.db, northwind)).toEqual({
      added: 0,
      existing: 6 * DEMO_WEEKS,
    });
    const after = await Promise.all(
      orgs.map(async ({ slug }) => perStream((await orgOf(slug)).id)),
    );
    expect(after).toEqual(before);
  });

  it('stores every number exactly as generated', async () => {
    await seed(t.db, () => {}); // adds nothing when the test above ran first
    const org = await orgOf('acme-motors');
    const generated = demoMeasurements(demoStreams['acme-motors'] ?? []);
    const stored = await withTenant(t.db, { orgId: org.id }, (tx) =>
      tx
        .select({ name: valueStreams.name, m: measurements })
        .from(measurements)
        .innerJoin(valueStreams, eq(valueStreams.id, measurements.streamId)),
    );
    let compared = 0;
    for (const { name, m } of stored) {
      // The same week, unless the clock passed a Monday between seeding and now.
      const expected = generated
        .find((s) => s.name === name)
        ?.rows.find((r) => r.periodStart === m.periodStart);
      if (!expected) continue;
      expect(m).toMatchObject(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(5 * (DEMO_WEEKS - 2));
  });
});
