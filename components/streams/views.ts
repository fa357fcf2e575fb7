import { createLoader, parseAsBoolean, parseAsString, parseAsStringLiteral } from 'nuqs/server';
import type { inferParserType } from 'nuqs/server';
import { operationalTypes, streamKinds } from '@/lib/domain';

/**
 * The streams list's filters as the URL holds them, and the query they ask for: shared by the page,
 * which prefetches it on the server, and the list, which reads it in the browser.
 */
export const streamsListParams = {
  q: parseAsString.withDefault(''),
  kind: parseAsStringLiteral(streamKinds),
  type: parseAsStringLiteral(operationalTypes),
  archived: parseAsBoolean.withDefault(false),
};

export function streamsListInput(orgSlug: string, f: inferParserType<typeof streamsListParams>) {
  return {
    orgSlug,
    search: f.q || undefined,
    kind: f.kind ?? undefined,
    type: f.type ?? undefined,
    includeArchived: f.archived,
  };
}

export const loadStreamsListView = createLoader(streamsListParams);
