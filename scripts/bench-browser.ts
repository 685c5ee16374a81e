// The browser half of `npm run bench`: what a visitor feels, timed in headless Chromium with the
// page's own clock (wall-clock where a login crosses documents), each visit in a fresh context (cold
// HTTP and code caches), on loopback or on a throttled mobile profile (scripts/bench-page.ts).
import type { Browser, Page } from '@playwright/test';
import { DEV_USER, navbar } from '../tools/pages/lock-page';
import {
  WAIT_MS,
  firstNavigationStart,
  markTime,
  markWallTime,
  openPage,
  recordNextPress,
  untilPageTime,
  usableAt,
  type BenchPage,
  type Profile,
  type StorageState
} from './bench-page';

export { PROFILES, type Profile } from './bench-page';

/** How long a person who reads first looks at the page before clicking Log In. */
export const READING_MS = 1000;
/** The pointer reaches Log In this long before the click (a hover-to-click gap): `lockFetch: 'intent'` starts there. */
export const HOVER_LEAD_MS = 300;
/** How long a visitor who never clicks stays on the page, for the bytes it downloads meanwhile. */
export const BROWSING_MS = 6000;

/** Where the email and password are typed: Lock's widget in the app's page, or the tenant's own login page. */
export interface LoginForm {
  readonly email: string;
  readonly password: string;
  readonly submit: string;
  /** Universal Login: the form is on the tenant's page, which Log In navigates to. */
  readonly pagePath?: string;
}
export const LOCK_FORM: LoginForm = {
  email: '.auth0-lock-widget input[name="email"]',
  password: '.auth0-lock-widget input[name="password"]',
  submit: '.auth0-lock-widget button.auth0-lock-submit'
};
export const UNIVERSAL_LOGIN_FORM: LoginForm = {
  email: '#username',
  password: '#password',
  submit: 'button[type=submit][name=action]',
  pagePath: '/u/login'
};

/** A build as the browser meets it: its address and its login form. */
export interface Target {
  readonly url: string;
  readonly form: LoginForm;
}

/** Clicks Log In; resolves with the wall-clock times of the press and of the form's email field taking a click. */
async function clickLogIn(bench: BenchPage, form: LoginForm): Promise<{ pressed: number; usable: number }> {
  const { page } = bench;
  await recordNextPress(page, 'log-in');
  await navbar(page).getByRole('button', { name: 'Log In' }).click();
  if (form.pagePath !== undefined) {
    const loginPage = form.pagePath;
    await page.waitForURL((url) => url.pathname === loginPage, { waitUntil: 'commit', timeout: WAIT_MS });
  }
  const usable = await usableAt(page, form.email);
  return { pressed: bench.pressedAt('log-in'), usable };
}

export interface FirstVisit {
  readonly loggedOutUi: number;
  /** Log In clicked as soon as the UI shows: click → the login form usable. */
  readonly immediateClick: number;
  /** Navigation start → the login form usable for that click, without the harness's own delay between UI and click. */
  readonly visitAndLogIn: number;
}

export async function firstVisitAndLogIn(browser: Browser, profile: Profile, target: Target): Promise<FirstVisit> {
  const bench = await openPage(browser, profile);
  try {
    await bench.page.goto(target.url, { waitUntil: 'commit' });
    const loggedOutUi = await markTime(bench.page, 'logged-out-ui');
    const { pressed, usable } = await clickLogIn(bench, target.form);
    return { loggedOutUi, immediateClick: usable - pressed, visitAndLogIn: loggedOutUi + usable - pressed };
  } finally {
    await bench.context.close();
  }
}

export interface ReaderLogIn {
  /** Log In clicked READING_MS after the UI shows. */
  readonly readerClick: number;
  readonly submitToAuthenticatedUi: number;
  /** What a returning visitor has: the stored tokens and the tenant's session cookie. */
  readonly loggedIn: StorageState;
}

export async function readThenLogIn(browser: Browser, profile: Profile, target: Target): Promise<ReaderLogIn> {
  const bench = await openPage(browser, profile);
  const { page } = bench;
  try {
    await page.goto(target.url, { waitUntil: 'commit' });
    const shown = await markTime(page, 'logged-out-ui');
    await untilPageTime(page, shown + READING_MS - HOVER_LEAD_MS);
    await navbar(page).getByRole('button', { name: 'Log In' }).hover();
    await untilPageTime(page, shown + READING_MS);
    const { pressed, usable } = await clickLogIn(bench, target.form);
    await page.locator(target.form.email).fill(DEV_USER.email);
    await page.locator(target.form.password).fill(DEV_USER.password);
    await recordNextPress(page, 'submit');
    await page.locator(target.form.submit).click();
    const authenticated = await markWallTime(page, 'authenticated-ui');
    return {
      readerClick: usable - pressed,
      submitToAuthenticatedUi: authenticated - bench.pressedAt('submit'),
      loggedIn: await bench.context.storageState()
    };
  } finally {
    await bench.context.close();
  }
}

