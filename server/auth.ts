import NextAuth, { CredentialsSignin } from 'next-auth';
import type { JWT } from 'next-auth/jwt';
import Credentials from 'next-auth/providers/credentials';
import { clientAddress } from '@/lib/auth/client-address';
import { env, trustedProxyHops } from '@/lib/env';
import { signInInput } from '@/lib/validation/auth';
import { getDb } from './db';
import { verifyCredentials } from './services/accounts';
import { RateLimited } from './services/rate-limits';
import {
  checkSession,
  endSession,
  hashSessionSecret,
  ROTATE_AFTER_MS,
  rotateSession,
  SESSION_MS,
  type SessionClaim,
  startSession,
} from './services/sessions';

declare module 'next-auth' {
  interface User {
    /** The new session's secret, from a successful sign-in to the JWT (never to the browser). */
    sessionSecret?: string;
  }
  interface Session {
    /** SHA-256 of the session's secret: what the database checks (a hash alone opens nothing). */
    sessionKey?: string;
    /** The secret is old enough to be replaced (see rotateSessionIfDue). */
    rotationDue?: boolean;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The session's secret (the cookie is encrypted). */
    sid?: string;
    /** When the secret was drawn or last replaced (ms since the epoch). */
    rotatedAt?: number;
  }
}

class SignInRateLimited extends CredentialsSignin {
  code = 'rate_limited';
}

/** The address of a request, by the TRUSTED_PROXY_HOPS setting. */
export function addressOf(headers: Headers): string {
  return clientAddress(headers, trustedProxyHops());
}

function claimOf(token: JWT | null | undefined): SessionClaim | null {
  if (!token?.sub || typeof token.sid !== 'string') return null;
  return { userId: token.sub, secretHash: hashSessionSecret(token.sid) };
}

// Configured lazily so that importing this module (e.g. during `next build`) reads no secret.
export const { handlers, auth, signIn, signOut, unstable_update } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  // The cookie's end; the session's own absolute end is in the database (sessions.expires_at).
  session: { strategy: 'jwt', maxAge: SESSION_MS / 1000 },
  pages: { signIn: '/sign-in' },
  logger: {
    // A wrong password or a rate-limited sign-in is an answer, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') return;
      console.error(error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(raw, request) {
        const parsed = signInInput.safeParse(raw);
        if (!parsed.success) return null;
        const db = await getDb();
        try {
          const user = await verifyCredentials(db, {
            ...parsed.data,
            address: addressOf(request.headers),
          });
          if (!user) return null;
          const { secret } = await startSession(db, {
            userId: user.id,
            userAgent: request.headers.get('user-agent') ?? '',
          });
          return { ...user, sessionSecret: secret };
        } catch (error) {
          if (error instanceof RateLimited) throw new SignInRateLimited();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger }) {
      if (user?.id && user.sessionSecret) {
        return { ...token, sub: user.id, sid: user.sessionSecret, rotatedAt: Date.now() };
      }
      if (trigger === 'update' && token.sub && token.sid && rotationDue(token)) {
        const next = await rotateSession(await getDb(), { userId: token.sub, secret: token.sid });
        if (!next) return null; // the session has ended: drop the cookie
        return { ...token, sid: next, rotatedAt: Date.now() };
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      const claim = claimOf(token);
      if (claim) session.sessionKey = claim.secretHash;
      session.rotationDue = rotationDue(token);
      return session;
    },
  },
  events: {
    // Signing out ends the session in the database, not only the cookie in this browser.
    async signOut(message) {
      const claim = 'token' in message ? claimOf(message.token) : null;
      if (claim) await endSession(await getDb(), claim);
    },
  },
}));

function rotationDue(token: JWT): boolean {
  return typeof token.rotatedAt !== 'number' || Date.now() - token.rotatedAt > ROTATE_AFTER_MS;
}

/**
 * What the request's session cookie claims (checked against the database by the door, or by
 * `authedProcedure`), or null when it has none. With `rotate`, a secret a day old is replaced
 * first and the new cookie written: only where a response can still set cookies (route handlers
 * and server actions, not server components).
 */
export async function currentSession(
  options: { rotate?: boolean } = {},
): Promise<SessionClaim | null> {
  let session = await auth();
  if (options.rotate && session?.sessionKey && session.rotationDue) {
    session = await unstable_update({});
  }
  const userId = session?.user?.id;
  if (!userId || !session?.sessionKey) return null;
  return { userId, secretHash: session.sessionKey };
}

/** The signed-in user's id while their session is live (checked in the database), or null. */
export async function currentUserId(): Promise<string | null> {
  const claim = await currentSession();
  return claim && (await checkSession(await getDb(), claim)) ? claim.userId : null;
}
