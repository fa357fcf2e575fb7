/**
 * Organization API tokens: `vs_<organization id without dashes>_<32 random bytes, base64url>`.
 * Only a SHA-256 of the whole token is stored, with its last four characters to tell tokens
 * apart. The organization id in the token lets the API open the tenant transaction (row-level
 * security needs it) before it looks the hash up.
 */
import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import {
  findApiToken,
  insertApiToken,
  listApiTokens as listTokenRows,
  revokeApiToken as revokeRow,
} from '@/db/queries/api-tokens';
import type { CreateApiTokenValues } from '@/lib/validation/api-tokens';
import { notFound } from '../errors';
import type { Actor } from './members';

/** The organization's tokens, with whom each acts as today. */
export function listApiTokens(db: Db, actor: Actor) {
  return listTokenRows(db, actor.orgId);
}

const TOKEN_PATTERN = /^vs_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export function generateApiToken(orgId: string): string {
  return `vs_${orgId.replaceAll('-', '').toLowerCase()}_${crypto.randomBytes(32).toString('base64url')}`;
}

/** The organization a token claims to belong to, or null when it is not shaped like a token. */
export function parseApiToken(token: string): { orgId: string } | null {
  const match = TOKEN_PATTERN.exec(token);
  const hex = match?.[1];
  if (!hex) return null;
  return {
    orgId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
  };
}

export function hashApiToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function tokenHint(token: string): string {
  return token.slice(-4);
}

/** Creates a token and returns it: the only time its secret is ever shown. */
export async function createApiToken(db: Db, actor: Actor, input: CreateApiTokenValues) {
  const token = generateApiToken(actor.orgId);
  const row = await insertApiToken(db, {
    orgId: actor.orgId,
    name: input.name,
    tokenHash: hashApiToken(token),
    hint: tokenHint(token),
    createdBy: actor.userId,
  });
  return { ...row, token };
}

/** Revokes a token; revoking one already revoked changes nothing. Another organization's id: NOT_FOUND. */
export async function revokeApiToken(db: Db, actor: Actor, id: string) {
  const row = await findApiToken(db, { orgId: actor.orgId, id });
  if (!row) throw notFound('That token');
  await revokeRow(db, { orgId: actor.orgId, id });
}
