import type { Db } from '@/db/client';
import { deleteSessionsOf } from '@/db/queries/sessions';
import {
  findPasswordHash,
  findUserByEmail,
  findUserById,
  insertUserUnlessEmailTaken,
  updatePasswordHash,
} from '@/db/queries/users';
import { withUser } from '@/db/tenant';
import { signUpLimitPerHour } from '@/lib/env';
import type { ChangePasswordValues, SignUpValues } from '@/lib/validation/auth';
import { AppError } from '../errors';
import { createOrganization } from './orgs';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';
import { attempt, clearAttempts, type Limit } from './rate-limits';

export const SIGN_IN_WINDOW_MS = 15 * 60_000;
/** Wrong passwords for one account from one address, within the window. */
export const MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS = 5;
/** Wrong passwords from one address, whatever the accounts, within the window. */
export const MAX_FAILURES_PER_ADDRESS = 30;
export const SIGN_UP_WINDOW_MS = 3600_000;

/**
 * The limits of a sign-in from `address` to the account `email`. The account is limited only
 * together with the address: someone guessing from elsewhere cannot lock its owner out.
 */
function signInLimits(email: string, address: string): [Limit, Limit] {
  return [
    {
      key: `sign-in:account+address:${email}|${address}`,
      max: MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
      windowMs: SIGN_IN_WINDOW_MS,
    },
    {
      key: `sign-in:address:${address}`,
      max: MAX_FAILURES_PER_ADDRESS,
      windowMs: SIGN_IN_WINDOW_MS,
    },
  ];
}

/**
 * Creates the user and, when named, their first organization with them as owner. The answer is
 * the same whether or not the email already had an account (nothing is created then, and a hash
 * is computed all the same, so the time taken tells nothing either): the person signs in next.
 * Limited per address before any password is hashed.
 */
export async function signUp(
  db: Db,
  input: SignUpValues,
  params: { address: string; now?: Date },
): Promise<void> {
  await attempt(
    db,
    [
      {
        key: `sign-up:address:${params.address}`,
        max: signUpLimitPerHour(),
        windowMs: SIGN_UP_WINDOW_MS,
      },
    ],
    params.now,
  );
  if (await findUserByEmail(db, input.email)) {
    await hashPassword(input.password);
    return;
  }
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    // A conditional insert: a sign-up racing this one with the same email wins quietly.
    const user = await insertUserUnlessEmailTaken(tx as unknown as Db, {
      name: input.name,
      email: input.email,
      passwordHash,
    });
    if (user && input.orgName) {
      await createOrganization(tx as unknown as Db, { name: input.orgName, ownerId: user.id });
    }
  });
}

/**
 * Checks an email and password. Returns the user, or null for a wrong pair; throws RateLimited
 * when this account from this address, or this address, has failed too often recently.
 */
export async function verifyCredentials(
  db: Db,
  params: { email: string; password: string; address: string; now?: Date },
) {
  const email = params.email.trim().toLowerCase();
  const limits = signInLimits(email, params.address);
  // Counted as a failure before the check, so that guesses made in parallel count each other.
  const tried = await attempt(db, limits, params.now);
  const user = await findUserByEmail(db, email);
  const ok = user
    ? await verifyPassword(user.passwordHash, params.password)
    : (await burnPasswordCheck(params.password), false);
  if (!user || !ok) return null; // the attempt stays counted as a failure
  await clearAttempts(db, limits[0].key);
  await tried.forget();
  return { id: user.id, name: user.name, email: user.email };
}

/**
 * Changes the signed-in user's password, and ends every other session of theirs (whoever holds
 * one with the old password is out). A wrong current password counts as a failed sign-in.
 */
export async function changePassword(
  db: Db,
  params: {
    /** The person, and the session they change it from (checked live: `authedProcedure`). */
    userId: string;
    sessionId: string;
    address: string;
    input: ChangePasswordValues;
    now?: Date;
  },
) {
  const { userId, sessionId } = params;
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('UNAUTHORIZED', 'Sign in to continue.');
  const limits = signInLimits(user.email, params.address);
  const tried = await attempt(db, limits, params.now);
  const currentHash = await findPasswordHash(db, userId);
  if (!currentHash || !(await verifyPassword(currentHash, params.input.currentPassword))) {
    throw new AppError('BAD_REQUEST', 'This is not your current password.', 'currentPassword');
  }
  await tried.forget();
  const passwordHash = await hashPassword(params.input.newPassword);
  // One transaction as the user (app.user_id): the users table lets a person change only their
  // own row, and the new password and the end of the other sessions land together.
  const ended = await withUser(db, userId, async (tx) => {
    if (!(await updatePasswordHash(tx, { userId, passwordHash }))) {
      throw new Error('the password of the signed-in user was not updated');
    }
    return deleteSessionsOf(tx, { userId, keepId: sessionId });
  });
  return { otherSessionsEnded: ended };
}
