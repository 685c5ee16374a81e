/**
 * Which login engine runs, from `configure({ loginMode })`: Lock (engines/lock/) by default,
 * Universal Login (engines/universal/) when asked. Only the chosen one is built: a universal-mode
 * page never constructs Lock, and a Lock-mode page never fetches auth0-spa-js.
 */
import type { AuthSessionSettings } from '../settings/auth-session.options';
import { LockEngine } from './lock/lock-engine';
import type { LoginEngine } from './login-engine';
import { UniversalLockFace } from './universal/lock-face';
import { UniversalEngine } from './universal/universal-engine';

export function chooseLoginEngine($injector: angular.auto.IInjectorService, settings: AuthSessionSettings): LoginEngine {
  return settings.loginMode === 'universal' ? $injector.instantiate(UniversalEngine) : $injector.instantiate(LockEngine);
}
chooseLoginEngine.$inject = ['$injector', 'authSession'];

interface LockProvider {
  $get: angular.Injectable<(...args: never[]) => unknown>;
}

/**
 * Config block, registered after the Lock glue's (withInjectedLock, decorateLock), whose `$get` it
 * wraps: in universal mode `lock` is the face (lock-face.ts), and angular-lock's `$get`, with its
 * decorators (Lock's warm-up among them), never runs.
 */
export function lockOrUniversalFace(lockProvider: LockProvider): void {
  const lockGet = lockProvider.$get;
  const $get = ($injector: angular.auto.IInjectorService, settings: AuthSessionSettings): unknown =>
    settings.loginMode === 'universal' ? $injector.instantiate(UniversalLockFace) : $injector.invoke(lockGet, lockProvider);
  $get.$inject = ['$injector', 'authSession'];
  lockProvider.$get = $get;
}
lockOrUniversalFace.$inject = ['lockProvider'];
