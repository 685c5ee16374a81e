// The build's headers (webpack/security-headers.js) as the static-host configurations carry them.
import { auth0SettingsFromEnv } from './build-settings';

interface Headers {
  [name: string]: string;
}
// CommonJS files of the webpack build, without typings; this project's browser tsconfig has no Node types.
declare function require(id: string): unknown;
const { securityHeaders } = require('../webpack/security-headers') as { securityHeaders: (settings: object) => Headers };
const { fallbackPageHeaders, nginxConfig, netlifyHeaders } = require('../webpack/static-host-headers') as {
  fallbackPageHeaders: (settings: object) => Headers;
  nginxConfig: (settings: object) => string;
  netlifyHeaders: (settings: object) => string;
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

describe('nginx include', () => {
  const config = nginxConfig(devTenant);
  const app = securityHeaders(devTenant);

  it('repeats every header in every location (add_header there replaces the server level)', () => {
    const locations = config
      .split(/\nlocation /)
      .slice(1)
      .filter((block) => block.includes('try_files'));
    expect(locations).toHaveLength(3);
    for (const block of locations) {
      for (const name of Object.keys(app)) expect(block).toContain(`add_header ${name} `);
      expect(block).toContain('add_header Cache-Control ');
    }
    expect(config).toContain(`add_header Content-Security-Policy "${app['Content-Security-Policy'] ?? ''}" always;`);
  });

  it('caches hashed names for a year, hides dotfiles and itself', () => {
    expect(config).toMatch(/location ~ "[^"]+" \{\n(.*\n)*? {4}add_header Cache-Control "public, max-age=31536000, immutable" always;/);
    expect(config).toContain('location ~ /\\. { return 404; }');
    expect(config).toContain('location = /nginx.conf { return 404; }');
  });
});

describe('_headers (Netlify, Cloudflare Pages)', () => {
  it('sends each page its own CSP and never two', () => {
    const file = netlifyHeaders(devTenant);
    const rules = file.split('\n').filter((line) => line.startsWith('/'));
    expect(rules).toEqual(['/*', '/', '/index.html', '/callback-cross-auth.html', '/callback-cross-auth']);
    expect(file.slice(file.indexOf('/*'), file.indexOf('\n/\n'))).not.toContain('Content-Security-Policy');
    expect(file).toContain(`  Content-Security-Policy: ${fallbackPageHeaders(devTenant)['Content-Security-Policy'] ?? ''}`);
  });
});
