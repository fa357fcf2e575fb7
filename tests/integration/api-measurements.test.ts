/**
 * POST /api/v1/measurements and /batch, called as functions with `new Request(...)`: good
 * requests write with source `api`; every kind of bad request gets its status, code and field,
 * and changes nothing (no measurement, no idempotency key left behind).
 */
import { expect, it } from 'vitest';
import { generateApiToken } from '@/server/services/api-tokens';
import { apiState, makeToken, sendBatch, sendOne, tokenRow } from './api-factories';
import { forEachDriver, makeOrgWithRoles, type TestOrg } from './harness';
import { daysFromNow, listMeasurements, measurement } from './measurement-factories';
import { as, makeStream } from './stream-factories';

forEachDriver('measurements API', (t) => {
  async function setup() {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org, { ownedBy: 'lead' });
    const { id: tokenId, token } = await makeToken(t.db, org);
    return { org, streamId, tokenId, token };
  }

  /** Sends, expects the refusal, and checks that nothing changed. */
  async function expectRefused(
    org: TestOrg,
    send: () => ReturnType<typeof sendOne>,
    status: number,
    code: string,
    field?: string,
  ) {
    const before = await apiState(t.db, org);
    const answer = await send();
    expect(answer.status, answer.text).toBe(status);
    expect(answer.body.error?.code, answer.text).toBe(code);
    if (field !== undefined) {
      expect(answer.body.error?.field, answer.text).toBe(field);
      if (code === 'invalid')
        expect(answer.body.error?.fields?.[field]?.length, answer.text).toBeGreaterThan(0);
    }
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await apiState(t.db, org)).toEqual(before);
    return answer.body.error;
  }

  it('adds one measurement as the token’s creator, from the API, and records the token’s use', async () => {
    const { org, streamId, tokenId, token } = await setup();
    const answer = await sendOne(t.db, {
      token,
      body: measurement(streamId, { note: 'from the ERP' }),
    });
    expect(answer.status, answer.text).toBe(201);
    expect(answer.body).toEqual({ added: 1, replaced: 0, skipped: 0 });
    expect(answer.headers.get('idempotent-replayed')).toBeNull();
    expect(await listMeasurements(t.db, org)).toMatchObject([
      {
        streamId,
        source: 'api',
        enteredBy: org.users.admin.id,
        apiTokenId: tokenId,
        leadTimeSeconds: 36_000,
        note: 'from the ERP',
        method: 'observed',
      },
    ]);
    expect((await tokenRow(t.db, org, tokenId))?.lastUsedAt).toBeInstanceOf(Date);
  });

  it('a batch is written all at once; sent again with a new key it skips; changed numbers replace (with an audit)', async () => {
    const { org, streamId, token } = await setup();
    const weeks = ['2026-01-05', '2026-01-12', '2026-01-19'].map((start, i) =>
      measurement(streamId, {
        periodStart: start,
        periodEnd: start.replace(/\d\d$/, (d) => String(Number(d) + 6).padStart(2, '0')),
        throughput: 10 + i,
      }),
    );
    expect((await sendBatch(t.db, { token, body: { measurements: weeks } })).body).toEqual({
      added: 3,
      replaced: 0,
      skipped: 0,
    });
    expect((await sendBatch(t.db, { token, body: { measurements: weeks } })).body).toEqual({
      added: 0,
      replaced: 0,
      skipped: 3,
    });
    const changed = [{ ...weeks[0], throughput: 99 }];
    expect((await sendBatch(t.db, { token, body: { measurements: changed } })).body).toEqual({
      added: 0,
      replaced: 1,
      skipped: 0,
    });
    const rows = await listMeasurements(t.db, org);
    expect(rows.map((r) => [r.periodStart, r.throughput]).sort()).toEqual([
      ['2026-01-05', 99],
      ['2026-01-12', 11],
      ['2026-01-19', 12],
    ]);
    expect(await as(t.db, org, 'owner').measurements.audit({ orgSlug: org.org.slug })).toHaveLength(
      1,
    );
  });

  it('refuses requests without a valid token with 401, never saying whether the organization exists', async () => {
    const { org, streamId, token, tokenId } = await setup();
    const body = measurement(streamId);
    const messages = new Set<string | undefined>();
    for (const bad of [
      null,
      'nonsense',
      `${token}x`,
      token.replace(/.{4}$/, 'AAAA'),
      generateApiToken(org.org.id),
      generateApiToken(crypto.randomUUID()),
    ]) {
      messages.add(
        (await expectRefused(org, () => sendOne(t.db, { token: bad, body }), 401, 'unauthorized'))
          ?.message,
      );
    }
    // A token whose organization part names another organization is unknown there.
    const other = await makeOrgWithRoles(t.db);
    const moved = token.replace(/^vs_[0-9a-f]{32}/, `vs_${other.org.id.replaceAll('-', '')}`);
    messages.add(
      (await expectRefused(org, () => sendOne(t.db, { token: moved, body }), 401, 'unauthorized'))
        ?.message,
    );
    expect([...messages].filter((m) => m !== 'This API token is not valid.')).toHaveLength(1); // the missing header says what to send
    // Revoked: refused, with a message saying so (the caller holds the real token).
    await as(t.db, org, 'admin').apiTokens.revoke({ orgSlug: org.org.slug, id: tokenId });
    const revoked = await expectRefused(
      org,
      () => sendOne(t.db, { token, body }),
      401,
      'unauthorized',
    );
    expect(revoked?.message).toMatch(/revoked/);
  });

  it('a token of organization A cannot write to organization B’s stream: 400 on streamId, nothing written in either', async () => {
    const a = await setup();
    const b = await setup();
    const beforeB = await apiState(t.db, b.org);
    const error = await expectRefused(
      a.org,
      () => sendOne(t.db, { token: a.token, body: measurement(b.streamId) }),
      400,
      'invalid',
      'streamId',
    );
    expect(error?.message).toBe('No value stream with this id in this organization.');
    await expectRefused(
      a.org,
      () =>
        sendBatch(t.db, {
          token: a.token,
          body: {
            measurements: [
              measurement(a.streamId),
              measurement(b.streamId, { periodStart: '2026-01-12', periodEnd: '2026-01-18' }),
            ],
          },
        }),
      400,
      'invalid',
      'measurements.1.streamId',
    );
    expect(await apiState(t.db, b.org)).toEqual(beforeB);
  });

  it('refuses bad headers and bodies: 415, 413, 400 for the key and for JSON', async () => {
    const { org, streamId, token } = await setup();
    const body = measurement(streamId);
    await expectRefused(
      org,
      () => sendOne(t.db, { token, body, headers: { 'content-type': 'text/plain' } }),
      415,
      'unsupported_media_type',
    );
    await expectRefused(
      org,
      () => sendOne(t.db, { token, body, key: null }),
      400,
      'idempotency_key_required',
      'Idempotency-Key',
    );
    await expectRefused(
      org,
      () => sendOne(t.db, { token, body, key: 'k'.repeat(256) }),
      400,
      'idempotency_key_invalid',
      'Idempotency-Key',
    );
    await expectRefused(
      org,
      () => sendOne(t.db, { token, body, key: 'a\u0001b' }),
      400,
      'idempotency_key_invalid',
      'Idempotency-Key',
    );
    await expectRefused(
      org,
      () => sendOne(t.db, { token, raw: '{"streamId": ' }),
      400,
      'invalid_json',
    );
    await expectRefused(org, () => sendOne(t.db, { token, raw: '' }), 400, 'invalid_json');
    await expectRefused(
      org,
      () => sendOne(t.db, { token, raw: `{"note":"${'x'.repeat(10 * 1024 * 1024)}"}` }),
      413,
      'body_too_large',
    );
    await expectRefused(
      org,
      () =>
        sendOne(t.db, {
          token,
          raw: '{}',
          headers: { 'content-length': String(50 * 1024 * 1024) },
        }),
      413,
      'body_too_large',
    );
    await expectRefused(org, () => sendOne(t.db, { token, body: [body] }), 400, 'invalid', 'body');
    expect(
      (
        await sendOne(t.db, {
          token,
          body,
          headers: { 'content-type': 'application/json; charset=UTF-8' },
        })
      ).status,
    ).toBe(201);
  });

  it.each([
    { what: 'a negative lead time', change: { leadTimeSeconds: -1 }, field: 'leadTimeSeconds' },
    {
      what: 'process time longer than lead time',
      change: { processTimeSeconds: 40_000 },
      field: 'processTimeSeconds',
    },
    { what: '%C&A over 100', change: { pctCompleteAccurate: 100.5 }, field: 'pctCompleteAccurate' },
    {
      what: 'a number sent as text',
      change: { leadTimeSeconds: '3600' },
      field: 'leadTimeSeconds',
    },
    { what: 'an end before the start', change: { periodEnd: '2026-01-04' }, field: 'periodEnd' },
    {
      what: 'a date that does not exist',
      change: { periodStart: '2026-02-30' },
      field: 'periodStart',
    },
    {
      what: 'a period far in the future',
      change: { periodStart: daysFromNow(30), periodEnd: daysFromNow(36) },
      field: 'periodStart',
    },
    { what: 'an unknown stream', change: { streamId: crypto.randomUUID() }, field: 'streamId' },
    { what: 'a stream id that is not a UUID', change: { streamId: 'stream-1' }, field: 'streamId' },
    { what: 'an unknown field (a typo)', change: { leadTime: 5 }, field: 'leadTime' },
    { what: 'a NUL character in the note', change: { note: 'a\u0000b' }, field: 'note' },
    { what: 'broken Unicode in the step name', change: { stepName: 'x\ud800' }, field: 'stepName' },
    {
      what: 'no number at all',
      change: { leadTimeSeconds: null, processTimeSeconds: null, pctCompleteAccurate: null },
      field: 'leadTimeSeconds',
    },
    { what: 'a cost too large to store', change: { cost: 1e12 }, field: 'cost' },
  ])('refuses $what with 400 on its field, single and in a batch', async ({ change, field }) => {
    const { org, streamId, token } = await setup();
    const bad = { ...measurement(streamId), ...change };
    const single = await expectRefused(
      org,
      () => sendOne(t.db, { token, body: bad }),
      400,
      'invalid',
      field,
    );
    expect(single?.message.length).toBeGreaterThan(5);
    const good = measurement(streamId, { periodStart: '2026-02-02', periodEnd: '2026-02-08' });
    await expectRefused(
      org,
      () => sendBatch(t.db, { token, body: { measurements: [good, bad] } }),
      400,
      'invalid',
      field && `measurements.1.${field}`,
    );
  });

  it('refuses an archived stream, and badly shaped batches', async () => {
    const { org, streamId, token } = await setup();
    const body = measurement(streamId);
    await expectRefused(
      org,
      () => sendBatch(t.db, { token, body: { measurements: [] } }),
      400,
      'invalid',
      'measurements',
    );
    await expectRefused(
      org,
      () => sendBatch(t.db, { token, body: { measurements: body } }),
      400,
      'invalid',
      'measurements',
    );
    await expectRefused(
      org,
      () => sendBatch(t.db, { token, body: [body] }),
      400,
      'invalid',
      'measurements',
    );
    await expectRefused(
      org,
      () => sendBatch(t.db, { token, body: { measurements: [body], extra: 1 } }),
      400,
      'invalid',
      'extra',
    );
    await expectRefused(
      org,
      () => sendBatch(t.db, { token, body: { measurements: [body, 'x'] } }),
      400,
      'invalid',
      'measurements.1',
    );
    await expectRefused(
      org,
      () =>
        sendBatch(t.db, {
          token,
          body: { measurements: Array.from({ length: 5001 }, () => body) },
        }),
      400,
      'invalid',
      'measurements',
    );
    const other = measurement(streamId, { throughput: 3 });
    const twice = await expectRefused(
      org,
      () => sendBatch(t.db, { token, body: { measurements: [body, other] } }),
      400,
      'invalid',
      'measurements.1.periodStart',
    );
    expect(twice?.message).toMatch(/Row 0 has other numbers/);
    await as(t.db, org, 'owner').streams.archive({ orgSlug: org.org.slug, id: streamId });
    const archived = await expectRefused(
      org,
      () => sendOne(t.db, { token, body }),
      400,
      'invalid',
      'streamId',
    );
    expect(archived?.message).toMatch(/archived/);
  });

  it('names unknown fields that share a name with Object’s own (valueOf, constructor, __proto__)', async () => {
    const { org, streamId, token } = await setup();
    for (const key of ['valueOf', 'constructor', 'toString', 'hasOwnProperty', '__proto__']) {
      const body = { ...measurement(streamId, { leadTimeSeconds: -1 }), [key]: [] };
      const error = await expectRefused(org, () => sendOne(t.db, { token, body }), 400, 'invalid');
      expect(error?.fields?.[key], key).toEqual([
        `Unknown field "${key}". The fields are listed in the API documentation.`,
      ]);
      await expectRefused(
        org,
        () => sendBatch(t.db, { token, body: { measurements: [measurement(streamId)], [key]: 1 } }),
        400,
        'invalid',
        key,
      );
    }
  });

  it('takes a batch of 5,000', async () => {
    const { org, streamId, token } = await setup();
    const start = Date.UTC(2000, 0, 3);
    const day = (n: number) => new Date(start + n * 86_400_000).toISOString().slice(0, 10);
    const rows = Array.from({ length: 5000 }, (_, i) =>
      measurement(streamId, {
        stepName: `Step ${i % 5}`,
        periodStart: day(Math.floor(i / 5) * 7),
        periodEnd: day(Math.floor(i / 5) * 7 + 6),
        throughput: i,
      }),
    );
    const answer = await sendBatch(t.db, { token, body: { measurements: rows } });
    expect(answer.status, answer.text.slice(0, 500)).toBe(201);
    expect(answer.body).toEqual({ added: 5000, replaced: 0, skipped: 0 });
    expect((await as(t.db, org, 'owner').measurements.list({ orgSlug: org.org.slug })).length).toBe(
      1000,
    ); // the list's page
  });
});
