import type { Db } from '@/db/client';
import {
  insertMembership,
  insertOrgUnlessSlugTaken,
  listOrgsOfUser,
  renameOrg,
  setTenant,
  slugExists,
} from '@/db/queries/orgs';
import { withUser } from '@/db/tenant';
import type { Actor } from './members';

/** Top-level routes an organization's slug must not shadow. */
const RESERVED = new Set([
  'api',
  'sign-in',
  'sign-up',
  'sign-out',
  'join',
  'orgs',
  'account',
  'settings',
  'new',
  'admin',
  'docs',
  'static',
  'public',
]);

export function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return base.length >= 2 ? base : `org-${base || 'new'}`;
}

/** Slugs to try for a name, in order: `acme`, `acme-2`, ..., skipping reserved words. */
function* slugCandidates(name: string): Generator<string> {
  const base = slugify(name);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!RESERVED.has(candidate)) yield candidate;
  }
  yield `${base}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Creates an organization with `ownerId` as its owner. */
export async function createOrganization(db: Db, params: { name: string; ownerId: string }) {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const org = await insertWithFreeSlug(tx, params.name);
    await setTenant(tx, org.id);
    await insertMembership(tx, { orgId: org.id, userId: params.ownerId, role: 'owner' });
    return org;
  });
}

/**
 * The existence check skips taken slugs cheaply; the conditional insert settles a race with a
 * concurrent creation of the same name (which would otherwise fail on the unique slug).
 */
async function insertWithFreeSlug(db: Db, name: string) {
  for (const slug of slugCandidates(name)) {
    if (await slugExists(db, slug)) continue;
    const org = await insertOrgUnlessSlugTaken(db, { name: name.trim(), slug });
    if (org) return org;
  }
  throw new Error(`No free address for the organization ${name}`);
}

/** The organizations a user belongs to, for the switcher: read under their own memberships (RLS). */
export function listOrgsOf(db: Db, userId: string) {
  return withUser(db, userId, (tx) => listOrgsOfUser(tx, userId));
}

export function renameOrganization(db: Db, actor: Actor, name: string) {
  return renameOrg(db, { orgId: actor.orgId, name });
}
