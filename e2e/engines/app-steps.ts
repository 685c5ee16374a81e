// The sample's pages as the core flows use them, for any engine: what tools/pages/lock-page.ts is to the
// Playwright tests. Selectors, not roles: both drivers speak CSS.
import { DEV_USER } from '../../tools/pages/lock-page';
import { targetIndex, visibleText, type EngineTab, type Target } from '../../tools/browsers/driver';

export const navbarButton = (text: 'Log In' | 'Log Out'): Target => ({ css: 'nav button', text });
const lockField = (name: 'email' | 'password'): Target => ({ css: `.auth0-lock-widget input[name="${name}"]` });
const lockSubmit: Target = { css: '.auth0-lock-widget button.auth0-lock-submit' };

/** Waits until the visible text of `css` (default the whole body) contains `text`, or matches it. */
export async function expectText(tab: EngineTab, text: string | RegExp, css = 'body'): Promise<void> {
  await tab.waitUntil(`${String(text)} in ${css}`, async () => {
    const shown = await tab.evaluate(visibleText, css);
    return typeof text === 'string' ? shown.includes(text) : text.test(shown);
  });
}

/** Waits until the page's URL matches. */
export async function expectUrl(tab: EngineTab, pattern: RegExp): Promise<void> {
  await tab.waitUntil(`a URL matching ${String(pattern)}`, async () => pattern.test(await tab.url()));
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
  await tab.waitUntil(
    `${target.css} "${target.text ?? ''}" to show`,
    async () => (await tab.evaluate(targetIndex, target.css, target.text ?? null)) >= 0
  );
}
