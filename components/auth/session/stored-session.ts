import type { AuthSessionSettings } from '../settings/auth-session.options';
import { claimsForClient, type IdTokenClaims } from './id-token';
import { localLifetime, parseReceipt, receiptFor, type TokenReceipt } from './token-clock';
import type { TokenStorage } from './token-storage';

/** A usable session: its token, claims, and its life on this browser's clock. */
export interface ActiveSession {
  readonly token: string;
  readonly claims: IdTokenClaims;
  readonly issuedAtMs: number;
  readonly expiresAtMs: number;
  /** Silent renewal was refused (`login_required`) for this token. */
  readonly renewalRefused: boolean;
}

/**
 * The stored session: the id_token under the tutorial's `id_token` key, with its receipt, and the
 * one answer to "is there a usable stored session" (well-formed, issued to this client, unexpired
 * on the clock of its receipt, or on the local clock for a token found without one).
 */
export class StoredSession {
  static $inject = ['tokenStorage', 'authSession'];

  constructor(
    private readonly tokenStorage: TokenStorage,
    private readonly settings: AuthSessionSettings
  ) {}

  /** The stored session if this app may use it, else null. */
  current(nowMs = Date.now()): ActiveSession | null {
    const token = this.tokenStorage.idToken.read();
    const claims = claimsForClient(token, this.settings.clientID);
    if (!claims || token === null) {
      return null;
    }
    const receipt = parseReceipt(this.tokenStorage.receipt.read(), claims);
    return this.usable(token, claims, receipt, nowMs);
  }

  /** The stored token's claims if this app may use it, else null. */
  claims(): IdTokenClaims | null {
    return this.current()?.claims ?? null;
  }

  /** The stored token if this app may use it, else null. */
  token(): string | null {
    return this.current()?.token ?? null;
  }

  /**
   * Stores a token just received from the tenant, with its receipt, if it is usable: its session,
   * else null (nothing stored). A token already expired at receipt is refused.
   */
  store(token: unknown, receivedAtMs = Date.now()): ActiveSession | null {
    const claims = claimsForClient(token, this.settings.clientID);
    if (!claims || typeof token !== 'string') {
      return null;
    }
    const receipt = receiptFor(claims, receivedAtMs);
    const session = this.usable(token, claims, receipt, receivedAtMs);
    if (session) {
      // The receipt first: another tab reads both when the token's storage event reaches it.
      this.writeReceipt(receipt);
      this.tokenStorage.idToken.write(token);
      if (this.tokenStorage.idToken.memoryOnly) this.tokenStorage.tabHadSession.set(true);
    }
    return session;
  }

  /** Notes, for every tab, that renewal was refused for the stored token. */
  markRenewalRefused(session: ActiveSession): void {
    const receipt = parseReceipt(this.tokenStorage.receipt.read(), session.claims);
    if (receipt && this.tokenStorage.idToken.read() === session.token) {
      this.writeReceipt({ ...receipt, renewalRefused: true });
    }
  }

  /** False when storage refused the token: it lives in this tab's memory and a reload loses it. */
  persistent(): boolean {
    return this.tokenStorage.idToken.persistent;
  }

  /** True when something sits under `id_token`, usable or not. */
  hasStoredValue(): boolean {
    return this.tokenStorage.idToken.read() !== null;
  }

  clear(): void {
    this.tokenStorage.idToken.clear();
    this.tokenStorage.receipt.clear();
    this.tokenStorage.tabHadSession.set(false);
  }

  /** Tokens in memory only, and this tab held a session before its reload: it may sign in again. */
  lostOnReload(): boolean {
    return this.tokenStorage.idToken.memoryOnly && this.tokenStorage.tabHadSession.isSet() && this.tokenStorage.idToken.read() === null;
  }

  /** Another tab logged in, renewed or logged out: it wrote or removed the token. */
  onChangeInAnotherTab(listener: () => void): void {
    this.tokenStorage.idToken.onChangeInAnotherTab(listener);
  }

  private usable(token: string, claims: IdTokenClaims, receipt: TokenReceipt | null, nowMs: number): ActiveSession | null {
    const { issuedAtMs, expiresAtMs } = localLifetime(claims, receipt);
    return expiresAtMs > nowMs ? { token, claims, issuedAtMs, expiresAtMs, renewalRefused: receipt?.renewalRefused ?? false } : null;
  }

  private writeReceipt(receipt: TokenReceipt | null): void {
    if (receipt) {
      this.tokenStorage.receipt.write(JSON.stringify(receipt));
    } else {
      this.tokenStorage.receipt.clear();
    }
  }
}
