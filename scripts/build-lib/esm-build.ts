// The ES module build of components/auth (dist-lib/esm/), with TypeScript's API: our code and its
// typings, rewritten to import the third-party code webpack/lib.config.js bundles into
// esm/third-party/ by relative paths, so an app's bundler needs no setup.
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { ESM, OUT, ROOT, SOURCE, THIRD_PARTY, posix } from './paths';
import { writeBundledTypings } from './public-typings';

/**
 * The bare imports of components/auth, each replaced in the ES module build by its file in
 * esm/third-party/. `angular` stays bare: the app's own AngularJS, the one peer dependency.
 */
const THIRD_PARTY_FILES: Readonly<Partial<Record<string, string>>> = {
  'angular-jwt': 'angular-jwt.js',
  'angular-lock': 'angular-lock.js',
  'auth0-js': 'auth0-js.js',
  'auth0-lock': 'auth0-lock.js',
  '@auth0/auth0-spa-js': 'auth0-spa-js.js'
};
const PEER = 'angular';

function formatDiagnostics(diagnostics: readonly ts.Diagnostic[]): string {
  return ts.formatDiagnostics(diagnostics, {
    getCanonicalFileName: (file) => file,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => '\n'
  });
}

/** `./x` → `./x.js` (or `./x/index.js`): full paths, as browsers and strict ES module bundlers want them. */
function relativeSpecifier(fromFile: string, specifier: string): string {
  const target = path.resolve(path.dirname(fromFile), specifier);
  for (const [suffix, emitted] of [
    ['.ts', '.js'],
    [`${path.sep}index.ts`, '/index.js']
  ]) {
    try {
      if (statSync(target + suffix).isFile()) {
        return specifier + emitted;
      }
    } catch {
      // not this one
    }
  }
  throw new Error(`build-lib: ${path.relative(ROOT, fromFile)} imports ${specifier}, which is no TypeScript file`);
}

/** The specifier the ES module build uses for `specifier`, imported by the source file `fromFile`. */
function esmSpecifier(fromFile: string, specifier: string, declarations: boolean): string {
  if (specifier.startsWith('.')) {
    return relativeSpecifier(fromFile, specifier);
  }
  const file = THIRD_PARTY_FILES[specifier];
  if (declarations || file === undefined) {
    // `angular`; type-only imports, which TypeScript drops later (assertOnlyPeerImports checks the
    // JavaScript); typings keep their packages' names (the consumer's TypeScript resolves them).
    return specifier;
  }
  const fromDir = path.join(ESM, path.relative(SOURCE, path.dirname(fromFile)));
  const relative = posix(path.relative(fromDir, path.join(THIRD_PARTY, file)));
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** A TypeScript transformer: every module specifier (import, export, import(), import types) through esmSpecifier. */
function rewriteSpecifiers(declarations: boolean): ts.TransformerFactory<ts.SourceFile> {
  return (context) => (sourceFile) => {
    const { factory } = context;
    const literal = (node: ts.StringLiteral): ts.StringLiteral => {
      const rewritten = factory.createStringLiteral(esmSpecifier(sourceFile.fileName, node.text, declarations), true);
      // Keeps comments such as import(/* webpackChunkName: "lock" */ …) for the app's bundler.
      ts.setCommentRange(rewritten, node);
      return rewritten;
    };
    const visit = (node: ts.Node): ts.Node => {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
        return factory.updateImportDeclaration(node, node.modifiers, node.importClause, literal(node.moduleSpecifier), node.attributes);
      }
      if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        return factory.updateExportDeclaration(
          node,
          node.modifiers,
          node.isTypeOnly,
          node.exportClause,
          literal(node.moduleSpecifier),
          node.attributes
        );
      }
      if (
        ts.isCallExpression(node) &&
        node.expression.kind === ts.SyntaxKind.ImportKeyword &&
        node.arguments.length > 0 &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        return factory.updateCallExpression(node, node.expression, node.typeArguments, [
          literal(node.arguments[0]),
          ...node.arguments.slice(1)
        ]);
      }
      if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
        const argument = factory.updateLiteralTypeNode(node.argument, literal(node.argument.literal));
        return factory.updateImportTypeNode(node, argument, node.attributes, node.qualifier, node.typeArguments, node.isTypeOf);
      }
      return ts.visitEachChild(node, visit, context);
    };
    return ts.visitEachChild(sourceFile, visit, context);
  };
}

/** The ES module build imports nothing by name but `angular`: the rest is in esm/third-party/. */
function assertOnlyPeerImports(emitted: ReadonlyMap<string, string>): void {
  for (const [file, text] of emitted) {
    if (!file.endsWith('.js')) {
      continue;
    }
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!fileName.startsWith('.') && fileName !== PEER) {
        throw new Error(
          `build-lib: ${path.relative(OUT, file)} imports '${fileName}', which the ES module build neither bundles nor leaves to the app: add it to THIRD_PARTY_FILES (scripts/build-lib.ts) and to esmThirdParty() (webpack/lib.config.js)`
        );
      }
    }
  }
}

