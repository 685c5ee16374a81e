/** What an app passes to `authSessionProvider.configure()`: the tutorial's auth0-variables.js, at run time. */
export interface AuthSessionOptions {
  /** The tenant, e.g. `your-tenant.eu.auth0.com`, or a local dev tenant, `http://localhost:3001`. */
  readonly domain: string;
  readonly clientID: string;
  /** Where the tenant sends the browser back after login and logout. Default: the page's origin plus `/`. */
  readonly callbackUrl?: string;
  /** Exact origins (scheme, host, port) whose requests carry the id_token. Default: none. */
  readonly apiOrigins?: readonly string[];
  /** Renew the id_token before it expires (Lock: `checkSession`; universal: the refresh token), and a returning visitor's expired one. Default: on for a dev tenant and in universal mode. */
  readonly silentRenewal?: boolean;
  /** Where anonymous visitors of guarded routes go: a state (ui-router, default `login`) or a path (ngRoute, default `/login`). */
  readonly loginState?: string;
  /** More Lock options (theme, languageDictionary, …). Redirect mode and hash parsing stay the module's. */
  readonly lockOptions?: Auth0LockConstructorOptions;
  /** When a logged-out visitor's page fetches Lock (about 375 kB gzip with its client configuration). Default: `idle`. */
  readonly lockFetch?: LockFetch;
  /** How users log in: `lock` (default, the tutorial's embedded Lock) or `universal` (the tenant's login page, PKCE, refresh tokens). */
  readonly loginMode?: LoginMode;
  /** Universal mode: the API identifier whose access token `apiOrigins` get instead of the id_token. */
  readonly audience?: string;
  /** Universal mode: where the tokens are kept, `localStorage` (default, the tutorial's) or this tab's `memory`. */
  readonly tokenStorage?: TokenStorageChoice;
}

/**
 * `localStorage`: the tutorial's; a reload and the other tabs share the session (and so could a
 * script injected into the page). `memory`: this tab only, nothing left on disk; each reload, and
 * each new tab, signs in again with a top-level `prompt=none` trip to the tenant.
 */
export type TokenStorageChoice = 'localStorage' | 'memory';
const TOKEN_STORAGE_VALUES: readonly TokenStorageChoice[] = ['localStorage', 'memory'];

/**
 * `lock`: embedded Lock (`/co/authenticate`), renewed through a hidden iframe: needs the tenant's
 * cookie on another site, which Safari and third-party-cookie blocking refuse.
 * `universal`: a top-level redirect to the tenant's login page (auth0-spa-js, authorization code
 * with PKCE), renewed with rotating refresh tokens: no third-party cookie anywhere.
 */
export type LoginMode = 'lock' | 'universal';
const LOGIN_MODE_VALUES: readonly LoginMode[] = ['lock', 'universal'];

/**
 * `idle`: once the page is up and the browser idle (the Log In click finds Lock ready);
 * `intent`: on the first hover, touch or focus of a Log In button (nothing fetched for a visitor who never reaches for it);
 * `click`: on the click (the click waits for Lock).
 */
export type LockFetch = 'idle' | 'intent' | 'click';
const LOCK_FETCH_VALUES: readonly LockFetch[] = ['idle', 'intent', 'click'];

/** The options once checked, with every default filled in. */
export interface AuthSessionSettings {
  /** A bare host for Auth0 (`your-tenant.eu.auth0.com`), or the dev tenant's URL (`http://localhost:3001`). */
  readonly domain: string;
  readonly clientID: string;
  readonly callbackUrl: string;
  readonly apiOrigins: readonly string[];
  readonly silentRenewal: boolean;
  /** Undefined: the router's default (`login` or `/login`), decided when the guard knows the router. */
  readonly loginState: string | undefined;
  readonly lockOptions: Auth0LockConstructorOptions;
  readonly lockFetch: LockFetch;
  readonly loginMode: LoginMode;
  /** Universal mode's API identifier; undefined: the APIs get the id_token. */
  readonly audience: string | undefined;
  readonly tokenStorage: TokenStorageChoice;
  /** `http(s)://localhost:<port>` or `http(s)://127.0.0.1:<port>`: Lock's assets and tokens come from there, not from a CDN. */
  readonly devTenant: boolean;
}

/** Where the tenant serves from: the dev tenant's URL as configured, `https://<domain>` for Auth0. */
export function tenantOrigin(settings: Pick<AuthSessionSettings, 'domain' | 'devTenant'>): string {
  return settings.devTenant ? settings.domain : `https://${settings.domain}`;
}

const OPTION_NAMES = [
  'domain',
  'clientID',
  'callbackUrl',
  'apiOrigins',
  'silentRenewal',
  'loginState',
  'lockOptions',
  'lockFetch',
  'loginMode',
  'audience',
  'tokenStorage'
];
// The dev tenant: http on localhost; https in its cross-site mode (a start-up certificate).
const LOOPBACK_TENANT = /^https?:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/;
const HOST = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/i;

function fail(message: string): never {
  throw new Error(`authSessionProvider.configure(): ${message}`);
}

