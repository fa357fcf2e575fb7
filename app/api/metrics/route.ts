/**
 * Prometheus metrics of this process (server/metrics.ts, plus the launcher's request counts and
 * times). In production only with `Authorization: Bearer $METRICS_TOKEN`, and not at all without
 * that setting; in development open.
 */
import crypto from 'node:crypto';
import { registry } from '@/server/metrics';

export const dynamic = 'force-dynamic';

function allowed(request: Request): boolean {
  if (process.env.NODE_ENV !== 'production') return true;
  const token = process.env.METRICS_TOKEN;
  if (!token) return false;
  const sent = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return sent.length === expected.length && crypto.timingSafeEqual(sent, expected);
}

export async function GET(request: Request) {
  if (!allowed(request)) return new Response('Not found', { status: 404 });
  return new Response(await registry.metrics(), {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
}
