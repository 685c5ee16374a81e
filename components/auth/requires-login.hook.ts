import type { StateDeclaration, TransitionService } from '@uirouter/angularjs';
import type { AuthService } from './auth.service';
import type { ReturnTo } from './return-to';

/** Marks a state as guarded: `data: { requiresLogin: true }`, as angular-jwt's docs spell it. */
export function requiresLogin(state: Pick<StateDeclaration, 'data'> | undefined): boolean {
  return (state?.data as { requiresLogin?: unknown } | undefined)?.requiresLogin === true;
}

/**
 * States with `data: { requiresLogin: true }` send an anonymous user to `login`, remembering the
 * state asked for; authService returns there after login. `login` itself is never guarded, so no loop.
 */
export function requiresLoginHook($transitions: TransitionService, authService: AuthService, returnTo: ReturnTo): void {
  $transitions.onBefore({ to: (state) => requiresLogin(state) }, (transition) => {
    if (authService.isAuthenticated()) {
      return true;
    }
    returnTo.remember({ state: transition.to().name ?? 'home', params: transition.params() });
    return transition.router.stateService.target('login');
  });
}
requiresLoginHook.$inject = ['$transitions', 'authService', 'returnTo'];
