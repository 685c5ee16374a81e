// Every server the e2e suite needs, as data: scripts/e2e-servers.ts starts them (playwright.config.ts's one
// webServer). The ports and directories are e2e-env.ts's.
import { localOrigin } from '../config/defaults';
import {
  CROSS_SITE_ENV,
  E2E_API_PORT,
  E2E_APP_PORT,
  E2E_CROSS_SITE_APP_PORT,
  E2E_CROSS_SITE_APP_URL,
  E2E_CROSS_SITE_DIST,
  E2E_CROSS_SITE_TENANT_DATA_DIR,
  E2E_CROSS_SITE_TENANT_PORT,
  E2E_CROSS_SITE_TENANT_URL,
  E2E_DIST,
  E2E_EXAMPLE_PORTS,
  E2E_FRESH_APPS_PORT,
  E2E_NGINX_PORT,
  E2E_PROD_PORT,
  E2E_SERVERS,
  E2E_TENANT_DATA_DIR,
  E2E_TENANT_PORT,
  E2E_UNIVERSAL_APP_PORT,
  E2E_UNIVERSAL_APP_URL,
  E2E_UNIVERSAL_DIST,
  E2E_UNIVERSAL_EXAMPLE_PORTS,
  E2E_UNIVERSAL_SAMPLE_PORT
} from './e2e-env';

export interface E2eServer {
  /** Names it in the output and in errors. */
  readonly name: string;
  /** A TypeScript CLI of the project, run as `node --import tsx <script> <args>`, or a JavaScript one (`node <script>`). */
  readonly script: string;
  readonly args?: readonly string[];
  /** Over the environment of the run. */
  readonly env: Readonly<Record<string, string>>;
  /** Answers 2xx once the server is ready; https: with the cross-site tenant's certificate. */
  readonly url: string;
  /** Serves what scripts/e2e-builds.ts makes (its directory, or dist-lib/): started once the builds are done. */
  readonly servesBuilds: boolean;
}

/** The examples/ apps (scripts/serve-example.ts), against the same dev tenant. */
const examples = [
  ...Object.entries(E2E_EXAMPLE_PORTS).map(([name, port]) => ({ name, port, loginMode: 'lock' })),
  // The same, served with their `loginMode: 'universal'` line uncommented (adoption-universal.e2e.ts).
  ...Object.entries(E2E_UNIVERSAL_EXAMPLE_PORTS).map(([name, port]) => ({ name, port, loginMode: 'universal' }))
].map((example) => ({ ...example, origin: localOrigin(example.port) }));

const appOrigins = [
  ...E2E_SERVERS.map((server) => server.baseURL),
  localOrigin(E2E_NGINX_PORT),
  ...examples.map((example) => example.origin),
  localOrigin(E2E_UNIVERSAL_SAMPLE_PORT),
  // The apps package-install.e2e.ts builds from the packed package.
  localOrigin(E2E_FRESH_APPS_PORT)
];

// Dev-tenant mode on the e2e ports, for the development server and the production build alike.
const e2eEnv = {
  DEV_TENANT_PORT: String(E2E_TENANT_PORT),
  DEMO_API_PORT: String(E2E_API_PORT),
  AUTH0_DOMAIN: '',
  AUTH0_CLIENT_ID: '',
  AUTH0_CALLBACK_URL: '',
  API_URL: ''
};

/** `npm run serve` of a cross-site build, over https with the cross-site tenant's certificate. */
function crossSiteBuildServer(name: string, dist: string, port: number, origin: string): E2eServer {
  return {
    name,
    script: 'scripts/serve.ts',
    args: [dist],
    env: { PORT: String(port), SERVE_TLS_DIR: E2E_CROSS_SITE_TENANT_DATA_DIR },
    url: `${origin}/`,
    servesBuilds: true
  };
}

/**
 * `tsx scripts/e2e-builds.ts`'s arguments, in e2e-env.ts's dev-tenant mode (the production build is
 * `npm run serve`'s, on the e2e ports): the four builds the servers below serve.
 */
export const E2E_BUILDS = {
  args: [E2E_DIST, E2E_CROSS_SITE_DIST, E2E_UNIVERSAL_DIST, String(E2E_CROSS_SITE_TENANT_PORT)],
  env: e2eEnv
};

