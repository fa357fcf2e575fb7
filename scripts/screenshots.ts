// Takes screenshots of the main pages of a running app, for a person to look at.
// Usage: BASE_URL=http://localhost:3000 npx tsx scripts/screenshots.ts [outDir]
import { chromium } from '@playwright/test';

const base = process.env.BASE_URL ?? 'http://localhost:3000';
const out = process.argv[2] ?? '/tmp/shots';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
for (const [name, viewport] of [
  ['laptop', { width: 1366, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  const page = await browser.newPage({ viewport });
  await page.goto(`${base}/sign-in`);
  await page.screenshot({ path: `${out}/${name}-sign-in.png`, fullPage: true });
  await page.getByLabel('Email').fill(process.env.EMAIL ?? 'owner@northwind.example');
  await page.getByLabel('Password').fill('valuestream-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/northwind-retail|acme-motors/);
  await page.screenshot({ path: `${out}/${name}-home.png`, fullPage: true });
  await page.goto(`${base}/northwind-retail/settings/members`);
  await page.getByRole('table').waitFor();
  await page.screenshot({ path: `${out}/${name}-members.png`, fullPage: true });
  await page.goto(`${base}/acme-motors/settings/members`);
  await page.screenshot({ path: `${out}/${name}-acme-members.png`, fullPage: true });
  await page.goto(`${base}/sign-up`);
  await page.screenshot({ path: `${out}/${name}-sign-up.png`, fullPage: true });
  await page.close();
}
await browser.close();
console.log(`screenshots in ${out}`);
