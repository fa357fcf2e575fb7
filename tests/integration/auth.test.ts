import { eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { findUserByEmail } from '@/db/queries/users';
import { signUpLimitPerHour } from '@/lib/env';
import { organizations, users } from '@/db/schema';
import { verifyPassword } from '@/server/services/passwords';
import { expectCode, expectFieldError, invalid } from './errors';
import {
  callerFor,
  forEachDriver,
  makeUser,
  newAddress,
  randomId,
  rolesIn,
  uniqueEmail,
} from './harness';

const GOOD_PASSWORD = 'plum-orbit-canvas-42';

function signUpInput(
  overrides: Partial<Record<'name' | 'email' | 'password' | 'orgName', string>> = {},
) {
  return {
    name: 'Ada Lovelace',
    email: uniqueEmail('signup'),
    password: GOOD_PASSWORD,
    orgName: `Engines ${randomId()}`,
    ...overrides,
  };
}

forEachDriver('auth.signUp', (t) => {
  it('creates the user, their organization and their owner membership', async () => {
    const input = signUpInput();
    const result = await callerFor(t.db, null).auth.signUp(input);
    expect(result).toEqual({ next: 'sign-in' });

    const user = await findUserByEmail(t.db, input.email);
    expect(user).toMatchObject({ name: 'Ada Lovelace', email: input.email });
    if (!user) return;
    expect(user.passwordHash).not.toContain(GOOD_PASSWORD);
    expect(await verifyPassword(user.passwordHash, GOOD_PASSWORD)).toBe(true);

    const [org] = await t.db
      .select()
      .from(organizations)
      .where(eq(organizations.name, input.orgName));
    expect(org?.name).toBe(input.orgName);
    if (!org) return;
    expect(await rolesIn(t.db, org.id)).toEqual({ [user.id]: 'owner' });

    // The new owner sees it as theirs.
    const current = await callerFor(t.db, user.id).orgs.current({ orgSlug: org.slug });
    expect(current.role).toBe('owner');
  });

  it('without an organization name (joining through an invitation) creates only the user', async () => {
    const { orgName: _none, ...input } = signUpInput();
    const result = await callerFor(t.db, null).auth.signUp(input);
    expect(result).toEqual({ next: 'sign-in' });
    const user = await findUserByEmail(t.db, input.email);
    expect(user).toBeDefined();
    if (!user) return;
    expect(await callerFor(t.db, user.id).orgs.mine()).toEqual([]);
  });

  it('normalises the email to trimmed lower case', async () => {
    const local = `MiXeD-${randomId()}`;
    await callerFor(t.db, null).auth.signUp(signUpInput({ email: `  ${local}@Example.TEST  ` }));
    const user = await findUserByEmail(t.db, `${local.toLowerCase()}@example.test`);
    expect(user).toBeDefined();
  });

  it('answers an email that already has an account as any other, and changes nothing: not its password, no organization', async () => {
    const existing = await makeUser(t.db);
    const before = await findUserByEmail(t.db, existing.email);
    const orgName = `Orphan ${randomId()}`;
    const answer = await callerFor(t.db, null).auth.signUp(
      signUpInput({ email: existing.email.toUpperCase(), orgName }),
    );
    const fresh = await callerFor(t.db, null).auth.signUp(signUpInput());
    expect(answer).toEqual(fresh);
    const same = await t.db.select().from(users).where(eq(users.email, existing.email));
    expect(same).toEqual([before]);
    expect(await t.db.select().from(organizations).where(eq(organizations.name, orgName))).toEqual(
      [],
    );
  });

  it(`limits sign-ups per address (SIGN_UP_LIMIT_PER_HOUR, ${signUpLimitPerHour()}): past it, 429 and nothing created`, async () => {
    const address = newAddress();
    for (let i = 0; i < signUpLimitPerHour(); i++) {
      await callerFor(t.db, null, { address }).auth.signUp(signUpInput());
    }
    const refused = signUpInput();
    await expectCode(callerFor(t.db, null, { address }).auth.signUp(refused), 'TOO_MANY_REQUESTS');
    expect(await findUserByEmail(t.db, refused.email)).toBeUndefined();
    // Another address is not held back.
    await callerFor(t.db, null).auth.signUp(refused);
    expect(await findUserByEmail(t.db, refused.email)).toBeDefined();
  });

  it.each(['password123', 'Password123', 'QWERTYUIOP', 'valuestream'])(
    'refuses the common password %s',
    async (password) => {
      const messages = await expectFieldError(
        callerFor(t.db, null).auth.signUp(signUpInput({ password })),
        'password',
      );
      expect(messages.join(' ')).toMatch(/too common/);
    },
  );

  it.each([
    { length: 7, ok: false },
    { length: 8, ok: true },
    { length: 128, ok: true },
    { length: 129, ok: false },
  ])('a password of $length characters: accepted = $ok', async ({ length, ok }) => {
    const password = 'xk7'.repeat(50).slice(0, length);
    const input = signUpInput({ password });
    if (ok) {
      await callerFor(t.db, null).auth.signUp(input);
      expect(await findUserByEmail(t.db, input.email)).toBeDefined();
    } else {
      await expectFieldError(callerFor(t.db, null).auth.signUp(input), 'password');
      expect(await findUserByEmail(t.db, input.email)).toBeUndefined();
    }
  });

  it.each([
    { field: 'email', input: { email: 'not-an-email' } },
    { field: 'name', input: { name: '   ' } },
    { field: 'orgName', input: { orgName: 'x' } },
    { field: 'orgName', input: { orgName: 'x'.repeat(81) } },
  ])('refuses a bad $field', async ({ field, input }) => {
    await expectFieldError(callerFor(t.db, null).auth.signUp(signUpInput(input)), field);
  });

  it('refuses a missing field as BAD_REQUEST on that field', async () => {
    const { password: _omitted, ...rest } = signUpInput();
    await expectFieldError(callerFor(t.db, null).auth.signUp(invalid(rest)), 'password');
  });

  it('of two sign-ups with one email at the same moment, one account is created and both get the same answer', async () => {
    const email = uniqueEmail('race');
    const results = await Promise.all([
      callerFor(t.db, null).auth.signUp(signUpInput({ email })),
      callerFor(t.db, null).auth.signUp(signUpInput({ email })),
    ]);
    expect(results).toEqual([{ next: 'sign-in' }, { next: 'sign-in' }]);
    expect(await t.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
  });
});
