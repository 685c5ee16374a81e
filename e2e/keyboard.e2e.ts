// The whole flow with the keyboard alone (Tab, Shift+Tab, Enter, typing): Log In, Lock's form,
// submit, Log Out, with a visible focus, not hidden behind anything, at every stop on the way.
import type { Locator, Page } from '@playwright/test';
import { lockWidget } from '../tools/pages/app-tour';
import { DEV_USER, expectTokenGone, loggedInText, loggedOutText, navbar, settle, storedIdToken } from '../tools/pages/lock-page';
import { expect, test } from './fixtures';

/** What a sighted keyboard user can tell about the focused element, measured in the page. */
interface FocusSight {
  readonly label: string;
  readonly focusVisible: boolean;
  readonly inViewport: boolean;
  /** Another element (an overlay) is drawn over its middle. */
  readonly coveredBy: string | null;
}

function focusSight(page: Page): Promise<FocusSight> {
  return page.evaluate(() => {
    const element = document.activeElement ?? document.body;
    const name = (node: Element): string =>
      `${node.tagName.toLowerCase()}${node.getAttribute('name') ? `[name=${node.getAttribute('name') ?? ''}]` : ''} "${node.textContent.trim().slice(0, 30)}"`;
    const box = element.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      label: name(element),
      focusVisible: element.matches(':focus-visible'),
      inViewport: box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight,
      coveredBy: hit === null || element === hit || element.contains(hit) ? null : name(hit)
    };
  });
}

/**
 * The focused element shows that it is: it matches `:focus-visible`, is inside the viewport, is not
 * under an overlay, and its pixels (and 4 px around, where outlines and focused borders are drawn)
 * differ from the same element unfocused. The pixels are the test, whatever draws the indicator
 * (outline, box-shadow, a wrapper's border as in Lock's inputs).
 */
async function expectVisibleFocus(page: Page, where: string): Promise<string> {
  const sight = await focusSight(page);
  expect(sight, `focus at ${where}: ${sight.label}`).toMatchObject({ focusVisible: true, inViewport: true, coveredBy: null });
  const focused = page.locator(':focus');
  const box = await focused.boundingBox();
  if (!box) throw new Error(`focus at ${where}: ${sight.label} has no box`);
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  const x = Math.max(0, box.x - 4);
  const y = Math.max(0, box.y - 4);
  const clip = {
    x,
    y,
    width: Math.min(viewport.width, box.x + box.width + 4) - x,
    height: Math.min(viewport.height, box.y + box.height + 4) - y
  };
  const withFocus = await page.screenshot({ clip, animations: 'disabled' });
  // Measuring only: the flow itself is driven by the keyboard alone.
  const element = await focused.elementHandle();
  await element.evaluate((node) => {
    (node as HTMLElement).blur();
  });
  const withoutFocus = await page.screenshot({ clip, animations: 'disabled' });
  await element.evaluate((node) => {
    (node as HTMLElement).focus();
  });
  expect(await focusSight(page), `focus back at ${where}`).toMatchObject({ label: sight.label, focusVisible: true });
  expect(withFocus.equals(withoutFocus), `${sight.label} at ${where} looks the same focused and unfocused`).toBe(false);
  return sight.label;
}

/** Presses `key` until `target` has the focus, checking every element the focus lands on; returns their labels. */
async function moveFocusTo(page: Page, target: Locator, where: string, key = 'Tab', maxPresses = 10): Promise<string[]> {
  const stops: string[] = [];
  for (let press = 0; press < maxPresses; press++) {
    await page.keyboard.press(key);
    stops.push(await expectVisibleFocus(page, `${where}, ${key} ×${press + 1}`));
    if (await target.evaluate((node) => node === document.activeElement)) {
      return stops;
    }
  }
  throw new Error(`${key} ×${maxPresses} never reached ${where}; the focus went through ${stops.join(' → ')}`);
}

test('keyboard only: Tab to Log In, Lock, type and submit, Tab to Log Out, with a visible focus throughout', async ({ page }) => {
  // Reported as they happen, so a failure shows how far the keyboard got.
  const step = (text: string): void => {
    test.info().annotations.push({ type: 'keyboard step', description: text });
    console.log(`keyboard: ${text}`);
  };
  const logIn = navbar(page).getByRole('button', { name: 'Log In' });
  const logOut = navbar(page).getByRole('button', { name: 'Log Out' });
  const email = lockWidget(page).locator('input[name="email"]');
  const password = lockWidget(page).locator('input[name="password"]');

  await page.goto('/');
  await expect(page.getByText(loggedOutText)).toBeVisible();
  step(`Tab to Log In: ${(await moveFocusTo(page, logIn, 'Log In')).join(' → ')}`);
  // Shift+Tab walks back: one stop forward, one back, and the focus is on Log In again.
  await page.keyboard.press('Tab');
  const next = await expectVisibleFocus(page, 'the stop after Log In');
  await moveFocusTo(page, logIn, 'Log In again', 'Shift+Tab', 1);
  step(`Tab → ${next}, Shift+Tab → Log In`);

  await page.keyboard.press('Enter');
  await expect(email).toBeVisible();
  // As a person would: the next key once Lock has slid in.
  await settle(page);
  // Lock is a modal: the focus must go into it (its first field, or by Tab within it), never behind it.
  const alreadyInEmail = await email.evaluate((node) => node === document.activeElement);
  step(
    alreadyInEmail
      ? 'Enter: Lock opens with the focus in its email field'
      : `Enter: Lock opens; Tab to its email field: ${(await moveFocusTo(page, email, "Lock's email field", 'Tab', 6)).join(' → ')}`
  );
  await page.keyboard.type(DEV_USER.email);
  await expectVisibleFocus(page, "Lock's email field, typed in");
  await moveFocusTo(page, password, "Lock's password field", 'Tab', 1);
  await page.keyboard.type(DEV_USER.password);
  await expectVisibleFocus(page, "Lock's password field, typed in");
  await moveFocusTo(page, email, "Lock's email field, back", 'Shift+Tab', 1);
  await moveFocusTo(page, password, "Lock's password field, again", 'Tab', 1);
  step('type the email, Tab, type the password (Shift+Tab and Tab: back and forth between the fields)');

  await page.keyboard.press('Enter');
  await expect(page.getByText(loggedInText)).toBeVisible();
  expect(await storedIdToken(page)).not.toBeNull();
  step('Enter in the password field: submitted, logged in');

  step(`Tab to Log Out: ${(await moveFocusTo(page, logOut, 'Log Out')).join(' → ')}`);
  await page.keyboard.press('Enter');
  await expect(page.getByText(loggedOutText)).toBeVisible();
  await expectTokenGone(page);
  step('Enter: logged out');
});
