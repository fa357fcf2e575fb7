import { postMeasurement } from '@/server/api/measurements';
import { apiRoute } from '@/server/api/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** One measurement; see docs/api.md. */
export const POST = apiRoute(postMeasurement);
