// @ts-check
// Every program outside Node.js and npm that `npm test` starts, named in this one place:
// - `.ci/run` installs the missing ones: it runs this file with plain node, before `npm ci`;
// - the pre-test check (scripts/check-system-programs.ts) names each missing one with its install command;
// - the tests start them from here (tools/browsers/, e2e/own-servers.ts);
// - after the suite, `npm test` fails if it started a program this list does not name (scripts/spawned-programs.ts).
// Plain CommonJS with no dependencies, so that a machine without node_modules can run it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

/**
 * @typedef {object} SystemProgram
 * @property {string} id
 * @property {string} what       who starts it, and what for
 * @property {string} env        the environment variable that points at another binary
 * @property {string} location   an absolute path, one with a `*` directory, or a bare name looked up on PATH
 * @property {string} aptPackage Debian's package that holds it
 * @property {boolean} aptRecommends whether the package's recommended packages come too (Chromium's fonts)
 */

/** @type {readonly SystemProgram[]} */
const SYSTEM_PROGRAMS = [
  {
    id: 'chromium',
    what: 'Chromium, for every e2e file (Playwright)',
    env: 'CHROME_BIN',
    location: '/usr/bin/chromium',
    aptPackage: 'chromium',
    aptRecommends: true
  },
  {
    id: 'chromium-headless-shell',
    what: "Chromium's headless shell (the same Blink and V8 without the browser around them), for the e2e files that do not rest on the full browser's cookie defaults (Playwright)",
    env: 'CHROME_HEADLESS_SHELL_BIN',
    location: '/usr/bin/chromium-headless-shell',
    aptPackage: 'chromium-headless-shell',
    aptRecommends: false
  },
  {
    id: 'firefox',
    what: 'Firefox ESR 128 or newer, for tools/browsers/firefox.ts (puppeteer-core over WebDriver BiDi, no geckodriver)',
    env: 'FIREFOX_BIN',
    location: '/usr/bin/firefox-esr',
    aptPackage: 'firefox-esr',
    aptRecommends: false
  },
  {
    id: 'webkit-driver',
    what: "WebKitGTK's WebDriver server, for tools/browsers/webkit.ts (selenium-webdriver)",
    env: 'WEBKIT_WEBDRIVER_BIN',
    location: '/usr/bin/WebKitWebDriver',
    aptPackage: 'webkit2gtk-driver',
    aptRecommends: false
  },
  {
    id: 'minibrowser',
    what: 'the WebKitGTK browser that WebKitWebDriver starts',
    env: 'MINIBROWSER_BIN',
    location: '/usr/lib/*/webkit2gtk-4.1/MiniBrowser',
    aptPackage: 'webkit2gtk-driver',
    aptRecommends: false
  },
  {
    id: 'xvfb',
    what: 'a virtual X display for WebKitGTK, which has no headless mode',
    env: 'XVFB_BIN',
    location: 'Xvfb',
    aptPackage: 'xvfb',
    aptRecommends: false
  },
  {
    id: 'nginx',
    what: 'nginx, serving the production build with the nginx.conf it writes (e2e/nginx.e2e.ts)',
    env: 'NGINX_BIN',
    location: '/usr/sbin/nginx',
    aptPackage: 'nginx',
    aptRecommends: false
  }
];

/**
 * Programs a test may start without this list: Node.js and npm themselves, and programs of Debian's
 * Essential packages, which every Debian or Ubuntu system has (the shell npm and Playwright run
 * scripts with, and tar, which unpacks the library's npm pack in scripts/build-lib/). Anything under
 * node_modules/ came with `npm ci`.
 */
const BASE_PROGRAMS = ['node', 'npm', 'npx', 'sh', 'bash', 'tar'];

/** @param {string} dir @returns {string[]} */
const entries = (dir) => {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
};

/**
 * Where a location points on this machine, or null: a bare name on PATH, a `*` directory
 * expanded (the multiarch directory, whatever the architecture), or the path itself.
 * @param {string} location
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null}
 */
