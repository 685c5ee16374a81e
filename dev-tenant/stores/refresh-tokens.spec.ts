// The refresh-token families alone: rotation, reuse detection, the reuse interval, both lifetimes.
import type { RefreshTokenSettings } from '../config/refresh-token-config';
import { RefreshTokenStore, type RefreshGrant, type Rotation } from './refresh-tokens';

const GRANT: RefreshGrant = { userId: 'auth0|1', clientId: 'client-1', scope: 'openid offline_access', audience: undefined, sid: 'sid-1' };
const SECOND_MS = 1000;

function tokenOf(rotation: Rotation): string {
  if ('refused' in rotation) throw new Error(`refused: ${rotation.refused}`);
  return rotation.refreshToken;
}

describe('RefreshTokenStore', () => {
  let now = 1_000_000;
  let settings: RefreshTokenSettings;
  const store = new RefreshTokenStore(
    () => settings,
    () => now,
    3
  );
  beforeEach(() => {
    settings = { refreshTokenLifetimeSeconds: 1000, refreshTokenIdleLifetimeSeconds: 100, refreshTokenLeewaySeconds: 0 };
    store.clear();
  });

  it('row 17: rotates: each exchange returns a new token with the family’s grant', () => {
    const first = store.issue(GRANT);
    const rotation = store.rotate(first, GRANT.clientId);
    expect(rotation).toMatchObject({ grant: GRANT });
    const second = tokenOf(rotation);
    expect(second).not.toBe(first);
    expect(tokenOf(store.rotate(second, GRANT.clientId))).not.toBe(second);
  });

  it('row 17: revokes the whole family when a rotated token is used again (reuse detection)', () => {
    const first = store.issue(GRANT);
    const second = tokenOf(store.rotate(first, GRANT.clientId));
    const other = store.issue({ ...GRANT, sid: 'sid-2' });
    expect(store.rotate(first, GRANT.clientId)).toEqual({ refused: 'reused' });
    expect(store.rotate(second, GRANT.clientId)).toEqual({ refused: 'unknown' });
    // Another family of the same user is left alone.
    expect(store.rotate(other, GRANT.clientId)).toMatchObject({ grant: { sid: 'sid-2' } });
  });

  it('row 17: lets the replaced token be exchanged again within the leeway, and only then', () => {
    settings = { ...settings, refreshTokenLeewaySeconds: 10 };
    const first = store.issue(GRANT);
    const second = tokenOf(store.rotate(first, GRANT.clientId));
    now += 10 * SECOND_MS - 1;
    const branch = tokenOf(store.rotate(first, GRANT.clientId));
    // Both successors work: the leeway exists for two requests racing with one token.
    expect(store.rotate(second, GRANT.clientId)).toMatchObject({ grant: GRANT });
    expect(store.rotate(branch, GRANT.clientId)).toMatchObject({ grant: GRANT });
    now += 1;
    expect(store.rotate(first, GRANT.clientId)).toEqual({ refused: 'reused' });
  });

  it('row 17: ends the family at its absolute lifetime, however recently it rotated', () => {
    let current = store.issue(GRANT);
    for (let i = 0; i < 10; i += 1) {
      now += 99 * SECOND_MS;
      current = tokenOf(store.rotate(current, GRANT.clientId));
    }
    // 10 s after the last rotation: well within the idle lifetime, at the absolute one.
    now += 1000 * SECOND_MS - 10 * 99 * SECOND_MS;
    expect(store.rotate(current, GRANT.clientId)).toEqual({ refused: 'expired' });
    expect(store.size).toBe(0);
  });

  it('row 17: expires a token left unused for the idle lifetime; each rotation restarts it', () => {
    const first = store.issue(GRANT);
    now += 100 * SECOND_MS - 1;
    const second = tokenOf(store.rotate(first, GRANT.clientId));
    now += 100 * SECOND_MS - 1;
    const third = tokenOf(store.rotate(second, GRANT.clientId));
    now += 100 * SECOND_MS;
    expect(store.rotate(third, GRANT.clientId)).toEqual({ refused: 'expired' });
  });

  it.each([
    ['another client’s exchange', (token: string) => [token, 'client-2']],
    ['a tampered counter', (token: string) => [token.replace(/\.0\./, '.1.'), GRANT.clientId]],
    ['a tampered signature', (token: string) => [`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, GRANT.clientId]],
    ['a made-up token', () => ['not-a-token', GRANT.clientId]]
  ])('refuses %s as unknown, and leaves the family alone', (_case, forge) => {
    const first = store.issue(GRANT);
    const [token, clientId] = forge(first) as [string, string];
    expect(store.rotate(token, clientId)).toEqual({ refused: 'unknown' });
    expect(store.rotate(first, GRANT.clientId)).toMatchObject({ grant: GRANT });
  });

  it('revokes a family by any of its tokens, for its own client only', () => {
    const first = store.issue(GRANT);
    const second = tokenOf(store.rotate(first, GRANT.clientId));
    expect(store.revoke(first, 'client-2')).toBe(false);
    expect(store.revoke(first, GRANT.clientId)).toBe(true);
    expect(store.rotate(second, GRANT.clientId)).toEqual({ refused: 'unknown' });
  });

  it('lists a user’s live families and revokes them all', () => {
    const start = now;
    const first = store.issue(GRANT);
    store.issue({ ...GRANT, userId: 'auth0|2' });
    now += 5 * SECOND_MS;
    tokenOf(store.rotate(first, GRANT.clientId));
    expect(store.list('auth0|1')).toEqual([
      {
        ...GRANT,
        familyId: expect.stringMatching(/^[\w-]{43}$/) as unknown,
        createdAt: start,
        expiresAt: start + 1000 * SECOND_MS,
        idleExpiresAt: now + 100 * SECOND_MS,
        rotations: 1
      }
    ]);
    expect(store.list()).toHaveLength(2);
    expect(store.revokeFor('auth0|1')).toBe(1);
    expect(store.rotate(first, GRANT.clientId)).toEqual({ refused: 'unknown' });
    expect(store.list().map((family) => family.userId)).toEqual(['auth0|2']);
  });

  it('sweeps expired families and holds at most its cap, dropping the oldest', () => {
    const oldest = store.issue(GRANT);
    store.issue(GRANT);
    store.issue(GRANT);
    const newest = store.issue(GRANT);
    expect(store.size).toBe(3);
    expect(store.rotate(oldest, GRANT.clientId)).toEqual({ refused: 'unknown' });
    now += 100 * SECOND_MS;
    store.purgeExpired();
    expect(store.size).toBe(0);
    expect(store.rotate(newest, GRANT.clientId)).toEqual({ refused: 'unknown' });
  });
});
