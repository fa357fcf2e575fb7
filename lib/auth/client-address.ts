/**
 * The address a request came from, for rate limits. `trustedHops` is how many proxies of our own
 * stand in front of the app, each appending the address it saw to X-Forwarded-For: the entry
 * `trustedHops` from the right is the one the nearest proxy we trust saw, and anything left of
 * it was written by the client. With no proxy (0) the header is ignored (Next.js keeps a
 * client's X-Forwarded-For, so nothing in it can be trusted) and the address is the connection's
 * own, which `npm start` (scripts/start.mjs) writes into PEER_HEADER over anything a client sent.
 * Without that launcher (`next dev`) every client counts as the one address "unknown".
 */
export const PEER_HEADER = 'x-valuestream-peer';

export function clientAddress(headers: Headers, trustedHops: number): string {
  if (trustedHops <= 0) return headers.get(PEER_HEADER) || 'unknown';
  const entries = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - trustedHops] ?? 'unknown';
}
