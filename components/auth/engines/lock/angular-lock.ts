/**
 * angular-lock 3.1, ready for Lock 14: the one place that loads it. It is a browser script, not a
 * module: evaluating it calls the global `angular.module(...)`, so `angular` is imported first
 * (the `angular` package sets that global); the globals it reads later come from lock-globals.
 */
import angular from 'angular';
import './lock-globals';
import 'angular-lock';
import { warmUpLockWhenIdle } from './lock-warm-up';

/** `lock.interceptHash()` adds a `$locationChangeStart` listener per call: a second call adds none. */
function interceptHashOnce($delegate: angular.lock.ILockService): angular.lock.ILockService {
  const interceptHash = $delegate.interceptHash.bind($delegate);
  let intercepting = false;
  $delegate.interceptHash = () => {
    if (!intercepting) {
      intercepting = true;
      interceptHash();
    }
  };
  return $delegate;
}
interceptHashOnce.$inject = ['$delegate'];

export function decorateLock($provide: angular.auto.IProvideService): void {
  $provide.decorator('lock', interceptHashOnce);
  $provide.decorator('lock', warmUpLockWhenIdle);
}
decorateLock.$inject = ['$provide'];

export const ANGULAR_LOCK_MODULE = 'auth0.lock';
/** The module angular-lock registered just now: another angular-lock script on the page would replace it (adoption-checks.ts). */
export const ownAngularLockModule = angular.module(ANGULAR_LOCK_MODULE);
