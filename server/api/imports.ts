/**
 * `POST /api/imports?org=<slug>`: a CSV import's checked rows, from the import page (signed in
 * with the session cookie, not an API token). Refusals before any work are JSON errors with a
 * status (401, 404, 403, 400, 413); once the rows are accepted for checking, the answer is a
 * stream of `ImportEvent`s, one JSON object per line, ending in `done`, `refused` or `failed`.
 */
import { z } from 'zod';
import { lineText } from '@/lib/validation/text';
import type { Db } from '@/db/client';
import { importColumns, type ImportBody, type ImportEvent } from '@/lib/imports/wire';
import { uniqueViolation } from '../db-errors';
import { AppError } from '../errors';
import { RowsRefused, runImport } from '../services/imports';
import { MAX_IMPORT_ROWS } from '../services/ingest';
import { enterTenant, type Caller } from '../tenant';
import { errorResponse } from './errors';
import { crossSiteRefusal, isCrossSite, readJson } from './request';
import { apiError } from './respond';

/** 250,000 rows of every field come to about 60 MB. */
const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const bodySchema = z.object({
  fileName: lineText(255, 'Use at most 255 characters.').min(1, { error: 'Name the file.' }),
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

/** The import, for the signed-in user `userId` (null: signed out). */
export async function postImport(
  db: Db,
  userId: string | null,
  request: Request,
): Promise<Response> {
  if (isCrossSite(request)) return crossSiteRefusal();
  const orgSlug = new URL(request.url).searchParams.get('org') ?? '';
  const caller: Caller = { kind: 'member', userId, orgSlug };
  const door = { permission: 'measurements:import', write: true } as const;
  try {
    // Through the door once before the body is read, to answer 401, 404 or 403 at once.
    await enterTenant(db, caller, { ...door, write: false }, async () => undefined);
  } catch (error) {
    return errorResponse(error);
  }
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
    return errorResponse(error);
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ImportEvent) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      const total = body.rows.length;
      try {
        // Through the door again to write: the membership may have changed since.
        const result = await enterTenant(db, caller, door, ({ db: tx, actor }) =>
          runImport(tx, actor, body, {
            onProgress: (checked) => send({ type: 'progress', checked, total }),
            onSaving: () => send({ type: 'saving', total }),
            signal: request.signal,
          }),
        );
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
