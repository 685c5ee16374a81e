// What `npm run build:lib` made, at work without a browser (build-lib runs it; alone:
// `tsx scripts/check-lib.ts [dist-lib]`):
//  - checkScript: each ES5 script, loaded in jsdom by a script tag after AngularJS, from another origin
//    than the page's (as an adopter's copied folder), must give an injector `authService`, request
//    nothing more until login, and then fetch its Lock chunk from beside itself, which shows Lock
//    (and, run without a script URL as jest's require() does, still load);
//  - checkTypings (build-lib/check-typings.ts): the typings, in a TypeScript app that has only what npm
//    installs with the package.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { JSDOM, ResourceLoader, VirtualConsole, type AbortablePromise } from 'jsdom';
import { checkTypings } from './build-lib/check-typings';

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
