/**
 * Calendar days as 'YYYY-MM-DD' strings, the one shape dates travel in (forms, URLs, the API).
 * The arithmetic is on whole UTC days, so no time zone or daylight-saving change can shift a
 * date; only `localDay` reads a time zone, to say which day it is where the code runs.
 */

const DAY_MS = 86_400_000;
const isoPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

function parse(iso: string): number | null {
  const m = isoPattern.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Not Date.UTC: it reads years 0–99 as 1900–1999, so "0001-06-28" came back as 1901.
  const back = new Date(0);
  back.setUTCFullYear(y, mo - 1, d);
  const ms = back.getTime();
  // Date.UTC rolls 2025-02-30 over to 2 March: refuse it instead of silently moving the date.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return null;
  return Math.round(ms / DAY_MS);
}

/** Whether `text` is a real calendar date written YYYY-MM-DD (not 2025-02-30, not 2025-2-3). */
export function isIsoDay(text: string): boolean {
  return parse(text) !== null;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; throws a RangeError on anything else. */
export function dayNumber(iso: string): number {
  const day = parse(iso);
  if (day === null) {
    throw new RangeError(
      isoPattern.test(iso)
        ? `"${iso}" is not a calendar date.`
        : `Expected a date as YYYY-MM-DD, got "${iso}".`,
    );
  }
  return day;
}

/** The 'YYYY-MM-DD' of a day number (days since 1970-01-01). */
export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` days after `iso` (before it when negative). */
export function addDays(iso: string, days: number): string {
  if (!Number.isInteger(days))
    throw new RangeError(`Expected a whole number of days, got ${days}.`);
  return fromDayNumber(dayNumber(iso) + days);
}

/** Whole days from `from` to `to`: 6 from a Monday to its Sunday, negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The calendar day of a moment in the time zone the code runs in: the reader's day in a browser. */
export function localDay(moment: Date): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(moment.getFullYear(), 4)}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** The Monday that starts the ISO week containing `iso` (2025-01-01, a Wednesday → 2024-12-30). */
export function weekStartOf(iso: string): string {
  const day = dayNumber(iso);
  // 1970-01-01 was a Thursday: day 0 is 3 days after a Monday.
  const sinceMonday = (((day + 3) % 7) + 7) % 7;
  return fromDayNumber(day - sinceMonday);
}

/** The last full week, Monday to Sunday, before the week of `today` (a 'YYYY-MM-DD'). */
export function lastFullWeek(today: string): { periodStart: string; periodEnd: string } {
  const thisMonday = weekStartOf(today);
  return { periodStart: addDays(thisMonday, -7), periodEnd: addDays(thisMonday, -1) };
}
