/**
 * `POST /api/imports?org=<slug>`: a CSV import's checked rows, from the import page (signed in
 * with the session cookie, not an API token). Refusals before any work are JSON errors with a
 * status (401, 404, 403, 400, 413); once the rows are accepted for checking, the answer is a
 * stream of `ImportEvent`s, one JSON object per line, ending in `done`, `refused` or `failed`.
 */
import { z } from 'zod';
import type { Db } from '@/db/client';
import { findMembership, findOrgBySlug } from '@/db/queries/orgs';
import { withTenant } from '@/db/tenant';
import { importColumns, type ImportBody, type ImportEvent } from '@/lib/imports/wire';
import { announceChange, dataChanged } from '../dashboard-cache';
import { uniqueViolation } from '../db-errors';
import { AppError } from '../errors';
import { can } from '../permissions';
import { RowsRefused, runImport } from '../services/imports';
import { MAX_IMPORT_ROWS } from '../services/ingest';
import { readJson } from './request';
import { apiError, ApiResponseError } from './respond';

/** 250,000 rows of every field come to about 60 MB. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const bodySchema = z.object({
  fileName: z
    .string({ error: 'Name the file.' })
    .trim()
    .min(1, { error: 'Name the file.' })
    .max(255, { error: 'Use at most 255 characters.' }),
  columns: z
    .array(z.enum(importColumns, { error: 'Unknown column.' }))
    .refine((c) => new Set(c).size === c.length, { error: 'A column is named twice.' }),
  rows: z
    .array(z.unknown())
    .min(1, { error: 'The file has no rows to import.' })
    .max(MAX_IMPORT_ROWS, {
      error: `Import at most ${MAX_IMPORT_ROWS.toLocaleString('en')} rows at once.`,
    }),
});

function notFound() {
  return apiError(404, 'not_found', 'Organization not found.');
}

/** The import, for the signed-in user `userId` (null: signed out). */
export async function postImport(
  db: Db,
  userId: string | null,
  request: Request,
): Promise<Response> {
  if (!userId) return apiError(401, 'unauthorized', 'Sign in to continue.');
  const org = await findOrgBySlug(db, new URL(request.url).searchParams.get('org') ?? '');
  if (!org) return notFound();
  const role = await withTenant(
    db,
    { orgId: org.id, userId },
    async (tx) => (await findMembership(tx, { orgId: org.id, userId }))?.role,
  );
  if (!role) return notFound();
  if (!can(role, 'measurements:import'))
    return apiError(403, 'forbidden', 'Your role in this organization does not allow this.');
  let body: ImportBody;
  try {
    const parsed = bodySchema.safeParse(await readJson(request, MAX_IMPORT_BYTES));
    if (!parsed.success) {
      const fields: Record<string, string[]> = {};
      for (const issue of parsed.error.issues)
        (fields[issue.path.join('.') || 'body'] ??= []).push(issue.message);
      return apiError(
        400,
        'invalid',
        parsed.error.issues[0]?.message ?? 'The import is not valid.',
        { fields },
      );
    }
    body = parsed.data as ImportBody;
  } catch (error) {
    if (error instanceof ApiResponseError) return error.response;
    throw error;
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ImportEvent) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      const total = body.rows.length;
      try {
        const result = await withTenant(db, { orgId: org.id, userId }, async (tx) => {
          // Checked again in the writing transaction: the membership may have changed meanwhile.
          const member = await findMembership(tx, { orgId: org.id, userId });
          if (!member || !can(member.role, 'measurements:import'))
            throw new AppError('FORBIDDEN', 'Your role in this organization does not allow this.');
          const counts = await runImport(tx, { orgId: org.id, userId, role: member.role }, body, {
            onProgress: (checked) => send({ type: 'progress', checked, total }),
            onSaving: () => send({ type: 'saving', total }),
            signal: request.signal,
          });
          await announceChange(tx, org.id);
          return counts;
        });
        dataChanged(org.id);
        send({ type: 'done', ...result });
      } catch (error) {
        if (request.signal.aborted) return controller.close();
        if (error instanceof RowsRefused)
          send({ type: 'refused', errors: error.errors, errorCount: error.errorCount });
        else send({ type: 'failed', message: failure(error) });
      }
      controller.close();
    },
  });
  // `no-transform`: a compressing proxy (or `next start`) would hold the progress lines back.
  return new Response(stream, {
    status: 200,
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'cache-control': 'no-store, no-transform',
    },
  });
}

function failure(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const clash = uniqueViolation(error);
  if (clash)
    return `${clash.message} Someone saved a measurement for one of these periods during the import: import the file again.`;
  console.error('Import failed:', error);
  return 'The import failed on the server.';
}
