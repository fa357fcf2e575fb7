/**
 * Every failure the fuzz suites (fuzz-procedures, fuzz-http) found, kept as a plain test: each was
 * a 500 with the database's message before its fix, and is now a refusal on its field.
 */
import { expect, it } from 'vitest';
import { expectFieldError } from './errors';
import { forEachDriver, makeOrgWithRoles } from './harness';
import { as, calendar, makeStream, step } from './stream-factories';

forEachDriver('fuzz regressions', (t) => {
  it('maps.save: a working day too short to store (2e-49 hours, 0.01 days) is refused on its field, not a 500', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org, { ownedBy: 'lead' });
    const save = (c: { hoursPerDay: number; daysPerWeek: number }) =>
      as(t.db, org, 'lead').maps.save({
        orgSlug: org.org.slug,
        streamId,
        state: 'current',
        calendar: c,
        steps: [step()],
      });
    await expectFieldError(
      save({ hoursPerDay: 2.044575680302492e-49, daysPerWeek: 5 }),
      'calendar.hoursPerDay',
    );
    await expectFieldError(save({ hoursPerDay: 8, daysPerWeek: 0.01 }), 'calendar.daysPerWeek');
    expect(await save({ ...calendar, hoursPerDay: 0.01 })).toMatchObject({ version: 1 });
  });
});
