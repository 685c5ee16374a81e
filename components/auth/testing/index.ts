// The library's test kit, for specs and e2e tests only (never shipped): the second door into
// components/auth, as angular-mocks is to angular. eslint.config.mjs allows it in tests alone.
export { FakeLock } from './fake-lock';
export { HOSTILE_TOKENS } from './hostile-tokens';
export { testIdToken, UNIT_TEST_CLIENT_ID } from './jwt';
// Plain data the e2e tests read in the browser's storage; the main door would load AngularJS into Node.
export { STORAGE_KEYS } from '../session/storage-keys';
