/**
 * Sessions end when they should (issue 11, finding 3): at sign-out, at a password change (every
 * other session), with "sign out everywhere", at their absolute end, and an old secret after its
 * rotation; the very next request with an ended session's cookie is refused, by the tenant door
 * and by every signed-in procedure.
 */
import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { findUserByEmail } from '@/db/queries/users';
import { sessions } from '@/db/schema';
import { withUser } from '@/db/tenant';
import { MAX_BATCH_SIZE } from '@/lib/api/batch';
import { handleTrpc } from '@/server/api/trpc';
import {
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS,
  verifyCredentials,
} from '@/server/services/accounts';
import { verifyPassword } from '@/server/services/passwords';
import {
  endSession,
  hashSessionSecret,
  ROTATION_GRACE_MS,
  rotateSession,
  SESSION_MS,
  type SessionClaim,
} from '@/server/services/sessions';
import { expectCode, expectFieldError } from './errors';
import {
  callerFor,
  forEachDriver,
  makeOrgWithRoles,
  makeUser,
  newAddress,
  newSession,
  otherConnection,
  TEST_PASSWORD,
} from './harness';

const NEW_PASSWORD = 'plum-orbit-canvas-42';

/** The session's row, read as its user (row-level security shows no one else's). */
async function sessionRow(db: Db, session: { userId: string; id: string }) {
  const [row] = await withUser(db, session.userId, (tx) =>
    tx.select().from(sessions).where(eq(sessions.id, session.id)),
  );
  if (!row) throw new Error(`No session ${session.id}`);
  return row;
}

/** A caller with exactly this cookie's claim. */
const as = (db: Db, claim: SessionClaim, address?: string) =>
  callerFor(db, claim.userId, { session: claim, address });

/** Whether a cookie with this claim still gets in: through the door, and to a signed-in procedure. */
async function getsIn(db: Db, claim: SessionClaim, orgSlug: string): Promise<boolean> {
  const results = await Promise.allSettled([
    as(db, claim).orgs.current({ orgSlug }),
    as(db, claim).orgs.mine(),
  ]);
  const codes = results.map((r) =>
    r.status === 'fulfilled' ? 'ok' : (r.reason as { code?: string }).code,
  );
  if (codes.every((c) => c === 'ok')) return true;
  if (codes.every((c) => c === 'UNAUTHORIZED')) return false;
  throw new Error(`The door and the procedure disagree: ${codes.join(', ')}`);
}

