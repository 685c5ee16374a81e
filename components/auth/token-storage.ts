import { StorageSlot } from './storage-slot';

/** The tutorial's storage key for the id_token. */
export const ID_TOKEN_KEY = 'id_token';
/** When this browser received the stored token, on its own clock (token-clock.ts). */
export const TOKEN_RECEIPT_KEY = 'auth.idTokenReceipt';
/** Which tab is renewing the token now (renewal-lease.ts). */
export const RENEWAL_LEASE_KEY = 'auth.renewalLease';

/**
 * What the module keeps in localStorage, shared by the tabs: the id_token, its receipt, and the
 * renewal lease. Each slot falls back to this tab's memory when storage refuses it (storage-slot.ts).
 */
export class TokenStorage {
  static $inject = ['$window'];

  readonly idToken: StorageSlot;
  readonly receipt: StorageSlot;
  readonly renewalLease: StorageSlot;

  constructor($window: angular.IWindowService) {
    this.idToken = new StorageSlot($window, ID_TOKEN_KEY);
    this.receipt = new StorageSlot($window, TOKEN_RECEIPT_KEY);
    this.renewalLease = new StorageSlot($window, RENEWAL_LEASE_KEY);
  }
}