/** A logged-out visitor who reads and never clicks Log In: the bytes the page received in BROWSING_MS (from every origin, as sent). */
export async function browseWithoutLogIn(browser: Browser, profile: Profile, target: Target): Promise<number> {
  const { context, page } = await openPage(browser, profile);
  try {
    const cdp = await context.newCDPSession(page);
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
    });
    await cdp.send('Network.enable');
    await page.goto(target.url, { waitUntil: 'commit' });
    await untilPageTime(page, (await markTime(page, 'logged-out-ui')) + BROWSING_MS);
    return bytes;
  } finally {
    await context.close();
  }
}

/**
 * One renewal as the session's scheduler asks the engine for it (`loginEngine.renew`, from the call to
 * its callback): Lock, auth0-js's checkSession (a hidden `/authorize?prompt=none` iframe); universal,
 * auth0-spa-js's refresh-token grant (`POST /oauth/token`). The second of two: the first pays for the
 * engine's chunk, which a page renewing after hours has long had.
 */
async function renewTwiceInPage(timeoutMs: number): Promise<number> {
  type Engine = { renew(timeoutMs: number, done: (error: unknown) => void): void };
  const ng = (window as unknown as { angular: { element(node: Node): { injector(): { get(name: string): Engine } } } }).angular;
  const engine = ng.element(document.body).injector().get('loginEngine');
  let took = Number.NaN;
  // No named inner function: tsx would wrap it in a helper that the page does not have.
  for (let renewal = 0; renewal < 2; renewal++) {
    const started = performance.now();
    took = await new Promise<number>((resolve, reject) => {
      engine.renew(timeoutMs, (error) => {
        if (error) reject(new Error(`renewal failed: ${JSON.stringify(error)}`));
        else resolve(performance.now() - started);
      });
    });
  }
  return took;
}

export interface ReturningVisit {
  /** Navigation start → authenticated UI, with a valid stored token. */
  readonly reload: number;
  readonly renewal: number;
}

/** A returning visitor with a valid token: navigation start → authenticated UI; then one renewal on that page. */
export async function reloadWithToken(browser: Browser, profile: Profile, target: Target, loggedIn: StorageState): Promise<ReturningVisit> {
  const { context, page } = await openPage(browser, profile, loggedIn);
  try {
    await page.goto(target.url, { waitUntil: 'commit' });
    const reload = await markTime(page, 'authenticated-ui');
    return { reload, renewal: await page.evaluate(renewTwiceInPage, WAIT_MS / 4) };
  } finally {
    await context.close();
  }
}

/** The stored id_token with its `exp` a minute ago (the signature is not checked at boot: only the claims are read). */
function withExpiredIdToken(state: StorageState): StorageState {
  const expire = (token: string): string => {
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const expired = Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 })).toString('base64url');
    return `${header}.${expired}.${signature}`;
  };
  const origins = state.origins.map((origin) => ({
    ...origin,
    localStorage: origin.localStorage.map((entry) => (entry.name === 'id_token' ? { ...entry, value: expire(entry.value) } : entry))
  }));
  return { ...state, origins };
}

/**
 * A returning visitor whose id_token expired, the tenant session alive: the first navigation's start
 * → authenticated UI (Lock: a top-level `prompt=none` trip to the tenant and back; universal: the
 * refresh-token grant in place).
 */
export async function reloadWithExpiredToken(browser: Browser, profile: Profile, target: Target, loggedIn: StorageState): Promise<number> {
  const { context, page } = await openPage(browser, profile, withExpiredIdToken(loggedIn));
  try {
    await page.goto(target.url, { waitUntil: 'commit' });
    return await authenticatedSinceFirstNavigation(page);
  } finally {
    await context.close();
  }
}

async function authenticatedSinceFirstNavigation(page: Page): Promise<number> {
  const authenticated = await markWallTime(page, 'authenticated-ui');
  return authenticated - (await firstNavigationStart(page));
}
