// What a test run started (recorded by scripts/record-spawns.cjs), held against what .ci/run installs
// (config/system-programs.js): a program the suite starts that the list does not name would be
// missing on a new machine, so `npm test` fails and says which one.
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BASE_PROGRAMS, locateProgram, SYSTEM_PROGRAMS } from '../config/system-programs';

interface SpawnRecord {
  readonly command: string;
  readonly shell: boolean;
  readonly script?: string;
  readonly cwd: string;
  readonly path: string;
}

/** The environment that makes every Node.js process below record what it starts into a new directory. */
export function recordingEnv(env: NodeJS.ProcessEnv = process.env): { dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'auth0-angularjs-spawns-'));
  const preload = `--require ${JSON.stringify(path.join(__dirname, 'record-spawns.cjs'))}`;
  return { dir, env: { ...env, SPAWN_LOG_DIR: dir, NODE_OPTIONS: [env.NODE_OPTIONS, preload].filter(Boolean).join(' ') } };
}

export function readSpawnRecords(dir: string): SpawnRecord[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .flatMap((name) => readFileSync(path.join(dir, name), 'utf8').split('\n'))
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SpawnRecord);
}

/** The first word of each command of a shell script (`A=1 npx tsx x.ts && nginx -t` → npx, nginx). */
export function scriptPrograms(script: string): string[] {
  return (
    script
      // A quoted word stays one word, its spaces and operators made _: `"/usr/bin/node" "a && b"` → /usr/bin/node a____b.
      .replace(/'([^']*)'|"((?:\\.|[^"\\])*)"/g, (_quoted, single?: string, double?: string) =>
        (single ?? double ?? '').replace(/[\s;&|]/g, '_')
      )
      .split(/&&|\|\||[;|\n]/)
      .map(
        (command) =>
          command
            .trim()
            .split(/\s+/)
            .find((word) => !/^\w+=/.test(word)) ?? ''
      )
      .map((word) => word.replace(/^["']|["']$/g, ''))
      .filter((word) => word !== '' && !['(', ')', 'exec', 'cd', 'true'].includes(word))
  );
}

/** Where `command` is, as the process that started it saw it (a name through its PATH); itself when not found. */
function resolveCommand(command: string, record: SpawnRecord): string {
  const candidates = command.includes('/')
    ? [path.resolve(record.cwd, command)]
    : record.path
        .split(path.delimiter)
        .filter((dir) => dir !== '')
        .map((dir) => path.resolve(record.cwd, dir, command));
  const found = candidates.find((candidate) => existsSync(candidate));
  return found ? realpathSync(found) : command;
}

const realpathOrSelf = (file: string): string => (existsSync(file) ? realpathSync(file) : file);

/** The programs of config/system-programs.js as this machine has them, and Node.js itself. */
function allowedPaths(env: NodeJS.ProcessEnv): Set<string> {
  const located = SYSTEM_PROGRAMS.map((program) => locateProgram(program.id, env)).filter((found) => found !== null);
  return new Set([process.execPath, ...located].map(realpathOrSelf));
}

/** The programs a record started: its command, or the commands of the script it runs. */
const commandsOf = (record: SpawnRecord): string[] =>
  record.shell ? scriptPrograms(record.command) : [record.command, ...(record.script === undefined ? [] : scriptPrograms(record.script))];

/** Each program the records name that config/system-programs.js does not, with how often it was started. */
export function unlistedPrograms(records: readonly SpawnRecord[], env: NodeJS.ProcessEnv = process.env): Map<string, number> {
  const allowed = allowedPaths(env);
  const unlisted = new Map<string, number>();
  for (const record of records) {
    for (const command of commandsOf(record)) {
      const resolved = resolveCommand(command, record);
      const listed =
        allowed.has(resolved) || BASE_PROGRAMS.includes(path.basename(command)) || resolved.split(path.sep).includes('node_modules');
      if (!listed) unlisted.set(resolved, (unlisted.get(resolved) ?? 0) + 1);
    }
  }
  return unlisted;
}

/** How many processes of each program the records name, for the run's log. */
export function spawnTally(records: readonly SpawnRecord[]): string {
  const counts = new Map<string, number>();
  for (const record of records) {
    for (const command of commandsOf(record)) counts.set(path.basename(command), (counts.get(path.basename(command)) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([name, count]) => `${name} ×${count}`)
    .join(', ');
}
