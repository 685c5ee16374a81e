// jose, as an API would use it, trusts the tenant's tokens knowing only the discovery document.
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { CLIENT_ID, fragmentOf, fullLogin, useTestTenant } from './testing/test-support';

const API = 'http://localhost:3002/';

interface Discovery {
  readonly issuer: string;
  readonly jwks_uri: string;
  readonly userinfo_endpoint: string;
  readonly response_types_supported: readonly string[];
  readonly id_token_signing_alg_values_supported: readonly string[];
}

describe('jose createRemoteJWKSet + jwtVerify', () => {
  const t = useTestTenant();

  async function discover() {
    const discovery = (await (await fetch(`${t.tenant.url}/.well-known/openid-configuration`)).json()) as Discovery;
    return { discovery, jwks: createRemoteJWKSet(new URL(discovery.jwks_uri)) };
  }

  it('accepts the id_token and the API access token from one login', async () => {
    const { discovery, jwks } = await discover();
    const responseType = 'token id_token';
    expect(discovery.response_types_supported).toContain(responseType);
    const fragment = fragmentOf(await fullLogin(t.tenant, { audience: API, response_type: responseType }));
    const algorithms = [...discovery.id_token_signing_alg_values_supported];

    const idToken = await jwtVerify(fragment.get('id_token') ?? '', jwks, { issuer: discovery.issuer, audience: CLIENT_ID, algorithms });
    expect(idToken.payload).toMatchObject({ email: 'dev@example.com', nonce: 'nonce-1' });
    const accessToken = fragment.get('access_token') ?? '';
    const access = await jwtVerify(accessToken, jwks, { issuer: discovery.issuer, audience: API, algorithms });
    expect(access.payload).toMatchObject({ sub: idToken.payload.sub, azp: CLIENT_ID, scope: 'openid profile email' });
    // The same token also opens the userinfo endpoint the discovery document names.
    const profile = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(await profile.json()).toMatchObject({ sub: idToken.payload.sub, email: 'dev@example.com' });
  });

  it('rejects a token presented to the wrong audience', async () => {
    const { discovery, jwks } = await discover();
    const idToken = fragmentOf(await fullLogin(t.tenant)).get('id_token') ?? '';
    await expect(jwtVerify(idToken, jwks, { issuer: discovery.issuer, audience: API })).rejects.toThrow(/unexpected "aud" claim value/);
  });
});
