/**
 * `measurements.get`: one measurement by id, for the edit form. Every role of the organization
 * reads it; an unknown id, a deleted one and another organization's id all get the same
 * NOT_FOUND (nothing of the other organization in the answer); a malformed id is a BAD_REQUEST
 * on `id`.
 */
import { roles } from '@/lib/domain';
import { expect, it } from 'vitest';
import { expectCode, expectFieldError, fieldErrorsOf } from './errors';
import { callerFor, forEachDriver, makeOrgWithRoles } from './harness';
import { measurementState, saveMeasurement } from './measurement-factories';
import { as, makeStream } from './stream-factories';

const unknownId = '00000000-0000-4000-8000-000000000000';

forEachDriver('measurements.get', (t) => {
  it.each(roles)(
    'a %s gets a measurement with its stream’s name and who entered it, as the list shows it',
    async (role) => {
      const org = await makeOrgWithRoles(t.db);
      const streamId = await makeStream(t.db, org, { fields: { name: `Returns ${role}` } });
      const { id } = await saveMeasurement(t.db, org, streamId, {
        by: 'admin',
        overrides: { stepName: 'Pack', throughput: 12, note: 'short week' },
      });
      await saveMeasurement(t.db, org, streamId); // another one, not asked for
      const caller = as(t.db, org, role).measurements;
      const row = await caller.get({ orgSlug: org.org.slug, id });
      expect(row).toMatchObject({
        streamName: `Returns ${role}`,
        enteredByName: org.users.admin.name,
        measurement: {
          id,
          streamId,
          stepName: 'Pack',
          throughput: 12,
          leadTimeSeconds: 36_000,
          note: 'short week',
          source: 'form',
          enteredBy: org.users.admin.id,
        },
      });
      const listed = (await caller.list({ orgSlug: org.org.slug, streamId })).find(
        (r) => r.measurement.id === id,
      );
      expect(row).toEqual(listed);
    },
  );

  it('an unknown or deleted id is NOT_FOUND; a malformed one is a BAD_REQUEST on id', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const { id } = await saveMeasurement(t.db, org, streamId);
    const caller = as(t.db, org, 'owner').measurements;
    const unknown = await expectCode(
      caller.get({ orgSlug: org.org.slug, id: unknownId }),
      'NOT_FOUND',
    );
    expect(unknown.message).toBe('That measurement was not found.');
    await caller.remove({ orgSlug: org.org.slug, id });
    await expectCode(caller.get({ orgSlug: org.org.slug, id }), 'NOT_FOUND');
    expect(
      await expectFieldError(caller.get({ orgSlug: org.org.slug, id: 'not-an-id' }), 'id'),
    ).toEqual(['Not a measurement id.']);
  });

  it.each(roles)(
    'a %s of another organization gets NOT_FOUND for its measurement, and nothing else',
    async (role) => {
      const a = await makeOrgWithRoles(t.db);
      const b = await makeOrgWithRoles(t.db);
      const streamId = await makeStream(t.db, a);
      const { id } = await saveMeasurement(t.db, a, streamId);
      await saveMeasurement(t.db, b, await makeStream(t.db, b));
      const before = await measurementState(t.db, a);
      const caller = as(t.db, b, role).measurements;
      const unknown = await expectCode(
        caller.get({ orgSlug: b.org.slug, id: unknownId }),
        'NOT_FOUND',
      );
      // Their own organization's slug with A's id: exactly the answer for an id that does not exist.
      const own = await expectCode(caller.get({ orgSlug: b.org.slug, id }), 'NOT_FOUND');
      expect(own.message).toBe(unknown.message);
      expect(fieldErrorsOf(own)).toBeNull();
      // A's slug: they are no member, so the organization itself is not found.
      const theirs = await expectCode(caller.get({ orgSlug: a.org.slug, id }), 'NOT_FOUND');
      expect(theirs.message).toBe('Organization not found.');
      expect(fieldErrorsOf(theirs)).toBeNull();
      expect(await measurementState(t.db, a)).toEqual(before);
    },
  );

  it('signed out, get is UNAUTHORIZED', async () => {
    const org = await makeOrgWithRoles(t.db);
    const { id } = await saveMeasurement(t.db, org, await makeStream(t.db, org));
    await expectCode(
      callerFor(t.db, null).measurements.get({ orgSlug: org.org.slug, id }),
      'UNAUTHORIZED',
    );
  });
});
