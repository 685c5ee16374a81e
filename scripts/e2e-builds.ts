// `tsx scripts/e2e-builds.ts <dir> <cross-site dir> <universal dir> <cross-site tenant port>`: the four builds the
// e2e servers need: the production build with its size budget (scripts/size-budget.ts, into
// <dir>), `npm run build:lib` (for the examples), and the production builds whose dev tenant is on
// another site (DEV_TENANT_BROWSER_HOST=127.0.0.1 on the given port), in Lock mode and in universal
// mode (AUTH0_LOGIN_MODE=universal), which the cross-site tests share. scripts/e2e-servers.ts runs it
// beside the servers that need no build; here build:lib hides beside the app builds, which share a
// cache. Fails, naming it, if any fails.
import { spawn } from 'node:child_process';
import { DEFAULTS } from '../config/defaults';
import { runMain } from '../tools/dev-processes';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `command`, its output prefixed with `name` (the two builds print at once); resolves with its wall time in s. */
function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    const prefix = (chunk: Buffer): string =>
      chunk
        .toString()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => `[${name}] ${line}\n`)
        .join('');
    child.stdout.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
    child.stderr.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(`${name} ${((performance.now() - started) / 1000).toFixed(1)} s`);
      else reject(new Error(`e2e builds: ${name} failed (${signal ?? `exit code ${String(code)}`}), see its output above`));
    });
  });
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const [outDir, crossSiteDir, universalDir, crossSiteTenantPort] = args;
  if (args.length !== 4) {
    throw new Error('usage: tsx scripts/e2e-builds.ts <dir> <cross-site dir> <universal cross-site dir> <cross-site tenant port>');
  }
  const started = performance.now();
  const crossSiteEnv = { ...process.env, DEV_TENANT_BROWSER_HOST: DEFAULTS.crossSiteBrowserHost, DEV_TENANT_PORT: crossSiteTenantPort };
  // The three app builds one after another, sharing webpack's persistent cache (webpack.config.js): the
  // second and third take Lock's, auth0-js's and auth0-spa-js's chunks from the first, while build:lib
  // (a config of its own) runs beside them. Kept between runs, beside the first build's directory.
  const cache = { WEBPACK_CACHE_DIR: `${outDir}-webpack-cache` };
  const webpackCli = require.resolve('webpack-cli/bin/cli.js');
  const appBuilds = async (): Promise<string> => {
    const times = [
      await run('build', process.execPath, ['--import', 'tsx', 'scripts/size-budget.ts', outDir], { ...process.env, ...cache })
    ];
    times.push(
      await run('build:cross-site', process.execPath, [webpackCli, '--mode', 'production', '--output-path', crossSiteDir], {
        ...crossSiteEnv,
        ...cache
      })
    );
    times.push(
      await run('build:universal', process.execPath, [webpackCli, '--mode', 'production', '--output-path', universalDir], {
        ...crossSiteEnv,
        ...cache,
        AUTH0_LOGIN_MODE: 'universal'
      })
    );
    return times.join(', ');
  };
  // All run to their end (a failed one does not cut the other's output short), then any failure is thrown.
  const results = await Promise.allSettled([appBuilds(), run('build:lib', npm, ['run', 'build:lib'])]);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
  const times = results.map((result) => (result.status === 'fulfilled' ? result.value : ''));
  console.log(`e2e builds done in ${((performance.now() - started) / 1000).toFixed(1)} s (${times.join(', ')}).`);
}

runMain(main);
