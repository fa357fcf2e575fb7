/**
 * CSV imports through the tRPC caller: chunks are validated and staged, the commit is all or
 * nothing, importing the same rows again adds nothing, and changed rows replace (audited).
 */
import { expect, it } from 'vitest';
import type { Db } from '@/db/client';
import type { Role } from '@/db/schema';
import type { MeasurementInput } from '@/lib/validation/measurements';
import { expectCode } from './errors';
import { forEachDriver, makeOrgWithRoles, type TestOrg } from './harness';
import { listMeasurements, measurement } from './measurement-factories';
import { as, makeStream } from './stream-factories';

/** `n` consecutive weekly rows for a stream, starting Monday 2024-01-01, numbered from line 2. */
function weeks(streamId: string, n: number, overrides: (i: number) => Partial<MeasurementInput> = () => ({})) {
  return Array.from({ length: n }, (_, i) => {
    const start = new Date(Date.UTC(2024, 0, 1 + 7 * i));
    const end = new Date(start.getTime() + 6 * 86_400_000);
    const values = measurement(streamId, {
      periodStart: start.toISOString().slice(0, 10),
      periodEnd: end.toISOString().slice(0, 10),
      leadTimeSeconds: 36_000 + i,
      ...overrides(i),
    });
    return { row: i + 2, values };
  });
}

/** Starts an import, stages `rows` in chunks of `chunk`, commits, and returns the counts. */
async function importRows(db: Db, t: TestOrg, rows: { row: number; values: unknown }[], opts: { by?: Role; chunk?: number } = {}) {
  const caller = as(db, t, opts.by ?? 'owner');
  const { importId } = await caller.imports.start({ orgSlug: t.org.slug, fileName: 'weeks.csv', totalRows: rows.length });
  const chunk = opts.chunk ?? 1000;
  for (let i = 0; i < rows.length; i += chunk) {
    const staged = await caller.imports.stage({ orgSlug: t.org.slug, importId, rows: rows.slice(i, i + chunk) });
    expect(staged.errors).toEqual([]);
  }
  return { importId, counts: await caller.imports.commit({ orgSlug: t.org.slug, importId }) };
}

