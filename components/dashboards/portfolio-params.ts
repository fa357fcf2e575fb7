'use client';

import { operationalTypes, streamKinds } from '@/lib/domain';
import { parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { rangePresetValues } from '@/lib/validation/dashboards';

/** The portfolio's view in the URL, so that a view can be shared as a link. */
export const portfolioParams = {
  range: parseAsStringLiteral(rangePresetValues).withDefault('12w'),
  from: parseAsString,
  to: parseAsString,
  kind: parseAsStringLiteral(streamKinds),
  type: parseAsStringLiteral(operationalTypes),
  owner: parseAsString,
  sort: parseAsString,
};

export function usePortfolioParams() {
  return useQueryStates(portfolioParams, { history: 'replace' });
}

/** `?range=…` (and the dates of a custom range): the weeks carried into a stream's dashboard. */
export function rangeQuery(p: { range: string; from: string | null; to: string | null }): string {
  const q = new URLSearchParams();
  if (p.range !== '12w') q.set('range', p.range);
  if (p.range === 'custom' && p.from) q.set('from', p.from);
  if (p.range === 'custom' && p.to) q.set('to', p.to);
  const text = q.toString();
  return text ? `?${text}` : '';
}
