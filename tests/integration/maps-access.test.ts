/**
 * Who may read and save a stream's maps: every role reads (get, versions); saving a version and
 * starting the future state follow the stream's edit rights (a lead only on their own stream).
 */
import { roles } from '@/lib/domain';
import { expect, it } from 'vitest';
import { expectCode } from './errors';
import { callerFor, forEachDriver, makeOrgWithRoles } from './harness';
import { as, calendar, editCases, makeStream, saveMap, snapshot, step } from './stream-factories';

forEachDriver('maps access', (t) => {
  it.each(roles)('a %s reads maps: latest, by version, and the versions list', async (role) => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org, { ownedBy: 'admin' });
    await saveMap(t.db, org, id, { steps: [step({ name: 'First' })] });
    await saveMap(t.db, org, id, { steps: [step({ name: 'Second' }), step({ name: 'Third' })] });
    const maps = as(t.db, org, role).maps;
    const q = { orgSlug: org.org.slug, streamId: id };

    expect((await maps.get({ ...q, state: 'current' }))?.steps.map((s) => s.name)).toEqual([
      'Second',
      'Third',
    ]);
    expect(
      (await maps.get({ ...q, state: 'current', version: 1 }))?.steps.map((s) => s.name),
    ).toEqual(['First']);
    expect(await maps.get({ ...q, state: 'future' })).toBeNull();
    expect((await maps.versions(q)).map((v) => [v.state, v.version, v.stepCount])).toEqual([
      ['current', 2, 2],
      ['current', 1, 1],
    ]);
  });

  it('reading maps signed out is UNAUTHORIZED; an unknown stream or version is NOT_FOUND', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org);
    await saveMap(t.db, org, id);
    const q = { orgSlug: org.org.slug, streamId: id };
    await expectCode(callerFor(t.db, null).maps.get({ ...q, state: 'current' }), 'UNAUTHORIZED');
    await expectCode(callerFor(t.db, null).maps.versions(q), 'UNAUTHORIZED');
    const viewer = as(t.db, org, 'viewer').maps;
    await expectCode(viewer.get({ ...q, state: 'current', version: 2 }), 'NOT_FOUND');
    await expectCode(viewer.get({ ...q, state: 'future', version: 1 }), 'NOT_FOUND');
    await expectCode(
      viewer.get({ ...q, streamId: crypto.randomUUID(), state: 'current' }),
      'NOT_FOUND',
    );
    await expectCode(viewer.versions({ ...q, streamId: crypto.randomUUID() }), 'NOT_FOUND');
  });

  it.each(editCases)('save by $who: allowed = $ok', async ({ actor, ownedBy, ok }) => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org, { ownedBy });
    const before = await snapshot(t.db, org, id);
    const call = saveMap(t.db, org, id, { by: actor, steps: [step({ name: 'Mapped' })] });
    if (ok) {
      expect(await call).toMatchObject({ version: 1 });
      const map = await as(t.db, org, 'viewer').maps.get({
        orgSlug: org.org.slug,
        streamId: id,
        state: 'current',
      });
      expect(map).toMatchObject({
        version: 1,
        createdBy: org.users[actor].id,
        authorName: org.users[actor].name,
      });
      expect(map?.steps.map((s) => s.name)).toEqual(['Mapped']);
    } else {
      await expectCode(call, 'FORBIDDEN');
      expect(await snapshot(t.db, org, id)).toEqual(before);
    }
  });

  it.each(editCases)('startFuture by $who: allowed = $ok', async ({ actor, ownedBy, ok }) => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org, { ownedBy });
    await saveMap(t.db, org, id);
    const before = await snapshot(t.db, org, id);
    const call = as(t.db, org, actor).maps.startFuture({ orgSlug: org.org.slug, streamId: id });
    if (ok) {
      expect(await call).toMatchObject({ version: 1 });
      expect((await snapshot(t.db, org, id)).versions.map((v) => [v.state, v.version])).toEqual([
        ['current', 1],
        ['future', 1],
      ]);
    } else {
      await expectCode(call, 'FORBIDDEN');
      expect(await snapshot(t.db, org, id)).toEqual(before);
    }
  });

  it('save and startFuture are UNAUTHORIZED signed out, and save by a viewer writes nothing even when valid', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org, { ownedBy: 'lead' });
    await saveMap(t.db, org, id);
    const before = await snapshot(t.db, org, id);
    const input = {
      orgSlug: org.org.slug,
      streamId: id,
      state: 'current' as const,
      calendar,
      steps: [step()],
    };
    await expectCode(callerFor(t.db, null).maps.save(input), 'UNAUTHORIZED');
    await expectCode(
      callerFor(t.db, null).maps.startFuture({ orgSlug: org.org.slug, streamId: id }),
      'UNAUTHORIZED',
    );
    await expectCode(as(t.db, org, 'viewer').maps.save(input), 'FORBIDDEN');
    expect(await snapshot(t.db, org, id)).toEqual(before);
  });
});
