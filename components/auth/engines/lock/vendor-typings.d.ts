// Typings for vendor code that ships none: angular-lock, and the angular-jwt members
// @types/angular-jwt lacks.
import 'angular';

declare module 'angular' {
  namespace jwt {
    interface IJwtOptionsProvider {
      config(options: {
        tokenGetter?: Injectable<(...args: never[]) => string | null>;
        whiteListedDomains?: string[];
        loginPath?: string;
        unauthenticatedRedirector?: Injectable<(...args: never[]) => void>;
      }): void;
    }
  }
  namespace lock {
    /** angular-lock's `lockProvider`. */
    interface ILockProvider {
      init(config: { clientID: string; domain: string; options?: Auth0LockConstructorOptions }): void;
    }
    /** angular-lock's `lock` service: Lock's methods wrapped to run callbacks in a digest. */
    interface ILockService extends Auth0LockCore {
      interceptHash(): void;
      /** Fetches Lock's UI chunk ahead of `show()` (components/auth/engines/lock/lazy-lock.ts). */
      preload(): void;
      /** auth0-js's `WebAuth.authorize` with Lock's options: a top-level redirect to the tenant (lazy-lock.ts). */
      authorize(options: auth0.AuthorizeOptions): void;
    }
  }
}

declare module 'angular-lock' {}

declare module 'angular-jwt' {
  const moduleName: string;
  export default moduleName;
}
