// `npm run build:lib`: the AngularJS module `auth0.session` (components/auth) as the package
// auth0-angularjs-session in dist-lib/, ready for `npm publish dist-lib` (what each file is:
// dist-lib-package/README.md, copied there):
//  - webpack/lib.config.js: the ES5 scripts (UMD) and Lock's chunks; the ES module build's third-party code;
//  - here, with TypeScript's API: the ES module build of our code and its typings, rewritten to import
//    that third-party code by relative paths, so an app's bundler needs no setup;
// then it proves the scripts are ES5 (acorn) and ASCII only, that they work (in jsdom) and that the
// typings compile in an app (scripts/check-lib.ts); and packs the package (`npm pack`), whose tarball
// an app's webpack resolves to the app's own AngularJS.
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as acorn from 'acorn';
import { buildEsm, copyAuth0Js, copyAuth0SpaJs } from './build-lib/esm-build';
import { assertAsciiOnly, assertNoBuildPlaceholders } from './build-lib/output-checks';
import { ESM, FALLBACK_PAGE, FALLBACK_SCRIPT, NAME, OUT, ROOT, SCRIPTS, installedVersion, posix, readPackageJson } from './build-lib/paths';
import { checkFallbackPage } from './build-lib/check-fallback-page';
import { checkOneAngular } from './build-lib/check-one-angular';
import { checkTypings } from './build-lib/check-typings';
import { NOTICES_FILE, writeThirdPartyNotices } from './build-lib/notices';
import { lintPackage } from './build-lib/package-lints';
import { SCRIPT_TYPINGS, writeScriptTypings } from './build-lib/public-typings';
import { checkLib } from './check-lib';
import { formatBytes } from './production-build';

/**
 * Packages whose typings the ES module build's .d.ts use; dist-lib/package.json pins them as
 * dependencies. Not @types/auth0-js: it describes auth0-js 9, the package bundles 10 (public-typings.ts).
 */
const TYPINGS_DEPENDENCIES = ['@types/angular-jwt'];

/** The ES5 scripts: the module's, and the fallback page's. */
const ES5_SCRIPTS = [...SCRIPTS, FALLBACK_SCRIPT];

