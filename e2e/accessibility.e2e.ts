// Accessible: axe finds nothing serious or critical on any page or state, at desktop and phone
// widths, and `prefers-reduced-motion: reduce` stops everything of the app's own from moving.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { APP_TOUR, lockWidget } from '../tools/pages/app-tour';
import { LOCK_READY_MS, loggedOutText, navbar, settle } from '../tools/pages/lock-page';
import { isLockChunkUrl } from './csp-support';
import { E2E_DEV_SERVER_URL } from './e2e-env';
import { expect, test } from './fixtures';

// The tour calls `npm start`'s demo API, which allows `npm start`'s origin only.
test.use({ baseURL: E2E_DEV_SERVER_URL });

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: what axe can check of them. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const IMPACTS = ['critical', 'serious', 'moderate', 'minor'] as const;
const BLOCKING = new Set<string>(['critical', 'serious']);

/**
 * Axe over the whole page, Lock's widget included (it is part of what a visitor meets). Axe's
 * script goes in through Playwright's evaluate, i.e. CDP, which the page's CSP does not govern:
 * no `bypassCSP`, so the page is checked under the policy it really has.
 */
async function axeSummary(page: Page): Promise<{ line: string; blocking: string[] }> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const counts = IMPACTS.map((impact) => `${impact} ${violations.filter((violation) => violation.impact === impact).length}`);
  const rules = violations.map((violation) => `${violation.id} (${violation.impact ?? 'none'}, ${violation.nodes.length} nodes)`);
  const blocking = violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}: ${node.failureSummary ?? ''}`));
  return { line: `${counts.join(', ')}, total ${violations.length}${rules.length ? `: ${rules.join(', ')}` : ''}`, blocking };
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 390, height: 844 }
]) {
  test.describe(`at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('axe: no serious or critical WCAG A/AA violation on any page or state', async ({ page }) => {
      for (const stop of APP_TOUR) {
        await test.step(stop.name, async () => {
          await stop.reach(page);
          const { line, blocking } = await axeSummary(page);
          test.info().annotations.push({ type: `axe ${stop.name} @${viewport.width}`, description: line });
          console.log(`axe ${stop.name} @${viewport.width}px: ${line}`);
          expect.soft(blocking, `serious or critical violations on ${stop.name}`).toEqual([]);
        });
      }
    });
  });
}

/** The app's own moving parts: running animations, and any transition or animation its CSS would run. */
function appMotion(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Lock's widget is the vendor's, with its own motion: the app's elements are everything else.
    const isApp = (element: Element): boolean => element.closest('.auth0-lock-container') === null;
    const describe = (element: Element, pseudo = ''): string =>
      [element.tagName.toLowerCase(), ...(element.getAttribute('class') ?? '').split(/\s+/).filter(Boolean)].join('.') + pseudo;
    // A duration counts from 1 ms: the usual reduced-motion rule sets 0.01ms, which shows nothing move.
    const moves = (durations: string): boolean =>
      durations.split(',').some((duration) => Number.parseFloat(duration) * (duration.trim().endsWith('ms') ? 1 : 1000) >= 1);
    const found: string[] = [];
    for (const animation of document.getAnimations()) {
      const target = animation.effect instanceof KeyframeEffect ? animation.effect.target : null;
      if (target && isApp(target) && animation.playState === 'running') {
        found.push(`running ${animation.constructor.name} on ${describe(target)}`);
      }
    }
    for (const element of [document.documentElement, document.body, ...document.body.querySelectorAll('*')].filter(isApp)) {
      for (const pseudo of ['', '::before', '::after']) {
        const style = getComputedStyle(element, pseudo || null);
        if (style.transitionProperty !== 'none' && moves(style.transitionDuration)) {
          found.push(`transition ${style.transitionProperty} ${style.transitionDuration} on ${describe(element, pseudo)}`);
        }
        if (style.animationName !== 'none' && moves(style.animationDuration)) {
          found.push(`animation ${style.animationName} ${style.animationDuration} on ${describe(element, pseudo)}`);
        }
      }
    }
    return found;
  });
}

test('prefers-reduced-motion: reduce: none of the app moves, while Lock loads, opens and closes', async ({ page }) => {
  // Lock's chunk is held back, so the Log In button's busy state lasts long enough to be looked at.
  let lockRequested = false;
  let releaseLock = (): void => undefined;
  const lockHeld = new Promise<void>((resolve) => {
    releaseLock = resolve;
  });
  await page.route(isLockChunkUrl, async (route) => {
    lockRequested = true;
    await lockHeld;
    await route.continue();
  });
  const logIn = navbar(page).getByRole('button', { name: 'Log In' });
  const seen: Record<string, string[]> = {};

  // Not until "load": on a busy machine the app can ask for Lock's chunk (held above) before the
  // load event, which then waits for it, and the test with it, until the timeout.
  await page.goto('/', { waitUntil: 'domcontentloaded' });
  await expect(page.getByText(loggedOutText)).toBeVisible({ timeout: LOCK_READY_MS });
  // What the reduced-motion rules have to stop: reported, so a pass is seen not to be an empty one.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const unreduced = await appMotion(page);
  const unreducedLine = `${unreduced.length}${unreduced.length ? `: ${unreduced.slice(0, 4).join('; ')}` : ''}`;
  test.info().annotations.push({ type: 'motion without the preference', description: unreducedLine });
  console.log(`reduced motion: without the preference the app would move ${unreducedLine}`);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  seen['page loaded'] = await appMotion(page);
  await logIn.hover();
  seen['Log In hovered'] = await appMotion(page);
  await page.keyboard.press('Tab');
  seen['focus moved by Tab'] = await appMotion(page);
  await logIn.click();
  await expect.poll(() => lockRequested).toBe(true);
  seen['Log In clicked, Lock loading'] = await appMotion(page);
  releaseLock();
  await expect(lockWidget(page)).toBeVisible({ timeout: LOCK_READY_MS });
  seen['Lock opening'] = await appMotion(page);
  // Lock's own motion is the vendor's: reported, not judged.
  const lockAnimations = await page.evaluate(
    () => document.getAnimations().filter((animation) => animation.playState === 'running').length
  );
  test.info().annotations.push({ type: 'reduced motion', description: `Lock's own running animations while it opens: ${lockAnimations}` });
  await settle(page);
  await lockWidget(page).locator('.auth0-lock-close-button').click();
  seen['Lock closing'] = await appMotion(page);

  expect(Object.entries(seen).filter(([, found]) => found.length > 0)).toEqual([]);
});
