import {
  createLoader,
  parseAsString,
  parseAsStringLiteral,
  type inferParserType,
} from 'nuqs/server';
import { operationalTypes, streamKinds } from '@/lib/domain';
import { rangePresetValues } from '@/lib/validation/dashboards';

/**
 * Each dashboard's view as its URL holds it, and the query input that view asks for. Shared by the
 * page on the server (which prefetches that input) and the component in the browser (which reads
 * it), so both name the same query and the figures in the first HTML are the ones it shows.
 */

/**
 * The weeks a dashboard shows (range, from, to): every dashboard view reads the same keys, so
 * moving between views, or sharing a link, keeps the weeks.
 */
export const weekRangeParams = {
  range: parseAsStringLiteral(rangePresetValues).withDefault('12w'),
  from: parseAsString,
  to: parseAsString,
};
export type Weeks = inferParserType<typeof weekRangeParams>;

/** The weeks as a dashboard's query takes them: the dates go only with a custom range. */
export function rangeInput(w: Weeks) {
  return {
    range: w.range,
    ...(w.range === 'custom' ? { from: w.from ?? undefined, to: w.to ?? undefined } : {}),
  };
}

/** The portfolio's view: the weeks and the filters. */
export const portfolioParams = {
  ...weekRangeParams,
  kind: parseAsStringLiteral(streamKinds),
  type: parseAsStringLiteral(operationalTypes),
  owner: parseAsString,
  sort: parseAsString,
};

export function portfolioInput(orgSlug: string, p: inferParserType<typeof portfolioParams>) {
  return {
    orgSlug,
    ...rangeInput(p),
    kind: p.kind ?? undefined,
    type: p.type ?? undefined,
    ownerId: p.owner ?? undefined,
  };
}

/** The waste page's view beside the weeks: the stream and a chosen baseline. */
export const wasteParams = {
  stream: parseAsString,
  bfrom: parseAsString,
  bto: parseAsString,
};

export function wasteInput(orgSlug: string, weeks: Weeks, w: inferParserType<typeof wasteParams>) {
  return {
    orgSlug,
    ...rangeInput(weeks),
    streamId: w.stream ?? undefined,
    // Half a baseline is not one yet: the default holds until both dates are in.
    baseline: w.bfrom && w.bto ? { from: w.bfrom, to: w.bto } : undefined,
  };
}

export function comparisonInput(orgSlug: string, weeks: Weeks) {
  return { orgSlug, ...rangeInput(weeks) };
}

export function streamDashboardInput(orgSlug: string, id: string, weeks: Weeks) {
  return { orgSlug, id, ...rangeInput(weeks) };
}

export const loadWeeks = createLoader(weekRangeParams);
export const loadPortfolioView = createLoader(portfolioParams);
export const loadWasteView = createLoader(wasteParams);
