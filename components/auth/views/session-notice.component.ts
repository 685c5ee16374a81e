import type { AuthService } from '../auth.service';
import type { SessionState } from '../session/session-state';
import type { StoredSession } from '../session/stored-session';
import type { AuthSessionSettings } from '../settings/auth-session.options';

/** What the logged-in user should know about the session's end: a refused renewal (with its time), or a session kept in memory only. */
export class SessionNoticeController {
  static $inject = ['authService', 'sessionState', 'storedSession', 'authSession'];

  constructor(
    readonly authService: AuthService,
    private readonly state: SessionState,
    private readonly storedSession: StoredSession,
    private readonly settings: Pick<AuthSessionSettings, 'tokenStorage'>
  ) {}

  /** When the session ends (ms, local clock), now that renewal was refused (`login_required`); else null. */
  renewalRefusedEndsAt(): number | null {
    return this.authService.isAuthenticated() ? this.state.renewalRefusedEndsAtMs : null;
  }

  /** The same, for `<time datetime>`. */
  renewalRefusedEndsAtIso(): string {
    const endsAtMs = this.renewalRefusedEndsAt();
    return endsAtMs === null ? '' : new Date(endsAtMs).toISOString();
  }

  /** The session just ended because its refresh token was refused (revoked elsewhere, reused, or expired). */
  revoked(): boolean {
    return !this.authService.isAuthenticated() && this.state.renewalRevoked;
  }

  /** Storage refused the token: the session lives in this tab only (which `tokenStorage: 'memory'` asked for, and needs no notice). */
  memoryOnly(): boolean {
    return this.authService.isAuthenticated() && !this.storedSession.persistent() && this.settings.tokenStorage !== 'memory';
  }
}

/** `<session-notice>`: beside `<auth-error>`, on every page. */
export const sessionNoticeComponent: angular.IComponentOptions = {
  template: `<div class="session-notice" role="status">
  <p class="session-notice-text" ng-if="$ctrl.renewalRefusedEndsAt()">
    Your session could not be renewed: it ends at
    <time datetime="{{ $ctrl.renewalRefusedEndsAtIso() }}">{{ $ctrl.renewalRefusedEndsAt() | date: 'mediumTime' }}</time>.
    <button type="button" class="btn btn-primary" ng-click="$ctrl.authService.login()" aria-busy="{{ $ctrl.authService.loginPending }}">Log in again</button>
  </p>
  <p class="session-notice-text" ng-if="$ctrl.revoked()">
    Your session has ended: it could no longer be renewed (you may have logged out elsewhere).
    <button type="button" class="btn btn-primary" ng-click="$ctrl.authService.login()" aria-busy="{{ $ctrl.authService.loginPending }}">Log in again</button>
  </p>
  <p class="session-notice-text" ng-if="$ctrl.memoryOnly()">
    This browser does not let the site store your session: it lasts while this tab is open, and reloading the page will log you out.
  </p>
</div>`,
  controller: SessionNoticeController
};
