/**
 * The API's Idempotency-Key rules: a replay returns the first response and adds nothing; the
 * same key with another body is 422; a key in flight is 409, and free again the moment its
 * request ends, however it ends (even with its connection cut); a refused request forgets its
 * key; concurrent replays write exactly once.
 */
import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { pruneKeys } from '@/db/queries/idempotency';
import { idempotencyKeys } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { requestHash } from '@/server/api/idempotency';
import { apiState, makeToken, sendBatch, sendOne } from './api-factories';
import {
  forEachDriver,
  makeOrgWithRoles,
  otherConnection,
  terminateBackend,
  type TestOrg,
} from './harness';
import { listMeasurements, measurement } from './measurement-factories';
import { makeStream } from './stream-factories';

forEachDriver('API idempotency', (t) => {
  async function setup() {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const { token } = await makeToken(t.db, org);
    return { org, streamId, token };
  }

  /** Puts a key's record in place as if a request had been answered `minutesAgo` minutes ago. */
  async function plantKey(org: TestOrg, key: string, body: unknown, opts: { minutesAgo: number }) {
    await withTenant(t.db, { orgId: org.org.id }, (tx) =>
      tx.insert(idempotencyKeys).values({
        orgId: org.org.id,
        key,
        requestHash: requestHash('POST', '/api/v1/measurements', body),
        responseStatus: 201,
        response: JSON.stringify({ added: 7, replaced: 0, skipped: 0 }),
        createdAt: sql`now() - make_interval(mins => ${opts.minutesAgo})`,
      }),
    );
  }

  it('a replay returns the first response, marked as replayed, and adds nothing; key order and spacing do not matter', async () => {
    const { org, streamId, token } = await setup();
    const body = measurement(streamId);
    const first = await sendOne(t.db, { token, key: 'order-1', body });
    expect(first.status).toBe(201);
    const before = await apiState(t.db, org);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(body).reverse()), null, 2);
    for (const again of [
      await sendOne(t.db, { token, key: 'order-1', body }),
      await sendOne(t.db, { token, key: 'order-1', raw: reordered }),
    ]) {
      expect(again.status).toBe(201);
      expect(again.text).toBe(first.text);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    }
    expect(await apiState(t.db, org)).toEqual(before);
    expect(before.keys).toEqual([{ key: 'order-1', responseStatus: 201 }]);
  });

  it('the same key with a different body, or on the other endpoint, is refused with 422 and changes nothing', async () => {
    const { org, streamId, token } = await setup();
    await sendOne(t.db, { token, key: 'k-1', body: measurement(streamId) });
    const before = await apiState(t.db, org);
    const other = await sendOne(t.db, {
      token,
      key: 'k-1',
      body: measurement(streamId, { throughput: 5 }),
    });
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({
      code: 'idempotency_key_reused',
      field: 'Idempotency-Key',
    });
    const batch = await sendBatch(t.db, {
      token,
      key: 'k-1',
      body: { measurements: [measurement(streamId)] },
    });
    expect(batch.status).toBe(422);
    expect(await apiState(t.db, org)).toEqual(before);
  });

  it('keys belong to the organization: another organization may use the same key', async () => {
    const a = await setup();
    const b = await setup();
    expect(
      (await sendOne(t.db, { token: a.token, key: 'shared', body: measurement(a.streamId) })).body,
    ).toEqual({ added: 1, replaced: 0, skipped: 0 });
    const inB = await sendOne(t.db, {
      token: b.token,
      key: 'shared',
      body: measurement(b.streamId),
    });
    expect(inB.body).toEqual({ added: 1, replaced: 0, skipped: 0 });
    expect(inB.headers.get('idempotent-replayed')).toBeNull();
  });

  it('a refused request forgets its key, so the sender can fix the body and retry with the same key', async () => {
    const { org, streamId, token } = await setup();
    const bad = await sendOne(t.db, {
      token,
      key: 'retry-me',
      body: measurement(streamId, { pctCompleteAccurate: 150 }),
    });
    expect(bad.status).toBe(400);
    expect((await apiState(t.db, org)).keys).toEqual([]);
    const fixed = await sendOne(t.db, {
      token,
      key: 'retry-me',
      body: measurement(streamId, { pctCompleteAccurate: 95 }),
    });
    expect(fixed.status).toBe(201);
    expect(fixed.body).toEqual({ added: 1, replaced: 0, skipped: 0 });
  });

  // PGlite is one session: a request waits for any open transaction, so no key is ever in flight there.
  it.skipIf(t.driver === 'pglite')(
    'a key in flight is 409 (another body: 422); the moment its request ends, or its connection is cut, the key is answered',
    async () => {
      const { org, streamId, token } = await setup();
      const body = measurement(streamId);
      // Another process's request in progress: a transaction holding the key's lock.
      const other = await otherConnection(t.db);
      try {
        const inProgress = await other.reserve();
        await inProgress`begin`;
        const [held] = await inProgress<{ pid: number; locked: boolean }[]>`
          select pg_backend_pid() as pid,
            pg_try_advisory_xact_lock(hashtextextended(${`${org.org.id}:busy`}, 0)) as locked`;
        expect(held?.locked).toBe(true);
        const busy = await sendOne(t.db, { token, key: 'busy', body });
        expect(busy.status).toBe(409);
        expect(busy.body.error).toMatchObject({
          code: 'idempotency_key_in_flight',
          field: 'Idempotency-Key',
        });
        expect(busy.headers.get('retry-after')).toBe('1');
        expect(await listMeasurements(t.db, org)).toEqual([]);

        // Its connection dies mid-way (a killed server, a cut network): the key is free at once.
        await terminateBackend(held?.pid ?? 0);
        const retried = await sendOne(t.db, { token, key: 'busy', body });
        expect(retried.status, retried.text).toBe(201);
        expect(retried.body).toEqual({ added: 1, replaced: 0, skipped: 0 });
        const reused = await sendOne(t.db, { token, key: 'busy', body: { ...body, wip: 2 } });
        expect(reused.status).toBe(422);
      } finally {
        await other.end();
      }
    },
  );

  it('keys are kept a day: an expired key starts afresh, and pruning deletes only keys older than a day', async () => {
    const { org, streamId, token } = await setup();
    const body = measurement(streamId);
    await plantKey(org, 'old', { something: 'else' }, { minutesAgo: 25 * 60 });
    await plantKey(org, 'old-2', body, { minutesAgo: 25 * 60 });
    await plantKey(org, 'recent', body, { minutesAgo: 23 * 60 });
    const fresh = await sendOne(t.db, { token, key: 'old', body });
    expect(fresh.status).toBe(201);
    expect(fresh.body).toEqual({ added: 1, replaced: 0, skipped: 0 });
    const replayed = await sendOne(t.db, { token, key: 'recent', body });
    expect(replayed.body).toEqual({ added: 7, replaced: 0, skipped: 0 }); // the stored answer, not a new run
    expect(await withTenant(t.db, { orgId: org.org.id }, (tx) => pruneKeys(tx, org.org.id))).toBe(
      1,
    );
    expect((await apiState(t.db, org)).keys.map((k) => k.key)).toEqual(['old', 'recent']);
  });

  it('ten identical requests at once write exactly once; the others are replays or 409', async () => {
    const { org, streamId, token } = await setup();
    const body = {
      measurements: [
        measurement(streamId),
        measurement(streamId, { periodStart: '2026-01-12', periodEnd: '2026-01-18' }),
      ],
    };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => sendBatch(t.db, { token, key: 'burst', body })),
    );
    const statuses = answers.map((a) => a.status);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      statuses.join(','),
    ).toBe(true);
    const fresh = answers.filter(
      (a) => a.status === 201 && a.headers.get('idempotent-replayed') === null,
    );
    expect(fresh).toHaveLength(1);
    for (const a of answers.filter((x) => x.status === 201))
      expect(a.body).toEqual({ added: 2, replaced: 0, skipped: 0 });
    for (const a of answers.filter((x) => x.status === 409))
      expect(a.body.error?.code).toBe('idempotency_key_in_flight');
    expect(await listMeasurements(t.db, org)).toHaveLength(2);
    expect((await apiState(t.db, org)).keys).toEqual([{ key: 'burst', responseStatus: 201 }]);
    // Afterwards, every retry is a replay.
    const late = await sendBatch(t.db, { token, key: 'burst', body });
    expect(late.headers.get('idempotent-replayed')).toBe('true');
  });

  it('concurrent requests with different keys and the same rows still store them once', async () => {
    const { org, streamId, token } = await setup();
    const body = measurement(streamId);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => sendOne(t.db, { token, body })),
    );
    for (const a of answers) expect([201, 409], a.text).toContain(a.status);
    expect(answers.filter((a) => a.status === 201 && a.body.added === 1)).toHaveLength(1);
    expect(await listMeasurements(t.db, org)).toHaveLength(1);
  });
});
