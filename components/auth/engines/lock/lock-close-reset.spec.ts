import { LockCloseReset } from './lock-close-reset';

/**
 * A modal Lock that closes as Lock 14 does (auth0-lock's closeLock and Renderer.remove), in the
 * page: 'hide' on the next task; each removal while the widget is in the page hides it and unmounts
 * the widget in the page a second later; a second after the close, the reset drops the render flag (one more removal).
 */
class ClosingLock {
  private hideListener = (): void => undefined;
  private rendering = false;
  private widget: HTMLElement | null = null;
  /** Set when the widget is mounted; a removal clears it, and rendering into the same widget does not set it again. */
  private open = false;
  /** Its client configuration on its way: the widget shows Lock's loading screen. */
  loading = false;

  on(_event: 'hide', listener: () => void): this {
    this.hideListener = listener;
    return this;
  }

  /** What the user sees. */
  get visible(): boolean {
    return this.rendering && this.open && this.widget?.isConnected === true;
  }

  show(): void {
    if (this.rendering) return;
    this.rendering = true;
    this.changed();
  }

  close(): void {
    if (!this.rendering) return;
    setTimeout(this.hideListener, 0);
    this.rendering = false;
    this.changed();
    setTimeout(() => {
      this.changed();
    }, 1000);
  }

  /** Lock's state changed (the close's reset, its client configuration arriving): rendered, or removed. */
  changed(): void {
    if (this.rendering) {
      if (!this.widget) {
        this.widget = document.createElement('div');
        this.widget.className = 'auth0-lock';
        document.body.append(this.widget);
        this.open = true;
      }
      this.widget.innerHTML = this.loading ? '<div class="auth0-loading-screen"></div>' : '<form></form>';
    } else if (this.widget) {
      this.open = false;
      // Unmounts whatever widget is in the page by then, as Lock's renderer does (its container's root).
      setTimeout(() => {
        this.widget?.remove();
        this.widget = null;
      }, 1000);
    }
  }
}

describe('LockCloseReset (Lock 14 closes on one-second timers that undo a show() in between)', () => {
  let lock: ClosingLock;
  let reset: LockCloseReset;
  const logIn = (): void => {
    reset.show(() => {
      lock.show();
    });
  };

  beforeEach(() => {
    jest.useFakeTimers();
    lock = new ClosingLock();
    reset = new LockCloseReset(document);
    reset.follow(lock);
  });
  afterEach(() => {
    jest.useRealTimers();
    document.body.replaceChildren();
  });

  it('shows at once a Lock never closed, or one whose close ended', async () => {
    logIn();
    expect(lock.visible).toBe(true);
    lock.close();
    await jest.advanceTimersByTimeAsync(2100);
    logIn();
    expect(lock.visible).toBe(true);
  });

  it('Log In within a second of closing: Lock is shown after the close, and stays', async () => {
    logIn();
    lock.close();
    await jest.advanceTimersByTimeAsync(200);
    logIn();
    expect(lock.visible).toBe(false);
    await jest.advanceTimersByTimeAsync(2000);
    expect(lock.visible).toBe(true);
    await jest.advanceTimersByTimeAsync(5000);
    expect(lock.visible).toBe(true);
  });

  it('Log In just after the widget left, Lock closed with its form shown: Lock is shown a moment later, and stays', async () => {
    logIn();
    lock.close();
    await jest.advanceTimersByTimeAsync(1010);
    expect(document.querySelector('.auth0-lock')).toBeNull();
    logIn();
    await jest.advanceTimersByTimeAsync(60);
    expect(lock.visible).toBe(true);
    await jest.advanceTimersByTimeAsync(5000);
    expect(lock.visible).toBe(true);
  });

  it("Log In just after the widget left, Lock closed while loading and its configuration arriving mid-close: Lock is shown once that change's unmount ran, and stays", async () => {
    lock.loading = true;
    logIn();
    lock.close();
    await jest.advanceTimersByTimeAsync(500);
    lock.loading = false;
    lock.changed();
    await jest.advanceTimersByTimeAsync(520);
    expect(document.querySelector('.auth0-lock')).toBeNull();
    logIn();
    await jest.advanceTimersByTimeAsync(1100);
    expect(lock.visible).toBe(true);
    await jest.advanceTimersByTimeAsync(5000);
    expect(lock.visible).toBe(true);
  });

  it("a 'hide' whose widget never leaves the page holds a show() back a few seconds, not for ever", async () => {
    logIn();
    document.body.append(Object.assign(document.createElement('div'), { className: 'auth0-lock' }));
    const shown = jest.fn();
    lock.close();
    await jest.advanceTimersByTimeAsync(10);
    reset.show(shown);
    await jest.advanceTimersByTimeAsync(3000);
    expect(shown).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1100);
    expect(shown).toHaveBeenCalledTimes(1);
  });
});
