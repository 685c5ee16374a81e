// Two projects: the AngularJS app under jsdom (as ui-router's own tests do) and the dev tenant and demo API under node.
// ts-jest only transpiles (isolatedModules), file by file: `npm run typecheck` type-checks the specs
// with the rest (tsconfig.json and tsconfig.node.json include them), and a per-file type-check here
// cost more than the tests themselves.
const nodeTsconfig = require('./tsconfig.node.json');

/** ts-jest with these compiler options, transpile-only. */
const tsJest = (compilerOptions) => ['ts-jest', { tsconfig: { ...compilerOptions, isolatedModules: true } }];
const nodeTransform = { '^.+\\.ts$': tsJest(nodeTsconfig.compilerOptions) };

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
        '^.+\\.ts$': tsJest({ module: 'commonjs', moduleResolution: 'node10', types: ['angular', 'angular-mocks', 'jest'] }),
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
