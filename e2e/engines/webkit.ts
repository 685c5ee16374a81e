// WebKitGTK through selenium-webdriver and Debian's WebKitWebDriver (WebDriver classic; it refuses
// BiDi), under Xvfb. Playwright cannot drive Debian's MiniBrowser (no --inspector-pipe).
import { createServer } from 'node:net';
import { Builder, By, Capabilities, type WebDriver, type WebElement } from 'selenium-webdriver';
import * as remote from 'selenium-webdriver/remote';
import { miniBrowserExecutable, webkitDriverExecutable } from '../browser';
import { PollingTab, type Engine, type EngineTab, type EngineWindow } from './driver';
import { installProblemRecorder } from './page-problems';
import { startXvfb } from './xvfb';

/** The window handle each command is for: one WebDriver session drives all the tabs of a window. */
class Focus {
  private current: string | null = null;

  constructor(readonly driver: WebDriver) {}

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
    private readonly focus: Focus,
    private readonly handle: string
  ) {
    super();
  }

  async goto(url: string): Promise<void> {
    const driver = await this.focus.on(this.handle);
    await driver.get(url);
    await driver.executeScript(installProblemRecorder);
  }

  async reload(): Promise<void> {
    const driver = await this.focus.on(this.handle);
    await driver.navigate().refresh();
    await driver.executeScript(installProblemRecorder);
  }

  async url(): Promise<string> {
    return (await this.focus.on(this.handle)).getCurrentUrl();
  }

  async evaluate<Args extends unknown[], Result>(fn: (...args: Args) => Result | Promise<Result>, ...args: Args): Promise<Result> {
    const driver = await this.focus.on(this.handle);
    // No preload scripts in WebDriver classic: the recorder goes into each document once it has
    // loaded (goto, reload) or, after a navigation the page made itself (Lock's redirects), the
    // first time the test touches it. What the page did before that is not seen.
    await driver.executeScript(installProblemRecorder);
    // WebDriver's Execute Script awaits a returned promise.
    return driver.executeScript<Result>(fn, ...args);
  }

  protected async elements(css: string): Promise<WebElement[]> {
    return (await this.focus.on(this.handle)).findElements(By.css(css));
  }

  protected clickElement(element: WebElement): Promise<void> {
    return element.click();
  }

  protected async typeOver(element: WebElement, value: string): Promise<void> {
    await (
      await this.focus.on(this.handle)
    ).executeScript((input: HTMLInputElement) => {
      input.select();
    }, element);
    await element.sendKeys(value);
  }

  protected valueOf(element: WebElement): Promise<unknown> {
    return element.getProperty('value');
  }
}

/** A window is a WebDriver session: MiniBrowser starts each with empty storage and cookies. */
class WebKitWindow implements EngineWindow {
  private constructor(
    private readonly focus: Focus,
    readonly tab: EngineTab
  ) {}

  static async open(serverUrl: string): Promise<WebKitWindow> {
    const capabilities = new Capabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: miniBrowserExecutable(), args: ['--automation'] }
    });
    const driver = await new Builder().withCapabilities(capabilities).usingServer(serverUrl).build();
    await driver.manage().window().setRect({ width: 1280, height: 800 });
    const focus = new Focus(driver);
    return new WebKitWindow(focus, new WebKitTab(focus, await driver.getWindowHandle()));
  }

  async newTab(): Promise<EngineTab> {
    const before = new Set(await this.focus.driver.getAllWindowHandles());
    await this.focus.driver.switchTo().newWindow('tab');
    this.focus.lost();
    const handle = (await this.focus.driver.getAllWindowHandles()).find((candidate) => !before.has(candidate));
    if (!handle) throw new Error('WebKitWebDriver opened no new tab');
    return new WebKitTab(this.focus, handle);
  }

  close(): Promise<void> {
    return this.focus.driver.quit();
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

export async function launchWebKit(): Promise<Engine> {
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
    return {
      openWindow: () => WebKitWindow.open(serverUrl),
      close: async () => {
        await service.kill();
        xvfb.stop();
      }
    };
  } catch (error) {
    xvfb.stop();
    throw error;
  }
}
