import { LockCloseReset } from './lock-close-reset';

/** Lock's own close, as auth0-lock's closeLock does it: 'hide' at once, its reset a second later. */
class ClosingLock {
  private hideListener = (): void => undefined;
  rendered = false;

  on(_event: 'hide', listener: () => void): this {
    this.hideListener = listener;
    return this;
  }

  show(): void {
    this.rendered = true;
  }

  close(): void {
    this.rendered = false;
    this.hideListener();
    setTimeout(() => {
      this.rendered = false;
    }, 1000);
  }
}

describe('LockCloseReset (Lock 14 resets a closed Lock a second later, its render flag with it)', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('shows at once a Lock never closed, or closed more than a second ago', () => {
    const lock = new ClosingLock();
    const reset = new LockCloseReset(lock);
    reset.show(() => {
      lock.show();
    });
    expect(lock.rendered).toBe(true);
    lock.close();
    jest.advanceTimersByTime(1100);
    reset.show(() => {
      lock.show();
    });
    expect(lock.rendered).toBe(true);
  });

  it('Log In within a second of closing: Lock is shown after its reset, and stays', () => {
    const lock = new ClosingLock();
    const reset = new LockCloseReset(lock);
    lock.show();
    lock.close();
    jest.advanceTimersByTime(200);
    reset.show(() => {
      lock.show();
    });
    expect(lock.rendered).toBe(false);
    jest.advanceTimersByTime(900);
    expect(lock.rendered).toBe(true);
    jest.advanceTimersByTime(5000);
    expect(lock.rendered).toBe(true);
  });
});
