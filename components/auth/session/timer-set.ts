/** setTimeout's ceiling (~24.8 days); longer waits are chained. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Timers at given times on the local clock, through $timeout so a digest follows and tests can
 * flush them; `cancel()` drops them all (logout, a new token).
 */
export class TimerSet {
  private pending: angular.IPromise<void>[] = [];

  constructor(private readonly $timeout: angular.ITimeoutService) {}

  at(whenMs: number, callback: () => void, nowMs = Date.now()): void {
    const delay = Math.max(0, whenMs - nowMs);
    const wait = Math.min(delay, MAX_TIMER_MS);
    const timer = this.$timeout(() => {
      this.pending = this.pending.filter((other) => other !== timer);
      if (wait < delay) {
        this.at(whenMs, callback, nowMs + wait);
      } else {
        callback();
      }
    }, wait);
    this.pending.push(timer);
  }

  cancel(): void {
    for (const timer of this.pending) {
      this.$timeout.cancel(timer);
    }
    this.pending = [];
  }
}
