/**
 * What angular-lock gets as `Auth0Lock`: a stand-in it constructs on every page load without
 * loading Lock. Lock's UI (Lock, React, immutable: half the eager bundle) is imported on the first
 * `show()` (or `preload()`, `resumeAuth()`); `checkSession`, `logout` and `getUserInfo` are served
 * by auth0-js, itself loaded on their first call (lazy-web-auth.ts), with the options Lock would give it;
 * so is `authorize`, which Lock lacks: a top-level redirect to the tenant (returning-visitor.ts).
 */
import type * as auth0 from 'auth0-js';
import { loadFailure, type WebAuthLoader } from './lazy-web-auth';
import type { LockOptions } from './lock-options';

export type { WebAuthConstructor, WebAuthLoader } from './lazy-web-auth';

type Listener = (...args: unknown[]) => void;
type LockInstance = Auth0LockCore & { emit(event: string, ...args: unknown[]): boolean };
export type LockLoader = () => Promise<new (clientID: string, domain: string, options: object) => Auth0LockCore>;
export type AngularLockOptions = LockOptions & { _telemetryInfo?: unknown };

/** The WebAuth options Lock 14 builds from its own (auth0-lock/lib/core/web_api/p2_api.js). */
export function webAuthOptionsLikeLock(
  clientID: string,
  domain: string,
  options: AngularLockOptions
): auth0.AuthOptions & { nonce?: string } {
  const auth = options.auth ?? {};
  const params = auth.params ?? {};
  return {
    clientID,
    domain,
    audience: auth.audience,
    redirectUri: auth.redirectUrl,
    responseMode: auth.responseMode,
    responseType: auth.responseType,
    scope: params.scope,
    state: params.state,
    nonce: params.nonce as string | undefined,
    leeway: 60,
    overrides: options.overrides,
    _telemetryInfo: options._telemetryInfo
  };
}

