import 'angular';
import 'angular-ui-router';
import { uiRouterStates } from '../testing/session-test-app';
import { loginGuardContract, type NamedFunction } from './login-guard.contract';

type ScopeWithListeners = angular.IRootScopeService & { $$listeners: Record<string, NamedFunction[] | undefined> };

describe('the login guard with angular-ui-router 0.4', () => {
  loginGuardContract({
    setup: { routerModule: 'ui.router', routes: uiRouterStates },
    homeRoute: 'home',
    hooksAreListeners: true,
    navigationHooks: (app) => (app.$rootScope as ScopeWithListeners).$$listeners.$stateChangeStart ?? []
  });
});
