import { SignJWT, type JWTPayload } from 'jose';
import { loadOrCreateSigningKey } from '../dev-tenant/signing-key';
import { E2E_CLIENT_ID, E2E_TENANT_DATA_DIR, E2E_TENANT_URL } from './e2e-env';
import { DEV_USER } from './lock-page';

const nowInSeconds = (): number => Math.floor(Date.now() / 1000);

/**
 * An id_token signed with the running dev tenant's own key: real signature, claims of the test's
 * choosing (short lives, wrong audience, …).
 */
export async function mintIdToken(claims: JWTPayload = {}): Promise<string> {
  const key = await loadOrCreateSigningKey(E2E_TENANT_DATA_DIR);
  const now = nowInSeconds();
  return new SignJWT({
    iss: `${E2E_TENANT_URL}/`,
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
