import type { Page, Request } from '@playwright/test';

export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
  url: string;
}

/**
 * Every `securitypolicyviolation` event in every document the page shows (login, callback,
 * reloads), reported out of the page as it happens so a navigation cannot lose it.
 */
export async function collectCspViolations(page: Page): Promise<CspViolation[]> {
  const violations: CspViolation[] = [];
  await page.exposeBinding('reportCspViolation', (_source, violation: CspViolation) => {
    violations.push(violation);
  });
  await page.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (violation: CspViolation) => void }).reportCspViolation;
    document.addEventListener('securitypolicyviolation', (event) => {
      report({ directive: event.effectiveDirective, blocked: event.blockedURI, sample: event.sample, url: event.documentURI });
    });
  });
  return violations;
}

/** The content-hashed (production) or plain (development) name webpack gives Lock's chunk. */
export const isLockChunkUrl = (url: URL): boolean => /^\/lock(\.[0-9a-f]+)?\.js$/.test(url.pathname);
export const isLockChunk = (request: Request): boolean => isLockChunkUrl(new URL(request.url()));

/** The angular-lock `lock` service of the running app, for what no button does (renewal on demand). */
interface PageLock {
  checkSession(options: object, callback: (error: { error: string } | null, result?: { idToken?: string }) => void): void;
}

export interface SilentRenewal {
  error: string | null;
  idToken: boolean;
}

/** In the page, for any driver: `lock.checkSession({}, cb)`, the silent renewal (prompt=none, web_message). Self-contained. */
export function checkSessionInPage(): Promise<SilentRenewal> {
  const { angular } = window as unknown as { angular: { element(node: Element): { injector(): { get(name: string): PageLock } } } };
  const appRoot = document.querySelector('[ng-app]');
  if (!appRoot) {
    throw new Error('no [ng-app] element');
  }
  const lock = angular.element(appRoot).injector().get('lock');
  return new Promise((resolve) => {
    lock.checkSession({}, (error, result) => {
      resolve({ error: error?.error ?? null, idToken: Boolean(result?.idToken) });
    });
  });
}

export const checkSession = (page: Page): Promise<SilentRenewal> => page.evaluate(checkSessionInPage);
