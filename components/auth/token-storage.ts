/** The tutorial's storage key for the id_token. */
export const ID_TOKEN_KEY = 'id_token';

/**
 * localStorage access that never throws: storage can be disabled, full or blocked by privacy
 * settings, and a session must then simply not survive a reload.
 */
export class TokenStorage {
  static $inject = ['$window'];

  constructor(private readonly $window: angular.IWindowService) {}

  read(): string | null {
    try {
      return this.$window.localStorage.getItem(ID_TOKEN_KEY);
    } catch {
      return null;
    }
  }

  write(token: string): boolean {
    try {
      this.$window.localStorage.setItem(ID_TOKEN_KEY, token);
      return true;
    } catch {
      return false;
    }
  }

  /** The `storage` event for this key, or for `localStorage.clear()` (key null). */
  onChangeInAnotherTab(listener: () => void): void {
    this.$window.addEventListener('storage', (event: StorageEvent) => {
      if (event.key === ID_TOKEN_KEY || event.key === null) {
        listener();
      }
    });
  }

  clear(): void {
    try {
      this.$window.localStorage.removeItem(ID_TOKEN_KEY);
    } catch {
      // Nothing stored, nothing to clear.
    }
  }
}
