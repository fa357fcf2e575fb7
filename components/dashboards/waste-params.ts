'use client';

import { useQueryStates } from 'nuqs';
import { wasteParams } from './views';

/** The waste page's view in the URL beside the weeks (range, from, to): the stream and a chosen baseline. */

export function useWasteParams() {
  return useQueryStates(wasteParams, { history: 'replace' });
}
