import { checkReadiness } from '@/server/readiness';
import { getDb } from '@/server/db';

/**
 * Readiness for a load balancer: 200 `{ ready: true }` when the database answers and its schema is
 * migrated; otherwise 503 with a short reason, within about two seconds. `/api/health` is the
 * bare liveness check (no database).
 */
export const dynamic = 'force-dynamic';

export async function GET() {
  const readiness = await checkReadiness(getDb);
  return Response.json(readiness, {
    status: readiness.ready ? 200 : 503,
    headers: { 'cache-control': 'no-store' },
  });
}
