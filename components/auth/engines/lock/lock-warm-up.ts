/**
 * Lock ready by the time a visitor who came to log in clicks Log In. Loading Lock on the first
 * click made that click wait for Lock's chunk, its client configuration and its dictionary (4-8×
 * the eager build). So for a logged-out visitor, with `lockFetch: 'idle'` (the default):
 *  - while the app boots, the browser prefetches Lock's chunks (network only, at idle priority)
 *    where the page names them (`<meta name="auth0-lock-prefetch">`, written by the sample's build);
 *  - once the page is up and the browser idle, Lock is evaluated and constructed (lazy-lock.ts's
 *    `preload()`), which fetches the client configuration and runs Lock's SSO check, as the eager
 *    build did on every load.
 * With `lockFetch: 'intent'`, Lock is fetched and warmed up on the first hover, touch or focus of a
 * Log In button instead (a visitor who never reaches for it downloads nothing); with `'click'`, on
 * the click. No Lock code runs before the first render, and nothing at all happens for a visitor
 * who is logged in or coming back from the tenant with a callback hash.
 */
import type { StoredSession } from '../../session/stored-session';
import type { AuthSessionSettings } from '../../settings/auth-session.options';
import { afterRenderWhenIdle } from '../when-idle';
import { CALLBACK_HASH } from './callback-hash';

/** A Log In button: one that calls `login()` (the tutorial's `ng-click="vm.authService.login()"`), or marked `auth-login`. */
export const LOGIN_CONTROL = '[ng-click*="login()"], [data-ng-click*="login()"], [auth-login]';
/** What shows the intent to log in before the click: a pointer over it, a touch, the keyboard's focus. */
const INTENT_EVENTS = ['pointerover', 'touchstart', 'focusin'] as const;

/** Prefetch hints for the chunks the page names; the later import() finds them in the HTTP cache. */
function prefetchLockChunks(document: Document): void {
  const urls = document.querySelector('meta[name="auth0-lock-prefetch"]')?.getAttribute('content')?.split(' ') ?? [];
  for (const url of urls.filter(Boolean)) {
    const link = document.createElement('link');
    link.rel = 'prefetch';
    link.as = 'script';
    link.href = url;
    document.head.appendChild(link);
  }
}

/** Warms Lock up on the first sign that the visitor is about to click Log In. */
function warmUpOnIntent(document: Document, warmUp: () => void): void {
  const onIntent = (event: Event): void => {
    if (event.target instanceof Element && event.target.closest(LOGIN_CONTROL)) {
      for (const name of INTENT_EVENTS) {
        document.removeEventListener(name, onIntent, true);
      }
      warmUp();
    }
  };
  for (const name of INTENT_EVENTS) {
    document.addEventListener(name, onIntent, { capture: true, passive: true });
  }
}

/** Decorates angular-lock's `lock` service (angular-lock.ts): starts the warm-up as the service is created, at app start. */
export function warmUpLockWhenIdle(
  $delegate: angular.lock.ILockService,
  $window: angular.IWindowService,
  $timeout: angular.ITimeoutService,
  $rootScope: angular.IRootScopeService,
  storedSession: StoredSession,
  settings: Pick<AuthSessionSettings, 'lockFetch'>
): angular.lock.ILockService {
  if (settings.lockFetch === 'click' || CALLBACK_HASH.test($window.location.hash) || storedSession.claims()) {
    return $delegate;
  }
  const warmUp = (): void => {
    // Read at idle time, after the run blocks restored any stored session.
    if (!($rootScope as angular.IRootScopeService & { isAuthenticated?: boolean }).isAuthenticated) {
      $delegate.preload();
    }
  };
  if (settings.lockFetch === 'intent') {
    warmUpOnIntent($window.document, warmUp);
    return $delegate;
  }
  prefetchLockChunks($window.document);
  afterRenderWhenIdle($window, $timeout, warmUp);
  return $delegate;
}
warmUpLockWhenIdle.$inject = ['$delegate', '$window', '$timeout', '$rootScope', 'storedSession', 'authSession'];
