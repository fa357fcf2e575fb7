import type { Db } from '@/db/client';
import { getDb } from '../db';
import { log } from '../log';
import { apiError } from './respond';

/** A route handler for an API function: the app's database, and a JSON 503 if it cannot be opened. */
export function apiRoute(fn: (db: Db, request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    let db: Db;
    try {
      db = await getDb();
    } catch (error) {
      log.error({ err: error }, 'API: the database could not be opened');
      return apiError(
        503,
        'unavailable',
        'The service is starting or unavailable; nothing was saved. Retry in a moment.',
        { headers: { 'retry-after': '5' } },
      );
    }
    return fn(db, request);
  };
}
