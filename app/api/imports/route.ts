import { postImport } from '@/server/api/imports';
import { apiRoute } from '@/server/api/route';
import { currentSession } from '@/server/auth';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** A CSV import's checked rows, from the import page; the answer streams its progress. */
export const POST = apiRoute(async (db, request) =>
  postImport(db, await currentSession(), request),
);
