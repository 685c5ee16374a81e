// The response headers of the app, for webpack-dev-server (`npm start`) and, through the file the
// build writes, for `npm run serve`. The policy depends on the tenant baked into the build.
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const { connectionSources } = require('./tenant-sources');

/** Where the production server finds the build's headers; a dotfile, so it is never served. */
const HEADERS_FILE = '.security-headers.json';

const sha256Source = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * WebKit (Safari, WebKitGTK) parses innerHTML text into nodes of at most 65,536 characters and
 * checks style-src after appending each one, so a longer stylesheet is also checked as its first
 * 65,536, 131,072, … characters: those prefixes need hashes too (2 for Lock 14's 188 KB). Chromium
 * and Firefox check the whole text only.
 */
const WEBKIT_TEXT_NODE_LIMIT = 65536;
const webkitPartialTexts = (text) =>
  Array.from({ length: Math.ceil(text.length / WEBKIT_TEXT_NODE_LIMIT) - 1 }, (_, index) =>
    text.slice(0, (index + 1) * WEBKIT_TEXT_NODE_LIMIT)
  );

/**
 * Lock injects its whole stylesheet as one inline <style id="auth0-lock-style"> (injectStyles in
 * auth0-lock/lib/core.js): it appends the element empty, then sets its innerHTML. The browser checks
 * both, so style-src allows exactly these texts by hash (and WebKit's partial ones), and no other inline style.
 */
function lockStyleHashes() {
  const source = fs.readFileSync(require.resolve('auth0-lock/lib/core.js'), 'utf8');
  const literal = /^var css = ("(?:[^"\\]|\\.)*");$/m.exec(source);
  if (!literal) {
    throw new Error('auth0-lock/lib/core.js has no `var css = "…"` any more: see webpack/security-headers.js');
  }
  const css = JSON.parse(literal[1]);
  return ['', css, ...webkitPartialTexts(css)].map(sha256Source);
}

/** settings: the build's auth0 settings (webpack.config.js), i.e. the tutorial's auth0-variables. */
function contentSecurityPolicy(settings) {
  const sources = connectionSources(settings);
  const directives = {
    'default-src': ["'self'"],
    // Lock's client configuration and dictionary are scripts (JSONP-style).
    'script-src': ["'self'", ...sources.scripts],
    // Lock's own inline stylesheet, in Lock mode only.
    'style-src': ["'self'", ...(settings.loginMode === 'universal' ? [] : lockStyleHashes())],
    // Lock's stylesheet draws its icons with data: SVGs; the profile picture when the tenant serves
    // it (the dev tenant's generated avatars). Not gravatar, which Auth0's `picture` points at.
    'img-src': ["'self'", 'data:', ...sources.images],
    // /co/authenticate, the JWKS, /userinfo; the API the app calls with the token.
    'connect-src': ["'self'", ...sources.connect],
    // The hidden prompt=none iframe of Lock's SSO check and of checkSession(); none in universal mode.
    'frame-src': sources.frames.length > 0 ? sources.frames : ["'none'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"]
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

function securityHeaders(settings) {
  return {
    'Content-Security-Policy': contentSecurityPolicy(settings),
    'X-Content-Type-Options': 'nosniff',
    // The origin only, never a path: the dev tenant redeems a login ticket only from a page that names
    // an allowed web origin this way (dev-tenant/http/ticket-arrival.ts: cookies do not separate ports).
    'Referrer-Policy': 'strict-origin'
  };
}

module.exports = { HEADERS_FILE, securityHeaders };
