// The build's headers (webpack/security-headers.js) as the static-host configurations carry them.
import { auth0SettingsFromEnv } from './build-settings';

interface Headers {
  [name: string]: string;
}
// CommonJS files of the webpack build, without typings; this project's browser tsconfig has no Node types.
declare function require(id: string): unknown;
const { securityHeaders } = require('../webpack/security-headers') as { securityHeaders: (settings: object) => Headers };
const { HSTS, IMMUTABLE, fallbackPageHeaders, nginxConfig, netlifyHeaders } = require('../webpack/static-host-headers') as {
  HSTS: string;
  IMMUTABLE: string;
  fallbackPageHeaders: (settings: object) => Headers;
  nginxConfig: (settings: object) => string;
  netlifyHeaders: (settings: object, files: string[]) => string;
};
const { cspUnion, effectiveSources, parsePolicy } = require('../webpack/csp-union') as {
  cspUnion: (policies: string[]) => string;
  effectiveSources: (directives: Map<string, string[]>, name: string) => string[] | null;
  parsePolicy: (policy: string) => Map<string, string[]>;
};

const devTenant = auth0SettingsFromEnv({ DEV_TENANT_PORT: '4101', DEMO_API_PORT: '4102' });
const realTenant = auth0SettingsFromEnv({ AUTH0_DOMAIN: 'https://your-tenant.eu.auth0.com', AUTH0_CLIENT_ID: 'abc' });
const customDomain = auth0SettingsFromEnv({
  AUTH0_DOMAIN: 'login.example.com',
  AUTH0_CLIENT_ID: 'abc',
  AUTH0_TENANT: 'your-tenant',
  AUTH0_CONFIGURATION_BASE_URL: 'https://cdn.eu.auth0.com',
  API_URL: 'https://api.example.com/v1'
});

function directive(policy: string | undefined, name: string): string[] {
  const found = (policy ?? '').split('; ').find((part) => part.startsWith(`${name} `));
  return found ? found.split(' ').slice(1) : [];
}

describe('the production CSP names only what the build talks to', () => {
  it('dev tenant: the tenant and the demo API', () => {
    const policy = securityHeaders(devTenant)['Content-Security-Policy'];
    expect(directive(policy, 'script-src')).toEqual(["'self'", 'http://localhost:4101']);
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'http://localhost:4101', 'http://localhost:4102']);
    expect(directive(policy, 'frame-src')).toEqual(['http://localhost:4101']);
  });

  it('real tenant: https://<domain> once (no https://https://), the CDN for the dictionary, no API, no image host', () => {
    const policy = securityHeaders(realTenant)['Content-Security-Policy'];
    expect(policy).not.toContain('localhost');
    expect(directive(policy, 'script-src')).toEqual(["'self'", 'https://your-tenant.eu.auth0.com', 'https://cdn.auth0.com']);
    expect(directive(policy, 'img-src')).toEqual(["'self'", 'data:']);
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'https://your-tenant.eu.auth0.com']);
    expect(directive(policy, 'frame-src')).toEqual(['https://your-tenant.eu.auth0.com']);
  });

  it('universal mode: the tenant for tokens only (no tenant script, no frame, no Lock style)', () => {
    const universal = auth0SettingsFromEnv({
      AUTH0_DOMAIN: 'your-tenant.eu.auth0.com',
      AUTH0_CLIENT_ID: 'abc',
      AUTH0_LOGIN_MODE: 'universal'
    });
    const policy = securityHeaders(universal)['Content-Security-Policy'];
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(directive(policy, 'style-src')).toEqual(["'self'"]);
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'https://your-tenant.eu.auth0.com']);
    expect(directive(policy, 'frame-src')).toEqual(["'none'"]);
  });

  it('custom domain: client configuration from the region CDN, tokens and frames from the custom domain, API_URL', () => {
    const policy = securityHeaders(customDomain)['Content-Security-Policy'];
    expect(directive(policy, 'script-src')).toEqual(["'self'", 'https://cdn.eu.auth0.com', 'https://cdn.auth0.com']);
    expect(directive(policy, 'connect-src')).toEqual(["'self'", 'https://login.example.com', 'https://api.example.com']);
    expect(directive(policy, 'frame-src')).toEqual(['https://login.example.com']);
  });
});

