import angular from 'angular';
import 'angular-mocks';
import '../main';
import { FakeLock } from '../../components/auth/testing';

export interface TestApp {
  lock: FakeLock;
  injector: angular.auto.IInjectorService;
}

/**
 * Boots the real `app` module (config, run block, authService) with a FakeLock in place of
 * angular-lock's service, so specs see the tutorial's wiring without Lock's UI. Call it inside a
 * test or beforeEach, after preparing localStorage: the run block reads it.
 */
export function startAppWithFakeLock(): TestApp {
  const lock = new FakeLock();
  angular.mock.module('app', ($provide: angular.auto.IProvideService) => {
    $provide.value('lock', lock);
  });
  let injector: angular.auto.IInjectorService | undefined;
  angular.mock.inject(($injector: angular.auto.IInjectorService) => {
    injector = $injector;
  });
  if (!injector) {
    throw new Error('angular-mocks did not create an injector');
  }
  return { lock, injector };
}