/** Runs `command` in ROOT; resolves with what it printed, or rejects naming it. */
function run(command: string, args: string[], output: 'inherit' | 'pipe'): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', output, 'inherit'] });
    let printed = '';
    child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) {
        resolve(printed);
      } else {
        reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with code ${String(code)}`));
      }
    });
  });
}

/** webpack/lib.config.js, in a child process: it runs while TypeScript compiles here. */
async function runWebpack(): Promise<void> {
  await run(
    process.execPath,
    [require.resolve('webpack-cli/bin/cli.js'), '--config', path.join(ROOT, 'webpack', 'lib.config.js')],
    'inherit'
  );
}

/**
 * `npm pack` into dist-lib/ (not a file of the package: `files` leaves it out): what `npm install
 * <tarball>` copies into an app's node_modules. Returns its path.
 */
async function pack(): Promise<string> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const printed = await run(npm, ['pack', '--json', '--pack-destination', OUT, OUT], 'pipe');
  const result = (JSON.parse(printed) as { filename: string }[]).at(0);
  if (!result) throw new Error(`build-lib: npm pack printed no tarball: ${printed}`);
  return path.join(OUT, result.filename);
}

/** Throws, naming the file, line, column and code, unless `file` parses as an ES5 script. */
export function assertEs5(file: string): void {
  const text = readFileSync(file, 'utf8');
  try {
    acorn.parse(text, { ecmaVersion: 5, sourceType: 'script', locations: true });
  } catch (error: unknown) {
    if (!(error instanceof SyntaxError)) {
      throw error;
    }
    const { pos, loc } = error as SyntaxError & { pos?: number; loc?: { line: number; column: number } };
    const at = pos ?? 0;
    const flat = (part: string): string => part.replace(/\s+/g, ' ');
    const snippet = `${flat(text.slice(Math.max(0, at - 60), at))} >>>HERE>>> ${flat(text.slice(at, at + 60))}`;
    throw new Error(
      `build-lib: ${path.relative(ROOT, file)}:${String(loc?.line)}:${String(loc?.column)} is not ES5 (${error.message}): …${snippet}…`,
      { cause: error }
    );
  }
}

function writePackage(): void {
  const root = readPackageJson(path.join(ROOT, 'package.json'));
  const manifest = {
    name: NAME,
    version: root.version || '1.0.0',
    description:
      'Auth0 session handling for AngularJS 1.5+ (the module auth0.session): Lock 14, auth0-js 10, angular-jwt and angular-lock, with Lock loaded on demand',
    license: root.license ?? 'MIT',
    keywords: ['angularjs', 'auth0', 'lock', 'session', 'jwt'],
    // The scripts are CommonJS (UMD); esm/ has its own package.json, `"type": "module"`.
    type: 'commonjs',
    main: `${NAME}.js`,
    unpkg: `${NAME}.min.js`,
    jsdelivr: `${NAME}.min.js`,
    module: 'esm/index.js',
    types: 'esm/index.d.ts',
    // import: the ES module build; require() outside a bundler (jest, browserify): the UMD script,
    // each with its own typings (an ES module's .d.ts for a require() would be "masquerading as ESM").
    exports: {
      // `module` first: bundlers take the ES module build for require() too (one copy, Lock's chunk theirs).
      '.': {
        module: './esm/index.js',
        import: { types: './esm/index.d.ts', default: './esm/index.js' },
        require: { types: `./${SCRIPT_TYPINGS}`, default: `./${NAME}.js` },
        default: './esm/index.js'
      },
      './package.json': './package.json',
      './*': './*'
    },
    files: [
      ...ES5_SCRIPTS,
      ...ES5_SCRIPTS.map((script) => `${script}.map`),
      SCRIPT_TYPINGS,
      FALLBACK_PAGE,
      '*.LICENSE.txt',
      NOTICES_FILE,
      'esm/'
    ],
    peerDependencies: { angular: '>=1.5.0 <2' },
    dependencies: Object.fromEntries(TYPINGS_DEPENDENCIES.map((name) => [name, installedVersion(name)]))
  };
  writeFileSync(path.join(OUT, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  // esm/ holds ES modules (for Node, TypeScript's node16 resolution, bundlers), the rest scripts.
  writeFileSync(path.join(ESM, 'package.json'), `${JSON.stringify({ type: 'module' }, null, 2)}\n`);
  copyFileSync(path.join(ROOT, 'dist-lib-package', 'README.md'), path.join(OUT, 'README.md'));
  copyFileSync(path.join(ROOT, 'LICENSE'), path.join(OUT, 'LICENSE'));
}

function javascriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? javascriptFiles(path.join(dir, entry.name)) : entry.name.endsWith('.js') ? [path.join(dir, entry.name)] : []
    )
    .sort();
}

function printSizes(): void {
  const files = javascriptFiles(OUT);
  const width = Math.max(...files.map((file) => posix(path.relative(OUT, file)).length));
  for (const file of files) {
    const content = readFileSync(file);
    const gzip = gzipSync(content, { level: 9 }).length;
    console.log(
      `  ${posix(path.relative(OUT, file)).padEnd(width)} ${formatBytes(content.length).padStart(13)} ${formatBytes(gzip).padStart(11)} gzip`
    );
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const seconds = (): string => ((performance.now() - started) / 1000).toFixed(1);
  rmSync(OUT, { recursive: true, force: true });
  const webpackDone = runWebpack();
  // While webpack builds the scripts: the ES module build, the package, and its typings checked.
  try {
    copyAuth0Js();
    copyAuth0SpaJs();
    buildEsm();
    writeScriptTypings();
    writePackage();
    const typings = checkTypings(OUT);
    console.log(
      `Typings: a TypeScript app with only ${typings.packages.join(', ')} and the package typechecks, importing it (bundler) and requiring it (node16, CommonJS); skipLibCheck off.`
    );
  } catch (error) {
    // If webpack fails too, its error (printed as it comes) is there to see as well.
    await webpackDone.catch(() => undefined);
    throw error;
  }
  await webpackDone;
  for (const script of ES5_SCRIPTS) {
    assertEs5(path.join(OUT, script));
    assertAsciiOnly(path.join(OUT, script), script);
  }
  console.log(`ES5 (acorn, ecmaVersion 5, sourceType script) and ASCII only: ${ES5_SCRIPTS.join(', ')}`);
  for (const file of javascriptFiles(OUT)) {
    assertNoBuildPlaceholders(file, posix(path.relative(OUT, file)));
  }
  console.log(`No placeholder left (angular-lock's telemetry version is ${installedVersion('angular-lock')}).`);
  console.log(`dist-lib/, ${NAME}@${readPackageJson(path.join(OUT, 'package.json')).version}, built in ${seconds()} s:`);
  printSizes();
  console.log('The scripts in jsdom:');
  for (const check of await checkLib(OUT)) {
    console.log(
      `  ${check.script} on AngularJS ${check.angular}: authService, no request until login; login fetched ${path.posix.basename(check.lockChunkUrl)} from beside it and showed Lock (${String(Math.round(check.ms))} ms)`
    );
  }
  console.log(`  ${NAME}.min.js run without a script URL (as by jest's require()): loads`);
  await checkFallbackPage(OUT);
  console.log(
    `  ${FALLBACK_PAGE}, framed by a tenant: posts "ready" to it, answers its co_verifier_request with the stored verifier, forgets it`
  );
  const notices = writeThirdPartyNotices(OUT);
  console.log(
    `${NOTICES_FILE}: the licences of ${String(notices.length)} bundled packages (${notices.map((bundled) => bundled.name).join(', ')}).`
  );
  const tarball = await pack();
  // The linters run in child processes, while webpack's resolver works here.
  const [lints, angular] = await Promise.all([lintPackage(tarball), checkOneAngular(OUT, tarball)]);
  console.log(
    `publint: no error or warning.${lints.publint.includes('Suggestions') ? ` ${lints.publint.slice(lints.publint.indexOf('Suggestions'))}` : ''}`
  );
  console.log(`attw: every resolution mode finds typings true to its file:\n${lints.attw}`);
  console.log(
    `Packed ${posix(path.relative(ROOT, tarball))}: installed from it, webpack resolves \`angular\` to the app's own copy; installed from the folder (a link), it would bundle a second one, ${angular.linkedAngular}`
  );
  console.log(`npm run build:lib: done in ${seconds()} s.`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
