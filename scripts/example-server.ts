// The server of an examples/ app, loopback only: the example's folder at /, dist-lib/ at
// /dist-lib/, and at /vendor/ the few node_modules files its index.html loads (an explicit map,
// nothing else under node_modules), every response with the app's security headers
// (webpack/security-headers.js, in dev-tenant mode: the strict CSP of `npm start`).
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import express, { type Express } from 'express';
import { DEFAULTS, localOrigin } from '../config/defaults';
import { parsePort } from '../dev-tenant/config/config-parsers';

// A CommonJS file that webpack.config.js also loads; it has no type declarations.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { securityHeaders } = require('../webpack/security-headers') as {
  securityHeaders: (settings: { devTenant: boolean; domain: string; apiUrl: string }) => Record<string, string>;
};

export type ExampleName = keyof typeof DEFAULTS.examplePorts;

const ROOT = path.join(__dirname, '..');
export const LIBRARY_FILE = path.join(ROOT, 'dist-lib', 'auth0-angularjs-session.js');

/** /vendor/<name> → the node_modules file, for each example: its own AngularJS and router. */
const VENDOR_FILES: Readonly<Record<ExampleName, Readonly<Record<string, string>>>> = {
  'legacy-es5-ui-router-0': {
    'angular.js': 'angular-1.6/angular.js',
    'angular-csp.css': 'angular-1.6/angular-csp.css',
    'angular-ui-router.js': 'angular-ui-router/release/angular-ui-router.js'
  },
  'legacy-ngroute': {
    'angular.js': 'angular/angular.js',
    'angular-csp.css': 'angular/angular-csp.css',
    'angular-route.js': 'angular-route/angular-route.js'
  }
};

export const EXAMPLE_NAMES = Object.keys(VENDOR_FILES) as ExampleName[];

/** The tenant URL each example's app.js is written with, as an adopter writes it. */
const WRITTEN_TENANT_URL = localOrigin(DEFAULTS.devTenantPort);
/** The one option of Universal Login, commented out beside configure() in each example's app.js. */
const UNIVERSAL_OPTION = "loginMode: 'universal',";

/** EXAMPLE_LOGIN_MODE: 'lock' (the default) serves app.js as written; 'universal' with its loginMode line uncommented. */
export type ExampleLoginMode = 'lock' | 'universal';

export interface ExampleSettings {
  readonly name: ExampleName;
  /** EXAMPLE_PORT, else the example's default (3003, 3004). */
  readonly port: number;
  /** The dev tenant, on DEV_TENANT_PORT (3001). */
  readonly tenantUrl: string;
  /** Named in the CSP's connect-src as in the app's (DEMO_API_PORT); the examples call no API. */
  readonly apiUrl: string;
  /** EXAMPLE_LOGIN_MODE, else 'lock'. */
  readonly loginMode: ExampleLoginMode;
}

/** The example named on the command line, with its ports from the environment; throws with the names known. */
export function exampleSettings(name: string | undefined, env: NodeJS.ProcessEnv): ExampleSettings {
  if (name === undefined || !(EXAMPLE_NAMES as string[]).includes(name)) {
    throw new Error(`Name an example: ${EXAMPLE_NAMES.join(' or ')} (got ${name ?? 'none'}).`);
  }
  const example = name as ExampleName;
  const loginMode = env.EXAMPLE_LOGIN_MODE || 'lock';
  if (loginMode !== 'lock' && loginMode !== 'universal') {
    throw new Error(`EXAMPLE_LOGIN_MODE must be lock or universal (got ${loginMode}).`);
  }
  return {
    name: example,
    port: parsePort('EXAMPLE_PORT', env.EXAMPLE_PORT, DEFAULTS.examplePorts[example], 0),
    tenantUrl: localOrigin(parsePort('DEV_TENANT_PORT', env.DEV_TENANT_PORT, DEFAULTS.devTenantPort, 1)),
    apiUrl: localOrigin(parsePort('DEMO_API_PORT', env.DEMO_API_PORT, DEFAULTS.demoApiPort, 1)),
    loginMode
  };
}

export function createExampleServer(settings: ExampleSettings): Express {
  if (!existsSync(LIBRARY_FILE)) {
    throw new Error(`${path.relative(process.cwd(), LIBRARY_FILE)} is missing: run \`npm run build:lib\` first.`);
  }
  const exampleDir = path.join(ROOT, 'examples', settings.name);
  const vendorFiles = new Map(Object.entries(VENDOR_FILES[settings.name]).map(([file, module]) => [file, require.resolve(module)]));
  const headers = {
    ...securityHeaders({ devTenant: true, domain: settings.tenantUrl, apiUrl: settings.apiUrl }),
    'Cache-Control': 'no-cache'
  };
  const app = express();
  app.disable('x-powered-by');
  app.use((_request, response, next) => {
    response.set(headers);
    next();
  });
  // app.js configures the tenant as an adopter writes it, `domain: 'http://localhost:3001'`. When
  // the tenant runs elsewhere (DEV_TENANT_PORT, as in the e2e tests), app.js is served with the
  // tenant's actual URL there; the file on disk is never changed.
  // EXAMPLE_LOGIN_MODE=universal serves it as an adopter switches it: the loginMode line uncommented.
  const appSource = (): string => {
    const source = readFileSync(path.join(exampleDir, 'app.js'), 'utf8')
      .split(`domain: '${WRITTEN_TENANT_URL}'`)
      .join(`domain: '${settings.tenantUrl}'`);
    return settings.loginMode === 'universal' ? uncommentUniversalOption(source, settings.name) : source;
  };
  appSource(); // A missing loginMode line stops the server at its start, not at a test's first page.
  app.get('/app.js', (_request, response) => {
    response.type('js').send(appSource());
  });
  app.use('/dist-lib', express.static(path.dirname(LIBRARY_FILE), { index: false, cacheControl: false }));
  app.get('/vendor/:file', (request, response, next) => {
    const file = vendorFiles.get(request.params.file);
    if (file === undefined) {
      next();
      return;
    }
    // An explicit file from the map: allowed wherever the checkout lies, dotted folders included.
    response.sendFile(file, { dotfiles: 'allow' });
  });
  app.use(express.static(exampleDir, { cacheControl: false }));
  app.use((_request, response) => {
    response.status(404).type('text/plain').send('Not found');
  });
  return app;
}

/** The example's app.js with its `// loginMode: 'universal',` line made code; throws if there is no such line. */
function uncommentUniversalOption(source: string, name: ExampleName): string {
  const commented = `// ${UNIVERSAL_OPTION}`;
  if (source.split(commented).length !== 2) {
    throw new Error(`examples/${name}/app.js needs exactly one \`${commented}\` line for EXAMPLE_LOGIN_MODE=universal.`);
  }
  return source.replace(commented, UNIVERSAL_OPTION);
}
