import type { SessionState } from '../../session/session-state';
import type { AuthSessionSettings } from '../../settings/auth-session.options';
import { tenantOrigin } from '../../settings/auth-session.options';
import { refreshTokenGone } from '../../renewal/renewal-timing';
import type { LoginEngine } from '../login-engine';
import { afterRenderWhenIdle } from '../when-idle';
import { isCodeCallback, type UniversalCallback } from './callback-address';
import { STATE_MISMATCH, isForgedErrorAnswer, rememberLoginState } from './login-state';
import type { SpaClient, SpaClientLoader } from './spa-client';

export const LOGIN_PAGE_UNREACHABLE_MESSAGE = 'The login page could not be opened. Please try again.';

/** What a returning visitor whose refresh token could not be used (the tenant unreachable) reports: only a login helps now. */
const NOT_RESUMED = { error: 'login_required', error_description: 'The refresh token could not be used; the visitor may log in again.' };

type Authenticated = (idToken: unknown) => void;
type Failed = (error: unknown) => void;

/**
 * Universal Login as the login engine, on auth0-spa-js: Log In leaves, top-level, for the tenant's
 * login page; its answer comes back in the callback's query, handled by the run block's
 * `lock.interceptHash()`; renewal and the returning visitor use the rotating refresh token.
 * Promises come back into AngularJS through `$q`, so every callback runs in a digest.
 */
export class UniversalEngine implements LoginEngine {
  static $inject = ['spaClient', 'universalCallback', 'authSession', '$q', '$window', '$timeout', '$log', 'sessionState'];

  private authenticated: Authenticated = () => undefined;
  private failed: Failed = () => undefined;
  private following = false;
  private intercepted = false;

  constructor(
    private readonly spaClient: SpaClientLoader,
    private readonly callback: UniversalCallback,
    private readonly settings: AuthSessionSettings,
    private readonly $q: angular.IQService,
    private readonly $window: angular.IWindowService,
    private readonly $timeout: angular.ITimeoutService,
    private readonly $log: angular.ILogService,
    private readonly state: SessionState
  ) {}

  login(): void {
    this.state.loggingIn();
    this.leaveForLoginPage({}, (error) => {
      this.state.loginUiClosed();
      this.state.error = LOGIN_PAGE_UNREACHABLE_MESSAGE;
      this.$log.error('auth0-spa-js:', error);
    });
  }

  onLogin(authenticated: Authenticated, failed: Failed): void {
    this.authenticated = authenticated;
    this.failed = failed;
  }

  /** The refresh token's grant, the SDK's cache bypassed: a fresh id_token (and a rotated refresh token); `timeout` past `timeoutMs`. */
  renew(timeoutMs: number, done: (error: unknown, idToken?: string) => void): void {
    let answered = false;
    const answerOnce = (answer: () => void): void => {
      if (!answered) {
        answered = true;
        this.$timeout.cancel(timer);
        answer();
      }
    };
    const timer = this.$timeout(
      () => {
        answerOnce(() => {
          done({ error: 'timeout', error_description: `No answer from the tenant within ${String(timeoutMs)} ms.` });
        });
      },
      timeoutMs,
      false
    );
    this.withClient((client) => client.getTokenSilently({ cacheMode: 'off', detailedResponse: true })).then(
      (response) => {
        answerOnce(() => {
          done(null, response?.id_token);
        });
      },
      (error: unknown) => {
        answerOnce(() => {
          done(error);
        });
      }
    );
  }

  /**
   * A returning visitor: the refresh token in place. Without a usable one (none kept, or refused),
   * one top-level `prompt=none` trip. A tenant that cannot be reached is not left for (the browser
   * would show its own error page): the visitor stays on the app, logged out, as after a refusal.
   */
  signInAgain(): void {
    this.withClient((client) => client.getTokenSilently({ cacheMode: 'off', detailedResponse: true })).then(
      (response) => {
        this.authenticated(response?.id_token);
      },
      (error: unknown) => {
        if (!refreshTokenGone(error)) {
          this.$log.warn('The session could not be resumed with the refresh token:', error);
          this.failed(NOT_RESUMED);
          return;
        }
        this.state.ending();
        this.leaveForLoginPage({ prompt: 'none' }, (leaveError) => {
          this.failed(leaveError);
        });
      }
    );
  }

  /** Revokes the refresh token, then ends the tenant session (`/v2/logout`), which sends the browser to `returnTo`. */
  logout(returnTo: string): void {
    this.withClient(async (client) => {
      await client.revokeRefreshToken().catch((error: unknown) => {
        this.$log.warn('The refresh token could not be revoked:', error);
      });
      await client.logout({ logoutParams: { returnTo } });
    }).catch(() => {
      // Without the SDK the tenant session still ends; the refresh token then lives out its lifetime.
      const query = new URLSearchParams({ client_id: this.settings.clientID, returnTo });
      this.$window.location.assign(`${tenantOrigin(this.settings)}/v2/logout?${query.toString()}`);
    });
  }

  /** From the SDK's cache while it lasts, else through the refresh token; the request goes without one if that fails (its 401 then counts). */
  apiAccessToken(): angular.IPromise<string | null> | null {
    if (this.settings.audience === undefined) {
      return null;
    }
    return this.withClient((client) => client.getTokenSilently()).then(
      (token) => token ?? null,
      () => null
    );
  }

  isCallback(url: string): boolean {
    return this.callback.url !== null || isCodeCallback(url, this.settings.callbackUrl);
  }

  /** The run block's `lock.interceptHash()`: the tenant's answer taken at boot (callback-address.ts) is exchanged for tokens. Once. */
  interceptCallback(): void {
    const url = this.callback.url;
    if (this.intercepted || url === null) {
      return;
    }
    this.intercepted = true;
    this.callback.url = null;
    if (isForgedErrorAnswer(this.$window, url)) {
      this.failed(STATE_MISMATCH);
      return;
    }
    this.withClient(async (client) => {
      await client.handleRedirectCallback(url);
      return client.getIdTokenClaims();
    }).then(
      (claims) => {
        this.authenticated(claims?.__raw);
      },
      (error: unknown) => {
        this.failed(error);
      }
    );
  }

  /** Fetches the SDK once the page is up and the browser idle, so that Log In does not wait for it; and un-sticks a page restored from the back-forward cache. */
  follow(): void {
    if (this.following) {
      return;
    }
    this.following = true;
    this.$window.addEventListener('pageshow', (event: PageTransitionEvent) => {
      if (event.persisted) {
        this.$timeout(() => {
          this.state.loginUiClosed();
        });
      }
    });
    afterRenderWhenIdle(this.$window, this.$timeout, () => {
      this.spaClient().catch(() => undefined);
    });
  }

  private leaveForLoginPage(params: { prompt?: 'none' }, failed: (error: unknown) => void): void {
    const openUrl = (url: string): void => {
      rememberLoginState(this.$window, url);
      this.$window.location.assign(url);
    };
    this.withClient((client) => client.loginWithRedirect({ authorizationParams: params, openUrl })).catch(failed);
  }

  /** The SDK's work, its answer back in a digest. */
  private withClient<T>(work: (client: SpaClient) => Promise<T>): angular.IPromise<T> {
    return this.$q.when(this.spaClient().then(work));
  }
}
