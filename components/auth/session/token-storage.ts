import { ID_TOKEN_KEY, RENEWAL_LEASE_KEY, TOKEN_RECEIPT_KEY } from './storage-keys';
import { StorageSlot } from './storage-slot';

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
