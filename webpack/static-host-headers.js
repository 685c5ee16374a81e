// The build's response headers by path, from the one source (security-headers.js), and the same
// rules as ready configurations for static hosts: an nginx include and a Netlify / Cloudflare Pages
// `_headers` file. Copy dist/ anywhere else and its CSP would be gone; these carry it along.
const { Compilation, sources } = require('webpack');
const { securityHeaders } = require('./security-headers');
const { tenantOrigin } = require('./tenant-sources');

/** The Cross-Origin Verification Fallback page (app/callback-cross-auth.ts): the tenant frames it. */
const FALLBACK_PAGE = 'callback-cross-auth.html';
/** Its headers, for `npm run serve` (scripts/static-server.ts); a dotfile, never served. */
const FALLBACK_HEADERS_FILE = '.security-headers.callback-cross-auth.json';
const NGINX_FILE = 'nginx.conf';
const NETLIFY_FILE = '_headers';
/** Names webpack gave a [contenthash] (as scripts/static-server.ts tells them): cached for a year. */
const HASHED_NAME_PATTERN = '\\.[0-9a-f]{16,}\\.\\w+(\\.map)?$';
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The fallback page runs one auth0-js call and loads nothing but its own script. Only the tenant
 * may frame it (Auth0's /authorize page does, when its cookie did not come back); nobody else.
 */
function fallbackPageHeaders(settings) {
  const policy = [
    "default-src 'none'",
    "script-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${tenantOrigin(settings)}`
  ];
  return { ...securityHeaders(settings), 'Content-Security-Policy': policy.join('; ') };
}

/** For a server (webpack-dev-server): the headers a request for a path gets, the fallback page's or the app's. */
function headersByPath(settings) {
  const app = securityHeaders(settings);
  const fallback = fallbackPageHeaders(settings);
  return (pathname) => (pathname === `/${FALLBACK_PAGE}` ? fallback : app);
}

function nginxValue(value) {
  // Double-quoted in nginx; `$` would start a variable there, and no header of ours has one.
  if (/[$"\\\n]/.test(value)) throw new Error(`A header value nginx cannot carry verbatim: ${value}`);
  return `"${value}"`;
}

/** add_header in a location replaces the server's set, so every location repeats the whole set. */
function addHeaders(headers, cacheControl) {
  return Object.entries({ ...headers, 'Cache-Control': cacheControl }).map(
    ([name, value]) => `    add_header ${name} ${nginxValue(value)} always;`
  );
}

/** A `server`-level include: `root` stays the server block's (this folder), the rest is here. */
function nginxConfig(settings) {
  const app = securityHeaders(settings);
  return [
    '# Written by `npm run build` (webpack/static-host-headers.js) for this build: its security headers,',
    '# caching and files. Inside the server block that serves this folder:',
    '#   root /srv/app/dist;',
    '#   include /srv/app/dist/nginx.conf;',
    '# The `http` block needs the usual `include mime.types;`.',
    'index index.html;',
    '# The .gz files the build wrote beside each text file.',
    'gzip_static on;',
    'gzip_vary on;',
    '',
    '# Dotfiles (the headers for `npm run serve`) and these configurations are not content.',
    'location ~ /\\. { return 404; }',
    `location = /${NGINX_FILE} { return 404; }`,
    `location = /${NETLIFY_FILE} { return 404; }`,
    '',
    `location = /${FALLBACK_PAGE} {`,
    ...addHeaders(fallbackPageHeaders(settings), 'no-cache'),
    '    try_files $uri =404;',
    '}',
    `location ~ "${HASHED_NAME_PATTERN}" {`,
    ...addHeaders(app, IMMUTABLE),
    '    try_files $uri =404;',
    '}',
    '# index.html and anything unhashed: revalidated, so a new build is seen at once.',
    'location / {',
    ...addHeaders(app, 'no-cache'),
    '    try_files $uri $uri/ =404;',
    '}',
    ''
  ].join('\n');
}

/**
 * Netlify's and Cloudflare Pages' `_headers`: both send every matching rule's headers, so each
 * page's CSP is on its own paths only (two CSPs would both be enforced). Cloudflare Pages serves
 * `x.html` at `/x`, so the pages have both spellings. Caching stays the hosts' own (revalidation).
 */
function netlifyHeaders(settings) {
  const { 'Content-Security-Policy': appPolicy, ...common } = securityHeaders(settings);
  const fallbackPolicy = fallbackPageHeaders(settings)['Content-Security-Policy'];
  const rule = (paths, headers) =>
    paths.flatMap((path) => [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)]);
  const fallbackPaths = [`/${FALLBACK_PAGE}`, `/${FALLBACK_PAGE.replace(/\.html$/, '')}`];
  return [
    '# Written by `npm run build` (webpack/static-host-headers.js): the security headers of this build.',
    ...rule(['/*'], common),
    ...rule(['/', '/index.html'], { 'Content-Security-Policy': appPolicy }),
    ...rule(fallbackPaths, { 'Content-Security-Policy': fallbackPolicy }),
    ''
  ].join('\n');
}

/** Emits the fallback page's headers (for `npm run serve`) and the two static-host configurations. */
class StaticHostHeadersPlugin {
  constructor(settings) {
    this.settings = settings;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('StaticHostHeadersPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'StaticHostHeadersPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const fallback = `${JSON.stringify(fallbackPageHeaders(this.settings), null, 2)}\n`;
        compilation.emitAsset(FALLBACK_HEADERS_FILE, new sources.RawSource(fallback));
        compilation.emitAsset(NGINX_FILE, new sources.RawSource(nginxConfig(this.settings)));
        compilation.emitAsset(NETLIFY_FILE, new sources.RawSource(netlifyHeaders(this.settings)));
      });
    });
  }
}

module.exports = {
  FALLBACK_HEADERS_FILE,
  FALLBACK_PAGE,
  StaticHostHeadersPlugin,
  fallbackPageHeaders,
  headersByPath,
  netlifyHeaders,
  nginxConfig
};
