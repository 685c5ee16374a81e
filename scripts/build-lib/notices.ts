// dist-lib/THIRD_PARTY_NOTICES.md: the licences of the third-party code inside the package's files.
// Which packages that is comes from the source maps of what was built, not from a list kept by hand:
// webpack's (the scripts, their Lock chunks, esm/third-party/, the fallback page's script) name each
// module's file, and auth0-js's own build (which the others bundle) names the packages it bundled. The
// texts are the packages' own licence files, as installed, and their package.json `license` fields.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { OUT, ROOT, posix } from './paths';

export const NOTICES_FILE = 'THIRD_PARTY_NOTICES.md';

/** A licence, notice or copying file at a package's top: LICENSE, LICENSE.txt, LICENCE-MIT, NOTICE… */
const LICENSE_FILE = /^(licen[cs]e|copying|notice)([.-].*)?$/i;

interface PackageInfo {
  readonly name: string;
  readonly version: string;
  readonly license?: string | { type?: string };
  readonly author?: string | { name?: string };
  readonly homepage?: string;
}

export interface BundledPackage {
  readonly name: string;
  readonly version: string;
  readonly license: string;
  /** The package's folder, as installed. */
  readonly dir: string;
  /** The package's files it is in (dist-lib/ paths). */
  readonly files: Set<string>;
}

/** The packages' own builds that esm-build.ts copies into esm/third-party/ (webpack bundles them into the scripts too), by shipped file. */
const COPIED_BUILDS: Readonly<Partial<Record<string, string>>> = {
  'esm/third-party/auth0-js.js': path.join(path.dirname(require.resolve('auth0-js/package.json')), 'dist', 'auth0.min.esm.js'),
  'esm/third-party/auth0-spa-js.js': path.join(
    path.dirname(require.resolve('@auth0/auth0-spa-js/package.json')),
    'dist',
    'auth0-spa-js.production.esm.js'
  )
};

const readPackageInfo = (dir: string): PackageInfo => JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageInfo;

/** The folder of the package that `file` (a path with node_modules/ in it) belongs to. */
function packageDirOf(file: string): string | undefined {
  const parts = posix(file).split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return undefined;
  const nameParts = parts[at + 1]?.startsWith('@') ? 2 : 1;
  return parts.slice(0, at + 1 + nameParts).join('/');
}

