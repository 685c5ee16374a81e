/**
 * angular-lock 3.1, ready for Lock 14: the one place that loads it. It is a browser script, not a
 * module: evaluating it calls the global `angular.module(...)`, so `angular` is imported first
 * (the `angular` package sets that global).
 *
 * Its `$get` builds the `lock` service from `new Auth0Lock(clientID, domain, options)`, a global,
 * and its provider checks that global as the module loads. Here the global carries no settings:
 * it hands back the Lock it is given in `options`, the stand-in `lockStandIn` built from the
 * injected settings (createLockStandIn); `$get` runs with that (withInjectedLock).
 */
import angular from 'angular';
import 'angular-lock';
import type { AuthSessionSettings } from '../../settings/auth-session.options';
import { CALLBACK_HASH } from './callback-hash';
import { createLazyLock, type AngularLockOptions } from './lazy-lock';
import { loadOnce } from '../load-once';
import { buildLockOptions } from './lock-options';
import { warmUpLockWhenIdle } from './lock-warm-up';

/** angular-lock's own telemetry (its `init` sets the same): auth0-js reports it to the tenant. */
export const ANGULAR_LOCK_TELEMETRY = { name: 'angular-lock', version: '3.1.0' };

type LockStandIn = InstanceType<ReturnType<typeof createLazyLock>>;
interface HandedInOptions {
  readonly standIn: LockStandIn;
}

/**
 * angular-lock copies Lock's methods with `for (var i in Lock)`, which only sees enumerable
 * properties. Class methods are not enumerable (Lock 14's nor the stand-in's), so without
 * this `lock.show` is undefined and Log In throws `lock.show is not a function`.
 */
export function makeMethodsEnumerable(constructor: { prototype: object }): void {
  for (
    let proto: object | null = constructor.prototype;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      const descriptor = Object.getOwnPropertyDescriptor(proto, name);
      if (name !== 'constructor' && descriptor && typeof descriptor.value === 'function' && !descriptor.enumerable) {
        Object.defineProperty(proto, name, { ...descriptor, enumerable: true });
      }
    }
  }
}

// auth0-js and Lock's UI are chunks of their own (webpack.config.js): auth0-js is fetched for a
// callback, a renewal, a logout or Lock; Lock's UI when it is shown or warmed up (lock-warm-up.ts).
const loadWebAuth = loadOnce(() => import('auth0-js').then((module) => module.WebAuth));
const loadLock = () => import(/* webpackChunkName: "lock" */ 'auth0-lock').then((module) => module.default);
const LazyAuth0Lock = createLazyLock(loadLock, loadWebAuth);
makeMethodsEnumerable(LazyAuth0Lock);

/** The `Auth0Lock` angular-lock constructs: the stand-in handed to it, never settings of its own. */
function HandedInAuth0Lock(_clientID: string, _domain: string, options: HandedInOptions): LockStandIn {
  return options.standIn;
}
/** A Lock script loaded after this one would replace it (adoption-checks.ts). */
export const ownAuth0Lock: unknown = HandedInAuth0Lock;
(window as unknown as { Auth0Lock: unknown }).Auth0Lock = HandedInAuth0Lock;

/** The stand-in angular-lock wraps, from the settings `authSessionProvider.configure()` checked. */
export function createLockStandIn(settings: AuthSessionSettings): LockStandIn {
  const options: AngularLockOptions = { ...buildLockOptions(settings), _telemetryInfo: ANGULAR_LOCK_TELEMETRY };
  return new LazyAuth0Lock(settings.clientID, settings.domain, options);
}
createLockStandIn.$inject = ['authSession'];

/** Config block: angular-lock's `$get` runs with the injected stand-in, not with `lockProvider.init`'s fields. */
export function withInjectedLock(lockProvider: angular.lock.ILockProvider & { $get: unknown }): void {
  const angularLockGet = lockProvider.$get as angular.Injectable<(...args: never[]) => angular.lock.ILockService>;
  const $get = ($injector: angular.auto.IInjectorService, standIn: LockStandIn): angular.lock.ILockService =>
    $injector.invoke(angularLockGet, { options: { standIn } satisfies HandedInOptions });
  $get.$inject = ['$injector', 'lockStandIn'];
  lockProvider.$get = $get;
}
withInjectedLock.$inject = ['lockProvider'];

/**
 * `lock.interceptHash()`: the tenant's answer in the URL (the `#id_token=…` hash) is parsed by the
 * stand-in's auth0-js, built with the settings' issuer (angular-lock's own builds a WebAuth from
 * the `auth0` global). Each call of angular-lock's added a listener: a second call adds none.
 */
function interceptHashWithStandIn(
  $delegate: angular.lock.ILockService,
  $rootScope: angular.IRootScopeService,
  $location: angular.ILocationService,
  $window: angular.IWindowService,
  standIn: LockStandIn
): angular.lock.ILockService {
  let intercepting = false;
  $delegate.interceptHash = () => {
    if (intercepting) {
      return;
    }
    intercepting = true;
    $rootScope.$on('$locationChangeStart', (_event, location: string) => {
      if (CALLBACK_HASH.test(location)) {
        standIn.parseCallback($location.hash() || $window.location.hash);
      }
    });
  };
  return $delegate;
}
interceptHashWithStandIn.$inject = ['$delegate', '$rootScope', '$location', '$window', 'lockStandIn'];

export function decorateLock($provide: angular.auto.IProvideService): void {
  $provide.decorator('lock', interceptHashWithStandIn);
  $provide.decorator('lock', warmUpLockWhenIdle);
}
decorateLock.$inject = ['$provide'];

export const ANGULAR_LOCK_MODULE = 'auth0.lock';
/** The module angular-lock registered just now: another angular-lock script on the page would replace it (adoption-checks.ts). */
export const ownAngularLockModule = angular.module(ANGULAR_LOCK_MODULE);
