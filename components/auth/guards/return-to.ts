/** Where to go after logging in: a ui-router state with its params, or an ngRoute URL (`$location.url()`). */
export type ReturnTarget = { readonly state: string; readonly params: Record<string, unknown> } | { readonly url: string };

const RETURN_TO_KEY = 'auth.returnTo';

/**
 * Remembered in sessionStorage because logging in leaves the page (Lock's redirect) and comes
 * back through the callback. Per tab, gone with it; a garbled value reads as "nowhere".
 */
export class ReturnTo {
  static $inject = ['$window'];

  constructor(private readonly $window: angular.IWindowService) {}

  remember(target: ReturnTarget): void {
    try {
      this.$window.sessionStorage.setItem(RETURN_TO_KEY, JSON.stringify(target));
    } catch {
      // Without storage the user lands on the app's default page after login instead.
    }
  }

  /** The remembered target, once: reading forgets it, so a login never loops back twice. */
  take(): ReturnTarget | null {
    try {
      const raw = this.$window.sessionStorage.getItem(RETURN_TO_KEY);
      this.$window.sessionStorage.removeItem(RETURN_TO_KEY);
      const value: unknown = raw === null ? null : JSON.parse(raw);
      return isReturnTarget(value) ? value : null;
    } catch {
      return null;
    }
  }
}

function isReturnTarget(value: unknown): value is ReturnTarget {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { state, params, url } = value as Record<string, unknown>;
  // Only an app-relative URL: a stored absolute or protocol-relative one must not redirect off the app.
  return (typeof state === 'string' && typeof params === 'object' && params !== null) || (typeof url === 'string' && /^\/(?!\/)/.test(url));
}
