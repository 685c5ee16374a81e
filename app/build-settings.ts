// The sample's settings from the environment, read by webpack.config.js in Node when it builds (never
// shipped to the browser). Each value is checked with the module's own rules
// (resolveAuthSessionOptions), so a wrong one stops the build with a message naming the variable,
// instead of a broken app (`AUTH0_DOMAIN=https://x.auth0.com/` used to build `https://https://…`).
import { resolveAuthSessionOptions, type AuthSessionSettings } from '../components/auth/settings/auth-session.options';
import { DEFAULTS, devTenantOrigin } from '../config/defaults';
import type { BuildSettings } from './auth0-settings';

type Env = Readonly<Record<string, string | undefined>>;

/** configure()'s option names, as its messages spell them, and the variables that fill them here. */
const VARIABLE_OF_OPTION: Readonly<Record<string, string>> = {
  domain: 'AUTH0_DOMAIN',
  clientID: 'AUTH0_CLIENT_ID',
  callbackUrl: 'AUTH0_CALLBACK_URL',
  apiOrigins: 'API_URL',
  lockFetch: 'AUTH0_LOCK_FETCH',
  loginMode: 'AUTH0_LOGIN_MODE',
  audience: 'AUTH0_AUDIENCE'
};
/** The names a browser may use for the dev tenant on loopback; another name than the app's makes it another site. */
const DEV_TENANT_BROWSER_HOSTS: readonly string[] = [DEFAULTS.browserHost, DEFAULTS.crossSiteBrowserHost];
const TENANT_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/i;

function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function flag(name: string, value: string | undefined, fallback: boolean): boolean {
  if (given(value) === undefined) return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  throw new Error(`${name} must be "true" or "false", not "${value ?? ''}".`);
}

/** The dev tenant's name in the browser (DEV_TENANT_BROWSER_HOST): `127.0.0.1` puts it on another site than the app. */
export function devTenantBrowserHost(env: Env): string {
  const host = given(env.DEV_TENANT_BROWSER_HOST) ?? DEFAULTS.browserHost;
  if (!DEV_TENANT_BROWSER_HOSTS.includes(host)) {
    throw new Error(
      `DEV_TENANT_BROWSER_HOST must be ${DEV_TENANT_BROWSER_HOSTS.join(' or ')} (127.0.0.1: the tenant on another site than the app), not "${host}".`
    );
  }
  return host;
}

function apiUrlFrom(env: Env, devTenant: boolean): string {
  const value = given(env.API_URL);
  // The dev tenant's demo API; a real tenant's build calls no API unless told to (and the CSP names none).
  if (value === undefined) return devTenant ? `http://${DEFAULTS.browserHost}:${given(env.DEMO_API_PORT) ?? DEFAULTS.demoApiPort}` : '';
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    throw new Error(`API_URL must be an absolute http(s) URL such as https://api.example.com, not "${value}".`);
  }
  return value.replace(/\/+$/, '');
}

/** A custom domain's two Lock settings, both or neither (Auth0: "Configure Features to Use Custom Domains"). */
function customDomainFrom(env: Env): { tenant: string; configurationBaseUrl: string } {
  const tenant = given(env.AUTH0_TENANT);
  const base = given(env.AUTH0_CONFIGURATION_BASE_URL);
  if (tenant === undefined && base === undefined) return { tenant: '', configurationBaseUrl: '' };
  if (tenant === undefined || base === undefined) {
    throw new Error(
      'A custom domain needs both AUTH0_TENANT (your tenant\'s name, e.g. "your-tenant") and AUTH0_CONFIGURATION_BASE_URL ' +
        "(your region's CDN, e.g. https://cdn.eu.auth0.com): set both, or neither."
    );
  }
  if (!TENANT_NAME.test(tenant)) {
    throw new Error(`AUTH0_TENANT must be your tenant's name, the "your-tenant" of your-tenant.eu.auth0.com, not "${tenant}".`);
  }
  const origin = /^https:\/\/[a-z0-9.-]+\/?$/i.test(base) ? new URL(base).origin : undefined;
  if (origin === undefined) {
    throw new Error(
      `AUTH0_CONFIGURATION_BASE_URL must be your region's CDN, an https origin without a path, e.g. https://cdn.eu.auth0.com, not "${base}".`
    );
  }
  return { tenant, configurationBaseUrl: origin };
}

