import { describe, expect, it } from 'vitest';
import { appRouter } from '@/server/routers';

/**
 * The procedures of the auth, orgs, members and invitations routers, each covered in
 * tests/integration (roles, other tenants, signed out, bad input). A new procedure in one of
 * these routers fails this test until it is added here, with its integration tests.
 */
const covered = {
  'auth.signUp': 'auth.test.ts',
  'account.sessions': 'sessions.test.ts',
  'account.changePassword': 'sessions.test.ts',
  'account.signOutEverywhere': 'sessions.test.ts',
  'orgs.mine': 'orgs.test.ts',
  'orgs.create': 'orgs.test.ts',
  'orgs.current': 'orgs.test.ts',
  'orgs.rename': 'orgs.test.ts',
  'members.list': 'members.test.ts',
  'members.changeRole': 'members.test.ts',
  'members.remove': 'members.test.ts',
  'invitations.list': 'invitations.test.ts',
  'invitations.create': 'invitations.test.ts',
  'invitations.revoke': 'invitations.test.ts',
  'invitations.preview': 'invitations-accept.test.ts',
  'invitations.accept': 'invitations-accept.test.ts',
  'apiTokens.list': 'api-tokens.test.ts',
  'apiTokens.create': 'api-tokens.test.ts',
  'apiTokens.revoke': 'api-tokens.test.ts',
};

describe('appRouter', () => {
  it('has exactly the account, organization, member and invitation procedures the integration tests cover', () => {
    const routers = new Set(Object.keys(covered).map((p) => p.split('.')[0]));
    const procedures = Object.keys(appRouter._def.procedures).filter((p) =>
      routers.has(p.split('.')[0]),
    );
    expect(procedures.sort()).toEqual(Object.keys(covered).sort());
  });
});
