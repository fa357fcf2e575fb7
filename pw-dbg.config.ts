import base from './playwright.config';
export default { ...base, webServer: undefined, testDir: '/work/main/tests/e2e', use: { ...base.use, baseURL: 'http://127.0.0.1:3191' }, projects: [{ name: 'laptop', use: { viewport: { width: 1366, height: 800 } } }] };
