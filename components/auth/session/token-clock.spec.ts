import { decodeIdToken, type IdTokenClaims } from './id-token';
import { testIdToken } from '../testing/jwt';
import { MAX_CLOCK_SKEW_MS, localLifetime, parseReceipt, receiptFor } from './token-clock';

function claimsOf(token: string): IdTokenClaims {
  const claims = decodeIdToken(token);
  if (!claims) throw new Error('test token did not decode');
  return claims;
}

describe('token clock: a token timed from its receipt on the local clock', () => {
  const claims = claimsOf(testIdToken(120, { iat: 1_000_000, exp: 1_000_120 }));

  it('a token received 70 s after its iat (the browser clock 70 s fast) lives 120 s from receipt', () => {
    const receivedAtMs = 1_000_070_000;
    const receipt = receiptFor(claims, receivedAtMs);
    expect(receipt?.offsetMs).toBe(70_000);
    expect(localLifetime(claims, receipt)).toEqual({ issuedAtMs: receivedAtMs, expiresAtMs: receivedAtMs + 120_000 });
  });

  it('a browser clock behind the tenant also gives receipt + lifetime, never more', () => {
    const receivedAtMs = 1_000_000_000 - 5 * 60_000;
    expect(localLifetime(claims, receiptFor(claims, receivedAtMs)).expiresAtMs).toBe(receivedAtMs + 120_000);
  });

  it('a token issued longer ago than any skew explains is judged by exp on the local clock', () => {
    expect(receiptFor(claims, 1_000_000_000 + MAX_CLOCK_SKEW_MS + 1)).toBeNull();
    expect(localLifetime(claims, null).expiresAtMs).toBe(1_000_120_000);
  });

  it('a token without iat, or with exp not after iat, has no receipt', () => {
    expect(receiptFor(claimsOf(testIdToken(120, { iat: undefined })), Date.now())).toBeNull();
    expect(receiptFor(claimsOf(testIdToken(120, { iat: 1_000_200, exp: 1_000_100 })), 1_000_200_000)).toBeNull();
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{'],
    ['an array', '[1]'],
    ['another token', JSON.stringify({ iat: 1, exp: 121, sub: 'auth0|1', offsetMs: 0 })],
    ['another sub', JSON.stringify({ iat: 1_000_000, exp: 1_000_120, sub: 'auth0|2', offsetMs: 0 })],
    ['offset not a number', JSON.stringify({ iat: 1_000_000, exp: 1_000_120, sub: 'auth0|1', offsetMs: '0' })],
    ['offset beyond any skew', JSON.stringify({ iat: 1_000_000, exp: 1_000_120, sub: 'auth0|1', offsetMs: MAX_CLOCK_SKEW_MS + 1 })]
  ])('a stored receipt that is %s reads as none', (_name, raw) => {
    expect(parseReceipt(raw, claims)).toBeNull();
  });

  it('a stored receipt for this token is read back, with its renewal refusal', () => {
    const raw = JSON.stringify({ iat: 1_000_000, exp: 1_000_120, sub: 'auth0|1', offsetMs: -300_000, renewalRefused: true });
    expect(parseReceipt(raw, claims)).toEqual({ iat: 1_000_000, exp: 1_000_120, sub: 'auth0|1', offsetMs: -300_000, renewalRefused: true });
  });
});
