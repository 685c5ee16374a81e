// Where `npm run build:lib` reads and writes, and small helpers its steps share.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const OUT = path.join(ROOT, 'dist-lib');
export const ESM = path.join(OUT, 'esm');
export const THIRD_PARTY = path.join(ESM, 'third-party');
export const SOURCE = path.join(ROOT, 'components', 'auth');
export const NAME = 'auth0-angularjs-session';

/**
 * What webpack/lib.config.js writes beside each other, each with its .map: the scripts, and the
 * chunks each loads from beside it: Lock's (Lock mode) and auth0-spa-js's (universal mode).
 */
export const SCRIPTS = [
  `${NAME}.js`,
  `${NAME}.lock.js`,
  `${NAME}.auth0-spa-js.js`,
  `${NAME}.min.js`,
  `${NAME}.lock.min.js`,
  `${NAME}.auth0-spa-js.min.js`
];
/** The Cross-Origin Verification Fallback page webpack/lib.config.js writes, and its script (ES5 too). */
export const FALLBACK_PAGE = 'callback-cross-auth.html';
export const FALLBACK_SCRIPT = 'callback-cross-auth.js';

export interface PackageJson {
  name: string;
  version: string;
  license?: string;
}

export const readPackageJson = (file: string): PackageJson => JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
export const posix = (file: string): string => file.split(path.sep).join('/');
export const installedVersion = (name: string): string => readPackageJson(require.resolve(`${name}/package.json`)).version;
