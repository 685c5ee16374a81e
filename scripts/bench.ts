// `npm run bench` (not part of npm test): the lazy production build, with each `lockFetch` (idle, the
// default; intent; click), against an eager one (Lock in main.js, constructed on every load:
// `webpack --env eager`), side by side, timed as visitors feel it, on loopback and on Lighthouse's
// mobile profile. Runs rotate the builds' order so that drift in the machine's load hits all alike;
// each visit is cold (a fresh context).
import type { Server } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfigFromEnv } from '../dev-tenant/config/config';
import { startDevTenant } from '../dev-tenant/server';
import { launchChromium } from '../tools/browsers/browser';
import { createStaticServer } from '../servers/static-server';
import {
  BROWSING_MS,
  HOVER_LEAD_MS,
  PROFILES,
  READING_MS,
  browseWithoutLogIn,
  firstVisitAndLogIn,
  readThenLogIn,
  reloadWithToken
} from './bench-browser';
import { buildProduction, formatBytes, initialAssets, totalBytes } from './production-build';

// 5 cold runs per cell, the fewest the README's table is made from; BENCH_RUNS=1 for a quick check.
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? '5'));
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? '4300');
const tenantPort = PORT_BASE + 1;
const builds = [
  { name: 'idle', eager: false, lockFetch: 'idle', port: PORT_BASE },
  { name: 'intent', eager: false, lockFetch: 'intent', port: PORT_BASE + 3 },
  { name: 'click', eager: false, lockFetch: 'click', port: PORT_BASE + 4 },
  { name: 'eager', eager: true, lockFetch: 'idle', port: PORT_BASE + 2 }
].map((build) => ({ ...build, url: `http://localhost:${build.port}/`, dir: path.resolve('node_modules/.cache/bench', build.name) }));
const origins = builds.map((build) => `http://localhost:${build.port}`);

