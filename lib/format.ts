/**
 * How the product writes values, in one place so they read the same on every page, in exports and
 * in the server's sentences: dates, numbers, percentages, changes, hours, durations. A missing
 * value (null, undefined, not a finite number) is written "—" by every helper.
 */
import { unitAbbreviations } from '@/lib/labels';
import {
  defaultCalendar,
  durationUnits,
  fullCalendar,
  type DurationUnit,
  type DurationView,
  type WorkingCalendar,
} from '@/lib/vsm/types';
import { bestUnit, fromSeconds } from '@/lib/vsm/units';

const dash = '—';
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** Year, month (0–11) and day of a 'YYYY-MM-DD', read as written: no time zone can move it. */
function dayParts(iso: string): [number, number, number] | null {
  const m = isoDay.exec(iso);
  return m ? [Number(m[1]), Number(m[2]) - 1, Number(m[3])] : null;
}

/**
 * "5 Jan 2026". A 'YYYY-MM-DD' is a calendar day and is written as it is; a moment (a Date, or a
 * timestamp as text) is written as the day it was on the reader's calendar.
 */
export function formatDate(value: Date | string | null | undefined): string {
  if (value === null || value === undefined || value === '') return dash;
  const day = typeof value === 'string' ? dayParts(value) : null;
  if (day) return `${day[2]} ${months[day[1]]} ${day[0]}`;
  const moment = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(moment.getTime())) return dash;
  return `${moment.getDate()} ${months[moment.getMonth()]} ${moment.getFullYear()}`;
}

/** "5 Jan", for chart axes, where the year is plain from the rest. */
export function formatShortDate(iso: string): string {
  const day = dayParts(iso);
  return day ? `${day[2]} ${months[day[1]]}` : dash;
}

/** The time of a moment on the reader's clock, to the minute: "14:05". */
export function formatTime(value: Date | string): string {
  const moment = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(moment.getTime())) return dash;
  return `${pad(moment.getHours())}:${pad(moment.getMinutes())}`;
}

/** A moment to the minute on the reader's clock: "3 Mar 2026, 14:05". */
export function formatDateTime(value: Date | string): string {
  const moment = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(moment.getTime())) return dash;
  return `${formatDate(moment)}, ${formatTime(moment)}`;
}

/** A measurement's period: "Mar 3, 2025", "Mar 3–9, 2025", "Mar 31 – Apr 6, 2025", "Dec 30, 2024 – Jan 5, 2025". */
export function formatPeriod(start: string, end: string): string {
  const s = dayParts(start);
  const e = dayParts(end);
  if (!s || !e) return `${start} – ${end}`;
  const monthDay = ([, m, d]: [number, number, number]) => `${months[m]} ${d}`;
  if (start === end) return `${monthDay(s)}, ${s[0]}`;
  if (s[0] === e[0] && s[1] === e[1]) return `${monthDay(s)}–${e[2]}, ${e[0]}`;
  const first = s[0] === e[0] ? monthDay(s) : `${monthDay(s)}, ${s[0]}`;
  return `${first} – ${monthDay(e)}, ${e[0]}`;
}

export interface NumberOptions {
  /** Thousands separators ("1,234"); off for text an input will read back as a number. */
  grouping?: boolean;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat('en', options)));
  return format;
}

/** What rounds to zero is written "0", never "-0". */
const noNegativeZero = (text: string) => (/^-0(\.0*)?$/.test(text) ? '0' : text);

/** At most `maxDecimals` decimals, trailing zeros dropped: 1234.5 → "1,234.5", 2.250 → "2.25". */
export function formatNumber(
  value: number | null | undefined,
  maxDecimals = 1,
  { grouping = true }: NumberOptions = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  const digits = Math.min(20, Math.max(0, Math.floor(maxDecimals)));
  return noNegativeZero(
    numberFormat({ maximumFractionDigits: digits, useGrouping: grouping }).format(value),
  );
}

export interface PercentOptions {
  /** Decimal places at most, 1 by default. With 1 or more, a value under 1% keeps two significant
   * digits (0.43%), so a small rolled %C&A or flow efficiency does not read as 0%. */
  decimals?: number;
  /** The value is a ratio 0..1 (a map's flow efficiency), not a percentage 0..100. */
  fromRatio?: boolean;
}

/** A percentage: "97%", "12.5%", "0.43%". */
export function formatPercent(
  value: number | null | undefined,
  { decimals = 1, fromRatio = false }: PercentOptions = {},
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  const percent = fromRatio ? value * 100 : value;
  const small = decimals >= 1 && percent !== 0 && Math.abs(percent) < 1;
  const text = small
    ? noNegativeZero(numberFormat({ maximumSignificantDigits: 2 }).format(percent))
    : formatNumber(percent, decimals);
  return `${text}%`;
}

/** A relative change, rounded: "+12%", "−8%", "0%" (the minus is a real minus sign). */
export function formatChange(change: number | null | undefined): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return dash;
  const rounded = Math.round(change);
  if (rounded === 0) return '0%';
  return `${rounded > 0 ? '+' : '−'}${formatNumber(Math.abs(rounded), 0)}%`;
}

/** Hours of waste, rounded to the hour: "1,240 h". */
export function formatHours(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return dash;
  return `${formatNumber(value, 0)} h`;
}

