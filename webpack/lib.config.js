// Builds the library `auth0.session` (components/auth) for `npm run build:lib` (scripts/build-lib.ts):
//  - umd(false), umd(true): dist-lib/auth0-angularjs-session[.min].js, one ES5 script each, needing only
//    the `angular` global, with Lock's UI in a sibling chunk it loads from its own URL;
//  - esmThirdParty(): dist-lib/esm/third-party/, the third-party code of the ES module build, whose
//    own code scripts/build-lib.ts compiles with TypeScript (what each file is: dist-lib-package/README.md);
//  - fallbackPage(): dist-lib/callback-cross-auth.html and its script, the sample's Cross-Origin
//    Verification Fallback page, which needs no settings.
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { AsciiOnlyPlugin } = require('./ascii-only');
const { cordovaPluginRule, javascriptMinimizer, tsRule, vendorAliases } = require('./shared');

const root = path.resolve(__dirname, '..');
const OUT = path.join(root, 'dist-lib');
const NAME = 'auth0-angularjs-session';

/** How the scripts find `angular`: the global, or `require('angular')` / AMD `angular`. */
const angularExternal = { root: 'angular', commonjs: 'angular', commonjs2: 'angular', amd: 'angular' };

/**
 * Third-party code that is not ES5 (auth0-js's ESM build, parts of Lock's tree) goes through
 * TypeScript as JavaScript, down to ES5; code that already is ES5 is passed on untouched
 * (webpack/es5-loader.js decides per file). Not strict: vendor scripts keep their own mode.
 */
const vendorEs5Rule = { test: /\.m?js$/, include: /node_modules/, loader: path.join(__dirname, 'es5-loader.js') };

/** What the ES5 scripts share: ES5 down to the vendor code, with source maps. `rootDir`: where their TypeScript is. */
function es5Scripts(rootDir) {
  return {
    target: ['web', 'es5'],
    devtool: 'source-map',
    resolve: { extensions: ['.ts', '.js'], alias: vendorAliases },
    module: {
      rules: [
        tsRule({
          configFile: path.join(root, 'tsconfig.lib.json'),
          instance: `lib-es5-${path.basename(rootDir)}`,
          compilerOptions: { target: 'ES5', downlevelIteration: true, declaration: false, sourceMap: true, rootDir }
        }),
        vendorEs5Rule,
        cordovaPluginRule
      ]
    },
    optimization: { minimizer: [javascriptMinimizer()] },
    stats: 'errors-warnings',
    performance: { hints: false }
  };
}

function umd(minified) {
  const suffix = minified ? '.min' : '';
  return {
    name: `umd${suffix}`,
    ...es5Scripts(path.join(root, 'components', 'auth')),
    mode: 'production',
    // auth0-js rides in the script itself (as before it went lazy in the app): the package's files
    // stay the two scripts and their Lock chunks, and its import() finds it there, fetching nothing.
    entry: { [NAME]: [path.join(__dirname, 'lib-public-path.js'), 'auth0-js', './components/auth/index.ts'] },
    context: root,
    output: {
      path: OUT,
      filename: `[name]${suffix}.js`,
      // The `lock` chunk: auth0-angularjs-session.lock[.min].js, beside the script that loads it.
      chunkFilename: `${NAME}.[name]${suffix}.js`,
      // The chunk's URL is the loading script's own directory, set by lib-public-path.js: webpack's
      // 'auto' does the same, but throws on loading where there is no script URL (jest's jsdom).
      publicPath: '',
      library: { type: 'umd', name: 'auth0AngularjsSession', export: 'default' },
      // `self` alone would throw where there is none (a CommonJS require outside a browser).
      globalObject: "typeof self !== 'undefined' ? self : this",
      uniqueName: `${NAME}${suffix}`,
      chunkLoadingGlobal: `webpackChunk_auth0_angularjs_session${minified ? '_min' : ''}`
    },
    externals: { angular: angularExternal },
    optimization: { minimize: minified, minimizer: [javascriptMinimizer()], splitChunks: false },
    // ASCII only, so that a page without <meta charset> reads the messages right.
    plugins: [new AsciiOnlyPlugin()]
  };
}

/**
 * The Cross-Origin Verification Fallback page (app/callback-cross-auth.ts, the sample's own):
 * callback-cross-auth.html loading callback-cross-auth.js from beside it, minified. It takes no
 * settings, so one copy serves any tenant; the adopter serves both files with their own CSP.
 */
function fallbackPage() {
  return {
    ...es5Scripts(path.join(root, 'app')),
    name: 'fallback-page',
    mode: 'production',
    context: root,
    entry: { 'callback-cross-auth': './app/callback-cross-auth.ts' },
    output: { path: OUT, filename: '[name].js', publicPath: '' },
    plugins: [
      new HtmlWebpackPlugin({ template: './app/callback-cross-auth.html', filename: 'callback-cross-auth.html', scriptLoading: 'defer' }),
      new AsciiOnlyPlugin()
    ]
  };
}

/** The ES module build's third-party code, imported by relative paths so a bundler needs no setup. */
const THIRD_PARTY_DIR = path.join(OUT, 'esm', 'third-party');

/**
 * angular-jwt and angular-lock (browser scripts that read the `angular` global, which the importing
 * module imports first), and Lock's UI with React and immutable: each one ES module. Lock's
 * require('auth0-js') is ./auth0-js.js, auth0-js's own ES module build that scripts/build-lib.ts
 * copies there, and that our glue imports too: one auth0-js 10 in an app, whatever its bundler.
 * Not minified: the app's bundler minifies; React's production build is chosen here.
 */
function esmThirdParty() {
  return {
    name: 'esm-third-party',
    mode: 'production',
    target: ['web', 'es2019'],
    context: root,
    entry: {
      'angular-jwt': 'angular-jwt',
      'angular-lock': 'angular-lock',
      'auth0-lock': path.join(__dirname, 'lib-lock-entry.js')
    },
    experiments: { outputModule: true },
    output: { path: THIRD_PARTY_DIR, filename: '[name].js', module: true, library: { type: 'module' }, chunkFormat: 'module' },
    resolve: { alias: vendorAliases },
    module: { rules: [cordovaPluginRule] },
    externalsType: 'module',
    externals: { 'auth0-js': './auth0-js.js' },
    devtool: 'source-map',
    optimization: { minimize: false, splitChunks: false },
    stats: 'errors-warnings',
    performance: { hints: false }
  };
}

module.exports = () => [umd(false), umd(true), esmThirdParty(), fallbackPage()];
