// The packed tarball, linted as a registry would serve it (build-lib runs this, and so npm test's e2e
// builds): publint (package.json against the files: exports, types, formats), warnings failing as
// errors; and Are the Types Wrong (attw), whose every resolution mode (node10, node16 from CommonJS
// and from ES modules, bundler) must find typings true to the file it resolves. Both read only the
// tarball: no registry (attw's @types lookup is off).
import { spawn } from 'node:child_process';
import * as path from 'node:path';

/** publint's CLI: beside its main module (its package.json is not among its exports). */
const PUBLINT_CLI = path.join(path.dirname(require.resolve('publint')), 'cli.js');
const ATTW_CLI = path.join(path.dirname(require.resolve('@arethetypeswrong/cli/package.json')), 'dist', 'index.js');

/** Runs `script` with `args`; resolves with what it printed, or rejects with it. */
function runNode(name: string, script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve(printed.trim());
      else reject(new Error(`build-lib: ${name} found problems in the package (exit code ${String(code)}):\n${printed.trim()}`));
    });
  });
}

export interface PackageLints {
  /** publint's findings below warnings (suggestions), if any. */
  readonly publint: string;
  /** attw's table of resolutions. */
  readonly attw: string;
}

export async function lintPackage(tarball: string): Promise<PackageLints> {
  const [publint, attw] = await Promise.all([
    runNode('publint', PUBLINT_CLI, ['run', tarball, '--strict', '--pack', 'false']),
    runNode('attw', ATTW_CLI, [tarball, '--no-definitely-typed', '--format', 'table-flipped', '--no-emoji', '--no-color'])
  ]);
  return { publint, attw };
}
