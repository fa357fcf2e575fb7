'use client';

import Link from 'next/link';
import { DropdownMenu } from 'radix-ui';
import { signOutAction } from '@/server/actions';
import { useOptionalOrg } from './org-context';

const itemClass =
  'block w-full cursor-pointer rounded px-2 py-1.5 text-left text-sm outline-none data-[highlighted]:bg-indigo-50 dark:data-[highlighted]:bg-slate-700';

export function UserMenu({ name, email }: { name: string; email: string }) {
  // Outside an organization (the not-found page) there is no account page to link to.
  const org = useOptionalOrg();
  const initials = name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger
        aria-label={`Account menu for ${name}`}
        className="flex size-9 items-center justify-center rounded-full bg-indigo-600 text-sm font-semibold text-white hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        {initials || '?'}
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-[14rem] rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-800"
        >
          <div className="px-2 py-1.5">
            <p className="text-sm font-medium">{name}</p>
            <p className="truncate text-xs text-slate-500">{email}</p>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
          {org ? (
            <DropdownMenu.Item asChild>
              <Link href={`/${org.slug}/account`} className={itemClass}>
                Your account
              </Link>
            </DropdownMenu.Item>
          ) : null}
          <form action={signOutAction}>
            <DropdownMenu.Item asChild onSelect={(e) => e.preventDefault()}>
              <button type="submit" className={itemClass}>
                Sign out
              </button>
            </DropdownMenu.Item>
          </form>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