forEachDriver('sessions', (t) => {
  it('signing out ends that session at once, and only that one', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const laptop = await newSession(t.db, users.admin.id);
    const phone = await newSession(t.db, users.admin.id);
    expect(await getsIn(t.db, laptop, org.slug)).toBe(true);
    await endSession(t.db, laptop);
    expect(await getsIn(t.db, laptop, org.slug)).toBe(false);
    expect(await getsIn(t.db, phone, org.slug)).toBe(true);
  });

  it('a cookie naming no session, or another user’s session, is refused', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const owners = await newSession(t.db, users.owner.id);
    expect(
      await getsIn(t.db, { userId: users.owner.id, secretHash: 'a'.repeat(64) }, org.slug),
    ).toBe(false);
    expect(await getsIn(t.db, { ...owners, userId: users.admin.id }, org.slug)).toBe(false);
  });

  it('changing the password ends every other session, keeps this one, and the new password is the one that works', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const here = await newSession(t.db, users.lead.id);
    const elsewhere = await newSession(t.db, users.lead.id);
    const answer = await as(t.db, here).account.changePassword({
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(answer).toEqual({ otherSessionsEnded: 1 });
    expect(await getsIn(t.db, here, org.slug)).toBe(true);
    expect(await getsIn(t.db, elsewhere, org.slug)).toBe(false);
    const row = await findUserByEmail(t.db, users.lead.email);
    expect(await verifyPassword(row?.passwordHash ?? '', NEW_PASSWORD)).toBe(true);
    const address = newAddress();
    expect(
      await verifyCredentials(t.db, { email: users.lead.email, password: TEST_PASSWORD, address }),
    ).toBeNull();
    expect(
      await verifyCredentials(t.db, { email: users.lead.email, password: NEW_PASSWORD, address }),
    ).toMatchObject({ id: users.lead.id });
  });

  it('refuses a wrong current password on its field, and a weak or unchanged new one on its own, changing nothing', async () => {
    const user = await makeUser(t.db);
    const here = await newSession(t.db, user.id);
    const other = await newSession(t.db, user.id);
    const before = await findUserByEmail(t.db, user.email);
    const messages = await expectFieldError(
      as(t.db, here).account.changePassword({
        currentPassword: 'not-it-at-all',
        newPassword: NEW_PASSWORD,
      }),
      'currentPassword',
    );
    expect(messages.join(' ')).toMatch(/not your current password/);
    await expectFieldError(
      as(t.db, here).account.changePassword({
        currentPassword: TEST_PASSWORD,
        newPassword: 'password123',
      }),
      'newPassword',
    );
    await expectFieldError(
      as(t.db, here).account.changePassword({
        currentPassword: TEST_PASSWORD,
        newPassword: TEST_PASSWORD,
      }),
      'newPassword',
    );
    expect(await findUserByEmail(t.db, user.email)).toEqual(before);
    expect(await as(t.db, other).account.sessions()).toHaveLength(2);
  });

  it('wrong current passwords count as failed sign-ins: a stolen session cannot guess the password', async () => {
    const user = await makeUser(t.db);
    const here = await newSession(t.db, user.id);
    const address = newAddress();
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS; i++) {
      await expectCode(
        as(t.db, here, address).account.changePassword({
          currentPassword: `guess-${i}`,
          newPassword: NEW_PASSWORD,
        }),
        'BAD_REQUEST',
      );
    }
    await expectCode(
      as(t.db, here, address).account.changePassword({
        currentPassword: TEST_PASSWORD,
        newPassword: NEW_PASSWORD,
      }),
      'TOO_MANY_REQUESTS',
    );
  });

  it('“sign out everywhere” ends every session of the person, this one too, and no one else’s', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const here = await newSession(t.db, users.viewer.id);
    const there = await newSession(t.db, users.viewer.id);
    const someoneElse = await newSession(t.db, users.owner.id);
    expect(await as(t.db, here).account.signOutEverywhere()).toEqual({ ended: 2 });
    expect(await getsIn(t.db, here, org.slug)).toBe(false);
    expect(await getsIn(t.db, there, org.slug)).toBe(false);
    expect(await getsIn(t.db, someoneElse, org.slug)).toBe(true);
  });

  it('lists the person’s own live sessions, this one marked, with no secret or hash', async () => {
    const user = await makeUser(t.db);
    const other = await makeUser(t.db);
    const first = await newSession(t.db, user.id);
    const second = await newSession(t.db, user.id);
    await newSession(t.db, other.id);
    await newSession(t.db, user.id, new Date(Date.now() - SESSION_MS - 60_000)); // ended
    const list = await as(t.db, second).account.sessions();
    expect(list.map((s) => [s.id, s.current])).toEqual([
      [first.id, false],
      [second.id, true],
    ]);
    expect(Object.keys(list[0] ?? {}).sort()).toEqual(
      ['createdAt', 'current', 'expiresAt', 'id', 'lastSeenAt', 'userAgent'].sort(),
    );
  });

  it(`ends ${SESSION_MS / 86_400_000} days after sign-in however much it is used`, async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const almost = await newSession(
      t.db,
      users.owner.id,
      new Date(Date.now() - SESSION_MS + 60_000),
    );
    const over = await newSession(t.db, users.owner.id, new Date(Date.now() - SESSION_MS - 1000));
    const before = await sessionRow(t.db, almost);
    expect(await getsIn(t.db, almost, org.slug)).toBe(true);
    expect(await getsIn(t.db, over, org.slug)).toBe(false);
    // Use does not move the end: a rotation neither.
    expect(
      await rotateSession(t.db, { userId: users.owner.id, secret: almost.secret }),
    ).not.toBeNull();
    const after = await sessionRow(t.db, almost);
    expect(after.expiresAt).toEqual(before.expiresAt);
    expect(after.secretHash).not.toBe(before.secretHash);
    expect(await rotateSession(t.db, { userId: users.owner.id, secret: over.secret })).toBeNull();
  });

  it('rotation: the new secret works, the old one only for the grace, and two rotations at once agree', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const old = await newSession(t.db, users.lead.id);
    const [a, b] = await Promise.all([
      rotateSession(t.db, { userId: users.lead.id, secret: old.secret }),
      rotateSession(t.db, { userId: users.lead.id, secret: old.secret }),
    ]);
    expect(a).toEqual(expect.any(String));
    expect(b).toBe(a);
    const fresh = { userId: users.lead.id, secretHash: hashSessionSecret(a ?? '') };
    expect(await getsIn(t.db, fresh, org.slug)).toBe(true);
    expect(await getsIn(t.db, old, org.slug)).toBe(true); // a request already on its way

    // Rotated longer ago than the grace: the old secret is refused, the new one still works.
    const earlier = await newSession(t.db, users.lead.id);
    const rotatedAt = new Date(Date.now() - ROTATION_GRACE_MS - 1000);
    const next = await rotateSession(t.db, {
      userId: users.lead.id,
      secret: earlier.secret,
      now: rotatedAt,
    });
    expect(await getsIn(t.db, earlier, org.slug)).toBe(false);
    expect(
      await getsIn(
        t.db,
        { userId: users.lead.id, secretHash: hashSessionSecret(next ?? '') },
        org.slug,
      ),
    ).toBe(true);
    // Signing out with the old cookie during the grace ends the session too.
    await endSession(t.db, old);
    expect(await getsIn(t.db, fresh, org.slug)).toBe(false);
  });

  it('records “last seen” when it is older than a few minutes, not on every request', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    const session = await newSession(t.db, users.owner.id, tenMinutesAgo);
    const lastSeen = async () => (await sessionRow(t.db, session)).lastSeenAt;
    expect(await lastSeen()).toEqual(tenMinutesAgo);
    await as(t.db, session).orgs.current({ orgSlug: org.slug });
    const seen = await lastSeen();
    expect(seen?.getTime()).toBeGreaterThan(tenMinutesAgo.getTime());
    await as(t.db, session).orgs.mine();
    expect(await lastSeen()).toEqual(seen);
  });

  it.skipIf(t.driver === 'pglite')(
    'a session row another transaction holds is not waited for (Postgres: PGlite has one connection)',
    async () => {
      const { org, users } = await makeOrgWithRoles(t.db);
      const session = await newSession(t.db, users.owner.id, new Date(Date.now() - 10 * 60_000));
      const other = await otherConnection(t.db);
      try {
        await other.begin(async (tx) => {
          await tx`select id from sessions where id = ${session.id} for update`;
          // The door's statement would otherwise wait here until this transaction ends.
          expect(await as(t.db, session).orgs.current({ orgSlug: org.slug })).toMatchObject({
            slug: org.slug,
          });
        });
      } finally {
        await other.end();
      }
    },
  );

  it('removal from an organization needs no session end: the next request to it is refused, the others go on', async () => {
    const { org, users } = await makeOrgWithRoles(t.db);
    const other = await makeOrgWithRoles(t.db);
    const removed = await newSession(t.db, users.lead.id);
    await as(t.db, removed).orgs.current({ orgSlug: org.slug });
    await callerFor(t.db, users.owner.id).members.remove({
      orgSlug: org.slug,
      userId: users.lead.id,
    });
    await expectCode(as(t.db, removed).orgs.current({ orgSlug: org.slug }), 'NOT_FOUND');
    await expectCode(as(t.db, removed).streams.list({ orgSlug: org.slug }), 'NOT_FOUND');
    expect(await as(t.db, removed).orgs.mine()).toEqual([]);
    await expectCode(as(t.db, removed).orgs.current({ orgSlug: other.org.slug }), 'NOT_FOUND');
  });
});

forEachDriver('tRPC batches', (t) => {
  const batch = (n: number) =>
    new Request(
      `http://test.local/api/trpc/${Array.from({ length: n }, () => 'orgs.mine').join(',')}?batch=1&input=${encodeURIComponent('{}')}`,
    );

  it(`carry at most ${MAX_BATCH_SIZE} calls: one more is refused whole (400) before any runs`, async () => {
    const user = await makeUser(t.db);
    const session = await newSession(t.db, user.id);
    const context = async () => ({ db: t.db, session, address: newAddress() });
    const ok = await handleTrpc(batch(MAX_BATCH_SIZE), context);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toHaveLength(MAX_BATCH_SIZE);
    let opened = 0;
    const refused = await handleTrpc(batch(MAX_BATCH_SIZE + 1), async () => {
      opened += 1;
      return context();
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toMatch(/exceeds maximum size/);
    expect(opened).toBe(0);
  });
});
