// The production build as scripts/size-budget.ts and scripts/bench.ts measure it: `webpack --mode
// production` into a directory, and the gzip bytes of what index.html loads before any click.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface InitialAsset {
  readonly file: string;
  readonly gzipBytes: number;
}

/** Runs the production build (`eager`: the bench's comparison build); resolves with its wall time in ms. */
export function buildProduction(outDir: string, options: { eager?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  const args = [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production', '--output-path', path.resolve(outDir)];
  if (options.eager) {
    args.push('--env', 'eager');
  }
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'inherit', env: options.env ?? process.env });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) {
        resolve(performance.now() - started);
      } else {
        reject(new Error(`webpack --mode production exited with code ${String(code)}`));
      }
    });
  });
}

/** The scripts and stylesheets index.html loads, with their gzip size (the build's own .gz files). */
export function initialAssets(outDir: string): InitialAsset[] {
  const html = readFileSync(path.join(outDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]);
  const styles = [...html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*>/g)]
    .filter((match) => /\brel="?stylesheet"?/.test(match[0]))
    .map((match) => match[1]);
  return [...scripts, ...styles].map((file) => ({ file, gzipBytes: gzipBytes(path.join(outDir, file)) }));
}

export function totalBytes(assets: readonly InitialAsset[]): number {
  return assets.reduce((sum, asset) => sum + asset.gzipBytes, 0);
}

function gzipBytes(file: string): number {
  const precompressed = `${file}.gz`;
  return existsSync(precompressed) ? readFileSync(precompressed).length : gzipSync(readFileSync(file), { level: 9 }).length;
}

export const formatBytes = (bytes: number): string => `${bytes.toLocaleString('en-US')} B`;
