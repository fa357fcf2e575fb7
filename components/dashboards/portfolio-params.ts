'use client';

import { operationalTypes, streamKinds } from '@/lib/domain';
import { parseAsString, parseAsStringLiteral, useQueryStates } from 'nuqs';
import { weekRangeParams } from './week-range';

/** The portfolio's view in the URL, so that a view can be shared as a link: the weeks and the filters. */
export const portfolioParams = {
  ...weekRangeParams,
  kind: parseAsStringLiteral(streamKinds),
  type: parseAsStringLiteral(operationalTypes),
  owner: parseAsString,
  sort: parseAsString,
};

export function usePortfolioParams() {
  return useQueryStates(portfolioParams, { history: 'replace' });
}
