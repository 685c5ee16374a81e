/**
 * Every workaround angular-lock 3.1 needs around Lock 14 and auth0-js lives here. Import this
 * module before 'angular-lock' (app/main.ts does).
 */
import angular from 'angular';
import * as auth0 from 'auth0-js';
import { auth0Settings } from '../auth0-settings';
import { webAuthOverrides } from '../lock-options';
import { createLazyLock, type WebAuthConstructor } from './lazy-lock';

interface AngularLockGlobals {
  angular: typeof angular;
  Auth0Lock: ReturnType<typeof createLazyLock>;
  auth0: { WebAuth: WebAuthConstructor };
}

/**
 * angular-lock copies Lock's methods with `for (var i in Lock)`, which only sees enumerable
 * properties. Class methods are not enumerable (Lock 14's nor the lazy stand-in's), so without
 * this `lock.show` is undefined and Log In throws `lock.show is not a function`.
 */
export function makeMethodsEnumerable(constructor: { prototype: object }): void {
  for (let proto: object | null = constructor.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto) as object | null) {
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
 * options. Against the http:// dev tenant auth0-js would then expect the issuer
 * `https://http://localhost:3001/`; this WebAuth adds the tenant's issuer and JWKS overrides.
 */
export function webAuthWithOverrides(WebAuth: WebAuthConstructor, tenantUrl: string): WebAuthConstructor {
  return class DevTenantWebAuth extends WebAuth {
    constructor(options: auth0.AuthOptions) {
      super({ ...options, overrides: webAuthOverrides(tenantUrl) });
    }
  };
}

// Lock's UI is a chunk of its own, fetched the first time it is shown (see lazy-lock.ts).
const LazyAuth0Lock = createLazyLock(() => import(/* webpackChunkName: "lock" */ 'auth0-lock').then((module) => module.default), auth0.WebAuth);
makeMethodsEnumerable(LazyAuth0Lock);

// angular-lock reads these as globals when its provider is registered.
const globals = window as unknown as AngularLockGlobals;
globals.angular = angular;
globals.Auth0Lock = LazyAuth0Lock;
globals.auth0 = {
  WebAuth: auth0Settings.devTenant ? webAuthWithOverrides(auth0.WebAuth, auth0Settings.domain) : auth0.WebAuth
};
