// The one door into `auth0.session` (dist-lib/): the module's name, and what an app may use of it.
// The sample app, the examples and the e2e tests come in here only (eslint.config.mjs enforces it).
import { authSessionModule } from './auth.module';

export default authSessionModule;
export { authSessionModule };
export { resolveAuthSessionOptions, tenantOrigin } from './settings/auth-session.options';
export type { AuthSessionOptions, AuthSessionSettings, LockFetch, LoginMode, TokenStorageChoice } from './settings/auth-session.options';
export type { AuthSessionProvider } from './settings/auth-session.provider';
export type { AuthService } from './auth.service';
export type { IdTokenClaims } from './session/id-token';
export type { SessionPhase, SessionState } from './session/session-state';
export { STORAGE_KEYS } from './session/storage-keys';
export type { LockOptions } from './engines/lock/lock-options';
export { AuthViewController } from './views/auth-view.controller';
