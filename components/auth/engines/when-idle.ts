/**
 * Work that must not slow the first render but should be done before the visitor reaches for Log In
 * (fetching the login engine's code): once the page is up and the browser idle.
 */

/** An idle browser starts at once; a busy one gets this long after the first render before the work runs anyway. */
export const IDLE_TIMEOUT_MS = 2000;
/** Without requestIdleCallback (Safari): a pause after the first render, for the page's own work to settle. */
export const IDLE_FALLBACK_DELAY_MS = 200;

interface IdleWindow {
  requestIdleCallback?: (callback: () => void, options: { timeout: number }) => number;
}

/** Runs `work` once the current task (AngularJS's bootstrap, the first render) has ended and the browser is idle. Outside any digest. */
export function afterRenderWhenIdle($window: angular.IWindowService, $timeout: angular.ITimeoutService, work: () => void): void {
  const idleWindow = $window as IdleWindow;
  $timeout(
    () => {
      if (idleWindow.requestIdleCallback) {
        idleWindow.requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
      } else {
        $timeout(work, IDLE_FALLBACK_DELAY_MS, false);
      }
    },
    0,
    false
  );
}
