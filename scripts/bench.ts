// `npm run bench` (not part of npm test): the lazy production build, with each `lockFetch` (idle, the
// default; intent; click), and the sample in universal mode (AUTH0_LOGIN_MODE=universal), against an
// eager one (Lock in main.js, constructed on every load: `webpack --env eager`), side by side, timed
// as visitors feel it, on loopback and on Lighthouse's mobile profile. Runs rotate the builds' order
// so that drift in the machine's load hits all alike; each visit is cold (a fresh context).
// The Lock builds meet their tenant on their own site (http://localhost): cross-site, Lock cannot log
// in at all in Chromium, which blocks third-party cookies ("No verifier returned from client.").
// The universal build meets it cross-site, as a deployed app meets your-tenant.auth0.com: the tenant
// on https://127.0.0.1, the app on https://localhost, both with the tenant's loopback certificate.
// BENCH_BUILDS=idle,eager,universal picks builds (eager always among them: the ratios' base).
import { existsSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULTS, devTenantOrigin } from '../config/defaults';
import { loadConfigFromEnv } from '../dev-tenant/config/config';
import { loadOrCreateTlsCertificate } from '../dev-tenant/crypto/tls-certificate';
import { startDevTenant } from '../dev-tenant/server';
import { listen } from '../servers/lifecycle';
import { createStaticServer } from '../servers/static-server';
import { launchChromium } from '../tools/browsers/browser';
import {
  LOCK_FORM,
  PROFILES,
  UNIVERSAL_LOGIN_FORM,
  browseWithoutLogIn,
  firstVisitAndLogIn,
  readThenLogIn,
  reloadWithExpiredToken,
  reloadWithToken,
  type Target
} from './bench-browser';
import { emptySamples, formatTable, loadAverage, medianTable } from './bench-table';
import { buildProduction, initialAssets, totalBytes } from './production-build';

// 5 cold runs per cell, the fewest the docs' table is made from; BENCH_RUNS=1 for a quick check.
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? '5'));
// BENCH_REUSE_BUILDS=1: the builds left by the last run, for work on the harness itself (stale after any change to the app).
const REUSE_BUILDS = process.env.BENCH_REUSE_BUILDS === '1';
const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? '4300');
const tenantPort = PORT_BASE + 1;
const crossSiteTenantPort = PORT_BASE + 6;
const crossSiteEnv = { DEV_TENANT_BROWSER_HOST: DEFAULTS.crossSiteBrowserHost, DEV_TENANT_PORT: String(crossSiteTenantPort) };
const dataDir = (name: string): string => path.join(os.tmpdir(), name);

interface Build extends Target {
  readonly name: string;
  readonly port: number;
  readonly eager: boolean;
  readonly crossSite: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly dir: string;
}
const lockBuild = (name: string, port: number, lockFetch: string, eager = false) => ({
  name,
  port,
  eager,
  crossSite: false,
  env: { AUTH0_LOCK_FETCH: lockFetch },
  form: LOCK_FORM
});
const ALL_BUILDS = [
  lockBuild('idle', PORT_BASE, 'idle'),
  lockBuild('intent', PORT_BASE + 3, 'intent'),
  lockBuild('click', PORT_BASE + 4, 'click'),
  lockBuild('eager', PORT_BASE + 2, 'idle', true),
  {
    name: 'universal',
    port: PORT_BASE + 5,
    eager: false,
    crossSite: true,
    env: { ...crossSiteEnv, AUTH0_LOGIN_MODE: 'universal' },
    form: UNIVERSAL_LOGIN_FORM
  }
];
const chosen = process.env.BENCH_BUILDS?.split(',').map((name) => name.trim());
const builds: Build[] = ALL_BUILDS.filter((build) => build.eager || !chosen || chosen.includes(build.name)).map((build) => ({
  ...build,
  url: `${build.crossSite ? 'https' : 'http'}://${DEFAULTS.browserHost}:${build.port}/`,
  // Per port base: the builds hold their tenant's port.
  dir: path.resolve(`node_modules/.cache/bench-${PORT_BASE}`, build.name)
}));
const eagerName = 'eager';

/** A dev tenant allowing `apps` (their origins), same-site on tenantPort or cross-site (https) on crossSiteTenantPort. */
function startTenant(apps: readonly Build[], crossSite: boolean) {
  const origins = apps.map((build) => new URL(build.url).origin);
  return startDevTenant(
    loadConfigFromEnv({
      ...process.env,
      DEV_TENANT_PORT: String(tenantPort),
      ...(crossSite ? crossSiteEnv : {}),
      DEV_TENANT_DATA_DIR: dataDir(crossSite ? 'auth0-angularjs-bench-cross-site' : 'auth0-angularjs-bench'),
      DEV_TENANT_CALLBACK_URLS: origins.map((origin) => `${origin}/`).join(','),
      DEV_TENANT_WEB_ORIGINS: origins.join(',')
    })
  );
}

