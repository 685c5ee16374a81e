// Two projects: the AngularJS app under jsdom (as ui-router's own tests do) and the dev tenant and demo API under node.
// The specs are only transpiled, file by file, by SWC (@swc/jest, which hoists jest.mock() above the
// imports as ts-jest did): `npm run typecheck` type-checks them with the rest (tsconfig.json and
// tsconfig.node.json include them). On a fresh machine (no transform cache) ts-jest's TypeScript cost
// the unit tests 114 CPU-seconds and 61 s, SWC 89 and 47 s.
const nodeTsconfig = require('./tsconfig.node.json');
const appTsconfig = require('./tsconfig.json');

/**
 * SWC emitting CommonJS for the target of `tsconfig`, with TypeScript's class-field semantics for it
 * (define from ES2022 on). Its exports are read-only bindings, as ES modules' are: a spec cannot spy
 * on a module's export, only on what the code under test is given.
 */
function swc(tsconfig) {
  const target = tsconfig.compilerOptions.target.toLowerCase();
  return [
    '@swc/jest',
    {
      jsc: { parser: { syntax: 'typescript' }, target, transform: { useDefineForClassFields: target >= 'es2022' } },
      module: { type: 'commonjs' },
      sourceMaps: 'inline'
    }
  ];
}
const nodeTransform = { '^.+\\.ts$': swc(nodeTsconfig) };

/** @type {import('jest').Config} */
module.exports = {
  // Jest's default on 2 cores is 1 worker; the specs mostly wait (sockets, timers, scrypt in libuv's
  // pool), so two files at once nearly halve the wall time there.
  maxWorkers: 2,
  // Jest would probe for Facebook's watchman (a program .ci/run does not install) to crawl files; node's own crawl does here.
  watchman: false,
  // Jest reads testTimeout from here only (a project's own is ignored): a dev-tenant login costs a
  // scrypt, and on a loaded machine a spec of twenty logins needs more than the default 5 s.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'app',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/app', '<rootDir>/components'],
      testMatch: ['**/*.spec.ts'],
      transform: {
        '^.+\\.ts$': swc(appTsconfig),
        '\\.(html|svg)$': '<rootDir>/scripts/jest-raw-transform.js'
      },
      setupFiles: ['<rootDir>/scripts/jest-angular-mocks-setup.js'],
      moduleNameMapper: { '\\.css$': '<rootDir>/scripts/jest-empty-module.js' },
      globals: {
        __AUTH0_SETTINGS__: {
          domain: 'http://localhost:3001',
          clientID: 'unit-test-client',
          callbackUrl: '',
          apiUrl: 'http://localhost:3002',
          silentRenewal: true,
          devTenant: true
        }
      }
    },
    {
      displayName: 'dev-tenant',
      testEnvironment: 'node',
      roots: ['<rootDir>/dev-tenant'],
      testMatch: ['**/*.spec.ts'],
      transform: nodeTransform
    },
    {
      displayName: 'demo-api',
      testEnvironment: 'node',
      roots: ['<rootDir>/demo-api'],
      testMatch: ['**/*.spec.ts'],
      transform: nodeTransform
    },
    {
      displayName: 'servers',
      testEnvironment: 'node',
      roots: ['<rootDir>/servers', '<rootDir>/tools', '<rootDir>/scripts'],
      testMatch: ['**/*.spec.ts'],
      transform: nodeTransform
    }
  ]
};
