import { expect, it } from 'vitest';
import type { Db } from '@/db/client';
import {
  MAX_FAILURES_PER_ACCOUNT_AND_ADDRESS as MAX_FAILURES_PER_ACCOUNT,
  MAX_FAILURES_PER_ADDRESS,
  SIGN_IN_WINDOW_MS,
  verifyCredentials,
} from '@/server/services/accounts';
import { clientAddress } from '@/lib/auth/client-address';
import { RateLimited as SignInRateLimited } from '@/server/services/rate-limits';
import { forEachDriver, makeUser, newAddress, TEST_PASSWORD, uniqueEmail } from './harness';

async function signIn(db: Db, email: string, password: string, address: string, now?: Date) {
  return verifyCredentials(db, { email, password, address, now });
}

async function failTimes(db: Db, n: number, email: string, address: string) {
  for (let i = 0; i < n; i++) expect(await signIn(db, email, 'wrong-password', address)).toBeNull();
}

async function rateLimitOf(call: Promise<unknown>): Promise<SignInRateLimited> {
  try {
    await call;
  } catch (error) {
    if (error instanceof SignInRateLimited) return error;
    throw error;
  }
  throw new Error('Expected SignInRateLimited, but the sign-in went through');
}

forEachDriver('sign-in (verifyCredentials)', (t) => {
  it('returns the user for the right password, null for a wrong one or an unknown email', async () => {
    const user = await makeUser(t.db);
    const address = newAddress();
    expect(await signIn(t.db, user.email, TEST_PASSWORD, address)).toEqual({
      id: user.id,
      name: user.name,
      email: user.email,
    });
    expect(
      await signIn(t.db, `  ${user.email.toUpperCase()} `, TEST_PASSWORD, address),
    ).toMatchObject({ id: user.id });
    expect(await signIn(t.db, user.email, `${TEST_PASSWORD}x`, address)).toBeNull();
    expect(await signIn(t.db, uniqueEmail('ghost'), TEST_PASSWORD, address)).toBeNull();
  });

  it(`after ${MAX_FAILURES_PER_ACCOUNT} wrong passwords from one address even the right one is refused from it, not from another`, async () => {
    const user = await makeUser(t.db);
    const address = newAddress();
    await failTimes(t.db, MAX_FAILURES_PER_ACCOUNT, user.email, address);
    const limited = await rateLimitOf(signIn(t.db, user.email, TEST_PASSWORD, address));
    expect(limited.retryAfterMs).toBeGreaterThan(SIGN_IN_WINDOW_MS - 60_000);
    expect(limited.retryAfterMs).toBeLessThanOrEqual(SIGN_IN_WINDOW_MS);
    await rateLimitOf(signIn(t.db, user.email.toUpperCase(), TEST_PASSWORD, address));
    // The attacker's address is locked out of this account; its owner, elsewhere, is not.
    expect(await signIn(t.db, user.email, TEST_PASSWORD, newAddress())).toMatchObject({
      id: user.id,
    });
  });

  it('an attacker guessing from many addresses cannot lock the owner out', async () => {
    const victim = await makeUser(t.db);
    for (let a = 0; a < 4; a++) {
      const attacker = newAddress();
      await failTimes(t.db, MAX_FAILURES_PER_ACCOUNT, victim.email, attacker);
      await rateLimitOf(signIn(t.db, victim.email, 'one-more-guess', attacker));
    }
    expect(await signIn(t.db, victim.email, TEST_PASSWORD, newAddress())).toMatchObject({
      id: victim.id,
    });
  });

  it(`guesses made in parallel still get at most ${MAX_FAILURES_PER_ACCOUNT} password checks`, async () => {
    const user = await makeUser(t.db);
    const attempts = 4 * MAX_FAILURES_PER_ACCOUNT;
    const address = newAddress();
    const results = await Promise.allSettled(
      Array.from({ length: attempts }, (_, i) => signIn(t.db, user.email, `wrong-${i}`, address)),
    );
    const checked = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter(
      (r) => r.status === 'rejected' && r.reason instanceof SignInRateLimited,
    );
    expect(checked.length + refused.length).toBe(attempts);
    expect(checked.length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    for (const r of checked) expect(r.value).toBeNull();
  });

  it('a refused attempt does not prolong the lock-out', async () => {
    const user = await makeUser(t.db);
    const address = newAddress();
    await failTimes(t.db, MAX_FAILURES_PER_ACCOUNT, user.email, address);
    const first = await rateLimitOf(signIn(t.db, user.email, TEST_PASSWORD, address));
    for (let i = 0; i < 3; i++) await rateLimitOf(signIn(t.db, user.email, 'still-wrong', address));
    const last = await rateLimitOf(signIn(t.db, user.email, TEST_PASSWORD, address));
    expect(last.retryAfterMs).toBeLessThanOrEqual(first.retryAfterMs);
  });

  it('one locked account leaves other accounts alone, even from the same address', async () => {
    const locked = await makeUser(t.db);
    const other = await makeUser(t.db);
    const address = newAddress();
    await failTimes(t.db, MAX_FAILURES_PER_ACCOUNT, locked.email, address);
    await rateLimitOf(signIn(t.db, locked.email, TEST_PASSWORD, address));
    expect(await signIn(t.db, other.email, TEST_PASSWORD, address)).toMatchObject({ id: other.id });
  });

  it('a successful sign-in clears the account’s count of failures', async () => {
    const user = await makeUser(t.db);
    const address = newAddress();
    await failTimes(t.db, MAX_FAILURES_PER_ACCOUNT - 1, user.email, address);
    expect(await signIn(t.db, user.email, TEST_PASSWORD, address)).toMatchObject({ id: user.id });
    await failTimes(t.db, MAX_FAILURES_PER_ACCOUNT - 1, user.email, address);
    expect(await signIn(t.db, user.email, TEST_PASSWORD, address)).toMatchObject({ id: user.id });
  });

  it('failures older than the window no longer count', async () => {
    const user = await makeUser(t.db);
    const address = newAddress();
    await failTimes(t.db, MAX_FAILURES_PER_ACCOUNT, user.email, address);
    const later = new Date(Date.now() + SIGN_IN_WINDOW_MS + 60_000);
    expect(await signIn(t.db, user.email, TEST_PASSWORD, address, later)).toMatchObject({
      id: user.id,
    });
  });

  it(`after ${MAX_FAILURES_PER_ADDRESS} failures from one address, every account is refused from it`, async () => {
    const address = newAddress();
    // Many accounts, each below its own limit: only the address limit can trip.
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      expect(await signIn(t.db, uniqueEmail('spray'), 'wrong-password', address)).toBeNull();
    }
    const victim = await makeUser(t.db);
    await rateLimitOf(signIn(t.db, victim.email, TEST_PASSWORD, address));
    expect(await signIn(t.db, victim.email, TEST_PASSWORD, newAddress())).toMatchObject({
      id: victim.id,
    });
  });
});

forEachDriver('sign-in behind a proxy (TRUSTED_PROXY_HOPS = 1)', (t) => {
  /** The headers our proxy forwards: what the client sent in X-Forwarded-For, then the address it saw. */
  const through = (forged: string, seen: string) =>
    new Headers({ 'x-forwarded-for': forged ? `${forged}, ${seen}` : seen });

  it('a client writing its own X-Forwarded-For still counts as the address the proxy saw', async () => {
    const user = await makeUser(t.db);
    const seen = `203.0.113.${Math.floor(Math.random() * 250)}`;
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      const address = clientAddress(through(`10.0.0.${i}, 192.0.2.${i}`, seen), 1);
      expect(address).toBe(seen);
      expect(await signIn(t.db, user.email, 'wrong-password', address)).toBeNull();
    }
    const forged = clientAddress(through('10.9.9.9', seen), 1);
    await rateLimitOf(signIn(t.db, user.email, TEST_PASSWORD, forged));
  });
});
