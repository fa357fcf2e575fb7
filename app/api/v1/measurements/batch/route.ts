import { postMeasurementBatch } from '@/server/api/measurements';
import { apiRoute } from '@/server/api/route';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** Up to 5,000 measurements, all or nothing; see docs/api.md. */
export const POST = apiRoute(postMeasurementBatch);
