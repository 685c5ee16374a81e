import type { AuthSessionSettings } from '../settings/auth-session.options';
import type { ReturnTo } from './return-to';
import type { SessionState } from '../session/session-state';
import type { StoredSession } from '../session/stored-session';
import { NgRouteGuard, type RouteService } from './ng-route';
import type { RouterGuard } from './router-guard';
import { UiRouter0Guard, type LegacyStateService } from './ui-router-0';
import { UiRouter1Guard } from './ui-router-1';

/** The router the app loaded, found at run time: ui-router 1.x has `$transitions`, 0.x only `$state`, ngRoute `$route`. */
function findRouter(
  $injector: angular.auto.IInjectorService,
  $rootScope: angular.IRootScopeService,
  $location: angular.ILocationService,
  loginState: string | undefined
): RouterGuard | null {
  if ($injector.has('$transitions')) {
    return new UiRouter1Guard(
      $injector.get('$transitions'),
      $injector.get('$state'),
      $injector.get('$uiRouterGlobals'),
      loginState ?? 'login'
    );
  }
  if ($injector.has('$state')) {
    return new UiRouter0Guard($rootScope, $injector.get<LegacyStateService>('$state'), loginState ?? 'login');
  }
  if ($injector.has('$route')) {
    return new NgRouteGuard($rootScope, $injector.get<RouteService>('$route'), $location, loginState ?? '/login');
  }
  return null;
}

/**
 * The one login guard: anonymous visitors of `requiresLogin` routes go to the login route, and
 * come back to the route first asked for after logging in (remembered by ReturnTo, across Lock's
 * redirect). An app without a router gets the session handling without the guard.
 */
export class LoginGuard {
  static $inject = ['$injector', '$rootScope', '$location', 'authSession', 'sessionState', 'storedSession', 'returnTo'];

  private installed = false;
  private found: RouterGuard | null | undefined;

  constructor(
    private readonly $injector: angular.auto.IInjectorService,
    private readonly $rootScope: angular.IRootScopeService,
    private readonly $location: angular.ILocationService,
    private readonly settings: AuthSessionSettings,
    private readonly state: SessionState,
    private readonly storedSession: StoredSession,
    private readonly returnTo: ReturnTo
  ) {}

  /** Starts guarding; once, however often it is called. */
  install(): void {
    if (this.installed) {
      return;
    }
    this.installed = true;
    this.router()?.guard(
      () => this.allows(),
      (target) => {
        this.returnTo.remember(target);
      }
    );
  }

  /** The session just ended: a guarded page is left for the login route, to come back to after login. */
  leaveGuardedRoute(): void {
    const router = this.router();
    const target = router?.currentGuarded();
    if (router && target) {
      this.returnTo.remember(target);
      router.goToLogin();
    }
  }

  /**
   * The page the visitor is on, to come back to after a round trip to the tenant (ReturningVisitor).
   * Never the login route: there the guard has already noted the page it turned away (a check made
   * after the router's first sync would otherwise send the visitor back to the login page, logged in).
   */
  rememberWhereVisitorIs(): void {
    if (!this.router()?.isOnLoginRoute()) {
      this.returnTo.remember({ url: this.$location.url() });
    }
  }

  /** The session just started: back to the route first asked for, else off the login route. */
  returnAfterLogin(): void {
    const router = this.router();
    const target = this.returnTo.take();
    if (!router || (target && router.goTo(target))) {
      return;
    }
    if (target && 'url' in target) {
      // A URL from the returning visitor's round trip (returning-visitor.ts), under a state router too.
      this.$location.url(target.url);
      return;
    }
    if (router.isOnLoginRoute()) {
      // The app's own default route (its `otherwise`) decides where that is.
      this.$location.url('/');
    }
  }

  /** angular-jwt's `authManager.redirect()` and its `unauthenticated` redirect come here too. */
  redirectToLogin(): void {
    this.router()?.goToLogin();
  }

  /** A session in hand, and its token still usable: what angular-jwt's own check would also say. */
  private allows(): boolean {
    return this.state.session !== null && this.storedSession.claims() !== null;
  }

  private router(): RouterGuard | null {
    if (this.found === undefined) {
      this.found = findRouter(this.$injector, this.$rootScope, this.$location, this.settings.loginState);
    }
    return this.found;
  }
}
