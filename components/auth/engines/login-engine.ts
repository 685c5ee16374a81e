/**
 * The seam between the session and the way a user logs in: embedded Lock (engines/lock/) or
 * Universal Login (engines/universal/), chosen by engine-choice.ts. The session (AuthService, renewal, the returning visitor) calls only this; an
 * engine reports the login UI's life to SessionState itself.
 */
export interface LoginEngine {
  /** Starts a login: shows Lock, or leaves for the tenant's login page. Moves SessionState to `loggingIn`. */
  login(): void;
  /** Each login's outcome: the id_token received (checked by the session), or why it failed. */
  onLogin(authenticated: (idToken: unknown) => void, failed: (error: unknown) => void): void;
  /** A new id_token without the user, answered within `timeoutMs`: an error, or the token. */
  renew(timeoutMs: number, done: (error: unknown, idToken?: string) => void): void;
  /**
   * A new token for a returning visitor whose token expired, answered through `onLogin`: one
   * top-level `prompt=none` trip (the engine moves SessionState to `ending` as the page leaves),
   * or a refresh token used in place.
   */
  signInAgain(): void;
  /** Ends the tenant session, which sends the browser back to `returnTo`. */
  logout(returnTo: string): void;
  /** True when `url` is the tenant answering (a callback), which the run block's interception handles. */
  isCallback(url: string): boolean;
  /** The access token for the configured API `audience` (universal mode), null on failure; null itself: the APIs get the id_token. */
  apiAccessToken(): angular.IPromise<string | null> | null;
  /** Follows the engine's own events (once, from the module's run block). */
  follow(): void;
}
