import { resolveAuthSessionOptions, type AuthSessionOptions, type AuthSessionSettings } from './auth-session.options';
import { jwtOptionsFor } from '../engines/lock/angular-jwt';
import { buildLockOptions } from '../engines/lock/lock-options';

/**
 * `authSessionProvider.configure({ domain, clientID, … })`, in an app's config block: checks the
 * options (an Error names the one at fault), then configures Lock and angular-jwt with them. The
 * `authSession` service is the checked settings.
 */
export class AuthSessionProvider implements angular.IServiceProvider {
  static $inject = ['lockProvider', 'jwtOptionsProvider', '$windowProvider'];

  private settings: AuthSessionSettings | undefined;

  constructor(
    private readonly lockProvider: angular.lock.ILockProvider,
    private readonly jwtOptionsProvider: angular.jwt.IJwtOptionsProvider,
    private readonly $windowProvider: { $get(): Window }
  ) {}

  configure(options: AuthSessionOptions): void {
    const settings = resolveAuthSessionOptions(options, this.$windowProvider.$get().location.origin);
    this.lockProvider.init({ clientID: settings.clientID, domain: settings.domain, options: buildLockOptions(settings) });
    this.jwtOptionsProvider.config(jwtOptionsFor(settings));
    this.settings = settings;
  }

  $get(): AuthSessionSettings {
    if (!this.settings) {
      throw new Error(
        "auth0.session is not configured: call authSessionProvider.configure({ domain: '…', clientID: '…' }) in a config block of your app."
      );
    }
    return this.settings;
  }
}
