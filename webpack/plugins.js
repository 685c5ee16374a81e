// Small webpack plugins for the production build.
const zlib = require('node:zlib');
const { promisify } = require('node:util');
const { Compilation, sources } = require('webpack');
const { transformSync } = require('esbuild');

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Writes `.gz` and `.br` beside every text asset, for `npm run serve` to send as they are. */
class PrecompressPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      // With a persistent cache (webpack.config.js), an asset compressed by an earlier build is not compressed again.
      const cache = compilation.getCache('PrecompressPlugin');
      compilation.hooks.processAssets.tapPromise(
        { name: 'PrecompressPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) =>
          Promise.all(
            Object.keys(assets)
              .filter((name) => /\.(js|css|html|svg)$/.test(name))
              .map(async (name) => {
                const item = cache.getItemCache(name, cache.getLazyHashedEtag(assets[name]));
                const compressed = (await item.getPromise()) ?? (await compress(assets[name].buffer()));
                await item.storePromise(compressed);
                compilation.emitAsset(`${name}.gz`, new sources.RawSource(compressed.gz));
                compilation.emitAsset(`${name}.br`, new sources.RawSource(compressed.br));
              })
          )
      );
    });
  }
}

/** gzip and brotli at their best, for the static servers to send as they are. */
async function compress(buffer) {
  const [gz, br] = await Promise.all([
    gzip(buffer, { level: zlib.constants.Z_BEST_COMPRESSION }),
    brotli(buffer, {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length
      }
    })
  ]);
  return { gz, br };
}

/**
 * Minifies the extracted CSS (webpack minifies only JS) with esbuild, keeping its source map.
 * esbuild is a devDependency anyway (tsx runs on it), so no CSS minimizer plugin is added.
 */
class CssMinimizerPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CssMinimizerPlugin', (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: 'CssMinimizerPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE },
        (assets) => {
          for (const name of Object.keys(assets).filter((file) => file.endsWith('.css'))) {
            const { source, map } = assets[name].sourceAndMap();
            const result = transformSync(source.toString(), { loader: 'css', minify: true, sourcemap: 'external', sourcefile: name });
            compilation.updateAsset(name, new sources.SourceMapSource(result.code, name, result.map, source.toString(), map, true));
          }
        }
      );
    });
  }
}

/**
 * Names the JS files of Lock's lazy chunk group (Lock's UI and auth0-js) in index.html, as
 * `<meta name="auth0-lock-prefetch" content="lock.<hash>.js auth0-js.<hash>.js">`: the session
 * module prefetches them for a logged-out visitor while the app boots (components/auth/engines/lock/lock-warm-up.ts).
 * Hashed names are known only here, after the build; nothing is fetched for a visitor who is logged in.
 */
class LockPrefetchMetaPlugin {
  constructor(HtmlWebpackPlugin, chunkName) {
    this.HtmlWebpackPlugin = HtmlWebpackPlugin;
    this.chunkName = chunkName;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('LockPrefetchMetaPlugin', (compilation) => {
      this.HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap('LockPrefetchMetaPlugin', (data) => {
        const group = compilation.namedChunkGroups.get(this.chunkName);
        // The app's page only: the cross-origin verification fallback page never shows Lock.
        if (group && data.outputName === 'index.html') {
          const files = group.chunks.flatMap((chunk) => [...chunk.files]).filter((file) => file.endsWith('.js'));
          const content = files.map((file) => `${data.publicPath}${file}`).join(' ');
          data.headTags.push(this.HtmlWebpackPlugin.createHtmlTagObject('meta', { name: 'auth0-lock-prefetch', content }));
        }
        return data;
      });
    });
  }
}

/** Emits a JSON file; used for the headers the production server must send with this build. */
class JsonAssetPlugin {
  constructor(name, value) {
    this.name = name;
    this.value = value;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('JsonAssetPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'JsonAssetPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.emitAsset(this.name, new sources.RawSource(`${JSON.stringify(this.value, null, 2)}\n`));
      });
    });
  }
}

module.exports = { CssMinimizerPlugin, JsonAssetPlugin, LockPrefetchMetaPlugin, PrecompressPlugin };
