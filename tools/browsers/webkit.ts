// WebKitGTK through selenium-webdriver and Debian's WebKitWebDriver (WebDriver classic; it refuses
// BiDi), under Xvfb. Playwright cannot drive Debian's MiniBrowser (no --inspector-pipe).
import { createServer } from 'node:net';
import { Builder, By, Capabilities, type WebDriver, type WebElement } from 'selenium-webdriver';
import * as remote from 'selenium-webdriver/remote';
import { miniBrowserExecutable, webkitDriverExecutable } from './browser';
import { PollingTab, type Engine, type EngineLaunchOptions, type EngineTab, type EngineWindow } from './driver';
import { installProblemRecorder } from './page-problems';
import { startXvfb } from './xvfb';

/**
 * The one WebDriver session (one MiniBrowser) of the engine: the window handle each command is for,
 * and the origins the tests stored things on, to wipe between tests.
 */
class Session {
  private current: string | null = null;
  readonly origins = new Set<string>();

  constructor(
    readonly driver: WebDriver,
    readonly otherOrigins: readonly string[]
  ) {}

  async on(handle: string): Promise<WebDriver> {
    if (this.current !== handle) {
      await this.driver.switchTo().window(handle);
      this.current = handle;
    }
    return this.driver;
  }

  /** After a command that moved the session to another window by itself. */
  lost(): void {
    this.current = null;
  }
}

class WebKitTab extends PollingTab<WebElement> {
  constructor(
    private readonly session: Session,
    private readonly handle: string
  ) {
    super();
  }

  async goto(url: string): Promise<void> {
    const driver = await this.session.on(this.handle);
    if (url.startsWith('http')) this.session.origins.add(new URL(url).origin);
    await driver.get(url);
    await driver.executeScript(installProblemRecorder);
  }

  async reload(): Promise<void> {
    const driver = await this.session.on(this.handle);
    await driver.navigate().refresh();
    await driver.executeScript(installProblemRecorder);
  }

  async url(): Promise<string> {
    return (await this.session.on(this.handle)).getCurrentUrl();
  }

  async evaluate<Args extends unknown[], Result>(fn: (...args: Args) => Result | Promise<Result>, ...args: Args): Promise<Result> {
    const driver = await this.session.on(this.handle);
    // No preload scripts in WebDriver classic: the recorder goes into each document once it has
    // loaded (goto, reload) or, after a navigation the page made itself (Lock's redirects), the
    // first time the test touches it. What the page did before that is not seen.
    await driver.executeScript(installProblemRecorder);
    // WebDriver's Execute Script awaits a returned promise.
    return driver.executeScript<Result>(fn, ...args);
  }

  protected async elements(css: string): Promise<WebElement[]> {
    return (await this.session.on(this.handle)).findElements(By.css(css));
  }

  protected clickElement(element: WebElement): Promise<void> {
    return element.click();
  }

  protected async typeOver(element: WebElement, value: string): Promise<void> {
    await (
      await this.session.on(this.handle)
    ).executeScript((input: HTMLInputElement) => {
      input.select();
    }, element);
    await element.sendKeys(value);
  }

  protected valueOf(element: WebElement): Promise<unknown> {
    return element.getProperty('value');
  }
}

/**
 * A window over the engine's one session: a new session per test would start a MiniBrowser each
 * time, and under load WebKitWebDriver has hung for minutes creating one. So closing a window
 * leaves the session as a fresh profile would be: one blank tab, no storage, no cookies.
 */
class WebKitWindow implements EngineWindow {
  constructor(
    private readonly session: Session,
    private readonly mainHandle: string
  ) {}

  get tab(): EngineTab {
    return new WebKitTab(this.session, this.mainHandle);
  }

  async newTab(): Promise<EngineTab> {
    const { driver } = this.session;
    const before = new Set(await driver.getAllWindowHandles());
    await driver.switchTo().newWindow('tab');
    this.session.lost();
    const handle = (await driver.getAllWindowHandles()).find((candidate) => !before.has(candidate));
    if (!handle) throw new Error('WebKitWebDriver opened no new tab');
    return new WebKitTab(this.session, handle);
  }

  async close(): Promise<void> {
    const { driver } = this.session;
    for (const handle of await driver.getAllWindowHandles()) {
      if (handle !== this.mainHandle) await (await this.session.on(handle)).close();
    }
    this.session.lost();
    await this.session.on(this.mainHandle);
    // A document of each origin that runs nothing (a 404: no app boots to write again), to wipe its
    // storage, and its host's cookies (WebDriver deletes those of the current document's host only;
    // on localhost that is the app's and a same-site tenant's).
    for (const origin of new Set([...this.session.origins, ...this.session.otherOrigins])) {
      await driver.get(`${origin}/e2e-wipe-storage.txt`);
      await driver.executeScript(() => {
        localStorage.clear();
        sessionStorage.clear();
      });
      await driver.manage().deleteAllCookies();
    }
    this.session.origins.clear();
    await driver.get('about:blank');
  }
}

/** A port the system says is free, for WebKitWebDriver (which cannot be told to pick one itself). */
function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port from the system'));
      });
    });
  });
}

/** WebKitGTK's MiniBrowser with its defaults (cookie policy no-third-party, ITP off) unless `options` say otherwise. */
export async function launchWebKit(options: EngineLaunchOptions = {}): Promise<Engine> {
  const xvfb = await startXvfb();
  const port = await freeLoopbackPort();
  const service = new remote.DriverService.Builder(webkitDriverExecutable())
    .setLoopback(true)
    .setPort(port)
    .addArguments(`--port=${port}`)
    .setEnvironment({ ...process.env, DISPLAY: xvfb.display })
    .build();
  try {
    const serverUrl = await service.start(60_000);
    const capabilities = new Capabilities({
      browserName: 'MiniBrowser',
      // The standard capability: WebKitWebDriver makes the session's network ignore TLS errors.
      acceptInsecureCerts: options.acceptInsecureCerts === true,
      // MiniBrowser's own switch (`MiniBrowser --help-all`), which also holds for its automation windows.
      'webkitgtk:browserOptions': {
        binary: miniBrowserExecutable(),
        args: ['--automation', ...(options.itp === true ? ['--enable-itp'] : [])]
      }
    });
    const driver = await new Builder().withCapabilities(capabilities).usingServer(serverUrl).build();
    await driver.manage().window().setRect({ width: 1280, height: 800 });
    const session = new Session(driver, options.otherOrigins ?? []);
    const mainHandle = await driver.getWindowHandle();
    return {
      openWindow: () => Promise.resolve(new WebKitWindow(session, mainHandle)),
      close: async () => {
        await driver.quit();
        await service.kill();
        xvfb.stop();
      }
    };
  } catch (error) {
    await service.kill();
    xvfb.stop();
    throw error;
  }
}
