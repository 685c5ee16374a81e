/**
 * The globals angular-lock 3.1 reads, and the fixes Lock 14 and auth0-js 10 need under it.
 * angular-lock reads `Auth0Lock` when the injector instantiates its provider and `auth0.WebAuth`
 * in `interceptHash()`; both only exist after this module ran (vendor/angular-lock.ts imports it).
 */
import type * as auth0 from 'auth0-js';
import { createLazyLock } from './lazy-lock';
import { createLazyWebAuth, loadOnce, type WebAuthConstructor } from './lazy-web-auth';
import { webAuthOverridesFor } from './lock-options';

interface AngularLockGlobals {
  Auth0Lock: ReturnType<typeof createLazyLock>;
  auth0?: { WebAuth: ReturnType<typeof createLazyWebAuth> };
}

/**
 * angular-lock copies Lock's methods with `for (var i in Lock)`, which only sees enumerable
 * properties. Class methods are not enumerable (Lock 14's nor the lazy stand-in's), so without
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

/**
 * `lock.interceptHash()` builds `new auth0.WebAuth({clientID, domain})` itself, without Lock's
 * options. Against an http:// dev tenant auth0-js would then expect the issuer
 * `https://http://localhost:3001/`; this WebAuth adds that tenant's issuer and JWKS, from its domain.
 */
export function webAuthForAnyTenant(WebAuth: WebAuthConstructor): WebAuthConstructor {
  return class WebAuthForAnyTenant extends WebAuth {
    constructor(options: auth0.AuthOptions & { overrides?: object }) {
      super({ ...options, overrides: options.overrides ?? webAuthOverridesFor(options.domain) });
    }
  };
}

// auth0-js and Lock's UI are chunks of their own (webpack.config.js): auth0-js is fetched for a
// callback, a renewal, a logout or Lock; Lock's UI when it is shown or warmed up (lock-warm-up.ts).
const loadWebAuth = loadOnce(() => import('auth0-js').then((module) => webAuthForAnyTenant(module.WebAuth)));
const loadLock = () => import(/* webpackChunkName: "lock" */ 'auth0-lock').then((module) => module.default);
const LazyAuth0Lock = createLazyLock(loadLock, loadWebAuth);
makeMethodsEnumerable(LazyAuth0Lock);
/** The `Auth0Lock` angular-lock must construct: a Lock script loaded after this one would replace it (adoption-checks.ts). */
export const ownAuth0Lock: unknown = LazyAuth0Lock;

const globals = window as unknown as AngularLockGlobals;
globals.Auth0Lock = LazyAuth0Lock;
// Merged: a page that also loads auth0.js by script tag keeps the rest of its `auth0` global.
globals.auth0 = { ...globals.auth0, WebAuth: createLazyWebAuth(loadWebAuth) };
