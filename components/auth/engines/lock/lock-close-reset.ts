// Lock 14 closes a modal Lock on one-second timers (auth0-lock's lib/core/actions.js closeLock and
// lib/ui/box.js Renderer.remove): it stops rendering at once, and a second later unmounts the widget
// and resets its transient state, the render flag among it. Each change of Lock's state in that
// second (its client configuration arriving, say) queues one more unmount, a second after it. A
// show() before the last of them ran was undone with no 'hide' event: Log In just after closing Lock
// showed nothing, or Lock for a moment, and the module took Lock for open. So a show() after a close
// waits until the widget has left the page (the first unmount: no change after it queues another),
// then a moment; a second more if Lock was still loading or submitting when it closed, as only then
// can a change of its state (an answer) come mid-close.

/** Lock's timers. */
const LOCK_CLOSE_STEP_MS = 1000;
/** Lock's loading screen (its client configuration, SSO data or dictionary on their way), or a login under way. */
const AWAITING_ANSWER = '.auth0-loading-screen, .auth0-lock-mode-loading';
/** Ours end after Lock's. */
const MARGIN_MS = 50;
/** Should the widget never leave the page (not Lock's own close), a show() waits no longer than this. */
const GIVE_UP_MS = 3 * LOCK_CLOSE_STEP_MS;

interface LockEvents {
  on(event: 'hide', listener: () => void): unknown;
}

export class LockCloseReset {
  /** From a 'hide' until the widget has left the page. */
  private closing = false;
  /** Lock closed while awaiting an answer, which may change its state mid-close. */
  private closedAwaitingAnswer = false;
  private settledAtMs = Number.NEGATIVE_INFINITY;
  /** The last show() asked for while Lock closes: each is the same Lock's show. */
  private waitingShow: (() => void) | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopWatching: (() => void) | undefined;

  constructor(private readonly document: Document) {}

  /** The Lock whose closes to follow: one. */
  follow(lock: LockEvents): void {
    lock.on('hide', () => {
      this.closing = true;
      this.closedAwaitingAnswer = this.document.querySelector(AWAITING_ANSWER) !== null;
      this.watchUntilGone();
    });
  }

  /** Runs `show` now, or once Lock's close has run its course. */
  show(show: () => void): void {
    this.waitingShow = show;
    this.showWhenSettled();
  }

  private showWhenSettled(): void {
    const show = this.waitingShow;
    if (this.closing || !show) {
      return;
    }
    const waitMs = this.settledAtMs - Date.now();
    if (waitMs > 0) {
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.showWhenSettled();
      }, waitMs);
      return;
    }
    this.waitingShow = null;
    show();
  }

  private watchUntilGone(): void {
    this.stopWatching?.();
    const gone = (): boolean => this.document.querySelector('.auth0-lock') === null;
    const settle = (): void => {
      this.stopWatching?.();
      this.closing = false;
      this.settledAtMs = Date.now() + (this.closedAwaitingAnswer ? LOCK_CLOSE_STEP_MS : 0) + MARGIN_MS;
      this.showWhenSettled();
    };
    if (gone()) {
      settle();
      return;
    }
    const observer = new MutationObserver(() => {
      if (gone()) settle();
    });
    observer.observe(this.document.body, { childList: true, subtree: true });
    const giveUp = setTimeout(settle, GIVE_UP_MS);
    this.stopWatching = () => {
      observer.disconnect();
      clearTimeout(giveUp);
      this.stopWatching = undefined;
    };
  }
}
