// The build's response headers by path, from the one source (security-headers.js), and the same
// rules as ready configurations for static hosts: an nginx include and a Netlify / Cloudflare Pages
// `_headers` file. Copy dist/ anywhere else and its CSP would be gone; these carry it along.
const { Compilation, sources } = require('webpack');
const { cspUnion } = require('./csp-union');
const { securityHeaders } = require('./security-headers');
const { tenantOrigin } = require('./tenant-sources');

/** The Cross-Origin Verification Fallback page (app/callback-cross-auth.ts): the tenant frames it. */
const FALLBACK_PAGE = 'callback-cross-auth.html';
/** Its headers, for `npm run serve` (servers/static-server.ts); a dotfile, never served. */
const FALLBACK_HEADERS_FILE = '.security-headers.callback-cross-auth.json';
const NGINX_FILE = 'nginx.conf';
const NETLIFY_FILE = '_headers';
/** Names webpack gave a [contenthash]: cached for a year. Not their source maps (below). */
const HASHED_NAME_PATTERN = '\\.[0-9a-f]{16,}\\.\\w+$';
const SOURCE_MAP_PATTERN = '\\.map$';
const ONE_YEAR_S = 365 * 24 * 60 * 60;
const IMMUTABLE = `public, max-age=${ONE_YEAR_S}, immutable`;
/**
 * HTTPS only from now on, for a year. Browsers ignore it on a plain-http response (RFC 6797 8.1), so
 * it takes effect once the site is served over https; the http server should redirect there. Not
 * includeSubDomains or preload: those commit every other host of the domain, which is not this build's call.
 */
const HSTS = `max-age=${ONE_YEAR_S}`;

/** The build's security headers as a static host sends them: over https, so with HSTS. */
function staticHostHeaders(headers) {
  return { ...headers, 'Strict-Transport-Security': HSTS };
}

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
  const app = staticHostHeaders(securityHeaders(settings));
  const location = (match, cacheControl, ...body) => [`location ${match} {`, ...addHeaders(app, cacheControl), ...body, '}'];
  // A 404 with the headers too: add_header ... always sends them with it.
  const hidden = (match) => location(match, 'no-cache', '    return 404;');
  return [
    '# Written by `npm run build` (webpack/static-host-headers.js) for this build: its security headers,',
    '# caching and files. Inside the server block that serves this folder:',
    '#   root /srv/app/dist;',
    '#   include /srv/app/dist/nginx.conf;',
    '# The `http` block needs the usual `include mime.types;`. Strict-Transport-Security counts over https only.',
    'index index.html;',
    '# The .gz files the build wrote beside each text file.',
    'gzip_static on;',
    'gzip_vary on;',
    '',
    '# Dotfiles (the headers for `npm run serve`) are not content; /.well-known/ (ACME challenges, security.txt) is.',
    ...hidden('~ "/\\.(?!well-known(/|$))"'),
    "# Source maps: the whole source with its comments, for a developer's devtools or an error tracker's upload;",
    '# nginx does not serve them.',
    ...hidden(`~ "${SOURCE_MAP_PATTERN}"`),
    '# These configurations.',
    ...hidden(`= /${NGINX_FILE}`),
    ...hidden(`= /${NETLIFY_FILE}`),
    '',
    `location = /${FALLBACK_PAGE} {`,
    ...addHeaders(staticHostHeaders(fallbackPageHeaders(settings)), 'no-cache'),
    '    try_files $uri =404;',
    '}',
    ...location(`~ "${HASHED_NAME_PATTERN}"`, IMMUTABLE, '    try_files $uri =404;'),
    '# index.html and anything unhashed: revalidated, so a new build is seen at once.',
    ...location('/', 'no-cache', '    try_files $uri $uri/ =404;'),
    ''
  ].join('\n');
}

/**
 * Netlify's and Cloudflare Pages' `_headers`, for the build's files (`files`: their names). Both
 * hosts send every matching rule's headers, and two CSPs are both enforced. So `/*` carries the
 * union of the pages' CSPs (csp-union.js): beside a page's own rule that page keeps exactly its own
 * policy, and any other path (a 404 page, Cloudflare Pages' fallback to index.html) still has one.
 * Cache-Control is set once per path: a year for the content-hashed names, revalidation for the pages.
 * Cloudflare Pages serves `x.html` at `/x`, so the pages have both spellings.
 */
function netlifyHeaders(settings, files) {
  const { 'Content-Security-Policy': appPolicy, ...common } = staticHostHeaders(securityHeaders(settings));
  const fallbackPolicy = fallbackPageHeaders(settings)['Content-Security-Policy'];
  const rule = (paths, headers) =>
    paths.flatMap((path) => [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)]);
  const fallbackPaths = [`/${FALLBACK_PAGE}`, `/${FALLBACK_PAGE.replace(/\.html$/, '')}`];
  const hashed = new RegExp(HASHED_NAME_PATTERN);
  return [
    '# Written by `npm run build` (webpack/static-host-headers.js): the security headers and caching of this build.',
    '# Strict-Transport-Security counts over https only. These hosts serve every file published, source maps',
    '# (*.map) too: leave them out of the upload to keep them private.',
    ...rule(['/*'], { ...common, 'Content-Security-Policy': cspUnion([appPolicy, fallbackPolicy]) }),
    ...rule(['/', '/index.html'], { 'Content-Security-Policy': appPolicy, 'Cache-Control': 'no-cache' }),
    ...rule(fallbackPaths, { 'Content-Security-Policy': fallbackPolicy, 'Cache-Control': 'no-cache' }),
    ...rule(
      files.filter((file) => hashed.test(file)).map((file) => `/${file}`),
      { 'Cache-Control': IMMUTABLE }
    ),
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
      });
      // `_headers` names the files: after RealContentHashPlugin gave them their final names.
      const afterHashing = Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_HASH + 1;
      compilation.hooks.processAssets.tap({ name: 'StaticHostHeadersPlugin', stage: afterHashing }, (assets) => {
        compilation.emitAsset(NETLIFY_FILE, new sources.RawSource(netlifyHeaders(this.settings, Object.keys(assets).sort())));
      });
    });
  }
}

module.exports = {
  FALLBACK_HEADERS_FILE,
  FALLBACK_PAGE,
  HSTS,
  IMMUTABLE,
  StaticHostHeadersPlugin,
  fallbackPageHeaders,
  headersByPath,
  netlifyHeaders,
  nginxConfig
};
