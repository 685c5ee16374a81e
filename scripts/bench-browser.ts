// The browser half of `npm run bench`: what a visitor feels, timed in headless Chromium with the
// page's own clock, each visit in a fresh context (cold HTTP and code caches), on loopback or on a
// throttled mobile profile.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DEV_USER, loggedInText, loggedOutText, navbar } from '../tools/pages/lock-page';

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;

export interface Profile {
  readonly name: string;
  /** CDP Network.emulateNetworkConditions (bytes/s, ms); none on loopback. */
  readonly network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
  readonly cpuSlowdown?: number;
}

const KBIT = 1024 / 8;
export const PROFILES: readonly Profile[] = [
  { name: 'loopback' },
  // Lighthouse's mobile profile: 150 ms RTT, 1.6 Mbps down, 750 kbps up, 4× CPU slowdown.
  { name: 'mobile', network: { latency: 150, downloadThroughput: 1.6 * 1024 * KBIT, uploadThroughput: 750 * KBIT }, cpuSlowdown: 4 }
];

/** How long a person who reads first looks at the page before clicking Log In. */
export const READING_MS = 1000;
/** The pointer reaches Log In this long before the click (a hover-to-click gap): `lockFetch: 'intent'` starts there. */
export const HOVER_LEAD_MS = 300;
/** How long a visitor who never clicks stays on the page, for the bytes it downloads meanwhile. */
export const BROWSING_MS = 6000;
const WAIT_MS = 120_000;
const MARKS = { 'logged-out-ui': loggedOutText, 'authenticated-ui': loggedInText } as const;
type Mark = keyof typeof MARKS;
const CLICK_KEY = 'bench-log-in-pressed';
const SUBMIT_KEY = 'bench-submit-pressed';

/** A fresh context and page under the profile, marking each ready text the first time a document shows it. */
export async function openPage(
  browser: Browser,
  profile: Profile,
  storageState?: StorageState
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState });
  await context.addInitScript((marks: Record<string, string>) => {
    const pending = new Map(Object.entries(marks));
    const observer = new MutationObserver(() => {
      for (const [mark, text] of pending) {
        // Typed as always there, but an observer on `document` runs before <body> is parsed.
        if ((document.body as HTMLElement | null)?.textContent.includes(text)) {
          performance.mark(mark);
          pending.delete(mark);
        }
      }
      if (pending.size === 0) observer.disconnect();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }, MARKS);
  const page = await context.newPage();
  if (profile.network || profile.cpuSlowdown) {
    const cdp = await context.newCDPSession(page);
    if (profile.network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
    }
    if (profile.cpuSlowdown) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });
    }
  }
  return { context, page };
}

/** When `mark` happened in the current document, in ms since its navigation started. */
async function markTime(page: Page, mark: Mark): Promise<number> {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: WAIT_MS });
  return page.evaluate((name) => performance.getEntriesByName(name)[0].startTime, mark);
}

/**
 * Records the next pointerdown in sessionStorage, in wall-clock ms: it survives the navigations of
 * a login (the authenticated UI shows in another document, after the tenant's redirect).
 */
async function recordNextPress(page: Page, key: string): Promise<void> {
  await page.evaluate((storageKey) => {
    addEventListener(
      'pointerdown',
      () => {
        sessionStorage.setItem(storageKey, String(performance.timeOrigin + performance.now()));
      },
      { capture: true, once: true }
    );
  }, key);
}

/** When the press recorded under `key` happened, on the current document's clock. */
const pressTime = (page: Page, key: string): Promise<number> =>
  page.evaluate((storageKey) => Number(sessionStorage.getItem(storageKey)) - performance.timeOrigin, key);

/** Waits until `untilMs` on the page's clock (ms since its navigation started). */
async function untilPageTime(page: Page, untilMs: number): Promise<void> {
  await page.waitForFunction((until) => performance.now() >= until, untilMs, { timeout: WAIT_MS });
}

