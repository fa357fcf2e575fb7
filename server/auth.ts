import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { env } from '@/lib/env';
import { signInInput } from '@/lib/validation/auth';
import { getDb } from './db';
import { SignInRateLimited, verifyCredentials } from './services/accounts';

class RateLimited extends CredentialsSignin {
  code = 'rate_limited';
}

/** The address a request came from, as the Next server or a proxy in front of it reports it. */
export function clientAddress(headers: Headers): string {
  return (
    headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || 'unknown'
  );
}

// Configured lazily so that importing this module (e.g. during `next build`) reads no secret.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 3600 },
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
        try {
          const user = await verifyCredentials(await getDb(), {
            ...parsed.data,
            address: clientAddress(request.headers),
          });
          return user;
        } catch (error) {
          if (error instanceof SignInRateLimited) throw new RateLimited();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));

/** The signed-in user's id, or null. */
export async function currentUserId(): Promise<string | null> {
  const session = await auth();
  return session?.user?.id ?? null;
}
