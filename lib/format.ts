/**
 * How the product writes values, in one place so they read the same on every page, in exports and
 * in the server's sentences: dates, numbers, percentages, changes, hours, durations. A missing
 * value (null, undefined, not a finite number) is written "—" by every helper.
 */
import { unitAbbreviations } from '@/lib/labels';
import { defaultCalendar, type DurationUnit, type WorkingCalendar } from '@/lib/vsm/types';
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
  /** Show in this unit instead of the one that reads best. */
  unit?: DurationUnit;
  /** Decimal places at most (trailing zeros are dropped); 1 by default. */
  maxDecimals?: number;
  /** Prefix positive values with "+", for changes. */
  signed?: boolean;
}

/**
 * A duration in seconds as short text in the unit that reads best: "45 s", "1.5 h", "3 d",
 * "2.3 wk". Days and weeks are working days and weeks of `calendar`.
 */
export function formatDuration(
  seconds: number | null | undefined,
  calendar: WorkingCalendar = defaultCalendar,
  opts: DurationOptions = {},
): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return dash;
  const unit = opts.unit ?? bestUnit(seconds, calendar);
  const text = formatNumber(fromSeconds(seconds, unit, calendar), opts.maxDecimals ?? 1);
  const sign = opts.signed && !text.startsWith('-') && text !== '0' ? '+' : '';
  return `${sign}${text} ${unitAbbreviations[unit]}`;
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
