// Lock 14 closes a modal Lock in two steps (auth0-lock's lib/core/actions.js, closeLock): it stops
// rendering at once, and a second later resets the widget's transient state, which holds its render
// flag too. A show() in that second renders Lock, then the reset takes it away, with no 'hide' event:
// Log In clicked just after closing Lock showed nothing (or Lock for a moment), and the module took
// Lock for open. A show() in that second waits for the reset.

/** closeLock's setTimeout. */
const LOCK_RESETS_AFTER_CLOSE_MS = 1000;
/** Our timer ends after Lock's, which started a moment before the 'hide' event it sent. */
const AFTER_RESET_MS = 50;

interface LockEvents {
  on(event: 'hide', listener: () => void): unknown;
}

export class LockCloseReset {
  private closedAtMs = Number.NEGATIVE_INFINITY;

  constructor(lock: LockEvents) {
    lock.on('hide', () => {
      this.closedAtMs = Date.now();
    });
  }

  /** Runs `show` now, or once the reset of a Lock closed less than a second ago has run. */
  show(show: () => void): void {
    const waitMs = this.closedAtMs + LOCK_RESETS_AFTER_CLOSE_MS + AFTER_RESET_MS - Date.now();
    if (waitMs > 0) {
      setTimeout(show, waitMs);
    } else {
      show();
    }
  }
}
