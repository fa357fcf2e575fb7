import { handleTrpc } from '@/server/api/trpc';
import { addressOf, currentSession } from '@/server/auth';
import { getDb } from '@/server/db';
import { readRoute } from '@/server/replica-route';

function handler(req: Request) {
  return handleTrpc(req, async (resHeaders) => ({
    db: await getDb(),
    // A route handler may write the cookie: a session's day-old secret is replaced here.
    session: await currentSession({ rotate: true }),
    address: addressOf(req.headers),
    // Dashboards may read on the replica; a write sends its WAL position back as a cookie.
    route: await readRoute(req.headers.get('cookie'), (cookie) =>
      resHeaders.append('set-cookie', cookie),
    ),
  }));
}

export { handler as GET, handler as POST };
