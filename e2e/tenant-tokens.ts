import type { JWTPayload } from 'jose';
import { DEV_USER } from '../tools/pages/lock-page';
import { E2E_TENANT_DATA_DIR, E2E_TENANT_URL } from './e2e-env';
import { TenantControl } from './tenant-control';

const nowInSeconds = (): number => Math.floor(Date.now() / 1000);

/** A running dev tenant, by its URL as the browser knows it (its control API mints the tokens), and its data dir (the control secret). */
export interface MintingTenant {
  readonly url: string;
  readonly dataDir: string;
}

const E2E_TENANT: MintingTenant = { url: E2E_TENANT_URL, dataDir: E2E_TENANT_DATA_DIR };

/**
 * An id_token signed by the running dev tenant's own key (through its control API): a real
 * signature, claims of the test's choosing (short lives, wrong audience, …). By default the tenant
 * of playwright.config.ts, and the dev user's claims.
 */
export async function mintIdToken(claims: JWTPayload = {}, tenant: MintingTenant = E2E_TENANT): Promise<string> {
  const now = nowInSeconds();
  return new TenantControl(tenant.url, tenant.dataDir).mintIdToken({
    sub: 'auth0|e2e-user',
    email: DEV_USER.email,
    name: 'Dev User',
    iat: now,
    exp: now + 3600,
    ...claims
  });
}

/** The dev user's own `sub` at the tenant: a stale token that "Log in again" replaces must be the same account's. */
export async function devUserSub(tenant: MintingTenant = E2E_TENANT): Promise<string> {
  const user = (await new TenantControl(tenant.url, tenant.dataDir).users(DEV_USER.email)).at(0);
  if (user === undefined) throw new Error(`the tenant has no ${DEV_USER.email}`);
  return user.user_id;
}

export { nowInSeconds };
