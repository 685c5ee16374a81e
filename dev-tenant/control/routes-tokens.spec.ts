// /control/id-tokens: tokens that verify against the tenant's published keys, with the caller's claims.
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { CLIENT_ID, useTestTenant } from '../test-support';
import { control } from './control-test-support';

describe('control API: id-tokens', () => {
  const t = useTestTenant();

  const mint = (body: unknown) =>
    control<{ id_token?: string; error?: string; error_description?: string }>(t.tenant, 'POST', '/control/id-tokens', body);

  it("signs with the tenant's own key: the token verifies against its JWKS, with the tenant's iss, aud and lifetime by default", async () => {
    const answer = await mint({ claims: { sub: 'auth0|minted', email: 'minted@example.com' } });
    expect(answer.status).toBe(201);
    const token = answer.body.id_token ?? '';
    const keys = createRemoteJWKSet(new URL(`${t.tenant.url}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(token, keys, { issuer: `${t.tenant.url}/`, audience: CLIENT_ID });
    expect(payload).toMatchObject({ sub: 'auth0|minted', email: 'minted@example.com' });
    const settings = await control<{ id_token_lifetime_s: number }>(t.tenant, 'GET', '/control/settings');
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(settings.body.id_token_lifetime_s);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'JWT' });
  });

  it('lets the claims override every default: an expired token for another audience is still signed by the tenant', async () => {
    const answer = await mint({ claims: { aud: 'another-client', iat: 1000, exp: 2000 } });
    const keys = createRemoteJWKSet(new URL(`${t.tenant.url}/.well-known/jwks.json`));
    await expect(jwtVerify(answer.body.id_token ?? '', keys, { audience: CLIENT_ID })).rejects.toThrow();
    const { payload } = await jwtVerify(answer.body.id_token ?? '', keys, { currentDate: new Date(1500 * 1000) });
    expect(payload).toMatchObject({ aud: 'another-client', iat: 1000, exp: 2000 });
  });

  it.each([
    ['claims that are not an object', { claims: ['sub'] }, 'claims must be a JSON object.'],
    ['a misspelt field', { claim: {} }, 'Unknown field: claim (allowed: claims).']
  ])('refuses %s with a 400 that says why', async (_name, body, description) => {
    const answer = await mint(body);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: 'invalid_request', error_description: description });
  });
});
