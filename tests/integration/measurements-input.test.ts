/**
 * Bad measurements are refused as BAD_REQUEST on the field at fault (input validation keys carry
 * the `measurement.` nesting, as `fields.` does for streams; the service's own checks name the
 * bare field) and nothing is stored. An unknown stream is NOT_FOUND.
 */
import { expect, it } from 'vitest';
import type { MeasurementInput } from '@/lib/validation/measurements';
import { expectCode, expectFieldError, invalid } from './errors';
import { forEachDriver, makeOrgWithRoles } from './harness';
import {
  daysFromNow,
  listMeasurements,
  measurement,
  measurementState,
  saveMeasurement,
} from './measurement-factories';
import { as, makeStream } from './stream-factories';

const bad: { name: string; field: string; overrides: Record<string, unknown> }[] = [
  { name: 'a negative lead time', field: 'leadTimeSeconds', overrides: { leadTimeSeconds: -1 } },
  {
    name: 'a negative process time',
    field: 'processTimeSeconds',
    overrides: { processTimeSeconds: -0.5 },
  },
  { name: 'a negative wait time', field: 'waitTimeSeconds', overrides: { waitTimeSeconds: -60 } },
  {
    name: 'process time above lead time',
    field: 'processTimeSeconds',
    overrides: { leadTimeSeconds: 60, processTimeSeconds: 61 },
  },
  { name: '%C&A of 101', field: 'pctCompleteAccurate', overrides: { pctCompleteAccurate: 101 } },
  {
    name: 'a period ending before it starts',
    field: 'periodEnd',
    overrides: { periodStart: '2026-01-05', periodEnd: '2026-01-04' },
  },
  {
    name: 'a start 9 days ahead',
    field: 'periodStart',
    overrides: { periodStart: daysFromNow(9), periodEnd: daysFromNow(15) },
  },
  {
    name: 'a start before 2000',
    field: 'periodStart',
    overrides: { periodStart: '1999-12-31', periodEnd: '2000-01-06' },
  },
  {
    name: 'the non-date 2026-02-30',
    field: 'periodEnd',
    overrides: { periodStart: '2026-02-23', periodEnd: '2026-02-30' },
  },
  {
    name: 'a date in another format',
    field: 'periodStart',
    overrides: { periodStart: '05/01/2026' },
  },
  {
    name: 'no metric at all',
    field: 'leadTimeSeconds',
    overrides: { leadTimeSeconds: null, processTimeSeconds: null, pctCompleteAccurate: null },
  },
  { name: '1.5 defects', field: 'defects', overrides: { defects: 1.5 } },
  { name: 'a fractional sample size', field: 'sampleSize', overrides: { sampleSize: 2.5 } },
  { name: 'an infinite cost', field: 'cost', overrides: { cost: Number.POSITIVE_INFINITY } },
  { name: 'a metric sent as text', field: 'wip', overrides: { wip: '3' } },
  { name: 'an unknown method', field: 'method', overrides: { method: 'guessed' } },
  {
    name: 'a step name of 121 characters',
    field: 'stepName',
    overrides: { stepName: 'x'.repeat(121) },
  },
];

