import type { AuthSessionSettings } from './auth-session.options';
import { usableClaims, type IdTokenClaims } from './id-token';
import type { TokenStorage } from './token-storage';

/**
 * The stored session: the id_token under the tutorial's `id_token` key, and the one answer to "is
 * there a usable stored session" (well-formed, issued to this client, unexpired).
 */
export class StoredSession {
  static $inject = ['tokenStorage', 'authSession'];

  constructor(
    private readonly tokenStorage: TokenStorage,
    private readonly settings: AuthSessionSettings
  ) {}

  /** The stored token's claims if this app may use it, else null. */
  claims(): IdTokenClaims | null {
    return this.claimsOf(this.tokenStorage.read());
  }

  /** The stored token if this app may use it, else null. */
  token(): string | null {
    const token = this.tokenStorage.read();
    return this.claimsOf(token) ? token : null;
  }

  /** Stores a fresh token if it is usable and storage takes it; its claims, else null (nothing stored). */
  store(token: unknown): IdTokenClaims | null {
    const claims = this.claimsOf(token);
    return claims && typeof token === 'string' && this.tokenStorage.write(token) ? claims : null;
  }

  /** True when something sits under `id_token`, usable or not. */
  hasStoredValue(): boolean {
    return this.tokenStorage.read() !== null;
  }

  clear(): void {
    this.tokenStorage.clear();
  }

  /** Another tab logged in or out: it wrote or removed the token (`storage` events fire in the other tabs only). */
  onChangeInAnotherTab(listener: () => void): void {
    this.tokenStorage.onChangeInAnotherTab(listener);
  }

  private claimsOf(token: unknown): IdTokenClaims | null {
    return usableClaims(token, this.settings.clientID);
  }
}
