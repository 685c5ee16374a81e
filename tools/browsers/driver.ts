// The few things the core flows do in a browser, so they are written once for Firefox (puppeteer-core
// over WebDriver BiDi) and WebKitGTK (selenium-webdriver over WebDriver classic). Chromium keeps
// its Playwright tests. Every wait polls a condition; none sleeps a fixed time.

/** An element: the first visible one matching `css` whose text, trimmed, is `text` (when given). */
export interface Target {
  readonly css: string;
  readonly text?: string;
}

/** A function run in the page: it must not close over anything, its arguments are serialised. */
export type PageFunction<Args extends unknown[], Result> = (...args: Args) => Result | Promise<Result>;

export interface EngineTab {
  /** Loads `url` and returns once its load event has fired. */
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  url(): Promise<string>;
  /** Waits for the target to be there, visible and clickable, then clicks it as a user would. */
  click(target: Target): Promise<void>;
  /** Waits for the target, then types `value` into it key by key. */
  fill(target: Target, value: string): Promise<void>;
  /** Runs `fn` in the page's document (awaiting a returned promise) and returns its JSON-able result. */
  evaluate<Args extends unknown[], Result>(fn: PageFunction<Args, Result>, ...args: Args): Promise<Result>;
  /** `waitFor` on this tab; a wait that times out says where the tab was and what it showed. */
  waitUntil<T>(description: string, probe: () => Promise<T>, timeoutMs?: number): Promise<Exclude<T, null | undefined | false>>;
}

/** A browser window with storage and cookies of its own (a fresh profile for each test). */
export interface EngineWindow {
  readonly tab: EngineTab;
  /** Another tab of the same window: same storage, so `storage` events reach it. */
  newTab(): Promise<EngineTab>;
  close(): Promise<void>;
}

/** How an engine is launched: its defaults unless said otherwise. */
export interface EngineLaunchOptions {
  /**
   * Trusts any certificate, as a user clicking through the warning would: for the cross-site dev
   * tenant's self-signed one (https://127.0.0.1:<port>). Off by default.
   */
  readonly acceptInsecureCerts?: boolean;
  /** WebKit only: Intelligent Tracking Prevention on, as in Safari (WebKitGTK has it off by default). */
  readonly itp?: boolean;
  /**
   * Origins the tests reach only through the app (the cross-site tenant, by Lock's redirects): closing a
   * window forgets their storage and cookies too, as it does those of the pages it went to.
   */
  readonly otherOrigins?: readonly string[];
}

/** One launched browser for a whole test file. */
export interface Engine {
  openWindow(): Promise<EngineWindow>;
  close(): Promise<void>;
}

/**
 * The pause before the next probe, by how long the wait has lasted: 100 ms while a condition
 * usually turns true (a click's effect, a page load), up to 1 s in the long waits (a token's
 * renewal, minutes), where each probe is a round trip through the driver into the browser.
 */
export function pollIntervalMs(elapsedMs: number): number {
  if (elapsedMs < 2_000) return 100;
  return elapsedMs < 10_000 ? 250 : 1_000;
}

/** Generous on purpose: the machine may be loaded; a condition that holds ends the wait at once. */
export const DEFAULT_WAIT_MS = 30_000;

/** Polls `probe` until it returns something other than null, undefined or false; throws what it waited for after `timeoutMs`. */
export async function waitFor<T>(
  description: string,
  probe: () => Promise<T>,
  timeoutMs = DEFAULT_WAIT_MS
): Promise<Exclude<T, null | undefined | false>> {
  const started = Date.now();
  const deadline = started + timeoutMs;
  let lastError: unknown = null;
  for (;;) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) {
        return value as Exclude<T, null | undefined | false>;
      }
    } catch (error) {
      // A navigation in progress, an element not yet there: try again until the deadline.
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pollIntervalMs(Date.now() - started)));
  }
}

/**
 * In the page: the index, among `document.querySelectorAll(css)`, of the first element that is
 * rendered, enabled and (when `text` is given) has that text; -1 if none yet. With `settleMs`, also
 * what a click needs (Playwright's own checks): scrolled into view, in the same place `settleMs`
 * later (not still moving, as Lock's widget does while it opens), and not covered at its centre,
 * since a click there would otherwise land beside it and be lost. Self-contained.
 */