export function createLazyLock(loadLock: LockLoader, loadWebAuth: WebAuthLoader) {
  return class LazyAuth0Lock {
    private readonly listeners = new Map<string, Listener[]>();
    /** One listener per event name on the real Lock, re-emitting here: each event reaches each listener once. */
    private readonly forwarders = new Map<string, Listener>();
    private loading: Promise<LockInstance | undefined> | undefined;
    /** Whether a show() (not only a warm-up) waits for the load in flight: only then is a failure reported. */
    private awaitedByUser = false;
    private lock: LockInstance | undefined;
    private webAuth: auth0.WebAuth | undefined;
    /** authorize() was called: the page is leaving for the tenant. */
    private leaving = false;

    constructor(
      private readonly clientID: string,
      private readonly domain: string,
      private readonly options: AngularLockOptions = {}
    ) {}

    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      if (this.lock) {
        this.forward(this.lock, event);
      }
      return this;
    }

    off(event: string, listener: Listener): this {
      const remaining = (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener);
      this.listeners.set(event, remaining);
      const forwarder = this.forwarders.get(event);
      if (remaining.length === 0 && forwarder && this.lock) {
        // Lock throws an unhandled `unrecoverable_error` only when nobody listens: keep that.
        this.lock.off(event, forwarder);
        this.forwarders.delete(event);
      }
      return this;
    }

    /** angular-lock's `interceptHash` emits `authenticated`/`authorization_error` here, without Lock. */
    emit(event: string, ...args: unknown[]): boolean {
      const listeners = [...(this.listeners.get(event) ?? [])];
      listeners.forEach((listener) => {
        listener(...args);
      });
      return listeners.length > 0;
    }

    show(options?: Auth0LockShowOptions): void {
      this.withLock((lock) => {
        lock.show(options);
      });
    }

    hide(): void {
      // Nothing is shown before Lock loads; a hide() while it loads runs after the show() before it.
      if (this.loading) {
        this.withLock((lock) => {
          lock.hide();
        });
      }
    }

    resumeAuth(hash: string, callback: (error: auth0.Auth0Error, authResult: AuthResult) => void): void {
      this.withLock((lock) => {
        lock.resumeAuth(hash, callback);
      });
    }

    /** Loads Lock ahead of `show()`, e.g. when the user is about to log in; not on a page leaving for the tenant (its SSO check is an iframe /authorize). */
    preload(): void {
      if (!this.leaving) {
        this.withLock(() => undefined, { background: true });
      }
    }

    /** WebAuth.authorize with Lock's options (response type, callback URL, scope) and `options` on top: leaves the page. */
    authorize(options: auth0.AuthorizeOptions): void {
      this.leaving = true;
      this.withWebAuth(
        (webAuth) => {
          webAuth.authorize(options);
        },
        (error) => {
          this.leaving = false;
          console.error('Could not go to the tenant:', error.errorDescription);
        }
      );
    }

    checkSession(options: auth0.CheckSessionOptions, callback: auth0.Auth0Callback<unknown>): void {
      this.withWebAuth(
        (webAuth) => {
          webAuth.checkSession(options, callback);
        },
        (error) => {
          callback(error, undefined);
        }
      );
    }

    logout(query: auth0.LogoutOptions): void {
      this.withWebAuth(
        (webAuth) => {
          webAuth.logout(query);
        },
        (error) => {
          console.error('Logout could not reach the tenant:', error.errorDescription);
        }
      );
    }

    getUserInfo(token: string, callback: auth0.Auth0Callback<auth0.Auth0UserProfile>): void {
      this.withWebAuth(
        (webAuth) => {
          webAuth.client.userInfo(token, callback);
        },
        (error) => {
          // As auth0-js does on a failure: an error and no profile.
          (callback as (error: auth0.Auth0Error) => void)(error);
        }
      );
    }

    /** One WebAuth, built once auth0-js is loaded; callers wait for it in call order. */
    private withWebAuth(run: (webAuth: auth0.WebAuth) => void, fail: (error: auth0.Auth0Error) => void): void {
      loadWebAuth().then(
        (WebAuth) => {
          this.webAuth ??= new WebAuth(webAuthOptionsLikeLock(this.clientID, this.domain, this.options));
          run(this.webAuth);
        },
        (error: unknown) => {
          fail(loadFailure(error));
        }
      );
    }

    /**
     * Calls run in call order once Lock is up; a failed load is reported once and retried on the next call.
     * A background load (preload) that fails is not reported: a navigation that cuts the warm-up short,
     * or a flaky network, is no error to show a visitor who has not clicked; the next show() loads again.
     */
    private withLock(run: (lock: LockInstance) => void, { background = false } = {}): void {
      this.awaitedByUser ||= !background;
      this.loading ??= this.load().catch((error: unknown) => {
        this.loading = undefined;
        const report = this.awaitedByUser;
        this.awaitedByUser = false;
        if (report && !this.emit('unrecoverable_error', error)) {
          console.error('Lock could not be loaded:', error);
        }
        return undefined;
      });
      void this.loading.then((lock) => {
        if (lock) {
          run(lock);
        }
      });
    }

    private async load(): Promise<LockInstance> {
      const Lock = await loadLock();
      // Constructing Lock fetches the client configuration and dictionary and runs the SSO check.
      const lock = new Lock(this.clientID, this.domain, this.options) as LockInstance;
      this.lock = lock;
      for (const event of this.listeners.keys()) {
        this.forward(lock, event);
      }
      return lock;
    }

    /**
     * A warm-up's Lock that failed before anyone asked to see it (its client configuration cut off by a
     * navigation, a flaky network) is dropped without a word; the next show() builds a new one.
     */
    private discard(lock: LockInstance): void {
      if (this.lock !== lock) {
        return;
      }
      for (const [event, forwarder] of this.forwarders) {
        lock.off(event, forwarder);
      }
      this.forwarders.clear();
      this.lock = undefined;
      this.loading = undefined;
    }

    private forward(lock: LockInstance, event: string): void {
      if (this.forwarders.has(event) || (this.listeners.get(event) ?? []).length === 0) {
        return;
      }
      const forwarder: Listener = (...args) => {
        if (event === 'unrecoverable_error' && !this.awaitedByUser) {
          this.discard(lock);
          return;
        }
        this.emit(event, ...args);
      };
      this.forwarders.set(event, forwarder);
      lock.on(event, forwarder);
    }
  };
}
