// The public entry of `auth0.session` (dist-lib/): the module's name, and the types an app sees.
import { authSessionModule } from './auth.module';

export default authSessionModule;
export { authSessionModule };
export type { AuthSessionOptions, AuthSessionSettings } from './auth-session.options';
export type { AuthSessionProvider } from './auth-session.provider';
export type { AuthService } from './auth.service';
export type { IdTokenClaims } from './id-token';
