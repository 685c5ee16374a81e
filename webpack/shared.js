// What the app's build (webpack.config.js) and the library's (webpack/lib.config.js) share.
const path = require('node:path');

// auth0-js 10 is "type": "module", so webpack parses its CommonJS build as ESM and Lock 14's
// require('auth0-js') would get no exports. Lock and our glue share its ESM build instead.
const auth0JsAlias = { 'auth0-js$': path.join(path.dirname(require.resolve('auth0-js/package.json')), 'dist/auth0.min.esm.js') };

/** Our TypeScript, type-checked by `tsc` (npm run typecheck), only transpiled here. */
function tsRule(options = {}) {
  return { test: /\.ts$/, loader: 'ts-loader', exclude: /node_modules/, options: { transpileOnly: true, ...options } };
}

module.exports = { auth0JsAlias, tsRule };
