/**
 * Factories for the HTTP API's integration tests (api-*.test.ts): tokens made through the
 * tRPC router as an admin would, and requests sent straight to the server/api functions.
 */
import type { Role } from '@/lib/domain';
import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { apiTokens, idempotencyKeys } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { postMeasurement, postMeasurementBatch } from '@/server/api/measurements';
import { type TestOrg } from './harness';
import { listMeasurements } from './measurement-factories';
import { as } from './stream-factories';

export const BASE = 'http://localhost/api/v1/measurements';

/** Creates a token (as the organization's admin unless told) and returns its id and secret. */
export async function makeToken(db: Db, t: TestOrg, opts: { by?: Role; name?: string } = {}) {
  const created = await as(db, t, opts.by ?? 'admin').apiTokens.create({
    orgSlug: t.org.slug,
    name: opts.name ?? `Sender ${crypto.randomUUID().slice(0, 8)}`,
  });
  return { id: created.id, token: created.token };
}

export interface SendOptions {
  token?: string | null;
  /** The Idempotency-Key; a new UUID unless given (null: no header). */
  key?: string | null;
  body?: unknown;
  /** Sent as is instead of `body`'s JSON. */
  raw?: string;
  headers?: Record<string, string>;
}

export function apiRequest(url: string, opts: SendOptions = {}): Request {
  const headers = new Headers({ 'content-type': 'application/json', ...opts.headers });
  if (opts.token !== null && opts.token !== undefined)
    headers.set('authorization', `Bearer ${opts.token}`);
  const key = opts.key === undefined ? crypto.randomUUID() : opts.key;
  if (key !== null) headers.set('idempotency-key', key);
  return new Request(url, {
    method: 'POST',
    headers,
    body: opts.raw ?? JSON.stringify(opts.body ?? {}),
  });
}

export interface Answer {
  status: number;
  body: {
    added?: number;
    replaced?: number;
    skipped?: number;
    error?: { code: string; message: string; field?: string; fields?: Record<string, string[]> };
  };
  headers: Headers;
  text: string;
}

async function answerOf(response: Response): Promise<Answer> {
  const text = await response.text();
  return {
    status: response.status,
    body: JSON.parse(text) as Answer['body'],
    headers: response.headers,
    text,
  };
}

/** POST /api/v1/measurements with one measurement. */
export async function sendOne(db: Db, opts: SendOptions): Promise<Answer> {
  return answerOf(await postMeasurement(db, apiRequest(BASE, opts)));
}

/** POST /api/v1/measurements/batch; `opts.body` is the whole body. */
export async function sendBatch(db: Db, opts: SendOptions): Promise<Answer> {
  return answerOf(await postMeasurementBatch(db, apiRequest(`${BASE}/batch`, opts)));
}

/** The organization's measurements and audit, and the idempotency keys it holds: to compare before and after. */
export async function apiState(db: Db, t: TestOrg) {
  const keys = await withTenant(db, { orgId: t.org.id }, (tx) =>
    tx
      .select({ key: idempotencyKeys.key, responseStatus: idempotencyKeys.responseStatus })
      .from(idempotencyKeys)
      .where(eq(idempotencyKeys.orgId, t.org.id)),
  );
  return {
    measurements: await listMeasurements(db, t),
    keys: keys.sort((a, b) => a.key.localeCompare(b.key)),
  };
}

/** The stored token row (hash included), read inside the tenant transaction. */
export async function tokenRow(db: Db, t: TestOrg, id: string) {
  const rows = await withTenant(db, { orgId: t.org.id }, (tx) =>
    tx.select().from(apiTokens).where(eq(apiTokens.orgId, t.org.id)),
  );
  return rows.find((r) => r.id === id);
}
