import angular from 'angular';
import 'angular-mocks';
import '../auth.module';
import type { AuthSessionOptions } from '../settings/auth-session.options';
import type { AuthService } from '../auth.service';
import { FakeLock } from './fake-lock';
import { UNIT_TEST_CLIENT_ID } from './jwt';

export interface TestApp {
  lock: FakeLock;
  injector: angular.auto.IInjectorService;
  authService: AuthService;
  $rootScope: angular.IRootScopeService & { isAuthenticated?: boolean };
}

/** home, login, and profile (`requiresLogin`), for ui-router 1.x and 0.x alike: both have these providers. */
export const uiRouterStates = [
  '$stateProvider',
  '$urlRouterProvider',
  ($stateProvider: { state(state: object): unknown }, $urlRouterProvider: { otherwise(url: string): void }) => {
    $stateProvider.state({ name: 'home', url: '/home', template: '<p>home</p>' });
    $stateProvider.state({ name: 'login', url: '/login', template: '<p>login</p>' });
    $stateProvider.state({ name: 'profile', url: '/profile?tab', template: '<p>profile</p>', data: { requiresLogin: true } });
    $urlRouterProvider.otherwise('/home');
  }
];

export interface SessionAppSetup {
  /** The router's module, loaded by the spec (ui-router 1.x and 0.x cannot share a page). */
  readonly routerModule?: string;
  /** A config block registering the routes. */
  readonly routes?: angular.Injectable<(...args: never[]) => void>;
  readonly options?: Partial<AuthSessionOptions>;
  /** Run the tutorial's run block (default true). */
  readonly tutorialRunBlock?: boolean;
}

/** The test app's module: configure() in a config block, then the tutorial's run block, with a FakeLock for angular-lock's service. */
function sessionTestModule(setup: SessionAppSetup): { name: string; lock: FakeLock } {
  const lock = new FakeLock();
  const testModule = angular.module(`sessionTestApp${String(Math.random()).slice(2)}`, [
    'auth0.session',
    ...(setup.routerModule ? [setup.routerModule] : [])
  ]);
  testModule.config([
    'authSessionProvider',
    '$provide',
    (authSessionProvider: { configure(options: AuthSessionOptions): void }, $provide: angular.auto.IProvideService) => {
      authSessionProvider.configure({ domain: 'http://localhost:3001', clientID: UNIT_TEST_CLIENT_ID, ...setup.options });
      $provide.value('lock', lock);
    }
  ]);
  if (setup.routes) {
    testModule.config(setup.routes);
  }
  if (setup.tutorialRunBlock !== false) {
    testModule.run([
      'authService',
      'lock',
      (authService: AuthService, tutorialLock: FakeLock) => {
        authService.registerAuthenticationListener();
        authService.checkAuthOnRefresh();
        tutorialLock.interceptHash();
      }
    ]);
  }
  return { name: testModule.name, lock };
}

function testApp(lock: FakeLock, injector: angular.auto.IInjectorService): TestApp {
  return { lock, injector, authService: injector.get<AuthService>('authService'), $rootScope: injector.get('$rootScope') };
}

/**
 * Boots `auth0.session` the way an adopting app does, with a FakeLock in place of angular-lock's
 * service. Call it inside a test or beforeEach, after preparing localStorage: the run block reads it.
 */
export function startSessionApp(setup: SessionAppSetup = {}): TestApp {
  const { name, lock } = sessionTestModule(setup);
  angular.mock.module(name);
  let injector: angular.auto.IInjectorService | undefined;
  angular.mock.inject(($injector: angular.auto.IInjectorService) => {
    injector = $injector;
  });
  if (!injector) {
    throw new Error('angular-mocks did not create an injector');
  }
  return testApp(lock, injector);
}

/**
 * Another tab of the same app: its own injector (services, FakeLock, mocked $timeout), sharing the
 * window and its localStorage. Storage events do not cross jsdom "tabs": a test dispatches them.
 */
export function startAnotherTab(setup: SessionAppSetup = {}): TestApp {
  const { name, lock } = sessionTestModule(setup);
  return testApp(lock, angular.injector(['ng', 'ngMock', name]));
}
