/**
 * `POST /api/imports?org=<slug>`: a CSV import's checked rows, from the import page (signed in
 * with the session cookie, not an API token). Refusals before any work are JSON errors with a
 * status (403 from another site, 401, 404, 403, 429, 415, 413, 400); once the rows are accepted for checking, the answer is a
 * stream of `ImportEvent`s, one JSON object per line, ending in `done`, `refused` or `failed`.
 */
import type { Db } from '@/db/client';
import type { ImportEvent } from '@/lib/imports/wire';
import { uniqueViolation } from '../db-errors';
import { AppError } from '../errors';
import { RowsRefused, runImport } from '../services/imports';
import type { SessionClaim } from '../services/sessions';
import { enterTenant, type Caller } from '../tenant';
import { errorResponse } from './errors';
import { readImport } from './import-body';
import { crossSiteRefusal, isCrossSite } from './request';
import { apiError } from './respond';
import { log } from '../log';
import { failures } from '../metrics';

/**
 * Imports this process takes at once: each holds its body's bytes (up to 64 MB) and a database
 * connection for seconds, so past this a person is asked to try again rather than everyone slowed.
 */
const state = globalThis as typeof globalThis & { __valuestreamImports?: { running: number } };
const imports = (state.__valuestreamImports ??= { running: 0 });

/** How many imports this process is taking now. */
export function importsRunning(): number {
  return imports.running;
}

export function importConcurrency(): number {
  const n = Number(process.env.IMPORT_CONCURRENCY ?? '');
  return Number.isInteger(n) && n > 0 ? n : 2;
}

/** The import, for what the session cookie claims (null: signed out). */
export async function postImport(
  db: Db,
  session: SessionClaim | null,
  request: Request,
): Promise<Response> {
  if (isCrossSite(request)) return crossSiteRefusal();
  const orgSlug = new URL(request.url).searchParams.get('org') ?? '';
  const caller: Caller = { kind: 'member', session, orgSlug };
  const door = { permission: 'measurements:import', write: true } as const;
  try {
    // Through the door once before the body is read, to answer 401, 404 or 403 at once.
    await enterTenant(db, caller, { ...door, write: false }, async () => undefined);
  } catch (error) {
    return errorResponse(error);
  }
  if (imports.running >= importConcurrency()) {
    return apiError(
      429,
      'too_many_requests',
      'The server is busy with other imports. Nothing was saved: try again in a minute.',
      { headers: { 'retry-after': '30' } },
    );
  }
  imports.running += 1;
  let released = false;
  const release = () => {
    if (!released) imports.running -= 1;
    released = true;
  };
  let body: Awaited<ReturnType<typeof readImport>>;
  try {
    body = await readImport(request);
  } catch (error) {
    release();
    return errorResponse(error);
  }

  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (event: ImportEvent) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      const total = body.rows.total;
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
      } finally {
        release();
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
  failures.inc({ kind: 'internal' });
  log.error({ err: error }, 'Import failed');
  return 'The import failed on the server.';
}
