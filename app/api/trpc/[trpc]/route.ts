import { handleTrpc } from '@/server/api/trpc';
import { addressOf, currentSession } from '@/server/auth';
import { getDb } from '@/server/db';

function handler(req: Request) {
  return handleTrpc(req, async () => ({
    db: await getDb(),
    // A route handler may write the cookie: a session's day-old secret is replaced here.
    session: await currentSession({ rotate: true }),
    address: addressOf(req.headers),
  }));
}

export { handler as GET, handler as POST };
