import type { AuthSessionSettings } from '../settings/auth-session.options';
import { ID_TOKEN_KEY, RENEWAL_LEASE_KEY, TOKEN_RECEIPT_KEY } from './storage-keys';
import { StorageSlot } from './storage-slot';

/**
 * What the module keeps in localStorage (or, with `tokenStorage: 'memory'`, in this tab only), shared by the tabs: the id_token, its receipt, and the
 * renewal lease. Each slot falls back to this tab's memory when storage refuses it (storage-slot.ts).
 */
export class TokenStorage {
  static $inject = ['$window', 'authSession'];

  readonly idToken: StorageSlot;
  readonly receipt: StorageSlot;
  readonly renewalLease: StorageSlot;
  /** With tokens in memory: this tab held a session before its reload (sessionStorage), so it signs in again. */
  readonly tabHadSession: TabFlag;

  constructor($window: angular.IWindowService, settings: Pick<AuthSessionSettings, 'tokenStorage'>) {
    const memoryOnly = settings.tokenStorage === 'memory';
    this.idToken = new StorageSlot($window, ID_TOKEN_KEY, memoryOnly);
    this.receipt = new StorageSlot($window, TOKEN_RECEIPT_KEY, memoryOnly);
    this.renewalLease = new StorageSlot($window, RENEWAL_LEASE_KEY, memoryOnly);
    this.tabHadSession = new TabFlag($window, TAB_SESSION_KEY);
  }
}

/** sessionStorage: a tab's session held in memory, noted (not the token) so that its reload signs in again. */
const TAB_SESSION_KEY = 'auth.tabHadSession';

/** One sessionStorage flag of this tab (it survives a reload, not the tab); no storage: never set. */
export class TabFlag {
  constructor(
    private readonly $window: angular.IWindowService,
    private readonly key: string
  ) {}

  isSet(): boolean {
    try {
      return this.$window.sessionStorage.getItem(this.key) !== null;
    } catch {
      return false;
    }
  }

  set(on: boolean): void {
    try {
      if (on) this.$window.sessionStorage.setItem(this.key, '1');
      else this.$window.sessionStorage.removeItem(this.key);
    } catch {
      // Without sessionStorage a reload finds no session, as without the flag.
    }
  }
}
