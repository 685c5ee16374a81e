import 'angular';
import 'angular-route';
import { startSessionApp } from '../testing/session-test-app';
import { loginGuardContract, type NamedFunction } from './login-guard.contract';

type ScopeWithListeners = angular.IRootScopeService & { $$listeners: Record<string, NamedFunction[] | undefined> };
interface RouteProvider {
  when(path: string, route: object): RouteProvider;
  otherwise(route: object): RouteProvider;
}

const routes = [
  '$routeProvider',
  ($routeProvider: RouteProvider) => {
    $routeProvider
      .when('/home', { template: '<p>home</p>' })
      .when('/login', { template: '<p>login</p>' })
      .when('/profile', { template: '<p>profile</p>', requiresLogin: true })
      .otherwise({ redirectTo: '/home' });
  }
];

describe('the login guard with ngRoute', () => {
  loginGuardContract({
    setup: { routerModule: 'ngRoute', routes },
    homeRoute: '/home',
    hooksAreListeners: true,
    navigationHooks: (app) => (app.$rootScope as ScopeWithListeners).$$listeners.$routeChangeStart ?? []
  });

  it('refuses a login route that is not a path', () => {
    expect(() => {
      startSessionApp({ routerModule: 'ngRoute', routes, options: { loginState: 'login' } });
    }).toThrow(/with ngRoute, `loginState` is a path such as "\/login", not "login"/);
  });
});
