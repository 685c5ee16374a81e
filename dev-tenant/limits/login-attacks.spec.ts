// Issue 17: an attacker with many loopback addresses must not lock the real user out of a clean one,
// and a flood of failed logins must not starve a right login. Each request here comes from its own
// source address (127.0.0.0/8), as the audit sent them.
import { BRUTE_FORCE_THRESHOLD } from '../config/config';
import { BruteForceGuard } from './brute-force';
import { RATE_LIMITS } from './rate-limit';
import { SUSPICIOUS_IP_THROTTLED } from '../routes/password-login';
import { TOO_MANY_ATTEMPTS } from '../routes/unblock';
import { coAuthenticateFrom, credentials, useTestTenant } from '../testing/test-support';
import { UserStore } from '../stores/users';

/** About fifty scrypts: on a loaded 2-core machine (load 19 seen) that takes 10-20 s. */
const FLOOD_TEST_MS = 120_000;

describe('targeted lockout and IP throttling (issue 17)', () => {
  const t = useTestTenant();
  const login = (from: string, email: string, password: string) => coAuthenticateFrom(t.tenant, credentials(email, password), from);
  /** The wrong passwords' hashes are not what these tests are about: they answer "wrong" at once. */
  const skipHashing = () => jest.spyOn(UserStore.prototype, 'verifyPassword').mockResolvedValue(undefined);
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('row 5 (issue 17, lockout): 100 wrong passwords from 10 addresses block those 10 pairs only; the right one from an 11th logs in', async () => {
    const attackers = Array.from({ length: 10 }, (_, i) => `127.0.17.${i + 1}`);
    skipHashing();
    const statuses = await Promise.all(
      attackers.map(async (from) => {
        const seen: number[] = [];
        for (let i = 0; i < BRUTE_FORCE_THRESHOLD; i++) seen.push((await login(from, 'dev@example.com', `wrong-${i}`)).status);
        return seen;
      })
    );
    jest.restoreAllMocks();
    expect(statuses.flat()).toEqual(Array(10 * BRUTE_FORCE_THRESHOLD).fill(403));
    // Auth0's block of each attacked (user, IP) pair holds, even for the right password.
    for (const from of attackers) {
      const blocked = await login(from, 'dev@example.com', 'dev-password');
      expect([from, blocked.status, JSON.parse(blocked.body)]).toEqual([
        from,
        429,
        { error: 'too_many_attempts', error_description: TOO_MANY_ATTEMPTS }
      ]);
    }
    // Before the fix: 429, the 100 failures had drained a per-account throttle for every address.
    const clean = await login('127.0.17.11', 'dev@example.com', 'dev-password');
    expect([clean.status, clean.body]).toEqual([200, expect.stringContaining('login_ticket')]);
  });

  it("row 13: an address that failed on 100 accounts gets Auth0's throttle answer, even with a right password; others do not", async () => {
    const { burst } = RATE_LIMITS.loginFailuresPerIp;
    skipHashing();
    for (let i = 0; i < burst; i++) expect((await login('127.0.19.1', `spray${i}@example.com`, 'wrong')).status).toBe(403);
    jest.restoreAllMocks();
    const throttled = await login('127.0.19.1', 'dev@example.com', 'dev-password');
    expect([throttled.status, JSON.parse(throttled.body)]).toEqual([
      429,
      { error: 'too_many_attempts', error_description: SUSPICIOUS_IP_THROTTLED }
    ]);
    expect((await login('127.0.19.2', 'dev@example.com', 'dev-password')).status).toBe(200);
  });
});

describe('a login flood (issue 17)', () => {
  const t = useTestTenant();
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it(
    'row 13 (issue 17, flood): a right login from another address waits for a few of the flood hashes, not for the whole flood',
    async () => {
      const flooders = ['127.0.18.1', '127.0.18.2', '127.0.18.3', '127.0.18.4'];
      const perAddress = 12;
      const begun = jest.spyOn(BruteForceGuard.prototype, 'beginAttempt');
      let floodAnswered = 0;
      const flood = flooders.flatMap((from) =>
        Array.from({ length: perAddress }, (_, i) =>
          coAuthenticateFrom(t.tenant, credentials(`flood-${from}-${i}@example.com`, 'wrong'), from).then((reply) => {
            floodAnswered++;
            return reply.status;
          })
        )
      );
      // Sent once the tenant has taken in the whole flood: every attempt counted and its check queued.
      while (begun.mock.calls.length < flood.length) await new Promise((resolve) => setImmediate(resolve));
      const answeredBefore = floodAnswered;
      const right = await coAuthenticateFrom(t.tenant, credentials('dev@example.com', 'dev-password'), '127.0.18.99');
      const answeredMeanwhile = floodAnswered - answeredBefore;
      expect(right.status).toBe(200);
      // Before the fix the right login's hash queued behind all 48 (44-45 answered meanwhile). Now each
      // flooding address has one hash in the pool at a time: one per address ahead, a few finishing beside it.
      expect(answeredMeanwhile).toBeLessThanOrEqual(3 * flooders.length);
      expect(await Promise.all(flood)).toEqual(Array(flood.length).fill(403));
    },
    FLOOD_TEST_MS
  );
});
