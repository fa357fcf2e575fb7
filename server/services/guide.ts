import type { z } from 'zod';
import type { Db } from '@/db/client';
import { lockStream, updateStream as updateRow } from '@/db/queries/streams';
import type { completeGuideInput, saveDraftInput } from '@/lib/validation/guide';
import { AppError } from '../errors';
import { saveMap } from './maps';
import type { Actor } from './members';
import { assertCanEdit, createStream, requireStream, updateStream } from './streams';

/** Creates or updates the draft stream behind the identification guide. */
export async function saveDraft(db: Db, actor: Actor, input: z.output<typeof saveDraftInput>) {
  if (!input.id) {
    const stream = await createStream(db, actor, input.fields, { draft: true });
    await updateRow(db, { orgId: actor.orgId, id: stream.id }, { guide: input.guide });
    return { id: stream.id };
  }
  const stream = await requireStream(db, actor, input.id);
  assertCanEdit(actor, stream);
  if (stream.status !== 'draft')
    throw new AppError('BAD_REQUEST', 'This stream has already been saved; edit it from its page.');
  // The guide's form may not know the owner the server chose when it created the draft: keep it.
  await updateStream(db, actor, input.id, {
    ...input.fields,
    ownerId: input.fields.ownerId ?? stream.ownerId,
  });
  await updateRow(db, { orgId: actor.orgId, id: input.id }, { guide: input.guide });
  return { id: input.id };
}

/** Saves the guide's map as the stream's first current state and makes the stream active. */
export async function completeGuide(
  db: Db,
  actor: Actor,
  input: z.output<typeof completeGuideInput>,
) {
  // Locked before the status is read: a second completion at the same moment then sees 'active'.
  await lockStream(db, { orgId: actor.orgId, id: input.id });
  const stream = await requireStream(db, actor, input.id);
  assertCanEdit(actor, stream);
  if (stream.status !== 'draft')
    throw new AppError('BAD_REQUEST', 'This stream has already been saved.');
  const map = await saveMap(db, actor, {
    streamId: input.id,
    state: 'current',
    calendar: input.calendar,
    steps: input.steps,
    note: 'Mapped with the identification guide',
  });
  await updateRow(
    db,
    { orgId: actor.orgId, id: input.id },
    { status: 'active', guide: { ...input.guide, step: 7 } },
  );
  return { id: input.id, version: map.version };
}
