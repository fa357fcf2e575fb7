/**
 * CSV imports as the import page sends them (one request, a stream of events): every row checked
 * again on the server, all or nothing, importing the same rows again adds nothing, and changed
 * rows replace (audited). Roles, another organization, and bad requests.
 */
import { expect, it, vi } from 'vitest';
import { encodeImport, importBody, IMPORT_CONTENT_TYPE } from '@/lib/imports/wire';
import { controlCharacterMessage } from '@/lib/validation/text';
import { forEachDriver, makeOrgWithRoles, sessionOf } from './harness';
import { countsOf, countStored, importAs, manyRows, sendImport, weeks } from './import-factories';
import { listMeasurements } from './measurement-factories';
import { as, makeStream } from './stream-factories';

forEachDriver('CSV imports', (t) => {
  it('imports every row, reporting progress, and importing the same rows again adds nothing', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const rows = weeks(streamId, 120);
    const first = await importAs(t.db, org, rows);
    expect(first.status).toBe(200);
    expect(first.events.map((e) => e.type)).toEqual(['progress', 'saving', 'done']);
    expect(first.events[0]).toEqual({ type: 'progress', checked: 120, total: 120 });
    expect(countsOf(first)).toEqual({ added: 120, replaced: 0, skipped: 0, totalRows: 120 });
    expect(countsOf(await importAs(t.db, org, rows))).toEqual({
      added: 0,
      replaced: 0,
      skipped: 120,
      totalRows: 120,
    });
    const stored = await listMeasurements(t.db, org, { streamId });
    expect(stored).toHaveLength(120);
    const importId = first.last && 'importId' in first.last ? first.last.importId : null;
    expect(stored.every((r) => r.source === 'csv' && r.importId === importId)).toBe(true);
    const history = await as(t.db, org, 'owner').imports.list({ orgSlug: org.org.slug });
    expect(history.map((h) => [h.fileName, h.added, h.skipped])).toEqual([
      ['weeks.csv', 0, 120],
      ['weeks.csv', 120, 0],
    ]);
  });

  it('replaces a period whose numbers changed, and the audit keeps the before and after', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    await importAs(t.db, org, weeks(streamId, 3));
    const changed = weeks(streamId, 4, (i) => (i === 1 ? { leadTimeSeconds: 50_000 } : {}));
    expect(countsOf(await importAs(t.db, org, changed))).toEqual({
      added: 1,
      replaced: 1,
      skipped: 2,
      totalRows: 4,
    });
    const stored = await listMeasurements(t.db, org, {
      streamId,
      from: '2024-01-08',
      to: '2024-01-14',
    });
    expect(stored.map((r) => r.leadTimeSeconds)).toEqual([50_000]);
    const audit = await as(t.db, org, 'admin').measurements.audit({
      orgSlug: org.org.slug,
      streamId,
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: 'update',
      before: { leadTimeSeconds: 36_001, periodStart: '2024-01-08' },
      after: { leadTimeSeconds: 50_000 },
    });
  });

  it('a large file whose last rows meet stored periods: the new rows are added, the stored ones skipped or replaced', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const rows = manyRows(streamId, 12_000);
    // The last two rows are already stored: one with the same numbers, one with others.
    const stored = rows
      .slice(-2)
      .map((r, i) => (i === 0 ? r : { ...r, values: { ...r.values, leadTimeSeconds: 99_999 } }));
    expect(countsOf(await importAs(t.db, org, stored))).toMatchObject({ added: 2 });
    expect(countsOf(await importAs(t.db, org, rows))).toEqual({
      added: 11_998,
      replaced: 1,
      skipped: 1,
      totalRows: 12_000,
    });
    expect(await countStored(t.db, org, streamId)).toBe(12_000);
  });

  it('the same file imported twice at the same moment is stored once: one import adds, the other skips', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const rows = manyRows(streamId, 6_000);
    const answers = await Promise.all([
      importAs(t.db, org, rows),
      importAs(t.db, org, rows, 'admin'),
    ]);
    expect(answers.map(countsOf).sort((a, b) => b.added - a.added)).toEqual([
      { added: 6_000, replaced: 0, skipped: 0, totalRows: 6_000 },
      { added: 0, replaced: 0, skipped: 6_000, totalRows: 6_000 },
    ]);
    expect(await countStored(t.db, org, streamId)).toBe(6_000);
  });

  it('rows repeated in the file with the same numbers count once; with other numbers, the file is refused', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const rows = weeks(streamId, 6);
    const repeated = [...rows, ...rows.slice(2, 3).map((r) => ({ ...r, row: 8 }))];
    expect(countsOf(await importAs(t.db, org, repeated))).toEqual({
      added: 6,
      replaced: 0,
      skipped: 1,
      totalRows: 7,
    });

    const other = await makeStream(t.db, org);
    const clash = weeks(other, 10);
    const contradiction = clash
      .slice(1, 2)
      .map((r) => ({ row: 99, values: { ...r.values, leadTimeSeconds: 40_000 } }));
    const refused = await importAs(t.db, org, [...clash, ...contradiction]);
    expect(refused.last).toEqual({
      type: 'refused',
      errorCount: 1,
      errors: [
        {
          row: 99,
          field: 'periodStart',
          message: 'Row 3 has other numbers for the same stream, step and period.',
        },
      ],
    });
    expect(await listMeasurements(t.db, org, { streamId: other })).toEqual([]);
  });

  it('stores text exactly as sent: tabs, line breaks, backslashes, quotes and Unicode in notes; steps are one line', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const texts = [
      'tab\there',
      'two\nlines',
      'back\\slash \\N',
      '"quoted", {braces}',
      'ünïcode ✓ 𝄞',
      'carriage\r\nreturn',
    ];
    // A step name is one line (it names a step of the map): only the texts without control characters.
    const oneLine = (x: string) => !/[\t\r\n]/.test(x);
    const rows = weeks(streamId, texts.length, (i) => ({
      stepName: oneLine(texts[i] ?? '') ? `Step ${texts[i]}` : `Step ${i}`,
      note: `Note: ${texts[i]}`,
    }));
    expect(countsOf(await importAs(t.db, org, rows))).toMatchObject({ added: texts.length });
    const stored = await listMeasurements(t.db, org, { streamId });
    expect(stored.map((r) => [r.stepName, r.note]).sort()).toEqual(
      texts.map((x, i) => [oneLine(x) ? `Step ${x}` : `Step ${i}`, `Note: ${x}`]).sort(),
    );
    expect(countsOf(await importAs(t.db, org, rows))).toMatchObject({ skipped: texts.length });

    const tabbed = weeks(streamId, 1, () => ({ stepName: 'Pick\tand pack' }));
    expect((await importAs(t.db, org, tabbed)).last).toMatchObject({
      type: 'refused',
      errors: [{ row: 2, field: 'stepName', message: controlCharacterMessage }],
    });
  });

  it('a file with bad rows saves nothing and reports every error, with its row and field', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const rows = manyRows(streamId, 7_000, (i) =>
      i === 2
        ? { processTimeSeconds: 99_999_999 }
        : i === 6_500
          ? { pctCompleteAccurate: 140 }
          : {},
    );
    const answer = await importAs(t.db, org, rows);
    expect(answer.last).toEqual({
      type: 'refused',
      errorCount: 2,
      errors: [
        {
          row: 4,
          field: 'processTimeSeconds',
          message: 'Process time cannot be longer than lead time.',
        },
        { row: 6_502, field: 'pctCompleteAccurate', message: 'The %C&A is too large.' },
      ],
    });
    expect(await listMeasurements(t.db, org, { streamId })).toEqual([]);
    expect(await as(t.db, org, 'owner').imports.list({ orgSlug: org.org.slug })).toEqual([]);
  });

  it('refuses unknown streams, another organization’s stream and a lead’s stream they do not own, row by row', async () => {
    const org = await makeOrgWithRoles(t.db);
    const other = await makeOrgWithRoles(t.db);
    const mine = await makeStream(t.db, org, { ownedBy: 'lead' });
    const notMine = await makeStream(t.db, org, { ownedBy: 'admin' });
    const foreign = await makeStream(t.db, other);
    const rows = [
      ...weeks(mine, 1),
      ...weeks(notMine, 1),
      ...weeks(foreign, 1),
      ...weeks('00000000-0000-4000-8000-000000000000', 1),
    ].map((r, i) => ({ ...r, row: i + 2 }));
    const answer = await importAs(t.db, org, rows, 'lead');
    expect(
      answer.last && 'errors' in answer.last
        ? answer.last.errors.map((e) => [e.row, e.field, e.message])
        : answer.last,
    ).toEqual([
      [3, 'streamId', 'Team leads log measurements for the streams they own.'],
      [4, 'streamId', 'No value stream with this id in this organization.'],
      [5, 'streamId', 'No value stream with this id in this organization.'],
    ]);
    expect(await listMeasurements(t.db, org, {})).toEqual([]);
    expect(await listMeasurements(t.db, other, {})).toEqual([]);
  });

  it('signed out: 401; viewers: 403; another organization: 404, whatever the rows; nothing is saved', async () => {
    const org = await makeOrgWithRoles(t.db);
    const other = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const body = importBody('a.csv', weeks(streamId, 2));
    expect((await sendImport(t.db, null, org.org.slug, body)).status).toBe(401);
    expect((await sendImport(t.db, org.users.viewer.id, org.org.slug, body)).status).toBe(403);
    const outsider = await sendImport(t.db, other.users.owner.id, org.org.slug, body);
    expect(outsider).toMatchObject({
      status: 404,
      last: { error: { code: 'not_found', message: 'Organization not found.' } },
    });
    expect((await sendImport(t.db, org.users.owner.id, 'no-such-org', body)).status).toBe(404);
    // Another organization's member naming their own organization, with this one's stream: refused row by row.
    const crossed = await sendImport(t.db, other.users.owner.id, other.org.slug, body);
    expect(crossed.last).toMatchObject({ type: 'refused', errorCount: 2 });
    expect(await listMeasurements(t.db, org, { streamId })).toEqual([]);
  });

  it('a request from another site is refused with 403 before anything else, and saves nothing', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const body = importBody('a.csv', weeks(streamId, 2));
    const owner = org.users.owner.id;
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: 'http://test.local' },
    ];
    for (const headers of crossSite) {
      const answer = await sendImport(t.db, owner, org.org.slug, body, headers);
      expect(answer, JSON.stringify(headers)).toMatchObject({
        status: 403,
        last: { error: { code: 'forbidden', message: 'Requests from other sites are refused.' } },
      });
    }
    expect(await listMeasurements(t.db, org, { streamId })).toEqual([]);
    const sameSite = { origin: 'http://test.local', 'sec-fetch-site': 'same-origin' };
    expect((await sendImport(t.db, owner, org.org.slug, body, sameSite)).last).toMatchObject({
      type: 'done',
      added: 2,
    });
  });

  it('refuses a malformed request with a clear message on the right field, before any work', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const owner = org.users.owner.id;
    const slug = org.org.slug;
    const good = importBody('a.csv', weeks(streamId, 1));
    expect(
      (await sendImport(t.db, owner, slug, '{"fileName": "a.csv", "rows": [')).last,
    ).toMatchObject({ error: { code: 'invalid_json' } });
    expect((await sendImport(t.db, owner, slug, { ...good, rows: [] })).last).toMatchObject({
      error: {
        message: 'The file has no rows to import.',
        fields: { rows: ['The file has no rows to import.'] },
      },
    });
    expect(
      (await sendImport(t.db, owner, slug, { ...good, columns: ['streamId', 'secret'] })).last,
    ).toMatchObject({ error: { fields: { 'columns.1': ['Unknown column.'] } } });
    expect((await sendImport(t.db, owner, slug, { ...good, fileName: ' ' })).last).toMatchObject({
      error: { fields: { fileName: ['Name the file.'] } },
    });
    const notRows = await sendImport(t.db, owner, slug, { ...good, rows: ['x', 3] });
    expect(notRows.last).toMatchObject({
      type: 'refused',
      errors: [
        { row: 2, field: 'row' },
        { row: 3, field: 'row' },
      ],
    });
    expect(await listMeasurements(t.db, org, { streamId })).toEqual([]);
  });

  it('past the imports a server takes at once, the next is 429 with Retry-After; a free slot takes it', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const { postImport, importConcurrency, importsRunning } = await import('@/server/api/imports');
    // Bodies that keep arriving hold their slots: slow uploads, as a busy server sees them.
    const holds: (() => void)[] = [];
    const ownerSession = await sessionOf(t.db, org.users.owner.id);
    const held = Array.from({ length: importConcurrency() }, () => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          holds.push(() => controller.close());
        },
      });
      const request = new Request(`http://test.local/api/imports?org=${org.org.slug}`, {
        method: 'POST',
        headers: { 'content-type': IMPORT_CONTENT_TYPE },
        body,
        duplex: 'half',
      } as RequestInit);
      return postImport(t.db, ownerSession, request);
    });
    // Each passes the door, then takes its slot while its body arrives.
    await vi.waitFor(() => expect(importsRunning()).toBe(importConcurrency()));
    const busy = await sendImport(
      t.db,
      org.users.owner.id,
      org.org.slug,
      importBody('a.csv', weeks(streamId, 1)),
    );
    expect(busy.status).toBe(429);
    expect(busy.last).toMatchObject({ error: { code: 'too_many_requests' } });
    for (const release of holds) release();
    for (const response of await Promise.all(held)) expect(response.status).toBe(400); // empty bodies
    const after = await importAs(t.db, org, weeks(streamId, 1));
    expect(after.last).toMatchObject({ type: 'done', added: 1 });
  });

  it('reads the body a slice at a time: a line that is not JSON, or a stream the header does not name, is refused on its row', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const other = await makeStream(t.db, org);
    const lines = encodeImport(importBody('a.csv', weeks(streamId, 3))).split('\n');
    lines[2] = '[3, "broken';
    const broken = await sendImport(t.db, org.users.owner.id, org.org.slug, lines.join('\n'));
    expect(broken.last).toMatchObject({ type: 'refused', errors: [{ row: 3, field: 'row' }] });
    // The header lists the streams; a row naming another is unknown, whatever exists.
    const body = importBody('b.csv', weeks(streamId, 1));
    const [header, row] = encodeImport(body).split('\n');
    const sneaky = `${header}\n${row?.replace(streamId, other)}\n`;
    expect((await sendImport(t.db, org.users.owner.id, org.org.slug, sneaky)).last).toMatchObject({
      type: 'refused',
      errors: [{ row: 2, field: 'streamId' }],
    });
    const json = await sendImport(t.db, org.users.owner.id, org.org.slug, '{}', {
      'content-type': 'application/json',
    });
    expect(json.status).toBe(415);
    expect(await listMeasurements(t.db, org, {})).toEqual([]);
  });

  it('an import stopped by the browser saves nothing', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const { postImport } = await import('@/server/api/imports');
    const stop = new AbortController();
    const request = new Request(`http://test.local/api/imports?org=${org.org.slug}`, {
      method: 'POST',
      headers: { 'content-type': IMPORT_CONTENT_TYPE },
      body: encodeImport(importBody('a.csv', weeks(streamId, 20))),
      signal: stop.signal,
    });
    const response = await postImport(t.db, await sessionOf(t.db, org.users.owner.id), request);
    stop.abort();
    expect(await response.text()).not.toContain('"done"');
    expect(await listMeasurements(t.db, org, { streamId })).toEqual([]);
  });
});
