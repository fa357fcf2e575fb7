/**
 * Demo value streams for the demo organizations: every kind and type, current-state maps
 * re-mapped once or more, future states, and the links from development to operational
 * streams. The data lives in ./data/ (a folder per organization, a file per stream); this file
 * saves it through the same services as user input, so it passes the same validation (maps are
 * parsed here first, as the router parses the editor's).
 */
import type { Role, MapState } from '@/lib/domain';
import type { Db } from '@/db/client';
import { listMembers } from '@/db/queries/orgs';
import { listStreams } from '@/db/queries/streams';
import { withTenant } from '@/db/tenant';
import { acmeStreams } from './data/acme';
import type { SeedMap, SeedStream } from './data/define';
import { northwindStreams } from './data/northwind';
import { saveMap, startFutureFromCurrent } from '@/server/services/maps';
import type { Actor } from '@/server/services/members';
import { createStream, setLinks } from '@/server/services/streams';
import { saveMapInput, type SaveMapValues } from '@/lib/validation/maps';
import { streamFields } from '@/lib/validation/streams';
import { defaultCalendar, type WorkingCalendar } from '@/lib/vsm/types';
import { toSeconds } from '@/lib/vsm/units';

/** The demo streams of each demo organization, by slug. */
export const demoStreams: Readonly<Record<string, readonly SeedStream[]>> = {
  'northwind-retail': northwindStreams,
  'acme-motors': acmeStreams,
};

export interface SeedStreamsResult {
  /** Streams added by this run. */
  added: number;
  /** Streams the organization already had (then none are added). */
  existing: number;
}

/** A seeded map as the editor would send it, parsed here: services take valid input only. */
function mapInput(
  streamId: string,
  state: MapState,
  map: SeedMap,
  calendar: WorkingCalendar,
): SaveMapValues {
  return saveMapInput.parse({
    streamId,
    state,
    calendar,
    note: map.note,
    steps: map.steps.map((s) => ({
      name: s.name,
      processTimeSeconds: toSeconds(s.processTime[0], s.processTime[1], calendar),
      leadTimeSeconds: toSeconds(s.leadTime[0], s.leadTime[1], calendar),
      processTimeUnit: s.processTime[1],
      leadTimeUnit: s.leadTime[1],
      pctCompleteAccurate: s.pctCompleteAccurate,
      people: s.people,
      wastes: s.wastes,
      notes: s.notes,
    })),
  });
}

/**
 * Adds the demo streams of `slug` to the organization, unless it has value streams already
 * (archived ones count): so seeding twice adds nothing, and an existing database gets them once.
 * All of an organization's streams go in one transaction, as its owner.
 */
export async function seedDemoStreams(
  db: Db,
  org: { id: string; slug: string },
): Promise<SeedStreamsResult> {
  const streams = demoStreams[org.slug] ?? [];
  const before = await withTenant(db, { orgId: org.id }, async (tx) => ({
    existing: (await listStreams(tx, { orgId: org.id, includeArchived: true })).length,
    members: await listMembers(tx, org.id),
  }));
  const memberWith = (role: Role) => before.members.find((m) => m.role === role)?.userId ?? null;
  const ownerId = memberWith('owner');
  if (before.existing > 0 || streams.length === 0 || !ownerId)
    return { added: 0, existing: before.existing };

  const actor: Actor = { orgId: org.id, userId: ownerId, role: 'owner' };
  return withTenant(db, { orgId: org.id, userId: ownerId }, async (tx) => {
    // Checked again inside the writing transaction, in case another seed got there first.
    const existing = (await listStreams(tx, { orgId: org.id, includeArchived: true })).length;
    if (existing > 0) return { added: 0, existing };

    const idByName = new Map<string, string>();
    for (const s of streams) {
      const fields = streamFields.parse({
        ...s.fields,
        ownerId: s.owner ? memberWith(s.owner) : null,
      });
      const stream = await createStream(tx, actor, fields);
      idByName.set(stream.name, stream.id);
      const calendar = s.calendar ?? defaultCalendar;
      for (const version of s.current)
        await saveMap(tx, actor, mapInput(stream.id, 'current', version, calendar));
      if (s.future) {
        await startFutureFromCurrent(tx, actor, stream.id);
        await saveMap(tx, actor, mapInput(stream.id, 'future', s.future, calendar));
      }
    }
    for (const s of streams) {
      const id = idByName.get(s.fields.name.trim());
      if (!id || !s.feeds) continue;
      const operationalStreamIds = s.feeds.map((name) => {
        const target = idByName.get(name);
        if (!target)
          throw new Error(
            `Demo stream "${s.fields.name}" feeds "${name}", which is not a demo stream.`,
          );
        return target;
      });
      await setLinks(tx, actor, { id, operationalStreamIds });
    }
    return { added: streams.length, existing: 0 };
  });
}
