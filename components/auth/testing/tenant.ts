import type { TestApp } from './session-test-app';
import { advanceClock } from './clock';
import { testIdToken } from './jwt';

/** A token issued now by a tenant whose clock is `browserAheadMs` behind this browser's, living `lifetimeS`. */
export function tenantToken(lifetimeS: number, browserAheadMs = 0, claims: Record<string, unknown> = {}): string {
  const iat = Math.floor((Date.now() - browserAheadMs) / 1000);
  return testIdToken(0, { iat, exp: iat + lifetimeS, ...claims });
}

export type RenewalAnswer = readonly [error: unknown, authResult?: { idToken: string }];

/**
 * Runs the tab's clock for `durationMs` in `stepMs` steps, answering each checkSession as it comes
 * made in that time with `answer(n)` (n counts from 1), as a tenant would. Returns when each call came (Date.now()).
 */
export function runTenant(app: TestApp, durationMs: number, answer: (call: number) => RenewalAnswer, stepMs = 1000): number[] {
  const calledAt: number[] = [];
  const earlier = app.lock.checkSession.mock.calls.length;
  for (let elapsed = 0; elapsed < durationMs; elapsed += stepMs) {
    advanceClock(app.injector, stepMs, stepMs);
    while (earlier + calledAt.length < app.lock.checkSession.mock.calls.length) {
      calledAt.push(Date.now());
      const [error, authResult] = answer(calledAt.length);
      app.lock.checkSession.mock.calls[earlier + calledAt.length - 1]?.[1](error, authResult);
    }
  }
  return calledAt;
}

/** The gaps between successive times. */
export function gaps(times: readonly number[]): number[] {
  return times.slice(1).map((time, index) => time - (times[index] ?? time));
}
