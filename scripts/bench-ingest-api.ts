/** The API part of `npm run bench:ingest`: the batch handler, called with Requests (no socket). */
import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import type { CheckedRow } from '@/lib/csv/cells';
import { MAX_BATCH, postMeasurementBatch } from '@/server/api/measurements';
import type { createCaller } from '@/server/routers';

interface Ctx {
  org: { slug: string };
  caller: ReturnType<typeof createCaller>;
}

function request(token: string, key: string, body: string) {
  return new Request('http://bench.local/api/v1/measurements/batch', {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': key,
    },
    body,
  });
}

/**
 * Sends every row in batches of MAX_BATCH, `inFlight` requests at a time (1: one after another);
 * then replays the first batch.
 */
export async function apiBench(db: Db, ctx: Ctx, rows: CheckedRow[], inFlight = 1) {
  const { token } = await ctx.caller.apiTokens.create({
    orgSlug: ctx.org.slug,
    name: `bench ${crypto.randomUUID().slice(0, 8)}`,
  });
  const bodies: string[] = [];
  for (let i = 0; i < rows.length; i += MAX_BATCH)
    bodies.push(
      JSON.stringify({ measurements: rows.slice(i, i + MAX_BATCH).map((r) => r.values) }),
    );
  const keys = bodies.map(() => crypto.randomUUID());
  let added = 0;
  const started = performance.now();
  const queue = [...bodies.keys()];
  const send = async () => {
    for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
      const response = await postMeasurementBatch(
        db,
        request(token, keys[i] ?? '', bodies[i] ?? ''),
      );
      const json = (await response.json()) as { added?: number };
      if (response.status !== 201)
        throw new Error(`Batch ${i}: ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
      added += json.added ?? 0;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, send));
  const ms = performance.now() - started;
  if (added !== rows.length) throw new Error(`API: expected ${rows.length} added, got ${added}`);
  const replay = await postMeasurementBatch(db, request(token, keys[0] ?? '', bodies[0] ?? ''));
  return {
    ms,
    requests: bodies.length,
    batch: MAX_BATCH,
    inFlight,
    replayed: replay.headers.get('idempotent-replayed') === 'true',
  };
}
