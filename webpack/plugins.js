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
      compilation.hooks.processAssets.tapPromise(
        { name: 'PrecompressPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER },
        (assets) =>
          Promise.all(
            Object.keys(assets)
              .filter((name) => /\.(js|css|html|svg)$/.test(name))
              .map(async (name) => {
                const buffer = assets[name].buffer();
                const [gz, br] = await Promise.all([
                  gzip(buffer, { level: zlib.constants.Z_BEST_COMPRESSION }),
                  brotli(buffer, {
                    params: {
                      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
                      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buffer.length
                    }
                  })
                ]);
                compilation.emitAsset(`${name}.gz`, new sources.RawSource(gz));
                compilation.emitAsset(`${name}.br`, new sources.RawSource(br));
              })
          )
      );
    });
  }
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

module.exports = { CssMinimizerPlugin, JsonAssetPlugin, PrecompressPlugin };
