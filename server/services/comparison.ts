/**
 * Operational vs development: the organization's streams of each kind (and each operational
 * type) side by side over the chosen weeks, each stream's own figures for the distributions, the
 * seed's six lines as the streams describe themselves, and what development improvements did to
 * the operational streams they feed. Formulas: lib/dashboards/comparison.ts.
 */
import { operationalTypes, streamKinds, type OperationalType, type StreamKind } from '@/lib/domain';
import type { Db } from '@/db/client';
import { comparisonRows, type ComparisonStreamRow } from '@/db/queries/dashboards/comparison';
import { rangeOf } from '@/lib/dashboards/weeks';
import { groupFigures, streamRates, type GroupFigures } from '@/lib/dashboards/comparison';
import { kindLabels, typeLabels } from '@/lib/labels';
import { sharedCalendar } from '@/lib/format';
import type { ComparisonInputValues } from '@/lib/validation/dashboards';
import { defaultCalendar, type WorkingCalendar } from '@/lib/vsm/types';
import { linkedImprovements } from './linked-improvements';
import type { Actor } from './members';
import { currentMapTotals } from './streams';

/** The parsed choice, and the day it is seen from ('YYYY-MM-DD'; default today, UTC). */
export type ComparisonInput = ComparisonInputValues & { today?: string };

export interface Group extends GroupFigures {
  key: StreamKind | OperationalType;
  label: string;
  /** 'kind': operational or development; 'type': one type of operational stream. */
  by: 'kind' | 'type';
  /**
   * The working calendar its streams share, to write its durations in days; null when their
   * calendars differ (no one working day converts a median across them: it is written in hours).
   */
  calendar: WorkingCalendar | null;
}

function groupsOf(rows: ComparisonStreamRow[], calendars: Map<string, WorkingCalendar>): Group[] {
  const of = (
    key: StreamKind | OperationalType,
    by: 'kind' | 'type',
    label: string,
    pick: (r: ComparisonStreamRow) => boolean,
  ): Group => {
    const members = rows.filter(pick);
    return {
      key,
      by,
      label,
      calendar: sharedCalendar(members.map((r) => calendars.get(r.id) ?? defaultCalendar)),
      ...groupFigures(members.map((r) => r.sums)),
    };
  };
  return [
    ...streamKinds.map((k) => of(k, 'kind', kindLabels[k], (r) => r.kind === k)),
    ...operationalTypes.map((t) => of(t, 'type', typeLabels[t], (r) => r.type === t)),
  ];
}

export async function comparison(db: Db, actor: Actor, input: ComparisonInput) {
  const today = input.today ?? new Date().toISOString().slice(0, 10);
  const range = rangeOf(
    input.range,
    today,
    input.from && input.to ? { from: input.from, to: input.to } : undefined,
  );
  const [rows, maps] = await Promise.all([
    comparisonRows(db, actor.orgId, range),
    currentMapTotals(db, actor.orgId),
  ]);
  const calendars = new Map([...maps].map(([id, m]) => [id, m.calendar]));
  const development = rows
    .filter((r) => r.kind === 'development')
    .map((r) => ({ id: r.id, name: r.name }));
  const links = await linkedImprovements(db, actor.orgId, development, calendars);
  return {
    range: { ...range, preset: input.range },
    groups: groupsOf(rows, calendars),
    streams: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      type: r.type,
      weeks: r.sums.weeks,
      calendar: calendars.get(r.id) ?? defaultCalendar,
      lines: r.lines,
      ...streamRates(r.sums),
    })),
    links,
  };
}

export type Comparison = Awaited<ReturnType<typeof comparison>>;
export type ComparisonStream = Comparison['streams'][number];
