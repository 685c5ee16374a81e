// `npm test`: lint, typecheck, unit tests, then the e2e tests in all three engines, in that order,
// stopping at the first failure; prints each step's wall time and the total (with the machine's
// load average, which the e2e time depends on).
import { spawn } from 'node:child_process';
import * as os from 'node:os';

/** The package.json scripts `npm test` runs: each also runs alone (`npm run test:e2e`, …). */
const STEPS = ['lint', 'typecheck', 'test:unit', 'test:e2e'] as const;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const minutes = (ms: number): string => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

function runScript(script: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', script], { stdio: 'inherit' });
    child.once('error', (error) => {
      console.error(`npm run ${script}: ${error.message}`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

async function main(): Promise<void> {
  const started = Date.now();
  const times: string[] = [];
  let failed: string | null = null;
  for (const step of STEPS) {
    const stepStarted = Date.now();
    const code = await runScript(step);
    times.push(`${step} ${seconds(Date.now() - stepStarted)}`);
    if (code !== 0) {
      failed = step;
      process.exitCode = code;
      break;
    }
  }
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');
  const verdict = failed === null ? 'passed' : `FAILED at ${failed}`;
  console.log(
    `\nnpm test ${verdict}: ${times.join(', ')}; total ${minutes(Date.now() - started)} (${os.cpus().length} cores, load average ${load})`
  );
}

void main();
