/**
 * angular-jwt 0.1.11, configured for this module: the token only to the exact API origins, and its
 * own `requiresLogin` guard kept out, so that the module's LoginGuard is the only one.
 */
import 'angular';
import angularJwt from 'angular-jwt';
import type { AuthSessionSettings } from '../../settings/auth-session.options';
import type { LoginGuard } from '../../guards/login-guard';
import { apiTokenGetter, hostnamesOf } from '../../session/token-origins';

export const ANGULAR_JWT_MODULE = angularJwt;

type JwtOptions = Parameters<angular.jwt.IJwtOptionsProvider['config']>[0];
interface AuthManagerProvider {
  $get: angular.Injectable<(...args: never[]) => unknown>;
}

/** `jwtOptionsProvider.config()` replaces the whole configuration, so this is all of it. */
export function jwtOptionsFor(settings: AuthSessionSettings): JwtOptions {
  return {
    // Its typings say string | null; its interceptor takes a promise too ($q.when), which an access token needs.
    tokenGetter: [...apiTokenGetter] as unknown as JwtOptions['tokenGetter'],
    whiteListedDomains: hostnamesOf(settings.apiOrigins),
    loginPath: settings.loginState ?? 'login',
    // authManager.redirect() and redirectWhenUnauthenticated() go where the guard goes.
    unauthenticatedRedirector: [
      'loginGuard',
      (loginGuard: LoginGuard) => {
        loginGuard.redirectToLogin();
      }
    ]
  };
}

/**
 * authManager's $get installs a guard of its own, which no option turns off: an onStart hook when
 * `$injector.has('$transitions')`, else a listener on `$stateChangeStart` when `$injector.has('$state')`,
 * else on `$routeChangeStart`. Beside ours it would redirect a second time, without the way back.
 * So its $get sees an $injector that reports no `$transitions`, and `$state` exactly when the app's
 * router is not ui-router 0.x: its listener then waits for an event that router never broadcasts.
 */
export function withoutAuthManagerGuard(authManagerProvider: AuthManagerProvider): void {
  const original = authManagerProvider.$get;
  const $get = ($injector: angular.auto.IInjectorService): unknown => {
    const usesUiRouter0 = $injector.has('$state') && !$injector.has('$transitions');
    const has = (name: string): boolean => (name === '$state' ? !usesUiRouter0 : name !== '$transitions' && $injector.has(name));
    const routerless = Object.create($injector, { has: { value: has } }) as angular.auto.IInjectorService;
    return $injector.invoke(original, authManagerProvider, { $injector: routerless });
  };
  $get.$inject = ['$injector'];
  authManagerProvider.$get = $get;
}

export function configureAngularJwt($httpProvider: angular.IHttpProvider, authManagerProvider: AuthManagerProvider): void {
  $httpProvider.interceptors.push('jwtInterceptor');
  withoutAuthManagerGuard(authManagerProvider);
}
configureAngularJwt.$inject = ['$httpProvider', 'authManagerProvider'];
