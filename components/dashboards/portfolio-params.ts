'use client';

import { useQueryStates } from 'nuqs';
import { portfolioParams } from './views';

/** The portfolio's view in the URL, so that a view can be shared as a link: the weeks and the filters. */

export function usePortfolioParams() {
  return useQueryStates(portfolioParams, { history: 'replace' });
}
