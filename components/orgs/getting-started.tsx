import Link from 'next/link';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { roleLabels } from '@/lib/labels';
import type { CurrentOrg } from '@/components/shell/org-context';

interface Step {
  title: string;
  body: string;
  href?: string;
  action?: string;
  done?: boolean;
}

/** The organization's home until it has streams: what to do first, in order. */
interface GettingStartedProps {
  org: CurrentOrg;
  memberCount: number;
  streamCount: number;
  mappedCount: number;
}

export function GettingStarted({
  org,
  memberCount,
  streamCount,
  mappedCount,
}: GettingStartedProps) {
  const canCreate = org.permissions.includes('streams:create');
  const canInvite = org.permissions.includes('invitations:manage');
  const steps: Step[] = [
    {
      title: 'Bring in your team',
      body: canInvite
        ? 'Invite the leaders who review the portfolio and the team leads who will log measurements.'
        : 'Ask an admin of this organization to invite the rest of your team.',
      href: `/${org.slug}/settings/members`,
      action: canInvite ? 'Invite members' : 'See members',
      done: memberCount > 1,
    },
    {
      title: 'Register your first value stream',
      body: 'Name the trigger, the customer and the value delivered. Operational or development, with its type. The guide walks you through the seven steps of identifying it.',
      href: canCreate && streamCount === 0 ? `/${org.slug}/streams/new` : `/${org.slug}/streams`,
      action:
        canCreate && streamCount === 0
          ? 'Register with the guide'
          : `See the streams (${streamCount})`,
      done: streamCount > 0,
    },
    {
      title: 'Map it step by step',
      body: 'Process time, lead time and %C&A per step: the app computes flow efficiency, rolled %C&A and the bottleneck.',
      href: `/${org.slug}/streams`,
      action: mappedCount > 0 ? `${mappedCount} of ${streamCount} mapped` : 'Map a stream',
      done: mappedCount > 0,
    },
    {
      title: 'Log measurements every week',
      body: 'Through a quick form, a CSV import, or the API, and watch waste go down on the dashboards.',
    },
  ];
  return (
    <div>
      <PageHeader
        title={`Welcome to ${org.name}`}
        description={`You are ${/^[aeiou]/i.test(roleLabels[org.role]) ? 'an' : 'a'} ${roleLabels[org.role].toLowerCase()} here · ${memberCount} ${memberCount === 1 ? 'member' : 'members'}`}
      />
      <Card className="mb-6">
        <h2 className="text-lg font-semibold">
          {streamCount === 0 ? 'Your portfolio dashboard is empty' : 'Getting started'}
        </h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          The portfolio dashboard fills in as your organization registers value streams and logs
          measurements. Start here:
        </p>
        <ol className="mt-5 space-y-4">
          {steps.map((step, i) => (
            <li key={step.title} className="flex gap-4">
              <span
                aria-hidden
                className={`flex size-8 shrink-0 items-center justify-center rounded-full text-sm font-semibold ${step.done ? 'bg-green-600 text-white' : 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200'}`}
              >
                {step.done ? '✓' : i + 1}
              </span>
              <div className="min-w-0">
                <h3 className="flex flex-wrap items-center gap-2 font-medium">
                  {step.title}
                  {step.done ? <Badge tone="green">Done</Badge> : null}
                  {!step.href ? <Badge>Coming soon</Badge> : null}
                </h3>
                <p className="text-sm text-slate-600 dark:text-slate-400">{step.body}</p>
                {step.href && step.action ? (
                  <Link
                    href={step.href}
                    className="mt-1 inline-block text-sm font-medium text-indigo-600 underline-offset-4 hover:underline dark:text-indigo-400"
                  >
                    {step.action} →
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
