// An app's webpack, with the package installed from the tarball `npm run build:lib` packs, finds one
// AngularJS (build-lib runs it; README, "webpack (or another bundler)").
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import webpack from 'webpack';

/** Where webpack, with its defaults, resolves `request` from `context` (an ES module's import). */
function resolveWithWebpack(app: string, context: string, request: string): Promise<string> {
  // A new compiler each time: a resolver caches what it found, and the control below changes node_modules.
  const resolver = webpack({ context: app, mode: 'production', entry: {} }).resolverFactory.get('normal', { dependencyType: 'esm' });
  return new Promise((resolve, reject) => {
    resolver.resolve({}, context, request, {}, (error, result) => {
      if (error || typeof result !== 'string') reject(error ?? new Error(`check-lib: webpack did not resolve ${request} from ${context}`));
      else resolve(result);
    });
  });
}

export interface OneAngularCheck {
  /** The AngularJS webpack bundles for the package installed from the tarball: the app's. */
  readonly appAngular: string;
  /** The one it would bundle besides, for the package installed from the folder (the control). */
  readonly linkedAngular: string;
}

/**
 * An app with its own AngularJS (a copy, as npm installs it) and the package `tarball` installed as
 * `npm install <tarball>` does (extracted into node_modules): webpack must resolve the package's
 * `import angular` to the app's AngularJS, the one copy. The control: installed as `npm install
 * <folder>` does (a link to `dir`), webpack resolves the package's files where they really are, and
 * its `angular` from there: a second copy ("Tried to load AngularJS more than once"). If the control
 * finds one copy too, this check could not tell, and fails.
 */
export async function checkOneAngular(dir: string, tarball: string): Promise<OneAngularCheck> {
  const app = mkdtempSync(path.join(tmpdir(), 'auth0-angularjs-session-webpack-app-'));
  try {
    const nodeModules = path.join(app, 'node_modules');
    cpSync(path.dirname(require.resolve('angular/package.json')), path.join(nodeModules, 'angular'), { recursive: true });
    const installed = path.join(nodeModules, 'auth0-angularjs-session');
    mkdirSync(installed, { recursive: true });
    const tar = spawnSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], { encoding: 'utf8' });
    if (tar.status !== 0) throw new Error(`check-lib: tar -xzf ${tarball} failed: ${tar.stderr || String(tar.error)}`);
    const angularOf = async (): Promise<string> =>
      resolveWithWebpack(app, path.dirname(await resolveWithWebpack(app, app, 'auth0-angularjs-session')), 'angular');
    const appAngular = await resolveWithWebpack(app, app, 'angular');
    const fromTarball = await angularOf();
    if (fromTarball !== appAngular) {
      throw new Error(
        `check-lib: installed from ${path.basename(tarball)}, the package's angular is ${fromTarball}, not the app's ${appAngular}`
      );
    }
    rmSync(installed, { recursive: true });
    symlinkSync(dir, installed, 'dir');
    const linkedAngular = await angularOf();
    if (linkedAngular === appAngular) {
      throw new Error(
        `check-lib: installed from the folder (a link), the package's angular is the app's too: this check cannot tell one copy from two`
      );
    }
    return { appAngular, linkedAngular };
  } finally {
    rmSync(app, { recursive: true, force: true });
  }
}
