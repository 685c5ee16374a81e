import type { AuthStatus } from './auth-status';

/** Lock's widget as the views see it: loading after Log In (its chunk is fetched on the first one), open, or failed. */
export class LockWidget {
  static $inject = ['lock', '$log', 'authStatus'];

  /** From `show()` until Lock is shown or fails to load. */
  loginPending = false;
  /** While Lock's widget is open it shows login failures itself. */
  lockOpen = false;
  private following = false;

  constructor(
    private readonly lock: angular.lock.ILockService,
    private readonly $log: angular.ILogService,
    private readonly status: AuthStatus
  ) {}

  show(): void {
    this.status.error = null;
    // An open Lock emits no second `show` that would end the wait.
    this.loginPending = !this.lockOpen;
    this.lock.show();
  }

  /** Follows Lock's `show`, `hide` and `unrecoverable_error` events. Once. */
  follow(): void {
    if (this.following) {
      return;
    }
    this.following = true;
    this.lock.on('show', () => {
      this.loginPending = false;
      this.lockOpen = true;
    });
    this.lock.on('hide', () => {
      this.loginPending = false;
      this.lockOpen = false;
    });
    // Its chunk or its client configuration failed to load. With a listener Lock no longer throws
    // it, nor does the stand-in log it: both are done here.
    this.lock.on('unrecoverable_error', (error: unknown) => {
      this.loginPending = false;
      this.status.error = 'The login form could not be loaded. Please try again.';
      this.$log.error('Lock:', error);
    });
  }
}
