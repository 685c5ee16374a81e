// The tenant's few plain HTML pages (logged out, password reset): no script, no outside resources,
// forms posting back to the tenant only, never framed.
import type { Response } from 'express';
import { escapeHtml } from './helpers';

export const PAGE_CSP = "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** bodyHtml must already be escaped; the title is escaped here. */
export function sendPage(res: Response, status: number, title: string, bodyHtml: string): void {
  res
    .status(status)
    .set('Content-Security-Policy', PAGE_CSP)
    .set('Cache-Control', 'no-store')
    .type('html')
    .send(
      `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>\n` +
        `<h1>${escapeHtml(title)}</h1>\n${bodyHtml}\n</body></html>\n`
    );
}
