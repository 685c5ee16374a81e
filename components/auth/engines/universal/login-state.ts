/**
 * auth0-spa-js compares a callback's `state` with its login's only when the answer carries a code:
 * an `?error=…&error_description=…` answer with any state ends the login under way and reports the
 * page's text as the tenant's. So the state of each trip this tab makes to `/authorize` is noted as
 * the page leaves, and an error answer without it is refused as forged.
 */

/** sessionStorage: the `state` of this tab's trip to the tenant, until its answer comes back. */
export const LOGIN_STATE_KEY = 'auth.loginState';

/** What a forged error answer is reported as: the SDK's own words for a state that does not match. */
export const STATE_MISMATCH = { error: 'state_mismatch', error_description: 'Invalid state' };

/** Notes the `state` of the `/authorize` URL the page is leaving for (no sessionStorage: every error answer is then refused). */
export function rememberLoginState($window: Pick<Window, 'sessionStorage'>, authorizeUrl: string): void {
  const state = new URL(authorizeUrl).searchParams.get('state');
  try {
    if (state !== null) $window.sessionStorage.setItem(LOGIN_STATE_KEY, state);
  } catch {
    // The login still goes; its error answer, if any, will read as forged.
  }
}

/** True for an error answer that does not carry the state of this tab's trip. Forgets the noted state: each answers once. */
export function isForgedErrorAnswer($window: Pick<Window, 'sessionStorage'>, callbackUrl: string): boolean {
  let noted: string | null = null;
  try {
    noted = $window.sessionStorage.getItem(LOGIN_STATE_KEY);
    $window.sessionStorage.removeItem(LOGIN_STATE_KEY);
  } catch {
    // No sessionStorage: nothing was noted.
  }
  const answer = new URL(callbackUrl).searchParams;
  return answer.has('error') && (noted === null || answer.get('state') !== noted);
}
