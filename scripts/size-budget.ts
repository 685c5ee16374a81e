// `npm run size [dir]`: builds for production (default dist/) and fails when what a visitor loads
// before clicking anything (initial JS + CSS, gzip) outgrows the budget. npm test runs it through
// the e2e tests' production server (playwright.config.ts), so the build happens once.
import * as path from 'node:path';
import { buildProduction, formatBytes, initialAssets, totalBytes } from './production-build';

/**
 * Today's figure plus ~2%: 114,027 B since Universal Login became a second engine (issue 19: +2,136 B,
 * its glue and options; auth0-spa-js itself is a chunk of its own), 111,891 B since the session got one state object, Lock a login-engine
 * seam and the `lockFetch` option (issue 18: +640 B over 111,253 B); 108,232 B when auth0-js became
 * a chunk of its own (issue 12; 158,853 B before). The eager build (Lock, React, immutable and
 * auth0-js in main.js) measured 407,203 B, and issue 12 asks for at most 0.3× that (122,161 B).
 * `npm run bench` prints both figures.
 */
export const INITIAL_GZIP_BUDGET = 116_000;

async function main(): Promise<void> {
  const outDir = path.resolve(process.argv[2] ?? 'dist');
  await buildProduction(outDir);
  const assets = initialAssets(outDir);
  for (const asset of assets) {
    console.log(`  ${asset.file.padEnd(40)} ${formatBytes(asset.gzipBytes).padStart(12)} gzip`);
  }
  const total = totalBytes(assets);
  const verdict = total <= INITIAL_GZIP_BUDGET ? 'within' : 'OVER';
  console.log(`Initial JS+CSS: ${formatBytes(total)} gzip, ${verdict} the budget of ${formatBytes(INITIAL_GZIP_BUDGET)}.`);
  if (total > INITIAL_GZIP_BUDGET) {
    console.error(
      'Size budget exceeded: keep Lock and auth0-js code in their lazy chunks (components/auth/engines/lock/angular-lock.ts), or raise INITIAL_GZIP_BUDGET in scripts/size-budget.ts with a reason.'
    );
    process.exitCode = 1;
  }
}

// Only when run: docs-figures.spec.ts imports the budget to hold docs/performance.md to it.
if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
