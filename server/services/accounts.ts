import type { Db } from '@/db/client';
import {
  clearFailures,
  countFailuresSince,
  deleteFailures,
  findUserByEmail,
  insertUserUnlessEmailTaken,
  recordFailures,
} from '@/db/queries/users';
import type { SignUpValues } from '@/lib/validation/auth';
import { AppError } from '../errors';
import { createOrganization } from './orgs';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;

/** Creates the user and, when named, their first organization with them as owner. */
export async function signUp(db: Db, input: SignUpValues) {
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // A conditional insert rather than look-then-insert: two sign-ups racing with one email
    // would otherwise fail on the unique index (a 500) instead of getting this CONFLICT.
    const user = await insertUserUnlessEmailTaken(tx as unknown as Db, {
      name: input.name,
      email: input.email,
      passwordHash,
    });
    if (!user) {
      throw new AppError(
        'CONFLICT',
        'An account with this email already exists. Sign in instead.',
        'email',
      );
    }
    const org = input.orgName
      ? await createOrganization(tx as unknown as Db, { name: input.orgName, ownerId: user.id })
      : null;
    return { user, org };
  });
}

export class SignInRateLimited extends Error {
  constructor(readonly retryAfterMs: number) {
    super('Too many failed sign-ins');
  }
}

/**
 * Checks an email and password. Returns the user, or null for a wrong pair; throws
 * SignInRateLimited when the account or the address has failed too often recently.
 */
export async function verifyCredentials(
  db: Db,
  params: { email: string; password: string; address: string; now?: Date },
) {
  const now = params.now ?? new Date();
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MS);
  const accountKey = `email:${params.email.trim().toLowerCase()}`;
  const addressKey = `ip:${params.address}`;
  // Count this attempt as a failure before checking the limits, so that attempts made in parallel
  // count each other: checking first let any number of simultaneous guesses through.
  const attempt = await recordFailures(
    db,
    [accountKey, addressKey],
    new Date(now.getTime() - 24 * 3600_000),
  );
  for (const [key, max] of [
    [accountKey, MAX_FAILURES_PER_ACCOUNT],
    [addressKey, MAX_FAILURES_PER_ADDRESS],
  ] as const) {
    const { count, oldest } = await countFailuresSince(db, key, since);
    if (count > max) {
      await deleteFailures(db, attempt); // a refused attempt is no guess, and must not prolong the wait
      const retryAfterMs =
        (oldest ? oldest.getTime() + SIGN_IN_WINDOW_MS : now.getTime()) - now.getTime();
      throw new SignInRateLimited(Math.max(retryAfterMs, 1000));
    }
  }
  const user = await findUserByEmail(db, params.email.trim().toLowerCase());
  const ok = user
    ? await verifyPassword(user.passwordHash, params.password)
    : (await burnPasswordCheck(params.password), false);
  if (!user || !ok) return null; // the attempt stays recorded as a failure
  await clearFailures(db, accountKey);
  await deleteFailures(db, attempt);
  return { id: user.id, name: user.name, email: user.email };
}
