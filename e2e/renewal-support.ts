// What the renewal e2e tests need beyond tools/pages/lock-page.ts: a skewed browser clock, a count of
// silent-renewal requests, and the session's end as the app times it.
import type { BrowserContext, Page, Request } from '@playwright/test';
import { STORAGE_KEYS } from '../components/auth/testing';
import { decodeJwtPayload } from '../tools/pages/lock-page';
import { E2E_TENANT_URL } from './e2e-env';

/** Makes `Date` (and so `Date.now()`, `new Date()`) in every page and frame of the context run `aheadMs` ahead of the real time (negative: behind). */
export async function skewBrowserClock(context: BrowserContext, aheadMs: number): Promise<void> {
  await context.addInitScript({
    content: `(() => {
      const RealDate = Date;
      const ahead = ${JSON.stringify(aheadMs)};
      class SkewedDate extends RealDate {
        constructor(...args) { if (args.length === 0) { super(RealDate.now() + ahead); } else { super(...args); } }
        static now() { return RealDate.now() + ahead; }
      }
      window.Date = SkewedDate;
    })();`
  });
}

/**
 * When (real time, ms) each silent renewal, a `prompt=none` /authorize from any page or frame of the
 * context, was sent. Lock's own SSO check looks the same on the wire (angular-lock gives Lock and
 * auth0-js one telemetry name, and both ask for `openid profile email`), so start recording where no
 * logged-out page is open: after `storeToken`, not before `plantToken`.
 */
export function recordSilentRenewals(context: BrowserContext): number[] {
  const sentAt: number[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === E2E_TENANT_URL && url.pathname === '/authorize' && url.searchParams.get('prompt') === 'none') {
      sentAt.push(Date.now());
    }
  });
  return sentAt;
}

/** The claims of the session's token (its `sub`, …), to mint tokens for the same user: a renewal for another user ends the session. */
export async function sessionClaims(page: Page): Promise<Record<string, unknown>> {
  const token = await page.evaluate(() => localStorage.getItem('id_token'));
  if (token === null) {
    throw new Error('no id_token stored: log in first');
  }
  const { sub, email, name } = decodeJwtPayload(token);
  return { sub, email, name };
}

/** Stores `token` under id_token and reloads the page: the app boots with it, as found in storage. */
export async function reloadWithToken(page: Page, token: string): Promise<void> {
  await page.evaluate((value) => {
    localStorage.setItem('id_token', value);
  }, token);
  await page.reload();
}

/** Every `/authorize?prompt=none` the context sends (top-level or framed), and every password login (`/co/authenticate`). */
export function recordTenantRequests(
  context: BrowserContext,
  tenantOrigin = E2E_TENANT_URL
): { silent: Request[]; passwordLogins: Request[] } {
  const recorded = { silent: [] as Request[], passwordLogins: [] as Request[] };
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== tenantOrigin) return;
    if (url.pathname === '/authorize' && url.searchParams.get('prompt') === 'none') recorded.silent.push(request);
    if (url.pathname === '/co/authenticate') recorded.passwordLogins.push(request);
  });
  return recorded;
}

/**
 * When (local clock, ms) the app ends the stored session on its own: the token's `exp`, moved by the
 * offset its receipt recorded between the tenant's `iat` and the moment the app received it.
 */
export async function localExpiryMs(page: Page): Promise<number> {
  const { token, receipt } = await page.evaluate(
    (receiptKey) => ({ token: localStorage.getItem('id_token'), receipt: localStorage.getItem(receiptKey) }),
    STORAGE_KEYS.tokenReceipt
  );
  if (token === null) {
    throw new Error('no id_token stored: log in first');
  }
  const offsetMs = receipt === null ? 0 : Number((JSON.parse(receipt) as { offsetMs?: unknown }).offsetMs ?? 0);
  return Number(decodeJwtPayload(token).exp) * 1000 + offsetMs;
}
