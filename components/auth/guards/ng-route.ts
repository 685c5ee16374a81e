import type { ReturnTarget } from './return-to';
import { requiresLogin, type RouterGuard } from './router-guard';

/** The parts of ngRoute's `$route` used here (`$$route` is the definition given to `$routeProvider.when`). */
export interface RouteService {
  readonly current?: { readonly $$route?: { readonly originalPath?: string; readonly requiresLogin?: unknown } };
}

interface NextRoute {
  readonly $$route?: unknown;
}

/**
 * ngRoute: a `$routeChangeStart` listener. It runs inside `$locationChangeStart`, and AngularJS
 * drops a location change whose handler moved `$location` elsewhere, so the guarded route is never
 * committed; preventDefault also covers `$route.reload()`, which has no location change.
 */
export class NgRouteGuard implements RouterGuard {
  readonly defaultLoginRoute = '/login';

  constructor(
    private readonly $rootScope: angular.IRootScopeService,
    private readonly $route: RouteService,
    private readonly $location: angular.ILocationService,
    private readonly loginPath: string
  ) {
    if (!loginPath.startsWith('/')) {
      throw new Error(`authSessionProvider.configure(): with ngRoute, \`loginState\` is a path such as "/login", not "${loginPath}".`);
    }
  }

  guard(allowed: () => boolean, remember: (target: ReturnTarget) => void): void {
    this.$rootScope.$on('$routeChangeStart', (event, next?: NextRoute) => {
      if (!requiresLogin(next?.$$route) || allowed()) {
        return;
      }
      event.preventDefault();
      remember({ url: this.$location.url() });
      this.goToLogin();
    });
  }

  currentGuarded(): ReturnTarget | null {
    return requiresLogin(this.$route.current?.$$route) ? { url: this.$location.url() } : null;
  }

  isOnLoginRoute(): boolean {
    return this.$location.path() === this.loginPath;
  }

  goToLogin(): void {
    // Replaced, so Back does not return to the guarded URL and bounce to login again.
    this.$location.url(this.loginPath).replace();
  }

  goTo(target: ReturnTarget): boolean {
    if (!('url' in target)) {
      return false;
    }
    this.$location.url(target.url);
    return true;
  }
}
