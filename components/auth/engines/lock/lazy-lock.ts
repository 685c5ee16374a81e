/**
 * The Lock that angular-lock wraps as the `lock` service: a stand-in, built from the injected
 * settings (angular-lock.ts), that loads nothing when constructed. Lock's UI (Lock, React,
 * immutable: half the eager bundle) is imported on the first `show()` (or `preload()`,
 * `resumeAuth()`); `checkSession`, `logout`, `getUserInfo`, the callback's `parseHash` and
 * `authorize` (which Lock lacks: a top-level redirect, returning-visitor.ts) are served by auth0-js,
 * itself loaded on their first call, with the options Lock would give it.
 */
import type * as auth0 from 'auth0-js';
import { loadOnce } from '../load-once';
import { loadFailure, type WebAuthLoader } from './lazy-web-auth';
import { LockCloseReset } from './lock-close-reset';
import type { LockOptions } from './lock-options';

export type { WebAuthConstructor, WebAuthLoader } from './lazy-web-auth';

type Listener = (...args: unknown[]) => void;
type LockInstance = Auth0LockCore & { emit(event: string, ...args: unknown[]): boolean };
export type LockLoader = () => Promise<new (clientID: string, domain: string, options: object) => Auth0LockCore>;
export type AngularLockOptions = LockOptions & { _telemetryInfo?: unknown };

/**
 * Lock's UI, one state at a time:
 *  - `unloaded`: nothing fetched, or a failed load forgotten;
 *  - `loading`/`ready`: `loaded` settles with Lock (or undefined if it failed); `awaitedByUser` once
 *    a show() (not only a warm-up) waits for it: only then is a failure reported;
 *  - `leaving`: authorize() sends the page to the tenant; no warm-up starts (its SSO check is an
 *    iframe /authorize). `before` is where it goes back to if auth0-js cannot be loaded.
 */
type LockLoad =
  | { readonly name: 'unloaded' }
  | { readonly name: 'loading'; readonly loaded: Promise<LockInstance | undefined>; readonly awaitedByUser: boolean }
  | {
      readonly name: 'ready';
      readonly loaded: Promise<LockInstance | undefined>;
      readonly awaitedByUser: boolean;
      readonly lock: LockInstance;
    };
type LockState = LockLoad | { readonly name: 'leaving'; readonly before: LockLoad };

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

