/**
 * Control characters in any text a person types are refused on their field, and change nothing
 * (issue 11, finding 6: a NUL in a stream or step name used to answer 500 with the SQL). Notes
 * keep tabs and line breaks; one-line names do not.
 */
import { expect, it } from 'vitest';
import { controlCharacterMessage } from '@/lib/validation/text';
import { expectFieldError } from './errors';
import { callerFor, forEachDriver, makeOrgWithRoles, uniqueEmail } from './harness';
import { makeToken, sendOne } from './api-factories';
import { measurement } from './measurement-factories';
import { as, makeStream, readStream, saveMap, step, streamFields } from './stream-factories';

const hostile = [
  'a\u0000b',
  'esc\u001b[31mred',
  'bell\u0007',
  'del\u007f',
  'c1\u0085',
  'lone \ud800',
];

forEachDriver('text input', (t) => {
  it('a stream name or field with a control character is refused on its field; the stream is unchanged', async () => {
    const org = await makeOrgWithRoles(t.db);
    const owner = as(t.db, org, 'owner');
    const id = await makeStream(t.db, org, { fields: { name: 'Order to cash' } });
    const before = await readStream(t.db, org, id);
    for (const bad of [...hostile, 'two\nlines', 'tab\there']) {
      const messages = await expectFieldError(
        owner.streams.update({ orgSlug: org.org.slug, id, fields: streamFields({ name: bad }) }),
        'fields.name',
      );
      expect(messages).toContain(controlCharacterMessage);
      await expectFieldError(
        owner.streams.create({ orgSlug: org.org.slug, fields: streamFields({ name: bad }) }),
        'fields.name',
      );
    }
    for (const bad of hostile) {
      await expectFieldError(
        owner.streams.update({
          orgSlug: org.org.slug,
          id,
          fields: streamFields({ name: 'Order to cash', description: bad }),
        }),
        'fields.description',
      );
    }
    expect(await readStream(t.db, org, id)).toEqual(before);
    expect((await owner.streams.list({ orgSlug: org.org.slug })).map((s) => s.id)).toEqual([id]);
    // A description is several lines: tabs and line breaks are kept.
    await owner.streams.update({
      orgSlug: org.org.slug,
      id,
      fields: streamFields({ name: 'Order to cash', description: 'Line one\n\tindented' }),
    });
    expect((await readStream(t.db, org, id)).description).toBe('Line one\n\tindented');
  });

  it('a map step name with a control character is refused on its field; notes keep line breaks', async () => {
    const org = await makeOrgWithRoles(t.db);
    const id = await makeStream(t.db, org);
    for (const bad of [...hostile, 'tab\tstep']) {
      await expectFieldError(
        saveMap(t.db, org, id, { steps: [step({ name: bad })] }),
        'steps.0.name',
      );
    }
    for (const bad of hostile) {
      await expectFieldError(
        saveMap(t.db, org, id, { steps: [step({ notes: `note ${bad}` })] }),
        'steps.0.notes',
      );
    }
    expect(
      await as(t.db, org, 'owner').maps.versions({ orgSlug: org.org.slug, streamId: id }),
    ).toEqual([]);
    const saved = await saveMap(t.db, org, id, {
      steps: [step({ name: 'Pick', notes: 'First line\nsecond\tline' })],
    });
    expect(saved.version).toBeGreaterThan(0);
  });

  it('names of people, organizations, tokens and improvements refuse control characters too', async () => {
    const org = await makeOrgWithRoles(t.db);
    const owner = as(t.db, org, 'owner');
    const slug = org.org.slug;
    await expectFieldError(
      callerFor(t.db, null).auth.signUp({
        name: 'Ann\u0000',
        email: uniqueEmail(),
        password: 'a long enough passphrase',
        orgName: 'Fine name',
      }),
      'name',
    );
    await expectFieldError(owner.orgs.rename({ orgSlug: slug, name: 'Acme\u001b' }), 'name');
    await expectFieldError(owner.apiTokens.create({ orgSlug: slug, name: 'ERP\u0000' }), 'name');
    const streamId = await makeStream(t.db, org);
    await expectFieldError(
      owner.improvements.create({
        orgSlug: slug,
        fields: {
          streamId,
          title: 'Kanban\u0007',
          metric: 'lead_time',
          startedOn: '2026-01-05',
        },
      }),
      'fields.title',
    );
    await expectFieldError(
      owner.measurements.save({
        measurement: measurement(streamId, { stepName: 'Pick\u0000' }),
        orgSlug: slug,
      }),
      'measurement.stepName',
    );
    expect(await owner.improvements.list({ orgSlug: slug })).toHaveLength(0);
  });

  it('the API refuses a step name with a control character with 400 on its field', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const { token } = await makeToken(t.db, org);
    const answer = await sendOne(t.db, {
      token,
      body: measurement(streamId, { stepName: 'Pick\tpack' }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'invalid', field: 'stepName' });
  });
});