/** The .d.ts a consumer's TypeScript reads: index.d.ts and what it references, relative imports followed. */
function reachableDeclarations(emitted: ReadonlyMap<string, string>, entry: string): Set<string> {
  const reachable = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (reachable.has(file)) {
      continue;
    }
    const text = emitted.get(file);
    if (text === undefined) {
      throw new Error(`build-lib: the typings need ${path.relative(OUT, file)}, which TypeScript did not emit`);
    }
    reachable.add(file);
    const { importedFiles, referencedFiles } = ts.preProcessFile(text, true, true);
    for (const { fileName } of [...importedFiles, ...referencedFiles]) {
      if (fileName.startsWith('.')) {
        pending.push(path.resolve(path.dirname(file), fileName).replace(/\.js$/, '.d.ts'));
      }
    }
  }
  return reachable;
}

/** The ES module build of components/auth: JavaScript, source maps and the typings a consumer reads. */
export function buildEsm(): void {
  const configFile = path.join(ROOT, 'tsconfig.lib.json');
  const config = ts.getParsedCommandLineOfConfigFile(configFile, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(formatDiagnostics([diagnostic]));
    }
  });
  if (!config) {
    throw new Error(`build-lib: cannot read ${configFile}`);
  }
  const program = ts.createProgram({ rootNames: config.fileNames, options: { ...config.options, outDir: ESM, rootDir: SOURCE } });
  // Type errors fail the build; declaration errors are sorted out below, once it is known which typings matter.
  const errors = [
    ...config.errors,
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...program.getSyntacticDiagnostics(),
    ...program.getSemanticDiagnostics()
  ];
  if (errors.length > 0) {
    throw new Error(`build-lib: TypeScript:\n${formatDiagnostics(errors)}`);
  }
  const emitted = new Map<string, string>();
  const result = program.emit(undefined, (file, text) => emitted.set(path.resolve(file), text), undefined, false, {
    before: [rewriteSpecifiers(false)],
    afterDeclarations: [rewriteSpecifiers(true) as ts.TransformerFactory<ts.SourceFile | ts.Bundle>]
  });
  const index = path.join(ESM, 'index.d.ts');
  const reachable = reachableDeclarations(emitted, index);
  // A declaration error matters only in typings a consumer reads: engines/lock/lazy-lock.ts's anonymous
  // class (private members) has none, and nothing public refers to it.
  const declarationOf = (file: string): string => path.join(ESM, path.relative(SOURCE, file)).replace(/\.ts$/, '.d.ts');
  const relevant = [...program.getDeclarationDiagnostics(), ...result.diagnostics].filter(
    (diagnostic) => !diagnostic.file || reachable.has(declarationOf(diagnostic.file.fileName))
  );
  if (relevant.length > 0) {
    throw new Error(`build-lib: TypeScript:\n${formatDiagnostics(relevant)}`);
  }
  assertOnlyPeerImports(emitted);
  const references = writeBundledTypings();
  for (const [file, text] of emitted) {
    if (file.endsWith('.d.ts') && !reachable.has(file)) {
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    const header =
      file === index
        ? ['angular', 'angular-jwt'].map((name) => `/// <reference types="${name}" />\n`).join('') +
          references.map((ref) => `/// <reference path="${ref}" />\n`).join('')
        : '';
    writeFileSync(file, header + text);
  }
}

/** A package's own self-contained ES module build, copied into esm/third-party/ as `target`, with its source map. */
function copyEsmBuild(packageName: string, distFile: string, target: string): void {
  const packageDir = path.dirname(require.resolve(`${packageName}/package.json`));
  const source = readFileSync(path.join(packageDir, distFile), 'utf8');
  const mapComment = `//# sourceMappingURL=${path.basename(distFile)}.map`;
  if (!source.includes(mapComment)) {
    throw new Error(`build-lib: ${packageName}'s ${distFile} has no "${mapComment}" any more`);
  }
  mkdirSync(THIRD_PARTY, { recursive: true });
  writeFileSync(path.join(THIRD_PARTY, target), source.replace(mapComment, `//# sourceMappingURL=${target}.map`));
  copyFileSync(path.join(packageDir, `${distFile}.map`), path.join(THIRD_PARTY, `${target}.map`));
}

/** auth0-js's own ES module build, which esm/third-party/auth0-lock.js and our glue both import. */
export function copyAuth0Js(): void {
  copyEsmBuild('auth0-js', 'dist/auth0.min.esm.js', 'auth0-js.js');
}

/** auth0-spa-js's own ES module build (its dependencies inlined), for universal mode's chunk. */
export function copyAuth0SpaJs(): void {
  copyEsmBuild('@auth0/auth0-spa-js', 'dist/auth0-spa-js.production.esm.js', 'auth0-spa-js.js');
}
