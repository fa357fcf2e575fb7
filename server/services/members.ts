import type { Role } from '@/lib/domain';
import type { Db } from '@/db/client';
import {
  deleteMembership,
  findMembership,
  listMembers as listMemberRows,
  lockOwners,
  updateMemberRole,
} from '@/db/queries/orgs';
import { clearImprovementOwner } from '@/db/queries/improvements';
import { clearStreamOwner } from '@/db/queries/streams';
import { AppError, notFound } from '../errors';
import { can } from '../permissions';

/** Who is acting: their id and role in the organization of the tenant transaction. */
export interface Actor {
  orgId: string;
  userId: string;
  role: Role;
}

/** All of these run inside the tenant transaction of `actor.orgId`. */
export function listMembers(db: Db, actor: Actor) {
  return listMemberRows(db, actor.orgId);
}

export async function changeRole(db: Db, actor: Actor, params: { userId: string; role: Role }) {
  const target = await findMembership(db, { orgId: actor.orgId, userId: params.userId });
  if (!target) throw notFound('That member');
  if (target.role === params.role) return;
  if ((target.role === 'owner' || params.role === 'owner') && !can(actor.role, 'owners:manage')) {
    throw new AppError(
      'FORBIDDEN',
      'Only an owner can make someone an owner or change an owner’s role.',
      'role',
    );
  }
  if (target.role === 'owner') await refuseIfLastOwner(db, actor.orgId, 'demoted');
  await updateMemberRole(db, { orgId: actor.orgId, userId: params.userId, role: params.role });
}

/** Removes a member; anyone may remove themselves (leave), managers may remove others. */
export async function removeMember(db: Db, actor: Actor, params: { userId: string }) {
  const self = params.userId === actor.userId;
  if (!self && !can(actor.role, 'members:manage')) {
    throw new AppError('FORBIDDEN', 'Your role cannot remove members.');
  }
  const target = await findMembership(db, { orgId: actor.orgId, userId: params.userId });
  if (!target) throw notFound('That member');
  if (target.role === 'owner' && !self && !can(actor.role, 'owners:manage')) {
    throw new AppError('FORBIDDEN', 'Only an owner can remove an owner.');
  }
  if (target.role === 'owner') await refuseIfLastOwner(db, actor.orgId, 'removed');
  await clearStreamOwner(db, { orgId: actor.orgId, userId: params.userId });
  await clearImprovementOwner(db, { orgId: actor.orgId, userId: params.userId });
  await deleteMembership(db, { orgId: actor.orgId, userId: params.userId });
}

async function refuseIfLastOwner(db: Db, orgId: string, what: 'demoted' | 'removed') {
  // Locking the owner rows serializes two owners demoting each other at the same moment.
  if ((await lockOwners(db, orgId)) <= 1) {
    throw new AppError(
      'BAD_REQUEST',
      `The last owner cannot be ${what}. Make another member an owner first.`,
      'role',
    );
  }
}
