import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import { apiTokens, users } from '../schema';

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
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.createdBy))
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

/** Records a use, at most once a minute per token, so a busy sender does not write on every request. */
export async function touchApiToken(db: Db, params: { orgId: string; id: string }) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.orgId, params.orgId),
        eq(apiTokens.id, params.id),
        sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < now() - interval '1 minute')`,
      ),
    );
}
