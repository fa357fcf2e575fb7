/**
 * Sessions of signed-in browsers (decision 0024). The next-auth cookie (an encrypted JWT)
 * carries the user's id and a random secret; the `sessions` table keeps a SHA-256 of the secret.
 * A request is signed in only while its session's row is live, so deleting the row signs that
 * browser out on its very next request: at sign-out, at a password change (every other session)
 * and with "sign out everywhere". A session ends SESSION_DAYS after sign-in whatever its use; its
 * secret is replaced once a day, the old one accepted ROTATION_GRACE_MS longer for requests
 * already on their way.
 */
import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import {
  deleteSessionBySecret,
  deleteSessionsOf,
  findLiveSession,
  insertSession,
  listSessionsOf,
  rotateSessionSecret,
  type SessionCheck,
} from '@/db/queries/sessions';
import { withUser } from '@/db/tenant';

/** The absolute lifetime of a session, from sign-in. */
export const SESSION_DAYS = 7;
export const SESSION_MS = SESSION_DAYS * 24 * 3600_000;
/** How old a secret may grow before it is replaced. */
export const ROTATE_AFTER_MS = 24 * 3600_000;
/** How long the secret before a rotation is still accepted. */
export const ROTATION_GRACE_MS = 120_000;
/** "Last seen" is written at most this often, not on every request. */
export const SEEN_EVERY_MS = 5 * 60_000;

/** What a session cookie claims: the user, and the hash of the secret it carries. */
export interface SessionClaim {
  userId: string;
  secretHash: string;
}

export function newSessionSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export function hashSessionSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

/**
 * The secret that replaces `secret` at its rotation. Derived, not drawn, so two requests of one
 * browser that rotate at the same moment arrive at the same secret and neither signs it out.
 * Only the server can put a secret in a cookie (the cookie is encrypted with AUTH_SECRET).
 */
export function nextSessionSecret(secret: string): string {
  return crypto.createHash('sha256').update(`rotate\u0000${secret}`).digest('base64url');
}

/** How the database judges `claim` at `now`. */
export function sessionCheck(claim: SessionClaim, now = new Date()): SessionCheck {
  return { ...claim, now, graceSince: new Date(now.getTime() - ROTATION_GRACE_MS) };
}

/** When a session seen last before it is marked seen again. */
export function staleBefore(now: Date): Date {
  return new Date(now.getTime() - SEEN_EVERY_MS);
}

/** Starts a session for a user who just proved their password; returns the cookie's secret. */
export async function startSession(
  db: Db,
  params: { userId: string; userAgent?: string; now?: Date },
) {
  const now = params.now ?? new Date();
  const secret = newSessionSecret();
  const id = await withUser(db, params.userId, (tx) =>
    insertSession(tx, {
      userId: params.userId,
      secretHash: hashSessionSecret(secret),
      now,
      expiresAt: new Date(now.getTime() + SESSION_MS),
      userAgent: (params.userAgent ?? '').slice(0, 300),
    }),
  );
  return { id, secret };
}

/** The id of the live session `claim` names (and marks it seen), or null: signed out. */
export async function checkSession(
  db: Db,
  claim: SessionClaim | null,
  now = new Date(),
): Promise<string | null> {
  if (!claim) return null;
  const id = await withUser(db, claim.userId, (tx) =>
    findLiveSession(tx, sessionCheck(claim, now), staleBefore(now)),
  );
  return id ?? null;
}

/**
 * Replaces the session's secret by the next one; returns it, or null when the session has ended
 * (the cookie is then dropped).
 */
export async function rotateSession(
  db: Db,
  params: { userId: string; secret: string; now?: Date },
): Promise<string | null> {
  const next = nextSessionSecret(params.secret);
  const ok = await withUser(db, params.userId, (tx) =>
    rotateSessionSecret(tx, {
      userId: params.userId,
      currentHash: hashSessionSecret(params.secret),
      nextHash: hashSessionSecret(next),
      now: params.now ?? new Date(),
    }),
  );
  return ok ? next : null;
}

/** Ends the session `claim` names (signing out). */
export function endSession(db: Db, claim: SessionClaim): Promise<void> {
  return withUser(db, claim.userId, (tx) => deleteSessionBySecret(tx, claim));
}

/** Ends every session of the user but `keepId` (all of them without it). Returns how many. */
export function endSessionsOf(db: Db, params: { userId: string; keepId?: string }) {
  return withUser(db, params.userId, (tx) => deleteSessionsOf(tx, params));
}

/** The user's live sessions, the one of `claim` marked `current`. */
export async function listSessions(db: Db, claim: SessionClaim, now = new Date()) {
  return withUser(db, claim.userId, async (tx) => {
    const currentId = await findLiveSession(tx, sessionCheck(claim, now), staleBefore(now));
    const rows = await listSessionsOf(tx, { userId: claim.userId, now });
    return rows.map((row) => ({ ...row, current: row.id === currentId }));
  });
}

/** A new session of `userId` as its cookie would claim it: for scripts that act as a person. */
export async function signedInAs(db: Db, userId: string): Promise<SessionClaim> {
  const { secret } = await startSession(db, { userId, userAgent: 'script' });
  return { userId, secretHash: hashSessionSecret(secret) };
}
