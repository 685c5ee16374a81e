// The ES module build's Lock (dist-lib/esm/third-party/auth0-lock.js): its constructor as the default
// export, which is what components/auth/engines/lock/lock-globals.ts takes from `import('auth0-lock')`. CommonJS on purpose:
// an ES module importing Lock's CommonJS build would get its whole `exports` as the default.
module.exports = require('auth0-lock').default;
