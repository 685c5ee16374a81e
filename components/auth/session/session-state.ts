import type { ActiveSession } from './stored-session';

/**
 * Where the session is, one at a time:
 *  - `loggedOut`: no session;
 *  - `loggingIn`: Log In was clicked: the login engine's UI is loading (`loginPending`) or open
 *    (`loginOpen`), over no session or over one whose renewal was refused;
 *  - `authenticated`: a usable session;
 *  - `renewing`: a usable session whose renewal is in flight;
 *  - `ending`: the page is leaving for the tenant (logout, or the returning visitor's round trip).
 */
export type SessionPhase = 'loggedOut' | 'loggingIn' | 'authenticated' | 'renewing' | 'ending';

/**
 * The one owner of the session's state (AuthService's `state`): read by the views, the login
 * guard and the renewal, changed only through the named steps below.
 */
export class SessionState {
  /** The last login failure or forced logout, shown inline until the next attempt (by `<auth-error>` once Lock is closed). */
  error: string | null = null;
  /** Silent renewal was refused (`login_required`): when the session ends, on the local clock, for `<session-notice>`. */
  renewalRefusedEndsAtMs: number | null = null;
  /** The session ended because its refresh token was refused (revoked, reused, expired), for `<session-notice>` until the next login. */
  renewalRevoked = false;

  private current: SessionPhase = 'loggedOut';
  private readonly watchers: ((from: SessionPhase, to: SessionPhase) => void)[] = [];
  private loginUiOpen = false;
  private held: ActiveSession | null = null;

  get phase(): SessionPhase {
    return this.current;
  }

  /** The session in hand: authenticated, renewing, or under a login started over it. */
  get session(): ActiveSession | null {
    return this.held;
  }

  /** From Log In until the login UI is shown or fails to load: the first Log In downloads Lock. */
  get loginPending(): boolean {
    return this.current === 'loggingIn' && !this.loginUiOpen;
  }

  /** While the login UI (Lock's widget) is open, it shows login failures itself. */
  get loginOpen(): boolean {
    return this.current === 'loggingIn' && this.loginUiOpen;
  }

  /** A renewal may go out now: not while a login is under way (the answer could be for the user logging in), nor while leaving. */
  mayRenew(): boolean {
    return this.current === 'authenticated' || this.current === 'renewing';
  }

  /** Called on each change of phase (after it), e.g. renewal resuming once a login UI closes. */
  onPhaseChange(watcher: (from: SessionPhase, to: SessionPhase) => void): void {
    this.watchers.push(watcher);
  }

  /** Log In clicked: an open login UI stays open (Lock emits no second `show`). */
  loggingIn(): void {
    this.error = null;
    this.renewalRevoked = false;
    this.loginUiOpen = this.loginOpen;
    this.enter('loggingIn');
  }

  /** The login UI is up: after Log In, or shown by the app itself (`lock.show()`). */
  loginUiShown(): void {
    if (this.current !== 'ending') {
      this.enter('loggingIn');
      this.loginUiOpen = true;
    }
  }

  /** The login UI closed, or failed to load: back to the session in hand, if any. */
  loginUiClosed(): void {
    if (this.current === 'loggingIn') {
      this.loginUiOpen = false;
      this.enter(this.held ? 'authenticated' : 'loggedOut');
    }
  }

  /** A session from a login: whatever was under way is done. */
  loggedIn(session: ActiveSession): void {
    this.held = session;
    this.renewalRevoked = false;
    this.loginUiOpen = false;
    this.enter('authenticated');
  }

  /** The session in hand, resumed or renewed (page load, another tab): a login or a leave under way goes on. */
  resumed(session: ActiveSession): void {
    this.held = session;
    if (this.current === 'loggedOut' || this.current === 'renewing') {
      this.enter('authenticated');
    }
  }

  /** A renewal goes out (the caller asked `mayRenew()` first). */
  renewing(): void {
    if (this.current === 'authenticated') {
      this.enter('renewing');
    }
  }

  /** A renewal answered, whatever it said. */
  renewalAnswered(): void {
    if (this.current === 'renewing') {
      this.enter('authenticated');
    }
  }

  /** The session ended here: a login or a leave under way goes on, without a session under it. */
  loggedOut(): void {
    this.held = null;
    this.renewalRefusedEndsAtMs = null;
    if (this.current !== 'loggingIn' && this.current !== 'ending') {
      this.enter('loggedOut');
    }
  }

  /** The page leaves for the tenant. */
  ending(): void {
    this.enter('ending');
  }

  private enter(phase: SessionPhase): void {
    const from = this.current;
    this.current = phase;
    if (from !== phase) {
      for (const watcher of this.watchers) {
        watcher(from, phase);
      }
    }
  }
}
