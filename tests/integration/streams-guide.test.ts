/**
 * The identification guide: saveDraft creates then updates a draft stream; completeGuide saves
 * its map as current v1 and makes the stream active, once.
 */
import { type Role, roles } from '@/lib/domain';
import { expect, it } from 'vitest';
import { expectCode, expectFieldError, fieldErrorsOf } from './errors';
import { forEachDriver, makeOrgWithRoles, type TestOrg } from './harness';
import {
  as,
  calendar,
  editCases,
  listNames,
  readStream,
  snapshot,
  step,
  streamFields,
} from './stream-factories';

const creators = new Set<Role>(['owner', 'admin', 'lead']);

forEachDriver('streams guide', (t) => {
  /** A draft started by the owner for `ownedBy` (null: nobody). */
  async function draftFor(
    org: TestOrg,
    ownedBy: Role | null,
    name = `Draft ${crypto.randomUUID()}`,
  ) {
    const ownerId = ownedBy ? org.users[ownedBy].id : null;
    const { id } = await as(t.db, org, 'owner').streams.saveDraft({
      orgSlug: org.org.slug,
      fields: streamFields({ name, ownerId }),
      guide: { step: 1 },
    });
    return id;
  }

  it.each(roles.map((role) => ({ role, ok: creators.has(role) })))(
    'saveDraft of a new stream by $role: allowed = $ok',
    async ({ role, ok }) => {
      const org = await makeOrgWithRoles(t.db);
      const call = as(t.db, org, role).streams.saveDraft({
        orgSlug: org.org.slug,
        fields: streamFields({ name: 'Guided' }),
        guide: { step: 1 },
      });
      if (!ok) {
        await expectCode(call, 'FORBIDDEN');
        expect(await listNames(t.db, org, { includeArchived: true })).toEqual([]);
        return;
      }
      const { id } = await call;
      expect(await readStream(t.db, org, id)).toMatchObject({
        name: 'Guided',
        status: 'draft',
        guide: { step: 1 },
        ownerId: role === 'lead' ? org.users.lead.id : null,
      });
    },
  );

  it('a draft shows in the list; saving it again updates it in place', async () => {
    const org = await makeOrgWithRoles(t.db);
    const lead = as(t.db, org, 'lead').streams;
    const { id } = await lead.saveDraft({
      orgSlug: org.org.slug,
      fields: streamFields({ name: 'Onboarding' }),
      guide: { step: 1, purposeNotes: 'New hires' },
    });
    const list = await as(t.db, org, 'viewer').streams.list({ orgSlug: org.org.slug });
    expect(
      list.map((s) => ({ id: s.id, status: s.status, guideStep: s.guideStep, totals: s.totals })),
    ).toEqual([{ id, status: 'draft', guideStep: 1, totals: null }]);

    const guide = {
      step: 3,
      purposeNotes: 'New hires',
      steps: [{ name: 'Offer signed', processTimeSeconds: 600 }],
      hoursPerDay: 8,
    };
    // As the guide does, the second save sends back the owner the server chose on the first.
    const fields = streamFields({
      name: 'Employee onboarding',
      customer: 'New hires',
      type: 'supporting',
      ownerId: org.users.lead.id,
    });
    const again = await lead.saveDraft({ orgSlug: org.org.slug, id, fields, guide });
    expect(again).toEqual({ id });
    expect(await readStream(t.db, org, id)).toMatchObject({
      name: 'Employee onboarding',
      customer: 'New hires',
      type: 'supporting',
      status: 'draft',
      guide,
      ownerId: org.users.lead.id,
    });
    expect(await listNames(t.db, org, { includeArchived: true })).toEqual(['Employee onboarding']);
    expect(
      (await as(t.db, org, 'viewer').streams.list({ orgSlug: org.org.slug }))[0]?.guideStep,
    ).toBe(3);

    // A save that does not name an owner keeps the one the draft has (the lead keeps editing it).
    await lead.saveDraft({
      orgSlug: org.org.slug,
      id,
      fields: streamFields({ name: 'Employee onboarding', type: 'supporting' }),
      guide: { ...guide, step: 4 },
    });
    expect(await readStream(t.db, org, id)).toMatchObject({
      ownerId: org.users.lead.id,
      guide: { step: 4 },
    });
  });

  it.each(editCases)(
    'saveDraft of an existing draft by $who: allowed = $ok',
    async ({ actor, ownedBy, ok }) => {
      const org = await makeOrgWithRoles(t.db);
      const id = await draftFor(org, ownedBy);
      const before = await snapshot(t.db, org, id);
      const call = as(t.db, org, actor).streams.saveDraft({
        orgSlug: org.org.slug,
        id,
        fields: streamFields({ name: 'Moved on', ownerId: before.stream.ownerId }),
        guide: { step: 4 },
      });
      if (ok) {
        await call;
        expect(await readStream(t.db, org, id)).toMatchObject({
          name: 'Moved on',
          guide: { step: 4 },
          status: 'draft',
        });
      } else {
        await expectCode(call, 'FORBIDDEN');
        expect(await snapshot(t.db, org, id)).toEqual(before);
      }
    },
  );

  it.each(editCases)('completeGuide by $who: allowed = $ok', async ({ actor, ownedBy, ok }) => {
    const org = await makeOrgWithRoles(t.db);
    const id = await draftFor(org, ownedBy);
    const before = await snapshot(t.db, org, id);
    const call = as(t.db, org, actor).streams.completeGuide({
      orgSlug: org.org.slug,
      id,
      calendar,
      steps: [step()],
      guide: { step: 6 },
    });
    if (ok) {
      expect(await call).toEqual({ id, version: 1 });
      expect((await readStream(t.db, org, id)).status).toBe('active');
    } else {
      await expectCode(call, 'FORBIDDEN');
      expect(await snapshot(t.db, org, id)).toEqual(before);
    }
  });

  it('completeGuide saves the map as current v1 and makes the stream active, with its totals in the list', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await draftFor(org, 'lead', 'Guided fulfillment');
    const steps = [
      step({
        name: 'Order',
        processTimeSeconds: 120,
        leadTimeSeconds: 600,
        pctCompleteAccurate: 90,
      }),
      step({
        name: 'Deliver',
        processTimeSeconds: 480,
        leadTimeSeconds: 2400,
        pctCompleteAccurate: 50,
      }),
    ];
    const guide = {
      step: 6,
      interviewNotes: 'Waiting for approvals',
      improvementNotes: 'Automate approvals',
    };
    await as(t.db, org, 'lead').streams.completeGuide({
      orgSlug: org.org.slug,
      id,
      calendar: { hoursPerDay: 7, daysPerWeek: 5 },
      steps,
      guide,
    });

    expect(await readStream(t.db, org, id)).toMatchObject({
      status: 'active',
      guide: { ...guide, step: 7 },
    });
    const map = await as(t.db, org, 'viewer').maps.get({
      orgSlug: org.org.slug,
      streamId: id,
      state: 'current',
    });
    expect(map).toMatchObject({
      version: 1,
      hoursPerDay: 7,
      daysPerWeek: 5,
      note: 'Mapped with the identification guide',
      createdBy: org.users.lead.id,
    });
    expect(map?.steps.map((s) => [s.name, s.processTimeSeconds, s.leadTimeSeconds])).toEqual([
      ['Order', 120, 600],
      ['Deliver', 480, 2400],
    ]);
    const [row] = await as(t.db, org, 'viewer').streams.list({ orgSlug: org.org.slug });
    expect(row).toMatchObject({
      id,
      status: 'active',
      guideStep: 7,
      totals: {
        totalLeadTimeSeconds: 3000,
        totalProcessTimeSeconds: 600,
        flowEfficiency: 0.2,
        rolledPctCompleteAccurate: 45,
      },
    });
  });

  it('completeGuide or saveDraft on an active stream is BAD_REQUEST, and nothing changes', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await draftFor(org, null);
    const owner = as(t.db, org, 'owner').streams;
    await owner.completeGuide({
      orgSlug: org.org.slug,
      id,
      calendar,
      steps: [step()],
      guide: { step: 6 },
    });
    const before = await snapshot(t.db, org, id);
    await expectCode(
      owner.completeGuide({
        orgSlug: org.org.slug,
        id,
        calendar,
        steps: [step(), step()],
        guide: { step: 6 },
      }),
      'BAD_REQUEST',
    );
    await expectCode(
      owner.saveDraft({
        orgSlug: org.org.slug,
        id,
        fields: streamFields({ name: 'Back to draft' }),
        guide: { step: 2 },
      }),
      'BAD_REQUEST',
    );
    expect(await snapshot(t.db, org, id)).toEqual(before);

    // A stream registered with the form was never a draft either.
    const registered = (await owner.create({ orgSlug: org.org.slug, fields: streamFields() })).id;
    await expectCode(
      owner.completeGuide({
        orgSlug: org.org.slug,
        id: registered,
        calendar,
        steps: [step()],
        guide: { step: 6 },
      }),
      'BAD_REQUEST',
    );
    expect((await snapshot(t.db, org, registered)).versions).toEqual([]);
  });

  it('two completions at the same moment: one saves v1, the other is BAD_REQUEST', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await draftFor(org, null);
    const complete = () =>
      as(t.db, org, 'owner').streams.completeGuide({
        orgSlug: org.org.slug,
        id,
        calendar,
        steps: [step()],
        guide: { step: 6 },
      });
    const results = await Promise.allSettled([complete(), complete()]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    for (const r of results)
      if (r.status === 'rejected') await expectCode(Promise.reject(r.reason), 'BAD_REQUEST');
    expect((await snapshot(t.db, org, id)).versions.map((v) => [v.state, v.version])).toEqual([
      ['current', 1],
    ]);
  });

  it('completeGuide with a map the formulas refuse keeps the draft as it was', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await draftFor(org, 'lead');
    const before = await snapshot(t.db, org, id);
    const lead = as(t.db, org, 'lead').streams;
    const slow = [step(), step({ processTimeSeconds: 700, leadTimeSeconds: 600 })];
    const error = await expectCode(
      lead.completeGuide({ orgSlug: org.org.slug, id, calendar, steps: slow, guide: { step: 6 } }),
      'BAD_REQUEST',
    );
    expect(fieldErrorsOf(error)).toEqual({
      'steps.1.processTime': ['Process time cannot be longer than lead time.'],
    });
    await expectFieldError(
      lead.completeGuide({ orgSlug: org.org.slug, id, calendar, steps: [], guide: { step: 6 } }),
      'steps',
    );
    await expectFieldError(
      lead.completeGuide({
        orgSlug: org.org.slug,
        id,
        calendar,
        steps: [step({ pctCompleteAccurate: 101 })],
        guide: { step: 6 },
      }),
      'steps.0.pctCompleteAccurate',
    );
    expect(await snapshot(t.db, org, id)).toEqual(before);
  });

  it('saveDraft refuses what create refuses: a taken name, a missing type, an owner from outside', async () => {
    const org = await makeOrgWithRoles(t.db);
    const other = await makeOrgWithRoles(t.db);
    const lead = as(t.db, org, 'lead').streams;
    const taken = await draftFor(org, null, 'Taken');
    await expectFieldError(
      lead.saveDraft({
        orgSlug: org.org.slug,
        fields: streamFields({ name: 'taken' }),
        guide: { step: 1 },
      }),
      'name',
      'CONFLICT',
    );
    await expectFieldError(
      lead.saveDraft({
        orgSlug: org.org.slug,
        fields: streamFields({ type: null }),
        guide: { step: 1 },
      }),
      'fields.type',
    );
    await expectFieldError(
      lead.saveDraft({
        orgSlug: org.org.slug,
        fields: streamFields({ ownerId: other.users.lead.id }),
        guide: { step: 1 },
      }),
      'ownerId',
    );
    await expectFieldError(
      lead.saveDraft({ orgSlug: org.org.slug, fields: streamFields(), guide: { step: 8 } }),
      'guide.step',
    );
    expect(await listNames(t.db, org, { includeArchived: true })).toEqual(['Taken']);

    const mine = (
      await lead.saveDraft({
        orgSlug: org.org.slug,
        fields: streamFields({ name: 'Mine' }),
        guide: { step: 1 },
      })
    ).id;
    const before = await snapshot(t.db, org, mine);
    await expectFieldError(
      lead.saveDraft({
        orgSlug: org.org.slug,
        id: mine,
        fields: streamFields({ name: 'Taken' }),
        guide: { step: 2 },
      }),
      'name',
      'CONFLICT',
    );
    expect(await snapshot(t.db, org, mine)).toEqual(before);
    expect((await readStream(t.db, org, taken)).name).toBe('Taken');
  });
});
