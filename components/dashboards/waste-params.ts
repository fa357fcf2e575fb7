'use client';

import { parseAsString, useQueryStates } from 'nuqs';

/** The waste page's view in the URL beside the weeks (range, from, to): the stream and a chosen baseline. */
export const wasteParams = {
  stream: parseAsString,
  bfrom: parseAsString,
  bto: parseAsString,
};

export function useWasteParams() {
  return useQueryStates(wasteParams, { history: 'replace' });
}
