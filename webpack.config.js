// Builds the app. Auth0 settings come from the environment at build time (see README):
// AUTH0_DOMAIN unset means dev-tenant mode, against the local dev tenant started by `npm start`.
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const MiniCssExtractPlugin = require('mini-css-extract-plugin');
const { HEADERS_FILE, securityHeaders } = require('./webpack/security-headers');
const { CssMinimizerPlugin, JsonAssetPlugin, LockPrefetchMetaPlugin, PrecompressPlugin } = require('./webpack/plugins');
const { cordovaPluginRule, javascriptMinimizer, tsRule, vendorAliases } = require('./webpack/shared');

// The project's typed defaults (ports, client ID), and the settings, checked by the session module's own
// rules (a wrong AUTH0_DOMAIN stops the build, by name): TypeScript, through tsx's hook, removed right
// after. Plain requires (not tsx's namespaced `require`), so that webpack's persistent cache can
// follow them as build dependencies.
const unregisterTsx = require('tsx/cjs/api').register();
const { DEFAULTS } = require('./config/defaults.ts');
const { auth0SettingsFromEnv } = require('./app/build-settings.ts');
unregisterTsx();
const { FALLBACK_PAGE, StaticHostHeadersPlugin, headersByPath } = require('./webpack/static-host-headers');

/**
 * WEBPACK_CACHE_DIR (scripts/e2e-builds.ts): a persistent cache for builds run one after another that
 * differ only in their settings. Lock's, auth0-js's and auth0-spa-js's chunks come out the same in each,
 * so the second build takes their minified and compressed forms from the first instead of redoing
 * most of its work. DefinePlugin records which modules read the settings, and webpack rebuilds those.
 * Off by default: `npm run build` always starts clean.
 */
function persistentCache(cacheDir) {
  if (!cacheDir) {
    return false;
  }
  return {
    type: 'filesystem',
    cacheDirectory: path.resolve(cacheDir),
    // This file (webpack-cli adds it) and what it requires, the typed defaults and settings rules
    // included; ts-loader's compiler options. The settings reach the modules through DefinePlugin,
    // which webpack tracks module by module.
    buildDependencies: { config: [__filename, path.resolve(__dirname, 'tsconfig.json')] }
  };
}

// `--env eager` (scripts/bench.ts only): Lock bundled into main.js and constructed on page load.
module.exports = (env = {}, argv) => {
  const production = argv.mode === 'production';
  const eager = Boolean(env.eager);
  const settings = auth0SettingsFromEnv(process.env);
  const headers = securityHeaders(settings);
  const headersFor = headersByPath(settings);
  return {
    mode: production ? 'production' : 'development',
    cache: production ? persistentCache(process.env.WEBPACK_CACHE_DIR) : undefined,
    entry: {
      main: eager ? ['./app/main.ts', './app/lock-eager.ts'] : './app/main.ts',
      // The Cross-Origin Verification Fallback page, with a CSP of its own (webpack/static-host-headers.js).
      'callback-cross-auth': './app/callback-cross-auth.ts'
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash].js' : '[name].js',
      // The lazy chunks too: a new Lock or auth0-js under an old URL would be served from a year-long cache.
      chunkFilename: production ? '[name].[contenthash].js' : '[name].js',
      assetModuleFilename: 'assets/[name].[contenthash][ext]',
      clean: true
    },
    // No eval-based source maps: the CSP has no 'unsafe-eval', in development either.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    resolve: {
      extensions: ['.ts', '.js'],
      // One auth0-js 10 for Lock and our glue: its ESM build; angular-lock's built file (see webpack/shared.js).
      alias: vendorAliases
    },
    module: {
      parser: { javascript: { dynamicImportMode: eager ? 'eager' : 'lazy' } },
      rules: [
        tsRule(),
        cordovaPluginRule,
        { test: /\.html$/, include: path.resolve(__dirname, 'components'), type: 'asset/source' },
        { test: /\.svg$/, type: 'asset/resource' },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] }
      ]
    },
    plugins: [
      new webpack.DefinePlugin({ __AUTH0_SETTINGS__: JSON.stringify(settings) }),
      new MiniCssExtractPlugin({ filename: production ? '[name].[contenthash].css' : '[name].css' }),
      new HtmlWebpackPlugin({ template: './index.html', favicon: './app/logo.svg', scriptLoading: 'defer', chunks: ['main'] }),
      new LockPrefetchMetaPlugin(HtmlWebpackPlugin, 'lock'),
      new HtmlWebpackPlugin({ template: './app/callback-cross-auth.html', filename: FALLBACK_PAGE, chunks: ['callback-cross-auth'] }),
      new JsonAssetPlugin(HEADERS_FILE, headers),
      ...(production ? [new StaticHostHeadersPlugin(settings)] : []),
      ...(production ? [new PrecompressPlugin()] : [])
    ],
    // Three chunks: main; auth0-js (for a callback, a renewal, a logout, and Lock); Lock's UI with
    // React and immutable ("lock"), which loads auth0-js's chunk beside it instead of a copy.
    optimization: {
      splitChunks: {
        chunks: 'async',
        cacheGroups: {
          default: false,
          defaultVendors: false,
          auth0Js: { test: /[\\/]node_modules[\\/]auth0-js[\\/]/, name: 'auth0-js', chunks: 'async', enforce: true }
        }
      },
      minimizer: [javascriptMinimizer(), new CssMinimizerPlugin()]
    },
    stats: 'errors-warnings',
    devServer: {
      static: false,
      host: 'localhost',
      port: Number(process.env.PORT || DEFAULTS.appPort),
      hot: false,
      liveReload: false,
      // It serves loopback only (host above), where compressing costs and saves nothing: on the fly,
      // Brotli of the unminified bundles cost the server about 0.3 CPU-seconds per page load with Lock.
      compress: false,
      client: false,
      historyApiFallback: false,
      headers: (request) => headersFor(new URL(request.url, 'http://localhost').pathname)
    },
    performance: { hints: false }
  };
};
