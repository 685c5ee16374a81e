/** A stand-in for angular-lock's `lock` service that records handlers and lets a test emit events. */
export class FakeLock {
  readonly show = jest.fn();
  readonly hide = jest.fn();
  readonly interceptHash = jest.fn();
  readonly logout = jest.fn();
  /** The top-level redirect to the tenant (returning-visitor.ts). */
  readonly authorize = jest.fn<undefined, [object]>();
  /** Call `lock.checkSession.mock.calls[i][1](error, authResult)` to answer a renewal. */
  readonly checkSession = jest.fn<undefined, [object, (error: unknown, authResult?: { idToken: string }) => void]>();
  private readonly handlers = new Map<string, ((...args: unknown[]) => void)[]>();

  on(event: string, handler: (...args: unknown[]) => void): void {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
  }

  emit(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) {
      handler(...args);
    }
  }

  listenerCount(event: string): number {
    return this.handlers.get(event)?.length ?? 0;
  }
}
