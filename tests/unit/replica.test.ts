/**
 * The read replica's bookkeeping (server/replica.ts): WAL positions compared as numbers, the
 * `vs-wrote` cookie written and read back, and each person's last write remembered.
 */
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import {
  caughtUp,
  forgetWrites,
  lastWrite,
  laterLsn,
  parseLsn,
  type ReadRoute,
  rememberWrite,
  wroteCookieOf,
} from '@/server/replica';

describe('WAL positions', () => {
  it('reads X/Y as a 64-bit number and refuses anything else', () => {
    expect(parseLsn('0/3000060')).toBe(0x3000060n);
    expect(parseLsn('1/0')).toBe(1n << 32n);
    expect(parseLsn('a/FF')).toBe((10n << 32n) | 255n);
    for (const bad of ['', '3000060', '0/', '/1', '0/1/2', 'G/1', '0/123456789', ' 0/1', null])
      expect(parseLsn(bad)).toBeNull();
  });

  it('compares numerically, not as text ("9/0" is before "10/0", "0/FF" before "0/100")', () => {
    expect(laterLsn('9/0', '10/0')).toBe('10/0');
    expect(laterLsn('0/100', '0/FF')).toBe('0/100');
    expect(laterLsn(null, '0/1')).toBe('0/1');
    expect(laterLsn('0/1', 'junk')).toBe('0/1');
    expect(laterLsn(null, null)).toBeNull();
  });

  it('a replica has caught up when it has replayed at least the write; a primary (null) always has', () => {
    expect(caughtUp('0/3000060', '0/3000060')).toBe(true);
    expect(caughtUp('0/3000061', '0/3000060')).toBe(true);
    expect(caughtUp('0/300005F', '0/3000060')).toBe(false);
    expect(caughtUp('0/FFFFFFFF', '1/0')).toBe(false);
    expect(caughtUp(null, '1/0')).toBe(true);
    expect(caughtUp('0/1', null)).toBe(true);
  });
});

describe('remembering writes', () => {
  const route = (cookie: string | null) => {
    const sent: string[] = [];
    const r: ReadRoute = { db: {} as Db, cookie, setCookie: (h) => sent.push(h) };
    return { r, sent };
  };

  it('sends the later of the cookie and the write back as an HttpOnly cookie, read back from a Cookie header', () => {
    forgetWrites();
    const { r, sent } = route('0/5000000');
    rememberWrite('u1', '0/4000000', r);
    expect(sent).toEqual(['vs-wrote=0/5000000; Path=/; Max-Age=900; HttpOnly; SameSite=Lax']);
    rememberWrite('u1', '0/6000000', r);
    expect(sent.at(-1)).toMatch(/^vs-wrote=0\/6000000;/);
    expect(r.cookie).toBe('0/6000000');
    expect(wroteCookieOf('a=b; vs-wrote=0/6000000; c=d')).toBe('0/6000000');
    expect(wroteCookieOf('vs-wrote=DROP TABLE')).toBeNull();
    expect(wroteCookieOf(null)).toBeNull();
  });

  it('remembers the last write per person in this process; another process knows it by the cookie', () => {
    forgetWrites();
    rememberWrite('u1', '0/2000000');
    expect(lastWrite('u1', null)).toBe('0/2000000');
    expect(lastWrite('u1', '0/3000000')).toBe('0/3000000');
    expect(lastWrite('u2', null)).toBeNull();
    forgetWrites();
    expect(lastWrite('u1', null)).toBeNull();
    expect(lastWrite('u1', '0/2000000')).toBe('0/2000000');
  });
});
