import { defineConfig } from '@playwright/test';
import { localOrigin } from './config/defaults';
import { CHROMIUM_ARGS, chromiumHeadlessShellExecutable } from './tools/browsers/browser';
import type { EngineWorkerOptions } from './e2e/engines/engine-test';
import { E2E_REPORT_FILE } from './scripts/e2e-file-times';
import { E2E_PROD_PORT } from './e2e/e2e-env';
import { E2E_LAST_SERVER } from './e2e/e2e-servers';

/**
 * Chromium's files with a test of a minute or more (they build apps, or wait out token lifetimes):
 * queued before its others, so that none of them is left running alone at the end of the suite.
 */
const CHROMIUM_LONGEST_FILES = ['**/package-install.e2e.ts', '**/screenshots.e2e.ts', '**/universal.e2e.ts', '**/tenant-control.e2e.ts'];
/**
 * Chromium's other files in the full browser (`test.use(FULL_CHROMIUM)`, for its third-party cookie
 * defaults): their worker is launched otherwise, and Playwright queues a project's files of another
 * launch after all of its own, so among the rest of Chromium's they ran last, alone (CI at 10c5ca4:
 * from 263 s to 288 s of the test run, with the cores half idle).
 */
const CHROMIUM_FULL_BROWSER_FILES = ['**/cross-site.e2e.ts', '**/returning-visitor.e2e.ts'];
/** A project of e2e/engines/ files in one engine, through its own driver: one browser, so one worker. */
function engineProject(name: string, use: Partial<EngineWorkerOptions>, testMatch: string | string[]) {
  return { name, workers: 1, testMatch, use, timeout: 120_000 };
}
export default defineConfig<object, EngineWorkerOptions>({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  // Six files at once on 2 cores: most of a test's time is the browser waiting (for Lock, a
  // redirect, a token's exp), which the other files fill. With four, the minutes-long waits (the
  // four engines' renewals across two token lifetimes, the tenant's slow answers) held every worker
  // at times and left the cores a fifth idle (CI, at efd1cf3). The files share the servers and the
  // tenant's users, never a page, and none changes the tenant for the others: a file that must
  // (a tenant-wide clock, say) runs alone, in a project of its own with `workers: 1` and
  // `dependencies` on the rest. The projects' order (below) decides what starts first.
  workers: 6,
  // One retry: six browsers share 2 cores beside the servers, and a test that fails twice still fails.
  // Playwright lists every test that needed it as "flaky", so none goes unseen.
  retries: 1,
  timeout: 60_000,
  // An assertion waits for its condition, and ends as soon as it holds: 5 s (Playwright's default) was
  // too short for a login's last page load on a loaded 2-core machine (load average 25-30: a callback
  // page, auth0-js's chunk and the id_token's check took 6 s). A test that times a moment measures it.
  expect: { timeout: 15_000 },
  // The JSON report feeds `npm test`'s time per file (scripts/e2e-file-times.ts).
  reporter: [['list'], ['json', { outputFile: E2E_REPORT_FILE }]],
  use: {
    // The production build (`npm run serve`), as users deploy it: a visit that opens Lock costs Chromium
    // 1.1 CPU-seconds there, 1.37 on `npm start`'s unminified bundles. The files about `npm start`
    // itself (session.e2e.ts, adoption.e2e.ts), those that call its demo API (which allows its origin
    // only), and csp.e2e.ts and perf-lazy-lock.e2e.ts (both servers) open the development server.
    baseURL: localOrigin(E2E_PROD_PORT),
    browserName: 'chromium',
    headless: true,
    // The headless shell (tools/browsers/browser.ts); the files about third-party cookies use FULL_CHROMIUM.
    launchOptions: { executablePath: chromiumHeadlessShellExecutable(), args: CHROMIUM_ARGS },
    // A trace multiplies a test's browser CPU by 3-4 (a screencast and DOM snapshots at each step;
    // measured: 6 visits opening Lock, 2.8-3.2 CPU-s without, 10.5-12.2 with), on cores six browsers
    // share: only a retry records one. A failing first try keeps its screenshot and the page's ARIA
    // snapshot (error-context.md), beside the error.
    trace: 'on-first-retry',
    screenshot: 'only-on-failure'
  },
  // Chromium runs every *.e2e.ts through Playwright but e2e/engines/; Firefox ESR and WebKitGTK, which
  // Playwright cannot drive, run the flows of e2e/engines/ through their own drivers (tools/browsers/),
  // and Universal Login's flows run there in Chromium too. Playwright takes its queue in this order,
  // each project within its `workers`; the order packs the six workers: first the two projects that
  // are mostly two minutes of waiting (a session renewed across two token lifetimes) beside Chromium's
  // longest files, then Firefox's and WebKit's, then Chromium's in the full browser, then the rest (short tests,
  // spread over the workers, which fill them to the end), so that nothing long runs alone at the end.
  projects: [
    // Universal Login's flows, written once for every engine, in Chromium (through tools/browsers/chromium.ts).
    engineProject('chromium-universal', { engineName: 'chromium' }, '**/engines/universal-flows.e2e.ts'),
    // WebKit as Safari ships it, Intelligent Tracking Prevention on (WebKitGTK's default is off): the
    // cross-site files only, since ITP changes nothing for a tenant on the app's own site.
    engineProject('webkit-itp', { engineName: 'webkit', itp: true }, [
      '**/engines/**/cross-site*.e2e.ts',
      '**/engines/universal-flows.e2e.ts'
    ]),
    // A project of the same name as the rest of Chromium's: `--project chromium` selects both.
    { name: 'chromium', testMatch: CHROMIUM_LONGEST_FILES },
    engineProject('firefox', { engineName: 'firefox' }, '**/engines/**/*.e2e.ts'),
    engineProject('webkit', { engineName: 'webkit' }, '**/engines/**/*.e2e.ts'),
    { name: 'chromium', testMatch: CHROMIUM_FULL_BROWSER_FILES },
    { name: 'chromium', testIgnore: ['**/engines/**', ...CHROMIUM_LONGEST_FILES, ...CHROMIUM_FULL_BROWSER_FILES] }
  ],
  // Every server the tests need (e2e/e2e-servers.ts), started together by one script: as webServers,
  // Playwright would start them one after another. It starts this one's server last.
  webServer: {
    command: 'node --import tsx scripts/e2e-servers.ts',
    url: E2E_LAST_SERVER.url,
    // The builds (scripts/e2e-builds.ts): 70-80 s on a quiet machine, up to 260 s at a load of 20 (a
    // shared machine); a timeout is a red run for nothing but the neighbours.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe'
  }
});
