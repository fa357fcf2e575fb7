import { describe, expect, it } from 'vitest';
import { clientAddress, PEER_HEADER } from '@/lib/auth/client-address';

const xff = (value: string) => new Headers({ 'x-forwarded-for': value });

describe('clientAddress', () => {
  it('with no proxy of ours (0), ignores X-Forwarded-For: the client wrote it', () => {
    expect(clientAddress(xff('203.0.113.7'), 0)).toBe('unknown');
    expect(clientAddress(new Headers(), 0)).toBe('unknown');
  });

  it('with no proxy, takes the connection address the launcher wrote, never the forwarded one', () => {
    const headers = xff('203.0.113.7');
    headers.set(PEER_HEADER, '198.51.100.4');
    expect(clientAddress(headers, 0)).toBe('198.51.100.4');
    // Behind a proxy the peer is the proxy: the forwarded entry it appended counts instead.
    expect(clientAddress(headers, 1)).toBe('203.0.113.7');
  });

  it('with one proxy, takes the entry it appended (the rightmost), whatever the client put before it', () => {
    expect(clientAddress(xff('203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientAddress(xff('1.1.1.1, 2.2.2.2 ,203.0.113.7'), 1)).toBe('203.0.113.7');
  });

  it('with two proxies, takes the second entry from the right', () => {
    expect(clientAddress(xff('6.6.6.6, 203.0.113.7, 10.0.0.2'), 2)).toBe('203.0.113.7');
  });

  it('fewer entries than proxies (a request that skipped one) is the one address "unknown"', () => {
    expect(clientAddress(xff('203.0.113.7'), 2)).toBe('unknown');
    expect(clientAddress(new Headers(), 1)).toBe('unknown');
    expect(clientAddress(xff(' , '), 1)).toBe('unknown');
  });
});
