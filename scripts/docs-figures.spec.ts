// The figures README.md and docs/ quote, against the one place the code defines each: changing a
// default, a port or the size budget on one side only fails here, naming the page and the sentence.
import * as path from 'node:path';
import { DEFAULTS } from '../config/defaults';
import { IAT_SKEW_SECONDS } from '../demo-api/server';
import { MAX_STORED_USERS, loadConfigFromEnv } from '../dev-tenant/config/config';
import {
  E2E_API_PORT,
  E2E_APP_PORT,
  E2E_CROSS_SITE_APP_PORT,
  E2E_CROSS_SITE_TENANT_PORT,
  E2E_EXAMPLE_PORTS,
  E2E_SCREENSHOTS_PORT_BASE,
  E2E_TENANT_PORT,
  E2E_UNIVERSAL_APP_PORT
} from '../e2e/e2e-env';
import { quoted, quotedNumber, REPO_ROOT, tableRows } from './docs-text';
import { INITIAL_GZIP_BUDGET } from './size-budget';

/** The dev tenant as it starts with no environment at all: the defaults its settings table quotes. */
const tenant = loadConfigFromEnv({});
const hours = (seconds: number) => seconds / 3600;

describe('README.md and docs/ quote the figures the code defines', () => {
  it('the size budget (scripts/size-budget.ts)', () => {
    expect(quotedNumber('docs/performance.md', /must stay within \*\*([\d,]+) B\*\*/)).toBe(INITIAL_GZIP_BUDGET);
  });

  it("npm start's ports (config/defaults.ts)", () => {
    expect(quotedNumber('README.md', /npm start +# the app on http:\/\/localhost:(\d+)/)).toBe(DEFAULTS.appPort);
    expect(quotedNumber('README.md', /the app \(webpack-dev-server\) on http:\/\/localhost:(\d+)/)).toBe(DEFAULTS.appPort);
    expect(quotedNumber('README.md', /dev tenant on http:\/\/localhost:(\d+) that/)).toBe(DEFAULTS.devTenantPort);
    expect(quotedNumber('README.md', /the dev tenant \(\[dev-tenant\/\]\(dev-tenant\)\) on http:\/\/localhost:(\d+)/)).toBe(
      DEFAULTS.devTenantPort
    );
    expect(quotedNumber('README.md', /demo API that the Ping page calls on http:\/\/localhost:(\d+)/)).toBe(DEFAULTS.demoApiPort);
    expect(quotedNumber('docs/architecture.md', /`http:\/\/localhost:(\d+)`, `DEMO_API_PORT`/)).toBe(DEFAULTS.demoApiPort);
    expect(quotedNumber('docs/adoption.md', /serves the first on http:\/\/localhost:(\d+)/)).toBe(
      DEFAULTS.examplePorts['legacy-es5-ui-router-0']
    );
    expect(quotedNumber('docs/adoption.md', /the second on http:\/\/localhost:(\d+)/)).toBe(DEFAULTS.examplePorts['legacy-ngroute']);
  });

  it('the dev user (config/defaults.ts)', () => {
    const login = `${DEFAULTS.devUser.email} / ${DEFAULTS.devUser.password}`;
    expect(quoted('README.md', /Log in with \*\*([^*]+)\*\*/)).toBe(login);
    expect(quoted('docs/adoption.md', /Log in as \*\*([^*]+)\*\*/)).toBe(login);
    expect(quoted('docs/dev-tenant.md', /The user (`[^`]+` \/ `[^`]+`) always exists/)).toBe(
      `\`${DEFAULTS.devUser.email}\` / \`${DEFAULTS.devUser.password}\``
    );
  });

  it("the dev tenant's settings table (dev-tenant/config.ts with an empty environment)", () => {
    const rows = tableRows('docs/dev-tenant.md', 'Setting');
    const defaultOf = (setting: string) => rows.get(setting)?.[0];
    const code = (value: string | number) => `\`${String(value)}\``;
    const flag = (on: boolean) => code(on ? 1 : 0);
    const words = (list: readonly string[]) => (list.length === 0 ? 'none' : code(list.join(',')));

    expect(defaultOf('`PORT`')).toBe(code(DEFAULTS.appPort));
    expect(defaultOf('`DEV_TENANT_PORT`')).toBe(code(tenant.port));
    expect(defaultOf('`DEV_TENANT_HOST`')).toBe(code(tenant.host));
    expect(defaultOf('`DEV_TENANT_BROWSER_HOST`')).toBe(code(DEFAULTS.browserHost));
    expect(defaultOf('`DEV_TENANT_CLIENT_ID`')).toBe(code(tenant.clientId));
    expect(defaultOf('`DEV_TENANT_TOKEN_TTL`')).toBe(code(tenant.idTokenTtlSeconds));
    expect(defaultOf('`DEV_TENANT_DATA_DIR`')).toBe(code(path.relative(REPO_ROOT, tenant.dataDir)));
    expect(defaultOf('`DEV_TENANT_SIGNUP`')).toBe(flag(tenant.signup));
    expect(defaultOf('`DEV_TENANT_FORGOT_PASSWORD`')).toBe(flag(tenant.forgotPassword));
    expect(defaultOf('`DEV_TENANT_PASSWORD_POLICY`')).toBe(code(tenant.passwordPolicy));
    expect(defaultOf('`DEV_TENANT_API_AUDIENCE`')).toBe(`\`http://localhost:<DEMO_API_PORT>/\` (${code(DEFAULTS.demoApiPort)})`);
    expect(tenant.apiAudience).toBe(`http://localhost:${String(DEFAULTS.demoApiPort)}/`);
    expect(defaultOf('`DEV_TENANT_CONTROL`')).toBe(flag(tenant.control));
    expect(defaultOf('`DEV_TENANT_BRUTE_FORCE_MAX_ATTEMPTS`')).toBe(code(tenant.bruteForceMaxAttempts));
    expect(defaultOf('`DEV_TENANT_USER_EXISTS_ERROR`')).toBe(flag(tenant.userExistsError));
    expect(defaultOf('`DEV_TENANT_PASSWORD_DICTIONARY`, `DEV_TENANT_PASSWORD_NO_PERSONAL_INFO`, `DEV_TENANT_BREACHED_PASSWORDS`')).toBe(
      [words(tenant.passwordDictionary), flag(tenant.passwordNoPersonalInfo), words(tenant.breachedPasswords)].join(', ')
    );
    expect(defaultOf('`DEV_TENANT_IDLE_SESSION_LIFETIME`, `DEV_TENANT_SESSION_LIFETIME`, `DEV_TENANT_SESSION_COOKIE_MODE`')).toBe(
      [code(tenant.idleSessionLifetimeHours), code(tenant.sessionLifetimeHours), code(tenant.sessionCookieMode)].join(', ')
    );
  });

  it("token lifetimes and the dev tenant's limits", () => {
    expect(quotedNumber('docs/real-tenant.md', /ends it at the token's `exp` \((\d+) h by default/)).toBe(
      hours(DEFAULTS.idTokenTtlSeconds)
    );
    expect(DEFAULTS.idTokenTtlSeconds).toBe(tenant.idTokenTtlSeconds);
    expect(quotedNumber('docs/dev-tenant.md', /`exp` \((\d+) s\), which an API verifies/)).toBe(tenant.accessTokenTtlSeconds);
    expect(quotedNumber('docs/dev-tenant.md', /reset links 1 h, access tokens (\d+) h/)).toBe(hours(tenant.accessTokenTtlSeconds));
    expect(quotedNumber('docs/dev-tenant.md', /stores at most \*\*([\d,]+)\*\* users/)).toBe(MAX_STORED_USERS);
    expect(quotedNumber('docs/architecture.md', /an `iat` at most (\d+) s in the future/)).toBe(IAT_SKEW_SECONDS);
  });

  it("the e2e suite's and the screenshots' ports (e2e/e2e-env.ts, config/defaults.ts)", () => {
    // Offsets from the suite's first port, added to the default base: E2E_PORT_BASE in this shell changes neither side.
    const port = (e2ePort: number) => DEFAULTS.e2ePortBase + e2ePort - E2E_APP_PORT;
    const file = 'docs/tests.md';
    expect(quotedNumber(file, /on ports (\d+) \(app\)/)).toBe(port(E2E_APP_PORT));
    expect(quotedNumber(file, /(\d+) \(tenant\), \d+ \(API\)/)).toBe(port(E2E_TENANT_PORT));
    expect(quotedNumber(file, /(\d+) \(API\)/)).toBe(port(E2E_API_PORT));
    expect(quotedNumber(file, /examples\]\(\.\.\/examples\) run on (\d+) and/)).toBe(port(E2E_EXAMPLE_PORTS['legacy-es5-ui-router-0']));
    expect(quotedNumber(file, /examples\]\(\.\.\/examples\) run on \d+ and (\d+)/)).toBe(port(E2E_EXAMPLE_PORTS['legacy-ngroute']));
    expect(quotedNumber(file, /runs on (\d+) \(app\) and \d+ \(tenant\)/)).toBe(port(E2E_CROSS_SITE_APP_PORT));
    expect(quotedNumber(file, /runs on \d+ \(app\) and (\d+) \(tenant\)/)).toBe(port(E2E_CROSS_SITE_TENANT_PORT));
    expect(quotedNumber(file, /`AUTH0_LOGIN_MODE=universal`\) on https (\d+)/)).toBe(port(E2E_UNIVERSAL_APP_PORT));
    expect(quotedNumber(file, /servers on (\d+)-\d+ \(`SCREENSHOTS_PORT_BASE`\)/)).toBe(DEFAULTS.screenshotsPortBase);
    expect(quotedNumber(file, /on `E2E_PORT_BASE` \+ (\d+) to \+ \d+/)).toBe(E2E_SCREENSHOTS_PORT_BASE - E2E_APP_PORT);
  });
});
