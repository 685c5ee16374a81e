import { SignJWT, type JWTPayload } from 'jose';
import { loadOrCreateSigningKey } from '../dev-tenant/signing-key';
import { E2E_CLIENT_ID, E2E_TENANT_DATA_DIR, E2E_TENANT_URL } from './e2e-env';
import { DEV_USER } from './lock-page';

const nowInSeconds = (): number => Math.floor(Date.now() / 1000);

/** A running dev tenant: where its data (its signing key) lives, and its URL as the browser knows it. */
export interface MintingTenant {
  readonly dataDir: string;
  readonly url: string;
}

/**
 * An id_token signed with the running dev tenant's own key: real signature, claims of the test's
 * choosing (short lives, wrong audience, …). By default the tenant of playwright.config.ts.
 */
export async function mintIdToken(
  claims: JWTPayload = {},
  tenant: MintingTenant = { dataDir: E2E_TENANT_DATA_DIR, url: E2E_TENANT_URL }
): Promise<string> {
  const key = await loadOrCreateSigningKey(tenant.dataDir);
  const now = nowInSeconds();
  return new SignJWT({
    iss: `${tenant.url}/`,
    aud: E2E_CLIENT_ID,
    sub: 'auth0|e2e-user',
    email: DEV_USER.email,
    name: 'Dev User',
    iat: now,
    exp: now + 3600,
    ...claims
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid, typ: 'JWT' })
    .sign(key.privateKey);
}

export { nowInSeconds };
