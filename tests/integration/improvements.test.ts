/**
 * Improvements through the tRPC caller: who may record, edit, close and delete them; other
 * organizations; bad input on its field; and the before/after judged from the measured weeks.
 */
import { expect, it } from 'vitest';
import type { ImprovementFieldsInput } from '@/lib/validation/improvements';
import { expectCode, expectFieldError } from './errors';
import { forEachDriver, makeOrgWithRoles, makeUser, type TestOrg } from './harness';
import { as, makeStream } from './stream-factories';

const H = 3600;
const end = (start: string) =>
  new Date(Date.parse(start) + 6 * 86_400_000).toISOString().slice(0, 10);
const weekFrom = (start: string, i: number) =>
  new Date(Date.parse(start) + 7 * i * 86_400_000).toISOString().slice(0, 10);

function fields(
  streamId: string,
  overrides: Partial<ImprovementFieldsInput> = {},
): ImprovementFieldsInput {
  return {
    streamId,
    title: 'Pull system at packing',
    metric: 'lead_time',
    waste: 'waiting',
    startedOn: '2025-03-03',
    ...overrides,
  };
}

forEachDriver('improvements', (t) => {
  async function logWeeks(org: TestOrg, streamId: string, first: string, hours: number[]) {
    for (const [i, h] of hours.entries()) {
      const start = weekFrom(first, i);
      await as(t.db, org, 'owner').measurements.save({
        orgSlug: org.org.slug,
        measurement: {
          streamId,
          periodStart: start,
          periodEnd: end(start),
          leadTimeSeconds: h * H,
          wasteWaitingHours: h,
        },
      });
    }
  }

  it('a lead records one on their stream, closes it, and the before/after says lead time fell, with its test', async () => {
    const org = await makeOrgWithRoles(t.db);
    const stream = await makeStream(t.db, org, { ownedBy: 'lead' });
    // 8 weeks before 3 March 2025 around 40 h; the improvement runs 3–9 March; 8 weeks after around 28 h.
    await logWeeks(org, stream, '2025-01-06', [40, 42, 39, 41, 43, 40, 38, 41]);
    await logWeeks(org, stream, '2025-03-10', [28, 27, 29, 30, 26, 28, 27, 29]);
    const lead = as(t.db, org, 'lead');
    const { id } = await lead.improvements.create({
      orgSlug: org.org.slug,
      fields: fields(stream, { ownerId: org.users.lead.id }),
    });
    const open = await lead.improvements.get({ orgSlug: org.org.slug, id });
    expect(open).toMatchObject({ status: 'open', canEdit: true, ownerName: expect.any(String) });
    expect(open.assessment.pending).toMatch(/Still open/);
    expect(open.assessment.before).toHaveLength(8);
    await lead.improvements.close({ orgSlug: org.org.slug, id, completedOn: '2025-03-07' });
    const closed = await as(t.db, org, 'viewer').improvements.get({ orgSlug: org.org.slug, id });
    expect(closed.status).toBe('closed');
    expect(closed.assessment.windows).toEqual({
      before: { from: '2025-01-06', to: '2025-03-02' },
      after: { from: '2025-03-10', to: '2025-05-04' },
    });
    const r = closed.assessment.result;
    expect(r?.beforeMedian).toBe(40.5 * H);
    expect(r?.afterMedian).toBe(28 * H);
    expect(r?.verdict).toBe('improved');
    expect(r?.signal).toBe(true);
    expect(r?.test.p).toBeLessThan(0.01);
    expect(r?.sentence).toMatch(/^Lead time/);
    // Targeting waiting hours judges those hours.
    await lead.improvements.update({
      orgSlug: org.org.slug,
      id,
      fields: fields(stream, { metric: 'waste_hours', completedOn: '2025-03-07' }),
    });
    const waste = await lead.improvements.get({ orgSlug: org.org.slug, id });
    expect(waste.assessment.result?.afterMedian).toBe(28);
    const list = await as(t.db, org, 'viewer').improvements.list({
      orgSlug: org.org.slug,
      streamId: stream,
    });
    expect(list.map((i) => i.id)).toEqual([id]);
    await lead.improvements.remove({ orgSlug: org.org.slug, id });
    expect(await lead.improvements.list({ orgSlug: org.org.slug })).toEqual([]);
  });

  it('says there is not enough data when a window has fewer than 3 weeks', async () => {
    const org = await makeOrgWithRoles(t.db);
    const stream = await makeStream(t.db, org);
    await logWeeks(org, stream, '2025-02-17', [40, 41]);
    const { id } = await as(t.db, org, 'owner').improvements.create({
      orgSlug: org.org.slug,
      fields: fields(stream, { completedOn: '2025-03-03' }),
    });
    const got = await as(t.db, org, 'owner').improvements.get({ orgSlug: org.org.slug, id });
    expect(got.assessment.result).toMatchObject({ verdict: 'not enough data', signal: false });
  });

  it('leads cannot touch another’s stream, viewers cannot write, and other organizations get NOT_FOUND', async () => {
    const org = await makeOrgWithRoles(t.db);
    const other = await makeOrgWithRoles(t.db);
    const notTheLeads = await makeStream(t.db, org, { ownedBy: 'admin' });
    await expectCode(
      as(t.db, org, 'lead').improvements.create({
        orgSlug: org.org.slug,
        fields: fields(notTheLeads),
      }),
      'FORBIDDEN',
    );
    await expectCode(
      as(t.db, org, 'viewer').improvements.create({
        orgSlug: org.org.slug,
        fields: fields(notTheLeads),
      }),
      'FORBIDDEN',
    );
    const { id } = await as(t.db, org, 'admin').improvements.create({
      orgSlug: org.org.slug,
      fields: fields(notTheLeads),
    });
    await expectCode(
      as(t.db, org, 'lead').improvements.close({
        orgSlug: org.org.slug,
        id,
        completedOn: '2025-03-09',
      }),
      'FORBIDDEN',
    );
    await expectCode(
      as(t.db, org, 'lead').improvements.remove({ orgSlug: org.org.slug, id }),
      'FORBIDDEN',
    );
    // Another organization: its own slug with our id, or our slug.
    const outsider = as(t.db, other, 'owner');
    await expectCode(outsider.improvements.get({ orgSlug: other.org.slug, id }), 'NOT_FOUND');
    await expectCode(
      outsider.improvements.update({ orgSlug: other.org.slug, id, fields: fields(notTheLeads) }),
      'NOT_FOUND',
    );
    await expectCode(outsider.improvements.remove({ orgSlug: other.org.slug, id }), 'NOT_FOUND');
    await expectCode(outsider.improvements.list({ orgSlug: org.org.slug }), 'NOT_FOUND');
    await expectFieldError(
      outsider.improvements.create({ orgSlug: other.org.slug, fields: fields(notTheLeads) }),
      'streamId',
    );
    expect(
      (await as(t.db, org, 'owner').improvements.get({ orgSlug: org.org.slug, id })).title,
    ).toBe('Pull system at packing');
  });

  it('refuses bad input on its field and saves nothing', async () => {
    const org = await makeOrgWithRoles(t.db);
    const stream = await makeStream(t.db, org);
    const owner = as(t.db, org, 'owner');
    const stranger = await makeUser(t.db);
    await expectFieldError(
      owner.improvements.create({
        orgSlug: org.org.slug,
        fields: fields(stream, { completedOn: '2025-03-01' }),
      }),
      'fields.completedOn',
    );
    await expectFieldError(
      owner.improvements.create({ orgSlug: org.org.slug, fields: fields(stream, { title: '  ' }) }),
      'fields.title',
    );
    await expectFieldError(
      owner.improvements.create({
        orgSlug: org.org.slug,
        fields: fields(stream, { windowWeeks: 1 }),
      }),
      'fields.windowWeeks',
    );
    await expectFieldError(
      owner.improvements.create({
        orgSlug: org.org.slug,
        fields: fields(stream, { ownerId: stranger.id }),
      }),
      'ownerId',
    );
    await expectFieldError(
      owner.improvements.create({
        orgSlug: org.org.slug,
        fields: fields(stream, { startedOn: '2025-02-30' }),
      }),
      'fields.startedOn',
    );
    expect(await owner.improvements.list({ orgSlug: org.org.slug })).toEqual([]);
  });
});