/** The files a source map's `sources` name, as paths on this machine (webpack's `webpack://<name>/` is ROOT). */
function mapSources(mapFile: string): string[] {
  const { sources = [] } = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources?: string[] };
  return sources
    .filter((source) => !source.startsWith('webpack://') || !/^webpack:\/\/[^/]*\/(ignored|external|webpack)[ |/]/.test(source))
    .map((source) => (source.startsWith('webpack://') ? path.resolve(ROOT, source.replace(/^webpack:\/\/[^/]*\//, '')) : source));
}

/**
 * The packages whose code a prebuilt file of `packageDir` holds: the node_modules/<name> its own
 * source map names (auth0-js's dist/ bundles qs, superagent…), found as installed from that package.
 */
function packagesInsidePrebuilt(file: string, packageDir: string): string[] {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return [];
  return mapSources(mapFile).flatMap((source) => {
    const dir = packageDirOf(source);
    if (dir === undefined) return [];
    const name = dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const installed = installedPackageDir(name, packageDir);
    if (installed === undefined) {
      throw new Error(
        `build-lib: ${path.relative(ROOT, file)} bundles ${name}, which is not installed beside it: its licence cannot be read`
      );
    }
    return [installed];
  });
}

/**
 * Where Node's lookup finds package `name` from `fromDir`: the nearest node_modules/<name> up the
 * tree. By folder, not require.resolve: a package whose `exports` omits package.json
 * (@auth0/auth0-auth-js) cannot be resolved to it.
 */
function installedPackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

const licenseOf = (info: PackageInfo): string =>
  (typeof info.license === 'string' ? info.license : info.license?.type) ?? 'UNKNOWN (no `license` in its package.json)';

/** Every third-party package inside the files of `dir` that have source maps. */
export function bundledPackages(dir: string): BundledPackage[] {
  const found = new Map<string, BundledPackage>();
  const add = (packageDir: string, shippedFile: string): void => {
    const info = readPackageInfo(packageDir);
    const key = `${info.name}@${info.version}`;
    const entry = found.get(key) ?? { name: info.name, version: info.version, license: licenseOf(info), dir: packageDir, files: new Set() };
    entry.files.add(shippedFile);
    found.set(key, entry);
  };
  const mapFiles = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? mapFiles(path.join(folder, entry.name)) : entry.name.endsWith('.js.map') ? [path.join(folder, entry.name)] : []
    );
  for (const mapFile of mapFiles(dir)) {
    const shipped = posix(path.relative(dir, mapFile.replace(/\.map$/, '')));
    // A copied build (esm-build.ts) keeps its package's own map, whose paths are relative to the package.
    const copied = COPIED_BUILDS[shipped];
    const sources = copied === undefined ? mapSources(mapFile) : [copied];
    for (const source of sources) {
      const packageDir = packageDirOf(source);
      if (packageDir === undefined) continue;
      add(packageDir, shipped);
      for (const inner of packagesInsidePrebuilt(source, packageDir)) add(inner, shipped);
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

function licenseTexts(bundled: BundledPackage): string {
  const files = readdirSync(bundled.dir)
    .filter((name) => LICENSE_FILE.test(name))
    .sort();
  if (files.length === 0) {
    const info = readPackageInfo(bundled.dir);
    const author = typeof info.author === 'string' ? info.author : info.author?.name;
    const readme = readdirSync(bundled.dir).find((name) => /^readme(\.md)?$/i.test(name));
    // Its README's "License" section, where it has one (jsonp's says MIT, its package.json nothing).
    const section = readme ? /^#+ *licen[cs]e *\n+([^#]+)/im.exec(readFileSync(path.join(bundled.dir, readme), 'utf8'))?.[1] : undefined;
    const said = section ? ` Its ${readme ?? ''}, "License": ${section.replace(/\[[^\]]*\]:.*$/gm, '').trim()}.` : '';
    return `The package has no licence file. Its package.json: license ${bundled.license}${author ? `, author ${author}` : ''}${info.homepage ? `, ${info.homepage}` : ''}.${said}\n`;
  }
  return files
    .map((name) => `${files.length > 1 ? `${name}:\n\n` : ''}${readFileSync(path.join(bundled.dir, name), 'utf8').trim()}\n`)
    .join('\n');
}

/** Writes dist-lib/THIRD_PARTY_NOTICES.md; returns the packages it lists. */
export function writeThirdPartyNotices(dir = OUT): BundledPackage[] {
  const packages = bundledPackages(dir);
  if (packages.length === 0) throw new Error('build-lib: the source maps name no third-party package: the notices would be empty');
  const fence = '```';
  const sections = packages.map(
    (bundled) =>
      `## ${bundled.name} ${bundled.version}\n\nLicense (its package.json): ${bundled.license}. In: ${[...bundled.files].sort().join(', ')}.\n\n${fence}text\n${licenseTexts(bundled)}${fence}\n`
  );
  const text = [
    '# Third-party notices',
    '',
    "The package's own code is under its LICENSE (MIT). Its files also hold the code of these packages,",
    'each under its own licence, reproduced below as the package ships it (generated by `npm run build:lib`',
    "from the build's source maps and the packages' licence files; the packages auth0-js's own build",
    'bundles are given as installed beside it).',
    '',
    ...packages.map((bundled) => `- ${bundled.name} ${bundled.version} (${bundled.license})`),
    '',
    ...sections
  ].join('\n');
  writeFileSync(path.join(dir, NOTICES_FILE), text);
  return packages;
}
