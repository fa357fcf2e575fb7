import type { Role } from '@/lib/domain';
import { OrgProvider, type CurrentOrg } from './org-context';
import { SideNav } from './side-nav';
import { SiteHeader } from './site-header';

interface AppShellProps {
  org: CurrentOrg;
  orgs: { slug: string; name: string; role: Role }[];
  user: { name: string; email: string };
  children: React.ReactNode;
}

export function AppShell({ org, orgs, user, children }: AppShellProps) {
  return (
    <OrgProvider org={org}>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <SiteHeader org={org} orgs={orgs} user={user} />
      <div className="mx-auto flex max-w-screen-2xl flex-col gap-4 px-4 py-4 md:flex-row md:gap-8 md:py-8 print:block print:p-0">
        <aside className="md:w-48 md:shrink-0 print:hidden">
          <SideNav slug={org.slug} />
        </aside>
        <main id="main" className="min-w-0 flex-1">
          {children}
        </main>
      </div>
    </OrgProvider>
  );
}