/** configure()'s check, with its message speaking of the variable (AUTH0_DOMAIN) rather than the option (`domain`). */
function checkedByTheModule(options: {
  domain: string;
  clientID: string;
  callbackUrl?: string;
  apiOrigins: string[];
  lockFetch?: string;
  loginMode?: string;
  audience?: string;
}): Pick<AuthSessionSettings, 'domain' | 'lockFetch' | 'loginMode' | 'audience'> {
  try {
    return resolveAuthSessionOptions(options, `http://${DEFAULTS.browserHost}`);
  } catch (error) {
    const message = (error as Error).message.replace(/^authSessionProvider\.configure\(\): /, '');
    const byVariable = new Error(message.replace(/^`(\w+)`/, (_whole, option: string) => VARIABLE_OF_OPTION[option] ?? option));
    throw Object.assign(byVariable, { cause: error });
  }
}

export function auth0SettingsFromEnv(env: Env): BuildSettings {
  const domainGiven = given(env.AUTH0_DOMAIN);
  const devTenant = domainGiven === undefined;
  if (devTenant && (given(env.AUTH0_TENANT) ?? given(env.AUTH0_CONFIGURATION_BASE_URL)) !== undefined) {
    throw new Error('AUTH0_TENANT and AUTH0_CONFIGURATION_BASE_URL are for a real tenant on a custom domain: set AUTH0_DOMAIN too.');
  }
  const clientID = devTenant ? (given(env.DEV_TENANT_CLIENT_ID) ?? DEFAULTS.devTenantClientId) : given(env.AUTH0_CLIENT_ID);
  if (clientID === undefined) {
    throw new Error('AUTH0_DOMAIN is set but AUTH0_CLIENT_ID is not: set both to use a real Auth0 tenant, or neither for the dev tenant.');
  }
  const callbackUrl = given(env.AUTH0_CALLBACK_URL) ?? '';
  const apiUrl = apiUrlFrom(env, devTenant);
  const rawDomain = domainGiven ?? devTenantOrigin(devTenantBrowserHost(env), given(env.DEV_TENANT_PORT) ?? DEFAULTS.devTenantPort);
  const lockFetchGiven = given(env.AUTH0_LOCK_FETCH);
  const loginModeGiven = given(env.AUTH0_LOGIN_MODE);
  const audienceGiven = given(env.AUTH0_AUDIENCE);
  const { domain, lockFetch, loginMode, audience } = checkedByTheModule({
    domain: rawDomain,
    clientID,
    ...(callbackUrl ? { callbackUrl } : {}),
    apiOrigins: apiUrl ? [new URL(apiUrl).origin] : [],
    ...(lockFetchGiven ? { lockFetch: lockFetchGiven } : {}),
    ...(loginModeGiven ? { loginMode: loginModeGiven } : {}),
    ...(audienceGiven ? { audience: audienceGiven } : {})
  });
  return {
    domain,
    clientID,
    lockFetch,
    loginMode,
    audience: audience ?? '',
    callbackUrl,
    apiUrl,
    // Off by default for a real tenant in Lock mode: its iframe needs a third-party cookie (see the
    // README). Universal mode renews with a refresh token.
    silentRenewal: flag('AUTH0_SILENT_RENEWAL', env.AUTH0_SILENT_RENEWAL, devTenant || loginMode === 'universal'),
    // The cross-site dev tenant (https://127.0.0.1:<port>) is a dev tenant too: the module says so.
    devTenant,
    ...customDomainFrom(env)
  };
}
