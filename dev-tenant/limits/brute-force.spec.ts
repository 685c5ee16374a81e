// Brute-force protection (parity row 5): max_attempts (10) consecutive failures for one (email, IP) pair
// block that pair with Auth0's too_many_attempts until the unblock link, a password change, an admin or 30 days.
import { createRequire } from 'node:module';
import { BRUTE_FORCE_THRESHOLD } from '../config/config';
import { BLOCK_MS, BruteForceGuard } from './brute-force';
import { DEFAULT_MAX_ENTRIES } from '../stores/expiring-map';
import { RATE_LIMITS } from './rate-limit';
import { CLIENT_ID, CONNECTION, coAuthenticate, credentials, postJson, signUpBody, useTestTenant } from '../testing/test-support';
import { UserStore } from '../stores/users';

const DAY_MS = 24 * 60 * 60 * 1000;
const AUTH0_TOO_MANY_ATTEMPTS = {
  error: 'too_many_attempts',
  error_description:
    "Your account has been blocked after multiple consecutive login attempts. We've sent you an email with instructions on how to unblock it."
};

describe('brute-force protection over HTTP', () => {
  let clock = Date.now();
  const t = useTestTenant({ now: () => clock });
  const attempt = (email: string, password: string) => coAuthenticate(t.tenant, credentials(email, password));
  const fail = async (email: string, times: number) => {
    for (let i = 0; i < times; i++) expect((await attempt(email, 'wrong')).status).toBe(403);
  };
  const unblockEmails = () => t.emails.filter((email) => email.kind === 'unblock');

  it("row 5: blocks the 11th attempt after 10 failures with Auth0's body, even with the right password, for 30 days", async () => {
    await fail('dev@example.com', BRUTE_FORCE_THRESHOLD);
    const blocked = await attempt('DEV@example.com', 'dev-password');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('cache-control')).toBe('no-store');
    expect(await blocked.json()).toEqual(AUTH0_TOO_MANY_ATTEMPTS);
    // Another user from the same IP is not affected.
    expect((await attempt('unknown@example.com', 'wrong')).status).toBe(403);
    // No longer ends by itself after minutes: only after Auth0's 30 days.
    clock += 30 * DAY_MS - 1;
    expect((await attempt('dev@example.com', 'dev-password')).status).toBe(429);
    clock += 1;
    expect((await attempt('dev@example.com', 'dev-password')).status).toBe(200);
  });

  it('row 5: emails one unblock link on the first refused attempt; the link lifts the block once', async () => {
    t.emails.length = 0;
    await fail('dev@example.com', BRUTE_FORCE_THRESHOLD);
    expect(unblockEmails()).toEqual([]);
    expect((await attempt('dev@example.com', 'dev-password')).status).toBe(429);
    expect((await attempt('dev@example.com', 'dev-password')).status).toBe(429);
    expect(unblockEmails()).toEqual([
      {
        kind: 'unblock',
        to: 'dev@example.com',
        subject: expect.any(String) as unknown,
        link: expect.stringMatching(/\/lo\/unblock\?ticket=[\w-]{43}$/) as unknown
      }
    ]);
    const link = unblockEmails()[0]?.link ?? '';
    const page = await fetch(link);
    expect([page.status, page.headers.get('content-type')]).toEqual([200, expect.stringMatching(/^text\/html/)]);
    expect(await page.text()).toContain('Your account has been unblocked.');
    expect((await attempt('dev@example.com', 'dev-password')).status).toBe(200);
    expect((await fetch(link)).status).toBe(400);
  });

  it('row 5: a password change lifts the block', async () => {
    t.emails.length = 0;
    const user = { client_id: CLIENT_ID, connection: CONNECTION, email: 'changer@example.com' };
    expect((await postJson(t.tenant, '/dbconnections/signup', { ...user, password: 'Changer-pass-1' })).status).toBe(200);
    await fail(user.email, BRUTE_FORCE_THRESHOLD);
    expect((await attempt(user.email, 'Changer-pass-1')).status).toBe(429);
    expect((await postJson(t.tenant, '/dbconnections/change_password', user)).status).toBe(200);
    const ticket = new URL(t.emails.find((email) => email.kind === 'reset')?.link ?? 'http://x/').searchParams.get('ticket') ?? '';
    const form = new URLSearchParams({ ticket, newPassword: 'Changer-pass-2', confirmNewPassword: 'Changer-pass-2' });
    const changed = await fetch(`${t.tenant.url}/lo/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString()
    });
    expect(changed.status).toBe(200);
    expect((await attempt(user.email, 'Changer-pass-2')).status).toBe(200);
  });

  it('row 5: sends no email for an unknown address, which is blocked all the same', async () => {
    t.emails.length = 0;
    await fail('nobody-here@example.com', BRUTE_FORCE_THRESHOLD);
    expect((await attempt('nobody-here@example.com', 'wrong')).status).toBe(429);
    expect(unblockEmails()).toEqual([]);
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

describe('row 5: the threshold follows Auth0 max_attempts (DEV_TENANT_BRUTE_FORCE_MAX_ATTEMPTS)', () => {
  const t = useTestTenant({ env: { DEV_TENANT_BRUTE_FORCE_MAX_ATTEMPTS: '3' } });

  it('row 5: blocks after 3 failures when max_attempts is 3', async () => {
    for (let i = 0; i < 3; i++) expect((await coAuthenticate(t.tenant, credentials('dev@example.com', 'wrong'))).status).toBe(403);
    const blocked = await coAuthenticate(t.tenant, credentials('dev@example.com', 'dev-password'));
    expect([blocked.status, await blocked.json()]).toEqual([429, AUTH0_TOO_MANY_ATTEMPTS]);
  });
});

describe('BruteForceGuard', () => {
  let clock = 0;
  const guard = () => new BruteForceGuard({ maxAttempts: BRUTE_FORCE_THRESHOLD, now: () => clock });
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

  it('row 5: forgets failures after 30 days and purges the entries', () => {
    const g = guard();
    failTimes(g, 'ann@example.com', '10.0.0.1', BRUTE_FORCE_THRESHOLD - 1);
    clock += BLOCK_MS;
    failTimes(g, 'ann@example.com', '10.0.0.1', 1);
    expect(g.isBlocked('ann@example.com', '10.0.0.1')).toBe(false);
    clock += BLOCK_MS;
    g.purgeExpired();
    expect(g.size).toBe(0);
  });

  it('row 5: says firstRefusal once per block, and marking it does not extend the block', () => {
    const g = guard();
    failTimes(g, 'ann@example.com', '10.0.0.1');
    clock += 1000;
    expect(g.beginAttempt('ann@example.com', '10.0.0.1')).toEqual({ blocked: true, firstRefusal: true });
    expect(g.beginAttempt('ann@example.com', '10.0.0.1')).toEqual({ blocked: true, firstRefusal: false });
    clock += BLOCK_MS - 1000;
    expect(g.isBlocked('ann@example.com', '10.0.0.1')).toBe(false);
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

describe('a full store and throttles (issue 9, finding 3; issue 17)', () => {
  let clock = 0;
  const guard = (maxEntries?: number) => new BruteForceGuard({ maxAttempts: BRUTE_FORCE_THRESHOLD, now: () => clock, maxEntries });
  const ipOf = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  const block = (g: BruteForceGuard, email: string, ip: string) => {
    for (let i = 0; i < BRUTE_FORCE_THRESHOLD; i++) expect(g.beginAttempt(email, ip)).toBe('allowed');
  };

  it('row 5 (issue 17, full store): a live block survives 10,500 failures from other (email, IP) pairs, and a pair never seen still gets in', () => {
    const g = guard();
    block(g, 'victim@example.com', '192.0.2.1');
    const verdicts = Array.from({ length: 10_500 }, (_, i) => g.beginAttempt(`flood${i}@example.com`, ipOf(i)));
    expect(g.beginAttempt('victim@example.com', '192.0.2.1')).toEqual({ blocked: true, firstRefusal: true });
    // Before issue 17 a full store refused every new pair (for 30 days): 501 of these, and the right login below.
    expect(verdicts.filter((verdict) => verdict !== 'allowed')).toEqual([]);
    expect(g.beginAttempt('dev@example.com', '192.0.2.200')).toBe('allowed');
    expect(g.size).toBeLessThanOrEqual(2 * DEFAULT_MAX_ENTRIES);
  });

  it('row 5 (issue 17, full store): a store full of live blocks keeps every one through a flood, and still lets a new pair in', () => {
    const g = guard(20);
    for (let i = 0; i < 20; i++) block(g, `blocked${i}@example.com`, ipOf(i));
    for (let i = 20; i < 1_020; i++) g.beginAttempt(`flood${i}@example.com`, ipOf(i));
    // A block past the 20 held waits among the other pairs: kept until 20 newer pairs follow it.
    block(g, 'late@example.com', '192.0.2.9');
    for (let i = 0; i < 20; i++) expect([i, g.isBlocked(`blocked${i}@example.com`, ipOf(i))]).toEqual([i, true]);
    expect(g.isBlocked('late@example.com', '192.0.2.9')).toBe(true);
    expect(g.beginAttempt('dev@example.com', '192.0.2.200')).toBe('allowed');
  });

  it('row 13 (finding 3): throttles failures per IP across accounts, then lets one more through per refill', () => {
    const g = guard();
    const { burst, refillMs } = RATE_LIMITS.loginFailuresPerIp;
    for (let i = 0; i < burst; i++) expect(g.beginAttempt(`spray${i}@example.com`, '10.0.0.1')).toBe('allowed');
    expect(g.beginAttempt('another@example.com', '10.0.0.1')).toBe('throttled');
    expect(g.beginAttempt('another@example.com', '10.0.0.2')).toBe('allowed');
    clock += refillMs;
    expect(g.beginAttempt('another@example.com', '10.0.0.1')).toBe('allowed');
    expect(g.beginAttempt('yet-another@example.com', '10.0.0.1')).toBe('throttled');
  });

  it('row 13 (issue 17, full store): a throttled IP stays throttled through failures from 10,500 other IPs', () => {
    const g = guard();
    for (let i = 0; i < RATE_LIMITS.loginFailuresPerIp.burst; i++) g.beginAttempt(`spray${i}@example.com`, '10.255.0.1');
    for (let i = 0; i < 10_500; i++) g.beginAttempt('flood@example.com', ipOf(i));
    expect(g.beginAttempt('another@example.com', '10.255.0.1')).toBe('throttled');
  });

  it('row 5 (issue 17, lockout): 100 failures from 10 IPs, then a wrong try every 36 s from new ones, leave the user free from a clean IP', () => {
    const g = guard();
    const attackers = Array.from({ length: 10 }, (_, i) => `10.17.0.${i}`);
    for (const ip of attackers) block(g, 'ann@example.com', ip);
    for (let i = 0; i < 100; i++) {
      clock += 36_000;
      expect(g.beginAttempt('ann@example.com', `10.18.0.${i}`)).toBe('allowed');
    }
    // Before issue 17 the 100 failures drained a per-account bucket: 'throttled' from every address.
    expect(g.beginAttempt('ANN@example.com', '10.99.0.1')).toBe('allowed');
    g.recordSuccess('ann@example.com', '10.99.0.1');
    // Auth0's per-pair block still holds for each attacked address.
    for (const ip of attackers) expect([ip, g.isBlocked('ann@example.com', ip)]).toEqual([ip, true]);
  });
});

describe('equal cost for every kind of email (issue 9, finding 3)', () => {
  const t = useTestTenant();
  // The module object crypto/password-hash.ts calls scrypt on (a namespace import could not be spied on).
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
