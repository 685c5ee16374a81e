/**
 * Lock 14 is a modal that does not hold the keyboard focus. It calls focus() on its first field
 * while that field is still `visibility: hidden` (its slide-in state update lands later under
 * React 18), so the focus stays behind the overlay on the button that opened it; and Tab walks
 * out of Lock into the page under it. While Lock is open this moves the focus into Lock as Lock
 * renders, keeps Tab and Shift+Tab within it, and gives the focus back when Lock closes.
 */
import type { AuthSessionSettings } from '../../settings/auth-session.options';

/** Lock's slide-in takes about a second; its client configuration may take longer to arrive. */
const GIVE_UP_MS = 10_000;
const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

export class LockFocus {
  static $inject = ['$window', '$timeout', 'lock', 'authSession'];

  private opener: HTMLElement | null = null;
  private stopWatching: (() => void) | undefined;
  private following = false;
  private readonly keepTabInLock = (event: KeyboardEvent): void => {
    this.onTab(event);
  };

  constructor(
    private readonly $window: angular.IWindowService,
    private readonly $timeout: angular.ITimeoutService,
    private readonly lock: angular.lock.ILockService,
    private readonly settings: AuthSessionSettings
  ) {}

  /** Once, from the module's run block. */
  follow(): void {
    if (this.following) {
      return;
    }
    this.following = true;
    this.lock.on('show', () => {
      // Whatever opened Lock (Log In, usually): the focus goes back there when Lock closes.
      const active = this.$window.document.activeElement;
      this.opener = active && 'focus' in active ? (active as HTMLElement) : null;
      this.$window.document.addEventListener('keydown', this.keepTabInLock, true);
      this.watch();
    });
    this.lock.on('hide', () => {
      this.stopWatching?.();
      this.$window.document.removeEventListener('keydown', this.keepTabInLock, true);
      const active = this.$window.document.activeElement;
      if (this.opener?.isConnected && (active === null || active === this.$window.document.body || this.widget()?.contains(active))) {
        this.opener.focus();
      }
      this.opener = null;
    });
  }

  /**
   * Follows Lock's rendering (DOM changes, so no frame passes with the focus under the overlay):
   * the focus goes to Lock's close button as soon as it is there, then to its first field once that
   * can take it, unless the user moved the focus meanwhile. Where Lock does not focus its first
   * field (small screens: a virtual keyboard would pop up), to the close button only.
   */
  private watch(): void {
    this.stopWatching?.();
    let placed: Element | null = null;
    const check = (): void => {
      const widget = this.widget();
      const active = this.$window.document.activeElement;
      if (!widget) {
        return;
      }
      if (widget.contains(active) && active !== placed) {
        stop();
        return;
      }
      const close = this.focusable(widget.querySelector('.auth0-lock-close-button'));
      const field = this.autofocuses() ? this.focusable(widget.querySelector('input')) : close;
      const target = field ?? (active === placed ? null : close);
      target?.focus();
      if (target && this.$window.document.activeElement === target) {
        placed = target;
        if (target === field) {
          stop();
        }
      }
    };
    // $window is typed with an index signature: the constructor's own type, from the global scope's.
    const { MutationObserver: Observer } = this.$window as unknown as typeof globalThis;
    const observer = new Observer(check);
    observer.observe(this.$window.document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class', 'style'] });
    const timer = this.$timeout(
      () => {
        stop();
      },
      GIVE_UP_MS,
      false
    );
    const stop = (): void => {
      observer.disconnect();
      this.$timeout.cancel(timer);
      this.stopWatching = undefined;
    };
    this.stopWatching = stop;
    check();
  }

  /** Tab past Lock's last element goes to its first, Shift+Tab before its first to its last; from outside Lock, into it. */
  private onTab(event: KeyboardEvent): void {
    const widget = this.widget();
    if (event.key !== 'Tab' || !widget) {
      return;
    }
    const tabbable = Array.from(widget.querySelectorAll<HTMLElement>(TABBABLE)).filter(
      (element) => element.tabIndex >= 0 && element.getClientRects().length > 0 && this.focusable(element)
    );
    const first: HTMLElement | undefined = tabbable[0];
    const last: HTMLElement | undefined = tabbable[tabbable.length - 1];
    const active = this.$window.document.activeElement;
    const inside = widget.contains(active);
    let wrapTo: HTMLElement | undefined;
    if (!inside) {
      wrapTo = first;
    } else if (event.shiftKey && active === first) {
      wrapTo = last;
    } else if (!event.shiftKey && active === last) {
      wrapTo = first;
    }
    // Nothing in Lock to go to yet (its form is still sliding in): the focus stays where it is.
    if (wrapTo || tabbable.length === 0) {
      event.preventDefault();
      wrapTo?.focus();
    }
  }

  /** The element if it can take the focus now (Lock's hidden states are `visibility: hidden`). */
  private focusable(element: HTMLElement | null): HTMLElement | null {
    return element && this.$window.getComputedStyle(element).visibility === 'visible' ? element : null;
  }

  private widget(): HTMLElement | null {
    return this.$window.document.querySelector<HTMLElement>('.auth0-lock-widget');
  }

  /** Where Lock itself means to focus its first field (core/index.js): not in a page's container nor on a small screen. */
  private autofocuses(): boolean {
    const { autofocus, container } = this.settings.lockOptions;
    // Lock's isSmallScreen (utils/media_utils.js): without matchMedia (jsdom), a large screen.
    const media = this.$window as Partial<Pick<Window, 'matchMedia'>>;
    const smallScreen = media.matchMedia?.('(min-width: 380px)').matches === false;
    return autofocus ?? (!container && !smallScreen);
  }
}
