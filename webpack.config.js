// Builds the app. Auth0 settings come from the environment at build time (see README):
// AUTH0_DOMAIN unset means dev-tenant mode, against the local dev tenant started by `npm start`.
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const MiniCssExtractPlugin = require('mini-css-extract-plugin');
const { HEADERS_FILE, securityHeaders } = require('./webpack/security-headers');
const { CssMinimizerPlugin, JsonAssetPlugin, PrecompressPlugin } = require('./webpack/plugins');
const { auth0JsAlias, tsRule } = require('./webpack/shared');

// The project's typed defaults (ports, client ID), loaded without a global .ts hook in webpack.
const { DEFAULTS } = require('tsx/cjs/api').require('./config/defaults.ts', __filename);
// The settings, checked by the session module's own rules (a wrong AUTH0_DOMAIN stops the build, by name).
const { auth0SettingsFromEnv } = require('tsx/cjs/api').require('./app/build-settings.ts', __filename);
const { FALLBACK_PAGE, StaticHostHeadersPlugin, headersByPath } = require('./webpack/static-host-headers');

// `--env eager` (scripts/bench.ts only): Lock bundled into main.js and constructed on page load.
module.exports = (env = {}, argv) => {
  const production = argv.mode === 'production';
  const eager = Boolean(env.eager);
  const settings = auth0SettingsFromEnv(process.env);
  const headers = securityHeaders(settings);
  const headersFor = headersByPath(settings);
  return {
    mode: production ? 'production' : 'development',
    entry: {
      main: eager ? ['./app/main.ts', './app/lock-eager.ts'] : './app/main.ts',
      // The Cross-Origin Verification Fallback page, with a CSP of its own (webpack/static-host-headers.js).
      'callback-cross-auth': './app/callback-cross-auth.ts'
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: production ? '[name].[contenthash].js' : '[name].js',
      assetModuleFilename: 'assets/[name].[contenthash][ext]',
      clean: true
    },
    // No eval-based source maps: the CSP has no 'unsafe-eval', in development either.
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    resolve: {
      extensions: ['.ts', '.js'],
      // One auth0-js 10 for Lock and our glue: its ESM build (see webpack/shared.js).
      alias: auth0JsAlias
    },
    module: {
      parser: { javascript: { dynamicImportMode: eager ? 'eager' : 'lazy' } },
      rules: [
        tsRule(),
        { test: /\.html$/, include: path.resolve(__dirname, 'components'), type: 'asset/source' },
        { test: /\.svg$/, type: 'asset/resource' },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] }
      ]
    },
    plugins: [
      new webpack.DefinePlugin({ __AUTH0_SETTINGS__: JSON.stringify(settings) }),
      new MiniCssExtractPlugin({ filename: production ? '[name].[contenthash].css' : '[name].css' }),
      new HtmlWebpackPlugin({ template: './index.html', favicon: './app/logo.svg', scriptLoading: 'defer', chunks: ['main'] }),
      new HtmlWebpackPlugin({ template: './app/callback-cross-auth.html', filename: FALLBACK_PAGE, chunks: ['callback-cross-auth'] }),
      new JsonAssetPlugin(HEADERS_FILE, headers),
      ...(production ? [new StaticHostHeadersPlugin(settings)] : []),
      ...(production ? [new PrecompressPlugin()] : [])
    ],
    // Two chunks: main, and Lock's UI with React and immutable (the "lock" chunk).
    optimization: { splitChunks: false, minimizer: ['...', new CssMinimizerPlugin()] },
    stats: 'errors-warnings',
    devServer: {
      static: false,
      host: 'localhost',
      port: Number(process.env.PORT || DEFAULTS.appPort),
      hot: false,
      liveReload: false,
      client: false,
      historyApiFallback: false,
      headers: (request) => headersFor(new URL(request.url, 'http://localhost').pathname)
    },
    performance: { hints: false }
  };
};
