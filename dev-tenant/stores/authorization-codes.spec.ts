// The code store alone: single use, short-lived, bound to client, redirect_uri and the S256 challenge.
import { AUTHORIZATION_CODE_TTL_MS, AuthorizationCodeStore, s256Challenge, type AuthorizationCodeGrant } from './authorization-codes';

const VERIFIER = 'a'.repeat(20) + '-._~' + 'B'.repeat(25);
const GRANT: AuthorizationCodeGrant = {
  clientId: 'client-1',
  redirectUri: 'http://localhost:3000/',
  codeChallenge: s256Challenge(VERIFIER),
  userId: 'auth0|1',
  nonce: 'nonce-1',
  scope: 'openid offline_access',
  audience: undefined,
  sid: 'sid-1'
};
const REDEMPTION = { clientId: GRANT.clientId, redirectUri: GRANT.redirectUri, codeVerifier: VERIFIER };

describe('AuthorizationCodeStore', () => {
  let now = 1_000_000;
  const store = new AuthorizationCodeStore(() => now);
  beforeEach(() => {
    store.clear();
  });

  it('computes the S256 challenge as base64url(SHA-256(verifier)) without padding', () => {
    // RFC 7636 Appendix B's example pair.
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('row 14: hands the grant back for the right client, redirect_uri and verifier, once', () => {
    const code = store.issue(GRANT);
    expect(code).toMatch(/^[\w-]{43}$/);
    expect(store.redeem(code, REDEMPTION)).toEqual({ grant: GRANT });
    expect(store.redeem(code, REDEMPTION)).toEqual({ refused: 'invalid_code' });
  });

  it.each([
    ['another client', { clientId: 'client-2' }, 'invalid_code'],
    ['another redirect_uri', { redirectUri: 'http://localhost:3000/other' }, 'invalid_code'],
    ['no redirect_uri', { redirectUri: undefined }, 'invalid_code'],
    ['a wrong verifier', { codeVerifier: 'c'.repeat(43) }, 'pkce_failed'],
    ['no verifier', { codeVerifier: undefined }, 'pkce_failed'],
    ['the challenge itself (plain PKCE)', { codeVerifier: GRANT.codeChallenge }, 'pkce_failed'],
    ['a verifier too short for RFC 7636', { codeVerifier: 'short' }, 'pkce_failed']
  ])('row 14: refuses %s, and the code is used up', (_case, change, refused) => {
    const code = store.issue(GRANT);
    expect(store.redeem(code, { ...REDEMPTION, ...change })).toEqual({ refused });
    expect(store.redeem(code, REDEMPTION)).toEqual({ refused: 'invalid_code' });
  });

  it(`row 14: expires a code after ${AUTHORIZATION_CODE_TTL_MS / 1000} s`, () => {
    const late = store.issue(GRANT);
    const inTime = store.issue(GRANT);
    now += AUTHORIZATION_CODE_TTL_MS - 1;
    expect(store.redeem(inTime, REDEMPTION)).toEqual({ grant: GRANT });
    now += 1;
    expect(store.redeem(late, REDEMPTION)).toEqual({ refused: 'invalid_code' });
  });

  it('drops a user’s unredeemed codes', () => {
    const mine = store.issue(GRANT);
    const theirs = store.issue({ ...GRANT, userId: 'auth0|2' });
    store.revokeFor('auth0|1');
    expect(store.redeem(mine, REDEMPTION)).toEqual({ refused: 'invalid_code' });
    expect(store.redeem(theirs, REDEMPTION)).toEqual({ grant: { ...GRANT, userId: 'auth0|2' } });
  });
});