const ROWS = [
  ['firstVisit', 'first visit → logged-out UI'],
  ['browsingBytes', `a visit without Log In: bytes received in ${BROWSING_MS / 1000} s`],
  [
    'readerClick',
    `click Log In ${READING_MS / 1000} s after the UI (pointer on it ${HOVER_LEAD_MS} ms before) → Lock's email field usable`
  ],
  ['immediateClick', 'click Log In as the UI shows → Lock usable'],
  ['visitAndLogIn', 'first visit + Log In → Lock usable'],
  ['reloadWithToken', 'reload with a valid token → authenticated UI'],
  ['loginSubmit', 'login submit → authenticated UI']
] as const;
type Row = (typeof ROWS)[number][0];
/** samples[profile][build][row]: one time per run, in ms. */
type Samples = Record<string, Record<string, Record<Row, number[]>>>;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`;
const cellText = (row: Row, value: number): string => (row === 'browsingBytes' ? formatBytes(value) : ms(value));
const loadAverage = (): string =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

function listen(dir: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createStaticServer(dir)
      .listen(port, '127.0.0.1', () => {
        resolve(server);
      })
      .on('error', reject);
  });
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('   '));
  }
}

function emptySamples(): Samples {
  const perRow = (): Record<Row, number[]> => Object.fromEntries(ROWS.map(([row]) => [row, []])) as unknown as Record<Row, number[]>;
  return Object.fromEntries(PROFILES.map((profile) => [profile.name, Object.fromEntries(builds.map((build) => [build.name, perRow()]))]));
}

async function main(): Promise<void> {
  console.log(`Load average at start (1, 5, 15 min): ${loadAverage()}`);
  const env = { ...process.env, AUTH0_DOMAIN: '', AUTH0_CLIENT_ID: '', AUTH0_CALLBACK_URL: '', DEV_TENANT_PORT: String(tenantPort) };
  const buildMs: number[] = [];
  for (const build of builds) {
    console.log(`Building the ${build.name} production build…`);
    buildMs.push(await buildProduction(build.dir, { eager: build.eager, env: { ...env, AUTH0_LOCK_FETCH: build.lockFetch } }));
  }
  const tenant = await startDevTenant(
    loadConfigFromEnv({
      ...env,
      DEV_TENANT_DATA_DIR: path.join(os.tmpdir(), 'auth0-angularjs-bench'),
      DEV_TENANT_CALLBACK_URLS: origins.map((origin) => `${origin}/`).join(','),
      DEV_TENANT_WEB_ORIGINS: origins.join(',')
    })
  );
  const servers = await Promise.all(builds.map((build) => listen(build.dir, build.port)));
  const browser = await launchChromium();
  const samples = emptySamples();
  try {
    // Untimed: the browser's own first-navigation costs would otherwise land on whichever build goes first.
    for (const build of builds) await firstVisitAndLogIn(browser, PROFILES[0], build.url);
    for (let run = 0; run < RUNS; run++) {
      console.log(`Run ${run + 1} of ${RUNS} (load average ${loadAverage()})…`);
      for (const profile of PROFILES) {
        const order = [...builds.slice(run % builds.length), ...builds.slice(0, run % builds.length)];
        for (const build of order) {
          const cell = samples[profile.name][build.name];
          const visit = await firstVisitAndLogIn(browser, profile, build.url);
          const reader = await readThenLogIn(browser, profile, build.url);
          cell.firstVisit.push(visit.loggedOutUi);
          cell.immediateClick.push(visit.immediateClick);
          cell.visitAndLogIn.push(visit.visitAndLogIn);
          cell.readerClick.push(reader.readerClick);
          cell.loginSubmit.push(reader.submitToAuthenticatedUi);
          cell.reloadWithToken.push(await reloadWithToken(browser, profile, build.url, reader.loggedIn));
          cell.browsingBytes.push(await browseWithoutLogIn(browser, profile, build.url));
        }
      }
    }
    const lazyBuilds = builds.filter((build) => !build.eager);
    const header = [''];
    for (const profile of PROFILES) {
      header.push(...builds.map((build) => `${profile.name}: ${build.name}`), ...lazyBuilds.map((build) => `${build.name}/eager`));
    }
    const rows = [header];
    for (const [row, label] of ROWS) {
      const cells: string[] = [label];
      for (const profile of PROFILES) {
        const medians = new Map(builds.map((build) => [build.name, median(samples[profile.name][build.name][row])]));
        const eager = medians.get('eager') ?? Number.NaN;
        cells.push(...builds.map((build) => cellText(row, medians.get(build.name) ?? Number.NaN)));
        cells.push(...lazyBuilds.map((build) => ((medians.get(build.name) ?? Number.NaN) / eager).toFixed(2)));
      }
      rows.push(cells);
    }
    const [lazyBytes, eagerBytes] = [builds[0], builds[builds.length - 1]].map((build) => totalBytes(initialAssets(build.dir)));
    console.log(
      `\nMedians of ${RUNS} cold runs per cell, headless Chromium ${browser.version()}, ${os.cpus().length} CPUs; ` +
        "times on the page's clock (navigation start, the click's pointerdown, the submit's pointerdown)."
    );
    console.log("mobile: Lighthouse's profile through CDP (150 ms RTT, 1.6 Mbps down, 750 kbps up, 4× CPU slowdown).\n");
    printTable(rows);
    console.log(
      `\ninitial JS+CSS, gzip: lazy ${formatBytes(lazyBytes)}, eager ${formatBytes(eagerBytes)}, lazy/eager ${(lazyBytes / eagerBytes).toFixed(2)}`
    );
    console.log(
      `production build, wall time: ${builds.map((build, index) => `${build.name} ${(buildMs[index] / 1000).toFixed(1)} s`).join(', ')}`
    );
    console.log(`Load average at end (1, 5, 15 min): ${loadAverage()}`);
  } finally {
    await browser.close();
    servers.forEach((server) => server.close());
    await tenant.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
