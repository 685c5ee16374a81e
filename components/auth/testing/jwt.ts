/** An unsigned JWT with the given claims: enough for code that only decodes (angular-jwt, id-token.ts). */
export function unsignedJwt(claims: Record<string, unknown>): string {
  return `${base64Url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${base64Url(JSON.stringify(claims))}.signature`;
}

export function base64Url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The client ID jest.config.js gives the app in unit tests. */
export const UNIT_TEST_CLIENT_ID = 'unit-test-client';

/** An id_token for this app (its `aud`), valid for `seconds` unless claims say otherwise. */
export function testIdToken(seconds: number, claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return unsignedJwt({ aud: UNIT_TEST_CLIENT_ID, sub: 'auth0|1', iat: now, exp: now + seconds, ...claims });
}
