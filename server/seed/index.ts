import type { Role } from '@/lib/domain';
import type { Db } from '@/db/client';
import { findOrgBySlug, insertMembership, setTenant } from '@/db/queries/orgs';
import { findUserByEmail, insertUser } from '@/db/queries/users';
import { hashPassword } from '@/server/services/passwords';
import { createOrganization } from '@/server/services/orgs';
import { seedDemoStreams } from './streams';
import { seedDemoMeasurements } from './measurements';

export const DEMO_PASSWORD = 'valuestream-demo';

interface DemoOrg {
  name: string;
  slug: string;
  members: { name: string; email: string; role: Role }[];
}

export const demoOrgs: DemoOrg[] = [
  {
    name: 'Northwind Retail',
    slug: 'northwind-retail',
    members: [
      { name: 'Olivia Owner', email: 'owner@northwind.example', role: 'owner' },
      { name: 'Adam Admin', email: 'admin@northwind.example', role: 'admin' },
      { name: 'Lena Lead', email: 'lead@northwind.example', role: 'lead' },
      { name: 'Victor Viewer', email: 'viewer@northwind.example', role: 'viewer' },
    ],
  },
  {
    name: 'Acme Motors',
    slug: 'acme-motors',
    members: [
      { name: 'Oscar Owner', email: 'owner@acme.example', role: 'owner' },
      { name: 'Ada Admin', email: 'admin@acme.example', role: 'admin' },
      { name: 'Liam Lead', email: 'lead@acme.example', role: 'lead' },
      { name: 'Vera Viewer', email: 'viewer@acme.example', role: 'viewer' },
      // One person in both organizations, to show the switcher.
      { name: 'Olivia Owner', email: 'owner@northwind.example', role: 'viewer' },
    ],
  },
];

/** Adds the demo organizations, their members, value streams and weekly measurements; running it again adds nothing. */
export async function seed(db: Db, log: (line: string) => void = console.log) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const demo of demoOrgs) {
    if (await findOrgBySlug(db, demo.slug)) continue;
    await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const ids: string[] = [];
      for (const m of demo.members) {
        const user =
          (await findUserByEmail(tx, m.email)) ??
          (await insertUser(tx, { name: m.name, email: m.email, passwordHash }));
        ids.push(user.id);
      }
      const [ownerId] = ids;
      if (!ownerId) return;
      const org = await createOrganization(tx, { name: demo.name, ownerId });
      if (org.slug !== demo.slug) throw new Error(`demo slug ${demo.slug} came out as ${org.slug}`);
      await setTenant(tx, org.id);
      for (const [i, m] of demo.members.entries()) {
        const userId = ids[i];
        if (i > 0 && userId) await insertMembership(tx, { orgId: org.id, userId, role: m.role });
      }
    });
  }
  // After the organizations exist: each gets its demo streams once (see ./streams.ts).
  log('Demo value streams:');
  for (const demo of demoOrgs) {
    const org = await findOrgBySlug(db, demo.slug);
    if (!org) continue;
    const { added, existing } = await seedDemoStreams(db, org);
    log(
      added > 0
        ? `  ${demo.name}: ${added} value streams with maps`
        : `  ${demo.name}: has ${existing} value streams already, none added`,
    );
    const weeks = await seedDemoMeasurements(db, org); // then their weekly numbers (./measurements.ts)
    log(
      weeks.added > 0
        ? `  ${demo.name}: ${weeks.added} weekly measurements`
        : `  ${demo.name}: has ${weeks.existing} measurements already, none added`,
    );
  }
  log('Demo data ready. Sign in with any of these (password: ' + DEMO_PASSWORD + '):');
  for (const demo of demoOrgs) {
    log(
      `  ${demo.name} (/${demo.slug}): ${demo.members.map((m) => `${m.email} (${m.role})`).join(', ')}`,
    );
  }
}
