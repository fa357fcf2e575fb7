import superjson from 'superjson';

/**
 * tRPC's transformer: superjson (Dates, Maps, undefined and the like survive the trip), except for
 * answers marked with `plainJson`, which are sent as they are. superjson walks every value of an
 * answer to find the ones JSON cannot carry; for the portfolio (200 streams: some 40,000 values)
 * that walk took longer than the query behind it. The browser's superjson reads both forms: an
 * answer without `meta` is plain JSON to it.
 */
const plain = new WeakSet<object>();

/**
 * Marks an answer as plain JSON: only objects, arrays, strings, finite numbers, booleans and null,
 * no `undefined` (tests/integration/dashboards.test.ts checks the dashboards' answers for this).
 * Objects shared between two places arrive as two equal copies.
 */
export function plainJson<T extends object>(value: T): T {
  plain.add(value);
  return value;
}

export const transformer = {
  serialize: (value: unknown) =>
    typeof value === 'object' && value !== null && plain.has(value)
      ? { json: value }
      : superjson.serialize(value),
  deserialize: (value: unknown) =>
    superjson.deserialize(value as Parameters<typeof superjson.deserialize>[0]),
};