function parseDomain(value: unknown): { domain: string; devTenant: boolean } {
  if (typeof value !== 'string' || value.trim() === '') {
    return fail('`domain` is missing: give the tenant, e.g. "your-tenant.eu.auth0.com", or "http://localhost:3001" for the dev tenant.');
  }
  if (LOOPBACK_TENANT.test(value)) {
    return { domain: value, devTenant: true };
  }
  const host = value.replace(/^https?:\/\//, '');
  const hostOnly = host.split('/')[0] ?? '';
  if (value.startsWith('http://')) {
    return fail(
      `\`domain\` "${value}" uses http://, which only a dev tenant on localhost or 127.0.0.1 may: give the host only, e.g. "${hostOnly}".`
    );
  }
  if (host.includes('/')) {
    return fail(`\`domain\` "${value}" has a path or a trailing slash: give the host only, e.g. "${hostOnly}".`);
  }
  if (!HOST.test(host)) {
    return fail(`\`domain\` "${value}" is not a host name like "your-tenant.eu.auth0.com".`);
  }
  return { domain: host, devTenant: false };
}

function parseUrl(name: string, value: unknown): URL {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol)) {
    return fail(`\`${name}\` must be an absolute http(s) URL, not ${JSON.stringify(value)}.`);
  }
  return url;
}

function parseOrigins(value: unknown): string[] {
  if (value === undefined) {
    return [];
  }
  if (!Array.isArray(value)) {
    return fail('`apiOrigins` must be an array of origins, e.g. ["https://api.example.com"].');
  }
  return value.map((origin: unknown) => {
    const { origin: exact } = parseUrl('apiOrigins', origin);
    if (exact !== origin) {
      return fail(`\`apiOrigins\` entry ${JSON.stringify(origin)} is not an exact origin: use "${exact}" (no path, no trailing slash).`);
    }
    return exact;
  });
}

function oneOf<T extends string>(name: string, values: readonly T[], value: unknown, byDefault: T): T {
  if (value === undefined) {
    return byDefault;
  }
  const known = values.find((candidate) => candidate === value);
  return (
    known ?? fail(`\`${name}\` must be one of ${values.map((candidate) => `"${candidate}"`).join(', ')}, not ${JSON.stringify(value)}.`)
  );
}

interface OptionTypes {
  string: string;
  boolean: boolean;
  object: object;
}

function optional<K extends keyof OptionTypes>(name: string, value: unknown, type: K): OptionTypes[K] | undefined {
  if (value !== undefined && (typeof value !== type || value === null)) {
    return fail(`\`${name}\` must be ${type === 'object' ? 'an' : 'a'} ${type}, not ${JSON.stringify(value)}.`);
  }
  return value as OptionTypes[K] | undefined;
}

/** Checks what an app passed to `configure()`; throws an Error naming the option at fault. */
export function resolveAuthSessionOptions(options: unknown, pageOrigin: string): AuthSessionSettings {
  if (typeof options !== 'object' || options === null) {
    return fail('pass an object: { domain, clientID }.');
  }
  const given = options as Record<string, unknown>;
  const unknown = Object.keys(given).filter((name) => !OPTION_NAMES.includes(name));
  if (unknown.length > 0) {
    return fail(`unknown option \`${unknown.join('`, `')}\` (known: ${OPTION_NAMES.join(', ')}).`);
  }
  const { domain, devTenant } = parseDomain(given.domain);
  const clientID = given.clientID;
  if (typeof clientID !== 'string' || clientID.trim() === '') {
    return fail('`clientID` is missing: the Client ID of your Auth0 application ("dev-tenant-client" for the dev tenant).');
  }
  const callbackUrl = given.callbackUrl === undefined ? `${pageOrigin}/` : parseUrl('callbackUrl', given.callbackUrl).href;
  const loginMode = oneOf('loginMode', LOGIN_MODE_VALUES, given.loginMode, 'lock');
  const audience = optional('audience', given.audience, 'string');
  if (audience !== undefined && loginMode !== 'universal') {
    return fail('`audience` needs `loginMode: "universal"`: in Lock mode the APIs get the id_token.');
  }
  const tokenStorage = oneOf('tokenStorage', TOKEN_STORAGE_VALUES, given.tokenStorage, 'localStorage');
  if (tokenStorage === 'memory' && loginMode !== 'universal') {
    return fail('`tokenStorage: "memory"` needs `loginMode: "universal"`: Lock mode keeps the tutorial\'s localStorage.');
  }
  return {
    domain,
    clientID,
    callbackUrl,
    apiOrigins: parseOrigins(given.apiOrigins),
    // Opt-in for a real tenant in Lock mode: on another site its checkSession iframe cannot see the
    // tenant cookie in Safari or with third-party cookies blocked, and a returning visitor's redirect
    // costs a round trip. Universal mode renews with a refresh token, which needs no cookie.
    silentRenewal: optional('silentRenewal', given.silentRenewal, 'boolean') ?? (devTenant || loginMode === 'universal'),
    loginState: optional('loginState', given.loginState, 'string'),
    lockOptions: (optional('lockOptions', given.lockOptions, 'object') as Auth0LockConstructorOptions | undefined) ?? {},
    lockFetch: oneOf('lockFetch', LOCK_FETCH_VALUES, given.lockFetch, 'idle'),
    loginMode,
    audience: audience?.trim() === '' ? fail('`audience` is empty: give the API identifier, or leave it out.') : audience,
    tokenStorage,
    devTenant
  };
}