forEachDriver('measurements input', (t) => {
  it.each(bad)('save refuses $name on $field', async ({ field, overrides }) => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const input = invalid<MeasurementInput>({ ...measurement(streamId), ...overrides });
    await expectFieldError(
      as(t.db, org, 'owner').measurements.save({ orgSlug: org.org.slug, measurement: input }),
      `measurement.${field}`,
    );
    expect(await listMeasurements(t.db, org)).toEqual([]);
  });

  it.each(bad)(
    'update refuses $name on $field and leaves the row as it was',
    async ({ field, overrides }) => {
      const org = await makeOrgWithRoles(t.db);
      const streamId = await makeStream(t.db, org);
      const { id } = await saveMeasurement(t.db, org, streamId);
      const before = await measurementState(t.db, org);
      const input = invalid<MeasurementInput>({ ...measurement(streamId), ...overrides });
      await expectFieldError(
        as(t.db, org, 'owner').measurements.update({
          orgSlug: org.org.slug,
          id,
          measurement: input,
        }),
        `measurement.${field}`,
      );
      expect(await measurementState(t.db, org)).toEqual(before);
    },
  );

  it('a start exactly 7 days ahead is accepted', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const periodStart = daysFromNow(7);
    const { id } = await saveMeasurement(t.db, org, streamId, {
      overrides: { periodStart, periodEnd: periodStart },
    });
    expect(await listMeasurements(t.db, org)).toMatchObject([
      { id, periodStart, periodEnd: periodStart },
    ]);
  });

  it('an unknown stream is NOT_FOUND and a malformed stream id BAD_REQUEST; nothing stored', async () => {
    const org = await makeOrgWithRoles(t.db);
    const owner = as(t.db, org, 'owner').measurements;
    await expectCode(
      owner.save({ orgSlug: org.org.slug, measurement: measurement(crypto.randomUUID()) }),
      'NOT_FOUND',
    );
    await expectFieldError(
      owner.save({ orgSlug: org.org.slug, measurement: measurement('not-a-uuid') }),
      'measurement.streamId',
    );
    await expectCode(
      owner.previous({
        orgSlug: org.org.slug,
        streamId: crypto.randomUUID(),
        before: '2026-02-01',
      }),
      'NOT_FOUND',
    );
    await expectCode(
      owner.list({ orgSlug: org.org.slug, streamId: crypto.randomUUID() }),
      'NOT_FOUND',
    );
    await expectCode(
      owner.update({
        orgSlug: org.org.slug,
        id: crypto.randomUUID(),
        measurement: measurement(crypto.randomUUID()),
      }),
      'NOT_FOUND',
    );
    await expectCode(owner.remove({ orgSlug: org.org.slug, id: crypto.randomUUID() }), 'NOT_FOUND');
    expect(await listMeasurements(t.db, org)).toEqual([]);
  });

  it('an archived stream refuses new, changed and removed measurements as BAD_REQUEST on streamId', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const { id } = await saveMeasurement(t.db, org, streamId);
    await as(t.db, org, 'owner').streams.archive({ orgSlug: org.org.slug, id: streamId });
    const before = await measurementState(t.db, org);
    const owner = as(t.db, org, 'owner').measurements;
    const next = measurement(streamId, { periodStart: '2026-01-12', periodEnd: '2026-01-18' });
    await expectFieldError(owner.save({ orgSlug: org.org.slug, measurement: next }), 'streamId');
    await expectFieldError(
      owner.update({ orgSlug: org.org.slug, id, measurement: measurement(streamId, { wip: 2 }) }),
      'streamId',
    );
    await expectFieldError(owner.remove({ orgSlug: org.org.slug, id }), 'streamId');
    expect(await measurementState(t.db, org)).toEqual(before);
    // Moving a measurement onto an archived stream is refused too.
    const live = await makeStream(t.db, org);
    const { id: liveId } = await saveMeasurement(t.db, org, live);
    const liveBefore = await measurementState(t.db, org);
    await expectFieldError(
      owner.update({ orgSlug: org.org.slug, id: liveId, measurement: measurement(streamId) }),
      'streamId',
    );
    expect(await measurementState(t.db, org)).toEqual(liveBefore);
  });

  it('list refuses a non-date filter on its field', async () => {
    const org = await makeOrgWithRoles(t.db);
    await expectFieldError(
      as(t.db, org, 'viewer').measurements.list({ orgSlug: org.org.slug, from: '2026-02-30' }),
      'from',
    );
    await expectFieldError(
      as(t.db, org, 'viewer').measurements.previous({
        orgSlug: org.org.slug,
        streamId: crypto.randomUUID(),
        before: 'soon',
      }),
      'before',
    );
  });
});
