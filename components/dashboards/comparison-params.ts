'use client';

import { parseAsStringLiteral, useQueryState } from 'nuqs';
import { metricKeys } from '@/lib/dashboards/comparison';

/** Which figure the distribution chart shows, in the URL with the weeks (range, from, to). */
export function useComparisonMetric() {
  return useQueryState(
    'metric',
    parseAsStringLiteral(metricKeys).withDefault('medianLead').withOptions({ history: 'replace' }),
  );
}
