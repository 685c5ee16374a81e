// Fresh apps that adopt the packed package as a newcomer would (e2e/package-install.e2e.ts): each in
// a temporary folder, the tarball `npm run build:lib` packed installed with `npm install --offline`
// (its dependencies and the `angular` peer packed from this project's node_modules, so no registry
// is asked), the app's own build tools linked from this project's, and nothing configured for the
// package: a webpack 5 + TypeScript app, a Vite app, and a page of script tags.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { withDependencies } from '../scripts/build-lib/check-typings';

const ROOT = path.resolve(__dirname, '..');
const LIB = path.join(ROOT, 'dist-lib');
const PACKAGE = 'auth0-angularjs-session';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Once per copy of AngularJS in a build: angular.js's own warning, kept by every minifier. */
export const ANGULAR_MARKER = 'Tried to load AngularJS more than once';

/** Runs `command` in `cwd`; resolves with what it printed, or rejects with it. */
export function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(printed);
      else reject(new Error(`${path.basename(command)} ${args.join(' ')} (in ${cwd}) exited with ${String(code)}:\n${printed}`));
    });
  });
}

/** A tool of this project's node_modules, run with this Node from the app's node_modules (where it is linked). */
export const runTool = (app: string, script: string, args: string[]): Promise<string> =>
  run(process.execPath, [path.join(app, 'node_modules', script), ...args], app);

/** The package's tarball, as `npm run build:lib` packed it. */
export function packageTarball(): string {
  const tarball = readdirSync(LIB).find((name) => name.startsWith(`${PACKAGE}-`) && name.endsWith('.tgz'));
  if (!tarball) throw new Error(`no ${PACKAGE}-*.tgz in dist-lib/: run \`npm run build:lib\` first`);
  return path.join(LIB, tarball);
}

/** Packs what npm installs with the package (its dependencies, the `angular` peer) from this project's node_modules into `dir`. */
export async function packDependencies(dir: string): Promise<string[]> {
  const manifest = JSON.parse(readFileSync(path.join(LIB, 'package.json'), 'utf8')) as { dependencies?: object; peerDependencies?: object };
  const names = withDependencies([...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.peerDependencies ?? {})]);
  const folders = names.map((name) => path.dirname(require.resolve(`${name}/package.json`)));
  const printed = await run(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', dir, ...folders], dir);
  return (JSON.parse(printed) as { filename: string }[]).map((packed) => path.join(dir, packed.filename));
}

/**
 * A new app folder `dir`: package.json, `files` (path → text), then `npm install --offline` of the
 * package's tarball with `dependencies` (tarballs), then `tools` (this project's) linked into its
 * node_modules after npm is done with it.
 */
export async function createApp(dir: string, files: Record<string, string>, dependencies: string[], tools: string[]): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: path.basename(dir), version: '1.0.0', private: true }, null, 2));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  await run(npm, ['install', '--offline', '--no-audit', '--no-fund', ...dependencies, packageTarball()], dir);
  for (const tool of tools) {
    symlinkSync(path.dirname(require.resolve(`${tool}/package.json`)), path.join(dir, 'node_modules', tool), 'dir');
  }
}

/** How many copies of AngularJS the JavaScript files under `dir` hold. */
export function angularCopies(dir: string): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .reduce((count, file) => count + readFileSync(path.join(dir, file), 'utf8').split(ANGULAR_MARKER).length - 1, 0);
}

/** Where the apps are made: a temporary folder of their own, outside any node_modules' reach. */
export const freshAppsDir = (port: number): string => path.join(os.tmpdir(), 'auth0-angularjs-e2e', `fresh-apps-${String(port)}`);

/** The app's source: the module imported as the README says, configured for `tenant`, Log In wired to authService. */
export function appSource(tenant: string, clientID: string): string {
  return `import angular from 'angular';
import session, { type AuthService, type AuthSessionProvider } from 'auth0-angularjs-session';

interface AppScope extends angular.IRootScopeService {
  login?: () => void;
}

angular
  .module('app', [session])
  .config(['authSessionProvider', (authSessionProvider: AuthSessionProvider) => {
    authSessionProvider.configure({ domain: ${JSON.stringify(tenant)}, clientID: ${JSON.stringify(clientID)} });
  }])
  .run(['$rootScope', 'authService', 'lock', ($rootScope: AppScope, authService: AuthService, lock: angular.lock.ILockService) => {
    authService.registerAuthenticationListener();
    authService.checkAuthOnRefresh();
    lock.interceptHash();
    $rootScope.login = () => authService.login();
  }]);
`;
}

/** The page: AngularJS bootstraps `app` on <body>, whose one button is Log In. */
export const appPage = (scripts: string): string => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Fresh app</title>
    <link rel="icon" href="data:," />
    ${scripts}
  </head>
  <body ng-app="app" ng-strict-di>
    <button type="button" ng-click="login()">Log In</button>
  </body>
</html>
`;

/** A page of script tags: AngularJS, then the package's script (its Lock chunk beside it) from the tarball, then the app. */
export async function scriptTagPage(dir: string, tenant: string, clientID: string): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'vendor'), { recursive: true });
  copyFileSync(require.resolve('angular/angular.min.js'), path.join(dir, 'angular.min.js'));
  const scripts = [`${PACKAGE}.min.js`, `${PACKAGE}.lock.min.js`];
  await run(
    'tar',
    ['-xzf', packageTarball(), '-C', path.join(dir, 'vendor'), '--strip-components=1', ...scripts.map((script) => `package/${script}`)],
    dir
  );
  const app = `angular.module('app', [auth0AngularjsSession])
  .config(['authSessionProvider', function (authSessionProvider) {
    authSessionProvider.configure({ domain: ${JSON.stringify(tenant)}, clientID: ${JSON.stringify(clientID)} });
  }])
  .run(['$rootScope', 'authService', 'lock', function ($rootScope, authService, lock) {
    authService.registerAuthenticationListener();
    authService.checkAuthOnRefresh();
    lock.interceptHash();
    $rootScope.login = function () { authService.login(); };
  }]);
`;
  writeFileSync(path.join(dir, 'app.js'), app);
  const tags = ['angular.min.js', `vendor/${PACKAGE}.min.js`, 'app.js'].map((src) => `<script src="${src}"></script>`).join('\n    ');
  writeFileSync(path.join(dir, 'index.html'), appPage(tags));
}
