import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import {
  findInvitation,
  findInvitationByTokenHash,
  insertInvitation,
  listInvitations as listInvitationRows,
  markInvitationAccepted,
  revokeInvitation as revokeRow,
} from '@/db/queries/invitations';
import { findMembership, findOrgBySlug, insertMembership } from '@/db/queries/orgs';
import { findUserById } from '@/db/queries/users';
import { withTenant } from '@/db/tenant';
import type { CreateInvitationValues } from '@/lib/validation/members';
import { AppError, notFound } from '../errors';
import { can } from '../permissions';
import type { Actor } from './members';
import { attempt } from './rate-limits';

export function listInvitations(db: Db, actor: Actor) {
  return listInvitationRows(db, actor.orgId);
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function invitationPath(orgSlug: string, token: string): string {
  return `/join/${orgSlug}/${token}`;
}

/** Creates an invitation and returns its secret link; only the hash is stored. */
export async function createInvitation(
  db: Db,
  actor: Actor & { orgSlug: string },
  input: CreateInvitationValues,
) {
  if (input.role === 'owner' && !can(actor.role, 'owners:manage')) {
    throw new AppError('FORBIDDEN', 'Only an owner can invite another owner.', 'role');
  }
  const token = crypto.randomBytes(24).toString('base64url');
  const row = await insertInvitation(db, {
    orgId: actor.orgId,
    role: input.role,
    email: input.email ? input.email : null,
    tokenHash: hashToken(token),
    createdBy: actor.userId,
    expiresAt: new Date(Date.now() + input.expiresInDays * 24 * 3600_000),
  });
  return {
    id: row.id,
    role: row.role,
    expiresAt: row.expiresAt,
    path: invitationPath(actor.orgSlug, token),
  };
}

export async function revokeInvitation(db: Db, actor: Actor, id: string) {
  const row = await findInvitation(db, { orgId: actor.orgId, id });
  if (!row) throw notFound('That invitation');
  if (!(await revokeRow(db, { orgId: actor.orgId, id }))) {
    throw new AppError('BAD_REQUEST', 'This invitation was already used or revoked.');
  }
}

type InvitationState = 'valid' | 'expired' | 'used' | 'revoked';

function stateOf(
  row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationState {
  if (row.acceptedAt) return 'used';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

const stateMessages: Record<Exclude<InvitationState, 'valid'>, string> = {
  expired: 'This invitation has expired. Ask for a new link.',
  used: 'This invitation has already been used. Ask for a new link.',
  revoked: 'This invitation was withdrawn. Ask for a new link.',
};

/** What the invitation page shows before the invitee signs in; unknown links are NOT_FOUND. */
export async function previewInvitation(db: Db, params: { orgSlug: string; token: string }) {
  const org = await findOrgBySlug(db, params.orgSlug);
  if (!org) throw notFound('This invitation');
  return withTenant(db, { orgId: org.id }, async (tx) => {
    const row = await findInvitationByTokenHash(tx, {
      orgId: org.id,
      tokenHash: hashToken(params.token),
    });
    if (!row) throw notFound('This invitation');
    const state = stateOf(row);
    return {
      orgName: org.name,
      orgSlug: org.slug,
      role: row.role,
      email: row.email,
      state,
      message: state === 'valid' ? null : stateMessages[state],
    };
  });
}

/** Invitation accepts that fail, per address and per person, within ACCEPT_WINDOW_MS. */
export const MAX_FAILED_ACCEPTS = 20;
export const ACCEPT_WINDOW_MS = 15 * 60_000;

/**
 * Joins the signed-in user to the organization; single use, checked under a row update. Accepts
 * that fail (an unknown, used or expired link) are limited per address and per person.
 */
export async function acceptInvitation(
  db: Db,
  params: { orgSlug: string; token: string; userId: string; address: string; now?: Date },
) {
  const tried = await attempt(
    db,
    [
      {
        key: `invitation-accept:address:${params.address}`,
        max: MAX_FAILED_ACCEPTS,
        windowMs: ACCEPT_WINDOW_MS,
      },
      {
        key: `invitation-accept:user:${params.userId}`,
        max: MAX_FAILED_ACCEPTS,
        windowMs: ACCEPT_WINDOW_MS,
      },
    ],
    params.now,
  );
  const accepted = await accept(db, params); // a failure stays counted
  await tried.forget();
  return accepted;
}

async function accept(db: Db, params: { orgSlug: string; token: string; userId: string }) {
  const org = await findOrgBySlug(db, params.orgSlug);
  if (!org) throw notFound('This invitation');
  return withTenant(db, { orgId: org.id, userId: params.userId }, async (tx) => {
    const row = await findInvitationByTokenHash(tx, {
      orgId: org.id,
      tokenHash: hashToken(params.token),
    });
    if (!row) throw notFound('This invitation');
    if (await findMembership(tx, { orgId: org.id, userId: params.userId })) {
      return { orgSlug: org.slug, alreadyMember: true };
    }
    const state = stateOf(row);
    if (state !== 'valid') throw new AppError('BAD_REQUEST', stateMessages[state]);
    if (row.email) {
      const user = await findUserById(tx, params.userId);
      if (user?.email !== row.email) {
        throw new AppError(
          'FORBIDDEN',
          `This invitation is for ${row.email}. Sign in with that address to accept it.`,
        );
      }
    }
    if (!(await markInvitationAccepted(tx, { orgId: org.id, id: row.id, userId: params.userId }))) {
      throw new AppError('BAD_REQUEST', stateMessages.used);
    }
    await insertMembership(tx, { orgId: org.id, userId: params.userId, role: row.role });
    return { orgSlug: org.slug, alreadyMember: false };
  });
}
