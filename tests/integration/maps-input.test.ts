/**
 * Maps the server refuses: BAD_REQUEST, each problem on its field (`steps.2.processTime`), and no
 * version saved.
 */
import { beforeAll, expect, it } from 'vitest';
import { AppError } from '@/server/errors';
import { expectCode, expectFieldError, fieldErrorsOf, invalid } from './errors';
import { forEachDriver, makeOrgWithRoles, type TestOrg } from './harness';
import { as, calendar, makeStream, saveMap, snapshot, step } from './stream-factories';
import type { StepInput } from '@/lib/validation/maps';

forEachDriver('maps input', (t) => {
  let org: TestOrg;
  let id: string;
  beforeAll(async () => {
    org = await makeOrgWithRoles(t.db);
    id = await makeStream(t.db, org, { ownedBy: 'lead' });
    await saveMap(t.db, org, id, { steps: [step({ name: 'Version one' })] });
  });

  /** Saves `steps` as the stream's lead; the call must fail and leave every version as it was. */
  async function refused(steps: StepInput[], extra: { calendar?: typeof calendar } = {}) {
    const before = await snapshot(t.db, org, id);
    const error = await expectCode(
      as(t.db, org, 'lead').maps.save({
        orgSlug: org.org.slug,
        streamId: id,
        state: 'current',
        calendar: extra.calendar ?? calendar,
        steps,
      }),
      'BAD_REQUEST',
    );
    expect(await snapshot(t.db, org, id)).toEqual(before);
    return { error, fields: fieldErrorsOf(error) ?? {} };
  }

  it('a map with no steps is BAD_REQUEST on steps', async () => {
    const { fields } = await refused([]);
    expect(fields).toEqual({ steps: ['Add at least one step.'] });
  });

  it('process time above lead time at step 2 is BAD_REQUEST on steps.2.processTime, and v2 is not saved', async () => {
    const { error, fields } = await refused([
      step(),
      step(),
      step({ name: 'Slow', processTimeSeconds: 601, leadTimeSeconds: 600 }),
    ]);
    expect(fields).toEqual({
      'steps.2.processTime': ['Process time cannot be longer than lead time.'],
    });
    expect(error.message).toBe('Process time cannot be longer than lead time.');
    // The cause carries the same field errors the formatter sends to the client.
    expect(error.cause).toBeInstanceOf(AppError);
    expect(error.cause instanceof AppError ? error.cause.fieldErrors : null).toEqual(fields);
    const versions = await as(t.db, org, 'viewer').maps.versions({
      orgSlug: org.org.slug,
      streamId: id,
    });
    expect(versions.map((v) => v.version)).toEqual([1]);
  });

  it('every step at fault is named, each on its own field', async () => {
    const { fields } = await refused([
      step({ processTimeSeconds: 10, leadTimeSeconds: 5 }),
      step(),
      step({ processTimeSeconds: 3601, leadTimeSeconds: 3600 }),
    ]);
    expect(Object.keys(fields).sort()).toEqual(['steps.0.processTime', 'steps.2.processTime']);
  });

  it('a process time above lead time by less than half a millisecond is the same duration, and is saved', async () => {
    const before = await as(t.db, org, 'viewer').maps.versions({
      orgSlug: org.org.slug,
      streamId: id,
    });
    const saved = await saveMap(t.db, org, id, {
      by: 'lead',
      steps: [step({ processTimeSeconds: 1.0004, leadTimeSeconds: 1.0001 })],
    });
    expect(saved.version).toBe((before[0]?.version ?? 0) + 1);
    const map = await as(t.db, org, 'viewer').maps.get({
      orgSlug: org.org.slug,
      streamId: id,
      state: 'current',
    });
    expect(map?.steps.map((s) => [s.processTimeSeconds, s.leadTimeSeconds])).toEqual([[1, 1]]);
  });

  it('%C&A above 100 or below 0 is BAD_REQUEST on that step’s %C&A', async () => {
    expect((await refused([step(), step({ pctCompleteAccurate: 101 })])).fields).toHaveProperty([
      'steps.1.pctCompleteAccurate',
    ]);
    expect((await refused([step({ pctCompleteAccurate: -1 })])).fields).toHaveProperty([
      'steps.0.pctCompleteAccurate',
    ]);
    expect((await refused([step({ pctCompleteAccurate: 100.0001 })])).fields).toHaveProperty([
      'steps.0.pctCompleteAccurate',
    ]);
  });

  it('a negative duration is BAD_REQUEST on that step’s duration', async () => {
    expect((await refused([step({ processTimeSeconds: -1 })])).fields).toHaveProperty([
      'steps.0.processTimeSeconds',
    ]);
    expect(
      (await refused([step(), step({ processTimeSeconds: -5, leadTimeSeconds: -1 })])).fields,
    ).toHaveProperty(['steps.1.leadTimeSeconds']);
    expect((await refused([step({ leadTimeSeconds: -0.5 })])).fields).toHaveProperty([
      'steps.0.leadTimeSeconds',
    ]);
  });

  it('other malformed steps and calendars are refused on their fields', async () => {
    expect((await refused([step({ name: '   ' })])).fields).toHaveProperty(['steps.0.name']);
    expect((await refused([step({ people: 1.5 })])).fields).toHaveProperty(['steps.0.people']);
    expect((await refused([step({ processTimeSeconds: Number.NaN })])).fields).toHaveProperty([
      'steps.0.processTimeSeconds',
    ]);
    expect((await refused([step({ leadTimeSeconds: 2e12 })])).fields).toHaveProperty([
      'steps.0.leadTimeSeconds',
    ]);
    expect((await refused([step({ wastes: invalid(['laziness']) })])).fields).toHaveProperty([
      'steps.0.wastes.0',
    ]);
    expect(
      (await refused([step()], { calendar: { hoursPerDay: 25, daysPerWeek: 5 } })).fields,
    ).toHaveProperty(['calendar.hoursPerDay']);
    expect(
      (await refused([step()], { calendar: { hoursPerDay: 8, daysPerWeek: 0 } })).fields,
    ).toHaveProperty(['calendar.daysPerWeek']);
    expect((await refused(Array.from({ length: 101 }, () => step()))).fields).toHaveProperty([
      'steps',
    ]);
  });

  it('an unknown state, or a stream id that is no uuid, is BAD_REQUEST', async () => {
    const save = as(t.db, org, 'owner').maps.save;
    await expectFieldError(
      save({
        orgSlug: org.org.slug,
        streamId: id,
        state: invalid('ideal'),
        calendar,
        steps: [step()],
      }),
      'state',
    );
    await expectFieldError(
      save({ orgSlug: org.org.slug, streamId: 'abc', state: 'current', calendar, steps: [step()] }),
      'streamId',
    );
    await expectFieldError(
      as(t.db, org, 'owner').maps.get({
        orgSlug: org.org.slug,
        streamId: id,
        state: 'current',
        version: 0,
      }),
      'version',
    );
  });

  it('a map of 100 steps is fine', async () => {
    const saved = await saveMap(t.db, org, id, {
      steps: Array.from({ length: 100 }, (_, i) => step({ name: `Step ${i}` })),
    });
    const versions = await as(t.db, org, 'viewer').maps.versions({
      orgSlug: org.org.slug,
      streamId: id,
    });
    expect(versions.find((v) => v.version === saved.version)?.stepCount).toBe(100);
  });
});
