import type { Db } from '@/db/client';
import { insertMembership, insertOrg, setTenant, slugExists } from '@/db/queries/orgs';

/** Top-level routes an organization's slug must not shadow. */
const RESERVED = new Set(['api', 'sign-in', 'sign-up', 'sign-out', 'join', 'orgs', 'account', 'settings', 'new', 'admin', 'docs', 'static', 'public']);

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

async function freeSlug(db: Db, name: string): Promise<string> {
  const base = slugify(name);
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!RESERVED.has(candidate) && !(await slugExists(db, candidate))) return candidate;
  }
  return `${base}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Creates an organization with `ownerId` as its owner. */
export async function createOrganization(db: Db, params: { name: string; ownerId: string }) {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const org = await insertOrg(tx, { name: params.name.trim(), slug: await freeSlug(tx, params.name) });
    await setTenant(tx, org.id);
    await insertMembership(tx, { orgId: org.id, userId: params.ownerId, role: 'owner' });
    return org;
  });
}
