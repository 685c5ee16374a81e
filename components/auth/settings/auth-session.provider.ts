import { resolveAuthSessionOptions, type AuthSessionOptions, type AuthSessionSettings } from './auth-session.options';
import { jwtOptionsFor } from '../engines/lock/angular-jwt';

/**
 * `authSessionProvider.configure({ domain, clientID, … })`, in an app's config block: checks the
 * options (an Error names the one at fault), then configures angular-jwt with them. The
 * `authSession` service is the checked settings: the login engine gets them injected.
 */
export class AuthSessionProvider implements angular.IServiceProvider {
  static $inject = ['jwtOptionsProvider', '$windowProvider'];

  private settings: AuthSessionSettings | undefined;

  constructor(
    private readonly jwtOptionsProvider: angular.jwt.IJwtOptionsProvider,
    private readonly $windowProvider: { $get(): Window }
  ) {}

  configure(options: AuthSessionOptions): void {
    const settings = resolveAuthSessionOptions(options, this.$windowProvider.$get().location.origin);
    this.jwtOptionsProvider.config(jwtOptionsFor(settings));
    this.settings = settings;
  }

  /** The settings once `configure()` has run; undefined before (config blocks that must not throw). */
  configured(): AuthSessionSettings | undefined {
    return this.settings;
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