describe('the fallback page', () => {
  it('may be framed by the tenant only, and loads only its own script', () => {
    const policy = fallbackPageHeaders(customDomain)['Content-Security-Policy'];
    expect(directive(policy, 'frame-ancestors')).toEqual(['https://login.example.com']);
    expect(directive(policy, 'default-src')).toEqual(["'none'"]);
    expect(directive(policy, 'script-src')).toEqual(["'self'"]);
    expect(fallbackPageHeaders(customDomain)['X-Content-Type-Options']).toBe('nosniff');
  });
});

/** Whether enforcing `wider` beside `policy` leaves `policy` as it was: every directive allows at least as much. */
function neverNarrows(wider: string, policy: string): boolean {
  const widerDirectives = parsePolicy(wider);
  const directives = parsePolicy(policy);
  return [...new Set([...widerDirectives.keys(), ...directives.keys()])].every((name) => {
    const allowedByWider = effectiveSources(widerDirectives, name);
    const allowed = effectiveSources(directives, name);
    return (
      allowedByWider === null ||
      (allowed !== null && allowed.filter((source) => source !== "'none'").every((source) => allowedByWider.includes(source)))
    );
  });
}

describe('cspUnion', () => {
  it('allows what either policy allows, falling back to default-src, and leaves open what one leaves open', () => {
    expect(
      cspUnion(["default-src 'self'; img-src data:; frame-ancestors 'none'", "default-src 'none'; script-src 'self'; base-uri 'none'"])
    ).toBe("default-src 'self'; img-src data:; script-src 'self'");
    expect(cspUnion(["default-src 'none'; frame-ancestors 'none'", "default-src 'none'; frame-ancestors https://a.example"])).toBe(
      "default-src 'none'; frame-ancestors https://a.example"
    );
    expect(() => cspUnion(["script-src 'self'", "default-src 'none'"])).toThrow(/a policy without default-src leaves default-src open/);
  });

  it('never narrows either page: each keeps exactly its own policy beside it', () => {
    for (const settings of [devTenant, realTenant, customDomain]) {
      const app = securityHeaders(settings)['Content-Security-Policy'] ?? '';
      const fallback = fallbackPageHeaders(settings)['Content-Security-Policy'] ?? '';
      const union = cspUnion([app, fallback]);
      expect(neverNarrows(union, app)).toBe(true);
      expect(neverNarrows(union, fallback)).toBe(true);
      // And it is a policy still: no page may be framed but by the tenant, no plugin, nothing from elsewhere.
      expect(directive(union, 'frame-ancestors')).toEqual(directive(fallback, 'frame-ancestors'));
      expect(directive(union, 'object-src')).toEqual(["'none'"]);
      expect(directive(union, 'default-src')).toEqual(["'self'"]);
    }
    expect(neverNarrows("default-src 'none'", "default-src 'self'")).toBe(false);
  });
});

/** The location blocks of the include, by their match (`~ "…"`, `= /x`, `/`). */
function nginxLocations(config: string): Map<string, string> {
  return new Map(
    config
      .split(/\nlocation /)
      .slice(1)
      .map((block) => [block.slice(0, block.indexOf(' {')), block.slice(0, block.indexOf('\n}'))])
  );
}

/**
 * Which location nginx picks for `path`: an exact match, else the first regex that matches (in a
 * quoted nginx string a backslash before `.` or `w` stays as written), else `/`, the one prefix.
 */
function nginxLocationFor(config: string, path: string): string {
  const matches = [...nginxLocations(config).keys()];
  const exact = matches.find((match) => match === `= ${path}`);
  const regex = matches.find((match) => match.startsWith('~ ') && new RegExp(match.slice(3, -1)).test(path));
  return exact ?? regex ?? '/';
}

