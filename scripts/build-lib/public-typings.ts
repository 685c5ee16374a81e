// The typings of what the package bundles, beside the .d.ts TypeScript emits for components/auth
// (esm-build.ts), and the typings of the UMD script for require(). They depend on no typings of a
// bundled package: Lock's global types are copied in, and the auth0-js types they name are auth0-js
// 10's (auth0-js-10.d.ts), not @types/auth0-js, which describes version 9.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { ESM, NAME, OUT, SOURCE, installedVersion } from './paths';

const PEER = 'angular';
const TYPES_DIR = path.join(ESM, 'types');
/** esm/types/auth0-js.d.ts, as the other files of esm/types/ import it. */
const AUTH0_JS_TYPES = './auth0-js.js';

/** Statements of a .d.ts file, as written (comments included), chosen by `keep`. */
function declarationStatements(file: string, keep: (statement: ts.Statement) => boolean): string {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const kept = source.statements.filter(keep);
  if (kept.length === 0) {
    throw new Error(`build-lib: nothing to keep of ${file}`);
  }
  return `${kept.map((statement) => text.slice(statement.getFullStart(), statement.end).replace(/^\n+/, '')).join('\n\n')}\n`;
}

const isModuleNamed = (statement: ts.Statement, name: string): boolean =>
  ts.isModuleDeclaration(statement) && ts.isStringLiteral(statement.name) && statement.name.text === name;

/**
 * `text` with every `auth0.X` (the global namespace of @types/auth0-js) as `import("./auth0-js.js").X`,
 * and its `/// <reference types="auth0-js" />` dropped; throws if `auth0` is left anywhere else.
 */
export function pointAtAuth0JsTypes(text: string, file: string): string {
  const withoutReference = text.replace(/^\/\/\/ *<reference types="auth0-js" *\/>\n/m, '');
  const source = ts.createSourceFile(file, withoutReference, ts.ScriptTarget.Latest, true);
  const replacements: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isQualifiedName(node) && ts.isIdentifier(node.left) && node.left.text === 'auth0') {
      replacements.push({ start: node.getStart(source), end: node.end, text: `import("${AUTH0_JS_TYPES}").${node.right.text}` });
      return;
    }
    if (ts.isIdentifier(node) && node.text === 'auth0') {
      throw new Error(`build-lib: ${file} uses \`auth0\` other than as auth0.X in a type: point it at auth0-js-10.d.ts by hand`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return replacements
    .sort((a, b) => b.start - a.start)
    .reduce(
      (rewritten, { start, end, text: replacement }) => rewritten.slice(0, start) + replacement + rewritten.slice(end),
      withoutReference
    );
}

/**
 * Typings of what the ES module build bundles, for its .d.ts; returns the references index.d.ts needs:
 *  - types/vendor-typings.d.ts: components/auth's augmentation of `angular` (angular.lock, angular.jwt),
 *    without its module declarations for angular-lock and angular-jwt, which the package does not import;
 *  - types/auth0-lock.d.ts: Lock's own global types (Auth0LockConstructorOptions…), without its
 *    `declare module "auth0-lock"`: Lock's code is bundled, the package does not depend on it;
 *  - types/auth0-js.d.ts: the auth0-js 10 types those two name.
 */
export function writeBundledTypings(): string[] {
  mkdirSync(TYPES_DIR, { recursive: true });
  const vendorFile = path.join(SOURCE, 'engines', 'lock', 'vendor-typings.d.ts');
  const vendorTypings = declarationStatements(
    vendorFile,
    (statement) =>
      (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === PEER) ||
      isModuleNamed(statement, PEER)
  );
  writeFileSync(
    path.join(TYPES_DIR, 'vendor-typings.d.ts'),
    `// From components/auth/engines/lock/vendor-typings.d.ts: what angular-lock and angular-jwt add to \`angular\`.\n${pointAtAuth0JsTypes(vendorTypings, vendorFile)}`
  );
  const lockTypes = require.resolve('auth0-lock/types/index.d.ts');
  const lockGlobals = declarationStatements(lockTypes, (statement) => !isModuleNamed(statement, 'auth0-lock'));
  writeFileSync(
    path.join(TYPES_DIR, 'auth0-lock.d.ts'),
    `// The global types of auth0-lock ${installedVersion('auth0-lock')} (its types/index.d.ts, MIT), which this package bundles.\n${pointAtAuth0JsTypes(lockGlobals, lockTypes)}`
  );
  copyFileSync(path.join(__dirname, 'auth0-js-10.d.ts'), path.join(TYPES_DIR, 'auth0-js.d.ts'));
  return ['./types/vendor-typings.d.ts', './types/auth0-lock.d.ts'];
}

/** The UMD script's typings: auth0-angularjs-session.d.ts beside it. */
export const SCRIPT_TYPINGS = `${NAME}.d.ts`;

/**
 * auth0-angularjs-session.d.ts, for `require()` of the UMD script (a CommonJS module: the package has no
 * `"type": "module"`), whose `module.exports` is the module's name: the ES module build's default
 * export, with its exported types as members of the same name (`session.AuthService`).
 */
export function writeScriptTypings(): void {
  const index = path.join(ESM, 'index.d.ts');
  const source = ts.createSourceFile(index, readFileSync(index, 'utf8'), ts.ScriptTarget.Latest, true);
  const typeNames = source.statements.flatMap((statement) =>
    ts.isExportDeclaration(statement) && statement.isTypeOnly && statement.exportClause && ts.isNamedExports(statement.exportClause)
      ? statement.exportClause.elements.map((element) => element.name.text)
      : []
  );
  if (typeNames.length === 0) throw new Error('build-lib: esm/index.d.ts exports no type: is it still `export type { … }`?');
  const text = [
    `// ${NAME}.js (UMD) for require(): its module.exports is the name of the AngularJS module.`,
    "// A CommonJS file may import an ES module's types only so (TypeScript 5.3+).",
    "import type * as esm from './esm/index.js' with { 'resolution-mode': 'import' };",
    'declare const authSessionModule: typeof esm.default;',
    'declare namespace authSessionModule {',
    ...typeNames.map((name) => `  export type ${name} = esm.${name};`),
    '}',
    'export = authSessionModule;',
    ''
  ].join('\n');
  writeFileSync(path.join(OUT, SCRIPT_TYPINGS), text);
}
