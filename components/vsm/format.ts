/** Display helpers shared by the map components (durations come from '@/lib/vsm'). */

/** A percentage 0..100 as text: "97%", "12.5%", "0.43%". */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const digits = abs === 0 || abs >= 10 ? 1 : abs >= 1 ? 1 : 2;
  const text = abs < 1 && abs > 0 ? value.toPrecision(2) : value.toFixed(digits);
  const trimmed = text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  return `${trimmed === '-0' ? '0' : trimmed}%`;
}

/** Flow efficiency (a ratio 0..1, or null when lead time is 0) as a percentage. */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : formatPercent(ratio * 100);
}

export function formatPeople(people: number | null): string {
  if (people === null) return 'people not set';
  return people === 1 ? '1 person' : `${people} people`;
}
