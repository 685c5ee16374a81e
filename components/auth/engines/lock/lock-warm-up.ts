/**
 * Lock ready by the time a visitor who came to log in clicks Log In. Loading Lock on the first
 * click made that click wait for Lock's chunk, its client configuration and its dictionary (4-8×
 * the eager build). So for a logged-out visitor:
 *  - while the app boots, the browser prefetches Lock's chunks (network only, at idle priority)
 *    where the page names them (`<meta name="auth0-lock-prefetch">`, written by the sample's build);
 *  - once the page is up and the browser idle, Lock is evaluated and constructed (lazy-lock.ts's
 *    `preload()`), which fetches the client configuration and runs Lock's SSO check, as the eager
 *    build did on every load.
 * No Lock code runs before the first render, and nothing at all happens for a visitor who is logged
 * in or coming back from the tenant with a callback hash.
 */
import type { StoredSession } from '../../session/stored-session';

/** An idle browser starts at once; a busy one gets this long after the first render before Lock is warmed up anyway. */
export const WARM_UP_IDLE_TIMEOUT_MS = 2000;
/** Without requestIdleCallback (Safari): a pause after the first render, for the page's own work to settle. */
export const WARM_UP_FALLBACK_DELAY_MS = 200;

/** A URL that angular-lock's `interceptHash` will parse (its own test): the session is being made, not asked for. */
const CALLBACK_HASH = /id_token=|access_token=|error=/;

interface IdleWindow {
  requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number;
}

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

/** Decorates angular-lock's `lock` service (angular-lock.ts): starts the warm-up as the service is created, at app start. */
export function warmUpLockWhenIdle(
  $delegate: angular.lock.ILockService,
  $window: angular.IWindowService,
  $timeout: angular.ITimeoutService,
  $rootScope: angular.IRootScopeService,
  storedSession: StoredSession
): angular.lock.ILockService {
  if (CALLBACK_HASH.test($window.location.hash) || storedSession.claims()) {
    return $delegate;
  }
  prefetchLockChunks($window.document);
  const warmUp = (): void => {
    // Read at idle time, after the run blocks restored any stored session.
    if (!($rootScope as angular.IRootScopeService & { isAuthenticated?: boolean }).isAuthenticated) {
      $delegate.preload();
    }
  };
  const idleWindow = $window as IdleWindow;
  // The $timeout lets the bootstrap task (the first render) end before anything is scheduled.
  $timeout(
    () => {
      if (idleWindow.requestIdleCallback) {
        idleWindow.requestIdleCallback(warmUp, { timeout: WARM_UP_IDLE_TIMEOUT_MS });
      } else {
        $timeout(warmUp, WARM_UP_FALLBACK_DELAY_MS, false);
      }
    },
    0,
    false
  );
  return $delegate;
}
warmUpLockWhenIdle.$inject = ['$delegate', '$window', '$timeout', '$rootScope', 'storedSession'];