function findLocation(location, env) {
  if (!location.includes('/')) {
    const dirs = (env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
    return dirs.map((dir) => path.join(dir, location)).find((candidate) => fs.existsSync(candidate)) ?? null;
  }
  const star = location.split('/').indexOf('*');
  if (star < 0) return fs.existsSync(location) ? location : null;
  const parts = location.split('/');
  const parent = parts.slice(0, star).join('/');
  const rest = parts.slice(star + 1).join('/');
  return (
    entries(parent)
      .map((name) => path.join(parent, name, rest))
      .find((candidate) => fs.existsSync(candidate)) ?? null
  );
}

/**
 * The binary the tests use for `id`: the environment variable's value when set (even if nothing is
 * there, so that the check names it), else where `location` points, else null.
 * @param {string} id
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string | null}
 */
function locateProgram(id, env = process.env) {
  const program = SYSTEM_PROGRAMS.find((candidate) => candidate.id === id);
  if (!program) throw new Error(`config/system-programs.js names no program "${id}"`);
  return env[program.env] || findLocation(program.location, env);
}

/**
 * The programs missing on this machine.
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {SystemProgram[]}
 */
function missingPrograms(env = process.env) {
  return SYSTEM_PROGRAMS.filter((program) => installedProgram(program.id, env) === null);
}

/**
 * Where the binary for `id` is, if it is there (an environment variable may name a missing one).
 * @param {string} id
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | null}
 */
function installedProgram(id, env) {
  const found = locateProgram(id, env);
  return found !== null && fs.existsSync(found) ? found : null;
}

/**
 * The `apt-get install` arguments that install `programs`, one invocation for the packages that
 * want their recommends and one for the rest.
 * @param {readonly SystemProgram[]} programs
 * @returns {string[][]}
 */
function aptInstallArgs(programs) {
  /** @param {boolean} recommends */
  const packages = (recommends) => [
    ...new Set(programs.filter((program) => program.aptRecommends === recommends).map((program) => program.aptPackage))
  ];
  return [
    ['-y', ...packages(true)],
    ['-y', '--no-install-recommends', ...packages(false)]
  ].filter((args) => args.some((arg) => !arg.startsWith('-')));
}

/**
 * What is missing and the command that installs it, for a person to read.
 * @param {readonly SystemProgram[]} programs
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {string}
 */
function describeMissing(programs, env = process.env) {
  /** @param {SystemProgram} program */
  const where = (program) => (env[program.env] ? `${env[program.env]} (${program.env})` : `${program.location} (or set ${program.env})`);
  const lines = programs.map((program) => `  - ${program.what}: not at ${where(program)}`);
  const commands = aptInstallArgs(programs).map((args) => `sudo apt-get install ${args.join(' ')}`);
  return [
    `Missing ${programs.length === 1 ? 'one program' : `${programs.length} programs`}:`,
    ...lines,
    `Debian/Ubuntu: ${commands.join(' && ')}`
  ].join('\n');
}

/**
 * The binary for `id`, or an error that says how to install it (never a bare ENOENT from spawn).
 * @param {string} id
 * @returns {string}
 */
function requireProgram(id) {
  const found = installedProgram(id, process.env);
  if (found !== null) return found;
  throw new Error(describeMissing(SYSTEM_PROGRAMS.filter((program) => program.id === id)));
}

module.exports = { SYSTEM_PROGRAMS, BASE_PROGRAMS, locateProgram, requireProgram, missingPrograms, aptInstallArgs, describeMissing };

// `node config/system-programs.js apt-install-args`: one line of apt-get install arguments per
// invocation that the missing programs need (no line when none is missing), for .ci/run.
if (require.main === module) {
  if (process.argv[2] !== 'apt-install-args') {
    console.error('usage: node config/system-programs.js apt-install-args');
    process.exit(2);
  }
  for (const args of aptInstallArgs(missingPrograms())) console.log(args.join(' '));
}
