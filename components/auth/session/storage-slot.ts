/**
 * One localStorage key that never throws: storage can be disabled (Safari's private mode, a
 * browser setting), full, or throw on access. When it refuses a write the value is kept in memory
 * for this tab instead, and `persistent` says so: it will not survive a reload.
 */
export class StorageSlot {
  /** Undefined while localStorage holds the value; set when it refused one (or when memory was chosen), for this tab only. */
  private memory: string | null | undefined;

  constructor(
    private readonly $window: angular.IWindowService,
    readonly key: string,
    /** `tokenStorage: 'memory'`: never in localStorage, whatever it would accept. */
    readonly memoryOnly = false
  ) {
    this.memory = memoryOnly ? null : undefined;
  }

  /** False once localStorage refused a write: the value then lives in this tab's memory. */
  get persistent(): boolean {
    return this.memory === undefined;
  }

  read(): string | null {
    if (this.memory !== undefined) {
      return this.memory;
    }
    try {
      return this.$window.localStorage.getItem(this.key);
    } catch {
      return null;
    }
  }

  write(value: string): void {
    if (this.memoryOnly) {
      this.memory = value;
      return;
    }
    try {
      this.$window.localStorage.setItem(this.key, value);
      this.memory = undefined;
    } catch {
      this.memory = value;
      this.removeFromStorage();
    }
  }

  clear(): void {
    this.memory = this.memory === undefined ? undefined : null;
    this.removeFromStorage();
  }

  /** The `storage` event for this key, or for `localStorage.clear()` (key null): it fires in the other tabs only. */
  onChangeInAnotherTab(listener: () => void): void {
    this.$window.addEventListener('storage', (event: StorageEvent) => {
      if (event.key === this.key || event.key === null) {
        listener();
      }
    });
  }

  private removeFromStorage(): void {
    try {
      this.$window.localStorage.removeItem(this.key);
    } catch {
      // Nothing stored there, nothing to remove.
    }
  }
}
