'use client';

import type { Role } from '@/lib/domain';
import { createContext, useContext } from 'react';
import type { Permission } from '@/server/permissions';

export interface CurrentOrg {
  id: string;
  name: string;
  slug: string;
  role: Role;
  permissions: Permission[];
}

const OrgContext = createContext<CurrentOrg | null>(null);

export function OrgProvider({ org, children }: { org: CurrentOrg; children: React.ReactNode }) {
  return <OrgContext.Provider value={org}>{children}</OrgContext.Provider>;
}

/** The organization of the current page, with the signed-in user's role and permissions. */
export function useOrg(): CurrentOrg & { can: (p: Permission) => boolean } {
  const org = useContext(OrgContext);
  if (!org) throw new Error('useOrg() used outside an organization page');
  return { ...org, can: (p) => org.permissions.includes(p) };
}

/** The organization of the current page, or null outside one (the not-found page's header). */
export function useOptionalOrg(): CurrentOrg | null {
  return useContext(OrgContext);
}
