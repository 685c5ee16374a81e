// Lock's embedded login with the tenant on another site than the app (e2e/cross-site-app.ts: the app
// on https://localhost, the tenant on https://127.0.0.1), in Firefox ESR and WebKitGTK with their
// default privacy settings, and in WebKit with Intelligent Tracking Prevention on (the webkit-itp
// project), as Safari ships it. Chromium's run is e2e/cross-site.e2e.ts. Each asserts what the engine
// really does, measured here (2026-12-07; Firefox ESR 153, WebKitGTK 2.50):
//
// - Lock posts the password to the tenant's /co/authenticate, a cross-site request whose answer sets the
//   cookie that /authorize wants back. When that cookie does not come back, the tenant frames the app's
//   fallback page (callback-cross-auth.html), which must read the app's own verifier cookie in that
//   third-party frame; when it cannot, Auth0's error: "No verifier returned from client.".
// - Firefox (Total Cookie Protection): the first try fails, the framed page reads nothing (its cookies are
//   partitioned). The trip through the tenant's page earns the tenant storage access under the app's
//   site (Firefox's redirect heuristic): the second try logs in, without the fallback.
// - WebKit, ITP off (cookie policy no-third-party): /co/authenticate's third-party cookie is refused, the
//   fallback is framed, and a third-party frame still reads the cookies its site set as a top-level page:
//   the first try logs in. (With the app on http, WebKit blocked that frame as mixed content in the
//   tenant's https page, so every try failed: hence the https app.)
// - WebKit, ITP on: a third-party frame gets none of its site's cookies, as in Safari: every try fails.
import type { EngineTab } from '../../tools/browsers/driver';
import { recordedProblems } from '../../tools/browsers/page-problems';
import { loggedInText } from '../../tools/pages/lock-page';
import { CROSS_SITE_ENGINE, openCrossSiteApp } from '../cross-site-app';
import { logInThroughLock, storedIdToken } from './app-steps';
import { expect, test } from './engine-test';

test.use({ engineLaunchOptions: CROSS_SITE_ENGINE });

const LOGGED_IN = 'logged in';
const NO_VERIFIER = 'Login failed: No verifier returned from client.';

/** What each try gives, in order, by engine ("webkit-itp": WebKit with ITP on); Chromium's, as cross-site.e2e.ts finds it. */
const EXPECTED: Readonly<Record<'chromium' | 'firefox' | 'webkit' | 'webkit-itp', readonly string[]>> = {
  chromium: [NO_VERIFIER, NO_VERIFIER],
  firefox: [NO_VERIFIER, LOGGED_IN],
  webkit: [LOGGED_IN],
  'webkit-itp': [NO_VERIFIER, NO_VERIFIER]
};

/**
 * One login through Lock's form, and how it ended: LOGGED_IN, or the app's alert. Only a document
 * loaded after the submit counts (Lock's redirect mode leaves for the tenant and comes back either
 * way), so the alert of an earlier try is never taken for this one's.
 */
async function lockLoginAttempt(tab: EngineTab): Promise<string> {
  await tab.evaluate(() => {
    (window as unknown as { e2eBeforeLogin?: boolean }).e2eBeforeLogin = true;
  });
  await logInThroughLock(tab);
  return tab.waitUntil('the login to come back, logged in or with an alert', () =>
    tab.evaluate((done: string) => {
      if ((window as unknown as { e2eBeforeLogin?: boolean }).e2eBeforeLogin === true) return null;
      const alert = document.querySelector('[role="alert"]')?.textContent.trim() ?? '';
      if (alert !== '') return alert;
      return document.body.innerText.includes(done) ? 'logged in' : null;
    }, loggedInText)
  );
}

test('Lock login cross-site, default privacy settings: what each engine really does (the table above)', async ({
  tab,
  engineName,
  itp
}) => {
  const expected = EXPECTED[itp ? 'webkit-itp' : engineName];
  await openCrossSiteApp(tab);
  const outcomes: string[] = [];
  while (outcomes.length < expected.length) {
    outcomes.push(await lockLoginAttempt(tab));
  }
  expect(outcomes).toEqual(expected);
  // The token is there exactly when the last try logged in; nothing else went wrong on the page.
  expect((await storedIdToken(tab)) !== null).toBe(outcomes.at(-1) === LOGGED_IN);
  expect(await recordedProblems(tab)).toEqual([]);
});
