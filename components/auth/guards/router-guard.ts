import type { ReturnTarget } from './return-to';

/** What the login guard needs from a router; one implementation per router family. */
export interface RouterGuard {
  /** The login route's default name for this router (`login` or `/login`). */
  readonly defaultLoginRoute: string;
  /**
   * Before each navigation to a route marked `requiresLogin: true`: when `allowed()` is false, call
   * `remember(target)` and go to the login route instead.
   */
  guard(allowed: () => boolean, remember: (target: ReturnTarget) => void): void;
  /** The route shown now, if it requires login. */
  currentGuarded(): ReturnTarget | null;
  isOnLoginRoute(): boolean;
  goToLogin(): void;
  /** False when the target is not this router's or no longer exists. */
  goTo(target: ReturnTarget): boolean;
}

/** A ui-router state's `data` or an ngRoute route: marked `requiresLogin: true`, as angular-jwt spells it. */
export function requiresLogin(marked: unknown): boolean {
  return typeof marked === 'object' && marked !== null && (marked as { requiresLogin?: unknown }).requiresLogin === true;
}
