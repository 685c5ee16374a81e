/**
 * The seam between the session and the way a user logs in: Lock today (engines/lock/), Universal
 * Login next. The session (AuthService, renewal, the returning visitor) calls only this; an
 * engine reports the login UI's life to SessionState itself.
 */
export interface LoginEngine {
  /** Starts a login: shows Lock, or leaves for the tenant's login page. */
  login(): void;
  /** Each login's outcome: the id_token received (checked by the session), or why it failed. */
  onLogin(authenticated: (idToken: unknown) => void, failed: (error: unknown) => void): void;
  /** A new id_token without the user, answered within `timeoutMs`: an error, or the token. */
  renew(timeoutMs: number, done: (error: unknown, idToken?: string) => void): void;
  /** One top-level `prompt=none` trip to the tenant: it comes back through the callback. */
  signInAgain(): void;
  /** Ends the tenant session, which sends the browser back to `returnTo`. */
  logout(returnTo: string): void;
  /** True when `url` is the tenant answering (a callback), which the run block's interception handles. */
  isCallback(url: string): boolean;
  /** Follows the engine's own events (once, from the module's run block). */
  follow(): void;
}