describe('nginx include', () => {
  const config = nginxConfig(devTenant);
  const app = securityHeaders(devTenant);
  const locations = nginxLocations(config);

  it('repeats every header, HSTS too, in every location, 404s included (add_header there replaces the server level)', () => {
    expect(locations.size).toBe(7);
    for (const block of locations.values()) {
      for (const name of Object.keys(app)) expect(block).toContain(`add_header ${name} `);
      expect(block).toContain(`add_header Strict-Transport-Security "${HSTS}" always;`);
      expect(block).toContain('add_header Cache-Control ');
    }
    expect(HSTS).toBe('max-age=31536000');
    expect(config).toContain(`add_header Content-Security-Policy "${app['Content-Security-Policy'] ?? ''}" always;`);
  });

  it('caches hashed names for a year, but never serves a source map', () => {
    const hashed = nginxLocationFor(config, '/main.0123456789abcdef0123.js');
    expect(locations.get(hashed)).toContain(`add_header Cache-Control "${IMMUTABLE}" always;`);
    expect(nginxLocationFor(config, '/assets/logo.0123456789abcdef0123.svg')).toBe(hashed);
    for (const map of ['/main.0123456789abcdef0123.js.map', '/main.0123456789abcdef0123.css.map']) {
      expect(locations.get(nginxLocationFor(config, map))).toContain('return 404;');
    }
    expect(locations.get('/')).toContain('add_header Cache-Control "no-cache" always;');
  });

  it('hides dotfiles and itself, but serves /.well-known/ (ACME challenges, security.txt)', () => {
    for (const hidden of ['/.security-headers.json', '/.env', '/assets/.git/config', '/nginx.conf', '/_headers', '/.well-knownx']) {
      expect(locations.get(nginxLocationFor(config, hidden))).toContain('return 404;');
    }
    for (const served of ['/.well-known/acme-challenge/a-token', '/.well-known/security.txt', '/.well-known']) {
      expect(nginxLocationFor(config, served)).toBe('/');
    }
  });
});

describe('_headers (Netlify, Cloudflare Pages)', () => {
  const files = [
    'index.html',
    'callback-cross-auth.html',
    'main.0123456789abcdef0123.js',
    'main.0123456789abcdef0123.js.map',
    'main.0123456789abcdef0123.js.gz',
    'assets/logo.0123456789abcdef0123.svg',
    'logo.svg'
  ];
  const file = netlifyHeaders(devTenant, files);
  /** The rules, path → header lines, in order: a path at the start of a line, its headers indented below it. */
  const rules = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of file.split('\n')) {
    if (line.startsWith('/')) rules.set(line, (current = []));
    else if (line.startsWith('  ')) current.push(line.trim());
  }
  /** What a host sends for `path`: every header of every matching rule (`/*` matches all). */
  const sent = (path: string): string[] => [...(rules.get('/*') ?? []), ...(path === '/*' ? [] : (rules.get(path) ?? []))];
  const named = (lines: string[], name: string): string[] => lines.filter((line) => line.startsWith(`${name}: `));

  it('gives every path HSTS, and a CSP: each page its own, any other path (a 404) the union of theirs', () => {
    const appPolicy = securityHeaders(devTenant)['Content-Security-Policy'] ?? '';
    const fallbackPolicy = fallbackPageHeaders(devTenant)['Content-Security-Policy'] ?? '';
    expect([...rules.keys()].slice(0, 5)).toEqual(['/*', '/', '/index.html', '/callback-cross-auth.html', '/callback-cross-auth']);
    expect(named(sent('/*'), 'Strict-Transport-Security')).toEqual([`Strict-Transport-Security: ${HSTS}`]);
    expect(named(sent('/*'), 'Content-Security-Policy')).toEqual([`Content-Security-Policy: ${cspUnion([appPolicy, fallbackPolicy])}`]);
    expect(named(sent('/'), 'Content-Security-Policy')).toContain(`Content-Security-Policy: ${appPolicy}`);
    expect(named(sent('/callback-cross-auth'), 'Content-Security-Policy')).toContain(`Content-Security-Policy: ${fallbackPolicy}`);
  });

  it('caches hashed names for a year and revalidates the pages, one Cache-Control per path; source maps never immutable', () => {
    for (const path of ['/', '/index.html', '/callback-cross-auth.html', '/callback-cross-auth']) {
      expect(named(sent(path), 'Cache-Control')).toEqual(['Cache-Control: no-cache']);
    }
    for (const path of ['/main.0123456789abcdef0123.js', '/assets/logo.0123456789abcdef0123.svg']) {
      expect(named(sent(path), 'Cache-Control')).toEqual([`Cache-Control: ${IMMUTABLE}`]);
    }
    expect(rules.has('/main.0123456789abcdef0123.js.map')).toBe(false);
    expect(file).not.toMatch(/\.map\n {2}Cache-Control: public/);
    expect(named(sent('/*'), 'Cache-Control')).toEqual([]);
  });
});
