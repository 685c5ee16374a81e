import uiRouter, { type TransitionService } from '@uirouter/angularjs';
import { uiRouterStates } from '../testing/session-test-app';
import { loginGuardContract, type NamedFunction } from './login-guard.contract';

interface HookRegistry {
  getHooks(name: string): { callback: NamedFunction }[];
}

describe('the login guard with ui-router 1.x', () => {
  loginGuardContract({
    setup: { routerModule: uiRouter, routes: uiRouterStates },
    homeRoute: 'home',
    hooksAreListeners: false,
    navigationHooks: (app) => {
      const $transitions = app.injector.get<TransitionService & HookRegistry>('$transitions');
      // Ours is an onBefore hook; angular-jwt's would be an onStart one. ui-router has its own hooks too.
      return [...$transitions.getHooks('onBefore'), ...$transitions.getHooks('onStart')].map((hook) => hook.callback);
    }
  });
});
