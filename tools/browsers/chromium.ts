// Chromium through Playwright, behind the same Engine interface as firefox.ts and webkit.ts: the
// flows written once for the three engines (e2e/engines/) run here too. The Playwright tests use
// Playwright's own page instead.
import type { Browser, BrowserContext, ElementHandle, Page } from '@playwright/test';
import { launchChromium } from './browser';
import { type Engine, type EngineLaunchOptions, type EngineTab, type EngineWindow } from './driver';
import { installProblemRecorder } from './page-problems';
import { ScriptedTab } from './scripted-tab';

const VIEWPORT = { width: 1280, height: 800 };

class ChromiumTab extends ScriptedTab<ElementHandle> {
  constructor(protected override readonly page: Page) {
    super(page);
  }

  static async open(context: BrowserContext): Promise<ChromiumTab> {
    const page = await context.newPage();
    await page.addInitScript(installProblemRecorder);
    return new ChromiumTab(page);
  }

  evaluate<Args extends unknown[], Result>(fn: (...args: Args) => Result | Promise<Result>, ...args: Args): Promise<Result> {
    // Playwright's evaluate passes one argument; an expression calls the function with all of them
    // (DevTools evaluation: the page's CSP, which has no 'unsafe-eval', does not apply to it).
    return this.page.evaluate<Result>(`(${fn.toString()})(...${JSON.stringify(args)})`);
  }

  protected async typeOver(element: ElementHandle, value: string): Promise<void> {
    await element.evaluate((input) => {
      (input as HTMLInputElement).select();
    });
    // Key by key, as a user types (Lock listens to each key), like the other drivers.
    await element.focus();
    await this.page.keyboard.type(value);
  }

  protected valueOf(element: ElementHandle): Promise<unknown> {
    return element.evaluate((input) => (input as HTMLInputElement).value);
  }
}

class ChromiumWindow implements EngineWindow {
  private constructor(
    private readonly context: BrowserContext,
    readonly tab: EngineTab
  ) {}

  /** A browser context: storage and cookies of its own, like a fresh profile (so `otherOrigins` need no wiping). */
  static async open(browser: Browser, options: EngineLaunchOptions): Promise<ChromiumWindow> {
    const context = await browser.newContext({ viewport: VIEWPORT, ignoreHTTPSErrors: options.acceptInsecureCerts === true });
    return new ChromiumWindow(context, await ChromiumTab.open(context));
  }

  newTab(): Promise<EngineTab> {
    return ChromiumTab.open(this.context);
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

export async function launchChromiumEngine(options: EngineLaunchOptions = {}): Promise<Engine> {
  if (options.itp === true) throw new Error("launchChromiumEngine: ITP is WebKit's; this Chromium blocks third-party cookies by default");
  const browser = await launchChromium();
  return {
    openWindow: () => ChromiumWindow.open(browser, options),
    close: () => browser.close()
  };
}
