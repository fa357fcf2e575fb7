/**
 * Demo measurements for the demo organizations: weekly numbers for each of their demo streams
 * (./data/measurements.ts makes them). Inserted straight into the table, many rows per
 * statement, so that the first start of the embedded database stays quick; the generator's unit
 * test holds every row to the same validation as the form.
 */
import type { Db } from '@/db/client';
import { insertImprovementRows } from '@/db/queries/improvements';
import { countMeasurements, insertMeasurementRows } from '@/db/queries/measurements';
import { listMembers } from '@/db/queries/orgs';
import { listStreams } from '@/db/queries/streams';
import type { improvements, measurements } from '@/db/schema';
import { withTenant } from '@/db/tenant';
import { demoMeasurements, type DemoOptions } from './data/measurements';
import { demoStreams } from './streams';

export interface SeedMeasurementsResult {
  /** Measurements added by this run. */
  added: number;
  /** Measurements the organization already had (then none are added). */
  existing: number;
}

/**
 * Adds the demo measurements of `org.slug` to those of its demo streams it has (by name), unless
 * the organization has measurements already: seeding twice adds nothing. Each row is entered by
 * the stream's owner, or by the organization's lead (else its owner) for a stream without one.
 */
export async function seedDemoMeasurements(
  db: Db,
  org: { id: string; slug: string },
  opts: DemoOptions = {},
): Promise<SeedMeasurementsResult> {
  const seeds = demoStreams[org.slug] ?? [];
  if (seeds.length === 0) return { added: 0, existing: 0 };
  return withTenant(db, { orgId: org.id }, async (tx) => {
    const existing = await countMeasurements(tx, org.id);
    if (existing > 0) return { added: 0, existing };

    const members = await listMembers(tx, org.id);
    const fallback = (
      members.find((m) => m.role === 'lead') ?? members.find((m) => m.role === 'owner')
    )?.userId;
    const byName = new Map(
      (await listStreams(tx, { orgId: org.id, includeArchived: true })).map((s) => [s.name, s]),
    );
    const present = seeds.filter((s) => byName.has(s.fields.name.trim()));

    const rows: (typeof measurements.$inferInsert)[] = [];
    const kaizen: (typeof improvements.$inferInsert)[] = [];
    for (const series of demoMeasurements(present, opts)) {
      const stream = byName.get(series.name);
      const enteredBy = stream?.ownerId ?? fallback;
      if (!stream || !enteredBy) continue;
      for (const row of series.rows)
        rows.push({ ...row, orgId: org.id, streamId: stream.id, enteredBy });
      // Each kaizen event of the series, as the improvement a team would have recorded: done within its week.
      for (const e of series.events.filter((ev) => ev.kind === 'improvement')) {
        const title = e.note.replace(/^Kaizen:\s*/i, '');
        kaizen.push({
          orgId: org.id,
          streamId: stream.id,
          title: title.charAt(0).toUpperCase() + title.slice(1),
          waste: e.wastes[0] ?? null,
          metric: 'lead_time',
          ownerId: stream.ownerId,
          startedOn: e.periodStart,
          completedOn: new Date(Date.parse(e.periodStart) + 4 * 86_400_000)
            .toISOString()
            .slice(0, 10),
          windowWeeks: 8,
          expectedEffect: e.wastes.length
            ? `A shorter lead time, with less time lost to ${e.wastes.map((w) => w.replace(/_/g, ' ')).join(', ')}`
            : 'A shorter lead time',
          createdBy: enteredBy,
        });
      }
    }
    await insertImprovementRows(tx, kaizen);
    await insertMeasurementRows(tx, rows);
    return { added: rows.length, existing: 0 };
  });
}
