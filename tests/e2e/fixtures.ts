import fs from 'node:fs';
import path from 'node:path';
import {
  expect,
  test as base,
  type BrowserContext,
  type Locator,
  type Page,
} from '@playwright/test';

/** The password of every seeded demo user (server/seed/index.ts). */
export const DEMO_PASSWORD = 'valuestream-demo';

export interface Credentials {
  email: string;
  password: string;
}

export interface Account extends Credentials {
  name: string;
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

let counter = 0;

/** Lower-case letters and digits, different in every call of every run. */
export function uniqueId(): string {
  counter += 1;
  return `${Date.now().toString(36)}${process.pid.toString(36)}${counter}`;
}

/** A person who does not have an account yet. */
export function newAccount(first = 'Tess'): Account {
  const id = uniqueId();
  return {
    name: `${first} Tester`,
    email: `${first.toLowerCase()}.${id}@e2e.example`,
    password: `correct horse ${id}`,
  };
}

/** An organization name whose address (slug) is predictable: "Orbit Abc123" -> "orbit-abc123". */
export function newOrgName(word = 'Orbit'): string {
  return `${word} ${uniqueId()}`;
}

export function slugOf(orgName: string): string {
  return orgName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** `{"json": input}`, URL-encoded: a tRPC v11 (superjson) query's `input` parameter. */
export function trpcQueryInput(input: unknown): string {
  return encodeURIComponent(JSON.stringify({ json: input }));
}

/** Fills and submits the sign-in form of the current page; resolves once it has left /sign-in. */
export async function signInThroughForm(page: Page, who: Credentials): Promise<void> {
  await page.getByLabel('Email', { exact: true }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** What the sign-in page says after any sign-up, whether or not the email already had an account. */
export const SIGNED_UP =
  /Your account is ready: sign in with your email and the password you chose/;

/**
 * Fills and submits the sign-up form of the current page (/sign-up, with or without a
 * callbackUrl); `orgName` only when the form asks for one. Sign-up answers the same for an email
 * that already has an account, so it never signs in: this then signs in on the page it leads to,
 * and resolves once that page is left (for the callbackUrl, or the new organization).
 */
export async function fillSignUpForm(
  page: Page,
  account: Account,
  orgName?: string,
): Promise<void> {
  await page.getByLabel('Your name').fill(account.name);
  await page.getByLabel('Work email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  if (orgName !== undefined) await page.getByLabel('Organization name').fill(orgName);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => url.pathname === '/sign-in');
  await expect(page.getByRole('status')).toHaveText(SIGNED_UP);
  await signInThroughForm(page, account);
}

/** Signs up a new account with its own new organization, through the form; returns the org's slug. */
export async function signUpWithOrg(
  page: Page,
  account: Account,
  orgName: string,
): Promise<string> {
  await page.goto('/sign-up');
  await fillSignUpForm(page, account, orgName);
  const slug = slugOf(orgName);
  await page.waitForURL(`/${slug}`);
  await expect(
    page.getByRole('heading', { level: 1, name: `Welcome to ${orgName}` }),
  ).toBeVisible();
  return slug;
}

/** On the members page of an organization: creates an invitation link for `roleLabel`. */
export async function createInvitationLink(page: Page, roleLabel: string): Promise<string> {
  await expect(page.getByRole('heading', { name: 'Invite someone' })).toBeVisible();
  await page.getByLabel('Role', { exact: true }).selectOption({ label: roleLabel });
  await page.getByRole('button', { name: 'Create link' }).click();
  const link = page.getByTestId('invitation-link');
  await expect(link).toHaveValue(/\/join\/[a-z0-9-]+\/[A-Za-z0-9_-]{20,}$/);
  return link.inputValue();
}

/** A signed-out visitor opens an invitation link, creates an account through it and accepts. */
export async function joinWithNewAccount(
  page: Page,
  link: string,
  account: Account,
  slug: string,
): Promise<void> {
  await page.goto(link);
  await page.getByRole('link', { name: 'Create an account' }).click();
  await page.waitForURL(
    (url) =>
      url.pathname === '/sign-up' &&
      (url.searchParams.get('callbackUrl') ?? '').startsWith('/join/'),
  );
  await fillSignUpForm(page, account);
  await page.waitForURL((url) => url.pathname.startsWith('/join/'));
  await page.getByRole('button', { name: 'Accept invitation' }).click();
  await page.waitForURL(`/${slug}`);
}

/** The page's messages with role="alert", leaving out Next's route announcer (always there, empty). */
export function alertOf(page: Page): Locator {
  return page.getByRole('alert').filter({ hasText: /\S/ });
}

/**
 * Saves a screenshot for a person to look at, when E2E_SCREENSHOTS names a folder: the whole page,
 * or with `{ fullPage: false }` the viewport only (as a person sees it, sticky bars where they sit).
 */
export async function screenshot(
  page: Page,
  name: string,
  opts: { fullPage?: boolean } = {},
): Promise<void> {
  const dir = process.env.E2E_SCREENSHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: opts.fullPage ?? true });
}

/**
 * Records every Content-Security-Policy violation the pages of `context` report, two ways: the
 * `securitypolicyviolation` event (heard by a script Playwright adds to every document, which the
 * page's policy does not cover) and Chromium's console line ("Refused to …").
 */
export async function watchCspViolations(context: BrowserContext, seen: string[]): Promise<void> {
  await context.exposeBinding('__e2eCspViolation', ({ page }, text: string) => {
    seen.push(`${page.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    const report = (window as unknown as { __e2eCspViolation: (text: string) => void })
      .__e2eCspViolation;
    document.addEventListener(
      'securitypolicyviolation',
      (e) =>
        report(
          `${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
        ),
      true,
    );
  });
  context.on('console', (message) => {
    const text = message.text();
    if (/^Refused to |Content Security Policy/.test(text))
      seen.push(`${message.page()?.url() ?? '?'}: ${text}`);
  });
}

interface TestFixtures {
  /** Every CSP violation of the test's pages; the test fails if any is left at its end. */
  cspViolations: string[];
  /**
   * A page in a browser context of its own (own cookies), signed in as `who` when given.
   * Each user signs in through the form once per worker; later pages reuse the saved session.
   */
  openPage: (who?: Credentials) => Promise<Page>;
}

interface WorkerFixtures {
  sessions: Map<string, StorageState>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  sessions: [
    async ({}, provide) => {
      await provide(new Map());
    },
    { scope: 'worker' },
  ],
  // The second argument is Playwright's `use`, named otherwise so React's hook rules leave it be.
  // Automatic: every test of the suite fails when a page it opened broke the CSP (issue 11, finding 4).
  cspViolations: [
    async ({}, provide) => {
      const seen: string[] = [];
      await provide(seen);
      expect(seen, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, cspViolations }, provide) => {
    await watchCspViolations(context, cspViolations);
    await provide(context);
  },
  openPage: async ({ browser, sessions, cspViolations }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (who) => {
      const saved = who ? sessions.get(who.email) : undefined;
      // The project's options (baseURL, viewport, tracing) apply to contexts made here too.
      const context = await browser.newContext(saved ? { storageState: saved } : {});
      contexts.push(context);
      await watchCspViolations(context, cspViolations);
      const page = await context.newPage();
      if (who && !saved) {
        await page.goto('/sign-in');
        await signInThroughForm(page, who);
        sessions.set(who.email, await context.storageState());
      }
      return page;
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
});

export { expect };

/** A tRPC v11 (superjson) mutation through the page's cookies; fails the test unless it answers 200. */
export async function trpcMutation<T>(page: Page, procedure: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${procedure}`, { data: { json: input } });
  const body = await response.text();
  expect(response.status(), `${procedure}: ${body}`).toBe(200);
  return (JSON.parse(body) as { result: { data: { json: T } } }).result.data.json;
}

/** One step of a map as maps.save takes it: durations in seconds, with the unit they were entered in. */
export interface MapStepInput {
  name: string;
  processTimeSeconds: number;
  leadTimeSeconds: number;
  processTimeUnit?: 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks';
  leadTimeUnit?: 'seconds' | 'minutes' | 'hours' | 'days' | 'weeks';
  pctCompleteAccurate?: number;
  people?: number | null;
  wastes?: string[];
  notes?: string;
}

export interface NewStream {
  name: string;
  kind?: 'operational' | 'development';
  type?: 'fulfillment' | 'manufacturing' | 'software_delivery' | 'supporting' | null;
  customer?: string;
  trigger?: string;
}

/**
 * Registers a stream through the API as the page's user (a team lead owns what they register) and,
 * given steps, saves its current-state map (version 1) with an 8-hour day; returns the stream's id.
 */
export async function createStream(
  page: Page,
  orgSlug: string,
  stream: NewStream,
  steps: MapStepInput[] = [],
): Promise<string> {
  const kind = stream.kind ?? 'operational';
  const fields = {
    name: stream.name,
    kind,
    type: kind === 'development' ? null : (stream.type ?? 'fulfillment'),
    trigger: stream.trigger ?? '',
    customer: stream.customer ?? '',
    valueDelivered: '',
    ownerId: null,
    description: '',
    customerInteraction: '',
    workPattern: '',
    feedbackLoop: '',
    teamComposition: '',
    wasteKind: '',
    iterationPace: '',
  };
  const { id } = await trpcMutation<{ id: string }>(page, 'streams.create', { orgSlug, fields });
  if (steps.length > 0) {
    await trpcMutation(page, 'maps.save', {
      orgSlug,
      streamId: id,
      state: 'current',
      calendar: { hoursPerDay: 8, daysPerWeek: 5 },
      steps: steps.map((s) => ({
        pctCompleteAccurate: 100,
        people: null,
        wastes: [],
        notes: '',
        ...s,
      })),
      note: 'First walk of the stream',
    });
  }
  return id;
}

/** One card of a map's totals (MapTotalsCards) inside `scope`, by its label ("Lead time", "Bottleneck"…). */
export function totalsCard(scope: Locator, label: string): Locator {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return scope.locator('dl > div').filter({ has: scope.page().locator('dt', { hasText: exact }) });
}

/** Checks map totals cards: each label's value and detail line, as a person reads them. */
export async function expectTotals(
  scope: Locator,
  expected: Record<string, readonly [value: string, detail: string]>,
): Promise<void> {
  for (const [label, texts] of Object.entries(expected)) {
    await expect(totalsCard(scope, label).locator('dd'), label).toHaveText([...texts]);
  }
}
