import { startSessionApp, type TestApp } from '../../testing/session-test-app';

/** MutationObserver callbacks run as microtasks. */
const rendered = (): Promise<void> => Promise.resolve();

describe('lockFocus: the focus goes into Lock as it renders, stays there, and comes back when Lock closes', () => {
  let app: TestApp;
  let $timeout: angular.ITimeoutService;
  let logIn: HTMLButtonElement;
  let wideScreen: boolean;

  /** Lock's widget as it renders: its first field hidden until its slide-in lands. */
  function renderLock(fieldVisibility: 'hidden' | 'visible'): { close: HTMLElement; field: HTMLInputElement; screen: HTMLElement } {
    document.body.insertAdjacentHTML(
      'beforeend',
      '<main class="auth0-lock-container"><form class="auth0-lock-widget"><span class="auth0-lock-close-button" tabindex="0"></span>' +
        `<div class="screen" style="visibility: ${fieldVisibility}"><input name="email" /></div></form></main>`
    );
    const close = document.querySelector<HTMLElement>('.auth0-lock-close-button');
    const field = document.querySelector<HTMLInputElement>('.auth0-lock-widget input');
    const screen = document.querySelector<HTMLElement>('.auth0-lock-widget .screen');
    if (!close || !field || !screen) throw new Error('Lock did not render');
    return { close, field, screen };
  }

  beforeEach(() => {
    localStorage.clear();
    document.body.innerHTML = '<button type="button">Log In</button>';
    wideScreen = true;
    Object.defineProperty(window, 'matchMedia', {
      configurable: true,
      value: (query: string) => ({ matches: query === '(min-width: 380px)' && wideScreen })
    });
    app = startSessionApp();
    $timeout = app.injector.get<angular.ITimeoutService>('$timeout');
    logIn = document.querySelector('button') as HTMLButtonElement;
    logIn.focus();
  });

  afterEach(() => {
    // Lock closed: its keydown listener leaves the document, which outlives each test's app.
    app.lock.emit('hide');
  });

  it("takes the focus from under the overlay as Lock renders (its close button), then to Lock's first field once it can take it", async () => {
    app.lock.emit('show');
    await rendered();
    expect(document.activeElement).toBe(logIn);
    const { close, field, screen } = renderLock('hidden');
    await rendered();
    expect(document.activeElement).toBe(close);
    screen.style.visibility = 'visible';
    await rendered();
    expect(document.activeElement).toBe(field);
    $timeout.verifyNoPendingTasks();
  });

  it('leaves the focus where the user moved it in Lock', async () => {
    app.lock.emit('show');
    const { screen } = renderLock('hidden');
    await rendered();
    const signUp = document.createElement('a');
    signUp.href = '#';
    screen.before(signUp);
    signUp.focus();
    screen.style.visibility = 'visible';
    await rendered();
    expect(document.activeElement).toBe(signUp);
    $timeout.verifyNoPendingTasks();
  });

  it('focuses the close button only on small screens, where Lock keeps the virtual keyboard down', async () => {
    wideScreen = false;
    app.lock.emit('show');
    const { close } = renderLock('visible');
    await rendered();
    expect(document.activeElement).toBe(close);
  });

  it('takes a browser without matchMedia for a large screen, as Lock does', async () => {
    Object.defineProperty(window, 'matchMedia', { configurable: true, value: undefined });
    app.lock.emit('show');
    const { field } = renderLock('visible');
    await rendered();
    expect(document.activeElement).toBe(field);
  });

  it('stops following Lock after a while', async () => {
    app.lock.emit('show');
    $timeout.flush(10_000);
    renderLock('visible');
    await rendered();
    expect(document.activeElement).toBe(logIn);
  });

  describe('Tab and Shift+Tab stay within Lock while it is open', () => {
    /** Presses Tab as the browser would see it first; whether the page let the browser move the focus. */
    function tab(shiftKey = false): boolean {
      const event = new KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, cancelable: true });
      document.activeElement?.dispatchEvent(event);
      return !event.defaultPrevented;
    }

    beforeEach(() => {
      // jsdom lays nothing out: every element has a box here.
      jest.spyOn(HTMLElement.prototype, 'getClientRects').mockReturnValue([new DOMRect(0, 0, 10, 10)] as unknown as DOMRectList);
    });

    afterEach(() => {
      jest.restoreAllMocks();
    });

    it('from the last element to the first and back, the others left to the browser', async () => {
      app.lock.emit('show');
      const { close, field } = renderLock('visible');
      await rendered();
      expect(document.activeElement).toBe(field);
      expect(tab()).toBe(false);
      expect(document.activeElement).toBe(close);
      expect(tab(true)).toBe(false);
      expect(document.activeElement).toBe(field);
      expect(tab(true)).toBe(true);
    });

    it("keeps the focus on Lock's close button while its form slides in, and lets go once Lock closes", async () => {
      app.lock.emit('show');
      const { close } = renderLock('hidden');
      await rendered();
      expect(tab()).toBe(false);
      expect(document.activeElement).toBe(close);
      app.lock.emit('hide');
      expect(document.activeElement).toBe(logIn);
      expect(tab()).toBe(true);
    });
  });

  it('gives the focus back to what opened Lock when Lock closes', async () => {
    app.lock.emit('show');
    const { field } = renderLock('visible');
    await rendered();
    expect(document.activeElement).toBe(field);
    app.lock.emit('hide');
    expect(document.activeElement).toBe(logIn);
  });
});
