// Preloaded into every Node.js process of `npm test` (NODE_OPTIONS=--require, set by scripts/run-tests.ts):
// appends each program a process starts to <SPAWN_LOG_DIR>/<pid>.jsonl, so that the run can check
// afterwards that it started nothing config/system-programs.js does not name (scripts/spawned-programs.ts).
// Playwright, puppeteer-core, selenium-webdriver, jest and npm all start their children through
// these functions of node:child_process, so the record covers the libraries' launches too.
'use strict';
const childProcess = require('node:child_process');
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');
const path = require('node:path');
const { promisify } = require('node:util');

const logDir = process.env.SPAWN_LOG_DIR;
if (logDir) {
  const logFile = path.join(logDir, `${process.pid}.jsonl`);
  const record = (command, args, options, shell) => {
    const env = (options && options.env) || process.env;
    const entry = {
      command: String(command),
      // With `shell`, the command is a script; else a shell's script is in its arguments (`sh -c "eslint . && prettier --check ."`).
      shell,
      script: !shell && Array.isArray(args) && args[0] === '-c' ? String(args[1]) : undefined,
      cwd: String((options && options.cwd) || process.cwd()),
      path: env.PATH || ''
    };
    try {
      fs.appendFileSync(logFile, `${JSON.stringify(entry)}\n`);
    } catch {
      // The record must never change what the tests do.
    }
  };
  const optionsOf = (args) => args.find((arg) => arg && typeof arg === 'object' && !Array.isArray(arg));
  const recording = (original, shellAlways) =>
    function recorded(command, ...rest) {
      const options = optionsOf(rest);
      record(command, Array.isArray(rest[0]) ? rest[0] : [], options, shellAlways || Boolean(options && options.shell));
      return original.call(this, command, ...rest);
    };
  const wrap = (name, shellAlways) => {
    const original = childProcess[name];
    childProcess[name] = recording(original, shellAlways);
    // exec and execFile resolve `promisify(...)` with { stdout, stderr } through a custom version of their own: keep it, recorded.
    const custom = original[promisify.custom];
    if (custom) childProcess[name][promisify.custom] = recording(custom, shellAlways);
  };
  for (const name of ['spawn', 'spawnSync', 'execFile', 'execFileSync']) wrap(name, false);
  for (const name of ['exec', 'execSync']) wrap(name, true);
  // `fork` starts Node.js itself, which is never missing.
  syncBuiltinESMExports();
}
