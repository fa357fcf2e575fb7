'use client';

import type { Role } from '@/lib/domain';
import { DropdownMenu } from 'radix-ui';
import Link from 'next/link';
import { roleLabels } from '@/lib/labels';

interface OrgItem {
  slug: string;
  name: string;
  role: Role;
}

const itemClass =
  'flex cursor-pointer items-center justify-between gap-4 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-indigo-50 data-[highlighted]:text-indigo-900 dark:data-[highlighted]:bg-slate-700 dark:data-[highlighted]:text-white';

/** The organizations one belongs to; `current` is none on a page outside an organization. */
export function OrgSwitcher({ current, orgs }: { current: OrgItem | null; orgs: OrgItem[] }) {
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        className="flex max-w-[9rem] min-w-0 items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 sm:max-w-[14rem] dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700"
        aria-label={
          current ? `Organization: ${current.name}. Switch organization` : 'Choose an organization'
        }
      >
        <span className="truncate">{current?.name ?? 'Your organizations'}</span>
        <span aria-hidden className="text-slate-400">
          ▾
        </span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="start"
          sideOffset={6}
          className="z-50 min-w-[16rem] rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-800"
        >
          <DropdownMenu.Label className="px-2 py-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Your organizations
          </DropdownMenu.Label>
          {orgs.map((org) => (
            <DropdownMenu.Item key={org.slug} asChild className={itemClass}>
              <Link
                href={`/${org.slug}`}
                aria-current={org.slug === current?.slug ? 'page' : undefined}
              >
                <span className="truncate">
                  {org.slug === current?.slug ? '✓ ' : ''}
                  {org.name}
                </span>
                <span className="text-xs text-slate-500">{roleLabels[org.role]}</span>
              </Link>
            </DropdownMenu.Item>
          ))}
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
          <DropdownMenu.Item asChild className={itemClass}>
            <Link href="/orgs/new">+ Create organization</Link>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