async function main(): Promise<void> {
  console.log(`Load average at start (1, 5, 15 min): ${loadAverage()}`);
  const env = { ...process.env, AUTH0_DOMAIN: '', AUTH0_CLIENT_ID: '', AUTH0_CALLBACK_URL: '', DEV_TENANT_PORT: String(tenantPort) };
  const buildMs: number[] = [];
  for (const build of builds) {
    if (REUSE_BUILDS && existsSync(path.join(build.dir, 'index.html'))) {
      buildMs.push(Number.NaN);
      continue;
    }
    console.log(`Building the ${build.name} production build…`);
    buildMs.push(await buildProduction(build.dir, { eager: build.eager, env: { ...env, ...build.env } }));
  }
  const sameSiteApps = builds.filter((build) => !build.crossSite);
  const crossSiteApps = builds.filter((build) => build.crossSite);
  const tenants = [await startTenant(sameSiteApps, false), ...(crossSiteApps.length ? [await startTenant(crossSiteApps, true)] : [])];
  // The cross-site tenant made (or kept) its certificate in its data dir at its start.
  const tls = crossSiteApps.length ? await loadOrCreateTlsCertificate(dataDir('auth0-angularjs-bench-cross-site')) : undefined;
  const servers = await Promise.all(
    builds.map((build) => listen(DEFAULTS.host, build.port, createStaticServer(build.dir), build.crossSite ? tls : undefined))
  );
  const browser = await launchChromium();
  const profiles = PROFILES.map((profile) => profile.name);
  const buildNames = builds.map((build) => build.name);
  const samples = emptySamples(profiles, buildNames);
  const interimFile = path.resolve(`node_modules/.cache/bench-${PORT_BASE}`, 'medians-so-far.txt');
  console.log(`The medians so far, after each run: ${interimFile}`);
  try {
    // Untimed: the browser's own first-navigation costs would otherwise land on whichever build goes first.
    for (const build of builds) await firstVisitAndLogIn(browser, PROFILES[0], build);
    for (let run = 0; run < RUNS; run++) {
      console.log(`Run ${run + 1} of ${RUNS} (load average ${loadAverage()})…`);
      for (const profile of PROFILES) {
        const order = [...builds.slice(run % builds.length), ...builds.slice(0, run % builds.length)];
        for (const build of order) {
          const cell = samples[profile.name][build.name];
          const visit = await firstVisitAndLogIn(browser, profile, build);
          const reader = await readThenLogIn(browser, profile, build);
          const returning = await reloadWithToken(browser, profile, build, reader.loggedIn);
          cell.initialBytes.push(totalBytes(initialAssets(build.dir)));
          cell.firstVisit.push(visit.loggedOutUi);
          cell.immediateClick.push(visit.immediateClick);
          cell.visitAndLogIn.push(visit.visitAndLogIn);
          cell.readerClick.push(reader.readerClick);
          cell.loginSubmit.push(reader.submitToAuthenticatedUi);
          cell.reloadWithToken.push(returning.reload);
          cell.renewal.push(returning.renewal);
          cell.reloadExpired.push(await reloadWithExpiredToken(browser, profile, build, reader.loggedIn));
          cell.browsingBytes.push(await browseWithoutLogIn(browser, profile, build));
        }
      }
      // The medians so far, for a long run cut short: the file says how many runs they are of.
      writeFileSync(
        interimFile,
        `Medians of ${run + 1} of ${RUNS} runs (load average ${loadAverage()})\n${formatTable(medianTable(samples, profiles, buildNames, eagerName))}\n`
      );
    }
    console.log(
      `\nMedians of ${RUNS} cold runs per cell, headless Chromium ${browser.version()}, ${os.cpus().length} CPUs; ` +
        "times on the page's clock (navigation start, the click's pointerdown, the submit's pointerdown), wall-clock across a login's documents."
    );
    console.log("mobile: Lighthouse's profile through CDP (150 ms RTT, 1.6 Mbps down, 750 kbps up, 4× CPU slowdown).");
    if (crossSiteApps.length) {
      console.log(
        `Lock builds: tenant same-site (${devTenantOrigin(DEFAULTS.browserHost, tenantPort)}; cross-site, Lock cannot log in in Chromium); ` +
          `universal: tenant cross-site (${devTenantOrigin(DEFAULTS.crossSiteBrowserHost, crossSiteTenantPort)}), app over https.`
      );
    }
    console.log('');
    console.log(formatTable(medianTable(samples, profiles, buildNames, eagerName)));
    console.log(
      `\nproduction build, wall time: ${builds.map((build, index) => `${build.name} ${Number.isNaN(buildMs[index]) ? 'reused' : `${(buildMs[index] / 1000).toFixed(1)} s`}`).join(', ')}`
    );
    console.log(`Load average at end (1, 5, 15 min): ${loadAverage()}`);
  } finally {
    await browser.close();
    await Promise.all(servers.map((server) => server.close()));
    await Promise.all(tenants.map((tenant) => tenant.close()));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
