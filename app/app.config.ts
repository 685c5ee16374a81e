import type { StateProvider, UrlService } from '@uirouter/angularjs';
import type { Auth0Settings } from './auth0-settings';
import { buildLockOptions } from './lock-options';
import { homeState } from '../components/home/home.states';
import { loginState } from '../components/login/login.states';
import { pingState } from '../components/ping/ping.states';
import { profileState } from '../components/profile/profile.states';
import { apiTokenGetter, hostnamesOf } from '../components/auth/token-origins';

/** Configures the providers only: routes, Lock and angular-jwt, as the tutorial's sample did. */
export function appConfig(
  $stateProvider: StateProvider,
  $urlServiceProvider: UrlService,
  $locationProvider: angular.ILocationProvider,
  $httpProvider: angular.IHttpProvider,
  lockProvider: angular.lock.ILockProvider,
  jwtOptionsProvider: angular.jwt.IJwtOptionsProvider,
  auth0Settings: Auth0Settings
): void {
  $stateProvider.state(homeState).state(loginState).state(profileState).state(pingState);
  $urlServiceProvider.rules.otherwise('/home');
  // `#/home` rather than `#!/home`, as in the sample's AngularJS 1.5 days.
  $locationProvider.hashPrefix('');

  lockProvider.init({
    clientID: auth0Settings.clientID,
    domain: auth0Settings.domain,
    // Config blocks get providers only, not $window: the page's own origin is read directly.
    options: buildLockOptions(auth0Settings, window.location.origin)
  });

  const apiOrigins = [new URL(auth0Settings.apiUrl).origin];
  jwtOptionsProvider.config({
    tokenGetter: apiTokenGetter(apiOrigins),
    whiteListedDomains: hostnamesOf(apiOrigins),
    unauthenticatedRedirectPath: '/login',
    // authManager guards `data.requiresLogin` states on its own too, targeting `loginPath` ('/'
    // by default, not a state): point it at ours. Our hook (requires-login.hook.ts) runs first.
    loginPath: 'login'
  });
  $httpProvider.interceptors.push('jwtInterceptor');
}
appConfig.$inject = ['$stateProvider', '$urlServiceProvider', '$locationProvider', '$httpProvider', 'lockProvider', 'jwtOptionsProvider', 'auth0Settings'];
