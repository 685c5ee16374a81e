// What the app's build (webpack.config.js) and the library's (webpack/lib.config.js) share.
const path = require('node:path');
const MinimizerPlugin = require('minimizer-webpack-plugin');

const packageFile = (name, file) => path.join(path.dirname(require.resolve(`${name}/package.json`)), file);

/**
 * Which file of a package the builds take:
 *  - auth0-js 10 is "type": "module", so webpack parses its CommonJS build as ESM and Lock 14's
 *    require('auth0-js') would get no exports. Lock and our glue share its ESM build instead;
 *  - angular-lock's `main` is its source, whose telemetry reports the version as `%%PACKAGE_VERSION%%`
 *    (its gulp build fills in the one of its package.json): its built dist/angular-lock.js instead.
 */
const vendorAliases = {
  'auth0-js$': packageFile('auth0-js', 'dist/auth0.min.esm.js'),
  'angular-lock$': packageFile('angular-lock', 'dist/angular-lock.js')
};

/**
 * auth0-js's Cordova plugin, which Lock require()s: a UMD script in a package of `"type": "module"`.
 * Parsed as the ES module that makes it, it exports nothing (Lock got an empty namespace for its
 * constructor) and keeps a bare `module`, which an app's Vite warns of; parsed as a script, its
 * `module.exports` is what Lock gets.
 */
const cordovaPluginRule = { test: /[\\/]auth0-js[\\/]dist[\\/]cordova-auth0-plugin/, type: 'javascript/auto' };

/** Our TypeScript, type-checked by `tsc` (npm run typecheck), only transpiled here. */
function tsRule(options = {}) {
  return { test: /\.ts$/, loader: 'ts-loader', exclude: /node_modules/, options: { transpileOnly: true, ...options } };
}

/**
 * The JavaScript minifier of the minified builds: SWC's port of terser's compressor, with the passes
 * webpack gives terser (its default). `npm run build` from cold: terser 35.5 of 37 CPU-seconds, SWC
 * 12.2 of 14.2; each file comes out 0.2-1.6 % smaller gzipped (main.js 112,960 -> 112,750 B).
 */
function javascriptMinimizer() {
  return new MinimizerPlugin({ minify: MinimizerPlugin.swcMinify, minimizerOptions: { compress: { passes: 2 } } });
}

module.exports = { cordovaPluginRule, javascriptMinimizer, tsRule, vendorAliases };
