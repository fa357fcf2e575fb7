/**
 * Every failure the fuzz suites (fuzz-procedures, fuzz-http) found, kept as a plain test: each was
 * a 500 with the database's message before its fix, and is now a refusal on its field.
 */
import { expect, it } from 'vitest';
import { expectFieldError } from './errors';
import { forEachDriver, makeOrgWithRoles } from './harness';
import { measurement } from './measurement-factories';
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

forEachDriver('fuzz regressions: year 0', (t) => {
  it('a date in year 0 (which Postgres does not have) is refused on its field, not a 500 (measurements.previous and .list, improvements, dashboards)', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org, { ownedBy: 'lead' });
    const owner = as(t.db, org, 'owner');
    const orgSlug = org.org.slug;
    await expectFieldError(
      owner.measurements.previous({ orgSlug, streamId, before: '0000-01-01' }),
      'before',
    );
    await expectFieldError(owner.measurements.list({ orgSlug, from: '0000-01-03' }), 'from');
    await expectFieldError(
      owner.improvements.create({
        orgSlug,
        fields: { streamId, title: 'Kaizen', metric: 'lead_time', startedOn: '0000-01-01' },
      }),
      'fields.startedOn',
    );
    await expectFieldError(
      owner.measurements.save({
        orgSlug,
        measurement: measurement(streamId, { periodStart: '0000-01-03', periodEnd: '0000-01-09' }),
      }),
      'measurement.periodStart',
    );
    await expectFieldError(
      owner.dashboards.comparison({
        orgSlug,
        range: 'custom',
        from: '0000-01-03',
        to: '0000-03-03',
      }),
      'from',
    );
  });
});
