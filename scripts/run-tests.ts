// `npm test`: lint, typecheck and unit tests side by side (ESLint and tsc use one core each, Jest two
// workers: together they keep 2 cores busy), then the e2e tests
// in all three engines, stopping after the first stage that fails; prints each step's wall time and
// the total (with the machine's load average, which the e2e time depends on). Last, it checks that
// the run started no program that .ci/run does not install (scripts/spawned-programs.ts).
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as os from 'node:os';
import { fileTimesTable } from './e2e-file-times';
import { readSpawnRecords, recordingEnv, spawnTally, unlistedPrograms } from './spawned-programs';

/** The package.json scripts `npm test` runs, by stage: each also runs alone (`npm run test:e2e`, …). */
const STAGES = [['lint', 'typecheck', 'test:unit'], ['test:e2e']] as const;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const minutes = (ms: number): string => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

interface StepResult {
  readonly script: string;
  readonly code: number;
  readonly ms: number;
}

/**
 * Runs `npm run <script>`. Alone, its output streams as it comes; beside another step, it is held
 * and printed whole when the step ends, so the two never interleave.
 */
function runScript(script: string, alone: boolean, env: NodeJS.ProcessEnv): Promise<StepResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', script], { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'], env });
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    const finish = (code: number): void => {
      process.stdout.write(Buffer.concat(output));
      resolve({ script, code, ms: Date.now() - started });
    };
    child.once('error', (error) => {
      console.error(`npm run ${script}: ${error.message}`);
      finish(1);
    });
    child.once('exit', (code, signal) => {
      finish(code ?? (signal ? 1 : 0));
    });
  });
}

const loadAverage = (): string =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(', ');

/** Fails the run when it started a program that config/system-programs.js does not name. */
function checkSpawnedPrograms(dir: string): boolean {
  const records = readSpawnRecords(dir);
  const unlisted = unlistedPrograms(records);
  console.log(`\nPrograms the run started: ${spawnTally(records)}`);
  for (const [program, count] of unlisted) {
    console.error(
      `npm test started ${program} (${count}×), which config/system-programs.js does not name: .ci/run will not install it on a new machine.`
    );
  }
  return unlisted.size === 0;
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadAverage();
  const recording = recordingEnv();
  const times: string[] = [];
  let failed: string[] = [];
  for (const stage of STAGES) {
    const results = await Promise.all(stage.map((script) => runScript(script, stage.length === 1, recording.env)));
    times.push(results.map((result) => `${result.script} ${seconds(result.ms)}`).join(' ‖ '));
    failed = results.filter((result) => result.code !== 0).map((result) => result.script);
    if (failed.length > 0) {
      process.exitCode = results.find((result) => result.code !== 0)?.code ?? 1;
      break;
    }
  }
  const e2eTimes = failed.length === 0 ? fileTimesTable() : '';
  if (e2eTimes !== '') console.log(`\n${e2eTimes}`);
  if (failed.length === 0 && !checkSpawnedPrograms(recording.dir)) {
    failed = ['spawned programs'];
    process.exitCode = 1;
  }
  rmSync(recording.dir, { recursive: true, force: true });
  const verdict = failed.length === 0 ? 'passed' : `FAILED at ${failed.join(', ')}`;
  console.log(
    `\nnpm test ${verdict}: ${times.join(', ')}; total ${minutes(Date.now() - started)} (${os.cpus().length} cores, load average ${loadAtStart} at the start, ${loadAverage()} at the end)`
  );
}

void main();
