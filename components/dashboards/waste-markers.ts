import type { Marker } from './waste-charts';

interface Marked {
  weeks: readonly { week: string }[];
  improvements: readonly { number: number; startWeek: string; completedWeek: string | null }[];
}

/**
 * Improvement marks on the time axis, numbered as in the list below: "1" at the week number 1
 * started, "1✓" at the week it was completed (once when both fall in one week); one label a week.
 */
export function markersOf(d: Marked): Marker[] {
  const inRange = new Set(d.weeks.map((w) => w.week));
  const byWeek = new Map<string, string[]>();
  const add = (week: string | null, label: string) => {
    if (week && inRange.has(week)) byWeek.set(week, [...(byWeek.get(week) ?? []), label]);
  };
  for (const i of d.improvements) {
    if (i.completedWeek !== i.startWeek) add(i.startWeek, String(i.number));
    add(i.completedWeek, `${i.number}✓`);
  }
  return [...byWeek].map(([week, labels]) => ({ week, label: labels.join(' ') }));
}
