// The Universal Login pages' frame: server-rendered HTML with no script and no inline style (only the
// tenant's own stylesheet), under a strict CSP, never framed, never cached.
import type { Request, Response } from 'express';
import type { ResolvedTenantConfig } from '../config/config';
import { escapeHtml, originOf } from './helpers';

export const UL_STYLESHEET_PATH = '/u/login.css';

/**
 * form-action also names the callbacks' origins: Chromium applies it to the redirect that answers
 * the form's post, and a login ends in a redirect to the app.
 */
export function ulContentSecurityPolicy(config: ResolvedTenantConfig): string {
  const callbackOrigins = [...new Set(config.callbackUrls.map(originOf).filter((origin) => origin !== undefined))];
  return [
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self'",
    `form-action ${["'self'", ...callbackOrigins].join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'"
  ].join('; ');
}

export interface UlPage {
  readonly title: string;
  /** Already escaped. */
  readonly mainHtml: string;
}

export function sendUlPage(res: Response, config: ResolvedTenantConfig, status: number, page: UlPage): void {
  res
    .status(status)
    .set({
      'Content-Security-Policy': ulContentSecurityPolicy(config),
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'no-store',
      // Not the tenant's no-referrer: under it a form's post says `Origin: null`, and the post must name the
      // tenant's origin (samePagePost). The page's URL (its transaction) still never leaves the tenant.
      'Referrer-Policy': 'same-origin'
    })
    .type('html')
    .send(
      '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
        '<meta name="viewport" content="width=device-width, initial-scale=1">' +
        `<title>${escapeHtml(page.title)} | ${escapeHtml(config.tenantName)}</title>` +
        `<link rel="stylesheet" href="${UL_STYLESHEET_PATH}"></head>\n` +
        `<body><main class="box">\n${page.mainHtml}\n</main></body></html>\n`
    );
}

/**
 * A post from one of the tenant's own pages. Cookies do not separate ports, so a page on another
 * localhost port could otherwise post its own transaction's form from the victim's browser (login
 * CSRF); the Origin header (or, without it, Sec-Fetch-Site) is what such a page cannot forge. A post
 * with neither is not from a browser that could be led there, and is refused all the same.
 */
export function postedFromOwnPage(req: Request, config: ResolvedTenantConfig): boolean {
  const origin = req.headers.origin;
  if (origin !== undefined) return origin === originOf(config.publicUrl);
  return req.headers['sec-fetch-site'] === 'same-origin';
}
