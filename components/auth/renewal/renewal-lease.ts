import type { StorageSlot } from '../session/storage-slot';
import type { TokenStorage } from '../session/token-storage';

/** Longer than a renewal takes (checkSession is given RENEWAL_TIMEOUT_MS): a tab that dies holding it blocks the others this long. */
export const LEASE_MS = 30_000;

interface Lease {
  readonly tab: string;
  readonly untilMs: number;
}

function parseLease(raw: string | null): Lease | null {
  try {
    const value: unknown = raw === null ? null : JSON.parse(raw);
    const { tab, untilMs } = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<keyof Lease, unknown>>;
    return typeof tab === 'string' && typeof untilMs === 'number' ? { tab, untilMs } : null;
  } catch {
    return null;
  }
}

/**
 * Which tab renews the shared token: a lease in localStorage, so that only one tab calls
 * checkSession and the others adopt the token it stores. localStorage has no compare-and-set:
 * a tab claims, waits a moment, and goes on only if the lease still names it; two tabs that
 * still overlap both renew, which costs a request and nothing else.
 */
export class RenewalLease {
  static $inject = ['tokenStorage', '$window'];

  private readonly tab = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  private readonly slot: StorageSlot;

  constructor(tokenStorage: TokenStorage, $window: angular.IWindowService) {
    this.slot = tokenStorage.renewalLease;
    // A tab that reloads, closes or navigates away mid-renewal would hold back, until its lease ran
    // out (LEASE_MS), the tabs that try after it leaves (a tab opened then, or reloaded).
    $window.addEventListener('pagehide', () => {
      this.release();
    });
  }

  /** When another tab's live lease ends, or null if none is held elsewhere. */
  heldElsewhereUntil(nowMs: number): number | null {
    const lease = parseLease(this.slot.read());
    return lease && lease.tab !== this.tab && lease.untilMs > nowMs ? lease.untilMs : null;
  }

  claim(nowMs: number): void {
    this.slot.write(JSON.stringify({ tab: this.tab, untilMs: nowMs + LEASE_MS }));
  }

  isMine(nowMs: number): boolean {
    const lease = parseLease(this.slot.read());
    return lease?.tab === this.tab && lease.untilMs > nowMs;
  }

  release(): void {
    if (parseLease(this.slot.read())?.tab === this.tab) {
      this.slot.clear();
    }
  }
}