/** Clicks Log In; resolves with the page times of the press and of Lock's email field taking a click. */
async function clickLogIn(page: Page): Promise<{ pressed: number; usable: number }> {
  await recordNextPress(page, CLICK_KEY);
  await navbar(page).getByRole('button', { name: 'Log In' }).click();
  // Usable: rendered, enabled, and what a click at its centre would hit (not hidden, not under an overlay).
  const usable = await page.waitForFunction(
    () => {
      const input = document.querySelector<HTMLInputElement>('.auth0-lock-widget input[name="email"]');
      const box = input?.getBoundingClientRect();
      if (!input || !box || input.disabled || box.width === 0) return false;
      return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === input && performance.now();
    },
    undefined,
    { polling: 'raf', timeout: WAIT_MS }
  );
  const pressed = await pressTime(page, CLICK_KEY);
  return { pressed, usable: Number(await usable.jsonValue()) };
}

export interface FirstVisit {
  readonly loggedOutUi: number;
  /** Log In clicked as soon as the UI shows: click → Lock usable. */
  readonly immediateClick: number;
  /** Navigation start → Lock usable for that click, without the harness's own delay between UI and click. */
  readonly visitAndLogIn: number;
}

export async function firstVisitAndLogIn(browser: Browser, profile: Profile, url: string): Promise<FirstVisit> {
  const { context, page } = await openPage(browser, profile);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const loggedOutUi = await markTime(page, 'logged-out-ui');
    const { pressed, usable } = await clickLogIn(page);
    return { loggedOutUi, immediateClick: usable - pressed, visitAndLogIn: loggedOutUi + usable - pressed };
  } finally {
    await context.close();
  }
}

export interface ReaderLogIn {
  /** Log In clicked READING_MS after the UI shows. */
  readonly readerClick: number;
  readonly submitToAuthenticatedUi: number;
  /** What a returning visitor has: the stored token and the tenant's session cookie. */
  readonly loggedIn: StorageState;
}

export async function readThenLogIn(browser: Browser, profile: Profile, url: string): Promise<ReaderLogIn> {
  const { context, page } = await openPage(browser, profile);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await markTime(page, 'logged-out-ui');
    await untilPageTime(page, shown + READING_MS - HOVER_LEAD_MS);
    await navbar(page).getByRole('button', { name: 'Log In' }).hover();
    await untilPageTime(page, shown + READING_MS);
    const { pressed, usable } = await clickLogIn(page);
    const lock = page.locator('.auth0-lock-widget');
    await lock.locator('input[name="email"]').fill(DEV_USER.email);
    await lock.locator('input[name="password"]').fill(DEV_USER.password);
    await recordNextPress(page, SUBMIT_KEY);
    await lock.locator('button.auth0-lock-submit').click();
    await page.getByText(loggedInText).waitFor({ timeout: WAIT_MS });
    const authenticated = await markTime(page, 'authenticated-ui');
    const submitted = await pressTime(page, SUBMIT_KEY);
    return { readerClick: usable - pressed, submitToAuthenticatedUi: authenticated - submitted, loggedIn: await context.storageState() };
  } finally {
    await context.close();
  }
}

/** A logged-out visitor who reads and never clicks Log In: the bytes the page received in BROWSING_MS (from every origin, as sent). */
export async function browseWithoutLogIn(browser: Browser, profile: Profile, url: string): Promise<number> {
  const { context, page } = await openPage(browser, profile);
  try {
    const cdp = await context.newCDPSession(page);
    let bytes = 0;
    cdp.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength;
    });
    await cdp.send('Network.enable');
    await page.goto(url, { waitUntil: 'commit' });
    await untilPageTime(page, (await markTime(page, 'logged-out-ui')) + BROWSING_MS);
    return bytes;
  } finally {
    await context.close();
  }
}

/** A returning visitor with a valid token: navigation start → authenticated UI. */
export async function reloadWithToken(browser: Browser, profile: Profile, url: string, loggedIn: StorageState): Promise<number> {
  const { context, page } = await openPage(browser, profile, loggedIn);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    return await markTime(page, 'authenticated-ui');
  } finally {
    await context.close();
  }
}
