// Server prefetch: the first HTML of a page that shows data already holds it, and the browser does
// not ask for it again after hydration (components/trpc/server.tsx, docs/architecture.md).
import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, test } from './fixtures';

const leader = { email: 'owner@northwind.example', password: DEMO_PASSWORD };
const org = 'northwind-retail';

/** The tRPC procedures the page asks for from the moment it starts loading until it is idle. */
async function proceduresAskedWhileLoading(page: Page, path: string): Promise<string[]> {
  const asked: string[] = [];
  const onRequest = (request: { url(): string }) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/trpc/'))
      asked.push(...url.pathname.slice('/api/trpc/'.length).split(','));
  };
  page.on('request', onRequest);
  await page.goto(path, { waitUntil: 'networkidle' });
  page.off('request', onRequest);
  return asked;
}

test('dashboards and lists arrive with their figures in the first HTML, and are not fetched again', async ({
  openPage,
}) => {
  const page = await openPage(leader);
  await page.goto(`/${org}/streams`);
  const streamHref = await page
    .getByRole('link', { name: 'Online order fulfillment' })
    .first()
    .getAttribute('href');
  expect(streamHref).toMatch(/^\/northwind-retail\/streams\/[0-9a-f-]{36}$/);

  // The HTML as the server sends it, without its scripts (where the dehydrated answers also sit):
  // what is left was rendered on the server from the prefetched answers.
  const rendered = async (path: string) => {
    const response = await page.request.get(path);
    expect(response.status()).toBe(200);
    return (await response.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '');
  };
  const portfolio = await rendered(`/${org}/dashboards?kind=development&range=year`);
  expect(portfolio).toMatch(/<table[^>]*aria-label="Value streams"/);
  expect(portfolio).toContain('Storefront platform');
  expect(portfolio).not.toContain('Customer service'); // the URL's filter, applied on the server
  expect(portfolio).toMatch(/measured in these weeks/);

  const streamDashboard = await rendered(`${streamHref}/dashboard`);
  expect(streamDashboard).toMatch(/Median lead time/);
  expect(streamDashboard).not.toMatch(/aria-label="Loading/);

  expect(await rendered(`/${org}/streams`)).toContain('Customer service');
  expect(await rendered(`/${org}/settings/members`)).toContain('lead@northwind.example');

  // With JavaScript, the prefetched queries are read from the page, not asked for again.
  const prefetched: Array<[string, string[]]> = [
    [`/${org}/dashboards`, ['dashboards.portfolio', 'members.list']],
    [`/${org}/dashboards/comparison?range=quarter`, ['dashboards.comparison']],
    [`/${org}/dashboards/waste`, ['dashboards.waste', 'streams.list']],
    [`${streamHref}/dashboard`, ['dashboards.stream']],
    [`${streamHref}`, ['maps.get']],
    [`/${org}/streams?kind=operational`, ['streams.list']],
    [`/${org}/improvements`, ['improvements.list']],
    [`/${org}/settings/members`, ['members.list', 'invitations.list']],
    [`/${org}/settings/api-tokens`, ['apiTokens.list']],
  ];
  for (const [path, procedures] of prefetched) {
    const asked = await proceduresAskedWhileLoading(page, path);
    for (const procedure of procedures)
      expect(asked, `${path} asked for ${procedure} again`).not.toContain(procedure);
  }
});
