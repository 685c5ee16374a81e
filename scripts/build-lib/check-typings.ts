// The package's typings as an adopter's TypeScript sees them (build-lib runs this, and check-lib.ts):
// an app that has only what npm installs with the package, skipLibCheck off, importing it as an ES
// module (moduleResolution bundler: esm/index.d.ts) and requiring it (node16 from CommonJS: the UMD
// script's auth0-angularjs-session.d.ts).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';

/** An adopter's app.ts: the calls of the README, and mistakes the typings must refuse. */
const TYPED_APP = `
import angular from 'angular';
import authSessionModule, { type AuthService, type AuthSessionProvider } from 'auth0-angularjs-session';

angular.module('x', [authSessionModule]).config(['authSessionProvider', (p: AuthSessionProvider) => p.configure({ domain: 'http://localhost:3001', clientID: 'c', lockFetch: 'intent' })]);
angular.module('y', [authSessionModule])
  .config(['authSessionProvider', (p: AuthSessionProvider) => {
    p.configure({ domain: 'your-tenant.eu.auth0.com', clientID: 'c', apiOrigins: ['https://api.example.com'], lockOptions: { theme: { primaryColor: '#123456' } } });
    // @ts-expect-error the option is clientID
    p.configure({ domain: 'd', clientId: 'c' });
    // @ts-expect-error lockFetch is 'idle', 'intent' or 'click'
    p.configure({ domain: 'd', clientID: 'c', lockFetch: 'hover' });
    // @ts-expect-error Lock's option types apply
    p.configure({ domain: 'd', clientID: 'c', lockOptions: { theme: { primaryColor: 1 } } });
    p.configure({ domain: 'd', clientID: 'c', loginMode: 'universal', audience: 'https://api.example.com/', tokenStorage: 'memory' });
    // @ts-expect-error loginMode is 'lock' or 'universal'
    p.configure({ domain: 'd', clientID: 'c', loginMode: 'popup' });
    // @ts-expect-error tokenStorage is 'localStorage' or 'memory'
    p.configure({ domain: 'd', clientID: 'c', loginMode: 'universal', tokenStorage: 'cookie' });
  }])
  .run(['authService', 'lock', (authService: AuthService, lock: angular.lock.ILockService) => {
    authService.registerAuthenticationListener();
    authService.checkAuthOnRefresh();
    lock.interceptHash();
    const name: string | undefined = authService.profile()?.name;
    // @ts-expect-error no such method
    authService.signIn(name);
    // auth0-js 10's types (esm/types/auth0-js.d.ts), where Lock's and angular-lock's name them.
    lock.on('authorization_error', (error) => {
      const code: string | null | undefined = error.code;
      // @ts-expect-error auth0-js 10 errors have no errorCode
      return [code, error.errorCode];
    });
    lock.authorize({ redirectUri: 'https://app.example.com/', organization: 'org_1' });
  }]);
`;

/** The same package required from CommonJS (app.cts): the UMD script's module.exports, the module's name, and the same types. */
const REQUIRING_APP = `
import angular = require('angular');
import authSessionModule = require('auth0-angularjs-session');

const name: string = authSessionModule;
angular.module('z', [name]).run(['authService', (authService: authSessionModule.AuthService) => authService.checkAuthOnRefresh()]);
export const options: authSessionModule.AuthSessionOptions = { domain: 'd', clientID: 'c' };
// @ts-expect-error no such type
export type Missing = authSessionModule.SessionService;
`;

export interface TypingsCheck {
  /** The packages the app had: what npm installs with auth0-angularjs-session. */
  readonly packages: readonly string[];
  readonly ms: number;
}

/** `names` and what npm installs with them (its dependencies, theirs…), from this project's node_modules. */
export function withDependencies(names: readonly string[]): string[] {
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

/** Throws, with TypeScript's messages, unless `files` of the app `app` typecheck (strict, skipLibCheck off) with `options`. */
function typecheck(app: string, files: string[], options: ts.CompilerOptions): void {
  const program = ts.createProgram(files, {
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    target: ts.ScriptTarget.ES2019,
    lib: ['lib.es2020.d.ts', 'lib.dom.d.ts'],
    types: [],
    ...options
  });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    const host = { getCanonicalFileName: (file: string) => file, getCurrentDirectory: () => app, getNewLine: () => '\n' };
    throw new Error(
      `check-lib: the typings fail in a TypeScript app (${files.map((file) => path.basename(file)).join(', ')}):\n${ts.formatDiagnostics(diagnostics, host)}`
    );
  }
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
      // package.json files too: esm/'s says its .d.ts are ES modules, for node16.
      filter: (source) => path.basename(source) === 'package.json' || source.endsWith('.d.ts') || statSync(source).isDirectory()
    });
    const packages = withDependencies([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
    for (const name of packages) {
      mkdirSync(path.dirname(path.join(nodeModules, name)), { recursive: true });
      symlinkSync(path.dirname(require.resolve(`${name}/package.json`)), path.join(nodeModules, name), 'dir');
    }
    const importing = path.join(app, 'app.ts');
    writeFileSync(importing, TYPED_APP);
    typecheck(app, [importing], { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, esModuleInterop: true });
    const requiring = path.join(app, 'app.cts');
    writeFileSync(requiring, REQUIRING_APP);
    typecheck(app, [requiring], { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 });
    return { packages, ms: performance.now() - started };
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}