export interface DurationOptions {
  /** Show in this unit instead of the one that reads best (within what the view allows). */
  unit?: DurationUnit;
  /** Decimal places at most (trailing zeros are dropped); 1 by default. */
  maxDecimals?: number;
  /** Prefix positive values with "+", for changes. */
  signed?: boolean;
  /** Working days and weeks of `calendar` (the default), hours only, or calendar days of 24 h. */
  view?: DurationView;
}

/** The largest unit each view shows: hours show no days; calendar days show no weeks. */
const largestUnit: Record<DurationView, DurationUnit> = {
  working: 'weeks',
  hours: 'hours',
  calendar: 'days',
};

/** The calendar a view converts days and weeks with. */
export function viewCalendar(calendar: WorkingCalendar, view: DurationView = 'working') {
  return view === 'calendar' ? fullCalendar : calendar;
}

/** The unit that reads best for `seconds` in `view` (for a column of figures in one unit). */
export function bestUnitIn(
  seconds: number,
  calendar: WorkingCalendar,
  view: DurationView = 'working',
): DurationUnit {
  return capUnit(bestUnit(seconds, viewCalendar(calendar, view)), view);
}

function capUnit(unit: DurationUnit, view: DurationView): DurationUnit {
  const largest = largestUnit[view];
  return durationUnits.indexOf(unit) > durationUnits.indexOf(largest) ? largest : unit;
}

/**
 * A duration in seconds as short text in the unit that reads best: "45 s", "1.5 h", "3 d",
 * "2.3 wk". Days and weeks are working days and weeks of `calendar`, unless `view` says hours
 * or calendar days; say which beside the figures (describeCalendar).
 */
export function formatDuration(
  seconds: number | null | undefined,
  calendar: WorkingCalendar = defaultCalendar,
  opts: DurationOptions = {},
): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return dash;
  const view = opts.view ?? 'working';
  const cal = viewCalendar(calendar, view);
  const unit = capUnit(opts.unit ?? bestUnit(seconds, cal), view);
  const text = formatNumber(fromSeconds(seconds, unit, cal), opts.maxDecimals ?? 1);
  const sign = opts.signed && !text.startsWith('-') && text !== '0' ? '+' : '';
  return `${sign}${text} ${unitAbbreviations[unit]}`;
}

/** Two calendars are one when their day and their week are. */
export function sameCalendar(a: WorkingCalendar, b: WorkingCalendar): boolean {
  return a.hoursPerDay === b.hoursPerDay && a.daysPerWeek === b.daysPerWeek;
}

/** "days of 7.5 h, weeks of 5 d": a working calendar in a phrase, exact to 4 decimals. */
export function calendarPhrase(calendar: WorkingCalendar): string {
  return `days of ${formatNumber(calendar.hoursPerDay, 4)} h, weeks of ${formatNumber(calendar.daysPerWeek, 4)} d`;
}

/** The one calendar all of `calendars` share, or null when they differ (or there are none). */
export function sharedCalendar(calendars: readonly WorkingCalendar[]): WorkingCalendar | null {
  const [first] = calendars;
  return first && calendars.every((c) => sameCalendar(c, first)) ? first : null;
}

/** "15.33 h" and "5 days", exact to 4 decimals: what a working calendar says. */
const hoursText = (h: number) => `${formatNumber(h, 4)} h`;
const daysText = (d: number) => `${formatNumber(d, 4)} ${d === 1 ? 'day' : 'days'}`;

/**
 * What a day and a week mean in the figures beside it, one sentence: "1 day = 15.33 h of work,
 * 1 week = 5 working days." Several streams with different calendars, in working days: "Calendars
 * differ: each stream converted with its own working day (7.5 h to 15.33 h, 4.5 to 5 days a week)."
 */
export function describeCalendar(
  calendars: WorkingCalendar | readonly WorkingCalendar[],
  view: DurationView = 'working',
): string {
  if (view === 'hours') return 'Durations in hours of work: no working day applied.';
  if (view === 'calendar') return 'Durations in calendar days: 1 day = 24 h.';
  const list = Array.isArray(calendars) ? calendars : [calendars as WorkingCalendar];
  const one = list.length === 0 ? defaultCalendar : sharedCalendar(list);
  if (one)
    return `Working days: 1 day = ${hoursText(one.hoursPerDay)} of work, 1 week = ${daysText(one.daysPerWeek)}.`;
  const range = (values: number[], show: (n: number) => string) => {
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    return lo === hi ? show(lo) : `${formatNumber(lo, 4)} to ${show(hi)}`;
  };
  const hours = range(
    list.map((c) => c.hoursPerDay),
    hoursText,
  );
  const days = range(
    list.map((c) => c.daysPerWeek),
    (d) => `${formatNumber(d, 4)} days`,
  );
  return `Calendars differ: each stream converted with its own working day (${hours} a day, ${days} a week).`;
}

/** The people at a step of a map: "1 person", "3 people". */
export function formatPeople(people: number | null): string {
  if (people === null) return 'people not set';
  return people === 1 ? '1 person' : `${people} people`;
}

/** A test's p-value: "p = 0.012", "p = 0.64", "p < 0.001". */
export function formatPValue(p: number): string {
  if (p < 0.001) return 'p < 0.001';
  return `p = ${p < 0.1 ? p.toFixed(3) : p.toFixed(2)}`;
}
