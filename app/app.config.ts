import type { StateProvider, UrlService } from '@uirouter/angularjs';
import type { Auth0Settings } from './auth0-settings';
import { buildLockOptions } from './lock-options';
import { homeState } from '../components/home/home.states';
import { loginState } from '../components/login/login.states';
import { ID_TOKEN_KEY } from '../components/auth/token-storage';

/** Configures the providers only: routes, Lock and angular-jwt, as the tutorial's sample did. */
export function appConfig(
  $stateProvider: StateProvider,
  $urlServiceProvider: UrlService,
  $locationProvider: angular.ILocationProvider,
  lockProvider: angular.lock.ILockProvider,
  jwtOptionsProvider: angular.jwt.IJwtOptionsProvider,
  auth0Settings: Auth0Settings
): void {
  $stateProvider.state(homeState).state(loginState);
  $urlServiceProvider.rules.otherwise('/home');
  // `#/home` rather than `#!/home`, as in the sample's AngularJS 1.5 days.
  $locationProvider.hashPrefix('');

  lockProvider.init({
    clientID: auth0Settings.clientID,
    domain: auth0Settings.domain,
    options: buildLockOptions(auth0Settings, window.location.origin)
  });

  jwtOptionsProvider.config({
    // No token on template requests; the stored id_token on every other whitelisted request.
    tokenGetter: ['options', '$window', (options: { url: string } | undefined, $window: angular.IWindowService): string | null => {
      if (options?.url.endsWith('.html')) {
        return null;
      }
      return $window.localStorage.getItem(ID_TOKEN_KEY);
    }],
    whiteListedDomains: ['localhost'],
    unauthenticatedRedirectPath: '/login'
  });
}
appConfig.$inject = ['$stateProvider', '$urlServiceProvider', '$locationProvider', 'lockProvider', 'jwtOptionsProvider', 'auth0Settings'];