/** Playwright waits for this one: scripts/e2e-servers.ts starts it last, once all the others (E2E_SERVER_LIST) answer. */
export const E2E_LAST_SERVER: E2eServer = {
  name: 'npm run serve',
  script: 'scripts/serve.ts',
  args: [E2E_DIST],
  env: { ...e2eEnv, PORT: String(E2E_PROD_PORT) },
  url: `${localOrigin(E2E_PROD_PORT)}/`,
  servesBuilds: true
};

export const E2E_SERVER_LIST: readonly E2eServer[] = [
  {
    // The same start script a newcomer runs, in dev-tenant mode, on the e2e ports.
    name: 'npm start',
    script: 'scripts/start.ts',
    env: {
      ...e2eEnv,
      PORT: String(E2E_APP_PORT),
      DEV_TENANT_DATA_DIR: E2E_TENANT_DATA_DIR,
      // The app's servers' and the examples' origins may log in and out.
      DEV_TENANT_CALLBACK_URLS: appOrigins.map((origin) => `${origin}/`).join(','),
      DEV_TENANT_WEB_ORIGINS: appOrigins.join(',')
    },
    url: `${localOrigin(E2E_APP_PORT)}/`,
    servesBuilds: false
  },
  // The cross-site pair (cross-site.e2e.ts, returning-visitor.e2e.ts, engines/cross-site-*.e2e.ts): a
  // dev tenant on another site, which allows only the cross-site builds' origins, and those builds;
  // all over https with the tenant's certificate (e2e-env.ts says why).
  {
    name: 'cross-site dev tenant',
    script: 'dev-tenant/main.ts',
    env: {
      ...CROSS_SITE_ENV,
      DEV_TENANT_PORT: String(E2E_CROSS_SITE_TENANT_PORT),
      DEV_TENANT_DATA_DIR: E2E_CROSS_SITE_TENANT_DATA_DIR,
      DEV_TENANT_CALLBACK_URLS: `${E2E_CROSS_SITE_APP_URL}/,${E2E_UNIVERSAL_APP_URL}/`,
      DEV_TENANT_WEB_ORIGINS: `${E2E_CROSS_SITE_APP_URL},${E2E_UNIVERSAL_APP_URL}`,
      DEV_TENANT_CROSS_ORIGIN_LOC: `${E2E_CROSS_SITE_APP_URL}/callback-cross-auth.html`
    },
    url: `${E2E_CROSS_SITE_TENANT_URL}/.well-known/openid-configuration`,
    servesBuilds: false
  },
  crossSiteBuildServer('cross-site build', E2E_CROSS_SITE_DIST, E2E_CROSS_SITE_APP_PORT, E2E_CROSS_SITE_APP_URL),
  // The sample in universal mode against the same tenant (universal.e2e.ts, engines/universal-flows.e2e.ts).
  crossSiteBuildServer('universal cross-site build', E2E_UNIVERSAL_DIST, E2E_UNIVERSAL_APP_PORT, E2E_UNIVERSAL_APP_URL),
  // The sample in universal mode against the same-site tenant (adoption-universal.e2e.ts): `npm start`'s
  // app server alone (the tenant and API are `npm start`'s above), a development build held in memory.
  {
    name: 'universal sample (webpack serve)',
    script: require.resolve('webpack-cli/bin/cli.js'),
    args: ['serve', '--mode', 'development'],
    env: { ...e2eEnv, PORT: String(E2E_UNIVERSAL_SAMPLE_PORT), AUTH0_LOGIN_MODE: 'universal' },
    url: `${localOrigin(E2E_UNIVERSAL_SAMPLE_PORT)}/`,
    servesBuilds: false
  },
  // The examples, each on dist-lib/ as `npm run build:lib` made it (e2e-builds.ts) from today's components/.
  ...examples.map((example) => ({
    name: `example ${example.name} (${example.loginMode})`,
    script: 'scripts/serve-example.ts',
    args: [example.name],
    env: { ...e2eEnv, EXAMPLE_PORT: String(example.port), EXAMPLE_LOGIN_MODE: example.loginMode },
    url: `${example.origin}/`,
    servesBuilds: true
  }))
];