forEachDriver('CSV imports', (t) => {
  it('imports every row, and importing the same rows again adds nothing', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const rows = weeks(streamId, 120);
    const first = await importRows(t.db, org, rows, { chunk: 50 });
    expect(first.counts).toEqual({ added: 120, replaced: 0, skipped: 0, totalRows: 120 });
    const again = await importRows(t.db, org, rows);
    expect(again.counts).toEqual({ added: 0, replaced: 0, skipped: 120, totalRows: 120 });
    const stored = await listMeasurements(t.db, org, { streamId });
    expect(stored).toHaveLength(120);
    expect(stored.every((r) => r.source === 'csv' && r.importId === first.importId)).toBe(true);
  });

  it('replaces a period whose numbers changed, and the audit keeps the before and after', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    await importRows(t.db, org, weeks(streamId, 3));
    const changed = weeks(streamId, 4, (i) => (i === 1 ? { leadTimeSeconds: 50_000 } : {}));
    const { counts } = await importRows(t.db, org, changed);
    expect(counts).toEqual({ added: 1, replaced: 1, skipped: 2, totalRows: 4 });
    const stored = await listMeasurements(t.db, org, { streamId, from: '2024-01-08', to: '2024-01-14' });
    expect(stored.map((r) => r.leadTimeSeconds)).toEqual([50_000]);
    const audit = await as(t.db, org, 'admin').measurements.audit({ orgSlug: org.org.slug, streamId });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'update', before: { leadTimeSeconds: 36_001, periodStart: '2024-01-08' }, after: { leadTimeSeconds: 50_000 } });
  });

  it('a chunk with a bad row stages nothing, reports every error, and the import cannot be committed', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const caller = as(t.db, org, 'owner');
    const rows = weeks(streamId, 5, (i) => (i === 2 ? { processTimeSeconds: 99_999_999 } : i === 4 ? { pctCompleteAccurate: 140 } : {}));
    const { importId } = await caller.imports.start({ orgSlug: org.org.slug, fileName: 'bad.csv', totalRows: 5 });
    const staged = await caller.imports.stage({ orgSlug: org.org.slug, importId, rows });
    expect(staged.staged).toBe(0);
    expect(staged.errors).toEqual([
      { row: 4, field: 'processTimeSeconds', message: 'Process time cannot be longer than lead time.' },
      { row: 6, field: 'pctCompleteAccurate', message: 'The %C&A is too large.' },
    ]);
    const refused = await expectCode(caller.imports.commit({ orgSlug: org.org.slug, importId }), 'BAD_REQUEST');
    expect(refused.message).toBe('Only 0 of 5 rows arrived. Import the file again.');
    expect(await listMeasurements(t.db, org, { streamId })).toEqual([]);
  });

  it('all or nothing: a commit that fails on one row writes none of them', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const caller = as(t.db, org, 'owner');
    const rows = weeks(streamId, 10);
    const { importId } = await caller.imports.start({ orgSlug: org.org.slug, fileName: 'w.csv', totalRows: 11 });
    await caller.imports.stage({ orgSlug: org.org.slug, importId, rows: rows.slice(0, 6) });
    // Another chunk repeats row 3's period with other numbers: each chunk alone is fine.
    const clash = { row: 99, values: { ...rows[1]?.values, leadTimeSeconds: 40_000 } };
    await caller.imports.stage({ orgSlug: org.org.slug, importId, rows: [...rows.slice(6), clash] });
    const refused = await expectCode(caller.imports.commit({ orgSlug: org.org.slug, importId }), 'BAD_REQUEST');
    expect(refused.message).toContain('rows 3 and 99');
    expect(await listMeasurements(t.db, org, { streamId })).toEqual([]);
  });

  it('refuses unknown streams, another organization’s stream and a lead’s stream they do not own, row by row', async () => {
    const org = await makeOrgWithRoles(t.db);
    const other = await makeOrgWithRoles(t.db);
    const mine = await makeStream(t.db, org, { ownedBy: 'lead' });
    const notMine = await makeStream(t.db, org, { ownedBy: 'admin' });
    const foreign = await makeStream(t.db, other);
    const rows = [...weeks(mine, 1), ...weeks(notMine, 1), ...weeks(foreign, 1), ...weeks('00000000-0000-4000-8000-000000000000', 1)].map((r, i) => ({ ...r, row: i + 2 }));
    const caller = as(t.db, org, 'lead');
    const { importId } = await caller.imports.start({ orgSlug: org.org.slug, fileName: 'x.csv', totalRows: 4 });
    const staged = await caller.imports.stage({ orgSlug: org.org.slug, importId, rows });
    expect(staged.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [3, 'streamId', 'Team leads log measurements for the streams they own.'],
      [4, 'streamId', 'No value stream with this id in this organization.'],
      [5, 'streamId', 'No value stream with this id in this organization.'],
    ]);
    expect(await listMeasurements(t.db, other, {})).toEqual([]);
  });

  it('viewers cannot import; another organization gets NOT_FOUND for the procedures and for the import id', async () => {
    const org = await makeOrgWithRoles(t.db);
    const other = await makeOrgWithRoles(t.db);
    await expectCode(as(t.db, org, 'viewer').imports.start({ orgSlug: org.org.slug, fileName: 'a.csv', totalRows: 1 }), 'FORBIDDEN');
    await expectCode(as(t.db, other, 'owner').imports.start({ orgSlug: org.org.slug, fileName: 'a.csv', totalRows: 1 }), 'NOT_FOUND');
    const { importId } = await as(t.db, org, 'owner').imports.start({ orgSlug: org.org.slug, fileName: 'a.csv', totalRows: 1 });
    await expectCode(as(t.db, other, 'owner').imports.commit({ orgSlug: other.org.slug, importId }), 'NOT_FOUND');
    await expectCode(as(t.db, org, 'admin').imports.commit({ orgSlug: org.org.slug, importId }), 'NOT_FOUND');
  });

  it('committing twice returns the first result and adds nothing', async () => {
    const org = await makeOrgWithRoles(t.db);
    const streamId = await makeStream(t.db, org);
    const { importId, counts } = await importRows(t.db, org, weeks(streamId, 3));
    const again = await as(t.db, org, 'owner').imports.commit({ orgSlug: org.org.slug, importId });
    expect(again).toEqual(counts);
    expect(await listMeasurements(t.db, org, { streamId })).toHaveLength(3);
    const history = await as(t.db, org, 'owner').imports.list({ orgSlug: org.org.slug });
    expect(history.map((h) => [h.id, h.added])).toEqual([[importId, 3]]);
  });
});
