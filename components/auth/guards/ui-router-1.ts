import type { StateDeclaration, StateService, TransitionService, UIRouterGlobals } from '@uirouter/angularjs';
import type { ReturnTarget } from './return-to';
import { requiresLogin, type RouterGuard } from './router-guard';

/** Above the default 0, so the redirect comes before any other hook of the app's. */
const GUARD_PRIORITY = 10;

/** ui-router 1.x (`@uirouter/angularjs`): one `onBefore` hook returning `$state.target(login)`. */
export class UiRouter1Guard implements RouterGuard {
  readonly defaultLoginRoute = 'login';

  constructor(
    private readonly $transitions: TransitionService,
    private readonly $state: StateService,
    private readonly $uiRouterGlobals: UIRouterGlobals,
    private readonly loginState: string
  ) {}

  guard(allowed: () => boolean, remember: (target: ReturnTarget) => void): void {
    this.$transitions.onBefore(
      { to: (state) => requiresLogin(state?.data) },
      (transition) => {
        if (allowed()) {
          return true;
        }
        remember({ state: transition.to().name ?? '', params: transition.params() });
        return transition.router.stateService.target(this.loginState);
      },
      { priority: GUARD_PRIORITY }
    );
  }

  currentGuarded(): ReturnTarget | null {
    const { current, params } = this.$uiRouterGlobals;
    return requiresLogin(current.data) && current.name ? { state: current.name, params: Object.fromEntries(Object.entries(params)) } : null;
  }

  isOnLoginRoute(): boolean {
    return this.$uiRouterGlobals.current.name === this.loginState;
  }

  goToLogin(): void {
    void this.$state.go(this.loginState);
  }

  goTo(target: ReturnTarget): boolean {
    if (!('state' in target) || !(this.$state.get(target.state) as StateDeclaration | null)) {
      return false;
    }
    void this.$state.go(target.state, target.params);
    return true;
  }
}
