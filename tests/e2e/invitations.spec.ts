import type { Page } from '@playwright/test';
import {
  alertOf,
  createInvitationLink,
  expect,
  fillSignUpForm,
  joinWithNewAccount,
  newAccount,
  newOrgName,
  screenshot,
  signUpWithOrg,
  test,
  trpcQueryInput,
  type Account,
  type Credentials,
} from './fixtures';

// Each test has two or three people signing up in browsers of their own: more than the default minute
// on a busy two-core machine.
test.describe.configure({ timeout: 120_000 });

const USED = 'This invitation has already been used. Ask for a new link.';

interface OrgWithViewer {
  owner: Account;
  orgName: string;
  slug: string;
  viewer: Account;
  viewerPage: Page;
}

/** An owner (on `page`) with a fresh organization, and a viewer who joined it through a link. */
async function orgWithViewer(
  page: Page,
  openPage: (who?: Credentials) => Promise<Page>,
): Promise<OrgWithViewer> {
  const owner = newAccount('Olga');
  const orgName = newOrgName('Harbor');
  const slug = await signUpWithOrg(page, owner, orgName);
  await page.goto(`/${slug}/settings/members`);
  const link = await createInvitationLink(page, 'Viewer');
  const viewer = newAccount('Vic');
  const viewerPage = await openPage();
  await joinWithNewAccount(viewerPage, link, viewer, slug);
  return { owner, orgName, slug, viewer, viewerPage };
}

