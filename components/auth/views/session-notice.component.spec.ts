import { useFakeClock } from '../testing/clock';
import { startSessionApp, type TestApp } from '../testing/session-test-app';
import { testIdToken } from '../testing/jwt';
import { runTenant } from '../testing/tenant';

describe('<session-notice>', () => {
  let app: TestApp;
  let element: HTMLElement;

  function render(): void {
    const compiled = app.injector.get<angular.ICompileService>('$compile')('<session-notice></session-notice>')(app.$rootScope.$new());
    app.$rootScope.$digest();
    element = compiled[0];
  }
  const text = (): string => element.textContent.replace(/\s+/g, ' ').trim();

  useFakeClock();

  it('shows nothing for a session that renews, or when logged out', () => {
    app = startSessionApp();
    render();
    expect(text()).toBe('');
    app.lock.emit('authenticated', { idToken: testIdToken(3600) });
    app.$rootScope.$digest();
    expect(text()).toBe('');
  });

  it('issue 8 item 3: after login_required, says when the session ends, and Log in again opens Lock', () => {
    app = startSessionApp();
    render();
    app.lock.emit('authenticated', { idToken: testIdToken(20 * 60) });
    runTenant(app, 16 * 60_000, () => [{ error: 'login_required' }]);
    app.$rootScope.$digest();
    const time = element.querySelector('time');
    const exp = JSON.parse(atob((localStorage.getItem('id_token') ?? '').split('.')[1] ?? '')) as { exp: number };
    expect(text()).toMatch(/^Your session could not be renewed: it ends at \d{1,2}:\d{2}:\d{2}\s?[AP]M\. Log in again$/);
    expect(Math.abs(Date.parse(time?.getAttribute('datetime') ?? '') - exp.exp * 1000)).toBeLessThanOrEqual(1000);
    element.querySelector('button')?.click();
    expect(app.lock.show).toHaveBeenCalledTimes(1);
    expect(element.querySelector('[role="status"]')).not.toBeNull();
  });

  it('issue 9 item 9: with storage refused, says the session lasts while the tab is open', () => {
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    app = startSessionApp();
    render();
    app.lock.emit('authenticated', { idToken: testIdToken(3600) });
    app.$rootScope.$digest();
    expect(text()).toBe(
      'This browser does not let the site store your session: it lasts while this tab is open, and reloading the page will log you out.'
    );
    app.authService.logoutLocally();
    app.$rootScope.$digest();
    expect(text()).toBe('');
  });
});