export async function targetIndex(css: string, text: string | null, settleMs = 0): Promise<number> {
  const elements = [...document.querySelectorAll(css)];
  const index = elements.findIndex((element) => {
    const box = element.getBoundingClientRect();
    const enabled = !(element as HTMLButtonElement).disabled;
    const hasText = text === null || element.textContent.trim() === text;
    return enabled && hasText && box.width > 0 && box.height > 0 && element.checkVisibility();
  });
  if (settleMs === 0 || index < 0) return index;
  const element = elements[index];
  element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const before = element.getBoundingClientRect();
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const after = element.getBoundingClientRect();
  const still = before.x === after.x && before.y === after.y && before.width === after.width && before.height === after.height;
  const atCentre = document.elementFromPoint(after.x + after.width / 2, after.y + after.height / 2);
  return still && atCentre !== null && element.contains(atCentre) ? index : -1;
}

/** How long a target must stay in place before it is clicked: a few frames. */
const SETTLE_MS = 100;

/** In the page: the visible text of the elements matching `css`, joined (innerText skips hidden ones). Self-contained. */
export function visibleText(css: string): string {
  return [...document.querySelectorAll<HTMLElement>(css)].map((element) => element.innerText).join('\n');
}

export const describeTarget = (target: Target): string => (target.text === undefined ? target.css : `${target.css} "${target.text}"`);

/**
 * The waiting and retrying around clicks and typing, shared by both drivers; each says how it
 * finds, clicks and types into one element.
 */
export abstract class PollingTab<Element> implements EngineTab {
  abstract goto(url: string): Promise<void>;
  abstract reload(): Promise<void>;
  abstract url(): Promise<string>;
  abstract evaluate<Args extends unknown[], Result>(fn: PageFunction<Args, Result>, ...args: Args): Promise<Result>;
  /** All the elements matching `css`, in document order. */
  protected abstract elements(css: string): Promise<Element[]>;
  protected abstract clickElement(element: Element): Promise<void>;
  /** Selects the input's text and types `value` over it, key by key. */
  protected abstract typeOver(element: Element, value: string): Promise<void>;
  protected abstract valueOf(element: Element): Promise<unknown>;

  async waitUntil<T>(description: string, probe: () => Promise<T>, timeoutMs?: number): Promise<Exclude<T, null | undefined | false>> {
    try {
      return await waitFor(description, probe, timeoutMs);
    } catch (error) {
      // No trace for these drivers: say where the tab was and what it showed instead.
      throw new Error(`${(error as Error).message}; the tab is at ${await this.state()}`, { cause: error });
    }
  }

  /** The tab's URL and the start of its visible text, for a failure's message; what it can get if the page is gone. */
  private async state(): Promise<string> {
    try {
      const shown = await this.evaluate(visibleText, 'body');
      return `${await this.url()}, showing "${shown.replace(/\s+/g, ' ').slice(0, 300)}"`;
    } catch (error) {
      return `an unreadable page (${(error as Error).message})`;
    }
  }

  async click(target: Target): Promise<void> {
    // Retried as a whole: Lock re-renders, so a found element can be replaced (or covered) before the click.
    await this.waitUntil(`a clickable ${describeTarget(target)}`, async () => {
      await this.clickElement(await this.find(target, SETTLE_MS));
      return true;
    });
  }

  async fill(target: Target, value: string): Promise<void> {
    // Checked and retried: a re-render or a focus move during the typing (Lock opening) loses keys.
    await this.waitUntil(`${describeTarget(target)} to hold what was typed`, async () => {
      const element = await this.find(target);
      await this.typeOver(element, value);
      return (await this.valueOf(element)) === value;
    });
  }

  /** The target's element; with `settleMs`, only once it holds still and nothing covers it (see targetIndex). */
  private async find(target: Target, settleMs = 0): Promise<Element> {
    const index = await this.evaluate(targetIndex, target.css, target.text ?? null, settleMs);
    const element = index >= 0 ? (await this.elements(target.css))[index] : undefined;
    if (element === undefined) throw new Error(`no ${describeTarget(target)} ${settleMs > 0 ? 'holding still and uncovered ' : ''}yet`);
    return element;
  }
}
