// Brute-force protection: 10 consecutive failures for one (email, IP) pair block that pair with
// Auth0's too_many_attempts, which Lock shows with its own message.
import { createRequire } from 'node:module';
import { BRUTE_FORCE_THRESHOLD, BruteForceGuard } from './brute-force';
import { coAuthenticate, credentials, useTestTenant } from './test-support';

const BLOCK_MINUTES = 5;

describe('brute-force protection over HTTP', () => {
  let clock = Date.now();
  const t = useTestTenant({ env: { DEV_TENANT_BLOCK_MINUTES: String(BLOCK_MINUTES) }, now: () => clock });
  const attempt = (email: string, password: string) => coAuthenticate(t.tenant, credentials(email, password));
  const fail = async (email: string, times: number) => {
    for (let i = 0; i < times; i++) expect((await attempt(email, 'wrong')).status).toBe(403);
  };

  it('blocks the 11th attempt after 10 failures, even with the right password, then lifts the block in time', async () => {
    await fail('dev@example.com', BRUTE_FORCE_THRESHOLD);
    const blocked = await attempt('DEV@example.com', 'dev-password');
    expect(blocked.status).toBe(429);
    expect(await blocked.json()).toEqual({
      error: 'too_many_attempts',
      error_description: expect.stringMatching(/^Your account has been blocked after multiple consecutive login attempts\./) as unknown
    });
    // Another user from the same IP is not affected.
    expect((await attempt('unknown@example.com', 'wrong')).status).toBe(403);
    clock += BLOCK_MINUTES * 60_000 - 1;
    expect((await attempt('dev@example.com', 'dev-password')).status).toBe(429);
    clock += 1;
    expect((await attempt('dev@example.com', 'dev-password')).status).toBe(200);
  });

  it('counts consecutive failures only: a successful login starts over', async () => {
    await fail('dev@example.com', BRUTE_FORCE_THRESHOLD - 1);
    expect((await attempt('dev@example.com', 'dev-password')).status).toBe(200);
    await fail('dev@example.com', BRUTE_FORCE_THRESHOLD - 1);
    expect((await attempt('dev@example.com', 'dev-password')).status).toBe(200);
  });

  it('blocks unknown emails the same way, so blocking reveals no account', async () => {
    await fail('ghost@example.com', BRUTE_FORCE_THRESHOLD);
    expect((await attempt('ghost@example.com', 'wrong')).status).toBe(429);
  });

  it('returns an error code Lock has its own message for', () => {
    const lockRequire = createRequire(require.resolve('auth0-lock/package.json'));
    const english = (lockRequire('./lib/i18n/en.js') as { default: { error: { login: Record<string, string> } } }).default;
    expect(english.error.login.too_many_attempts).toBe('Your account has been blocked after multiple consecutive login attempts.');
  });
});

describe('BruteForceGuard', () => {
  let clock = 0;
  const guard = () => new BruteForceGuard(60_000, () => clock);
  const failTimes = (g: BruteForceGuard, email: string, ip: string, times = BRUTE_FORCE_THRESHOLD) => {
    for (let i = 0; i < times; i++) g.recordFailure(email, ip);
  };

  it('keys by (case-insensitive email, IP)', () => {
    const g = guard();
    failTimes(g, 'Ann@Example.com', '10.0.0.1');
    expect(g.isBlocked('ann@example.com', '10.0.0.1')).toBe(true);
    expect(g.isBlocked('ann@example.com', '10.0.0.2')).toBe(false);
    expect(g.isBlocked('bob@example.com', '10.0.0.1')).toBe(false);
  });

  it("lifts every block of a user on password reset, and no one else's", () => {
    const g = guard();
    failTimes(g, 'ann@example.com', '10.0.0.1');
    failTimes(g, 'ann@example.com', '10.0.0.2');
    failTimes(g, 'ann@example.com.evil', '10.0.0.1');
    g.unblockUser('ANN@example.com');
    expect(g.isBlocked('ann@example.com', '10.0.0.1')).toBe(false);
    expect(g.isBlocked('ann@example.com', '10.0.0.2')).toBe(false);
    expect(g.isBlocked('ann@example.com.evil', '10.0.0.1')).toBe(true);
  });

  it('forgets failures after the block time and purges the entries', () => {
    const g = guard();
    failTimes(g, 'ann@example.com', '10.0.0.1', BRUTE_FORCE_THRESHOLD - 1);
    clock += 60_000;
    failTimes(g, 'ann@example.com', '10.0.0.1', 1);
    expect(g.isBlocked('ann@example.com', '10.0.0.1')).toBe(false);
    clock += 60_000;
    g.purgeExpired();
    expect(g.size).toBe(0);
  });
});
