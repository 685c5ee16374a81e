// Firefox ESR through puppeteer-core over WebDriver BiDi: Playwright cannot drive Debian's Firefox
// (no Juggler), and no geckodriver is needed.
import puppeteer, { type Browser, type BrowserContext, type ElementHandle, type Page } from 'puppeteer-core';
import { firefoxExecutable } from './browser';
import { type Engine, type EngineLaunchOptions, type EngineTab, type EngineWindow } from './driver';
import { installProblemRecorder } from './page-problems';
import { ScriptedTab } from './scripted-tab';

const VIEWPORT = { width: 1280, height: 800 };
/** Nothing leaves the machine: every request but loopback goes to a dead proxy; no telemetry, updates or safe-browsing lists. */
const OFFLINE_PREFS = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'toolkit.telemetry.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'app.update.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.update.enabled': false
};

class FirefoxTab extends ScriptedTab<ElementHandle> {
  constructor(protected override readonly page: Page) {
    super(page);
  }

  static async open(context: BrowserContext): Promise<FirefoxTab> {
    const page = await context.newPage();
    await page.evaluateOnNewDocument(installProblemRecorder);
    return new FirefoxTab(page);
  }

  // puppeteer's waitForFunction builds its predicate with `new Function`, which our CSP refuses in
  // Firefox: every wait polls with evaluate instead (waitFor in driver.ts).
  evaluate<Args extends unknown[], Result>(fn: (...args: Args) => Result | Promise<Result>, ...args: Args): Promise<Result> {
    return this.page.evaluate(fn as (...args: unknown[]) => Promise<Result>, ...args);
  }

  protected async typeOver(element: ElementHandle, value: string): Promise<void> {
    await element.evaluate((input) => {
      (input as HTMLInputElement).select();
    });
    await element.type(value);
  }

  protected valueOf(element: ElementHandle): Promise<unknown> {
    return element.evaluate((input) => (input as HTMLInputElement).value);
  }
}

class FirefoxWindow implements EngineWindow {
  private constructor(
    private readonly context: BrowserContext,
    readonly tab: EngineTab
  ) {}

  /** A BiDi user context: storage and cookies of its own, like a fresh profile. */
  static async open(browser: Browser): Promise<FirefoxWindow> {
    const context = await browser.createBrowserContext();
    return new FirefoxWindow(context, await FirefoxTab.open(context));
  }

  newTab(): Promise<EngineTab> {
    return FirefoxTab.open(this.context);
  }

  close(): Promise<void> {
    return this.context.close();
  }
}

/** Firefox with its default privacy settings (Total Cookie Protection); it has no ITP, so `itp` is refused. */
export async function launchFirefox(options: EngineLaunchOptions = {}): Promise<Engine> {
  if (options.itp === true) throw new Error("launchFirefox: ITP is WebKit's; Firefox has Total Cookie Protection on by default");
  const browser = await puppeteer.launch({
    browser: 'firefox',
    // WebDriver BiDi's session capability: the certificate errors of every page are ignored.
    acceptInsecureCerts: options.acceptInsecureCerts === true,
    executablePath: firefoxExecutable(),
    headless: true,
    // ESR 140 refuses page.setViewport ("unknown command"): the viewport is set at launch.
    defaultViewport: VIEWPORT,
    extraPrefsFirefox: OFFLINE_PREFS,
    timeout: 120_000
  });
  return {
    openWindow: () => FirefoxWindow.open(browser),
    close: () => browser.close()
  };
}
