// Issue 9, finding 1, on the processes as `npm start` and `npm run serve` run them: the webpack dev
// server, the dev tenant, the demo API and the static server each get every crafted request (bad
// header bytes, CR/LF, NUL, 64 KiB headers, crafted JOSE headers…), keep answering, and never 5xx.
// Then the app still logs in, so nothing `npm start` runs stopped behind the test's back.
import { craftedRequests, replayCrafted } from '../tools/crafted-requests';
import { loggedInText } from '../tools/pages/lock-page';
import { E2E_API_PORT, E2E_APP_PORT, E2E_PROD_PORT, E2E_TENANT_PORT } from './e2e-env';
import { expect, test } from './fixtures';

const SERVERS = [
  { name: 'webpack dev server (npm start)', port: E2E_APP_PORT, path: '/' },
  { name: 'dev tenant', port: E2E_TENANT_PORT, path: '/co/authenticate' },
  { name: 'demo API', port: E2E_API_PORT, path: '/api/ping' },
  { name: 'static server (npm run serve)', port: E2E_PROD_PORT, path: '/' }
] as const;

for (const server of SERVERS) {
  test(`finding 1: no crafted request ends the ${server.name}, and none gets a 5xx`, async () => {
    const results = await replayCrafted(server.port, craftedRequests(server.path), '/');
    expect(results.length).toBeGreaterThan(10);
    expect(results.filter((result) => !result.stillAnswering)).toEqual([]);
    expect(results.filter((result) => result.status !== undefined && result.status >= 500)).toEqual([]);
  });
}

test('finding 1: after every crafted request, the app still logs in against the same tenant', async ({ loggedIn }) => {
  await expect(loggedIn.getByText(loggedInText)).toBeVisible();
});
