/**
 * `npm run bench:ingest`: rows per second for loading 100,000 measurements into real Postgres
 * three ways, in one run, into the same table (emptied between runs):
 *   1. COPY (the ceiling): the rows streamed with `COPY … FROM STDIN` by the owner role;
 *   2. CSV import: the file parsed and checked as the browser's worker does it, then staged in
 *      chunks and committed through the tRPC procedures (no HTTP);
 *   3. API: the batch endpoint's handler, 5,000 rows per request, with tokens and idempotency keys
 *      (no HTTP socket: the handler is called with a Request).
 * Uses BENCH_DATABASE_URL (default: the local server) to create and drop its own database.
 * ROWS=20000 for a quicker run.
 */
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { openDatabase, type Db } from '@/db/client';
import { insertUser } from '@/db/queries/users';
import { checkRecords } from '@/lib/csv/cells';
import { autoMap, csvFields } from '@/lib/csv/fields';
import { parseCsvText } from '@/lib/csv/parse';
import { emptyStream } from '@/lib/validation/streams';
import {
  encodeImport,
  importBody,
  IMPORT_CONTENT_TYPE,
  readEvents,
  type ImportEvent,
} from '@/lib/imports/wire';
import { postImport } from '@/server/api/imports';
import { createCaller } from '@/server/routers';
import { signedInAs } from '@/server/services/sessions';
import { createOrganization } from '@/server/services/orgs';
import { apiBench } from './bench-ingest-api';
import { getTableColumns } from 'drizzle-orm';
import { measurements } from '@/db/schema';
import { metricFields } from '@/lib/validation/measurements';
import { validateRows } from '@/server/services/ingest';

const ROWS = Number(process.env.ROWS ?? 100_000);
const STREAMS = 20;
const STEPS = 10;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function weekStart(i: number): string {
  return new Date(Date.UTC(2012, 0, 2 + 7 * i)).toISOString().slice(0, 10);
}

/** The CSV text of ROWS rows: STREAMS streams × STEPS steps × weeks, every metric filled. */
function makeCsv(streamNames: string[], bump = 0): string {
  const header = csvFields.filter((f) => f.header !== 'period_end').map((f) => f.header);
  const lines = [header.join(',')];
  const perWeek = STREAMS * STEPS;
  for (let i = 0; i < ROWS; i++) {
    const week = Math.floor(i / perWeek);
    const stream = streamNames[i % STREAMS];
    const step = `Step ${Math.floor(i / STREAMS) % STEPS}`;
    const lt = 20 + (i % 37) + bump;
    const values: Record<string, string> = {
      stream: stream ?? '',
      step,
      period_start: weekStart(week),
      lead_time_hours: String(lt),
      process_time_hours: String(lt / 10),
      wait_time_hours: String((lt * 9) / 10),
      throughput: String(30 + (i % 11)),
      wip: String(10 + (i % 7)),
      pct_complete_accurate: String(70 + (i % 30)),
      defects: String(i % 5),
      cost: String(1000 + (i % 300)),
      customer_satisfaction: String(60 + (i % 40)),
      method: 'observed',
      sample_size: '25',
      note: i % 50 === 0 ? '"a note, with a comma"' : '',
    };
    lines.push(header.map((h) => values[h] ?? String((i % 9) / 2)).join(','));
  }
  return lines.join('\n');
}

async function setup(db: Db) {
  const user = await insertUser(db, {
    name: 'Bench',
    email: `bench-${crypto.randomUUID()}@bench.example`,
    passwordHash: 'x',
  });
  const org = await createOrganization(db, {
    name: `Bench ${crypto.randomUUID().slice(0, 8)}`,
    ownerId: user.id,
  });
  const session = await signedInAs(db, user.id);
  const caller = createCaller({ db, session, address: 'bench' });
  const streams: { id: string; name: string }[] = [];
  for (let s = 0; s < STREAMS; s++) {
    const name = `Stream ${s}`;
    const { id } = await caller.streams.create({
      orgSlug: org.slug,
      fields: { ...emptyStream, name, ownerId: user.id },
    });
    streams.push({ id, name });
  }
  return { db, user, org, session, caller, streams };
}

type Ctx = Awaited<ReturnType<typeof setup>>;

async function benchCopy(serverSql: postgres.Sql, ctx: Ctx, text: string) {
  const { records, headers } = parseCsvText(text);
  const mapping = autoMap(headers);
  const { rows } = checkRecords(
    records,
    mapping,
    ctx.streams.map((s) => ({ ...s, canEdit: true })),
  );
  // Every column the import writes, with the same values (the import's own rounding included).
  const columns = getTableColumns(measurements);
  const keys = [
    'streamId',
    'stepName',
    'periodStart',
    'periodEnd',
    ...metricFields,
    'method',
    'sampleSize',
    'note',
  ] as const;
  const cols = ['org_id', ...keys.map((k) => columns[k].name), 'entered_by', 'source', 'import_id'];
  const esc = (v: unknown) =>
    v === null || v === undefined
      ? '\\N'
      : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
  const importId = crypto.randomUUID();
  const { rows: checked, errors } = validateRows(
    rows.map((r) => ({ row: r.row, values: r.values })),
  );
  if (errors.length > 0 || checked.length !== rows.length)
    throw new Error('The bench rows do not pass the server check');
  const lines = checked.map(
    (v) =>
      [ctx.org.id, ...keys.map((k) => v[k]), ctx.user.id, 'csv', importId].map(esc).join('\t') +
      '\n',
  );
  const started = performance.now();
  const writable =
    await serverSql`copy measurements (${serverSql.unsafe(cols.join(', '))}) from stdin`.writable();
  await pipeline(Readable.from(lines), writable);
  return performance.now() - started;
}

