'use client';

import { useCallback } from 'react';

const keyOf = (org: string) => `valuestream:csv-mapping:${org}`;

/** The column mapping last used in this organization, kept in the browser (normalised header → field). */
export function useRememberedMapping(org: string) {
  const read = useCallback((): Record<string, string> => {
    try {
      const parsed: unknown = JSON.parse(localStorage.getItem(keyOf(org)) ?? '{}');
      return parsed && typeof parsed === 'object' ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  }, [org]);
  const write = useCallback(
    (mapping: Record<string, string>) => {
      try {
        localStorage.setItem(keyOf(org), JSON.stringify({ ...read(), ...mapping }));
      } catch {
        // Private mode or a full storage: the mapping is simply not remembered.
      }
    },
    [org, read],
  );
  return { read, write };
}
