// The cross-site dev tenant (https://127.0.0.1, its own certificate) as the tests reach it from Node:
// its control API, and its token endpoint as an attacker holding a stolen refresh token would call it.
import { tenantCertificateAuthority } from '../dev-tenant/crypto/tls-certificate';
import { loopbackFetch } from '../servers/loopback-fetch';
import { E2E_CLIENT_ID, E2E_CROSS_SITE_TENANT_DATA_DIR, E2E_CROSS_SITE_TENANT_URL } from './e2e-env';
import { TenantControl } from './tenant-control';

export const crossSiteTenant = (): TenantControl => new TenantControl(E2E_CROSS_SITE_TENANT_URL, E2E_CROSS_SITE_TENANT_DATA_DIR);

/** `POST /oauth/token` with `grant_type=refresh_token`, as auth0-spa-js sends it; the status and the JSON answer. */
export async function refreshTokenGrant(refreshToken: string): Promise<{ status: number; body: unknown }> {
  const response = await loopbackFetch(`${E2E_CROSS_SITE_TENANT_URL}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', client_id: E2E_CLIENT_ID, refresh_token: refreshToken }).toString(),
    ca: await tenantCertificateAuthority(E2E_CROSS_SITE_TENANT_URL, E2E_CROSS_SITE_TENANT_DATA_DIR)
  });
  return { status: response.status, body: (await response.json()) as unknown };
}