test('an owner invites a viewer by link, who signs up through it and joins; the link works only once', async ({
  page,
  openPage,
}) => {
  const owner = newAccount('Olga');
  const orgName = newOrgName('Harbor');
  const slug = await signUpWithOrg(page, owner, orgName);

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await page.waitForURL(`/${slug}/settings`);
  await page.getByRole('link', { name: 'Manage members →' }).click();
  await page.waitForURL(`/${slug}/settings/members`);
  const link = await createInvitationLink(page, 'Viewer');
  const invitations = page.getByRole('region', { name: 'Invitations' });
  await expect(invitations.getByRole('listitem')).toHaveCount(1);
  await expect(invitations.getByRole('listitem')).toContainText(['Pending']);
  await expect(invitations.getByRole('listitem')).toContainText(['Viewer']);
  await screenshot(page, 'members-owner-after-invite');

  // Someone else, signed in with their own organization, opens the same link before it is used.
  const late = await openPage();
  await signUpWithOrg(late, newAccount('Lou'), newOrgName('Late'));
  await late.goto(link);
  await expect(late.getByRole('heading', { name: `Join ${orgName}` })).toBeVisible();

  // The invitee, signed out, opens the link and creates an account through it.
  const invitee = newAccount('Ivy');
  const guest = await openPage();
  await guest.goto(link);
  await expect(guest.getByRole('heading', { name: `Join ${orgName}` })).toBeVisible();
  await expect(guest.getByText('You are invited as Viewer.')).toBeVisible();
  await screenshot(guest, 'join-signed-out');
  await guest.getByRole('link', { name: 'Create an account' }).click();
  await guest.waitForURL(
    (url) =>
      url.pathname === '/sign-up' && url.searchParams.get('callbackUrl') === new URL(link).pathname,
  );
  await expect(
    guest.getByText('Then you will join the organization that invited you.'),
  ).toBeVisible();
  await expect(guest.getByLabel('Organization name')).toHaveCount(0);
  await fillSignUpForm(guest, invitee);
  await guest.waitForURL(link);
  await expect(guest.getByText(`Signed in as ${invitee.email}.`)).toBeVisible();
  await guest.getByRole('button', { name: 'Accept invitation' }).click();
  await guest.waitForURL(`/${slug}`);
  await expect(
    guest.getByRole('heading', { level: 1, name: `Welcome to ${orgName}` }),
  ).toBeVisible();
  await expect(guest.getByText('You are a viewer here · 2 members')).toBeVisible();

  // The page the other person still has open: accepting now fails, and they did not join.
  await late.getByRole('button', { name: 'Accept invitation' }).click();
  await expect(alertOf(late)).toHaveText(USED);
  await late.reload();
  await expect(late.getByRole('heading', { name: `Invitation to ${orgName}` })).toBeVisible();
  await expect(alertOf(late)).toHaveText(USED);
  await expect(late.getByRole('button', { name: 'Accept invitation' })).toHaveCount(0);
  await late.goto(`/${slug}`);
  await expect(late.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  // A third person, signed out, is told the same and offered no way in.
  const third = await openPage();
  await third.goto(link);
  await expect(alertOf(third)).toHaveText(USED);
  await expect(third.getByRole('link', { name: 'Create an account' })).toHaveCount(0);

  // The owner sees the invitation used and the new member.
  await page.reload();
  await expect(invitations.getByRole('listitem')).toContainText(['Accepted']);
  const people = page.getByRole('table', { name: `Members of ${orgName}` });
  await expect(people.getByRole('row').filter({ hasText: invitee.email })).toHaveCount(1);
  await expect(people.getByRole('combobox', { name: `Role of ${invitee.name}` })).toHaveValue(
    'viewer',
  );
});

test('a viewer is offered no management, and the API refuses them admin actions', async ({
  page,
  openPage,
}) => {
  const { owner, orgName, slug, viewer, viewerPage } = await orgWithViewer(page, openPage);

  await viewerPage.goto(`/${slug}/settings/members`);
  const people = viewerPage.getByRole('table', { name: `Members of ${orgName}` });
  await expect(people.getByRole('row')).toHaveCount(3); // the header, the owner, the viewer
  await expect(people).toContainText(owner.email);
  await expect(people).toContainText(viewer.email);
  await expect(viewerPage.getByRole('heading', { name: 'Invite someone' })).toHaveCount(0);
  await expect(viewerPage.getByRole('button', { name: 'Create link' })).toHaveCount(0);
  await expect(viewerPage.getByRole('heading', { name: 'Invitations' })).toHaveCount(0);
  await expect(viewerPage.getByRole('combobox')).toHaveCount(0);
  await expect(viewerPage.getByRole('button', { name: 'Remove' })).toHaveCount(0);
  await expect(viewerPage.getByRole('button', { name: 'Leave' })).toHaveCount(1);
  await expect(
    people
      .getByRole('row')
      .filter({ hasText: viewer.email })
      .getByRole('button', { name: 'Leave' }),
  ).toBeVisible();
  await screenshot(viewerPage, 'members-viewer');

  await viewerPage
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await viewerPage.waitForURL(`/${slug}/settings`);
  await expect(viewerPage.getByText('Only owners and admins can rename it.')).toBeVisible();
  await expect(viewerPage.getByLabel('Organization name')).toHaveCount(0);
  await expect(viewerPage.getByRole('button', { name: 'Save' })).toHaveCount(0);

  // The same actions straight through the API, with the viewer's session.
  const api = viewerPage.request;
  const invite = await api.post('/api/trpc/invitations.create', {
    data: { json: { orgSlug: slug, role: 'viewer', email: '', expiresInDays: 7 } },
  });
  expect(invite.status()).toBe(403);
  const inviteBody = await invite.text();
  expect(JSON.parse(inviteBody)).toMatchObject({
    error: { json: { data: { code: 'FORBIDDEN', httpStatus: 403 } } },
  });
  expect(inviteBody).not.toContain('/join/');

  const list = await api.get(`/api/trpc/members.list?input=${trpcQueryInput({ orgSlug: slug })}`);
  expect(list.status()).toBe(200);
  const members = (
    (await list.json()) as { result: { data: { json: { userId: string; email: string }[] } } }
  ).result.data.json;
  const me = members.find((m) => m.email === viewer.email);
  const them = members.find((m) => m.email === owner.email);
  expect(me).toBeDefined();
  expect(them).toBeDefined();

  for (const [path, input] of [
    ['members.changeRole', { orgSlug: slug, userId: me?.userId, role: 'owner' }],
    ['members.remove', { orgSlug: slug, userId: them?.userId }],
    ['orgs.rename', { orgSlug: slug, name: 'Taken over' }],
    ['invitations.list', null],
  ] as const) {
    const response = input
      ? await api.post(`/api/trpc/${path}`, { data: { json: input } })
      : await api.get(`/api/trpc/${path}?input=${trpcQueryInput({ orgSlug: slug })}`);
    expect(response.status(), path).toBe(403);
    expect(await response.json(), path).toMatchObject({
      error: { json: { data: { code: 'FORBIDDEN' } } },
    });
  }

  // Nothing changed.
  await viewerPage.goto(`/${slug}`);
  await expect(
    viewerPage.getByRole('heading', { level: 1, name: `Welcome to ${orgName}` }),
  ).toBeVisible();
  await expect(viewerPage.getByText('You are a viewer here · 2 members')).toBeVisible();
  await page.goto(`/${slug}/settings/members`);
  await expect(page.getByRole('region', { name: 'Invitations' }).getByRole('listitem')).toHaveCount(
    1,
  );
});

test('the owner makes the viewer a team lead, and it sticks', async ({ page, openPage }) => {
  const { slug, viewer, viewerPage } = await orgWithViewer(page, openPage);

  await page.goto(`/${slug}/settings/members`);
  const role = page.getByRole('combobox', { name: `Role of ${viewer.name}` });
  await expect(role).toHaveValue('viewer');
  const saved = page.waitForResponse((r) => r.url().includes('/api/trpc/members.changeRole'));
  await role.selectOption({ label: 'Team lead' });
  expect((await saved).ok()).toBe(true);

  await page.reload();
  await expect(role).toHaveValue('lead');
  await expect(role.locator('option:checked')).toHaveText('Team lead');

  // The member sees their new role too.
  await viewerPage.goto(`/${slug}`);
  await expect(viewerPage.getByText('You are a team lead here · 2 members')).toBeVisible();
});
