// `npm run screenshots [-- --out DIR]`: a PNG of every page and state of the tour (tools/pages/app-tour.ts)
// at each of SCREENSHOT_VIEWPORTS' widths, `<stop>-<width>.png`, into docs/screenshots/ (or DIR).
// It starts what it needs with `scripts/start.ts` (app, dev tenant, demo API) on ports of its own,
// SCREENSHOTS_PORT_BASE to +2 (default 4200), so it runs beside `npm start` and the e2e tests.
// While shooting it checks what the pictures are meant to show: logged in, Log Out is visible
// inside the viewport, and no page scrolls sideways. It writes every picture first, then fails
// (exit code 1) naming each stop and width where that does not hold.
import { mkdirSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { DEFAULTS, localOrigin } from '../config/defaults';
import { APP_TOUR, SCREENSHOT_VIEWPORTS, logOutButton, type TourStop } from '../tools/pages/app-tour';
import { launchChromium } from '../tools/browsers/browser';
import { runMain, runTsx, stopChildrenAndWait, stopChildrenOnSignals, waitForUrl } from '../tools/dev-processes';

const portBase = Number(process.env.SCREENSHOTS_PORT_BASE ?? DEFAULTS.screenshotsPortBase);
const appOrigin = localOrigin(portBase);
// Dev-tenant mode whatever the shell has set: the pictures show the sample as a newcomer runs it.
const env = {
  ...process.env,
  PORT: String(portBase),
  DEV_TENANT_PORT: String(portBase + 1),
  DEMO_API_PORT: String(portBase + 2),
  AUTH0_DOMAIN: '',
  AUTH0_CLIENT_ID: '',
  AUTH0_CALLBACK_URL: '',
  API_URL: '',
  DEV_TENANT_CALLBACK_URLS: `${appOrigin}/`,
  DEV_TENANT_WEB_ORIGINS: appOrigin,
  DEV_TENANT_LOGOUT_URLS: `${appOrigin}/`,
  // Its own key and users, not the developer's dev-tenant/.data.
  DEV_TENANT_DATA_DIR: path.join(os.tmpdir(), 'auth0-angularjs-screenshots', `dev-tenant-${portBase + 1}`)
};

/** What the picture at this stop must show, or why it does not. */
async function layoutProblems(page: Page, stop: TourStop, width: number, height: number): Promise<string[]> {
  const problems: string[] = [];
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) {
    problems.push(`the page scrolls sideways by ${overflow} px`);
  }
  if (stop.loggedIn) {
    const logOut = logOutButton(page);
    const box = (await logOut.isVisible()) ? await logOut.boundingBox() : null;
    if (!box) {
      problems.push('Log Out is not visible');
    } else if (box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height) {
      problems.push(
        `Log Out is outside the ${width}×${height} viewport (x ${box.x}-${box.x + box.width}, y ${box.y}-${box.y + box.height})`
      );
    } else if (
      !(await logOut.evaluate((button, point) => button.contains(document.elementFromPoint(point.x, point.y)), {
        x: box.x + box.width / 2,
        y: box.y + box.height / 2
      }))
    ) {
      problems.push('Log Out is covered by another element');
    }
  }
  return problems;
}

/** One browser context per width, walked through the whole tour: one login per width. */
async function shootWidth(browser: Browser, viewport: (typeof SCREENSHOT_VIEWPORTS)[number], out: string): Promise<string[]> {
  const context = await browser.newContext({ viewport, baseURL: appOrigin });
  const problems: string[] = [];
  try {
    // No live reload from webpack-dev-server's socket: a file saved meanwhile must not reload the page mid-tour.
    await context.routeWebSocket(/\/ws$/, (socket) => socket.close());
    const page = await context.newPage();
    for (const stop of APP_TOUR) {
      await stop.reach(page);
      const file = path.join(out, `${stop.name}-${viewport.width}.png`);
      // The whole page's height, clipped to the viewport's width: a page that overflows sideways
      // is reported above instead of widening the picture.
      const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      await page.screenshot({
        path: file,
        fullPage: true,
        clip: { x: 0, y: 0, width: viewport.width, height: Math.max(pageHeight, viewport.height) }
      });
      const found = await layoutProblems(page, stop, viewport.width, viewport.height);
      problems.push(...found.map((problem) => `${stop.name} at ${viewport.width} px: ${problem}`));
      console.log(`  ${path.relative(process.cwd(), file)}  ${stop.title}${found.length ? `  ✗ ${found.join('; ')}` : ''}`);
    }
  } finally {
    await context.close();
  }
  return problems;
}

async function main(): Promise<void> {
  stopChildrenOnSignals();
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = path.resolve(values.out ?? 'docs/screenshots');
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  const server = runTsx('scripts/start.ts', [], env);
  const serverGone = new Promise<never>((_, reject) => {
    server.once('exit', (code) => {
      reject(new Error(`scripts/start.ts stopped (exit code ${String(code)}) before the screenshots were taken.`));
    });
  });
  const problems: string[] = [];
  try {
    await Promise.race([waitForUrl(`${appOrigin}/`, 180_000, 'The app'), serverGone]);
    const browser = await launchChromium();
    try {
      // One width after another: the tour logs in at each, and the tenant checks one password at a time per address.
      for (const viewport of SCREENSHOT_VIEWPORTS) {
        problems.push(...(await Promise.race([shootWidth(browser, viewport, out), serverGone])));
      }
    } finally {
      await browser.close();
    }
  } finally {
    await stopChildrenAndWait();
  }
  if (problems.length > 0) {
    throw new Error(`The screenshots were written, but they show:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
  console.log(
    `${APP_TOUR.length * SCREENSHOT_VIEWPORTS.length} screenshots in ${path.relative(process.cwd(), out) || '.'} (${((Date.now() - started) / 1000).toFixed(1)} s)`
  );
  // The stopped servers' exit codes are not this script's.
  process.exitCode = 0;
}

runMain(main);
