// `npm run bench` (not part of npm test): the lazy production build against an eager one (Lock in
// main.js, constructed on every load, as before), side by side. Bytes, median load times over
// BENCH_RUNS (default 15) in headless Chromium on loopback, and build wall times.
import type { Server } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from '@playwright/test';
import { loadConfigFromEnv } from '../dev-tenant/config';
import { startDevTenant } from '../dev-tenant/server';
import { launchChromium } from '../e2e/browser';
import { coldLoad, loggedInState, scenarios, warmPage, type Scenario } from './bench-browser';
import { buildProduction, formatBytes, initialAssets, totalBytes } from './production-build';
import { createStaticServer } from './static-server';

const RUNS = Math.max(10, Number(process.env.BENCH_RUNS ?? '15'));
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? '4300');
const tenantPort = PORT_BASE + 1;
const builds = [
  { name: 'lazy', eager: false, port: PORT_BASE },
  { name: 'eager', eager: true, port: PORT_BASE + 2 }
].map((build) => ({ ...build, url: `http://localhost:${build.port}/`, dir: path.resolve('node_modules/.cache/bench', build.name) }));
const origins = builds.map((build) => `http://localhost:${build.port}`);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value: number): string => `${value.toFixed(0)} ms`;

function listen(dir: string, port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createStaticServer(dir)
      .listen(port, '127.0.0.1', () => {
        resolve(server);
      })
      .on('error', reject);
  });
}

type Build = (typeof builds)[number] & { scenarios: Scenario[] };

/** Cold and warm loads of one scenario, alternating the builds run by run so drift hits both alike. */
async function timeScenario(browser: Browser, measured: Build[], index: number): Promise<string[][]> {
  const cold = measured.map((): number[] => []);
  const warm = measured.map((): number[] => []);
  const reloads = await Promise.all(measured.map((build) => warmPage(browser, build.url, build.scenarios[index])));
  for (let run = 0; run < RUNS; run++) {
    for (const [column, build] of measured.entries()) {
      cold[column].push(await coldLoad(browser, build.url, build.scenarios[index]));
      warm[column].push(await reloads[column]());
    }
  }
  const { name } = measured[0].scenarios[index];
  return [
    [`${name}, cold cache`, ...cold.map((values) => ms(median(values)))],
    [`${name}, warm cache`, ...warm.map((values) => ms(median(values)))]
  ];
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  for (const row of rows) {
    console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[0]) : cell.padStart(widths[column]))).join('   '));
  }
}

async function main(): Promise<void> {
  const env = { ...process.env, AUTH0_DOMAIN: '', AUTH0_CLIENT_ID: '', AUTH0_CALLBACK_URL: '', DEV_TENANT_PORT: String(tenantPort) };
  const buildMs: number[] = [];
  for (const build of builds) {
    console.log(`Building the ${build.name} production build…`);
    buildMs.push(await buildProduction(build.dir, { eager: build.eager, env }));
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
  try {
    const measured = await Promise.all(
      builds.map(async (build) => ({ ...build, scenarios: scenarios(await loggedInState(browser, build.url)) }))
    );
    console.log(`Timing ${RUNS} loads per cell…`);
    const rows = [['', ...builds.map((build) => `${build.name} build`)]];
    rows.push(['initial JS+CSS, gzip', ...builds.map((build) => formatBytes(totalBytes(initialAssets(build.dir))))]);
    for (const index of [0, 1]) {
      rows.push(...(await timeScenario(browser, measured, index)));
    }
    rows.push(['production build, wall time', ...buildMs.map((value) => `${(value / 1000).toFixed(1)} s`)]);
    console.log(
      `\nMedian of ${RUNS} runs, headless Chromium ${browser.version()}, loopback, ${os.cpus().length} CPUs; times from navigation start to the UI.\n`
    );
    printTable(rows);
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
