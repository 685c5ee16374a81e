// A webpack loader for the library's ES5 scripts (webpack/lib.config.js): third-party JavaScript that
// already parses as ES5 passes through untouched; anything newer (auth0-js's ES module build, ES2015+
// files of Lock's tree) is compiled to ES5 by TypeScript as JavaScript. TypeScript is here anyway;
// scripts/build-lib.ts then proves every emitted file is ES5.
const acorn = require('acorn');
const ts = require('typescript');

const compilerOptions = {
  allowJs: true,
  target: ts.ScriptTarget.ES5,
  // import/export stay for webpack; only the syntax inside is lowered.
  module: ts.ModuleKind.ESNext,
  downlevelIteration: true,
  // Third-party scripts keep their own mode: no "use strict" is added to a sloppy one.
  alwaysStrict: false,
  sourceMap: true,
  inlineSources: true
};

function isEs5Script(source) {
  try {
    acorn.parse(source, { ecmaVersion: 5, sourceType: 'script' });
    return true;
  } catch {
    return false;
  }
}

module.exports = function es5Loader(source) {
  if (isEs5Script(source)) {
    return source;
  }
  const output = ts.transpileModule(source, { fileName: this.resourcePath, compilerOptions, reportDiagnostics: true });
  const errors = (output.diagnostics ?? []).filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    throw new Error(
      `es5-loader: TypeScript cannot compile ${this.resourcePath}: ${ts.flattenDiagnosticMessageText(errors[0].messageText, '\n')}`
    );
  }
  const map = JSON.parse(output.sourceMapText);
  map.sources = [this.resourcePath];
  const code = output.outputText.replace(/\n\/\/# sourceMappingURL=.*$/, '');
  this.callback(null, code, map);
  return undefined;
};