/** `document` is the page Lock renders into: a show() just after a close waits for Lock's close to end there (lock-close-reset.ts). */
export function createLazyLock(loadLock: LockLoader, loadWebAuth: WebAuthLoader, document: Document = window.document) {
  return class LazyAuth0Lock {
    private readonly listeners = new Map<string, Listener[]>();
    /** One listener per event name on the real Lock, re-emitting here: each event reaches each listener once. */
    private readonly forwarders = new Map<string, Listener>();
    private state: LockState = { name: 'unloaded' };
    /** A show() just after Lock closed waits (lock-close-reset.ts). */
    private readonly closeReset = new LockCloseReset(document);
    /** One WebAuth, built once auth0-js is loaded; a failed load is tried again by the next caller. */
    private readonly webAuth = loadOnce(() =>
      loadWebAuth().then((WebAuth) => new WebAuth(webAuthOptionsLikeLock(this.clientID, this.domain, this.options)))
    );

    constructor(
      private readonly clientID: string,
      private readonly domain: string,
      private readonly options: AngularLockOptions = {}
    ) {}

    on(event: string, listener: Listener): this {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      const load = this.currentLoad();
      if (load.name === 'ready') {
        this.forward(load.lock, event);
      }
      return this;
    }

    off(event: string, listener: Listener): this {
      const remaining = (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener);
      this.listeners.set(event, remaining);
      const forwarder = this.forwarders.get(event);
      const load = this.currentLoad();
      if (remaining.length === 0 && forwarder && load.name === 'ready') {
        // Lock throws an unhandled `unrecoverable_error` only when nobody listens: keep that.
        load.lock.off(event, forwarder);
        this.forwarders.delete(event);
      }
      return this;
    }

    /** The callback's outcome (parseCallback) and the real Lock's events reach the listeners from here. */
    emit(event: string, ...args: unknown[]): boolean {
      const listeners = [...(this.listeners.get(event) ?? [])];
      listeners.forEach((listener) => {
        listener(...args);
      });
      return listeners.length > 0;
    }

    show(options?: Auth0LockShowOptions): void {
      this.withLock((lock) => {
        this.closeReset.show(() => {
          lock.show(options);
        });
      });
    }

    hide(): void {
      // Nothing is shown before Lock loads; a hide() while it loads runs after the show() before it.
      if (this.currentLoad().name !== 'unloaded') {
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

    /** Loads Lock ahead of `show()`, e.g. when the user is about to log in; not on a page leaving for the tenant. */
    preload(): void {
      if (this.state.name !== 'leaving') {
        this.withLock(() => undefined, { background: true });
      }
    }

    /** The tenant's answer in the URL's hash: `authenticated` or `authorization_error`, emitted here. */
    parseCallback(hash: string): void {
      this.withWebAuth(
        (webAuth) => {
          webAuth.parseHash({ hash }, (error, authResult) => {
            if (error) {
              this.emit('authorization_error', error);
            }
            if (authResult?.idToken) {
              this.emit('authenticated', authResult);
            }
          });
        },
        (error) => {
          this.emit('authorization_error', error);
        }
      );
    }

    /** WebAuth.authorize with Lock's options (response type, callback URL, scope) and `options` on top: leaves the page. */
    authorize(options: auth0.AuthorizeOptions): void {
      if (this.state.name !== 'leaving') {
        this.state = { name: 'leaving', before: this.state };
      }
      this.withWebAuth(
        (webAuth) => {
          webAuth.authorize(options);
        },
        (error) => {
          if (this.state.name === 'leaving') {
            this.state = this.state.before;
          }
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

    /** Callers wait for auth0-js in call order. */
    private withWebAuth(run: (webAuth: auth0.WebAuth) => void, fail: (error: auth0.Auth0Error) => void): void {
      this.webAuth().then(run, (error: unknown) => {
        fail(loadFailure(error));
      });
    }

    /**
     * Calls run in call order once Lock is up; a failed load is reported once and retried on the next call.
     * A background load (preload) that fails is not reported: a navigation that cuts the warm-up short,
     * or a flaky network, is no error to show a visitor who has not clicked; the next show() loads again.
     */
    private withLock(run: (lock: LockInstance) => void, { background = false } = {}): void {
      const load = this.currentLoad();
      const next: LockLoad =
        load.name === 'unloaded'
          ? { name: 'loading', loaded: this.load(), awaitedByUser: !background }
          : { ...load, awaitedByUser: load.awaitedByUser || !background };
      this.state = this.state.name === 'leaving' ? { name: 'leaving', before: next } : next;
      void next.loaded.then((lock) => {
        if (lock) {
          run(lock);
        }
      });
    }

    private load(): Promise<LockInstance | undefined> {
      return loadLock().then(
        (Lock) => {
          // Constructing Lock fetches the client configuration and dictionary and runs the SSO check.
          const lock = new Lock(this.clientID, this.domain, this.options) as LockInstance;
          this.closeReset.follow(lock);
          this.settle((load) => (load.name === 'loading' ? { ...load, name: 'ready', lock } : load));
          for (const event of this.listeners.keys()) {
            this.forward(lock, event);
          }
          return lock;
        },
        (error: unknown) => {
          const report = this.awaitedByUser();
          this.settle(() => ({ name: 'unloaded' }));
          if (report && !this.emit('unrecoverable_error', error)) {
            console.error('Lock could not be loaded:', error);
          }
          return undefined;
        }
      );
    }

    /** Moves the load's state, under a `leaving` if there is one. */
    private settle(step: (load: LockLoad) => LockLoad): void {
      this.state = this.state.name === 'leaving' ? { name: 'leaving', before: step(this.state.before) } : step(this.state);
    }

    /** Lock's load, under a `leaving` if there is one. */
    private currentLoad(): LockLoad {
      return this.state.name === 'leaving' ? this.state.before : this.state;
    }

    private awaitedByUser(): boolean {
      const load = this.currentLoad();
      return load.name !== 'unloaded' && load.awaitedByUser;
    }

    /**
     * A warm-up's Lock that failed before anyone asked to see it (its client configuration cut off by a
     * navigation, a flaky network) is dropped without a word; the next show() builds a new one.
     */
    private discard(lock: LockInstance): void {
      const load = this.currentLoad();
      if (load.name !== 'ready' || load.lock !== lock) {
        return;
      }
      this.settle(() => ({ name: 'unloaded' }));
      for (const [event, forwarder] of this.forwarders) {
        lock.off(event, forwarder);
      }
      this.forwarders.clear();
    }

    private forward(lock: LockInstance, event: string): void {
      if (this.forwarders.has(event) || (this.listeners.get(event) ?? []).length === 0) {
        return;
      }
      const forwarder: Listener = (...args) => {
        if (event === 'unrecoverable_error' && !this.awaitedByUser()) {
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