/** The import's request, as the page sends it, and its streamed answer: when saving began, and the result. */
async function sendImport(ctx: Ctx, body: string) {
  const request = new Request(`http://bench.local/api/imports?org=${ctx.org.slug}`, {
    method: 'POST',
    headers: { 'content-type': IMPORT_CONTENT_TYPE },
    body,
  });
  const response = await postImport(ctx.db, ctx.session, request);
  if (response.status !== 200 || !response.body)
    throw new Error(`Import: ${response.status} ${await response.text()}`);
  let savingAt = 0;
  let done: Extract<ImportEvent, { type: 'done' }> | undefined;
  for await (const event of readEvents(response.body)) {
    if (event.type === 'saving') savingAt = performance.now();
    else if (event.type === 'done') done = event;
    else if (event.type !== 'progress')
      throw new Error(`Import: ${JSON.stringify(event).slice(0, 500)}`);
  }
  if (!done) throw new Error('Import: no result');
  return { savingAt, counts: done };
}

async function benchCsv(ctx: Ctx, text: string) {
  const started = performance.now();
  const { records, headers } = parseCsvText(text);
  const { rows, errorCount } = checkRecords(
    records,
    autoMap(headers),
    ctx.streams.map((s) => ({ ...s, canEdit: true })),
    { headerCount: headers.length },
  );
  if (errorCount > 0) throw new Error(`The bench CSV has ${errorCount} bad rows`);
  // The worker also prepares the request's body, while the person looks at the preview.
  const body = encodeImport(importBody('bench.csv', rows));
  // The person presses "Import": the body goes in one request.
  const pressed = performance.now();
  const { savingAt, counts } = await sendImport(ctx, body);
  const done = performance.now();
  return {
    total: done - started,
    check: pressed - started,
    fromImport: done - pressed,
    server: savingAt - pressed,
    save: done - savingAt,
    rows,
    counts,
  };
}

const rate = (ms: number) => Math.round(ROWS / (ms / 1000));

async function main() {
  const name = `vs_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const owner = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const handle = await openDatabase({ url: url.toString(), migrate: true });
  try {
    const ctx = await setup(handle.db);
    const text = makeCsv(ctx.streams.map((s) => s.name));
    console.log(
      `${ROWS.toLocaleString('en')} rows, ${(text.length / 1048576).toFixed(1)} MB of CSV, into \`measurements\` on ${url.host} (Postgres ${(await owner`show server_version`)[0]?.server_version})`,
    );
    const empty = () => owner`truncate measurements, measurement_audit`;

    const copyMs = await benchCopy(owner, ctx, text);
    console.log(
      `COPY          ${rate(copyMs).toLocaleString('en').padStart(7)} rows/s  (${(copyMs / 1000).toFixed(2)} s)`,
    );
    await empty();

    const csv = await benchCsv(ctx, text);
    if (csv.counts.added !== ROWS)
      throw new Error(`Expected ${ROWS} rows added, got ${JSON.stringify(csv.counts)}`);
    const s = (ms: number) => (ms / 1000).toFixed(2);
    console.log(
      `CSV import    ${rate(csv.fromImport).toLocaleString('en').padStart(7)} rows/s  (${s(csv.fromImport)} s from "Import": check and set aside ${s(csv.server)}, save ${s(csv.save)})  ${Math.round((100 * copyMs) / csv.fromImport)}% of COPY`,
    );
    console.log(
      `  with the preview's parse, check and body (${s(csv.check)} s, before "Import") ${rate(csv.total).toLocaleString('en').padStart(7)} rows/s  (${s(csv.total)} s)  ${Math.round((100 * copyMs) / csv.total)}% of COPY`,
    );
    const again = await benchCsv(ctx, text);
    if (again.counts.skipped !== ROWS)
      throw new Error(`Re-import: expected ${ROWS} skipped, got ${JSON.stringify(again.counts)}`);
    const changed = await benchCsv(
      ctx,
      makeCsv(
        ctx.streams.map((s) => s.name),
        1,
      ),
    );
    if (changed.counts.replaced !== ROWS)
      throw new Error(
        `Changed file: expected ${ROWS} replaced, got ${JSON.stringify(changed.counts)}`,
      );
    console.log(
      `CSV re-import ${rate(again.fromImport).toLocaleString('en').padStart(7)} rows/s  (${(again.fromImport / 1000).toFixed(2)} s from "Import"; all ${ROWS.toLocaleString('en')} skipped, nothing added)`,
    );
    console.log(
      `CSV replace   ${rate(changed.fromImport).toLocaleString('en').padStart(7)} rows/s  (${(changed.fromImport / 1000).toFixed(2)} s from "Import"; every row changed: ${ROWS.toLocaleString('en')} replaced and audited)`,
    );

    for (const inFlight of [1, 2]) {
      await empty();
      const api = await apiBench(handle.db, ctx, csv.rows, inFlight);
      if (!api.replayed)
        throw new Error('Replaying the first batch did not return the stored response');
      console.log(
        `API, ${inFlight} in flight ${rate(api.ms).toLocaleString('en').padStart(6)} rows/s  (${(api.ms / 1000).toFixed(2)} s, ${api.requests} requests of ${api.batch.toLocaleString('en')})  ${Math.round((100 * copyMs) / api.ms)}% of COPY`,
      );
    }
  } finally {
    await handle.close();
    await owner.end();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
