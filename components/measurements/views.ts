import {
  parseAsInteger,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from 'nuqs/server';
import { measurementSources } from '@/lib/domain';

/**
 * The measurements table's state in the URL (server-side filters, the row just saved, the sort and
 * the page) and the query it asks for: shared by the page, which prefetches it on the server, and
 * the table, which reads it in the browser.
 */
export const tableParams = {
  page: parseAsInteger,
  stream: parseAsString,
  from: parseAsString,
  to: parseAsString,
  source: parseAsStringLiteral(measurementSources),
  saved: parseAsString,
  sort: parseAsString,
};

export const isDay = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export function measurementsListInput(orgSlug: string, p: inferParserType<typeof tableParams>) {
  return {
    orgSlug,
    streamId: p.stream ?? undefined,
    from: isDay(p.from),
    to: isDay(p.to),
    source: p.source ?? undefined,
  };
}
