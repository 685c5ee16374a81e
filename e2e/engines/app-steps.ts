// The sample's pages as the core flows use them, for any engine: what tools/pages/lock-page.ts is to the
// Playwright tests. Selectors, not roles: both drivers speak CSS.
import { DEV_USER } from '../../tools/pages/lock-page';
import { targetIndex, waitFor, type EngineTab, type Target } from '../../tools/browsers/driver';

export const navbarButton = (text: 'Log In' | 'Log Out'): Target => ({ css: 'nav button', text });
const lockField = (name: 'email' | 'password'): Target => ({ css: `.auth0-lock-widget input[name="${name}"]` });
const lockSubmit: Target = { css: '.auth0-lock-widget button.auth0-lock-submit' };

/** In the page: the visible text of the elements matching `css`, joined (innerText skips hidden ones). Self-contained. */
function visibleText(css: string): string {
  return [...document.querySelectorAll<HTMLElement>(css)].map((element) => element.innerText).join('\n');
}

/**
 * `waitFor` in `tab`: no trace for these drivers, so a wait that times out says where the tab was and
 * what it showed instead.
 */
export async function waitInTab<T>(
  tab: EngineTab,
  description: string,
  probe: () => Promise<T>,
  timeoutMs?: number
): Promise<Exclude<T, null | undefined | false>> {
  try {
    return await waitFor(description, probe, timeoutMs);
  } catch (error) {
    throw new Error(`${(error as Error).message}; the tab is at ${await pageState(tab)}`, { cause: error });
  }
}

/** Waits until the visible text of `css` (default the whole body) contains `text`, or matches it. */
export async function expectText(tab: EngineTab, text: string | RegExp, css = 'body'): Promise<void> {
  await waitInTab(tab, `${String(text)} in ${css}`, async () => {
    const shown = await tab.evaluate(visibleText, css);
    return typeof text === 'string' ? shown.includes(text) : text.test(shown);
  });
}

/** The tab's URL and the start of its visible text, for a failure's message; what it can get if the page is gone. */
async function pageState(tab: EngineTab): Promise<string> {
  try {
    const shown = await tab.evaluate(visibleText, 'body');
    return `${await tab.url()}, showing "${shown.replace(/\s+/g, ' ').slice(0, 300)}"`;
  } catch (error) {
    return `an unreadable page (${(error as Error).message})`;
  }
}

/** Waits until the page's URL matches. */
export async function expectUrl(tab: EngineTab, pattern: RegExp): Promise<void> {
  await waitInTab(tab, `a URL matching ${String(pattern)}`, async () => pattern.test(await tab.url()));
}

/** Opens Lock from the navbar and submits the credentials through its own form. */
export async function logInThroughLock(tab: EngineTab, credentials: { email: string; password: string } = DEV_USER): Promise<void> {
  await tab.click(navbarButton('Log In'));
  await expectVisible(tab, { css: '.auth0-lock.auth0-lock-opened' });
  await tab.fill(lockField('email'), credentials.email);
  await tab.fill(lockField('password'), credentials.password);
  await tab.click(lockSubmit);
}

export const storedIdToken = (tab: EngineTab): Promise<string | null> => tab.evaluate(() => localStorage.getItem('id_token'));

/**
 * Stores `token` under id_token, then boots the app afresh at `path` (a new document). The tab must be
 * on the app's origin; `plantToken` gets it there first. It leaves for about:blank in between: a
 * reload raced the app it reloaded, whose next digest puts back its own URL (Firefox aborted the
 * reload, NS_BINDING_ABORTED, once under load).
 */
export async function bootWithToken(tab: EngineTab, token: string, path: string): Promise<void> {
  const origin = new URL(await tab.url()).origin;
  await tab.evaluate((value: string) => {
    localStorage.setItem('id_token', value);
  }, token);
  await tab.goto('about:blank');
  await tab.goto(`${origin}${path}`);
}

export async function plantToken(tab: EngineTab, baseURL: string, token: string, path = '/'): Promise<void> {
  await tab.goto(`${baseURL}/`);
  await bootWithToken(tab, token, path);
}

/** Waits until the target is rendered (and has its text). */
export async function expectVisible(tab: EngineTab, target: Target): Promise<void> {
  await waitInTab(
    tab,
    `${target.css} "${target.text ?? ''}" to show`,
    async () => (await tab.evaluate(targetIndex, target.css, target.text ?? null)) >= 0
  );
}
