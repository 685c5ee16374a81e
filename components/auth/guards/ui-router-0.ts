import type { ReturnTarget } from './return-to';
import { requiresLogin, type RouterGuard } from './router-guard';

/** The parts of angular-ui-router 0.x's `$state` used here (it ships no typings). */
export interface LegacyStateService {
  readonly current: { readonly name?: string; readonly data?: unknown };
  readonly params: Record<string, unknown>;
  get(name: string): object | null;
  go(name: string, params?: object): PromiseLike<unknown>;
}

interface LegacyState {
  readonly name?: string;
  readonly data?: unknown;
}

/** angular-ui-router 0.x: a `$stateChangeStart` listener that prevents the change and goes to login. */
export class UiRouter0Guard implements RouterGuard {
  readonly defaultLoginRoute = 'login';

  constructor(
    private readonly $rootScope: angular.IRootScopeService,
    private readonly $state: LegacyStateService,
    private readonly loginState: string
  ) {}

  guard(allowed: () => boolean, remember: (target: ReturnTarget) => void): void {
    this.$rootScope.$on('$stateChangeStart', (event, toState: LegacyState, toParams: Record<string, unknown>) => {
      if (!requiresLogin(toState.data) || allowed()) {
        return;
      }
      event.preventDefault();
      remember({ state: toState.name ?? '', params: { ...toParams } });
      this.goToLogin();
    });
  }

  currentGuarded(): ReturnTarget | null {
    const { current, params } = this.$state;
    return requiresLogin(current.data) && current.name ? { state: current.name, params: { ...params } } : null;
  }

  isOnLoginRoute(): boolean {
    return this.$state.current.name === this.loginState;
  }

  goToLogin(): void {
    void this.$state.go(this.loginState);
  }

  goTo(target: ReturnTarget): boolean {
    if (!('state' in target) || !this.$state.get(target.state)) {
      return false;
    }
    void this.$state.go(target.state, target.params);
    return true;
  }
}
