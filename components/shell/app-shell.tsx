import type { Role } from '@/lib/domain';
import Link from 'next/link';
import { OrgProvider, type CurrentOrg } from './org-context';
import { OrgSwitcher } from './org-switcher';
import { SideNav } from './side-nav';
import { UserMenu } from './user-menu';

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
      <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95 print:hidden">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-3 px-4">
          <Link
            href={`/${org.slug}`}
            className="hidden text-lg font-bold tracking-tight text-indigo-700 sm:block dark:text-indigo-400"
          >
            Valuestream
          </Link>
          <OrgSwitcher current={org} orgs={orgs} />
          <div className="ml-auto">
            <UserMenu name={user.name} email={user.email} />
          </div>
        </div>
      </header>
      <div className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-4 md:flex-row md:gap-8 md:py-8 print:block print:p-0">
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
