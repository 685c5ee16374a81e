/**
 * The tenant's answer to a universal login comes back in the query (`?code=…&state=…`, or
 * `?error=…&state=…`), outside AngularJS's hash. AngularJS reads the address once, when `$browser`
 * is built, and writes its own view of it back on every digest: a code removed later would come
 * back. So the answer is taken out of the address bar (history.replaceState: no entry keeps it)
 * just before `$browser` is built, and kept here for the run block's `lock.interceptHash()`.
 */
import type { AuthSessionProvider } from '../../settings/auth-session.provider';

const ANSWER_PARAMS = ['code', 'state', 'error', 'error_description'];

/** The callback's full URL, taken at boot; null when the page was not opened by the tenant's answer. */
export class UniversalCallback {
  url: string | null = null;
}

/** True for the callback URL carrying the tenant's answer. */
export function isCodeCallback(href: string, callbackUrl: string): boolean {
  const url = new URL(href);
  const expected = new URL(callbackUrl);
  const answered = url.searchParams.has('state') && (url.searchParams.has('code') || url.searchParams.has('error'));
  return answered && url.origin === expected.origin && url.pathname === expected.pathname;
}

/** Takes the answer out of the address bar; returns the URL it was in, or null. */
export function takeCallback($window: Pick<Window, 'location' | 'history'>, callbackUrl: string): string | null {
  const href = $window.location.href;
  if (!isCodeCallback(href, callbackUrl)) {
    return null;
  }
  const url = new URL(href);
  for (const name of ANSWER_PARAMS) {
    url.searchParams.delete(name);
  }
  $window.history.replaceState($window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  return href;
}

interface BrowserProvider {
  $get: angular.Injectable<(...args: never[]) => unknown>;
}

/** Config block: in universal mode, `$browser` is built after the callback's answer has left the address bar. */
export function takeCallbackBeforeAngularReadsTheAddress(
  $provide: angular.auto.IProvideService,
  $browserProvider: BrowserProvider,
  authSessionProvider: AuthSessionProvider
): void {
  const callback = new UniversalCallback();
  $provide.value('universalCallback', callback);
  const original = $browserProvider.$get;
  const $get = ($injector: angular.auto.IInjectorService, $window: Window): unknown => {
    // Services are built after every config block: the app's configure() has run by now.
    const settings = authSessionProvider.configured();
    if (settings?.loginMode === 'universal') {
      callback.url = takeCallback($window, settings.callbackUrl);
    }
    return $injector.invoke(original, $browserProvider);
  };
  $get.$inject = ['$injector', '$window'];
  $browserProvider.$get = $get;
}
takeCallbackBeforeAngularReadsTheAddress.$inject = ['$provide', '$browserProvider', 'authSessionProvider'];
