// `npm test`: the unit tests, then the e2e tests in all three engines with lint and typecheck beside
// them at a lower CPU priority, stopping at the first step that fails; prints each step's wall time
// and the total (with the machine's load average, which the e2e time depends on). Last, it checks
// that the run started no program that .ci/run does not install (scripts/spawned-programs.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as os from 'node:os';
import { fileTimesTable } from './e2e-file-times';
import { readSpawnRecords, recordingEnv, spawnTally, unlistedPrograms } from './spawned-programs';

interface Step {
  /** A package.json script; each also runs alone (`npm run test:e2e`, …). */
  readonly script: string;
  /** Its output as it comes (one step a stage); the others' is held and printed whole when each ends. */
  readonly streams?: boolean;
  /**
   * Its processes' niceness: the e2e run leaves the 2 cores idle at moments (tests waiting out token
   * lifetimes and timeouts; 8-22 % of its run, measured), which ESLint and tsc fill at 10 without
   * taking a core from a browser whose test times a moment.
   */
  readonly nice?: number;
}

/** `npm test`'s steps, by stage; a stage starts when the one before passed. */
const STAGES: readonly (readonly Step[])[] = [
  // Alone: its specs time sockets and timers, on two Jest workers that fill the 2 cores.
  [{ script: 'test:unit' }],
  [
    { script: 'test:e2e', streams: true },
    { script: 'lint', nice: 10 },
    { script: 'typecheck', nice: 10 }
  ]
];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const minutes = (ms: number): string => `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;

interface StepResult {
  readonly script: string;
  readonly code: number;
  readonly ms: number;
  /** Ended early, because a step beside it failed. */
  readonly stopped: boolean;
}

interface RunningStep {
  readonly done: Promise<StepResult>;
  /** Ends the step and every process it started (it runs in a process group of its own). */
  readonly stop: () => void;
}

/** Runs `npm run <script>` in a process group of its own, so that a failing step beside it can stop all of it. */
function runStep(step: Step, env: NodeJS.ProcessEnv): RunningStep {
  const started = Date.now();
  const child: ChildProcess = spawn(npm, ['run', step.script], {
    stdio: step.streams === true ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env,
    detached: true
  });
  // Before npm has started the script's processes, which inherit it.
  if (step.nice !== undefined && child.pid !== undefined) os.setPriority(child.pid, step.nice);
  const output: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
  let stopped = false;
  const done = new Promise<StepResult>((resolve) => {
    const finish = (code: number): void => {
      process.stdout.write(Buffer.concat(output));
      resolve({ script: step.script, code, ms: Date.now() - started, stopped });
    };
    child.once('error', (error) => {
      console.error(`npm run ${step.script}: ${error.message}`);
      finish(1);
    });
    child.once('exit', (code, signal) => {
      finish(code ?? (signal ? 1 : 0));
    });
  });
  const stop = (): void => {
    // SIGINT, as Ctrl-C: Playwright stops its web servers and browsers on it.
    if (child.pid === undefined || child.exitCode !== null) return;
    stopped = true;
    try {
      process.kill(-child.pid, 'SIGINT');
    } catch (error) {
      // ESRCH: its processes have all ended already.
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
  return { done, stop };
}

/** Runs a stage's steps side by side; the first to fail stops the others. */
async function runStage(stage: readonly Step[], env: NodeJS.ProcessEnv): Promise<StepResult[]> {
  const running = stage.map((step) => runStep(step, env));
  // The steps are process groups of their own: Ctrl-C on `npm test` reaches them through here.
  const stopAll = (): void => {
    running.forEach((step) => {
      step.stop();
    });
  };
  process.once('SIGINT', stopAll);
  process.once('SIGTERM', stopAll);
  const results = await Promise.all(
    running.map(async (step) => {
      const result = await step.done;
      if (result.code !== 0) stopAll();
      return result;
    })
  );
  process.off('SIGINT', stopAll);
  process.off('SIGTERM', stopAll);
  return results;
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
    const results = await runStage(stage, recording.env);
    times.push(results.map((result) => `${result.script} ${result.stopped ? 'stopped after ' : ''}${seconds(result.ms)}`).join(' ‖ '));
    failed = results.filter((result) => result.code !== 0 && !result.stopped).map((result) => result.script);
    // Stopped with none failed: Ctrl-C.
    if (failed.length === 0 && results.some((result) => result.stopped)) failed = ['an interruption'];
    if (failed.length > 0) {
      process.exitCode = results.find((result) => result.code !== 0 && !result.stopped)?.code ?? 130;
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
