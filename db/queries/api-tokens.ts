import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import type { Role } from '@/lib/domain';
import { rowsOf } from '../rows';
import { apiTokens, memberships, organizations, users } from '../schema';

export async function insertApiToken(
  db: Db,
  values: { orgId: string; name: string; tokenHash: string; hint: string; createdBy: string },
) {
  const [row] = await db.insert(apiTokens).values(values).returning({
    id: apiTokens.id,
    name: apiTokens.name,
    hint: apiTokens.hint,
    createdAt: apiTokens.createdAt,
  });
  if (!row) throw new Error('insert into api_tokens returned nothing');
  return row;
}

/** The organization's tokens, active ones first; never the hash. */
export async function listApiTokens(db: Db, orgId: string) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      hint: apiTokens.hint,
      createdByName: users.name,
      /** The creator's role today, which the token acts with; null once they have left. */
      creatorRole: memberships.role,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
    .leftJoin(
      memberships,
      and(eq(memberships.orgId, apiTokens.orgId), eq(memberships.userId, apiTokens.createdBy)),
    )
    .where(eq(apiTokens.orgId, orgId))
    .orderBy(
      sql`${apiTokens.revokedAt} is not null`,
      desc(apiTokens.createdAt),
      asc(apiTokens.name),
    )
    .limit(200);
}

export async function findApiToken(db: Db, params: { orgId: string; id: string }) {
  const [row] = await db
    .select({ id: apiTokens.id, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, params.orgId), eq(apiTokens.id, params.id)))
    .limit(1);
  return row;
}

/**
 * The door's one statement for an API token, in its organization's tenant transaction: the token
 * (by its hash; the unique index compares), its organization, and the current role of the person
 * who created it (null once they have left). Undefined when no token of the organization has this
 * hash. Sets `app.user_id` to the creator, who is the one acting.
 */
export async function resolveToken(db: Db, params: { orgId: string; tokenHash: string }) {
  const [row] = await rowsOf<{
    tokenId: string;
    revoked: boolean;
    createdBy: string;
    id: string;
    name: string;
    slug: string;
    role: Role | null;
    userId: string;
  }>(
    db,
    sql`select t.id as "tokenId", t.revoked_at is not null as revoked, t.created_by as "createdBy",
        o.id, o.name, o.slug, m.role, set_config('app.user_id', t.created_by::text, true) as "userId"
      from ${apiTokens} t
      join ${organizations} o on o.id = t.org_id
      left join ${memberships} m on m.org_id = t.org_id and m.user_id = t.created_by
      where t.org_id = ${params.orgId} and t.token_hash = ${params.tokenHash}`,
  );
  return row;
}

/** The token with this hash (the unique index does the comparison), revoked or not. */
export async function findApiTokenByHash(db: Db, params: { orgId: string; tokenHash: string }) {
  const [row] = await db
    .select({ id: apiTokens.id, createdBy: apiTokens.createdBy, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.orgId, params.orgId), eq(apiTokens.tokenHash, params.tokenHash)))
    .limit(1);
  return row;
}

/** Revokes an active token; false when it was already revoked (or is not this organization's). */
export async function revokeApiToken(db: Db, params: { orgId: string; id: string }) {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(apiTokens.orgId, params.orgId),
        eq(apiTokens.id, params.id),
        isNull(apiTokens.revokedAt),
      ),
    )
    .returning({ id: apiTokens.id });
  return rows.length === 1;
}

/**
 * Records a use, at most once a minute per token, so a busy sender does not write on every
 * request; a token row another request is updating is skipped, not waited for (the door holds
 * this row lock until its request's transaction ends).
 */
export async function touchApiToken(db: Db, params: { orgId: string; id: string }) {
  await db.execute(sql`
    update ${apiTokens} set last_used_at = now()
    where (org_id, id) in (
      select org_id, id from ${apiTokens}
      where org_id = ${params.orgId} and id = ${params.id}
        and (last_used_at is null or last_used_at < now() - interval '1 minute')
      for update skip locked)`);
}
