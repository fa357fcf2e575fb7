import type { Role } from '@/lib/domain';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import { invitations, users } from '../schema';

export async function insertInvitation(
  db: Db,
  values: {
    orgId: string;
    role: Role;
    email: string | null;
    tokenHash: string;
    createdBy: string;
    expiresAt: Date;
  },
) {
  const [row] = await db.insert(invitations).values(values).returning();
  if (!row) throw new Error('insert into invitations returned nothing');
  return row;
}

export async function listInvitations(db: Db, orgId: string) {
  return db
    .select({
      id: invitations.id,
      role: invitations.role,
      email: invitations.email,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      createdByName: users.name,
    })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.createdBy))
    .where(eq(invitations.orgId, orgId))
    .orderBy(desc(invitations.createdAt))
    .limit(100);
}

export async function findInvitationByTokenHash(
  db: Db,
  params: { orgId: string; tokenHash: string },
) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, params.orgId), eq(invitations.tokenHash, params.tokenHash)))
    .limit(1);
  return row;
}

export async function findInvitation(db: Db, params: { orgId: string; id: string }) {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.orgId, params.orgId), eq(invitations.id, params.id)))
    .limit(1);
  return row;
}

/** Marks the invitation used; returns false if someone else used or revoked it first. */
export async function markInvitationAccepted(
  db: Db,
  params: { orgId: string; id: string; userId: string },
) {
  const rows = await db
    .update(invitations)
    .set({ acceptedAt: new Date(), acceptedBy: params.userId })
    .where(
      and(
        eq(invitations.orgId, params.orgId),
        eq(invitations.id, params.id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length === 1;
}

export async function revokeInvitation(db: Db, params: { orgId: string; id: string }) {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(invitations.orgId, params.orgId),
        eq(invitations.id, params.id),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id });
  return rows.length === 1;
}
