// The browser half of `npm run bench`: time from navigation to the app's first meaningful UI,
// measured in headless Chromium with a Performance API mark, cache cold and warm.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { DEV_USER, logInThroughLock, loggedInText, loggedOutText } from '../e2e/lock-page';

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
export interface Scenario {
  readonly name: string;
  /** Text the app shows once it knows who the visitor is. */
  readonly readyText: string;
  /** localStorage (the id_token) and the tenant's session cookie; none for a first visit. */
  readonly storageState?: StorageState;
}

const READY_MARK = 'app-ready';

/** Logs in through Lock once and keeps what a returning visitor has: a valid token, a tenant session. */
export async function loggedInState(browser: Browser, appUrl: string): Promise<StorageState> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(appUrl);
  await logInThroughLock(page, DEV_USER);
  await page.getByText(loggedInText).waitFor();
  const state = await context.storageState();
  await context.close();
  return state;
}

export function scenarios(state: StorageState): Scenario[] {
  return [
    { name: 'logged-out UI, no token', readyText: loggedOutText },
    { name: 'authenticated UI, reload with a valid token', readyText: loggedInText, storageState: state }
  ];
}

/** Marks READY_MARK when readyText first appears; set up before any of the page's scripts run. */
async function newMarkedPage(context: BrowserContext, readyText: string): Promise<Page> {
  await context.addInitScript(
    ({ text, mark }) => {
      const observer = new MutationObserver(() => {
        if (document.body.textContent.includes(text)) {
          performance.mark(mark);
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true, characterData: true });
    },
    { text: readyText, mark: READY_MARK }
  );
  return context.newPage();
}

async function readyTime(page: Page): Promise<number> {
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, READY_MARK, { timeout: 30_000 });
  return page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN, READY_MARK);
}

/** Cold: a fresh browser context (empty HTTP and code caches) for every load. */
export async function coldLoad(browser: Browser, url: string, scenario: Scenario): Promise<number> {
  const context = await browser.newContext({ storageState: scenario.storageState });
  try {
    const page = await newMarkedPage(context, scenario.readyText);
    await page.goto(url);
    return await readyTime(page);
  } finally {
    await context.close();
  }
}

/** Warm: one context, loaded once to fill the caches; each call then times a reload. */
export async function warmPage(browser: Browser, url: string, scenario: Scenario): Promise<() => Promise<number>> {
  const context = await browser.newContext({ storageState: scenario.storageState });
  const page = await newMarkedPage(context, scenario.readyText);
  await page.goto(url);
  await readyTime(page);
  return async () => {
    await page.reload();
    return readyTime(page);
  };
}
