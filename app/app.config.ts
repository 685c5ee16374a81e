import type { UrlService } from '@uirouter/angularjs';
import type { AuthSessionProvider } from '../components/auth';
import { buildSettings, sessionOptionsFrom } from './auth0-settings';

/** Configures providers only: the session module with the build's settings, and the router's defaults. */
export function appConfig(
  authSessionProvider: AuthSessionProvider,
  $urlServiceProvider: UrlService,
  $locationProvider: angular.ILocationProvider
): void {
  authSessionProvider.configure(sessionOptionsFrom(buildSettings));
  $urlServiceProvider.rules.otherwise('/home');
  // `#/home` rather than `#!/home`, as in the sample's AngularJS 1.5 days.
  $locationProvider.hashPrefix('');
}
appConfig.$inject = ['authSessionProvider', '$urlServiceProvider', '$locationProvider'];
