/**
 * What development streams' improvements did to the operational streams they feed: for each
 * improvement of a development stream and each operational stream it is linked to, that
 * operational stream's lead time and waste hours a week over `window_weeks` weeks before the
 * improvement started and as many after it was completed (the weeks of the improvement's own
 * before/after, `windowsOf`), judged by compareWindows as the improvement page judges its own
 * stream (decision 0008).
 */
import type { OperationalType } from '@/lib/domain';
import type { Db } from '@/db/client';
import {
  activeLinks,
  developmentImprovements,
  linkedOperationalWeeks,
  type LinkedWeek,
} from '@/db/queries/dashboards/comparison';
import { compareWindows } from '@/lib/dashboards/before-after';
import { formatDuration, formatNumber } from '@/lib/format';
import { valuesIn } from '@/lib/dashboards/windows';
import { defaultCalendar, type WorkingCalendar } from '@/lib/vsm/types';
import { windowsOf, type Windows } from './improvements';

type Improvement = Awaited<ReturnType<typeof developmentImprovements>>[number];

function effectOn(
  op: { id: string; name: string },
  weeks: LinkedWeek[],
  windows: Windows,
  calendar: WorkingCalendar,
) {
  const mine = weeks.filter((w) => w.streamId === op.id);
  const compare = (
    pick: (w: LinkedWeek) => number | null,
    label: string,
    format: (n: number) => string,
  ) =>
    compareWindows(
      valuesIn(mine, windows.before, pick),
      valuesIn(mine, windows.after, pick),
      'lower',
      { label, format },
    );
  return {
    streamId: op.id,
    streamName: op.name,
    calendar,
    lead: compare(
      (w) => w.lead,
      `Median lead time of ${op.name}`,
      (n) => formatDuration(n, calendar),
    ),
    waste: compare(
      (w) => w.waste,
      `Waste at ${op.name}`,
      (n) => `${formatNumber(n)} h a week`,
    ),
  };
}

/** Every development stream given, with the operational streams it feeds and its improvements' effects on them. */
export async function linkedImprovements(
  db: Db,
  orgId: string,
  development: { id: string; name: string }[],
  calendars: Map<string, WorkingCalendar>,
) {
  const [links, all] = await Promise.all([
    activeLinks(db, orgId),
    developmentImprovements(db, orgId),
  ]);
  const devIds = new Set(development.map((d) => d.id));
  const list: (Improvement & { windows: Windows })[] = all
    .filter((i) => devIds.has(i.streamId))
    .map((i) => ({ ...i, windows: windowsOf(i) }));
  const linkedDevIds = new Set(links.map((l) => l.developmentStreamId));
  const judged = list.filter((i) => linkedDevIds.has(i.streamId));
  let weeks: LinkedWeek[] = [];
  if (judged.length > 0) {
    const from = judged.map((i) => i.windows.before.from).sort()[0] ?? '';
    const to =
      judged
        .map((i) => i.windows.after?.to ?? i.windows.before.to)
        .sort()
        .at(-1) ?? '';
    weeks = await linkedOperationalWeeks(db, orgId, { from, to });
  }
  return development.map((d) => {
    const feeds: { id: string; name: string; type: OperationalType | null }[] = links
      .filter((l) => l.developmentStreamId === d.id)
      .map((l) => ({
        id: l.operationalStreamId,
        name: l.operationalName,
        type: l.operationalType,
      }));
    return {
      id: d.id,
      name: d.name,
      feeds,
      improvements: list
        .filter((i) => i.streamId === d.id)
        .map((i) => ({
          id: i.id,
          title: i.title,
          stepName: i.stepName,
          waste: i.waste,
          metric: i.metric,
          startedOn: i.startedOn,
          completedOn: i.completedOn,
          windowWeeks: i.windowWeeks,
          windows: i.windows,
          effects: feeds.map((op) =>
            effectOn(op, weeks, i.windows, calendars.get(op.id) ?? defaultCalendar),
          ),
        })),
    };
  });
}

export type LinkedDevelopmentStream = Awaited<ReturnType<typeof linkedImprovements>>[number];
