import type { Role } from '@/lib/domain';
import Link from 'next/link';
import { OrgSwitcher } from './org-switcher';
import { UserMenu } from './user-menu';

interface OrgItem {
  slug: string;
  name: string;
  role: Role;
}

interface SiteHeaderProps {
  /** The organization of the page; none on a page outside one (a 404). */
  org: OrgItem | null;
  orgs: OrgItem[];
  user: { name: string; email: string };
}

/**
 * The bar on top of every signed-in page: the product's name (home), the organization switcher and
 * the account menu (sign out). Kept narrow enough for a phone: the name stays, the switcher shrinks.
 */
export function SiteHeader({ org, orgs, user }: SiteHeaderProps) {
  return (
    <header className="sticky top-0 z-40 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95 print:hidden">
      <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-3 px-4">
        <Link
          href={org ? `/${org.slug}` : '/'}
          className="shrink-0 text-base font-bold tracking-tight text-indigo-700 sm:text-lg dark:text-indigo-400"
        >
          Valuestream
        </Link>
        <OrgSwitcher current={org} orgs={orgs} />
        <div className="ml-auto">
          <UserMenu name={user.name} email={user.email} />
        </div>
      </div>
    </header>
  );
}
