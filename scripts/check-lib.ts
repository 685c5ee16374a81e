// What `npm run build:lib` made, at work without a browser (build-lib runs it; alone:
// `tsx scripts/check-lib.ts [dist-lib]`):
//  - checkScript: each ES5 script, loaded in jsdom by a script tag after AngularJS, from another origin
//    than the page's (as an adopter's copied folder), must give an injector `authService`, request
//    nothing more until login, and then fetch its Lock chunk from beside itself, which shows Lock
//    (and, run without a script URL as jest's require() does, still load);
//  - checkTypings: the typings, in a TypeScript app that has only what npm installs with the package.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { JSDOM, ResourceLoader, VirtualConsole, type AbortablePromise } from 'jsdom';
import * as ts from 'typescript';

const PAGE = 'http://app.test/';
/** AngularJS 1.8, and the oldest the project has (1.6, a devDependency): the script supports 1.5+. */
const ANGULARS = ['angular', 'angular-1.6'];
/** Where the adopter put the folder: any directory of any origin. */
const LIB_URL = 'http://cdn.test/vendor/auth0-angularjs-session/';
const AUTH_SERVICE_METHODS = [
  'registerAuthenticationListener',
  'checkAuthOnRefresh',
  'login',
  'logout',
  'logoutLocally',
  'isAuthenticated',
  'profile'
];
const LOCK_CHUNK_WAIT_MS = 5000;

export interface ScriptCheck {
  readonly script: string;
  readonly angular: string;
  readonly lockChunkUrl: string;
  readonly ms: number;
}

/** Serves AngularJS and dist-lib/ at their URLs, records every request, answers nothing else. */
class RecordingLoader extends ResourceLoader {
  readonly requests: string[] = [];

  constructor(private readonly files: ReadonlyMap<string, string>) {
    super();
  }

  override fetch(url: string): AbortablePromise<Buffer> | null {
    this.requests.push(url);
    const file = this.files.get(url);
    return file === undefined ? null : Object.assign(Promise.resolve(readFileSync(file)), { abort: () => undefined });
  }
}

interface PageWindow {
  angular: { injector(modules: unknown[]): { get(name: string): Record<string, unknown> }; element(node: unknown): unknown };
  document: { body: unknown };
  auth0AngularjsSession?: unknown;
  close(): void;
}

function fail(script: string, message: string): never {
  throw new Error(`check-lib: ${script}: ${message}`);
}

