// The page half of `npm run bench`'s clocks: a fresh context under a profile, the ready marks each
// document sets, and wall-clock times that hold across the navigations of a login (Universal Login's
// page is another document, on another site, than the app that opened it).
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { loggedInText, loggedOutText } from '../tools/pages/lock-page';

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

export const WAIT_MS = 120_000;
const MARKS = { 'logged-out-ui': loggedOutText, 'authenticated-ui': loggedInText } as const;
export type Mark = keyof typeof MARKS;
/** sessionStorage, per origin and tab: the first document's navigation start, kept through a login's redirects. */
const FIRST_NAVIGATION_KEY = 'bench-first-navigation';

export interface BenchPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** The wall-clock time (epoch ms) of the pointerdown recorded under `key` by `recordNextPress`. */
  pressedAt(key: string): number;
}

/**
 * A fresh context and page under the profile, marking each ready text the first time a document
 * shows it. The cross-site tenant's certificate is self-signed, hence ignoreHTTPSErrors.
 */
export async function openPage(browser: Browser, profile: Profile, storageState?: StorageState): Promise<BenchPage> {
  const context = await browser.newContext({ storageState, ignoreHTTPSErrors: true });
  // A press may navigate at once (to the tenant's login page), so its time leaves the page as it happens.
  const presses = new Map<string, number>();
  await context.exposeBinding('benchPressed', (_source, key: string, at: number) => {
    presses.set(key, at);
  });
  await context.addInitScript(
    ({ marks, firstNavigationKey }: { marks: Record<string, string>; firstNavigationKey: string }) => {
      if (sessionStorage.getItem(firstNavigationKey) === null) sessionStorage.setItem(firstNavigationKey, String(performance.timeOrigin));
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
    },
    { marks: MARKS, firstNavigationKey: FIRST_NAVIGATION_KEY }
  );
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
  const pressedAt = (key: string): number => {
    const at = presses.get(key);
    if (at === undefined) throw new Error(`bench: no pointerdown recorded for ${key}`);
    return at;
  };
  return { context, page, pressedAt };
}

/** When `mark` happened in the current document, in ms since its navigation started. */
export async function markTime(page: Page, mark: Mark): Promise<number> {
  await page.waitForFunction((name) => performance.getEntriesByName(name).length > 0, mark, { timeout: WAIT_MS });
  return page.evaluate((name) => performance.getEntriesByName(name)[0].startTime, mark);
}

/** When `mark` happened in the current document, in wall-clock ms. */
export async function markWallTime(page: Page, mark: Mark): Promise<number> {
  const sinceNavigation = await markTime(page, mark);
  return sinceNavigation + (await page.evaluate(() => performance.timeOrigin));
}

/** The navigation start of this tab's first document on the current origin, in wall-clock ms. */
export const firstNavigationStart = (page: Page): Promise<number> =>
  page.evaluate((key) => Number(sessionStorage.getItem(key)), FIRST_NAVIGATION_KEY);

/** Records the next pointerdown in the current document, in wall-clock ms, for `pressedAt(key)`. */
export async function recordNextPress(page: Page, key: string): Promise<void> {
  await page.evaluate((pressKey) => {
    addEventListener(
      'pointerdown',
      () => {
        void (window as unknown as { benchPressed(key: string, at: number): Promise<void> }).benchPressed(
          pressKey,
          performance.timeOrigin + performance.now()
        );
      },
      { capture: true, once: true }
    );
  }, key);
}

/** Waits until `untilMs` on the page's clock (ms since its navigation started). */
export async function untilPageTime(page: Page, untilMs: number): Promise<void> {
  await page.waitForFunction((until) => performance.now() >= until, untilMs, { timeout: WAIT_MS });
}

/**
 * Resolves with the wall-clock time at which `selector` became usable in the current document:
 * rendered, enabled, and what a click at its centre would hit (not hidden, not under an overlay).
 */
export async function usableAt(page: Page, selector: string): Promise<number> {
  const usable = await page.waitForFunction(
    (inputSelector) => {
      const input = document.querySelector<HTMLInputElement>(inputSelector);
      const box = input?.getBoundingClientRect();
      if (!input || !box || input.disabled || box.width === 0) return false;
      return (
        document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === input && performance.timeOrigin + performance.now()
      );
    },
    selector,
    { polling: 'raf', timeout: WAIT_MS }
  );
  return Number(await usable.jsonValue());
}
