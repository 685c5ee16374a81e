// The packed package (dist-lib/*.tgz, which the e2e builds make with `npm run build:lib`), adopted
// with no configuration by three fresh apps (e2e/fresh-apps.ts): a webpack 5 + TypeScript app
// (typechecked by tsc, built by webpack), a Vite app (vite build) and a page of script tags (the UMD
// script after AngularJS's). Each build must hold exactly one AngularJS; each page, served on
// loopback, must boot in Chromium with auth0.session registered, show Lock on Log In (its chunk
// fetched from the app's own files) against the e2e dev tenant, with no console error or uncaught
// exception and no request off loopback.
import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import express from 'express';
import type { Page } from '@playwright/test';
import { DEFAULTS, localOrigin } from '../config/defaults';
import { listen, type ListeningServer } from '../servers/lifecycle';
import { E2E_CLIENT_ID, E2E_FRESH_APPS_PORT, E2E_TENANT_URL } from './e2e-env';
import { expect, test } from './fixtures';
import {
  ANGULAR_MARKER,
  angularCopies,
  appPage,
  appSource,
  createApp,
  freshAppsDir,
  packDependencies,
  runTool,
  scriptTagPage
} from './fresh-apps';
import { LOCK_READY_MS, collectPageProblems, hostsOffLoopback, recordRequests } from '../tools/pages/lock-page';

const ORIGIN = localOrigin(E2E_FRESH_APPS_PORT);
const BASE = freshAppsDir(E2E_FRESH_APPS_PORT);
/** Installing, typechecking and building with webpack's minifier, on 2 busy cores. */
const BUILD_MS = 300_000;

const WEBPACK_CONFIG = `const path = require('node:path');

module.exports = {
  entry: './src/main.ts',
  module: { rules: [{ test: /\\.ts$/, use: 'ts-loader', exclude: /node_modules/ }] },
  resolve: { extensions: ['.ts', '.js'] },
  output: { path: path.resolve(__dirname, 'dist'), clean: true }
};
`;

const TSCONFIG = JSON.stringify(
  {
    compilerOptions: { target: 'ES2019', module: 'ESNext', moduleResolution: 'bundler', strict: true, esModuleInterop: true },
    include: ['src']
  },
  null,
  2
);

/** The folder the server serves now: each test points it at its app's output. */
let served = '';
let server: ListeningServer | undefined;
let dependencies: string[] = [];

test.beforeAll(async () => {
  rmSync(BASE, { recursive: true, force: true });
  mkdirSync(BASE, { recursive: true });
  dependencies = await packDependencies(BASE);
  const app = express();
  app.use((request, response, next) => {
    express.static(served)(request, response, next);
  });
  server = await listen(DEFAULTS.host, E2E_FRESH_APPS_PORT, app);
});

test.afterAll(async () => {
  await server?.close();
});

interface PageWindow {
  angular?: {
    module(name: string): { requires: string[] };
    element(node: unknown): { injector(): { has(name: string): boolean } | undefined };
  };
}

/** Serves `dir`, opens it, and expects the app booted with auth0.session, and Lock shown on Log In, cleanly. */
async function expectBootsAndShowsLock(page: Page, dir: string): Promise<void> {
  served = dir;
  const problems = collectPageProblems(page);
  const requests = recordRequests(page);
  const angularWarnings: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes(ANGULAR_MARKER)) angularWarnings.push(message.text());
  });
  await page.goto(`${ORIGIN}/`);
  await expect
    .poll(() =>
      page.evaluate(() => {
        const { angular } = window as unknown as PageWindow;
        return angular?.element(document.body).injector()?.has('authService') === true ? angular.module('app').requires : null;
      })
    )
    .toEqual(['auth0.session']);
  await page.getByRole('button', { name: 'Log In' }).click();
  await expect(page.locator('.auth0-lock-widget input[name="email"]')).toBeVisible({ timeout: LOCK_READY_MS });
  expect(problems, 'console errors and uncaught exceptions').toEqual([]);
  expect(angularWarnings, 'AngularJS loaded twice').toEqual([]);
  expect(requests.filter((request) => request.url().startsWith(ORIGIN)).length, 'requests to the app').toBeGreaterThan(0);
  expect(hostsOffLoopback(requests), 'hosts off loopback').toEqual([]);
}

test('a webpack 5 + TypeScript app: tsc typechecks it, webpack builds it with one AngularJS, and it boots', async ({ page }) => {
  test.setTimeout(BUILD_MS);
  const app = path.join(BASE, 'webpack-app');
  const files = {
    'tsconfig.json': TSCONFIG,
    'webpack.config.js': WEBPACK_CONFIG,
    'src/main.ts': appSource(E2E_TENANT_URL, E2E_CLIENT_ID),
    'index.html': appPage('<script defer src="dist/main.js"></script>')
  };
  await createApp(app, files, dependencies, ['webpack', 'webpack-cli', 'ts-loader', 'typescript']);
  await runTool(app, 'typescript/bin/tsc', ['--noEmit', '-p', '.']);
  await runTool(app, 'webpack-cli/bin/cli.js', ['--mode', 'production']);
  expect(angularCopies(path.join(app, 'dist')), 'copies of AngularJS in the build').toBe(1);
  await expectBootsAndShowsLock(page, app);
});

test('a Vite app: vite build makes it with one AngularJS, and it boots', async ({ page }) => {
  test.setTimeout(BUILD_MS);
  const app = path.join(BASE, 'vite-app');
  const files = {
    'src/main.ts': appSource(E2E_TENANT_URL, E2E_CLIENT_ID),
    'index.html': appPage('<script type="module" src="/src/main.ts"></script>')
  };
  await createApp(app, files, dependencies, ['vite']);
  const output = await runTool(app, 'vite/bin/vite.js', ['build']);
  // Rolldown's warnings about code, such as [COMMONJS_VARIABLE_IN_ESM] for a bare `module`: none for the package's.
  expect(output, 'warnings of vite build').not.toMatch(/^\[[A-Z_]+\]/m);
  expect(angularCopies(path.join(app, 'dist')), 'copies of AngularJS in the build').toBe(1);
  await expectBootsAndShowsLock(page, path.join(app, 'dist'));
});

test('a page of script tags: the UMD script after AngularJS boots', async ({ page }) => {
  const dir = path.join(BASE, 'script-tag-page');
  await scriptTagPage(dir, E2E_TENANT_URL, E2E_CLIENT_ID);
  expect(angularCopies(dir), 'copies of AngularJS on the page').toBe(1);
  await expectBootsAndShowsLock(page, dir);
});
