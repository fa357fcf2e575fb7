'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/cn';

interface NavItem {
  label: string;
  href: string;
  /** Sections whose work has not landed yet are shown, but not linked. */
  soon?: boolean;
  exact?: boolean;
}

export function SideNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  const items: NavItem[] = [
    { label: 'Home', href: `/${slug}`, exact: true },
    { label: 'Streams', href: `/${slug}/streams` },
    { label: 'Measurements', href: `/${slug}/measurements` },
    { label: 'Dashboards', href: `/${slug}/dashboards` },
    { label: 'Improvements', href: `/${slug}/improvements` },
    { label: 'Settings', href: `/${slug}/settings` },
  ];
  return (
    <nav aria-label="Main" className="flex gap-1 overflow-x-auto md:flex-col md:overflow-visible">
      {items.map((item) => {
        const active = item.exact ? pathname === item.href : pathname.startsWith(item.href);
        if (item.soon) {
          return (
            <span
              key={item.href}
              className="hidden shrink-0 items-center justify-between gap-2 rounded-md px-3 py-2 text-sm text-slate-400 md:flex dark:text-slate-500"
              aria-disabled="true"
            >
              {item.label}
              <span className="rounded bg-slate-100 px-1.5 text-[10px] font-semibold uppercase dark:bg-slate-800">
                soon
              </span>
            </span>
          );
        }
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'shrink-0 rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600',
              active
                ? 'bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200'
                : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
            )}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
