/**
 * The server's log: one JSON line per event on stdout (pino), for whatever collects the process's
 * output. Requests are logged by the launcher (scripts/start.mjs) with their request id; the app
 * logs failures under the same id, which is also the reference a person is shown. Secrets never
 * reach a line: cookies, authorization headers and passwords are redacted wherever they appear.
 */
import pino from 'pino';

export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: { service: 'valuestream', pid: process.pid },
  redact: {
    paths: [
      'headers.cookie',
      'headers.authorization',
      '*.password',
      '*.passwordHash',
      '*.token',
      'err.parameters',
    ],
    censor: '[redacted]',
  },
});

/** A request id a client may send (X-Request-Id) is kept only if it is short and plain. */
export function requestIdFrom(headers: Headers): string {
  const sent = headers.get('x-request-id');
  return sent && /^[A-Za-z0-9_.-]{8,64}$/.test(sent) ? sent : crypto.randomUUID();
}
