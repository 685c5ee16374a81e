import type { SessionState } from '../../session/session-state';
import type { LoginEngine } from '../login-engine';
import { CALLBACK_HASH } from './callback-hash';
import type { LockFocus } from './lock-focus';

export const LOCK_LOAD_FAILED_MESSAGE = 'The login form could not be loaded. Please try again.';

/**
 * Lock as the login engine, through angular-lock's `lock` service (callbacks in a digest): the
 * widget for logging in, auth0-js's checkSession for renewal, a top-level redirect for the
 * returning visitor. Lock's widget events move SessionState's login UI.
 */
export class LockEngine implements LoginEngine {
  static $inject = ['lock', '$log', 'sessionState', 'lockFocus'];

  private following = false;

  constructor(
    private readonly lock: angular.lock.ILockService,
    private readonly $log: angular.ILogService,
    private readonly state: SessionState,
    private readonly lockFocus: LockFocus
  ) {}

  login(): void {
    this.state.loggingIn();
    this.lock.show();
  }

  onLogin(authenticated: (idToken: unknown) => void, failed: (error: unknown) => void): void {
    this.lock.on('authenticated', (authResult: AuthResult) => {
      authenticated(authResult.idToken);
    });
    this.lock.on('authorization_error', (error: auth0.Auth0Error) => {
      failed(error);
    });
  }

  renew(timeoutMs: number, done: (error: unknown, idToken?: string) => void): void {
    this.lock.checkSession({ timeout: timeoutMs }, (error: auth0.Auth0Error | null, authResult: AuthResult | undefined) => {
      done(error, typeof authResult?.idToken === 'string' ? authResult.idToken : undefined);
    });
  }

  signInAgain(): void {
    this.state.ending();
    this.lock.authorize({ prompt: 'none' });
  }

  logout(returnTo: string): void {
    this.lock.logout({ returnTo });
  }

  /** Lock mode sends the APIs the id_token, as the tutorial does. */
  apiAccessToken(): null {
    return null;
  }

  isCallback(url: string): boolean {
    return CALLBACK_HASH.test(new URL(url).hash);
  }

  /** Follows Lock's `show`, `hide` and `unrecoverable_error` events, and keeps the keyboard's focus with Lock. Once. */
  follow(): void {
    if (this.following) {
      return;
    }
    this.following = true;
    this.lockFocus.follow();
    this.lock.on('show', () => {
      this.state.loginUiShown();
    });
    this.lock.on('hide', () => {
      this.state.loginUiClosed();
    });
    // Its chunk or its client configuration failed to load. With a listener Lock no longer throws
    // it, nor does the stand-in log it: both are done here.
    this.lock.on('unrecoverable_error', (error: unknown) => {
      this.state.loginUiClosed();
      this.state.error = LOCK_LOAD_FAILED_MESSAGE;
      this.$log.error('Lock:', error);
    });
  }
}
