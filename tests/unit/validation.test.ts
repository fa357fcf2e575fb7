import { describe, expect, it } from 'vitest';
import { isCommonPassword } from '@/lib/auth/common-passwords';
import {
  emailSchema,
  passwordSchema,
  signInInput,
  signUpFormInput,
  signUpInput,
} from '@/lib/validation/auth';
import {
  changeRoleInput,
  createInvitationInput,
  invitationTokenSchema,
  orgSlugSchema,
} from '@/lib/validation/members';

/** The paths (joined with '.') of the fields a schema refuses in `value`. */
function refusedFields(
  schema: {
    safeParse(v: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } };
  },
  value: unknown,
) {
  const result = schema.safeParse(value);
  return result.success
    ? []
    : (result.error?.issues ?? []).map((i) => i.path.map(String).join('.'));
}

const validSignUp = {
  name: 'Ada',
  email: 'ada@example.com',
  password: 'plum-orbit-canvas-42',
  orgName: 'Engines',
};

describe('emailSchema', () => {
  it.each([
    ['Ada@Example.COM', 'ada@example.com'],
    ['  ada@example.com\t', 'ada@example.com'],
    [' MiXeD.Case+tag@Sub.Example.org ', 'mixed.case+tag@sub.example.org'],
  ])('normalises %j to %j', (raw, normalised) => {
    expect(emailSchema.parse(raw)).toBe(normalised);
  });

  it.each([
    '',
    '   ',
    'ada',
    'ada@',
    '@example.com',
    'ada@example',
    'ada @example.com',
    'ada@@example.com',
  ])('refuses %j', (raw) => {
    expect(emailSchema.safeParse(raw).success).toBe(false);
  });

  it('refuses addresses longer than 254 characters', () => {
    const local = 'a'.repeat(64);
    const domain = `${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.com`;
    expect(emailSchema.safeParse(`${local}@${domain}`).success).toBe(true);
    expect(emailSchema.safeParse(`${local}@${'e'.repeat(40)}.${domain}`).success).toBe(false);
  });
});

describe('passwordSchema', () => {
  it.each([
    ['7 characters', 'xk7-pq2', false],
    ['8 characters', 'xk7-pq2z', true],
    ['128 characters', 'xk7-'.repeat(32), true],
    ['129 characters', `${'xk7-'.repeat(32)}z`, false],
  ])('%s: accepted = %s', (_label, password, ok) => {
    expect(passwordSchema.safeParse(password).success).toBe(ok);
  });

  it('does not trim: spaces count and are kept', () => {
    expect(passwordSchema.parse('  plum orbit  ')).toBe('  plum orbit  ');
  });

  it.each([
    'password',
    'PASSWORD',
    'Password1',
    'pAsSwOrD123',
    'Qwertyuiop',
    'ILOVEYOU',
    'Valuestream',
  ])('refuses the common password %j, whatever its case', (password) => {
    const result = passwordSchema.safeParse(password);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/too common/);
  });

  it('accepts an uncommon password and knows the list is case-insensitive', () => {
    expect(passwordSchema.safeParse('plum-orbit-canvas-42').success).toBe(true);
    expect(isCommonPassword('LetMeIn123')).toBe(true);
    expect(isCommonPassword('letmein1234-not-in-list')).toBe(false);
  });
});

describe('signUpInput', () => {
  it('trims names and normalises the email', () => {
    expect(
      signUpInput.parse({
        ...validSignUp,
        name: '  Ada  ',
        email: ' ADA@example.com ',
        orgName: '  Engines ',
      }),
    ).toEqual({
      ...validSignUp,
      name: 'Ada',
      email: 'ada@example.com',
      orgName: 'Engines',
    });
  });

  it.each([
    [{ name: '   ' }, 'name'],
    [{ name: 'x'.repeat(101) }, 'name'],
    [{ email: 'nope' }, 'email'],
    [{ password: 'short' }, 'password'],
    [{ password: 'password123' }, 'password'],
    [{ orgName: ' x ' }, 'orgName'],
    [{ orgName: 'x'.repeat(81) }, 'orgName'],
  ])('refuses %j on %s', (override, field) => {
    expect(refusedFields(signUpInput, { ...validSignUp, ...override })).toEqual([field]);
  });

  it('makes the organization optional (invitations); the plain sign-up form requires it', () => {
    const { orgName: _none, ...withoutOrg } = validSignUp;
    expect(signUpInput.safeParse(withoutOrg).success).toBe(true);
    expect(refusedFields(signUpFormInput, withoutOrg)).toEqual(['orgName']);
  });

  it('signInInput normalises the email but leaves the password rules to the stored hash', () => {
    expect(signInInput.parse({ email: ' A@B.CO ', password: 'password' })).toEqual({
      email: 'a@b.co',
      password: 'password',
    });
    expect(refusedFields(signInInput, { email: 'a@b.co', password: '' })).toEqual(['password']);
  });
});

describe('members validation', () => {
  it.each(['acme', 'acme-motors', 'a1-b2-c3'])('orgSlugSchema accepts %j', (slug) => {
    expect(orgSlugSchema.safeParse(slug).success).toBe(true);
  });

  it.each(['', 'Acme', 'acme--motors', '-acme', 'acme-', 'acme motors', '../x', 'x'.repeat(65)])(
    'orgSlugSchema refuses %j',
    (slug) => {
      expect(orgSlugSchema.safeParse(slug).success).toBe(false);
    },
  );

  it('invitation tokens are 20..100 URL-safe characters', () => {
    expect(invitationTokenSchema.safeParse('a'.repeat(19)).success).toBe(false);
    expect(invitationTokenSchema.safeParse('aZ0_-'.repeat(4)).success).toBe(true);
    expect(invitationTokenSchema.safeParse('a'.repeat(100)).success).toBe(true);
    expect(invitationTokenSchema.safeParse('a'.repeat(101)).success).toBe(false);
    expect(invitationTokenSchema.safeParse(`${'a'.repeat(20)}/`).success).toBe(false);
  });

  it('createInvitationInput coerces days from a form field and bounds them to 1..30 whole days', () => {
    expect(createInvitationInput.parse({ role: 'lead', expiresInDays: '7' })).toEqual({
      role: 'lead',
      expiresInDays: 7,
    });
    expect(createInvitationInput.parse({ role: 'lead', email: '', expiresInDays: 30 }).email).toBe(
      '',
    );
    expect(
      createInvitationInput.parse({ role: 'lead', email: ' X@Y.ORG ', expiresInDays: 1 }).email,
    ).toBe('x@y.org');
    for (const days of [0, 31, 2.5, 'abc', -1]) {
      expect(refusedFields(createInvitationInput, { role: 'lead', expiresInDays: days })).toEqual([
        'expiresInDays',
      ]);
    }
    expect(refusedFields(createInvitationInput, { role: 'god', expiresInDays: 7 })).toEqual([
      'role',
    ]);
  });

  it('changeRoleInput needs a uuid and a known role', () => {
    expect(refusedFields(changeRoleInput, { userId: '123', role: 'lead' })).toEqual(['userId']);
    expect(refusedFields(changeRoleInput, { userId: crypto.randomUUID(), role: 'Lead' })).toEqual([
      'role',
    ]);
  });
});
