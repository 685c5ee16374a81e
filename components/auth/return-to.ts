/** Where to go after logging in: the guarded state first asked for. */
export interface ReturnTarget {
  readonly state: string;
  readonly params: Record<string, unknown>;
}

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
      // Without storage the user lands on the home page after login instead.
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
  const { state, params } = value as Record<string, unknown>;
  return typeof state === 'string' && typeof params === 'object' && params !== null;
}
