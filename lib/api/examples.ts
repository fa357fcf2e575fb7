/** The curl command shown with a new token: ready to run, with the token, a stream and last week filled in. */

/** Monday to Sunday of the last full week before `today` (UTC), as YYYY-MM-DD. */
export function lastFullWeek(today = new Date()): { periodStart: string; periodEnd: string } {
  const day = (today.getUTCDay() + 6) % 7; // Monday = 0
  const thisMonday = Date.UTC(
    today.getUTCFullYear(),
    today.getUTCMonth(),
    today.getUTCDate() - day,
  );
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { periodStart: iso(thisMonday - 7 * 86_400_000), periodEnd: iso(thisMonday - 86_400_000) };
}

export function curlExample(opts: {
  origin: string;
  token: string;
  streamId: string;
  idempotencyKey: string;
  today?: Date;
}): string {
  const body = {
    streamId: opts.streamId,
    ...lastFullWeek(opts.today),
    leadTimeSeconds: 172800,
    processTimeSeconds: 14400,
    throughput: 42,
  };
  return [
    `curl -X POST '${opts.origin}/api/v1/measurements' \\`,
    `  -H 'Authorization: Bearer ${opts.token}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H 'Idempotency-Key: ${opts.idempotencyKey}' \\`,
    `  -d '${JSON.stringify(body, null, 2).replaceAll('\n', '\n  ')}'`,
  ].join('\n');
}
