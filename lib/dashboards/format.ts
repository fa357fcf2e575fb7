/**
 * How the dashboards write numbers, in one place: durations in the unit that reads best, percentages
 * with one decimal, changes signed, hours of waste rounded, dates as "5 Jan 2026".
 */
import { formatDuration, formatNumber } from '@/lib/vsm/units';
import { defaultCalendar, type WorkingCalendar } from '@/lib/vsm/types';

const dash = '—';

export function fmtDuration(
  seconds: number | null | undefined,
  calendar: WorkingCalendar = defaultCalendar,
): string {
  return seconds === null || seconds === undefined
    ? dash
    : formatDuration(seconds, calendar, { maxDecimals: 1 });
}

export function fmtPercent(value: number | null | undefined, decimals = 1): string {
  return value === null || value === undefined ? dash : `${formatNumber(value, decimals)}%`;
}

/** "+12%", "−8%", "0%"; the minus is a real minus sign. */
export function fmtChange(change: number | null | undefined): string {
  if (change === null || change === undefined) return dash;
  const rounded = Math.round(change);
  if (rounded === 0) return '0%';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded)}%`;
}

export function fmtNumber(value: number | null | undefined, decimals = 1): string {
  return value === null || value === undefined
    ? dash
    : value.toLocaleString('en', { maximumFractionDigits: decimals });
}

export function fmtHours(value: number | null | undefined): string {
  return value === null || value === undefined
    ? dash
    : `${Math.round(value).toLocaleString('en')} h`;
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** '2026-01-05' → '5 Jan 2026' (no time zone involved). */
export function fmtDay(iso: string | null | undefined): string {
  if (!iso) return dash;
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${months[(m ?? 1) - 1]} ${y}`;
}

/** '2026-01-05' → '5 Jan', for chart axes. */
export function fmtShortDay(iso: string): string {
  const [, m, d] = iso.split('-').map(Number);
  return `${d} ${months[(m ?? 1) - 1]}`;
}
