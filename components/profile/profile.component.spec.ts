import { startAppWithFakeLock, type TestApp } from '../../app/testing/app-test-module';
import { testIdToken } from '../auth/testing';
import { tenantPicture } from './profile.component';

// jest.config.js gives the app the dev tenant http://localhost:3001.
const avatar = 'http://localhost:3001/avatar/0123456789abcdef0123456789abcdef.svg';

describe('tenantPicture', () => {
  it.each([
    [avatar, avatar],
    ['https://s.gravatar.com/avatar/abc?d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2Fde.png', null],
    ['http://localhost:3002/avatar.svg', null],
    ['javascript:alert(1)', null],
    ['not a URL', null],
    [42, null]
  ])('%p → %p', (picture, expected) => {
    expect(tenantPicture({ exp: 1, picture }, 'http://localhost:3001')).toBe(expected);
  });

  it('is null without claims or without a picture', () => {
    expect(tenantPicture(null, 'http://localhost:3001')).toBeNull();
    expect(tenantPicture({ exp: 1 }, 'http://localhost:3001')).toBeNull();
  });
});

describe('<profile>', () => {
  let app: TestApp;

  beforeEach(() => {
    localStorage.clear();
    app = startAppWithFakeLock();
  });

  function render(claims: Record<string, unknown>): HTMLElement {
    app.lock.emit('authenticated', { idToken: testIdToken(3600, { sub: 'auth0|7', email: 'ann@example.com', ...claims }) });
    const $rootScope = app.injector.get<angular.IRootScopeService>('$rootScope');
    const element = app.injector.get<angular.ICompileService>('$compile')('<profile></profile>')($rootScope.$new());
    $rootScope.$digest();
    return element[0];
  }

  it("is a card with the tenant's picture, described by the user's name, then name, email and user ID", () => {
    const card = render({ name: 'Ann Example', picture: avatar });
    const picture = card.querySelector('img.profile-picture');
    expect(picture?.getAttribute('src')).toBe(avatar);
    expect(picture?.getAttribute('alt')).toBe('Profile picture of Ann Example');
    expect(card.querySelector('h2.profile-name')?.textContent).toBe('Ann Example');
    expect(card.querySelector('.profile-email')?.textContent).toBe('ann@example.com');
    expect(card.querySelector('.profile-sub')?.textContent).toBe('auth0|7');
  });

  it('shows no picture the CSP would refuse, and no empty name heading', () => {
    const card = render({ picture: 'https://s.gravatar.com/avatar/abc' });
    expect(card.querySelector('img')).toBeNull();
    expect(card.querySelector('h2')).toBeNull();
    expect(card.querySelector('.profile-email')?.textContent).toBe('ann@example.com');
  });
});