async function waitFor<T>(what: () => T | undefined, ms: number): Promise<T | undefined> {
  const until = Date.now() + ms;
  for (let found = what(); ; found = what()) {
    if (found !== undefined || Date.now() > until) {
      return found;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Loads `script` (e.g. auth0-angularjs-session.min.js) of `dir` after AngularJS (`angularPackage`), and checks it. */
export async function checkScript(dir: string, script: string, angularPackage = 'angular'): Promise<ScriptCheck> {
  const started = performance.now();
  const angularFile = require.resolve(`${angularPackage}/angular.min.js`);
  const angular = (JSON.parse(readFileSync(path.join(path.dirname(angularFile), 'package.json'), 'utf8')) as { version: string }).version;
  const angularUrl = `http://cdn.test/angular/${angular}/angular.min.js`;
  const files = new Map<string, string>([[angularUrl, angularFile]]);
  for (const name of [script, script.replace(/(\.min)?\.js$/, '.lock$1.js')]) {
    files.set(LIB_URL + name, path.join(dir, name));
  }
  const loader = new RecordingLoader(files);
  const errors: string[] = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('jsdomError', (error: Error) => {
    errors.push(error.message);
  });
  const html = `<!doctype html><html><head><script src="${angularUrl}"></script><script src="${LIB_URL}${script}"></script></head><body></body></html>`;
  const dom = new JSDOM(html, { url: PAGE, runScripts: 'dangerously', resources: loader, virtualConsole, pretendToBeVisual: true });
  const window = dom.window as unknown as PageWindow;
  try {
    await new Promise((resolve) => {
      dom.window.addEventListener('load', resolve);
    });
    if (errors.length > 0) {
      fail(script, `the page reported errors: ${errors.join('; ')}`);
    }
    if (window.auth0AngularjsSession !== 'auth0.session') {
      fail(script, `the global auth0AngularjsSession is ${JSON.stringify(window.auth0AngularjsSession)}, not 'auth0.session'`);
    }
    const configure = (authSessionProvider: { configure(options: object): void }): void => {
      authSessionProvider.configure({ domain: 'http://localhost:3001', clientID: 'c' });
    };
    // What angular.bootstrap adds to an injector: the module's run block installs the login guard,
    // which reads $location, which needs the app's root element.
    const rootElement = ($provide: { value(name: string, value: unknown): void }): void => {
      $provide.value('$rootElement', window.angular.element(window.document.body));
    };
    const modules = ['ng', ['$provide', rootElement], 'auth0.session', ['authSessionProvider', configure]];
    const authService = window.angular.injector(modules).get('authService');
    const missing = AUTH_SERVICE_METHODS.filter((name) => typeof authService[name] !== 'function');
    if (missing.length > 0) {
      fail(script, `authService has no ${missing.join(', ')}`);
    }
    const expected = [angularUrl, LIB_URL + script];
    if (loader.requests.join() !== expected.join()) {
      fail(script, `before login the page requested ${loader.requests.join(', ')}; expected only ${expected.join(', ')}`);
    }
    // Log In: Lock's UI chunk, from the directory of the script itself (webpack/lib-public-path.js).
    (authService.login as () => void)();
    const lockChunkUrl = await waitFor(
      () => loader.requests.find((url) => url.startsWith(LIB_URL) && url !== LIB_URL + script),
      LOCK_CHUNK_WAIT_MS
    );
    if (lockChunkUrl === undefined || !files.has(lockChunkUrl)) {
      fail(script, `login did not load the Lock chunk beside the script: requests ${loader.requests.join(', ')}`);
    }
    // The chunk ran: Lock 14 mounted its widget (its dictionary and client configuration, asked of
    // the tenant, are not served here).
    const widget = await waitFor(
      () => dom.window.document.querySelector('.auth0-lock-container .auth0-lock') ?? undefined,
      LOCK_CHUNK_WAIT_MS
    );
    if (!widget) {
      fail(script, `the Lock chunk ${lockChunkUrl} was fetched, but Lock showed no widget`);
    }
    if (errors.length > 0) {
      fail(script, `the page reported errors after login: ${errors.join('; ')}`);
    }
    return { script, angular, lockChunkUrl, ms: performance.now() - started };
  } finally {
    window.close();
  }
}

/**
 * Where the script has no URL (jest's jsdom, whose require() runs it without a <script src>), it
 * still loads: webpack's publicPath 'auto' would throw there.
 */
export function checkScriptWithoutUrl(dir: string, script: string): void {
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: PAGE, runScripts: 'outside-only' });
  try {
    dom.window.eval(readFileSync(require.resolve('angular/angular.min.js'), 'utf8'));
    dom.window.eval(readFileSync(path.join(dir, script), 'utf8'));
    const loaded = (dom.window as unknown as PageWindow).auth0AngularjsSession;
    if (loaded !== 'auth0.session') {
      fail(script, `run without a script URL, it set auth0AngularjsSession to ${JSON.stringify(loaded)}`);
    }
  } finally {
    dom.window.close();
  }
}

export async function checkLib(dir: string): Promise<ScriptCheck[]> {
  const checks: ScriptCheck[] = [];
  checkScriptWithoutUrl(dir, 'auth0-angularjs-session.min.js');
  for (const script of ['auth0-angularjs-session.js', 'auth0-angularjs-session.min.js']) {
    for (const angular of ANGULARS) {
      checks.push(await checkScript(dir, script, angular));
    }
  }
  return checks;
}

/** An adopter's app.ts: the calls of the README, and mistakes the typings must refuse. */
const TYPED_APP = `
import angular from 'angular';
import authSessionModule, { type AuthService, type AuthSessionProvider } from 'auth0-angularjs-session';

angular.module('x', [authSessionModule]).config(['authSessionProvider', (p: AuthSessionProvider) => p.configure({ domain: 'http://localhost:3001', clientID: 'c' })]);
angular.module('y', [authSessionModule])
  .config(['authSessionProvider', (p: AuthSessionProvider) => {
    p.configure({ domain: 'your-tenant.eu.auth0.com', clientID: 'c', apiOrigins: ['https://api.example.com'], lockOptions: { theme: { primaryColor: '#123456' } } });
    // @ts-expect-error the option is clientID
    p.configure({ domain: 'd', clientId: 'c' });
    // @ts-expect-error Lock's option types apply
    p.configure({ domain: 'd', clientID: 'c', lockOptions: { theme: { primaryColor: 1 } } });
  }])
  .run(['authService', 'lock', (authService: AuthService, lock: angular.lock.ILockService) => {
    authService.registerAuthenticationListener();
    authService.checkAuthOnRefresh();
    lock.interceptHash();
    const name: string | undefined = authService.profile()?.name;
    // @ts-expect-error no such method
    authService.signIn(name);
  }]);
`;

export interface TypingsCheck {
  /** The packages the app had: what npm installs with auth0-angularjs-session. */
  readonly packages: readonly string[];
  readonly ms: number;
}

/** `name` and what npm installs with it (its dependencies, theirs…), from this project's node_modules. */
function withDependencies(names: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (name: string): void => {
    if (found.has(name)) {
      return;
    }
    found.add(name);
    const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { dependencies?: Record<string, string> };
    Object.keys(manifest.dependencies ?? {}).forEach(visit);
  };
  names.forEach(visit);
  return [...found].sort();
}

/**
 * The typings of `dir` (dist-lib/) as an adopter's TypeScript sees them, skipLibCheck off: an app whose
 * node_modules holds the package (package.json and .d.ts), its dependencies and the `angular` peer,
 * nothing else (no auth0-lock).
 */
export function checkTypings(dir: string): TypingsCheck {
  const started = performance.now();
  const app = mkdtempSync(path.join(tmpdir(), 'auth0-angularjs-session-app-'));
  try {
    const nodeModules = path.join(app, 'node_modules');
    const manifestFile = path.join(dir, 'package.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { name: string; dependencies?: object; peerDependencies?: object };
    cpSync(dir, path.join(nodeModules, manifest.name), {
      recursive: true,
      filter: (source) => source === manifestFile || source.endsWith('.d.ts') || statSync(source).isDirectory()
    });
    const packages = withDependencies([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    for (const name of packages) {
      mkdirSync(path.dirname(path.join(nodeModules, name)), { recursive: true });
      symlinkSync(path.dirname(require.resolve(`${name}/package.json`)), path.join(nodeModules, name), 'dir');
    }
    const appFile = path.join(app, 'app.ts');
    writeFileSync(appFile, TYPED_APP);
    const program = ts.createProgram([appFile], {
      strict: true,
      noEmit: true,
      skipLibCheck: false,
      target: ts.ScriptTarget.ES2019,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2020.d.ts', 'lib.dom.d.ts'],
      esModuleInterop: true,
      types: []
    });
    const diagnostics = ts.getPreEmitDiagnostics(program);
    if (diagnostics.length > 0) {
      const host = { getCanonicalFileName: (file: string) => file, getCurrentDirectory: () => app, getNewLine: () => '\n' };
      throw new Error(`check-lib: the typings fail in a TypeScript app:\n${ts.formatDiagnostics(diagnostics, host)}`);
    }
    return { packages, ms: performance.now() - started };
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const dir = path.resolve(process.argv[2] ?? 'dist-lib');
  checkLib(dir)
    .then((checks) => {
      for (const check of checks) {
        console.log(
          `  ${check.script} on AngularJS ${check.angular}: authService, no request until login; login loaded ${check.lockChunkUrl} and showed Lock (${Math.round(check.ms)} ms)`
        );
      }
      const typings = checkTypings(dir);
      console.log(`  typings: an app with only ${typings.packages.join(', ')} typechecks (${Math.round(typings.ms)} ms)`);
    })
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    });
}
