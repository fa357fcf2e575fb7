import { getReadDb } from './db';
import { type ReadRoute, wroteCookieOf } from './replica';

/**
 * A request's read route: the replica (null without DATABASE_READ_URL) and the caller's
 * `vs-wrote` cookie from its Cookie header; `setCookie` sends one back with the response.
 */
export async function readRoute(
  cookieHeader: string | null,
  setCookie?: (header: string) => void,
): Promise<ReadRoute | null> {
  const db = await getReadDb();
  return db ? { db, cookie: wroteCookieOf(cookieHeader), setCookie } : null;
}
