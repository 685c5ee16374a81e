// The slips of an app adopting auth0.session from the tutorial's code: each stops the start with a
// message that says what to remove. AngularJS's module registry and the page's globals outlive a
// test, so after each the module is loaded again, as a page that loads it once has it.
import angular from 'angular';
import { authSessionModule } from './auth.module';

interface PageGlobals {
  Auth0Lock: unknown;
}
const page = window as unknown as PageGlobals;

/** An app module as the tutorial writes it (`app`, on auth0.session), with `extra` applied to it, bootstrapped. */
function startApp(extra: (app: angular.IModule) => void = () => undefined): angular.auto.IInjectorService {
  const app = angular.module(`app${String(Math.random()).slice(2)}`, [authSessionModule]);
  app.config([
    'authSessionProvider',
    (authSessionProvider: { configure(options: object): void }) => {
      authSessionProvider.configure({ domain: 'http://localhost:3001', clientID: 'c' });
    }
  ]);
  extra(app);
  return angular.bootstrap(document.createElement('div'), [app.name], { strictDi: true });
}

/** The tutorial's components/auth/auth.service.js (2016), registered on the app's module. */
function tutorialAuthService(app: angular.IModule): void {
  app.service('authService', [
    'lock',
    function tutorialAuthServiceFactory(lock: { show(): void }) {
      return {
        login: () => {
          lock.show();
        },
        logout: () => undefined,
        registerAuthenticationListener: () => undefined,
        checkAuthOnRefresh: () => undefined
      };
    }
  ]);
}

describe('an app adopting auth0.session', () => {
  let consoleError: jest.SpyInstance;

  beforeEach(() => {
    consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(() => {
    consoleError.mockRestore();
    jest.isolateModules(() => {
      jest.requireActual('./auth.module');
    });
  });

  it('starts as the README writes it, with nothing on the console', () => {
    expect(startApp().get('authService')).toBeDefined();
    expect(consoleError).not.toHaveBeenCalled();
  });

  it('keeping the tutorial’s own authService: told to remove it, not `followExternalChanges is not a function`', () => {
    expect(() => startApp(tutorialAuthService)).toThrow(
      /auth0\.session: the app's `authService` is not auth0\.session's: the app registers its own.*components\/auth\/auth\.service\.js.*Remove that file and its <script> tag/
    );
    expect(consoleError).toHaveBeenCalledWith(expect.stringContaining('Remove that file and its <script> tag'));
  });

  it('an angular-lock <script> loaded after it: told to remove that tag as it starts, before a login fails on `Auth0 is not defined`', () => {
    // What an angular-lock <script> after auth0.session's does: angular.module('auth0.lock', []) anew.
    jest.isolateModules(() => {
      jest.requireActual('angular-lock');
    });
    // AngularJS wraps (and with angular.min.js URL-encodes) errors of config blocks: the console has it as written.
    expect(() => startApp()).toThrow(/\$injector:modulerr/);
    expect(consoleError).toHaveBeenCalledWith(
      expect.stringMatching(
        /^auth0\.session: a second angular-lock registered the module 'auth0\.lock'.*remove the <script> tag of angular-lock/
      )
    );
  });

  it('a Lock <script> loaded after it: told to remove that tag, with the version it loaded', () => {
    function Lock10(): void {
      // Lock 10.2, from the tutorial's <script src="https://cdn.auth0.com/js/lock/10.2/lock.min.js">
    }
    Lock10.version = '10.2.2';
    page.Auth0Lock = Lock10;
    expect(() => startApp()).toThrow(/\$injector:modulerr/);
    expect(consoleError).toHaveBeenCalledWith(
      expect.stringMatching(
        /^auth0\.session: a Lock script \(Auth0Lock 10\.2\.2\) replaced the Lock auth0\.session loads.*remove the <script> tag of Lock/
      )
    );
  });
});
