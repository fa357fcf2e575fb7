/**
 * A bare route handler: no session, no database. The liveness check for whoever runs the app
 * (`/api/ready` is the one that asks the database), and the ceiling `npm run bench` compares the
 * portfolio endpoint's requests per second with.
 */
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ ok: true });
}
