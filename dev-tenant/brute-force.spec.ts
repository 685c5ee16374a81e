// Brute-force protection: 10 consecutive failures for one (email, IP) pair block that pair with
// Auth0's too_many_attempts, which Lock shows with its own message.
import { createRequire } from 'node:module';
import { BRUTE_FORCE_THRESHOLD, BruteForceGuard } from './brute-force';
import { DEFAULT_MAX_ENTRIES } from './expiring-map';
import { RATE_LIMITS } from './rate-limit';
import { coAuthenticate, credentials, postJson, signUpBody, useTestTenant } from './test-support';
import { UserStore } from './users';

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
  const guard = () => new BruteForceGuard({ blockMs: 60_000, now: () => clock });
  const failTimes = (g: BruteForceGuard, email: string, ip: string, times = BRUTE_FORCE_THRESHOLD) => {
    for (let i = 0; i < times; i++) expect(g.beginAttempt(email, ip)).toBe('allowed');
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

describe('brute force under concurrency (issue 9, finding 2)', () => {
  const t = useTestTenant();
  const attempt = (email: string, password: string) => coAuthenticate(t.tenant, credentials(email, password));
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it.each([0, 5, 9])('finding 2: after %d failures a burst of 30 concurrent guesses checks at most 10 - N passwords', async (failures) => {
    const email = `burst${failures}@example.com`;
    for (let i = 0; i < failures; i++) expect((await attempt(email, 'wrong')).status).toBe(403);
    const checks = jest.spyOn(UserStore.prototype, 'verifyPassword');
    const statuses = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(email, `guess-${i}`).then((res) => res.status)));
    expect(checks).toHaveBeenCalledTimes(BRUTE_FORCE_THRESHOLD - failures);
    expect(statuses.filter((status) => status === 403)).toHaveLength(BRUTE_FORCE_THRESHOLD - failures);
    expect(statuses.filter((status) => status === 429)).toHaveLength(30 - (BRUTE_FORCE_THRESHOLD - failures));
  });

  it('finding 2: the right password inside a burst, after the limit, gets no ticket', async () => {
    const failures = 7;
    for (let i = 0; i < failures; i++) expect((await attempt('dev@example.com', 'wrong')).status).toBe(403);
    const checks = jest.spyOn(UserStore.prototype, 'verifyPassword');
    const guesses = Array.from({ length: BRUTE_FORCE_THRESHOLD - failures }, (_, i) => attempt('dev@example.com', `guess-${i}`));
    // Sent once the guesses are being checked (counted, still hashing): the limit is already reached.
    while (checks.mock.calls.length < BRUTE_FORCE_THRESHOLD - failures) await new Promise((resolve) => setImmediate(resolve));
    const right = await attempt('dev@example.com', 'dev-password');
    expect(right.status).toBe(429);
    expect(JSON.stringify(await right.json())).not.toContain('login_ticket');
    expect((await Promise.all(guesses)).map((res) => res.status)).toEqual(Array(BRUTE_FORCE_THRESHOLD - failures).fill(403));
    expect(checks).toHaveBeenCalledTimes(BRUTE_FORCE_THRESHOLD - failures);
  });
});

describe('a full store and throttles (issue 9, finding 3)', () => {
  let clock = 0;
  const guard = () => new BruteForceGuard({ blockMs: 15 * 60_000, now: () => clock });
  const ipOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

  it('finding 3: a live block survives 10,500 failures from other (email, IP) pairs; new pairs are refused when full', () => {
    const g = guard();
    for (let i = 0; i < BRUTE_FORCE_THRESHOLD; i++) g.beginAttempt('victim@example.com', '192.0.2.1');
    expect(g.isBlocked('victim@example.com', '192.0.2.1')).toBe(true);
    const verdicts = Array.from({ length: 10_500 }, (_, i) => g.beginAttempt(`flood${i}@example.com`, ipOf(i)));
    expect(g.isBlocked('victim@example.com', '192.0.2.1')).toBe(true);
    expect(g.beginAttempt('victim@example.com', '192.0.2.1')).toBe('blocked');
    expect(verdicts.filter((verdict) => verdict === 'allowed')).toHaveLength(DEFAULT_MAX_ENTRIES - 1);
    expect(verdicts.filter((verdict) => verdict === 'throttled')).toHaveLength(10_500 - (DEFAULT_MAX_ENTRIES - 1));
    expect(g.size).toBe(DEFAULT_MAX_ENTRIES);
  });

  it('finding 3: throttles failures per IP across accounts, then lets one more through per refill', () => {
    const g = guard();
    const { burst, refillMs } = RATE_LIMITS.loginFailuresPerIp;
    for (let i = 0; i < burst; i++) expect(g.beginAttempt(`spray${i}@example.com`, '10.0.0.1')).toBe('allowed');
    expect(g.beginAttempt('another@example.com', '10.0.0.1')).toBe('throttled');
    expect(g.beginAttempt('another@example.com', '10.0.0.2')).toBe('allowed');
    clock += refillMs;
    expect(g.beginAttempt('another@example.com', '10.0.0.1')).toBe('allowed');
    expect(g.beginAttempt('yet-another@example.com', '10.0.0.1')).toBe('throttled');
  });

  it('finding 3: throttles failures per account across IPs; successes give their attempt back', () => {
    const g = guard();
    const { burst } = RATE_LIMITS.loginFailuresPerAccount;
    g.beginAttempt('ann@example.com', '10.9.9.9');
    g.recordSuccess('ann@example.com', '10.9.9.9');
    for (let i = 0; i < burst; i++) expect(g.beginAttempt('Ann@example.com', ipOf(i))).toBe('allowed');
    expect(g.beginAttempt('ann@example.com', '10.200.0.1')).toBe('throttled');
  });
});

describe('equal cost for every kind of email (issue 9, finding 3)', () => {
  const t = useTestTenant();
  // The module object password-hash.ts calls scrypt on (a namespace import could not be spied on).
  const crypto = jest.requireActual<typeof import('node:crypto')>('node:crypto');
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('finding 3: known, unknown and signed-up emails each cost exactly one scrypt at login', async () => {
    expect((await postJson(t.tenant, '/dbconnections/signup', signUpBody('signed@example.com', 'Signed-up-pass-1'))).status).toBe(200);
    const scrypt = jest.spyOn(crypto, 'scrypt');
    for (const [email, password] of [
      ['dev@example.com', 'dev-password'],
      ['dev@example.com', 'wrong'],
      ['nobody@example.com', 'wrong'],
      ['signed@example.com', 'Signed-up-pass-1'],
      ['signed@example.com', 'wrong']
    ] as const) {
      scrypt.mockClear();
      await coAuthenticate(t.tenant, credentials(email, password));
      expect([email, scrypt.mock.calls.length]).toEqual([email, 1]);
    }
  });

  it('finding 3: signing up with a taken email costs the same one scrypt as a new one', async () => {
    const scrypt = jest.spyOn(crypto, 'scrypt');
    expect((await postJson(t.tenant, '/dbconnections/signup', signUpBody('fresh@example.com', 'Fresh-pass-12'))).status).toBe(200);
    expect(scrypt).toHaveBeenCalledTimes(1);
    scrypt.mockClear();
    expect((await postJson(t.tenant, '/dbconnections/signup', signUpBody('fresh@example.com', 'Fresh-pass-12'))).status).toBe(400);
    expect(scrypt).toHaveBeenCalledTimes(1);
  });
});
