// The tenant's page at `/`: users, live sessions, refresh-token families and the outbox for a person at the keyboard. Static
// HTML under the strict CSP; page-script.ts (served as /control/page.js) fills it from the control API.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { transformSync } from 'esbuild';
import { type RequestHandler, type Response } from 'express';
import { PAGE_CSP } from '../http/html-page';

/** The tenant's page CSP, plus its own script, stylesheet and API calls: still nothing inline, nothing from elsewhere. */
export const CONTROL_PAGE_CSP = `${PAGE_CSP}; script-src 'self'; style-src 'self'; connect-src 'self'`;

export const PAGE_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Dev tenant</title>
<link rel="stylesheet" href="/control/page.css">
<script src="/control/page.js" defer></script></head>
<body>
<h1>Dev tenant</h1>
<p>A local stand-in for an Auth0 tenant. This page and its <a href="/control/users">control API</a> answer on this machine only.</p>
<p><button type="button" id="refresh">Refresh</button> <button type="button" id="reset">Reset the tenant</button>
<span id="status" role="status"></span></p>
<h2>Users</h2>
<table id="users"><thead><tr><th>Email</th><th>Name</th><th>Verified</th><th>Blocked</th><th>Source</th><th>Actions</th></tr></thead><tbody></tbody></table>
<h2>Live sessions</h2>
<p><button type="button" id="expire-all">Expire all</button> <button type="button" id="revoke-all">Revoke all</button></p>
<table id="sessions"><thead><tr><th>Email</th><th>Created</th><th>Last used</th><th>Idle expiry</th><th>Expires</th><th>Actions</th></tr></thead><tbody></tbody></table>
<h2>Refresh tokens</h2>
<p><button type="button" id="expire-all-refresh-tokens" aria-label="Expire all refresh tokens">Expire all</button> <button type="button" id="revoke-all-refresh-tokens" aria-label="Revoke all refresh tokens">Revoke all</button></p>
<table id="refresh-tokens"><thead><tr><th>User</th><th>Client</th><th>Scope</th><th>Rotations</th><th>Created</th><th>Idle expiry</th><th>Expires</th><th>Actions</th></tr></thead><tbody></tbody></table>
<h2>Outbox</h2>
<p><button type="button" id="clear-outbox">Clear the outbox</button></p>
<table id="outbox"><thead><tr><th>Sent</th><th>Kind</th><th>To</th><th>Subject</th><th>Link</th></tr></thead><tbody></tbody></table>
</body></html>
`;

const PAGE_CSS = `body { font-family: system-ui, sans-serif; margin: 2rem; color: #1b1b1b; }
table { border-collapse: collapse; margin-bottom: 1rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; text-align: left; }
td button { margin-right: 0.25rem; }
#sessions td, #refresh-tokens td, #outbox td:first-child { white-space: nowrap; }
#status { margin-left: 1rem; }
`;

let pageScript: string | undefined;

/** page-script.ts as the browser runs it, transpiled once, on first use. */
export function pageScriptJs(): string {
  pageScript ??= transformSync(fs.readFileSync(path.join(__dirname, 'page-script.ts'), 'utf8'), {
    loader: 'ts',
    format: 'iife',
    target: 'es2020'
  }).code;
  return pageScript;
}

function sendAsset(res: Response, type: string, body: string): void {
  res.set('Cache-Control', 'no-store').type(type).send(body);
}

export function controlPage(): { readonly html: RequestHandler; readonly script: RequestHandler; readonly styles: RequestHandler } {
  const html: RequestHandler = (_req, res) => {
    res.set({ 'Content-Security-Policy': CONTROL_PAGE_CSP, 'X-Frame-Options': 'DENY' });
    sendAsset(res, 'html', PAGE_HTML);
  };
  const script: RequestHandler = (_req, res) => {
    sendAsset(res, 'js', pageScriptJs());
  };
  const styles: RequestHandler = (_req, res) => {
    sendAsset(res, 'css', PAGE_CSS);
  };
  return { html, script, styles };
}
