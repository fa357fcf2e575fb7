'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Suspense } from 'react';
import { cn } from '@/lib/cn';
import { rangeQuery, useWeekRange } from './week-range';

const views = [
  { label: 'Portfolio', path: '' },
  { label: 'Operational vs development', path: '/comparison' },
  { label: 'Waste reduction', path: '/waste' },
] as const;

function Links({ slug, query }: { slug: string; query: string }) {
  const pathname = usePathname();
  return (
    <nav
      aria-label="Dashboard views"
      className="mb-5 flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-700 print:hidden"
    >
      {views.map((v) => {
        const href = `/${slug}/dashboards${v.path}`;
        const active = pathname === href;
        return (
          <Link
            key={v.label}
            href={`${href}${query}`}
            aria-current={active ? 'page' : undefined}
            className={cn(
              '-mb-px rounded-t-md border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600',
              active
                ? 'border-indigo-600 text-indigo-800 dark:border-indigo-400 dark:text-indigo-200'
                : 'border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100',
            )}
          >
            {v.label}
          </Link>
        );
      })}
    </nav>
  );
}

/** Keeps the chosen weeks when moving between the views. */
function LinksWithRange({ slug }: { slug: string }) {
  const [weeks] = useWeekRange();
  return <Links slug={slug} query={rangeQuery(weeks)} />;
}

/** The three dashboard views (portfolio, operational vs development, waste reduction); the current one is marked. */
export function DashboardsNav({ slug }: { slug: string }) {
  return (
    <Suspense fallback={<Links slug={slug} query="" />}>
      <LinksWithRange slug={slug} />
    </Suspense>
  );
}
