// The page /authorize answers with for response_mode=web_message (Lock's SSO check and checkSession):
// it posts {type: 'authorization_response', response} to the app that framed or opened it.
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { jsonForScript } from './helpers';

// Static, so the CSP can allow exactly this script by hash; the per-request data rides in a JSON data block.
const SCRIPT = [
  '(function () {',
  "  var data = JSON.parse(document.getElementById('authorization-response').textContent);",
  '  var target = window.opener || window.parent;',
  "  target.postMessage({ type: 'authorization_response', response: data.response }, data.targetOrigin);",
  '})();'
].join('\n');
const SCRIPT_SOURCE = `'sha256-${createHash('sha256').update(SCRIPT, 'utf8').digest('base64')}'`;

/**
 * Sends the response to targetOrigin only (never "*"), so tokens cannot reach another origin.
 * targetOrigin must come from the web-origins allow-list: it is also written into the CSP header.
 */
export function sendWebMessage(res: Response, targetOrigin: string, response: Readonly<Record<string, string>>): void {
  const data = jsonForScript({ targetOrigin, response });
  res.set(
    'Content-Security-Policy',
    `default-src 'none'; script-src ${SCRIPT_SOURCE}; frame-ancestors ${targetOrigin}; base-uri 'none'; form-action 'none'`
  );
  res.set('Cache-Control', 'no-store');
  res
    .type('html')
    .send(
      '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Authorization Response</title></head><body>\n' +
        `<script type="application/json" id="authorization-response">${data}</script>\n` +
        `<script>${SCRIPT}</script>\n</body></html>\n`
    );
}
