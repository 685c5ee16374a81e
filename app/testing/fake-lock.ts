/** A stand-in for angular-lock's `lock` service that records handlers and lets a test emit events. */
export class FakeLock {
  readonly show = jest.fn();
  readonly hide = jest.fn();
  readonly interceptHash = jest.fn();
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

/** An unsigned JWT with the given claims: enough for angular-jwt, which only decodes. */
export function unsignedJwt(claims: Record<string, unknown>): string {
  const encode = (value: object): string => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'RS256', typ: 'JWT' })}.${encode(claims)}.signature`;
}

export const nowInSeconds = (): number => Math.floor(Date.now() / 1000);
